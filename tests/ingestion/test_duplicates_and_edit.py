"""Likely duplicates are flagged and need a confirmation; Edit corrects a draft and checks again."""

from __future__ import annotations

import asyncio

from milobot import metadata
from milobot.ids import Action, ReviewAction, ReviewField, View
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.ingestion.support import (
    add_candidate,
    buttons,
    candidates_of,
    click,
    corpus_pdfs,
    dm_files,
    drafts,
    make_agent,
    make_zip,
    register,
    review_ready,
)
from tests.ingestion.test_review_flow import text_of, wait_message


def row_of(message: dict, email: str) -> tuple[str, list[dict]]:
    """The section of the profile with `email`, and the buttons of its row."""
    blocks = message["blocks"]
    for i, block in enumerate(blocks):
        if block.get("type") == "section" and email in (block.get("text") or {}).get("text", ""):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else {}
            return block["text"]["text"], (nxt.get("elements") or []) if nxt.get("type") == "actions" else []
    raise AssertionError(f"no row for {email}")


async def test_duplicates_are_flagged_and_approving_one_needs_the_confirmation(milo, slack):
    agent_id = await make_agent(milo, "Data Engineer")
    (a_name, a_pdf, a_email), (b_name, b_pdf, b_email), (c_name, c_pdf, c_email) = corpus_pdfs(3)
    await add_candidate(milo, agent_id, name="Already Here", email=a_email.upper())
    # b appears twice in one import (two files, same person); a is already a candidate of the agent.
    bundle = make_zip([(a_name, a_pdf), (b_name, b_pdf), (f"copy-of-{b_name}", b_pdf), (c_name, c_pdf)])
    await dm_files(milo, [register(slack, "batch.zip", bundle, "application/zip")])
    batch, message = await review_ready(milo, slack)

    a_text, a_buttons = row_of(message, a_email)
    assert (
        ":warning: *Possible duplicate:* same e-mail as Already Here, already a candidate of Data Engineer"
        in a_text
    )
    a_approve = a_buttons[0]
    assert a_approve["action_id"] == ReviewAction.APPROVE_DUPLICATE
    assert a_approve["confirm"]["confirm"]["text"] == "Approve anyway"
    blocks = [b for b in message["blocks"] if b.get("type") == "section" and b_email in b["text"]["text"]]
    assert len(blocks) == 2
    assert "Possible duplicate" not in blocks[0]["text"]["text"]
    assert "same e-mail as" in blocks[1]["text"]["text"] and "in this import" in blocks[1]["text"]["text"]
    assert "2 profiles flagged as likely duplicates" in text_of(message)

    # A crafted plain Approve of a flagged row (no confirmation) is refused and creates nothing.
    crafted = {**a_approve, "action_id": Action.REVIEW_APPROVE}
    await milo.interact(click(slack, message, crafted))
    refusal = await milo.replies(predicate=lambda c: "duplicate" in c.args.get("text", ""))
    assert "confirm" in refusal.args["text"]
    assert await candidates_of(milo, agent_id) != [] and len(await candidates_of(milo, agent_id)) == 1

    # Approve all takes the clean ones and leaves the flagged for one-by-one decisions.
    (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
    await milo.interact(click(slack, message, approve_all))
    reply = await milo.replies(predicate=lambda c: "Added" in c.args.get("text", ""))
    assert "Added 2 candidates" in reply.args["text"] and "2 likely duplicates are left" in reply.args["text"]
    assert sorted(c.email_normalized for c in await candidates_of(milo, agent_id)) == sorted(
        [a_email, b_email, c_email]
    )

    # Confirming (the dialog's "Approve anyway" sends the APPROVE_DUPLICATE action) approves it; a double
    # click of the same confirmed button still makes one candidate.
    message = await wait_message(milo, slack, batch.id, lambda t: "2 approved" in t)
    _, a_buttons = row_of(message, a_email)
    payload = click(slack, message, a_buttons[0])
    await asyncio.gather(
        milo.interact(payload), milo.interact({**payload, "trigger_id": payload["trigger_id"] + "x"})
    )
    message = await wait_message(milo, slack, batch.id, lambda t: "3 approved" in t)
    emails = [c.email_normalized for c in await candidates_of(milo, agent_id)]
    assert emails.count(a_email) == 2  # the existing one and the confirmed one, nothing more
    assert len(emails) == 4


async def test_a_row_that_became_a_duplicate_since_extraction_is_flagged_on_approve(milo, slack):
    agent_id = await make_agent(milo)
    ((name, pdf, email),) = corpus_pdfs(1)
    await dm_files(milo, [register(slack, name, pdf)])
    batch, message = await review_ready(milo, slack)
    await add_candidate(milo, agent_id, name="Added Meanwhile", email=email)
    (approve,) = buttons(message, Action.REVIEW_APPROVE)
    await milo.interact(click(slack, message, approve))
    reply = await milo.replies(predicate=lambda c: "duplicate" in c.args.get("text", ""))
    assert "Added Meanwhile" in reply.args["text"]
    message = await wait_message(milo, slack, batch.id, lambda t: "Possible duplicate" in t)
    assert buttons(message, ReviewAction.APPROVE_DUPLICATE)
    assert len(await candidates_of(milo, agent_id)) == 1


async def test_edit_opens_a_prefilled_modal_and_saving_rechecks_duplicates(milo, slack):
    agent_id = await make_agent(milo)
    await add_candidate(milo, agent_id, name="Someone Else", email="taken@example.com")
    ((name, pdf, email),) = corpus_pdfs(1)
    await dm_files(milo, [register(slack, name, pdf)])
    batch, message = await review_ready(milo, slack)
    (edit,) = buttons(message, Action.REVIEW_EDIT)
    await milo.interact(click(slack, message, edit))
    opened = await slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == View.REVIEW_EDIT
    email_block = next(b for b in view["blocks"] if b.get("block_id") == ReviewField.EMAIL)
    assert email_block["element"]["initial_value"].lower() == email
    ctx = view["private_metadata"]

    def state(**values):
        base = {str(f): {"value": payloads.text_input_state(None)} for f in ReviewField}
        for field, value in values.items():
            base[str(field)] = {"value": payloads.text_input_state(value)}
        return base

    bad = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            View.REVIEW_EDIT,
            state(**{ReviewField.NAME: "X", ReviewField.PHONE: "call me"}),
            ctx,
        )
    )
    body = await bad.json()
    assert body["response_action"] == "errors" and ReviewField.PHONE in body["errors"]

    good = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            View.REVIEW_EDIT,
            state(
                **{
                    ReviewField.NAME: "<!channel> Jo Smith",
                    ReviewField.EMAIL: "TAKEN@example.com",
                    ReviewField.PHONE: "+44 20 7946 0958",
                    ReviewField.SKILLS: "Go, Rust",
                }
            ),
            ctx,
        )
    )
    assert good.status == 200
    message = await wait_message(milo, slack, batch.id, lambda t: "Jo Smith" in t)
    text = text_of(message)
    assert "&lt;!channel&gt; Jo Smith" in text and "<!channel>" not in text
    assert "same e-mail as Someone Else" in text
    (draft,) = await drafts(milo, batch.id)
    assert draft.profile["phone"] == "+442079460958" and draft.profile["skills"] == ["Go", "Rust"]
    assert draft.duplicate_reason and draft.status == "pending"
    assert metadata.decode(metadata.ModalContext, ctx).draft_id == draft.id
