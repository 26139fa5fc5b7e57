"""Which agent a command names: an exact name (any case) wins, then the only name starting so; several
matches or none get a choice, never a guess. Held for `/milo share` and `/milo candidates` alike."""

from __future__ import annotations

import json

import pytest

from milobot.ids import Action, CandidateList
from milobot.services.agents import AgentCard, resolve_agent
from tests.agents.support import qr_texts
from tests.candidates.support import make_agent, open_list, seed
from tests.conftest import ADMIN
from tests.fakes import payloads


def _card(i: int, name: str, status: str = "active") -> AgentCard:
    return AgentCard(i, name, None, None, status, None, f"http://x/i/{i}", 1, 1)


NAMES = [
    "Backend",
    "Backend Engineer",
    "Backend Engineer Berlin",
    "Product Manager",
    "Designer",
    "Data Engineer",
]
CARDS = [_card(i, n) for i, n in enumerate(NAMES, start=1)]


@pytest.mark.parametrize(
    ("query", "how", "agent", "choices"),
    [
        ("backend", "exact", "Backend", ["Backend"]),  # exact beats the two names it prefixes
        ("  BACKEND   engineer ", "exact", "Backend Engineer", ["Backend Engineer"]),
        ("backend engineer b", "prefix", "Backend Engineer Berlin", ["Backend Engineer Berlin"]),
        ("prod", "prefix", "Product Manager", ["Product Manager"]),
        ("back", "several", None, ["Backend", "Backend Engineer", "Backend Engineer Berlin"]),
        # Once /milo share picked "Designer" here, a different agent from the one named.
        ("Product Designer", "suggest", None, None),
        ("engineer", "suggest", None, None),  # a word inside a name: suggested, never picked
        ("zzzz qqqq", "none", None, []),
        ("", "all", None, NAMES),
    ],
)
def test_resolution_rule(query, how, agent, choices):
    found = resolve_agent(CARDS, query)
    assert found.how == how
    assert (found.agent.name if found.agent else None) == agent
    if choices is not None:
        assert [c.name for c in found.choices] == choices
    if how == "suggest":
        assert found.agent is None and found.choices
    if query == "engineer":
        assert [c.name for c in found.choices][:3] == [
            "Backend Engineer",
            "Backend Engineer Berlin",
            "Data Engineer",
        ]


def test_two_agents_with_the_same_name_get_a_choice():
    twins = [_card(1, "Designer"), _card(2, "designer")]
    found = resolve_agent(twins, "Designer")
    assert found.how == "several" and found.agent is None and len(found.choices) == 2


async def test_share_names_the_agent_it_shares(milo, slack):
    for name in ("Product Manager", "Designer", "Backend", "Backend Engineer"):
        await make_agent(milo, name=name)
    # Exact wins even with a tag after it, and even where another name starts the same.
    mark = slack.mark()
    await milo.command("share backend lobby-poster", user=ADMIN)
    ack = await slack.wait_for("response_url", since=mark)
    assert (
        "Sharing *Backend*:" in ack.args["text"] and "tok-backend-main?src=lobby-poster" in ack.args["text"]
    )
    await slack.wait_for("files.completeUploadExternal", since=mark, timeout=10)
    assert qr_texts(slack.uploaded_files["qr-backend-lobby-poster.png"]) == [
        "http://milobot.test/i/tok-backend-main?src=lobby-poster"
    ]
    # A name that exists nowhere gets suggestions to pick from, not another agent.
    mark = slack.mark()
    await milo.command("share Product Designer", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    text = json.dumps(reply.args["blocks"])
    assert "No active agent is called" in text and "Did you mean" in text
    assert "files.getUploadURLExternal" not in [c.method for c in slack.calls[mark:]]
    select = reply.args["blocks"][0]["accessory"]
    assert select["action_id"] == Action.AGENT_PICK_FOR_SHARE
    assert {"Designer", "Product Manager"} <= {o["text"]["text"].split(" · ")[0] for o in select["options"]}
    # Two names starting the same: a choice.
    mark = slack.mark()
    await milo.command("share backend e", user=ADMIN)  # "backend e" starts only "Backend Engineer"
    ack = await slack.wait_for("response_url", since=mark)
    assert "Sharing *Backend Engineer*:" in ack.args["text"]
    mark = slack.mark()
    await milo.command("share ba", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    options = reply.args["blocks"][0]["accessory"]["options"]
    assert sorted(o["text"]["text"].split(" · ")[0] for o in options) == ["Backend", "Backend Engineer"]


async def test_archived_agents_are_named_not_replaced(milo, slack):
    await make_agent(milo, name="Old Role", status="archived")
    await make_agent(milo, name="Old Roles Team")
    mark = slack.mark()
    await milo.command("share old role", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "archived" in reply.args["text"]
    # The candidate list of an archived agent still opens: its candidates are kept.
    archived = [a for a in (await _agent_ids(milo)) if a[1] == "Old Role"][0][0]
    await seed(milo, archived, "Kept Candidate")
    view = await open_list(milo, slack, "old role")
    assert "Kept Candidate" in json.dumps(view["blocks"]) and "archived" in json.dumps(view["blocks"])


async def _agent_ids(milo):
    from sqlalchemy import select

    from milobot.db.models import Agent

    async with milo.container.db.unit_of_work() as s:
        return list((await s.execute(select(Agent.id, Agent.name))).all())


async def test_candidates_command_asks_rather_than_guesses(milo, slack):
    for name in ("Backend Engineer Berlin", "Backend Engineer Paris"):
        await make_agent(milo, name=name)
    mark = slack.mark()
    await milo.command("candidates backend", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "Several agents match" in reply.args["blocks"][0]["text"]["text"]
    select = reply.args["blocks"][0]["accessory"]
    assert select["action_id"] == CandidateList.PICK_AGENT
    assert "views.open" not in [c.method for c in slack.calls[mark:]]
    paris = next(o for o in select["options"] if "Paris" in o["text"]["text"])
    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id,
            ADMIN,
            CandidateList.PICK_AGENT,
            paris["value"],
            response_url=slack.new_response_url(),
        )
    )
    opened = await slack.wait_for("views.open", since=mark)
    assert "Backend Engineer Paris" in json.dumps(opened.args["view"]["blocks"])

    mark = slack.mark()
    await milo.command("candidates <!channel>", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    text = json.dumps(reply.args)
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text
