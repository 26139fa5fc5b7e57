"""Display text from strangers: one walk through every reply path (commands, buttons, the review
message and its replies, DM'd file outcomes, the candidate card and its View, App Home, agent cards,
the imports list, share replies, e-mails) with hostile names, asserting that nothing Slack receives
carries a live mention, link, formatting or line break that came from them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import update

from milobot import metadata
from milobot.db.models import Agent
from milobot.ids import Action, AgentMenu, Block, Input, View
from tests.agents.support import menu_value, ref, submit
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.ingestion.support import buttons, click, dm_files, register, review_ready
from tests.reliability.support import completed_interview

# A candidate's name as a stranger would write it: a ping, a disguised link, a fake score line drawn
# in bold on a line of its own, markup, a bare link and a bare @here.
HOSTILE = (
    "Eve <!channel> <https://evil.example|Click> *Score 100/100*\nShortlisted "
    "<script>alert(1)</script> https://evil.example/login @here"
)
MALLORY = "Mallory <!everyone> *Score 99/100*\nShortlisted <https://evil.example|Click> www.evil.example"
AGENT = "<!here> *Hired*\nBackend <https://evil.example|Apply> https://evil.example `rm -rf`"
ROLE = "Lead\r\nBcc: everyone@example.com\n*Hired* <!channel>"
CHANNEL = "G0HOSTILE1"  # private, so the card shows answers too (they are outside text as well)

# What must never reach a mrkdwn text from the strings above.
LIVE = (
    "<!channel>",
    "<!here>",
    "<https://evil",
    "<script",
    "https://evil",
    "evil.example",
    "*Score 100/100*",
    "*Hired*",
    "`rm -rf`",
    "@here",
    "<!everyone>",
    "<!subteam",
    "~Hired~",
)
BROKEN_LINES = ("\nShortlisted", "\nBackend")


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": smtp.url}


def _texts(value: Any, *, mrkdwn: bool) -> Iterator[tuple[str, bool]]:
    """(string, rendered as mrkdwn?) for every text object in a message, view or reply."""
    if isinstance(value, dict):
        kind = value.get("type")
        if kind in ("mrkdwn", "plain_text") and isinstance(value.get("text"), str):
            yield value["text"], kind == "mrkdwn"
        for key, inner in value.items():
            if key in ("private_metadata", "value", "action_id", "block_id", "url", "image_url"):
                continue
            if key in ("text", "initial_comment") and isinstance(inner, str) and mrkdwn:
                yield inner, True  # a message's top-level text is mrkdwn
            elif not isinstance(inner, str):
                yield from _texts(inner, mrkdwn=False)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner, mrkdwn=False)


def _check(where: str, payload: Any) -> int:
    checked = 0
    for text, is_mrkdwn in _texts(payload, mrkdwn=True):
        checked += 1
        for broken in BROKEN_LINES:
            assert broken not in text, f"{where}: a line break from outside text in {text!r}"
        if is_mrkdwn:
            for live in LIVE:
                assert live not in text, f"{where}: {live!r} is live in {text!r}"
    return checked


async def test_every_reply_path_shows_hostile_names_inert(milo, slack, smtp):
    slack.add_channel(CHANNEL, "hiring-private", is_private=True, is_channel=False, is_group=True)
    answers: list[tuple[str, Any]] = []  # what came back in HTTP answers (modal updates)

    # The candidate card and its View: a completed interview of a hostile candidate, hostile answers.
    interview_id = await completed_interview(
        milo, channel=CHANNEL, name=HOSTILE, email="eve@example.com", answer=HOSTILE, agent_name=AGENT
    )
    await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == CHANNEL, timeout=10)
    async with milo.container.db.unit_of_work() as s:  # a role that tries to add an e-mail header
        await s.execute(update(Agent).values(role_title=ROLE))
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_VIEW,
            metadata.encode(metadata.InterviewRef(interview_id)),
            channel_id=CHANNEL,
            trigger_id="trig-view",
        )
    )
    await slack.wait_for("views.open")

    # App Home, /milo agents, an unknown subcommand, a share picker echoing the query, a share.
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    await slack.wait_for("views.publish")
    await milo.command("agents", user=ADMIN)
    listing = await milo.replies()
    await milo.command("<!channel>*x*", user=ADMIN)
    await milo.command("share <!everyone> *zzz* https://evil.example", user=ADMIN)
    # A loosely typed name is offered in the picker, never guessed (issue 9); choosing it shares.
    mark = slack.mark()
    await milo.command("share Hired", user=ADMIN)
    picker = await slack.wait_for(
        "response_url",
        lambda c: c.args["blocks"][0]["accessory"]["action_id"] == Action.AGENT_PICK_FOR_SHARE,
        since=mark,
    )
    option = picker.args["blocks"][0]["accessory"]["options"][0]
    await milo.interact(
        payloads.static_select_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_PICK_FOR_SHARE,
            option["value"],
            channel_id=CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    await slack.wait_for("files.completeUploadExternal", timeout=15)
    await milo.replies(count=4)

    [agent_id] = {b["value"] for b in _buttons_in(listing.args["blocks"], Action.AGENT_ADD_CANDIDATES)}
    agent_id = metadata.decode(metadata.AgentRef, agent_id).agent_id

    # DM'd files: a CSV of hostile profiles (one soon the same person as a candidate) and a broken
    # file with a hostile name; then the review's buttons and their replies.
    csv = (
        "name,email,title,company\n"
        f'"{MALLORY}",mallory@example.com,"*CTO* https://evil.example","<!channel> Corp"\n'
        '"Trent <!subteam^S123> ~Hired~",trent@example.com,"`Lead`",Acme\n'
    ).encode()
    await dm_files(
        milo,
        [
            register(slack, "<!channel> www.evil.example *list*.csv", csv, "text/csv"),
            register(slack, "<!here> *Score 100/100*.pdf", b"%PDF-1.4 broken", "application/pdf"),
        ],
    )
    batch, message = await review_ready(milo, slack)
    # Add Candidates (modal, then the summary with hostile lines): one of them is a profile waiting in
    # the review, so approving that profile is answered with "looks like a duplicate (…)".
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, Action.AGENT_ADD_CANDIDATES, ref(agent_id), trigger_id="trig-add"
        )
    )
    opened = await slack.wait_for("views.open", lambda c: c.args["trigger_id"] == "trig-add")
    context = metadata.decode(metadata.ModalContext, opened.args["view"]["private_metadata"])
    lines = (
        f"{MALLORY.replace(chr(10), ' ')}, mallory@example.com\n<!here> https://evil.example/x *no e-mail*"
    )
    state = {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state(lines)}}
    answers.append(
        ("add candidates", await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, state, context))
    )

    for button in buttons(message, Action.REVIEW_APPROVE) + buttons(message, Action.REVIEW_APPROVE_ALL):
        await milo.interact(click(slack, message, button))
    await milo.replies(predicate=lambda c: "looks like a duplicate (" in c.args.get("text", ""))
    await milo.replies(predicate=lambda c: "Added" in c.args.get("text", ""))
    await milo.command("imports", user=ADMIN)
    await milo.replies(predicate=lambda c: "Import #" in json.dumps(c.args))

    # The Actions menu: Duplicate, Create Template, Archive (each replies naming the agent).
    for choice in (AgentMenu.DUPLICATE, AgentMenu.CREATE_TEMPLATE, AgentMenu.ARCHIVE, AgentMenu.UNARCHIVE):
        mark = slack.mark()
        await milo.interact(
            payloads.overflow_action(
                slack.team_id,
                ADMIN,
                Action.AGENT_ACTIONS,
                menu_value(choice, agent_id),
                response_url=slack.new_response_url(),
            )
        )
        await slack.wait_for("response_url", since=mark)  # this choice's reply, checked below

    # Every Slack payload and HTTP answer: nothing from outside is live.
    checked = 0
    for call in slack.calls:
        if (
            call.method in ("chat.postMessage", "chat.update", "chat.postEphemeral", "response_url")
            or call.method.startswith("views.")
            or call.method == "files.completeUploadExternal"
        ):
            checked += _check(call.method, call.args)
    for where, body in answers:
        checked += _check(where, body)
    assert checked > 100  # the walk really went through the paths above

    # E-mails to the new candidate: a one-line subject, and no header smuggled in by the agent name.
    mail = await smtp.wait_for_message()
    assert mail["Subject"] == "Your interview for Lead Bcc: everyone@example.com *Hired* <!channel>"
    assert mail["Bcc"] is None and smtp.envelopes[-1].rcpt_tos == ["mallory@example.com"]


def _buttons_in(blocks: list[dict], action_id: str) -> list[dict]:
    return [
        el
        for b in blocks
        if b.get("type") == "actions"
        for el in b.get("elements") or []
        if el.get("action_id") == action_id
    ]
