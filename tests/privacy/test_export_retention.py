"""`/milo export` (the ZIP in the admin's DM), the retention job run with a controlled `now`, and the
Privacy & retention modal (its preview count, and what Save stores)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import func, select

from milobot.db.models import Agent, AuditEntry, Candidate, Interview, Workspace
from milobot.db.types import utcnow
from milobot.ids import PrivacyAction, PrivacyBlock, PrivacyView
from milobot.jobs.retention import run_retention
from milobot.services.candidate_records import new_candidate
from milobot.services.erasure import ERASE_ACTION
from milobot.services.privacy import REDACT, SHOW
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import make_agent
from tests.privacy.support import EMAIL, outbox_idle, seed_person


async def test_export_uploads_a_zip_of_everything_about_the_person_to_the_admins_dm(milo, slack):
    seeded = await seed_person(milo)
    mark = slack.mark()
    await milo.command(f"export <mailto:{EMAIL}|{EMAIL}>", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "arrives in your DM" in reply.args["text"]
    done = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=15)
    upload = next(iter(slack.uploaded_files.values()))
    assert upload.channel and upload.channel.startswith("D"), "the ZIP goes to the admin's DM"
    assert EMAIL not in json.dumps(done.args)
    with zipfile.ZipFile(io.BytesIO(upload.content)) as zf:
        names = zf.namelist()
        person = json.loads(zf.read("person.json"))
        recordings = [n for n in names if "interview-" in n]
        assert len(recordings) == 2 and all(EMAIL.encode() in zf.read(n) for n in recordings)
        assert any(n.endswith("/resume") or "/resume" in n for n in names)
    assert person["email"] == EMAIL
    assert sorted(c["id"] for c in person["candidates"]) == sorted(seeded.candidate_ids)
    first = next(c for c in person["candidates"] if c["notes"])
    assert first["notes"][0]["body"] == f"Wrote from {EMAIL}" and first["ratings"][0]["value"] == 4
    assert all(len(c["interviews"][0]["answers"]) == 3 for c in person["candidates"])
    assert person["import_drafts"][0]["profile"]["email"] == EMAIL
    assert "token" not in person["candidates"][0], "the personal link token is a credential, not data"
    async with milo.container.db.unit_of_work() as s:
        line = await s.scalar(select(AuditEntry).where(AuditEntry.action == "person.export"))
    assert EMAIL not in json.dumps(line.detail)


async def _aged_candidates(milo, now) -> dict[str, int]:
    """One candidate idle for 400 days, one idle for 400 days but rated last week, one added last week."""
    agent_id = await make_agent(milo)
    old, recent = now - timedelta(days=400), now - timedelta(days=7)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack_team(milo))
        ids = {}
        for name, created in (("Old Idle", old), ("Old Rated", old), ("New", recent)):
            c = new_candidate(
                s,
                workspace_id=ws.id,
                agent_id=agent_id,
                name=name,
                email=f"{name.replace(' ', '.').lower()}@example.com",
            )
            c.created_at = c.updated_at = created
            await s.flush()
            ids[name] = c.id
        from milobot.db.models import Rating

        s.add(
            Rating(
                workspace_id=ws.id,
                candidate_id=ids["Old Rated"],
                slack_user_id=ADMIN,
                kind="stars",
                value=3,
                created_at=recent,
                updated_at=recent,
            )
        )
    async with milo.container.db.unit_of_work() as s:  # the ORM's onupdate must not have moved them
        for c in (await s.scalars(select(Candidate))).all():
            if c.name != "New":
                c.updated_at = old
    return ids


def slack_team(milo) -> str:
    return milo.slack.team_id


async def test_retention_is_off_by_default_then_erases_idle_candidates_and_tells_the_admins(milo, slack):
    now = utcnow()
    ids = await _aged_candidates(milo, now)
    await milo.seat(slack.team_id, ADMIN)
    assert await run_retention(milo.container, now) == []  # no setting: nothing erased
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(Candidate)) == 3
        ws = await s.scalar(select(Workspace))
        ws.settings = {**(ws.settings or {}), "retention_days": 180}

    mark = slack.mark()
    job = SimpleNamespace(now=now)
    outcomes = await run_retention(milo.container, job.now)
    assert [(o.days, o.candidates) for o in outcomes] == [(180, 1)]
    async with milo.container.db.unit_of_work() as s:
        left = sorted((await s.scalars(select(Candidate.name))).all())
        erasures = (await s.scalars(select(AuditEntry).where(AuditEntry.action == ERASE_ACTION))).all()
    assert left == ["New", "Old Rated"]
    assert len(erasures) == 1 and erasures[0].detail["via"] == "retention"
    dm = await slack.wait_for(
        "chat.postMessage", lambda c: "Retention" in c.args["text"], since=mark, timeout=10
    )
    assert "erased 1 candidate" in dm.args["text"] and dm.args["channel"].startswith("D")
    assert ids["Old Idle"] not in (
        await run_retention(milo.container, now) or [None]
    )  # a second run: nothing due
    await milo.wait_until(lambda: outbox_idle(milo), timeout=10)


async def test_the_privacy_modal_previews_the_count_and_saves_retention_and_overrides(milo, slack):
    now = utcnow()
    await _aged_candidates(milo, now)
    agent_id = await make_agent(milo, name="Ops", share_token="share-tok-ops")
    mark = slack.mark()
    await milo.interact(payloads.block_actions(slack.team_id, ADMIN, PrivacyAction.SETTINGS_OPEN, "open"))
    await slack.wait_for("views.open", since=mark)
    view = [v for v in slack.views.values() if v.get("callback_id") == PrivacyView.SETTINGS][-1]
    assert "Retention is off" in json.dumps(view["blocks"])

    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(slack.team_id, ADMIN, PrivacyAction.RETENTION_CHANGED, "180", view=view)
    )
    await slack.wait_for("views.update", since=mark)
    assert "*1 candidate* would be erased" in json.dumps(slack.views[view["id"]]["blocks"])
    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id, ADMIN, PrivacyAction.RETENTION_CHANGED, "730", view=slack.views[view["id"]]
        )
    )
    await slack.wait_for("views.update", since=mark)
    assert "*0 candidates* would be erased" in json.dumps(slack.views[view["id"]]["blocks"])

    state = {
        PrivacyBlock.RETENTION: {PrivacyAction.RETENTION_CHANGED: payloads.static_select_state("180")},
        PrivacyBlock.PUBLIC: {"value": payloads.radio_buttons_state(SHOW)},
        PrivacyBlock.AGENTS_HIDE: {"value": payloads.multi_static_select_state([str(agent_id), "999999"])},
    }
    resp = await milo.interact(payloads.view_submission(slack.team_id, ADMIN, PrivacyView.SETTINGS, state))
    assert resp.status == 200 and not (await resp.text()).strip()
    async with milo.container.db.unit_of_work() as s:
        ws = await s.scalar(select(Workspace))
        agents = {a.name: a.public_channel_privacy for a in (await s.scalars(select(Agent))).all()}
        assert await s.scalar(select(func.count()).select_from(Interview)) == 0
    assert ws.settings["retention_days"] == 180 and ws.settings["public_channel_privacy"] == SHOW
    assert agents["Ops"] == REDACT and agents["Backend Engineer"] is None

    bad = {**state, PrivacyBlock.AGENTS_SHOW: {"value": payloads.multi_static_select_state([str(agent_id)])}}
    resp = await milo.interact(payloads.view_submission(slack.team_id, ADMIN, PrivacyView.SETTINGS, bad))
    assert "both show and hide" in await resp.text()

    viewer = "UVIEWER009"
    await milo.seat(slack.team_id, viewer, role="viewer")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, viewer, PrivacyAction.SETTINGS_OPEN, "open", response_url=slack.new_response_url()
        )
    )
    refused = await slack.wait_for("response_url", since=mark)
    assert "Only admins" in refused.args["text"]
