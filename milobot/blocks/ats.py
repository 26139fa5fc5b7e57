"""ATS sync in Slack: the `/milo ats` status message, the connect and map forms, the ATS-sync notice in an
agent's channel, and the DM to admins when a connection breaks. Pure builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.text import display, display_plain
from milobot.ids import AtsAction, AtsBlock, AtsView, Input

if TYPE_CHECKING:
    from milobot.ats.client import Job
    from milobot.services.ats import AgentChoice, AtsStatus, Connected
    from milobot.services.ats_sync import NoticeData

LABEL = {"greenhouse": "Greenhouse", "lever": "Lever"}
ACTING = {
    "greenhouse": ("Greenhouse user ID (writes act on behalf of)", "the numeric ID from Configure → Users"),
    "lever": ("Lever user ID for perform_as", "the user's ID from Settings → Users"),
}
TRIGGERS = {
    "interview.completed": "interview result",
    "candidate.shortlisted": "shortlisted",
    "candidate.dismissed": "dismissed",
}


def status_message(status: AtsStatus) -> tuple[str, list[dict[str, Any]]]:
    if not status.connected:
        text = (
            "No ATS is connected. Connect Greenhouse or Lever and milobot writes each scored interview back "
            "to the candidate there, and can add candidates when they reach a stage you choose."
        )
        blocks: list[Block] = [
            SectionBlock(text=MarkdownTextObject(text=f":link: {text}")),
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text="Connect Greenhouse",
                        action_id=f"{AtsAction.CONNECT}:greenhouse",
                        value="greenhouse",
                    ),
                    ButtonElement(
                        text="Connect Lever", action_id=f"{AtsAction.CONNECT}:lever", value="lever"
                    ),
                ]
            ),
        ]
        return text, [b.to_dict() for b in blocks]
    label = LABEL.get(status.kind, status.kind)
    state = (
        ":large_green_circle: working"
        if status.status == "ok"
        else f":red_circle: *broken*: {display(status.status_reason, 300)}. Reconnect with a new key."
    )
    lines = [
        f"*{label}* · {state}",
        f"Writes act as user `{display(status.acting_user, 60)}`"
        + (" · Shortlist and Dismiss are written too" if status.sync_decisions else ""),
        f"Inbound web hook URL (stage changes): `{status.inbound_url}`",
    ]
    maps = [
        f"• *{display(m.agent_name, 100)}* → {display(m.job_name or m.job_id, 100)} (`{display(m.job_id, 40)}`)"
        + (f", invites at stage *{display(m.stage_name, 80)}*" if m.stage_name else "")
        for m in status.links
    ] or ["No agent is mapped to a job yet."]
    blocks = [
        SectionBlock(text=MarkdownTextObject(text="\n".join(lines))),
        SectionBlock(text=MarkdownTextObject(text="*Agents*\n" + "\n".join(maps)[:2800])),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Map an agent", action_id=AtsAction.MAP, value=status.kind, style="primary"
                ),
                ButtonElement(
                    text=f"Reconnect {label}",
                    action_id=f"{AtsAction.CONNECT}:{status.kind}",
                    value=status.kind,
                ),
                ButtonElement(
                    text="Disconnect",
                    action_id=AtsAction.DISCONNECT,
                    value=status.kind,
                    style="danger",
                    confirm=ConfirmObject(
                        title="Disconnect the ATS?",
                        text="milobot forgets the key and the agent mappings; nothing in the ATS changes.",
                        confirm="Disconnect",
                        deny="Keep",
                    ),
                ),
            ]
        ),
    ]
    return f"ATS: {label}", [b.to_dict() for b in blocks]


def connect_modal(kind: str) -> dict[str, Any]:
    label = LABEL[kind]
    acting, hint = ACTING[kind]
    secret_hint = (
        "The Secret key you type in Greenhouse's web hook form. Leave empty and milobot makes one."
        if kind == "greenhouse"
        else "The signature token Lever shows for your webhooks (Settings → Integrations and API → Webhooks)."
    )
    return SlackView(
        type="modal",
        callback_id=AtsView.CONNECT,
        title=f"Connect {label}",
        submit="Connect",
        close="Cancel",
        private_metadata=metadata.encode(metadata.AtsConnectContext(kind=kind)),
        blocks=[
            SectionBlock(
                text=MarkdownTextObject(
                    text=f"milobot tests the key with {label} before saving it. Keys are stored encrypted and never shown again."
                )
            ),
            InputBlock(
                block_id=AtsBlock.API_KEY,
                label=f"{label} API key",
                element=PlainTextInputElement(action_id=Input.VALUE, max_length=300),
            ),
            InputBlock(
                block_id=AtsBlock.ACTING_USER,
                label=acting,
                hint=hint,
                element=PlainTextInputElement(action_id=Input.VALUE, max_length=64),
            ),
            InputBlock(
                block_id=AtsBlock.INBOUND_SECRET,
                label="Web hook signing secret",
                optional=True,
                hint=secret_hint,
                element=PlainTextInputElement(action_id=Input.VALUE, max_length=300),
            ),
            InputBlock(
                block_id=AtsBlock.OPTIONS,
                label="Options",
                optional=True,
                element=CheckboxesElement(
                    action_id=Input.VALUE,
                    options=[
                        Option(value="sync_decisions", text="Also write Shortlist and Dismiss to the ATS")
                    ],
                ),
            ),
        ],
    ).to_dict()


def working_modal(title: str, text: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": display_plain(title, 24)},
        "close": {"type": "plain_text", "text": "Done"},
        "blocks": [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()],
    }


def connected_modal(result: Connected) -> dict[str, Any]:
    label = LABEL[result.kind]
    lines = [
        f":white_check_mark: Connected to *{label}* ({display(result.account, 200)}).",
        f"To add candidates when they reach a stage, create a web hook in {label} for stage changes that calls:",
        f"```{result.inbound_url}```",
    ]
    if result.generated_secret:
        lines += [
            "with this Secret key (shown only this once):",
            f"```{result.generated_secret}```",
        ]
    lines.append("Then map each agent to its job with *Map an agent* in `/milo ats`.")
    return working_modal(f"{label} connected", "\n".join(lines))


def map_modal(
    *, kind: str, agents: list[AgentChoice], jobs: list[Job], agent_id: int | None = None
) -> dict[str, Any]:
    job_word = "Job" if kind == "greenhouse" else "Posting"
    agent_options = [Option(value=str(a.id), text=display_plain(a.name, 75)) for a in agents[:100]]
    initial = next((o for o in agent_options if o.value == str(agent_id)), None)
    return SlackView(
        type="modal",
        callback_id=AtsView.MAP,
        title="Map an agent",
        submit="Save",
        close="Cancel",
        blocks=[
            InputBlock(
                block_id=AtsBlock.AGENT,
                label="Agent",
                element=StaticSelectElement(
                    action_id=Input.VALUE, options=agent_options, initial_option=initial
                ),
            ),
            InputBlock(
                block_id=AtsBlock.JOB,
                label=f"{LABEL[kind]} {job_word.lower()}",
                element=StaticSelectElement(
                    action_id=Input.VALUE,
                    options=[Option(value=j.id[:150], text=display_plain(j.name, 75)) for j in jobs[:100]],
                ),
            ),
            InputBlock(
                block_id=AtsBlock.STAGE,
                label="Stage that invites to this agent",
                optional=True,
                hint="When a candidate enters this stage in the ATS, milobot adds them here and e-mails their link.",
                element=PlainTextInputElement(
                    action_id=Input.VALUE, max_length=200, placeholder="AI Interview"
                ),
            ),
        ],
    ).to_dict()


_ICON = {"done": ":white_check_mark:", "failed": ":x:", "pending": ":hourglass_flowing_sand:"}


def notice(data: NoticeData, *, admins_can_retry: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """One agent's write-backs of about a minute, each line as it stands now."""
    head = f":arrows_counterclockwise: *ATS sync · {display(data.ats, 40)}* · {display(data.agent_name, 150)}"
    blocks: list[Block] = [ContextBlock(elements=[MarkdownTextObject(text=head)])]
    for line in data.lines:
        what = TRIGGERS.get(line.trigger, line.trigger)
        text = f"{_ICON.get(line.status, '')} *{display(line.candidate, 120)}* · {what}"
        accessory = None
        if line.status == "done":
            text += f" written · <{line.url}|Open in {display(data.ats, 40)}>" if line.url else " written"
        elif line.status == "failed":
            text += f" failed: {display(line.error, 400)}"
            accessory = ButtonElement(
                text="Retry",
                action_id=AtsAction.RETRY,
                value=metadata.encode(metadata.SyncRef(sync_id=line.sync_id)),
            )
        else:
            text += ": retrying…"
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text), accessory=accessory))
    done = sum(1 for line in data.lines if line.status == "done")
    failed = sum(1 for line in data.lines if line.status == "failed")
    fallback = f"ATS sync ({data.ats}): {done} written" + (f", {failed} failed" if failed else "")
    return fallback, [b.to_dict() for b in blocks]


def broken_dm(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    text = (
        f":red_circle: milobot's {display(data.get('kind'), 40)} connection stopped working: "
        f"{display(data.get('reason'), 400)}. Write-backs wait until an admin reconnects with a new API key "
        "(`/milo ats` → Reconnect), then presses *Retry* on the failed ones."
    )
    return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
