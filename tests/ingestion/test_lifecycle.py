"""Restarts, who may ingest, hostile downloads, workspace walls, history and App Home."""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import func, select

from milobot import metadata
from milobot.blocks.text import display
from milobot.db.models import IngestionBatch, IngestionDraft, IngestionFile, OutboxMessage
from milobot.ids import Action
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads
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
    one_batch,
    register,
    review_ready,
)
from tests.ingestion.test_review_flow import text_of, wait_message

VIEWER = "UVIEWER001"
STRANGER = "USTRANGER1"


async def test_restart_between_extraction_and_approval_loses_nothing(milo, slack):
    first = await make_agent(milo, "Backend Engineer")
    second = await make_agent(milo, "Designer")
    pdfs = corpus_pdfs(2)
    await dm_files(milo, [register(slack, name, data) for name, data, _ in pdfs])
    batch, message = await review_ready(milo, slack)
    assert "Choose the agent" in text_of(message)  # two agents and no history: no guess

    # Approving before an agent is chosen is refused, and nothing is created.
    approve = buttons(message, Action.REVIEW_APPROVE)
    await milo.interact(click(slack, message, approve[0]))
    refusal = await milo.replies(predicate=lambda c: "Pick the interview agent" in c.args.get("text", ""))
    assert refusal

    await milo.restart()  # drafts were persisted before the review was posted

    (select_menu,) = [
        e
        for b in message["blocks"]
        if b.get("type") == "actions"
        for e in b["elements"]
        if e["action_id"] == Action.REVIEW_AGENT
    ]
    option = next(o for o in select_menu["options"] if o["text"]["text"] == "Designer")
    await milo.interact(
        payloads.static_select_action(
            slack.team_id, ADMIN, Action.REVIEW_AGENT, option["value"], message=message, channel_id=ADMIN_DM
        )
    )
    message = await wait_message(milo, slack, batch.id, lambda t: "candidates of *Designer*" in t)
    for button in buttons(message, Action.REVIEW_APPROVE):
        await milo.interact(click(slack, message, button))
    message = await wait_message(milo, slack, batch.id, lambda t: "Done: 2 candidates created" in t)
    assert len(await candidates_of(milo, second)) == 2 and await candidates_of(milo, first) == []

    # The next import defaults to the agent this admin used last.
    ((name, data, _),) = corpus_pdfs(3)[2:]
    await dm_files(milo, [register(slack, name, data)])

    async def second_review():
        found = await batches(milo)
        return found[-1] if len(found) == 2 and found[-1].status == "review" else None

    newer = await milo.wait_until(second_review, timeout=15)
    assert newer.agent_id == second


async def test_extraction_interrupted_by_a_crash_resumes_on_start_from_the_stored_file(milo, slack):
    await make_agent(milo)
    ((name, data, email),) = corpus_pdfs(1)
    sha = hashlib.sha256(data).hexdigest()
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        root = milo.settings.data_dir / str(ws.id) / "uploads"
        root.mkdir(parents=True, exist_ok=True)
        (root / sha).write_bytes(data)
        # The state a crash mid-extraction leaves: downloaded and stored, not yet extracted.
        batch = IngestionBatch(
            workspace_id=ws.id, uploaded_by=ADMIN, channel_id=ADMIN_DM, status="extracting"
        )
        s.add(batch)
        await s.flush()
        s.add(
            IngestionFile(
                workspace_id=ws.id,
                batch_id=batch.id,
                slack_file_id="F0GONE0001",
                filename=name,
                outcome="pending",
                sha256=sha,
                stored_path=str(root / sha),
            )
        )
    mark = slack.mark()
    await milo.restart()
    batch, message = await review_ready(milo, slack)
    assert email in text_of(message)
    assert not [c for c in slack.calls[mark:] if c.method == "files.info"]  # re-extracted from disk


async def test_a_viewer_or_stranger_who_dms_a_file_is_told_so_and_nothing_is_stored(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    ((name, data, _),) = corpus_pdfs(1)
    for user, dm in ((VIEWER, "D0VIEWER01"), (STRANGER, "D0STRANGE1")):
        file = register(slack, name, data)
        mark = slack.mark()
        await dm_files(milo, [file], user=user, channel=dm, also_file_shared=True)
        told = await slack.wait_for("chat.postMessage", lambda c, dm=dm: c.args["channel"] == dm, since=mark)
        assert (
            "Only milobot admins can import candidates" in told.args["text"]
            or "not on this workspace" in told.args["text"]
        )
    assert "viewer" in told.args["text"] or "invite" in told.args["text"]
    assert await batches(milo) == []
    assert not slack.calls_to("files.info")
    assert not (milo.settings.data_dir / "1" / "uploads").exists()
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(func.count()).select_from(IngestionFile)) == 0
        assert (
            await s.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind.like("ingest%"))
            )
            == 0
        )


