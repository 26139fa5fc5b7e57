"""Connecting and mapping over the wire: `/milo ats`, its buttons, and the two forms."""

from __future__ import annotations

import json

from milobot import metadata
from milobot.ids import AtsAction, AtsBlock, AtsView, Input
from tests.conftest import ADMIN
from tests.fakes import payloads


def connect_state(api_key: str, acting_user: str, secret: str | None = None, decisions: bool = False) -> dict:
    return {
        AtsBlock.API_KEY: {Input.VALUE: payloads.text_input_state(api_key)},
        AtsBlock.ACTING_USER: {Input.VALUE: payloads.text_input_state(acting_user)},
        AtsBlock.INBOUND_SECRET: {Input.VALUE: payloads.text_input_state(secret)},
        AtsBlock.OPTIONS: {Input.VALUE: payloads.checkboxes_state(["sync_decisions"] if decisions else [])},
    }


async def connect(
    milo, slack, kind: str, api_key: str, acting_user: str, *, secret=None, decisions=False, user=ADMIN
):
    """Press Connect in `/milo ats`, submit the form; the view milobot shows once the vendor answered."""
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, user, f"{AtsAction.CONNECT}:{kind}", kind, response_url=slack.new_response_url()
        )
    )
    await _opened_or_refused(slack, mark)
    opened = [vid for vid, v in slack.views.items() if v["callback_id"] == AtsView.CONNECT]
    mark = slack.mark()
    resp = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            user,
            AtsView.CONNECT,
            connect_state(api_key, acting_user, secret, decisions),
            metadata.encode(metadata.AtsConnectContext(kind=kind)),
            view_id=opened[-1] if opened else "V0NOTOPEN01",
        )
    )
    assert resp.status == 200
    ack = json.loads(await resp.text() or "{}")
    if ack.get("response_action") != "update":
        return ack
    done = await slack.wait_for("views.update", since=mark, timeout=5)
    return done.args["view"]


async def map_agent(milo, slack, agent_id: int, job_id: str, stage: str | None, *, user=ADMIN) -> str:
    mark = slack.mark()
    state = {
        AtsBlock.AGENT: {Input.VALUE: payloads.static_select_state(str(agent_id))},
        AtsBlock.JOB: {Input.VALUE: payloads.static_select_state(job_id)},
        AtsBlock.STAGE: {Input.VALUE: payloads.text_input_state(stage)},
    }
    await open_map(milo, slack, user=user)
    mark = slack.mark()
    view_id = [
        vid
        for vid, v in slack.views.items()
        if v["callback_id"] == AtsView.MAP or "Map" in json.dumps(v["title"])
    ][-1]
    await milo.interact(payloads.view_submission(slack.team_id, user, AtsView.MAP, state, view_id=view_id))
    done = await slack.wait_for("views.update", since=mark, timeout=5)
    return json.dumps(done.args["view"]["blocks"])


async def open_map(milo, slack, *, user=ADMIN) -> dict:
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, user, AtsAction.MAP, "greenhouse", response_url=slack.new_response_url()
        )
    )
    done = await slack.wait_for("views.update", since=mark, timeout=5)
    return done.args["view"]


def view_text(view: dict) -> str:
    return json.dumps(view.get("blocks") or view)


async def _opened_or_refused(slack, mark: int) -> None:
    """The connect button opens the form for an admin; a viewer gets a refusal instead."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while loop.time() < deadline:
        if any(c.method in ("views.open", "response_url", "chat.postMessage") for c in slack.calls[mark:]):
            return
        await asyncio.sleep(0.02)  # polling the fake's recorded calls, bounded by the deadline
    raise AssertionError("the connect button got no answer")
