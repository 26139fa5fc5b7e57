"""`/milo agent channel` over the wire: an admin moves an agent's notices to another channel (milobot joins
a public one itself; a private one needs an invitation and the admin in it), by name or prefix with a
choice when several agents match, or through the form's channel select; viewers, unknown agents,
channels the admin can't see and other workspaces' agents are refused and change nothing."""

from __future__ import annotations

import json

from milobot import metadata
from milobot.db.models import Agent
from milobot.ids import AgentAction, Block, Input, View
from milobot.slack.channel_access import NOT_VISIBLE
from tests.agents.support import CHANNEL, agents, audit_actions, create_agent
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL, make_agent
from tests.webhooks.support import api_key, post_result, result

VIEWER = "UVIEWER001"
PUBLIC_NEW = "C0HIRING01"  # public, milobot not in it yet
PRIVATE_IN = "G0PRIVIN01"  # private, milobot invited, the admin a member
PRIVATE_OUT = "G0PRIVOUT1"  # private, milobot not invited
PRIVATE_NOT_MINE = "G0NOTMINE1"  # private, milobot invited, the admin not a member


def mention(channel_id: str, name: str = "") -> str:
    return f"<#{channel_id}|{name}>"


def setup_channels(slack) -> None:
    slack.add_channel(PUBLIC_NEW, "hiring", is_member=False)
    slack.add_channel(PRIVATE_IN, "hiring-private", is_private=True, members=["U0OTHER001", ADMIN])
    slack.add_channel(PRIVATE_OUT, "secret-room", is_private=True, is_member=False, members=[ADMIN])
    slack.add_channel(PRIVATE_NOT_MINE, "execs", is_private=True, members=["U0OTHER001"])
    slack.add_channel("C0ARCHIVE1", "old-hiring", is_archived=True)


async def channel_of(milo, name: str) -> str | None:
    return next(a.channel_id for a in await agents(milo) if a.name == name)


async def say(milo, slack, text: str, *, user: str = ADMIN) -> str:
    """The ephemeral reply's text, and its blocks' text (a choice puts its question there)."""
    mark = slack.mark()
    await milo.command(text, user=user)
    reply = await slack.wait_for("response_url", since=mark)
    blocks = reply.args.get("blocks") or []
    return " ".join([reply.args.get("text") or ""] + [b["text"]["text"] for b in blocks if b.get("text")])


async def test_admin_moves_notices_to_a_public_channel_milobot_joins(milo, slack):
    setup_channels(slack)
    await create_agent(milo, slack, name="Backend Engineer")
    await create_agent(milo, slack, name="Backend")
    mark = slack.mark()
    # An exact name wins over the longer name it prefixes.
    text = await say(milo, slack, f"agent channel backend {mention(PUBLIC_NEW, 'hiring')}")
    assert "*Backend* now posts" in text and f"<#{PUBLIC_NEW}>" in text and "I joined the channel" in text
    [join] = [c for c in slack.calls[mark:] if c.method == "conversations.join"]
    assert join.args["channel"] == PUBLIC_NEW
    assert await channel_of(milo, "Backend") == PUBLIC_NEW
    assert await channel_of(milo, "Backend Engineer") == CHANNEL
    assert "agent.channel" in await audit_actions(milo)

    # The same channel again: no second join (milobot is a member now), nothing else changes.
    mark = slack.mark()
    text = await say(milo, slack, f"agent channel backend {mention(PUBLIC_NEW)}")
    assert "now posts" in text and "I joined" not in text
    assert not [c for c in slack.calls[mark:] if c.method == "conversations.join"]
    assert (await audit_actions(milo)).count("agent.channel") == 1