async def test_a_download_that_returns_the_sign_in_page_gets_a_clear_outcome(milo, slack):
    await make_agent(milo)
    ((name, data, email),) = corpus_pdfs(1)
    good = register(slack, name, data)
    bad = register(slack, "resume.pdf", data)
    # files.slack.com answers a token it doesn't accept with 200 and its HTML sign-in page.
    slack._files[bad["id"]]["url_private_download"] = bad["url_private_download"].replace(
        slack.team_id, "T0NOTOURS"
    )
    await dm_files(milo, [good, bad])
    _, message = await review_ready(milo, slack)
    text = text_of(message)
    assert (
        f"{display('resume.pdf')} — download failed: Slack sent a sign-in web page instead of the file"
        in text
    )
    assert email in text and "*1 problem*" in text
    async with milo.container.db.unit_of_work() as s:
        row = await s.scalar(select(IngestionFile).where(IngestionFile.slack_file_id == bad["id"]))
    assert row.outcome == "download_failed" and row.stored_path is None


async def test_the_same_file_sent_twice_is_a_duplicate_naming_the_earlier_import(milo, slack):
    await make_agent(milo)
    ((name, data, _),) = corpus_pdfs(1)
    await dm_files(milo, [register(slack, name, data)])
    await review_ready(milo, slack)
    await dm_files(milo, [register(slack, "again.pdf", data)])

    async def second():
        found = await batches(milo)
        return found[-1] if len(found) == 2 and found[-1].status == "done" and found[-1].message_ts else None

    newer = await milo.wait_until(second, timeout=15)
    message = await wait_message(milo, slack, newer.id, lambda t: "duplicate" in t)
    assert (
        f"{display('again.pdf')} — duplicate: This exact file was already imported in import #{newer.id - 1}"
        in text_of(message)
    )
    assert await drafts(milo, newer.id) == []


async def test_file_shared_alone_is_processed_and_its_message_twin_is_not(milo, slack, caplog):
    caplog.set_level(logging.INFO, logger="milobot.handlers.ingestion")
    await make_agent(milo)
    ((name, data, _),) = corpus_pdfs(1)
    file = register(slack, name, data)
    await milo.event(payloads.file_shared(slack.team_id, ADMIN, file["id"], ADMIN_DM))
    _, message = await review_ready(milo, slack)
    assert name in text_of(message)
    await milo.event(payloads.message_im_with_files(slack.team_id, ADMIN, ADMIN_DM, [file]))

    async def refused_twice():
        return any("already being imported" in r.getMessage() for r in caplog.records)

    await milo.wait_until(refused_twice, timeout=10)
    assert len(await batches(milo)) == 1


async def test_a_crafted_button_naming_another_workspaces_batch_is_refused(milo, slack):
    await make_agent(milo)
    ((name, data, _),) = corpus_pdfs(1)
    await dm_files(milo, [register(slack, name, data)])
    batch, message = await review_ready(milo, slack)
    (approve,) = buttons(message, Action.REVIEW_APPROVE)
    other = "T0OTHER001"  # the same user id is an admin there too, of a workspace with no such batch
    await milo.seat(other, ADMIN)
    for action_id, value in (
        (Action.REVIEW_APPROVE, approve["value"]),
        (Action.REVIEW_APPROVE_ALL, metadata.encode(metadata.BatchRef(batch.id))),
        (Action.REVIEW_DISCARD_ALL, metadata.encode(metadata.BatchRef(batch.id))),
        (Action.HOME_OPEN_BATCH, metadata.encode(metadata.BatchRef(batch.id))),
    ):
        await milo.interact(
            payloads.block_actions(
                other,
                ADMIN,
                action_id,
                value,
                channel_id="D0OTHER001",
                response_url=slack.new_response_url(other, kind="actions"),
            )
        )
    refusals = await milo.replies(count=3, predicate=lambda c: "no longer exists" in c.args.get("text", ""))
    assert len(refusals) == 3
    assert [d.status for d in await drafts(milo, batch.id)] == ["pending"]
    assert (await one_batch(milo)).status == "review"


