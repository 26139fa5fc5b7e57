"""After approving an import, one button e-mails each approved candidate their personal link."""

from __future__ import annotations

import pytest

from milobot.ids import Action, ReviewAction
from milobot.services.sharing import interview_link
from tests.ingestion.support import (
    buttons,
    candidates_of,
    click,
    corpus_pdfs,
    dm_files,
    make_agent,
    register,
    review_ready,
)
from tests.ingestion.test_review_flow import wait_message


@pytest.fixture
def settings_overrides(smtp):
    return {"smtp_url": smtp.url}


async def test_approved_candidates_are_invited_once_by_email(milo, slack, smtp):
    agent_id = await make_agent(milo, "Data Analyst")
    pdfs = corpus_pdfs(2)
    await dm_files(milo, [register(slack, name, data) for name, data, _ in pdfs])
    batch, message = await review_ready(milo, slack)
    assert not buttons(message, ReviewAction.INVITE)  # nothing approved yet, nothing to invite

    (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
    await milo.interact(click(slack, message, approve_all))
    message = await wait_message(milo, slack, batch.id, lambda t: "Done:" in t)
    assert not smtp.messages  # approving alone sends nothing
    (invite,) = buttons(message, ReviewAction.INVITE)
    assert invite.get("confirm")

    await milo.interact(click(slack, message, invite))
    reply = await milo.replies(predicate=lambda c: "invitation" in c.args.get("text", ""))
    assert "Sent 2 invitations." in reply.args["text"]
    mails = await smtp.wait_for_messages(2)
    made = await candidates_of(milo, agent_id)
    links = {interview_link(milo.settings.public_url, c.token) for c in made}
    assert {m["To"] for m in mails} == {c.email for c in made}
    for mail in mails:
        body = mail.get_body(preferencelist=("plain",)).get_content()
        assert any(link in body for link in links)

    # A second click (or a teammate's) invites nobody twice.
    await milo.interact(click(slack, message, invite))
    again = await milo.replies(count=2, predicate=lambda c: "invitation" in c.args.get("text", ""))
    assert "Sent 0 invitations. 2 had been invited already." in again[1].args["text"]
    assert len(smtp.messages) == 2
