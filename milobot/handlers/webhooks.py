"""Manage Webhooks (admins): the agent card's Actions entry, and the controls inside its modal."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot import metadata
from milobot.blocks import webhooks as blocks
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.agents import menu
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import AgentMenu, WebhookAction, WebhookBlock, WebhookChoice, WebhookView


@menu(AgentMenu.MANAGE_WEBHOOKS)
async def _manage(container, body, client, respond, identity, agent_id) -> None:
    panel = await container.webhooks.panel(identity=identity, agent_id=agent_id)
    await client.views_open(trigger_id=body["trigger_id"], view=blocks.manage_modal(panel))


def _view_id(body: dict) -> str | None:
    return (body.get("view") or {}).get("id")


def register(app: AsyncApp, container: Container) -> None:
    service = container.webhooks

    async def _refresh(client, body, agent_id: int, view_id: str | None = None) -> None:
        panel = await service.panel(identity=identity_of(body), agent_id=agent_id)
        await client.views_update(view_id=view_id or _view_id(body), view=blocks.manage_modal(panel))

    @app.action(WebhookAction.ADD)
    @guarded
    async def on_add(ack, body, client) -> None:
        await ack()
        ref = metadata.decode(metadata.AgentRef, action_value(body))
        panel = await service.panel(identity=identity_of(body), agent_id=ref.agent_id)  # admins only
        view = blocks.add_endpoint_modal(agent_id=panel.agent_id, agent_name=panel.agent_name)
        await client.views_push(trigger_id=body["trigger_id"], view=view)

    @app.action(WebhookAction.REFRESH)
    @guarded
    async def on_refresh(ack, body, client) -> None:
        await ack()
        ref = metadata.decode(metadata.AgentRef, action_value(body))
        await _refresh(client, body, ref.agent_id)

    @app.action(WebhookAction.RETRY)
    @guarded
    async def on_retry(ack, body, client) -> None:
        await ack()
        ref = metadata.decode(metadata.DeliveryRef, action_value(body))
        agent_id = await service.retry(identity=identity_of(body), delivery_id=ref.delivery_id)
        await _refresh(client, body, agent_id)

    @app.action(WebhookAction.ENDPOINT)
    @guarded
    async def on_endpoint(ack, body, client) -> None:
        await ack()
        choice = metadata.decode(metadata.WebhookEndpointChoice, action_value(body))
        identity, hook = identity_of(body), choice.webhook_id
        if choice.action == WebhookChoice.ROTATE:
            new = await service.rotate_secret(identity=identity, webhook_id=hook)
            await client.views_push(trigger_id=body["trigger_id"], view=blocks.secret_modal(new))
            await _refresh(client, body, new.agent_id)
            return
        if choice.action == WebhookChoice.TEST:
            agent_id = await service.send_test(identity=identity, webhook_id=hook)
        elif choice.action in (WebhookChoice.DISABLE, WebhookChoice.ENABLE):
            active = choice.action == WebhookChoice.ENABLE
            agent_id = await service.set_active(identity=identity, webhook_id=hook, active=active)
        elif choice.action == WebhookChoice.DELETE:
            agent_id = await service.delete(identity=identity, webhook_id=hook)
        else:
            raise Invalid("That choice isn't available.")
        await _refresh(client, body, agent_id)

    @app.view(WebhookView.ADD)
    @guarded
    async def on_add_submit(ack, body, client) -> None:
        # Checked before ack so a refused URL is shown on the form itself, next to the field.
        ref = metadata.decode(metadata.AgentRef, body["view"].get("private_metadata"))
        state = view_state(body)
        try:
            new = await service.add_endpoint(
                identity=identity_of(body),
                agent_id=ref.agent_id,
                url=input_value(state, WebhookBlock.URL),
                events=input_value(state, WebhookBlock.EVENTS) or [],
            )
        except MilobotError as error:
            block = WebhookBlock.EVENTS if getattr(error, "field", None) == "events" else WebhookBlock.URL
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        await ack(response_action="update", view=blocks.secret_modal(new))
        parent = body["view"].get("previous_view_id") or body["view"].get("root_view_id")
        if parent and parent != _view_id(body):
            await _refresh(client, body, new.agent_id, view_id=parent)