async def test_private_channels_need_milobot_invited_and_the_admin_in_them(milo, slack):
    setup_channels(slack)
    await create_agent(milo, slack, name="Data Analyst")
    for channel_id in (PRIVATE_OUT, PRIVATE_NOT_MINE):
        text = await say(milo, slack, f"agent channel data analyst {mention(channel_id)}")
        assert NOT_VISIBLE in text and "/invite @milobot" in text
        assert "execs" not in text and "secret-room" not in text  # nothing about the room leaks
    assert await channel_of(milo, "Data Analyst") == CHANNEL
    text = await say(milo, slack, "agent channel data <#C0ARCHIVE1|old-hiring>")
    assert "#old-hiring is archived" in text
    mark = slack.mark()
    text = await say(milo, slack, f"agent channel data analyst {mention(PRIVATE_IN)}")
    assert "now posts" in text and "I joined" not in text
    assert not [c for c in slack.calls[mark:] if c.method == "conversations.join"]
    assert await channel_of(milo, "Data Analyst") == PRIVATE_IN


async def test_bad_input_gets_clear_messages_and_changes_nothing(milo, slack):
    setup_channels(slack)
    await create_agent(milo, slack, name="Backend Engineer")
    await create_agent(milo, slack, name="Backend Lead")
    await create_agent(milo, slack, name="<!channel> Designer")
    text = await say(milo, slack, f"agent channel Frontend {mention(PUBLIC_NEW)}")
    assert "is called “Frontend”" in text and "now posts" not in text
    text = await say(milo, slack, "agent channel backend engineer #nosuch")
    assert "didn't recognise `#nosuch` as a channel" in text
    text = await say(milo, slack, f"agent channel {mention(PUBLIC_NEW)}")
    assert "Usage: `/milo agent channel" in text
    text = await say(milo, slack, "agent channel")
    assert "Usage: `/milo agent channel" in text
    # The name in the reply is escaped: no one is pinged.
    text = await say(milo, slack, f"agent channel <!channel> Nobody {mention(PUBLIC_NEW)}")
    assert "<!channel>" not in text and "&lt;!channel&gt; Nobody" in text
    assert all(a.channel_id == CHANNEL for a in await agents(milo))
    assert "agent.channel" not in await audit_actions(milo)
    assert not slack.calls_to("conversations.join")

    # Several agents match: a choice, never a guess; choosing carries the channel along.
    mark = slack.mark()
    await milo.command(f"agent channel backend {mention(PUBLIC_NEW)}", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "Several agents match" in reply.args["text"] + json.dumps(reply.args["blocks"])
    options = reply.args["blocks"][0]["accessory"]["options"]
    assert sorted(o["text"]["text"] for o in options) == ["Backend Engineer", "Backend Lead"]
    lead = next(a for a in await agents(milo) if a.name == "Backend Lead")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AgentAction.PICK_FOR_CHANNEL,
            next(o["value"] for o in options if o["text"]["text"] == "Backend Lead"),
            response_url=slack.new_response_url(),
        )
    )
    done = await slack.wait_for("response_url", since=mark)
    assert "*Backend Lead* now posts" in done.args["text"]
    assert await channel_of(milo, "Backend Lead") == PUBLIC_NEW
    assert await channel_of(milo, "Backend Engineer") == CHANNEL
    assert lead.id


async def test_viewer_is_refused_before_milobot_asks_slack_anything(milo, slack):
    setup_channels(slack)
    await create_agent(milo, slack, name="Backend Engineer")
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies(predicate=lambda c: VIEWER in (c.args.get("text") or ""))
    mark = slack.mark()
    text = await say(milo, slack, f"agent channel backend engineer {mention(PUBLIC_NEW)}", user=VIEWER)
    assert "Only admins" in text
    [agent] = await agents(milo)
    mark2 = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            AgentAction.PICK_FOR_CHANNEL,
            metadata.encode(metadata.ChannelPick(agent_id=agent.id, channel_id=PUBLIC_NEW)),
            response_url=slack.new_response_url(),
        )
    )
    refusal = await slack.wait_for("response_url", since=mark2)
    assert "Only admins" in refusal.args["text"]
    answer = await _submit(milo, slack, agent.id, PUBLIC_NEW, user=VIEWER)
    assert "Only admins" in json.dumps(answer)
    asked = ("conversations.info", "conversations.join", "conversations.members")
    assert not [c for c in slack.calls[mark:] if c.method in asked]
    assert (await agents(milo))[0].channel_id == CHANNEL


