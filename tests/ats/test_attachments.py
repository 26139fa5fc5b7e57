"""The PDF report attached on write-back, over the wire against the fake Greenhouse and Lever APIs: once
per write-back, a retry after the attachment step failed (or its answer was lost) adds exactly one and
never a second note, a 401 there breaks the connection, and the file is a real PDF naming the candidate."""

from __future__ import annotations

import base64
import io
import json

import pypdf

from milobot.db.models import AtsConnection, AtsSync
from milobot.ids import AtsAction
from milobot.metadata import SyncRef, encode
from tests.ats.support import connect, view_text
from tests.ats.test_greenhouse import NOTES as GH_NOTES
from tests.ats.test_greenhouse import connected as gh_connected
from tests.ats.test_greenhouse import notice_text, rows
from tests.ats.test_lever import NOTES as LEVER_NOTES
from tests.ats.test_lever import connected as lever_connected
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL
from tests.webhooks.support import api_key, post_result, result

GH_ATTACH = "/v1/candidates/*/attachments"
LEVER_FILES = "/v1/opportunities/*/files"


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


async def synced(milo) -> AtsSync | None:
    found = await rows(milo, AtsSync)
    return found[0] if found and found[0].status != "pending" else None


async def test_greenhouse_gets_the_pdf_report_once_with_the_note(milo, slack, greenhouse):
    await gh_connected(milo, slack, greenhouse)
    key = await api_key(milo)
    assert await post_result(milo, key, result(1)) == 201
    await slack.wait_for("chat.postMessage", lambda c: "Open in Greenhouse" in notice_text(c), timeout=30)

    [(attachment, content)] = greenhouse.attachments_of("cand1@example.com")
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Candidate 1" in text and "Tell us about an incident." in text
    assert attachment["type"] == "admin_only" and attachment["content_type"] == "application/pdf"
    assert attachment["filename"].startswith("report-candidate-1-s") and attachment["filename"].endswith(
        ".pdf"
    )
    [upload] = greenhouse.calls("POST", GH_ATTACH)
    assert upload.headers["On-Behalf-Of"] == "4080"
    assert base64.b64decode(upload.json["content"]) == content
    assert len(greenhouse.notes_of("cand1@example.com")) == 1
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.attachment_id == attachment["filename"]
    assert sync.attachment_started_at is not None and sync.note_id


async def test_greenhouse_retry_after_a_503_on_the_attachment_adds_exactly_one(milo, slack, greenhouse):
    await gh_connected(milo, slack, greenhouse)
    greenhouse.fail("POST", GH_ATTACH, 503)  # refused before saving
    greenhouse.fail("POST", GH_ATTACH, 500, after=True)  # saved, but the answer is lost
    key = await api_key(milo)
    await post_result(milo, key, result(2))
    await slack.wait_for("chat.postMessage", lambda c: "Open in Greenhouse" in notice_text(c), timeout=30)

    assert len(greenhouse.calls("POST", GH_ATTACH)) == 2  # the third try found the saved one by its name
    assert len(greenhouse.attachments_of("cand2@example.com")) == 1
    # The note was written once: the retries resumed at the attachment step.
    assert len(greenhouse.calls("POST", GH_NOTES)) == 1 and len(greenhouse.notes_of("cand2@example.com")) == 1
    assert len(greenhouse.calls("POST", "/v1/candidates")) == 1
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.attempts == 3
    assert sync.attachment_id == greenhouse.attachments_of("cand2@example.com")[0][0]["filename"]


async def test_greenhouse_401_on_the_attachment_breaks_the_connection(milo, slack, greenhouse):
    await gh_connected(milo, slack, greenhouse)
    greenhouse.fail("POST", GH_ATTACH, 401, body={"message": "Invalid Basic Auth credentials"})
    key = await api_key(milo)
    await post_result(milo, key, result(3))
    dm = await slack.wait_for("chat.postMessage", lambda c: "stopped working" in c.args["text"], timeout=30)
    assert "Invalid Basic Auth credentials" in dm.args["text"]
    posted = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=10)
    assert "HTTP 401" in notice_text(posted)
    [conn] = await rows(milo, AtsConnection)
    assert conn.status == "broken"
    sync = await milo.wait_until(lambda: synced(milo))
    assert sync.status == "failed" and sync.note_id and sync.attachment_id is None
    assert greenhouse.attachments_of("cand3@example.com") == []
    assert len(greenhouse.notes_of("cand3@example.com")) == 1

    # Reconnected, an admin's Retry adds the missing attachment only: still one note, now one PDF.
    view = await connect(milo, slack, "greenhouse", greenhouse.api_key, "4080")
    assert "Connected" in view_text(view)
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AtsAction.RETRY,
            encode(SyncRef(sync_id=sync.id)),
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    await slack.wait_for("chat.update", lambda c: "Open in Greenhouse" in notice_text(c), timeout=30)
    assert len(greenhouse.attachments_of("cand3@example.com")) == 1
    assert len(greenhouse.notes_of("cand3@example.com")) == 1 and len(greenhouse.calls("POST", GH_NOTES)) == 1
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.attachment_id


async def test_lever_gets_the_pdf_as_a_multipart_file_once_after_a_lost_answer(milo, slack, lever):
    await lever_connected(milo, slack, lever)
    lever.fail("POST", LEVER_FILES, 502, after=True)  # Lever saved the file, milobot never heard
    key = await api_key(milo)
    await post_result(milo, key, result(4))
    await slack.wait_for("chat.postMessage", lambda c: "Open in Lever" in json.dumps(c.args), timeout=30)

    [file] = lever.files_of("cand4@example.com")
    assert file["content"].startswith(b"%PDF-") and "Candidate 4" in pdf_text(file["content"])
    assert file["contentType"] == "application/pdf" and file["name"].endswith(".pdf")
    uploads = lever.calls("POST", LEVER_FILES)
    assert len(uploads) == 1 and uploads[0].query["perform_as"] == "u-lever-1"
    assert uploads[0].headers["Content-Type"].startswith("multipart/form-data")
    assert lever.calls("GET", LEVER_FILES)  # looked for the lost upload before writing it again
    assert len(lever.calls("POST", LEVER_NOTES)) == 1
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.attachment_id == file["id"]


async def test_lever_retry_after_a_500_on_the_attachment_adds_exactly_one(milo, slack, lever):
    await lever_connected(milo, slack, lever)
    lever.fail("POST", LEVER_FILES, 500)
    key = await api_key(milo)
    await post_result(milo, key, result(5))
    await slack.wait_for("chat.postMessage", lambda c: "Open in Lever" in json.dumps(c.args), timeout=30)
    assert len(lever.files_of("cand5@example.com")) == 1 and len(lever.calls("POST", LEVER_FILES)) == 2
    assert len(lever.notes_of("cand5@example.com")) == 1 and len(lever.calls("POST", LEVER_NOTES)) == 1
