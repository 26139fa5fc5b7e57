"""Block Kit of forget (the confirmation and its outcome) and of the Privacy & retention modal."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    RadioButtonsElement,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from milobot import metadata
from milobot.blocks.text import display, display_plain
from milobot.ids import PrivacyAction, PrivacyBlock, PrivacyView
from milobot.services.erasure import ErasurePlan, ErasureResult
from milobot.services.privacy import REDACT, SHOW
from milobot.services.retention import CHOICES, PrivacyForm


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def forget_modal(address: str, plan: ErasurePlan, confirm: metadata.ForgetConfirm) -> dict[str, Any]:
    what = (
        f"*{_n(plan.candidates, 'candidate')}* (every agent), *{_n(plan.interviews, 'interview')}* with their "
        f"answers, scores, ratings, notes and signals, *{_n(plan.files, 'file')}* (résumés, recordings), "
        f"*{_n(plan.drafts, 'import draft')}*; *{_n(plan.messages, 'message')}* of mine about them will say "
        "the details were erased." + _uploads_line(plan, "will be deleted from Slack")
    )
    return View(
        type="modal",
        callback_id=PrivacyView.FORGET_CONFIRM,
        title="Forget a person",
        submit="Erase",
        close="Cancel",
        private_metadata=metadata.encode(confirm, limit=metadata.PRIVATE_METADATA_LIMIT),
        blocks=[
            SectionBlock(
                text=MarkdownTextObject(text=f"Erase everything held about `{display(address, 320)}`?")
            ),
            SectionBlock(text=MarkdownTextObject(text=what)),
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text="This can't be undone. The audit log keeps only who erased, when, and a hash of the address."
                    )
                ]
            ),
        ],
    ).to_dict()


def note_modal(title: str, text: str) -> dict[str, Any]:
    return View(
        type="modal",
        title=display_plain(title, 24),
        close="Done",
        blocks=[SectionBlock(text=MarkdownTextObject(text=text[:3000]))],
    ).to_dict()


def forgotten_text(result: ErasureResult) -> str:
    p = result.plan
    if not p.known:
        return "Nothing was held about that address any more; nothing was changed."
    return (
        f":wastebasket: Erased {_n(p.candidates, 'candidate')}, {_n(p.interviews, 'interview')}, "
        f"{_n(result.files_removed, 'file')} and {_n(p.drafts, 'import draft')}; "
        f"{_n(p.messages, 'message')} now say the details were erased."
        + _uploads_line(p, "are being deleted from Slack")
    )


def _uploads_line(plan: ErasurePlan, verb: str) -> str:
    if not plan.slack_files:
        return ""
    return (
        f" {_n(plan.slack_files, 'file')} I uploaded with them in it (report PDFs, packages, data exports, "
        f"candidate list CSVs) {verb}."
    )


def _period_option(days: int | None) -> Option:
    return Option(value=str(days) if days else "off", text="Off" if not days else f"{days} days")


def settings_modal(form: PrivacyForm) -> dict[str, Any]:
    periods = [_period_option(None)] + [_period_option(d) for d in CHOICES]
    if form.retention_days and form.retention_days not in CHOICES:
        periods.append(_period_option(form.retention_days))
    current = _period_option(form.retention_days)
    preview = (
        f":hourglass: With {form.retention_days} days, *{_n(form.due, 'candidate')}* would be erased at the next "
        "daily run (last activity older than that)."
        if form.retention_days
        else "Retention is off: candidates are kept until someone erases them (`/milo forget`)."
    )
    public_options = [
        Option(value=REDACT, text="Hide details: initials, candidate number, score and buttons"),
        Option(value=SHOW, text="Show details (e-mail, phone, answers)"),
    ]
    agent_options = [Option(value=str(a_id), text=display_plain(name, 75)) for a_id, name, _ in form.agents]
    blocks: list[Block] = [
        InputBlock(
            block_id=PrivacyBlock.RETENTION,
            label="Erase candidates after",
            dispatch_action=True,
            element=StaticSelectElement(
                action_id=PrivacyAction.RETENTION_CHANGED,
                options=periods,
                initial_option=current,
            ),
            hint="Days after a candidate's last activity (added, interviewed, rated, noted).",
        ),
        ContextBlock(block_id=PrivacyBlock.PREVIEW, elements=[MarkdownTextObject(text=preview)]),
        InputBlock(
            block_id=PrivacyBlock.PUBLIC,
            label="Candidate posts in public channels",
            element=RadioButtonsElement(
                action_id="value",
                options=public_options,
                initial_option=public_options[1] if form.public == SHOW else public_options[0],
            ),
        ),
    ]
    if agent_options:
        for block_id, label, value in (
            (PrivacyBlock.AGENTS_SHOW, "These agents show details anyway", SHOW),
            (PrivacyBlock.AGENTS_HIDE, "These agents hide details anyway", REDACT),
        ):
            chosen = [o for o, (_, _, override) in zip(agent_options, form.agents) if override == value]
            blocks.append(
                InputBlock(
                    block_id=block_id,
                    label=label,
                    optional=True,
                    element=StaticMultiSelectElement(
                        action_id="value",
                        placeholder="Agents",
                        options=agent_options,
                        initial_options=chosen or None,
                    ),
                )
            )
    return View(
        type="modal",
        callback_id=PrivacyView.SETTINGS,
        title="Privacy & retention",
        submit="Save",
        close="Cancel",
        blocks=blocks,
    ).to_dict()