async def test_imports_history_and_reopening_a_pending_batch_from_app_home(milo, slack):
    agent_id = await make_agent(milo, "Backend Engineer")
    pdfs = corpus_pdfs(2)
    await dm_files(milo, [register(slack, name, data) for name, data, _ in pdfs])
    batch, message = await review_ready(milo, slack)
    (first, _) = buttons(message, Action.REVIEW_APPROVE)
    await milo.interact(click(slack, message, first))
    await wait_message(milo, slack, batch.id, lambda t: "1 approved" in t)

    await milo.command("imports", user=ADMIN)
    reply = await milo.replies(predicate=lambda c: "recent imports" in c.args.get("text", ""))
    history = str(reply.args["blocks"])
    assert f"*Import #{batch.id}*" in history and "by <@UADMIN0001> → Backend Engineer" in history
    assert "2 files · 1 created · 0 skipped · 0 errors · _pending review (1 waiting)_" in history

    # App Home lists it; Review re-posts it in the DM, and later updates go to the new copy.
    # (Home is also republished on its own as the import changes: take the one published from now on.)
    opened = slack.mark()
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    home = await slack.wait_for("views.publish", since=opened)
    (review_button,) = [
        b["accessory"]
        for b in home.args["view"]["blocks"]
        if (b.get("accessory") or {}).get("action_id") == Action.HOME_OPEN_BATCH
    ]
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, Action.HOME_OPEN_BATCH, review_button["value"], view=home.args["view"]
        )
    )
    repost = await slack.wait_for(
        "chat.postMessage", lambda c: "Review import" in str(c.args.get("blocks")), since=mark
    )

    async def moved():
        b = (await batches(milo))[0]
        return b if b.message_ts and b.message_ts != batch.message_ts else None

    moved_batch = await milo.wait_until(moved)
    assert moved_batch.channel_id == repost.args["channel"]
    message = slack.message(moved_batch.channel_id, moved_batch.message_ts)
    (last,) = buttons(message, Action.REVIEW_APPROVE)
    await milo.interact(click(slack, message, last))
    message = await wait_message(milo, slack, batch.id, lambda t: "Done:" in t)
    assert len(await candidates_of(milo, agent_id)) == 2

    await milo.command("imports", user=ADMIN)
    reply = await milo.replies(count=2, predicate=lambda c: "recent imports" in c.args.get("text", ""))
    assert "2 created · 0 skipped · 0 errors · _done_" in str(reply[1].args["blocks"])
    async with milo.container.db.unit_of_work() as s:
        assert (
            await s.scalar(
                select(func.count()).select_from(IngestionDraft).where(IngestionDraft.status == "approved")
            )
            == 2
        )


async def test_zip_entries_with_one_name_keep_their_own_outcome_and_drafts(milo, slack):
    """A ZIP may hold the same path twice; each entry row must get its own result, and each draft the
    entry it came from (the rows' ids are matched back by name, then by insertion order)."""
    import warnings

    from tests.ingestion.support import make_zip

    await make_agent(milo)
    (a_name, a_pdf, a_email), (_, b_pdf, b_email) = corpus_pdfs(2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we want
        bundle = make_zip(
            [("cv.pdf", b"%PDF-1.4 not really"), ("cv.pdf", a_pdf), ("other.pdf", b_pdf), ("cv.pdf", b_pdf)]
        )
    await dm_files(milo, [register(slack, "same-names.zip", bundle, "application/zip")])
    batch, _ = await review_ready(milo, slack)
    async with milo.container.db.unit_of_work() as s:
        entries = (
            await s.execute(
                select(
                    IngestionFile.id,
                    IngestionFile.filename,
                    IngestionFile.outcome,
                    IngestionFile.profile_count,
                )
                .where(IngestionFile.batch_id == batch.id, IngestionFile.filename.like("same-names.zip/%"))
                .order_by(IngestionFile.id)
            )
        ).all()
    assert [(name, outcome, count) for _, name, outcome, count in entries] == [
        ("same-names.zip/cv.pdf", "corrupt", 0),
        ("same-names.zip/cv.pdf", "ok", 1),
        ("same-names.zip/other.pdf", "ok", 1),
        ("same-names.zip/cv.pdf", "ok", 1),
    ]
    by_file = {d.file_id: (d.profile or {}).get("email", "").lower() for d in await drafts(milo, batch.id)}
    assert by_file == {entries[1][0]: a_email, entries[2][0]: b_email, entries[3][0]: b_email}
