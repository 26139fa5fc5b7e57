"""Manage Webhooks: the endpoints and delivery log of one agent, the Add endpoint form, the secret shown
once, and the channel notice when milobot disables an endpoint. Pure builders."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.text import display, display_plain
from milobot.ids import Input, WebhookAction, WebhookBlock, WebhookChoice, WebhookView

if TYPE_CHECKING:
    from milobot.services.webhooks import DeliveryView, EndpointView, NewSecret, WebhookPanel

EVENT_HELP = {
    "interview.completed": "a candidate finished an interview",
    "interview.scored": "an interview's answers were scored",
    "candidate.created": "a candidate was added (by hand, import, share link, API or the ATS)",
    "candidate.shortlisted": "an admin pressed Shortlist",
    "candidate.dismissed": "an admin pressed Dismiss",
    "candidate.rated": "a teammate rated a candidate",
    "candidate.nudged": "a candidate was sent a reminder",
}
STATUS_ICON = {
    "delivered": ":white_check_mark:",
    "failed": ":x:",
    "retrying": ":repeat:",
    "pending": ":hourglass:",
}


def _when(at: datetime) -> str:
    return f"<!date^{int(at.timestamp())}^{{date_short_pretty}} {{time}}|{at:%Y-%m-%d %H:%M} UTC>"


def _endpoint_menu(endpoint: EndpointView) -> OverflowMenuElement:
    toggle = (WebhookChoice.DISABLE, "Disable") if endpoint.active else (WebhookChoice.ENABLE, "Enable")
    choices = [(WebhookChoice.TEST, "Send test"), (WebhookChoice.ROTATE, "Rotate secret"), toggle]
    choices.append((WebhookChoice.DELETE, "Delete endpoint"))
    return OverflowMenuElement(
        action_id=WebhookAction.ENDPOINT,
        options=[
            Option(
                value=metadata.encode(
                    metadata.WebhookEndpointChoice(action=v, webhook_id=endpoint.id), limit=150
                ),
                text=label,
            )
            for v, label in choices
        ],
    )


def _endpoint_text(endpoint: EndpointView) -> str:
    state = ":large_green_circle: active" if endpoint.active else ":no_entry: disabled"
    if not endpoint.active and endpoint.disabled_reason:
        state += f": {display(endpoint.disabled_reason, 300)}"
    lines = [
        f"`{display(endpoint.url, 400)}`",
        state,
        "Events: " + ", ".join(f"`{e}`" for e in endpoint.events),
    ]
    if endpoint.rotating_until:
        lines.append(f"Secret rotated: the old one also signs until {_when(endpoint.rotating_until)}")
    return "\n".join(lines)


def _delivery_text(d: DeliveryView) -> str:
    code = f" · HTTP {d.status_code}" if d.status_code else ""
    tries = f"{d.attempts} attempt{'s' if d.attempts != 1 else ''}"
    line = f"{STATUS_ICON.get(d.status, '')} `{d.event}` · *{d.status}* · {tries}{code} · {_when(d.at)}"
    line += f"\n{display(d.url, 120)}"
    if d.error and d.status != "delivered":
        line += f"\n_{display(d.error, 250)}_"
    return line


def manage_modal(panel: WebhookPanel) -> dict[str, Any]:
    ref = metadata.encode(metadata.AgentRef(agent_id=panel.agent_id))
    blocks: list[Block] = [
        SectionBlock(
            text=MarkdownTextObject(
                text=f"Signed HTTP calls to your systems when something happens to *{display(panel.agent_name, 150)}*'s "
                "candidates (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`)."
            )
        ),
        ActionsBlock(
            elements=[
                ButtonElement(text="Add endpoint", action_id=WebhookAction.ADD, value=ref, style="primary"),
                ButtonElement(text="Refresh", action_id=WebhookAction.REFRESH, value=ref),
            ]
        ),
        HeaderBlock(text="Endpoints"),
    ]
    if not panel.endpoints:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="No endpoints yet.")))
    for endpoint in panel.endpoints:
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=_endpoint_text(endpoint)), accessory=_endpoint_menu(endpoint)
            )
        )
    blocks += [DividerBlock(), HeaderBlock(text="Delivery log")]
    if not panel.deliveries:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text="Nothing delivered yet.")]))
    for d in panel.deliveries:
        retry = None
        if d.status == "failed":
            retry = ButtonElement(
                text="Retry",
                action_id=WebhookAction.RETRY,
                value=metadata.encode(metadata.DeliveryRef(delivery_id=d.id)),
            )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=_delivery_text(d)), accessory=retry))
    blocks.append(
        ContextBlock(
            elements=[MarkdownTextObject(text=f"The last {len(panel.deliveries)} deliveries, newest first.")]
        )
    )
    return SlackView(
        type="modal",
        callback_id=WebhookView.MANAGE,
        title="Manage Webhooks",
        close="Done",
        private_metadata=ref,
        blocks=blocks[:100],
    ).to_dict()


def add_endpoint_modal(*, agent_id: int, agent_name: str) -> dict[str, Any]:
    return SlackView(
        type="modal",
        callback_id=WebhookView.ADD,
        title="Add endpoint",
        submit="Add",
        close="Back",
        private_metadata=metadata.encode(metadata.AgentRef(agent_id=agent_id)),
        blocks=[
            SectionBlock(text=MarkdownTextObject(text=f"A new endpoint for *{display(agent_name, 150)}*.")),
            InputBlock(
                block_id=WebhookBlock.URL,
                label="Endpoint URL",
                element=PlainTextInputElement(
                    action_id=Input.VALUE, max_length=2000, placeholder="https://hooks.example.com/milobot"
                ),
                hint="https only; private and internal addresses are refused.",
            ),
            InputBlock(
                block_id=WebhookBlock.EVENTS,
                label="Events",
                element=CheckboxesElement(
                    action_id=Input.VALUE,
                    options=[
                        Option(value=e, text=e, description=display_plain(what, 75))
                        for e, what in EVENT_HELP.items()
                    ],
                ),
            ),
        ],
    ).to_dict()


def secret_modal(new: NewSecret) -> dict[str, Any]:
    if new.rotated and new.old_valid_until is not None:  # a rotation always sets the old one's end
        head = (
            f":arrows_counterclockwise: New signing secret for `{display(new.url, 300)}`. The old secret keeps "
            f"signing too until {_when(new.old_valid_until)}, so receivers can switch without missing a call."
        )
    else:
        head = f":white_check_mark: Endpoint added: `{display(new.url, 300)}`. Here is its signing secret."
    return SlackView(
        type="modal",
        callback_id=WebhookView.SECRET,
        title="Signing secret",
        close="Done",
        private_metadata=metadata.encode(metadata.AgentRef(agent_id=new.agent_id)),
        blocks=[
            SectionBlock(text=MarkdownTextObject(text=head)),
            SectionBlock(text=MarkdownTextObject(text=f"```{new.secret}```")),
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text="Copy it now: milobot shows it only this once. Verify calls with any Standard Webhooks "
                        "library (the `webhook-signature` header may carry two signatures while a rotation overlaps)."
                    )
                ]
            ),
        ],
    ).to_dict()


def disabled_notice(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    agent = f" of *{display(data.get('agent'), 150)}*" if data.get("agent") else ""
    text = (
        f":warning: milobot disabled the webhook endpoint `{display(data.get('url'), 300)}`{agent}: "
        f"{display(data.get('reason'), 400)}. Fix the receiver, then choose *Enable* in Actions → "
        "*Manage Webhooks* and Retry the failed deliveries."
    )
    return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
