"""Add Candidates: the modal, one candidate per valid line with a personal link, per-line refusals,
and invitation e-mails through SMTP (escaped in the HTML part)."""

from __future__ import annotations

import json

import pytest

from milobot import metadata
from milobot.ids import Action, AgentMenu, Block, Input, View
from tests.agents.support import (
    agent_menu,
    agents,
    archive,
    candidates,
    create_agent,
    ref,
    response_text,
    submit,
)
from tests.conftest import ADMIN
from tests.fakes import payloads

PUBLIC = "http://milobot.test"


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": smtp.url}


def lines_state(text: str) -> dict:
    return {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state(text)}}


async def press_add_candidates(milo, slack, agent_id: int) -> None:
    """An admin presses Add Candidates on the agent's card."""
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.AGENT_ADD_CANDIDATES,
            ref(agent_id),
            response_url=slack.new_response_url(),
        )
    )


async def test_add_candidates_invites_by_email_and_refuses_bad_and_duplicate_lines(milo, slack, smtp):
    await create_agent(milo, slack, name="Warehouse Lead", role="Shift Lead")
    [agent] = await agents(milo)

    mark = slack.mark()
    await press_add_candidates(milo, slack, agent.id)
    opened = await slack.wait_for("views.open", since=mark)
    view = opened.args["view"]
    assert view["callback_id"] == View.ADD_CANDIDATES and "DM me PDF, CSV or ZIP" in json.dumps(view)
    context = metadata.decode(metadata.ModalContext, view["private_metadata"])
    assert context.agent_id == agent.id

    text = "\n".join(
        [
            "Jane Doe, jane@example.com, (415) 555-2671",
            "<b>Jo</b> & Co <jo@example.com>",
            "No Email Here",
            "Bad Phone, bad@example.com, 12",
            "Jane Again, JANE@example.com",
            "Broken, not-an-email",
        ]
    )
    answer = await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, lines_state(text), context)
    assert answer["response_action"] == "update"
    summary = json.dumps(answer["view"])
    assert "Added 2 candidates" in summary and "refused 4" in summary
    assert "Line 3" in summary and "Line 4" in summary and "valid phone number" in summary
    assert "Line 5" in summary and "already a candidate" in summary and "Line 6" in summary
    assert "<b>Jo</b>" not in summary and "&lt;b&gt;Jo&lt;/b&gt;" in summary

    jane, jo = await candidates(milo)
    assert (jane.name, jane.email_normalized, jane.phone, jane.source) == (
        "Jane Doe",
        "jane@example.com",
        "+14155552671",
        "manual",
    )
    assert jo.name == "<b>Jo</b> & Co" and jo.email == "jo@example.com" and jane.token != jo.token
    assert f"{PUBLIC}/i/{jane.token}" in summary and f"{PUBLIC}/i/{jo.token}" in summary

    mail = await smtp.wait_for_message(lambda m: m["To"] == "jane@example.com")
    assert f"{PUBLIC}/i/{jane.token}" in mail.get_body(("plain",)).get_content()
    assert "Shift Lead" in mail["Subject"]
    mail_jo = await smtp.wait_for_message(lambda m: m["To"] == "jo@example.com")
    html = mail_jo.get_body(("html",)).get_content()
    assert "&lt;b&gt;Jo&lt;/b&gt; &amp; Co" in html and "<b>Jo</b>" not in html
    assert f"{PUBLIC}/i/{jo.token}" in html

    # The same e-mail again, in a later paste, is refused with a message naming the line.
    answer = await submit(
        milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, lines_state("Janet, Jane@Example.com"), context
    )
    summary = json.dumps(answer["view"])
    assert "Added 0 candidates" in summary and "Line 1" in summary and "already a candidate" in summary
    assert len(await candidates(milo)) == 2
    assert len(smtp.messages) == 2

    # Nothing usable at all: the error sits on the input block.
    answer = await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, lines_state("  \n"), context)
    assert answer["response_action"] == "errors" and Block.CANDIDATES_TEXT in answer["errors"]


async def test_viewer_cannot_add_candidates(milo, slack, smtp):
    await create_agent(milo, slack, name="Barista")
    [agent] = await agents(milo)
    await milo.command("team invite <@UVIEWER001> viewer", user=ADMIN)
    await milo.replies()
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            "UVIEWER001",
            Action.AGENT_ADD_CANDIDATES,
            ref(agent.id),
            response_url=slack.new_response_url(),
        )
    )
    refused = await slack.wait_for("response_url", since=mark)
    assert "Only admins" in refused.args["text"]
    answer = await submit(
        milo,
        slack.team_id,
        "UVIEWER001",
        View.ADD_CANDIDATES,
        lines_state("Eve, eve@example.com"),
        metadata.ModalContext(agent_id=agent.id),
    )
    assert answer["response_action"] == "errors" and "Only admins" in answer["errors"][Block.CANDIDATES_TEXT]
    assert await candidates(milo) == [] and smtp.messages == []
    assert not [c for c in slack.calls[mark:] if c.method == "views.open"]


