"""`/milo forget` and `DELETE /api/v1/candidates` over the wire: after it, nothing in the workspace carries
the address (every text column of every table, the data folder's bytes, the messages Slack holds), one
hashed audit line remains, and the other workspace's person with the same address is untouched."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from milobot import metadata
from milobot.db.models import AuditEntry, Candidate, Interview, Workspace
from milobot.db.types import utcnow
from milobot.ids import PrivacyView
from milobot.services.erasure import ERASE_ACTION, address_hash
from milobot.services.report_links import LinkClaims, sign
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.harness import SECRET_KEY
from tests.interview_web.helpers import CARD_CHANNEL
from tests.privacy.support import (
    EMAIL,
    OTHER_TEAM,
    files_carrying,
    messages_carrying,
    outbox_idle,
    rows_carrying,
    seed_other_workspace,
    seed_person,
)

VIEWER = "UVIEWER001"


def _private_cards(slack) -> None:
    # A private channel: the cards carry the e-mail, so the message search has something to find.
    slack.add_channel(CARD_CHANNEL, "hiring", is_private=True, is_channel=False, is_group=True)


async def _open_forget(milo, slack, text: str = f"forget {EMAIL}", user: str = ADMIN) -> dict:
    mark = slack.mark()
    await milo.command(text, user=user, trigger_id=payloads.new_trigger_id())
    await slack.wait_for("views.open", since=mark)
    return [v for v in slack.views.values() if v.get("callback_id") == PrivacyView.FORGET_CONFIRM][-1]


async def _submit(milo, slack, view: dict, *, user: str = ADMIN, private_metadata: str | None = None) -> str:
    """Submit the confirmation; the text the modal shows once the erasure finished (views.update)."""
    view_id = view["id"]
    mark = slack.mark()
    resp = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            user,
            PrivacyView.FORGET_CONFIRM,
            {},
            view["private_metadata"] if private_metadata is None else private_metadata,
            view_id=view_id,
        )
    )
    assert resp.status == 200
    updated = await slack.wait_for("views.update", since=mark, timeout=15)
    return json.dumps(updated.args["view"])


async def _ws_id(milo, team: str) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(Workspace.id).where(Workspace.team_id == team))


async def test_forget_leaves_nothing_carrying_the_address_but_one_hashed_audit_line(milo, slack):
    _private_cards(slack)
    seeded = await seed_person(milo)
    other_candidate = await seed_other_workspace(milo)
    home, other = await _ws_id(milo, slack.team_id), await _ws_id(milo, OTHER_TEAM)
    data = Path(milo.settings.data_dir)
    report = sign(SECRET_KEY, LinkClaims(home, seeded.candidate_ids[0], 0, utcnow() + timedelta(days=1)))
    assert (await milo.get(f"/r/{report}")).status == 200
    # Before: the address is everywhere the search looks, so the searches can fail.
    assert {ws for _, ws in await rows_carrying(milo, EMAIL)} == {home, other}
    assert len(files_carrying(data, EMAIL)) >= 4  # two recordings, a résumé, an upload
    assert messages_carrying(slack, EMAIL)

    view = await _open_forget(milo, slack)
    shown = json.dumps(view["blocks"])
    assert "*2 candidates*" in shown, shown
    assert "*4 files*" in shown, shown
    assert "*1 import draft*" in shown and "messages" in shown
    done = await _submit(milo, slack, view)
    assert "Erased 2 candidates, 2 interviews, 4 files and 1 import draft" in done
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)

    assert {ws for _, ws in await rows_carrying(milo, EMAIL)} == {other}
    assert files_carrying(data, EMAIL) == []
    assert messages_carrying(slack, EMAIL) == [] and messages_carrying(slack, "Jane Roe") == []
    for channel, ts in seeded.cards:
        assert "erased" in json.dumps(slack.message(channel, ts)), "the card now says its details were erased"
    assert (await milo.get(f"/r/{report}")).status == 404
    async with milo.container.db.unit_of_work() as s:
        entries = (await s.scalars(select(AuditEntry).where(AuditEntry.workspace_id == home))).all()
        assert (
            await s.scalar(select(func.count()).select_from(Interview).where(Interview.workspace_id == home))
            == 0
        )
        assert await s.get(Candidate, other_candidate) is not None
    erasures = [e for e in entries if e.action == ERASE_ACTION]
    assert len(erasures) == 1 and erasures[0].actor_id == ADMIN
    assert erasures[0].detail == {"address_sha256": address_hash(SECRET_KEY, EMAIL), "via": "forget"}
    assert "candidate.note" not in {e.action for e in entries}  # the earlier line about her is gone
    assert "team.invite" in {e.action for e in entries}  # lines about others stay


async def test_twice_is_harmless_and_an_unknown_address_changes_nothing(milo, slack):
    await seed_person(milo, interviews=1)
    await _submit(milo, slack, await _open_forget(milo, slack))
    async with milo.container.db.unit_of_work() as s:
        audit_before = await s.scalar(select(func.count()).select_from(AuditEntry))
    for text in (f"forget {EMAIL}", f"forget <mailto:{EMAIL.upper()}|{EMAIL}>", "forget nobody@example.org"):
        mark = slack.mark()
        await milo.command(text, user=ADMIN, trigger_id=payloads.new_trigger_id())
        reply = await slack.wait_for("response_url", since=mark)
        assert "Nothing is held" in reply.args["text"] and "nothing was changed" in reply.args["text"]
        assert not [c for c in slack.calls[mark:] if c.method == "views.open"]
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before

    mark = slack.mark()
    await milo.command("forget not-an-address", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "Give an e-mail address" in reply.args["text"]


async def test_a_viewer_is_refused_forget_and_export(milo, slack):
    await seed_person(milo, interviews=1)
    mark = slack.mark()
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await slack.wait_for("response_url", since=mark)
    for text in (f"forget {EMAIL}", f"export {EMAIL}"):
        mark = slack.mark()
        await milo.command(text, user=VIEWER, trigger_id=payloads.new_trigger_id())
        reply = await slack.wait_for("response_url", since=mark)
        assert "Only admins" in reply.args["text"], text
    # A viewer who crafts the confirmation themselves is refused by the service all the same.
    home = await _ws_id(milo, slack.team_id)
    forged = metadata.encode(metadata.ForgetConfirm(workspace_id=home, email=EMAIL))
    slack.views["VFORGED001"] = {
        "id": "VFORGED001",
        "callback_id": PrivacyView.FORGET_CONFIRM,
        "hash": "h",
        "root_view_id": "VFORGED001",
    }
    done = await _submit(milo, slack, {"id": "VFORGED001", "private_metadata": forged}, user=VIEWER)
    assert "Only admins" in done
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(Candidate)) == 1


async def test_a_confirmation_naming_another_workspace_is_refused(milo, slack):
    await seed_person(milo, interviews=1)
    await seed_other_workspace(milo)
    other = await _ws_id(milo, OTHER_TEAM)
    view = await _open_forget(milo, slack)
    forged = metadata.encode(metadata.ForgetConfirm(workspace_id=other, email=EMAIL))
    done = await _submit(milo, slack, view, private_metadata=forged)
    assert "not for this workspace" in done and "nothing was erased" in done
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(Candidate)) == 2
    garbled = await _submit(milo, slack, view, private_metadata='{"workspace_id": "1; drop"}')
    assert "garbled" in garbled or "bad id" in garbled or "incomplete" in garbled


async def test_the_api_delete_erases_the_same_way_and_is_idempotent(milo, slack):
    _private_cards(slack)
    seeded = await seed_person(milo, interviews=1)
    await seed_other_workspace(milo)
    other = await _ws_id(milo, OTHER_TEAM)
    url = f"{milo.base_url}/api/v1/candidates"
    auth = {"Authorization": f"Bearer {seeded.key}"}
    async with milo.http.delete(url, params={"email": EMAIL}) as resp:
        assert resp.status == 401
    async with milo.http.delete(url, params={"email": "nope"}, headers=auth) as resp:
        assert resp.status == 422 and (await resp.json())["field"] == "email"
    async with milo.http.delete(url, params={"email": EMAIL.upper()}, headers=auth) as resp:
        assert resp.status == 200
        assert await resp.json() == {
            "found": True,
            "candidates": 1,
            "interviews": 1,
            "files": 3,
            "drafts": 1,
            "slack_files": 0,
        }
    async with milo.http.delete(url, params={"email": EMAIL}, headers=auth) as resp:
        assert (await resp.json())["found"] is False
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert {ws for _, ws in await rows_carrying(milo, EMAIL)} == {other}
    assert files_carrying(Path(milo.settings.data_dir), EMAIL) == []
    assert messages_carrying(slack, EMAIL) == []
    async with milo.container.db.unit_of_work() as s:
        line = await s.scalar(select(AuditEntry).where(AuditEntry.action == ERASE_ACTION))
    assert line.detail["via"] == "api" and line.actor_id.startswith("api:")
