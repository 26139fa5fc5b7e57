"""Without SMTP the review offers no invitations, and a crafted click says why."""

from __future__ import annotations

from milobot.ids import Action, ReviewAction
from tests.ingestion.support import buttons, click, corpus_pdfs, dm_files, make_agent, register, review_ready
from tests.ingestion.test_review_flow import wait_message


async def test_without_smtp_there_is_no_invite_button_and_a_crafted_click_is_refused(milo, slack):
    await make_agent(milo)
    pdfs = corpus_pdfs(1)
    await dm_files(milo, [register(slack, name, data) for name, data, _ in pdfs])
    batch, message = await review_ready(milo, slack)
    (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
    await milo.interact(click(slack, message, approve_all))
    message = await wait_message(milo, slack, batch.id, lambda t: "Done:" in t)
    assert not buttons(message, ReviewAction.INVITE)
    crafted = {**approve_all, "action_id": ReviewAction.INVITE}
    await milo.interact(click(slack, message, crafted))
    refusal = await milo.replies(predicate=lambda c: "SMTP_URL" in c.args.get("text", ""))
    assert "can't send invitations" in refusal.args["text"]
