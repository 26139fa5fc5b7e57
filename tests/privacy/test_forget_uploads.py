"""Forgetting a person deletes what the bot uploaded to Slack that shows them: their report PDF, their
personal data export and any Package ZIP with them inside (a ZIP can't be edited, so the whole upload goes). A package without them
stays, and the confirmation says how many uploads will go."""

from __future__ import annotations

import json

from milobot.metadata import PackageTarget
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.privacy.support import outbox_idle
from tests.privacy.test_forget import _open_forget, _submit
from tests.reports.support import menu, seed
from tests.reports.test_package import submit as submit_package

GONE = "ana.gone@example.org"


async def _upload_id(slack, since: int, what: str) -> str:
    done = await slack.wait_for("files.completeUploadExternal", since=since, timeout=30)
    file_id = done.args["files"][0]["id"]
    assert file_id in slack._files, f"the {what} was not uploaded"
    return file_id


async def test_forget_deletes_their_report_pdf_and_the_package_they_are_in_but_not_others(milo, slack):
    gone = await seed(milo, name="Ana Gone", email=GONE)
    kept = await seed(milo, name="Kit Kept", email="kit.kept@example.org", agent_id=gone.agent_id)

    mark = slack.mark()
    await menu(milo, "pdf", gone.candidate_id)
    their_pdf = await _upload_id(slack, mark, "report PDF")

    mark = slack.mark()
    answer = await submit_package(milo, PackageTarget(candidate_id=gone.candidate_id), ["report_pdf"])
    assert answer["response_action"] == "update"
    their_package = await _upload_id(slack, mark, "package")

    mark = slack.mark()
    await milo.command(f"export {GONE}", user=ADMIN)  # a data-subject export: it shows her too
    their_export = await _upload_id(slack, mark, "personal data export")

    mark = slack.mark()
    await submit_package(milo, PackageTarget(candidate_id=kept.candidate_id), ["report_pdf"])
    other_package = await _upload_id(slack, mark, "other package")
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)

    view = await _open_forget(milo, slack, text=f"forget {GONE}")
    assert "3 files I uploaded with them in it" in json.dumps(view["blocks"])
    done = await _submit(milo, slack, view)
    assert "3 files I uploaded with them in it" in done and "are being deleted from Slack" in done

    async def deleted() -> bool:
        return {c.args["file"] for c in slack.calls_to("files.delete")} == {
            their_pdf,
            their_package,
            their_export,
        }

    await milo.wait_until(deleted, timeout=15)
    await milo.wait_until(lambda: outbox_idle(milo), timeout=15)
    assert not {their_pdf, their_package, their_export} & set(slack._files)
    assert other_package in slack._files  # Kit's package never held Ana

    # Forgetting again finds nothing left, so no form opens and nothing more is deleted.
    mark = slack.mark()
    await milo.command(f"forget {GONE}", user=ADMIN, trigger_id=payloads.new_trigger_id())
    reply = await slack.wait_for("response_url", since=mark)
    assert "I uploaded" not in json.dumps(reply.args)
    assert len(slack.calls_to("files.delete")) == 3
