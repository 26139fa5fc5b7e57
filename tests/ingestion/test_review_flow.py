"""DM files to the bot, review, approve: the main path over the wire."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from milobot.blocks.text import display
from milobot.db.models import IngestionFile, Member
from milobot.ids import Action, ReviewAction
from milobot.services.sharing import interview_link
from tests.conftest import ADMIN
from tests.ingestion.support import (
    ADMIN_DM,
    batches,
    buttons,
    candidates_of,
    click,
    corpus_pdfs,
    dm_files,
    drafts,
    make_agent,
    make_zip,
    one_batch,
    register,
    review_ready,
)

BROKEN_PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"


def text_of(message: dict) -> str:
    return json.dumps(message.get("blocks") or [], ensure_ascii=False)


async def wait_message(milo, slack, batch_id: int, predicate, timeout: float = 15.0) -> dict:
    async def check():
        batch = next(b for b in await batches(milo) if b.id == batch_id)
        message = slack.message(batch.channel_id, batch.message_ts) if batch.message_ts else None
        return message if message is not None and predicate(text_of(message)) else None

    return await milo.wait_until(check, timeout=timeout)


async def test_zip_of_30_resumes_and_a_broken_file_reviews_in_pages_and_approve_all_adds_30(milo, slack):
    agent_id = await make_agent(milo, "Backend Engineer")
    pdfs = corpus_pdfs(30)
    bundle = make_zip(
        [(f"resumes/{name}", data) for name, data, _ in pdfs] + [("resumes/broken.pdf", BROKEN_PDF)]
    )
    file = register(slack, "candidates.zip", bundle, "application/zip")

    mark = slack.mark()
    await dm_files(milo, [file], also_file_shared=True)
    reading = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == ADMIN_DM, since=mark)
    assert reading.args["text"] == "Reading 1 file…"
    info = await slack.wait_for("files.info", since=mark)
    assert info.args["file"] == file["id"]

    batch, message = await review_ready(milo, slack)
    assert batch.channel_id == ADMIN_DM and batch.message_ts == reading.args.get("ts", batch.message_ts)
    text = text_of(message)
    assert "*31 files* · *30 profiles* · *1 problem*" in text
    # File names are shown through display(): "broken.pdf" could be a link to a domain, so no live dot.
    assert f"{display('broken.pdf')} — corrupt:" in text
    assert len(message["blocks"]) <= 50
    # The chosen agent defaults to the only one there is.
    assert "candidates of *Backend Engineer*" in text

    # The stored original, for a restart to re-extract from.
    async with milo.container.db.unit_of_work() as s:
        upload = await s.scalar(select(IngestionFile).where(IngestionFile.slack_file_id == file["id"]))
    assert upload.sha256 and upload.stored_path.endswith(upload.sha256)
    assert Path(upload.stored_path).read_bytes() == bundle
    assert str(milo.settings.data_dir / str(batch.workspace_id) / "uploads") in upload.stored_path

    # Three pages of ten rows; every profile appears exactly once.
    seen: list[str] = []
    for page in range(3):
        rows = buttons(message, Action.REVIEW_APPROVE)
        assert len(rows) == 10, f"page {page + 1} has {len(rows)} rows"
        seen += [b["value"] for b in rows]
        assert f"page {page + 1} of 3" in text_of(message)
        if page < 2:
            (nxt,) = buttons(message, ReviewAction.PAGE_NEXT)
            await milo.interact(click(slack, message, nxt))
            message = await wait_message(milo, slack, batch.id, lambda t, p=page: f"page {p + 2} of 3" in t)
    assert len(set(seen)) == 30
    (prev,) = buttons(message, Action.REVIEW_PAGE)
    assert json.loads(prev["value"]) == {"batch_id": batch.id, "page": 1}

    (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
    assert approve_all.get("confirm")  # a confirm dialog before thirty candidates are created
    await milo.interact(click(slack, message, approve_all))
    reply = await milo.replies(predicate=lambda c: "Added" in c.args.get("text", ""))
    assert "Added 30 candidates to *Backend Engineer*" in reply.args["text"]

    message = await wait_message(milo, slack, batch.id, lambda t: "Done: 30 candidates created" in t)
    made = await candidates_of(milo, agent_id)
    assert len(made) == 30
    assert {c.email_normalized for c in made} == {email for _, _, email in pdfs}
    assert all(c.source == "ingest" and c.source_file.startswith("resumes/") for c in made)
    assert all(c.current_title for c in made)
    assert "Approved by <@UADMIN0001>" in text_of(message)
    assert interview_link(milo.settings.public_url, made[-1].token) in text_of(message) or made[-1].token
    done = await one_batch(milo)  # the file_shared twin of the message did not open a second batch
    assert (done.status, done.created_count, done.skipped_count, done.error_count) == ("done", 30, 0, 1)
    assert done.finished_at is not None
    async with milo.container.db.unit_of_work() as s:
        member = await s.scalar(select(Member).where(Member.slack_user_id == ADMIN))
    assert member.last_agent_id == agent_id

    # A second Approve all (a double click) creates nothing more.
    await milo.interact(click(slack, message, approve_all))
    await milo.replies(
        count=2, predicate=lambda c: "Added" in c.args.get("text", "") or "warning" in c.args.get("text", "")
    )
    assert len(await candidates_of(milo, agent_id)) == 30


async def test_discard_keeps_profiles_out_and_the_batch_finishes_with_counts(milo, slack):
    agent_id = await make_agent(milo)
    pdfs = corpus_pdfs(2)
    files = [register(slack, name, data) for name, data, _ in pdfs]
    await dm_files(milo, files)
    batch, message = await review_ready(milo, slack)
    assert "*2 files* · *2 profiles* · *0 problems*" in text_of(message)

    discard = buttons(message, Action.REVIEW_DISCARD)
    await milo.interact(click(slack, message, discard[0]))
    message = await wait_message(milo, slack, batch.id, lambda t: "Discarded by <@UADMIN0001>" in t)
    approve = buttons(message, Action.REVIEW_APPROVE)
    assert len(approve) == 1
    await milo.interact(click(slack, message, approve[0]))
    message = await wait_message(milo, slack, batch.id, lambda t: "Done:" in t)
    assert "1 candidate created, 1 skipped" in text_of(message)
    assert "personal interview link" in text_of(message)

    made = await candidates_of(milo, agent_id)
    discarded, approved = await drafts(milo, batch.id)  # rows are in draft order; the first was discarded
    assert (discarded.status, approved.status) == ("discarded", "approved")
    assert [c.email_normalized for c in made] == [approved.profile["email"].lower()]
    assert approved.candidate_id == made[0].id and discarded.candidate_id is None
    # A one-person PDF we kept is that candidate's résumé.
    kept = {email: data for _, data, email in pdfs}[made[0].email_normalized]
    assert made[0].resume_path and Path(made[0].resume_path).read_bytes() == kept
    (b,) = await batches(milo)
    assert (b.status, b.created_count, b.skipped_count, b.error_count) == ("done", 1, 1, 0)
