"""A personal data export (`/milo export`) still uploading when the person it is about is erased is deleted
the moment its upload lands (its outbox row was erased under it, so the delivery deletes what it
uploaded: jobs/outbox.py). Another person's export landing at the same time stays, and so does an export
of the same address in another workspace; nothing stored keeps the erased person's name or address."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from milobot.db.models import Candidate, Interview, OutboxMessage, Workspace
from milobot.db.types import utcnow
from milobot.jobs.retention import run_retention
from milobot.services.privacy_export import EXPORT_KIND
from tests.conftest import ADMIN
from tests.privacy.support import files_carrying, outbox_idle, rows_carrying
from tests.privacy.test_forget import _open_forget, _submit, _ws_id
from tests.privacy.test_forget_uploads_in_flight import _deleted
from tests.reports.support import OTHER_TEAM, seed

ANA = "ana.gone@example.org"
BO = "bo.kept@example.org"


async def _export_in_flight(milo, slack, email: str, *, team: str | None = None) -> str:
    """Ask for an export and wait until its upload is held at files.completeUploadExternal: its file id."""
    mark = slack.mark()
    await milo.command(f"export <mailto:{email}|{email}>", user=ADMIN, team=team)
    reply = await slack.wait_for("response_url", since=mark)
    assert "arrives in your DM" in reply.args["text"], reply.args
    held = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=30)
    return str(held.args["files"][0]["id"])


async def _export_rows(milo) -> dict[str, OutboxMessage]:
    """The export rows left in the outbox, by the address they were asked for."""
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == EXPORT_KIND))).all()
    return {f"{r.workspace_id}:{r.payload['email']}": r for r in rows}


def _deleted_includes(slack, file_id: str):
    async def check() -> bool:
        return file_id in _deleted(slack)

    return check


def _exports_done(milo, keys: set[str]):
    """Every export row left is done, and they are these: each delivery has landed and recorded it."""

    async def check() -> bool:
        rows = await _export_rows(milo)
        return set(rows) == keys and all(r.status == "done" for r in rows.values())

    return check


# An address need not be ASCII (RFC 6531): JSON columns store it escaped (json.dumps), as "\u00ef".
@pytest.mark.parametrize("address", [ANA, "anaïs.gone@exämple.org"])
async def test_an_export_uploading_while_its_person_is_erased_is_deleted_when_it_lands(milo, slack, address):
    ana = await seed(milo, name="Ana Gone", email=address, resume=b"%PDF-1.4 Ana Gone " + address.encode())
    await seed(milo, name="Bo Kept", email=BO, agent_id=ana.agent_id)
    slack.add_workspace(OTHER_TEAM, f"xoxb-fake-{OTHER_TEAM}")
    await milo.seat(OTHER_TEAM, ADMIN)
    elsewhere = await seed(milo, name="Ana Elsewhere", email=address, team=OTHER_TEAM)
    home, other = await _ws_id(milo, slack.team_id), await _ws_id(milo, OTHER_TEAM)
    data = Path(milo.settings.data_dir)

    gate = slack.hold("files.completeUploadExternal")  # Slack takes its time with all three ZIPs
    hers = await _export_in_flight(milo, slack, address)
    his = await _export_in_flight(milo, slack, BO)
    theirs = await _export_in_flight(milo, slack, address, team=OTHER_TEAM)
    assert len({hers, his, theirs}) == 3
    # Before: her address is stored in both workspaces (her export's row among them), and her ZIP, with
    # her résumé inside as it is, waits in the data folder's tmp/ while it uploads.
    assert {ws for _, ws in await rows_carrying(milo, address)} == {home, other}
    assert f"{home}:{address}" in await _export_rows(milo)
    assert [p for p in files_carrying(data, address) if "/tmp/export-" in p]

    view = await _open_forget(milo, slack, text=f"forget {address}")
    await _submit(milo, slack, view)
    assert _deleted(slack) == []  # nothing of hers had landed in Slack yet
    gate.set()

    await milo.wait_until(_deleted_includes(slack, hers), timeout=15)
    # The other two landed too (their rows say done), and whatever their landing queued was sent.
    await milo.wait_until(_exports_done(milo, {f"{home}:{BO}", f"{other}:{address}"}), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [hers], "her export is deleted once, and nothing else is"
    assert hers not in slack._files
    assert his in slack._files and theirs in slack._files

    rows = await _export_rows(milo)
    assert set(rows) == {f"{home}:{BO}", f"{other}:{address}"}, "her export's row is gone with her"
    assert rows[f"{home}:{BO}"].result["slack_files"] == [his]
    assert rows[f"{other}:{address}"].result["slack_files"] == [theirs]
    assert {ws for _, ws in await rows_carrying(milo, address)} == {other}
    assert await rows_carrying(milo, "Ana Gone") == []
    assert files_carrying(data, address) == [], "her ZIP left tmp/ once uploaded, her résumé with the erasure"
    async with milo.container.db.unit_of_work() as s:
        assert await s.get(Candidate, ana.candidate_id) is None
        assert (await s.get(Candidate, elsewhere.candidate_id)).name == "Ana Elsewhere"


async def test_an_export_uploading_while_retention_erases_its_person_is_deleted_when_it_lands(milo, slack):
    """Retention erases by candidate, then by their address: the export's row names only the address."""
    ana = await seed(milo, name="Ana Gone", email=ANA)
    await seed(milo, name="Bo Kept", email=BO, agent_id=ana.agent_id)
    await milo.seat(slack.team_id, ADMIN)
    now = utcnow()
    long_ago = now - timedelta(days=400)
    async with milo.container.db.unit_of_work() as s:
        aged = await s.get(Candidate, ana.candidate_id)
        aged.created_at = aged.updated_at = long_ago
        interview = await s.get(Interview, ana.interview_id)
        interview.started_at = interview.completed_at = interview.consented_at = long_ago
        ws = await s.scalar(select(Workspace).where(Workspace.team_id == slack.team_id))
        ws.settings = {**(ws.settings or {}), "retention_days": 180}

    gate = slack.hold("files.completeUploadExternal")
    hers = await _export_in_flight(milo, slack, ANA)
    his = await _export_in_flight(milo, slack, BO)
    outcomes = await run_retention(milo.container, now)
    assert [o.candidates for o in outcomes] == [1]
    assert _deleted(slack) == []
    gate.set()

    await milo.wait_until(_deleted_includes(slack, hers), timeout=15)
    await milo.wait_until(_exports_done(milo, {f"{ws.id}:{BO}"}), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [hers] and his in slack._files
    assert set(await _export_rows(milo)) == {f"{ws.id}:{BO}"}
    assert await rows_carrying(milo, ANA) == [] and await rows_carrying(milo, "Ana Gone") == []