async def _submit(milo, slack, agent_id: int, channel_id: str | None, *, user=ADMIN, team=None) -> dict:
    state = {Block.AGENT_CHANNEL: {Input.VALUE: payloads.conversations_select_state(channel_id)}}
    context = metadata.ModalContext(channel_id=CHANNEL, agent_id=agent_id)
    resp = await milo.interact(
        payloads.view_submission(
            team or slack.team_id, user, View.AGENT_CHANNEL, state, metadata.encode(context)
        )
    )
    assert resp.status == 200
    body = await resp.text()
    return json.loads(body) if body.strip() else {}


async def test_without_a_channel_the_form_opens_with_a_channel_select(milo, slack):
    setup_channels(slack)
    await create_agent(milo, slack, name="Backend Engineer")
    mark = slack.mark()
    await milo.command("agent channel backend", user=ADMIN)
    opened = await slack.wait_for("views.open", since=mark)
    view = opened.args["view"]
    assert view["callback_id"] == View.AGENT_CHANNEL
    select = next(b for b in view["blocks"] if b.get("block_id") == Block.AGENT_CHANNEL)["element"]
    assert select["type"] == "conversations_select" and select["initial_conversation"] == CHANNEL
    [agent] = await agents(milo)
    assert metadata.decode(metadata.ModalContext, view["private_metadata"]).agent_id == agent.id

    refused = await _submit(milo, slack, agent.id, PRIVATE_OUT)
    assert refused["response_action"] == "errors" and "invite me" in refused["errors"][Block.AGENT_CHANNEL]
    assert (await agents(milo))[0].channel_id == CHANNEL

    slack.inject_error("conversations.info", "fatal_error")  # Slack having a moment: still an answer
    failed = await _submit(milo, slack, agent.id, PUBLIC_NEW)
    assert "Try again in a moment" in failed["errors"][Block.AGENT_CHANNEL]

    done = await _submit(milo, slack, agent.id, PUBLIC_NEW)
    assert done["response_action"] == "update" and "now posts" in json.dumps(done["view"])
    assert (await agents(milo))[0].channel_id == PUBLIC_NEW


async def test_another_workspaces_agent_is_not_found_and_unchanged(milo, slack):
    setup_channels(slack)
    slack.add_workspace("T2", "xoxb-2")
    await milo.seat("T2", ADMIN)
    await create_agent(milo, slack, name="Home Team Agent")
    [agent] = await agents(milo)
    answer = await _submit(milo, slack, agent.id, PUBLIC_NEW, team="T2")
    assert "doesn't exist here" in json.dumps(answer)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            "T2",
            ADMIN,
            AgentAction.PICK_FOR_CHANNEL,
            metadata.encode(metadata.ChannelPick(agent_id=agent.id, channel_id=PUBLIC_NEW)),
            response_url=slack.new_response_url("T2"),
        )
    )
    refusal = await slack.wait_for("response_url", since=mark)
    assert "doesn't exist here" in refusal.args["text"]
    [after] = await agents(milo)
    assert isinstance(after, Agent) and after.channel_id == CHANNEL
    assert not slack.calls_to("conversations.join")


async def test_the_next_candidate_card_goes_to_the_new_channel(milo, slack):
    setup_channels(slack)
    agent_id = await make_agent(milo, name="Site Reliability")
    text = await say(milo, slack, f"agent channel site reliability {mention(PUBLIC_NEW, 'hiring')}")
    assert "now posts" in text
    key = await api_key(milo)
    assert await post_result(milo, key, result(1)) == 201
    card = await slack.wait_for(
        "chat.postMessage", lambda c: "(candidate #" in json.dumps(c.args), timeout=10
    )
    # A public channel: the card names the candidate by initials and number (tests/privacy).
    assert card.args["channel"] == PUBLIC_NEW and "Candidate 1" not in json.dumps(card.args)
    assert not [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == CARD_CHANNEL]
    assert next(a for a in await agents(milo) if a.id == agent_id).channel_id == PUBLIC_NEW
