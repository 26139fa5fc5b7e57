"""Forgetting a person (or retention erasing them) deletes every candidate list Export CSV that listed
them from Slack: a CSV can't be edited, so the whole upload goes. An export that did not list them
stays, another workspace's exports are never touched, an export still uploading when they are erased
is deleted as soon as it lands, and an empty or failed export leaves nothing to find."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from milobot.db.models import Candidate, CandidateExport, CandidateExportRow, Workspace
from milobot.db.types import utcnow
from milobot.ids import CandidateList
from milobot.jobs.retention import run_retention
from tests.candidates.support import apply_filters, click, make_agent, notice, open_list, seed
from tests.conftest import ADMIN
from tests.privacy.support import outbox_idle
from tests.privacy.test_forget import _open_forget, _submit
from tests.privacy.test_forget_uploads import _upload_id

ANA = "ana.gone@example.org"
BO = "bo.kept@example.org"
OTHER_TEAM = "T0OTHER0CSV"


async def _export(milo, slack, view: dict, *, team: str | None = None) -> str:
    """Click Export CSV in the list as it stands; the Slack file id of the upload."""
    mark = slack.mark()
    after = await click(milo, slack, view, CandidateList.EXPORT, team=team)
    assert "CSV of the" in (notice(after) or "")
    return await _upload_id(slack, mark, "CSV export")


async def _exports(milo, team: str) -> dict[str | None, list[int]]:
    """The workspace's recorded exports: Slack file id -> the candidate ids it lists."""
    async with milo.container.db.unit_of_work() as s:
        ws = await s.scalar(select(Workspace.id).where(Workspace.team_id == team))
        found: dict[str | None, list[int]] = {}
        for export in (
            await s.scalars(select(CandidateExport).where(CandidateExport.workspace_id == ws))
        ).all():
            found[export.slack_file_id] = sorted(
                (
                    await s.scalars(
                        select(CandidateExportRow.candidate_id).where(
                            CandidateExportRow.export_id == export.id
                        )
                    )
                ).all()
            )
        return found


def _deleted(slack) -> list[str]:
    return [c.args["file"] for c in slack.calls_to("files.delete")]


def _deletions_are(slack, expected: list[str]):
    async def check() -> bool:
        return _deleted(slack) == expected

    return check


