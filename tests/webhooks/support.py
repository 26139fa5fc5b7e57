"""Manage Webhooks over the wire: the agent's Actions menu, the modal's controls, the Add form."""

from __future__ import annotations

import json
import re

from milobot import metadata
from milobot.ids import Action, AgentMenu, Input, WebhookAction, WebhookBlock, WebhookView
from tests.conftest import ADMIN
from tests.fakes import payloads

SECRET_RE = re.compile(r"whsec_[A-Za-z0-9+/=]{40,}")
KEY_RE = re.compile(r"milo_[0-9a-f]{8}_[A-Za-z0-9_-]+")


async def open_manage(milo, slack, agent_id: int, *, user: str = ADMIN, refused: bool = False):
    """Actions → Manage Webhooks on the agent card: the opened modal, or the refusal's text."""
    mark = slack.mark()
    value = metadata.encode(metadata.AgentMenuChoice(action=AgentMenu.MANAGE_WEBHOOKS, agent_id=agent_id))
    await milo.interact(
        payloads.overflow_action(
            slack.team_id, user, Action.AGENT_ACTIONS, value, response_url=slack.new_response_url()
        )
    )
    if refused:
        return (await slack.wait_for("response_url", since=mark)).args["text"]
    await slack.wait_for("views.open", since=mark)
    return manage_view(slack)


def manage_view(slack) -> dict:
    """The Manage Webhooks modal as Slack holds it now (its id stays the same through updates)."""
    return [v for v in slack.views.values() if v["callback_id"] == WebhookView.MANAGE][-1]


def view_text(view: dict) -> str:
    return json.dumps(view["blocks"])


async def add_endpoint(milo, slack, agent_id: int, url: str, events: list[str], *, user: str = ADMIN) -> dict:
    """Submit the Add endpoint form; Slack's ack body (errors, or the view it updates to)."""
    state = {
        WebhookBlock.URL: {Input.VALUE: payloads.text_input_state(url)},
        WebhookBlock.EVENTS: {Input.VALUE: payloads.checkboxes_state(events)},
    }
    resp = await milo.interact(
        payloads.view_submission(
            slack.team_id, user, WebhookView.ADD, state, metadata.encode(metadata.AgentRef(agent_id=agent_id))
        )
    )
    assert resp.status == 200
    body = await resp.text()
    return json.loads(body) if body.strip() else {}


def secret_in(ack: dict) -> str:
    found = SECRET_RE.search(json.dumps(ack))
    assert found, ack
    return found.group(0)


async def in_modal(milo, slack, view: dict, action_id: str, value: str, *, user: str = ADMIN, overflow=False):
    """Press a control inside the open Manage Webhooks modal."""
    make = payloads.overflow_action if overflow else payloads.block_actions
    return await milo.interact(make(slack.team_id, user, action_id, value, view=view))


def endpoint_choice(action: str, webhook_id: int) -> str:
    return metadata.encode(metadata.WebhookEndpointChoice(action=action, webhook_id=webhook_id))


def delivery_ref(delivery_id: int) -> str:
    return metadata.encode(metadata.DeliveryRef(delivery_id=delivery_id))


def agent_ref(agent_id: int) -> str:
    return metadata.encode(metadata.AgentRef(agent_id=agent_id))


async def api_key(milo) -> str:
    await milo.command("apikey create engine", user=ADMIN)
    reply = await milo.replies(predicate=lambda c: "milo_" in (c.args.get("text") or ""))
    return KEY_RE.search(reply.args["text"]).group(0)


def result(
    n: int, *, agent_token: str = "share-tok-0001", scores: bool = True, email: str | None = None
) -> dict:
    body = {
        "external_id": f"engine-run-{n}",
        "agent_token": agent_token,
        "candidate": {"name": f"Candidate {n}", "email": email or f"cand{n}@example.com"},
        "transcript": [
            {"question": "Tell us about an incident.", "answer": "I owned it and wrote the postmortem."},
            {"question": "How do you design a schema?", "answer": "From the queries, with indexes."},
        ],
    }
    if scores:
        body["scores"] = [{"question_index": 0, "score": 4}, {"question_index": 1, "score": 5}]
    return body


async def post_result(milo, key: str, body: dict) -> int:
    async with milo.http.post(
        f"{milo.base_url}/api/v1/interviews", json=body, headers={"Authorization": f"Bearer {key}"}
    ) as resp:
        await resp.read()
        return resp.status


__all__ = ["WebhookAction"]
