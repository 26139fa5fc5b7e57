"""An upload still being built or sent when someone it shows is erased is deleted as soon as it lands: a
Package ZIP with them inside (a shortlist package building while one of its candidates is forgotten)
and a report PDF whose delivery was under way. A package without them stays, another workspace's
package stays, and the inbound API's answer counts the uploads being deleted, as the modal does."""

from __future__ import annotations

import json

from sqlalchemy import select

from milobot.db.models import ReportPackage
from milobot.ids import ReportView
from milobot.metadata import PackageTarget, encode
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.privacy.support import new_key, outbox_idle
from tests.privacy.test_forget import _open_forget, _submit
from tests.privacy.test_forget_uploads import _upload_id
from tests.reports.support import OTHER_TEAM, menu, seed

ANA = "ana.gone@example.org"
BO = "bo.kept@example.org"


async def _package(milo, target: PackageTarget, *, team: str | None = None) -> None:
    """Ask for a Package ZIP of the report PDFs, as the modal's submission does."""
    state = {ReportView.ITEMS: {"value": payloads.checkboxes_state(["report_pdf"])}}
    resp = await milo.interact(
        payloads.view_submission(team or milo.slack.team_id, ADMIN, ReportView.PACKAGE, state, encode(target))
    )
    assert resp.status == 200
    body = await resp.text()
    assert json.loads(body)["response_action"] == "update", body


def _deleted(slack) -> list[str]:
    return [c.args["file"] for c in slack.calls_to("files.delete")]


def _deletions_are(slack, expected: set[str]):
    async def check() -> bool:
        return set(_deleted(slack)) == expected

    return check


async def _packages_done(milo) -> bool:
    async with milo.container.db.unit_of_work() as s:
        return all(
            status in ("done", "failed") for status in (await s.scalars(select(ReportPackage.status))).all()
        )


async def test_a_package_building_while_someone_in_it_is_erased_is_deleted_when_it_lands(milo, slack):
    ana = await seed(milo, name="Ana Gone", email=ANA, decision="shortlisted")
    bo = await seed(milo, name="Bo Kept", email=BO, agent_id=ana.agent_id, decision="shortlisted")
    # The same address in another workspace, in that workspace's own package.
    slack.add_workspace(OTHER_TEAM, f"xoxb-fake-{OTHER_TEAM}")
    await milo.seat(OTHER_TEAM, ADMIN)
    elsewhere = await seed(milo, name="Ana Elsewhere", email=ANA, team=OTHER_TEAM)

    mark = slack.mark()
    await menu(milo, "pdf", ana.candidate_id)  # already in Slack: counted and deleted by the erasure
    her_pdf = await _upload_id(slack, mark, "report PDF")
    mark = slack.mark()
    await _package(milo, PackageTarget(candidate_id=bo.candidate_id))
    bos_package = await _upload_id(slack, mark, "package of Bo alone")
    mark = slack.mark()
    await _package(milo, PackageTarget(candidate_id=elsewhere.candidate_id), team=OTHER_TEAM)
    their_package = await _upload_id(slack, mark, "other workspace's package")
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    await milo.wait_until(lambda: _packages_done(milo), timeout=15)

    gate = slack.hold("files.completeUploadExternal")  # Slack takes its time with the shortlist's ZIP
    mark = slack.mark()
    await _package(milo, PackageTarget(agent_id=ana.agent_id))
    held = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=30)
    in_flight = held.args["files"][0]["id"]

    key = await new_key(milo)
    async with milo.http.delete(
        f"{milo.base_url}/api/v1/candidates",
        params={"email": ANA},
        headers={"Authorization": f"Bearer {key}"},
    ) as resp:
        assert resp.status == 200
        answer = await resp.json()
    assert answer["found"] is True and answer["candidates"] == 1
    assert answer["slack_files"] == 1, answer  # her PDF; the package has not landed yet
    await milo.wait_until(_deletions_are(slack, {her_pdf}), timeout=15)
    gate.set()

    await milo.wait_until(_deletions_are(slack, {her_pdf, in_flight}), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    await milo.wait_until(lambda: _packages_done(milo), timeout=15)
    assert sorted(_deleted(slack)) == sorted([her_pdf, in_flight])
    assert in_flight not in slack._files and her_pdf not in slack._files
    assert bos_package in slack._files and their_package in slack._files
    failed = await slack.wait_for(
        "chat.update", lambda c: "erased while it was built" in c.args.get("text", ""), since=mark, timeout=10
    )
    assert "Ana" not in json.dumps(failed.args)
    async with milo.container.db.unit_of_work() as s:
        rows = {p.id: p for p in (await s.scalars(select(ReportPackage))).all()}
    by_file = {p.detail.get("slack_file_id"): p for p in rows.values()}
    assert set(by_file) == {bos_package, their_package, None}, "the deleted upload is not kept on record"
    assert not any("Ana" in json.dumps(p.detail) for p in rows.values())

    # Forgetting Bo now deletes his own package only: the shortlist's upload is already gone.
    mark = slack.mark()
    view = await _open_forget(milo, slack, text=f"forget {BO}")
    assert "1 file I uploaded with them in it" in json.dumps(view["blocks"])
    await _submit(milo, slack, view)
    await milo.wait_until(_deletions_are(slack, {her_pdf, in_flight, bos_package}), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert len(_deleted(slack)) == 3 and their_package in slack._files


async def test_a_report_pdf_uploading_while_they_are_erased_is_deleted_when_it_lands(milo, slack):
    ana = await seed(milo, name="Ana Gone", email=ANA)
    bo = await seed(milo, name="Bo Kept", email=BO, agent_id=ana.agent_id)
    gate = slack.hold("files.completeUploadExternal")
    mark = slack.mark()
    await menu(milo, "pdf", ana.candidate_id)
    held = await slack.wait_for("files.completeUploadExternal", since=mark, timeout=30)
    in_flight = held.args["files"][0]["id"]

    view = await _open_forget(milo, slack, text=f"forget {ANA}")
    assert "I uploaded" not in json.dumps(view["blocks"])  # not uploaded yet: nothing to count
    await _submit(milo, slack, view)
    assert _deleted(slack) == []
    gate.set()

    await milo.wait_until(_deletions_are(slack, {in_flight}), timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert in_flight not in slack._files

    # Bo's PDF, delivered with no erasure under way, stays.
    mark = slack.mark()
    await menu(milo, "pdf", bo.candidate_id)
    his_pdf = await _upload_id(slack, mark, "Bo's report PDF")
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert _deleted(slack) == [in_flight] and his_pdf in slack._files