async def test_forget_deletes_the_csv_exports_that_listed_them_and_no_other(milo, slack):
    agent_id = await make_agent(milo, name="Backend Engineer")
    ana = await seed(milo, agent_id, "Ana Gone", email=ANA)
    bo = await seed(milo, agent_id, "Bo Kept", email=BO, status="completed", score=70)
    # The same address as a candidate of another workspace, in that workspace's own export.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER0CSV")
    await milo.seat(OTHER_TEAM, ADMIN)
    elsewhere_agent = await make_agent(milo, name="Elsewhere", team=OTHER_TEAM)
    elsewhere = await seed(milo, elsewhere_agent, "Ana Elsewhere", email=ANA)

    view = await open_list(milo, slack, "backend")
    both = await _export(milo, slack, view)  # lists Ana and Bo
    _, view = await apply_filters(milo, slack, view, statuses=["completed"])
    only_bo = await _export(milo, slack, view)
    other_view = await open_list(milo, slack, "elsewhere", team=OTHER_TEAM)
    theirs = await _export(milo, slack, other_view, team=OTHER_TEAM)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert await _exports(milo, slack.team_id) == {both: sorted([ana, bo]), only_bo: [bo]}
    assert await _exports(milo, OTHER_TEAM) == {theirs: [elsewhere]}

    view = await _open_forget(milo, slack, text=f"forget {ANA}")
    shown = json.dumps(view["blocks"])
    assert "1 file I uploaded with them in it" in shown and "candidate list CSVs" in shown, shown
    done = await _submit(milo, slack, view)
    assert "1 file I uploaded with them in it" in done and "are being deleted from Slack" in done

    await milo.wait_until(_deletions_are(slack, [both]), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [both], "only the export that listed Ana goes"
    assert both not in slack._files
    assert only_bo in slack._files and theirs in slack._files
    assert await _exports(milo, slack.team_id) == {only_bo: [bo]}
    assert await _exports(milo, OTHER_TEAM) == {theirs: [elsewhere]}
    async with milo.container.db.unit_of_work() as s:
        assert await s.get(Candidate, elsewhere) is not None

    # Bo next: the export that listed only him goes; the one already deleted is not asked for again.
    view = await _open_forget(milo, slack, text=f"forget {BO}")
    await _submit(milo, slack, view)
    await milo.wait_until(_deletions_are(slack, [both, only_bo]), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [both, only_bo]
    assert theirs in slack._files
    assert await _exports(milo, slack.team_id) == {}


async def test_an_export_uploading_while_they_are_erased_is_deleted_when_it_lands(milo, slack):
    agent_id = await make_agent(milo, name="Designer")
    await seed(milo, agent_id, "Ana Gone", email=ANA)
    await seed(milo, agent_id, "Bo Kept", email=BO)
    view = await open_list(milo, slack, "designer")
    gate = slack.hold("files.completeUploadExternal")  # Slack takes its time with the upload
    mark = slack.mark()
    await click(milo, slack, view, CandidateList.EXPORT)
    held = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=15)
    in_flight = held.args["files"][0]["id"]

    view = await _open_forget(milo, slack, text=f"forget {ANA}")
    assert "I uploaded" not in json.dumps(view["blocks"])  # not uploaded yet: nothing to count
    await _submit(milo, slack, view)
    assert _deleted(slack) == []
    gate.set()

    await milo.wait_until(_deletions_are(slack, [in_flight]), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert in_flight not in slack._files
    assert await _exports(milo, slack.team_id) == {}


async def test_an_export_listing_someone_gone_by_the_time_it_lands_is_deleted(milo, slack):
    """An erasure that searched just before the export recorded its list never saw it to mark it: the
    deliverer notices a listed candidate is gone when the upload lands."""
    agent_id = await make_agent(milo, name="Designer")
    ana = await seed(milo, agent_id, "Ana Gone", email=ANA)
    await seed(milo, agent_id, "Bo Kept", email=BO)
    view = await open_list(milo, slack, "designer")
    gate = slack.hold("files.completeUploadExternal")
    mark = slack.mark()
    await click(milo, slack, view, CandidateList.EXPORT)
    held = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=15)
    in_flight = held.args["files"][0]["id"]
    async with milo.container.db.unit_of_work() as s:  # what that erasure leaves: Ana gone, the list intact
        await s.delete(await s.get(Candidate, ana))
    gate.set()

    await milo.wait_until(_deletions_are(slack, [in_flight]), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert await _exports(milo, slack.team_id) == {}

    # With everyone it lists still there, the next export stays.
    mark = slack.mark()
    await click(milo, slack, await open_list(milo, slack, "designer"), CandidateList.EXPORT)
    kept = await _upload_id(slack, mark, "CSV export")
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [in_flight] and kept in slack._files
    assert list(await _exports(milo, slack.team_id)) == [kept]


async def test_an_empty_or_failed_export_records_nothing(milo, slack):
    agent_id = await make_agent(milo, name="Designer")
    await make_agent(milo, name="Empty Role")
    await seed(milo, agent_id, "Ana Gone", email=ANA)

    empty = await open_list(milo, slack, "empty")
    await _export(milo, slack, empty)  # the header only
    view = await open_list(milo, slack, "designer")
    slack.inject_error("files.getUploadURLExternal", "channel_not_found")
    mark = slack.mark()
    await click(milo, slack, view, CandidateList.EXPORT)
    await slack.wait_for("files.getUploadURLExternal", since=mark, timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert await _exports(milo, slack.team_id) == {}
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(CandidateExportRow)) == 0

    view = await _open_forget(milo, slack, text=f"forget {ANA}")
    assert "I uploaded" not in json.dumps(view["blocks"])
    await _submit(milo, slack, view)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == []


async def test_retention_deletes_the_exports_listing_the_candidates_it_erases(milo, slack):
    now = utcnow()
    old = now - timedelta(days=400)
    backend = await make_agent(milo, name="Backend Engineer")
    designer = await make_agent(milo, name="Designer")
    idle = await seed(milo, backend, "Old Idle", email=ANA, added=old)
    await seed(milo, backend, "New Backend", email=BO, added=now - timedelta(days=3))
    await seed(milo, designer, "New Designer", email="cy@example.org", added=now - timedelta(days=3))
    listing_idle = await _export(milo, slack, await open_list(milo, slack, "backend"))
    not_listing = await _export(milo, slack, await open_list(milo, slack, "designer"))
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    async with milo.container.db.unit_of_work() as s:
        (await s.get(Candidate, idle)).updated_at = old
        ws = await s.scalar(select(Workspace).where(Workspace.team_id == slack.team_id))
        ws.settings = {**(ws.settings or {}), "retention_days": 180}

    mark = slack.mark()
    outcomes = await run_retention(milo.container, now)
    assert [(o.candidates, o.uploads) for o in outcomes] == [(1, 1)]
    await milo.wait_until(_deletions_are(slack, [listing_idle]), timeout=15)
    dm = await slack.wait_for(
        "chat.postMessage", lambda c: "Retention" in c.args["text"], since=mark, timeout=10
    )
    assert "erased 1 candidate" in dm.args["text"]
    assert (
        "1 file I uploaded to Slack with them in it" in dm.args["text"]
        and "is being deleted" in dm.args["text"]
    )
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert not_listing in slack._files and listing_idle not in slack._files
    assert list(await _exports(milo, slack.team_id)) == [not_listing]