async def test_add_candidates_on_an_archived_agents_old_card_is_refused_at_the_click(milo, slack, smtp):
    """An agent card posted before the agent was archived still has Add Candidates. The click opened the
    modal and only the submit refused; it is refused at the click, privately, like Share on that card,
    and no modal opens. Unarchived, the same button opens the modal again."""
    await create_agent(milo, slack, name="Night Porter")
    [agent] = await agents(milo)
    await archive(milo, slack, agent.id)

    mark = slack.mark()
    await press_add_candidates(milo, slack, agent.id)
    refused = await slack.wait_for("response_url", since=mark)
    assert "archived; unarchive it before adding candidates" in refused.args["text"]
    assert refused.args.get("response_type") == "ephemeral"
    assert not [c for c in slack.calls[mark:] if c.method == "views.open"]
    assert await candidates(milo) == []

    await agent_menu(milo, slack, AgentMenu.UNARCHIVE, agent.id)
    await slack.wait_for("response_url", lambda c: "active again" in response_text(c), since=mark)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(slack.team_id, ADMIN, Action.AGENT_ADD_CANDIDATES, ref(agent.id))
    )
    opened = await slack.wait_for("views.open", since=mark)
    assert opened.args["view"]["callback_id"] == View.ADD_CANDIDATES


async def test_a_pasted_list_of_addresses_is_refused_line_by_line_never_turned_into_wrong_people(
    milo, slack, smtp
):
    """Addresses pasted as a mail client's To: line or a comma list are two people on one line: the line
    is refused saying so, rather than a candidate named "jane@example.com" (or "Jane <jane@…>; Bob")
    getting Bob's address and an invitation that greets him as someone else."""
    await create_agent(milo, slack, name="Warehouse Lead", role="Shift Lead")
    [agent] = await agents(milo)
    context = metadata.ModalContext(agent_id=agent.id)
    text = "\n".join(
        [
            "jane@example.com, bob@example.com",
            "Jane Doe <jane@example.com>; Bob Roe <bob@example.com>",
            "Jane Doe, jane@example.com; Bob Roe, bob@example.com",
            "Cy Fox\tcy@example.com",  # a spreadsheet's tab is a separator
        ]
    )
    answer = await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, lines_state(text), context)
    summary = json.dumps(answer["view"])
    assert "Added 1 candidate" in summary and "refused 3" in summary
    assert summary.count("one candidate per line") == 3
    [cy] = await candidates(milo)
    assert (cy.name, cy.email) == ("Cy Fox", "cy@example.com")
    mail = await smtp.wait_for_message(lambda m: m["To"] == "cy@example.com")
    assert "Hi Cy Fox," in mail.get_body(("plain",)).get_content()
    assert len(smtp.messages) == 1


async def test_the_invitation_is_a_complete_message_with_a_date(milo, slack, smtp):
    """RFC 5322 makes Date and From the two required header fields; without Date, relays that don't add
    one pass the invitation on as it is and spam filters mark it (SpamAssassin's MISSING_DATE)."""
    from datetime import UTC, datetime, timedelta
    from email.utils import parsedate_to_datetime

    await create_agent(milo, slack, name="Warehouse Lead", role="Caissière — nuit")
    [agent] = await agents(milo)
    context = metadata.ModalContext(agent_id=agent.id)
    text = 'Zoë "Z" O\'Brien <zoe@example.com>'
    await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, lines_state(text), context)
    mail = await smtp.wait_for_message(lambda m: m["To"] == "zoe@example.com")
    assert mail["Date"] is not None
    assert abs(parsedate_to_datetime(mail["Date"]) - datetime.now(UTC)) < timedelta(minutes=5)
    assert mail["From"] and mail["Message-ID"].startswith("<milobot.outbox.")
    assert mail["Subject"] == "Your interview for Caissière — nuit"  # RFC 2047 on the wire, read back
    assert 'Hi Zoë "Z" O\'Brien,' in mail.get_body(("plain",)).get_content()
    assert "Zoë &#34;Z&#34; O&#39;Brien" in mail.get_body(("html",)).get_content()
