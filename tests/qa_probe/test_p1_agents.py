"""QA probe: agent cards as admin and viewer, archived agents' buttons."""

from __future__ import annotations

import json

from milobot import metadata
from milobot.ids import Action, AgentMenu, Block, Input, View
from tests.agents.support import agents, create_agent, menu_value, ref, submit
from tests.conftest import ADMIN
from tests.fakes import payloads

VIEWER = "UVIEWER001"
WEIRD = "Ingeniera 🚀 مهندس & <Lead> *Ops*"


def dump(calls):
    for c in calls:
        print(
            "---",
            c.method,
            json.dumps({k: v for k, v in c.args.items() if k not in ("__url",)}, ensure_ascii=False)[:1500],
        )


async def test_walk(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    r = await create_agent(milo, slack, name=WEIRD, role="R&D <x>")
    print("create answer", r)
    [agent] = await agents(milo)
    mark = slack.mark()
    await milo.command("agents", user=VIEWER)
    await milo.replies(since=mark) if False else await slack.wait_for("response_url", since=mark)
    # viewer presses everything
    for action, value in [
        (Action.AGENT_SHARE, ref(agent.id)),
        (Action.AGENT_ADD_CANDIDATES, ref(agent.id)),
    ]:
        await milo.interact(
            payloads.block_actions(
                slack.team_id,
                VIEWER,
                action,
                value,
                response_url=slack.new_response_url(kind="actions"),
                trigger_id="trig-v",
            )
        )
    for choice in (
        AgentMenu.EDIT_QUESTIONS,
        AgentMenu.DUPLICATE,
        AgentMenu.CREATE_TEMPLATE,
        AgentMenu.MANAGE_WEBHOOKS,
        AgentMenu.ARCHIVE,
    ):
        await milo.interact(
            payloads.overflow_action(
                slack.team_id,
                VIEWER,
                Action.AGENT_ACTIONS,
                menu_value(choice, agent.id),
                response_url=slack.new_response_url(kind="actions"),
                trigger_id="trig-v",
            )
        )
    await slack.wait_for("response_url", since=mark, count=8, timeout=10)
    # admin archives, then presses everything on the archived agent
    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(AgentMenu.ARCHIVE, agent.id),
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    await slack.wait_for("response_url", since=mark, count=9, timeout=10)
    slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.AGENT_SHARE,
            ref(agent.id),
            response_url=slack.new_response_url(kind="actions"),
            trigger_id="t1",
        )
    )
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.AGENT_ADD_CANDIDATES,
            ref(agent.id),
            response_url=slack.new_response_url(kind="actions"),
            trigger_id="t2",
        )
    )
    for choice in (
        AgentMenu.EDIT_QUESTIONS,
        AgentMenu.DUPLICATE,
        AgentMenu.CREATE_TEMPLATE,
        AgentMenu.MANAGE_WEBHOOKS,
    ):
        await milo.interact(
            payloads.overflow_action(
                slack.team_id,
                ADMIN,
                Action.AGENT_ACTIONS,
                menu_value(choice, agent.id),
                response_url=slack.new_response_url(kind="actions"),
                trigger_id="t3",
            )
        )
    # add candidates submission to archived agent
    context = metadata.ModalContext(channel_id="C0CHAN0001", agent_id=agent.id)
    state = {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state("Zoë 🙂, zoe@example.com")}}
    ans = await submit(milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, state, context)
    print("add to archived:", ans)
    await milo.command(f"candidates {agent.name[:5]}", user=ADMIN)
    await milo.command(f"analytics {agent.name[:5]}", user=ADMIN)
    await milo.command(f"share {agent.name[:5]}", user=ADMIN)
    import asyncio

    await asyncio.sleep(3)
    print("======== ALL CALLS")
    dump(slack.calls)
