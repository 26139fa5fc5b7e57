"""The ingestion review message, its Edit modal, and the import history. Pure: prepared data in
(milobot.services.ingestion_model dataclasses), Block Kit out. Every extracted string is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    InteractiveElement,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from milobot import metadata
from milobot.blocks.text import display, display_plain, plain, user_ref
from milobot.ids import Action, ReviewAction, ReviewField
from milobot.ids import View as ViewId

if TYPE_CHECKING:
    from milobot.services.ingestion_model import BatchSummary, DraftEdit, DraftRow, ReviewData

OUTCOME_LABELS = {
    "ok": "read",
    "no_text": "no text layer",
    "encrypted": "encrypted",
    "corrupt": "corrupt",
    "unsupported": "unsupported",
    "too_large": "too large",
    "unsafe": "unsafe",
    "empty": "empty",
    "timeout": "timed out",
    "no_profiles": "no candidates found",
    "duplicate": "duplicate",
    "download_failed": "download failed",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_text(data: ReviewData) -> str:
    return (
        f"Import #{data.batch_id}: {_plural(data.file_count, 'file')}, {_plural(data.profile_count, 'profile')}, "
        f"{_plural(data.problem_count, 'problem')}"
    )


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _plain(text: str, limit: int) -> PlainTextObject:
    # A confirm dialog's text defaults to mrkdwn; names in it are shown literally instead of escaped.
    return PlainTextObject(text=display_plain(text, limit), emoji=False)


def reading_message(data: ReviewData) -> tuple[str, list[dict[str, Any]]]:
    n = len(data.file_names) if data.file_count == 0 else data.file_count
    text = f"Reading {_plural(n, 'file')}…"
    names = ", ".join(display(name, 80) for name in data.file_names)
    blocks: list[Block] = [
        SectionBlock(text=_md(f":hourglass_flowing_sand: *{text}*\n{names}" if names else f"*{text}*"))
    ]
    blocks.append(
        ContextBlock(
            elements=[_md("Nothing is added until you approve it. I'll update this message with the review.")]
        )
    )
    return text, [b.to_dict() for b in blocks]


def _row_text(row: DraftRow) -> str:
    p = row.profile
    lines = [f"*{display(p.get('name') or p.get('email') or 'Unnamed', 200)}*"]
    contact = [display(p[k], 200) for k in ("email", "phone") if p.get(k)]
    job = " @ ".join(display(p[k], 150) for k in ("current_title", "current_company") if p.get(k))
    where = display(p.get("location"), 150) if p.get("location") else ""
    line = " · ".join(x for x in (*contact, job, where) if x)
    if line:
        lines.append(line)
    skills = [display(s, 60) for s in (p.get("skills") or [])[:3]]
    extra = []
    if skills:
        extra.append("Skills: " + ", ".join(skills))
    extra.append(f"_{display(p.get('source_file') or 'unknown file', 200)}_")
    lines.append(" · ".join(extra))
    if row.duplicate_reason and row.status == "pending":
        lines.append(f":warning: *Possible duplicate:* {display(row.duplicate_reason, 400)}")
    return "\n".join(lines)


def _decided_line(row: DraftRow) -> str:
    if row.status == "approved":
        link = f" · <{row.link}|personal interview link>" if row.link else ""
        return f":white_check_mark: Approved by {user_ref(row.decided_by)}{link}"
    return f":x: Discarded by {user_ref(row.decided_by)}"


def _row_blocks(data: ReviewData, row: DraftRow) -> list[Block]:
    blocks: list[Block] = [SectionBlock(block_id=f"review.row.{row.id}", text=_md(_row_text(row)))]
    if row.status != "pending":
        blocks.append(ContextBlock(block_id=f"review.decided.{row.id}", elements=[_md(_decided_line(row))]))
        return blocks
    ref = metadata.encode(metadata.DraftRef(batch_id=data.batch_id, draft_id=row.id))
    if row.duplicate_reason:
        approve = ButtonElement(
            text="Approve",
            action_id=ReviewAction.APPROVE_DUPLICATE,
            value=ref,
            confirm=ConfirmObject(
                title="Approve a likely duplicate?",
                text=_plain(
                    f"This looks like a duplicate ({row.duplicate_reason}). Add it as a new candidate anyway?",
                    300,
                ),
                confirm="Approve anyway",
                deny="Cancel",
            ),
        )
    else:
        approve = ButtonElement(text="Approve", action_id=Action.REVIEW_APPROVE, value=ref, style="primary")
    blocks.append(
        ActionsBlock(
            block_id=f"review.actions.{row.id}",
            elements=[
                approve,
                ButtonElement(text="Discard", action_id=Action.REVIEW_DISCARD, value=ref),
                ButtonElement(text="Edit", action_id=Action.REVIEW_EDIT, value=ref),
            ],
        )
    )
    return blocks


def _controls(data: ReviewData) -> list[Block]:
    ref = metadata.encode(metadata.BatchRef(batch_id=data.batch_id, page=data.page))
    elements: list[InteractiveElement] = []
    if data.agents:
        options = [
            Option(
                value=metadata.encode(metadata.AgentPick(batch_id=data.batch_id, agent_id=a.id)),
                text=display_plain(a.name, 75),
            )
            for a in data.agents
        ]
        initial = next((o for o, a in zip(options, data.agents) if a.id == data.agent_id), None)
        elements.append(
            StaticSelectElement(
                action_id=Action.REVIEW_AGENT,
                placeholder="Choose the agent",
                options=options,
                initial_option=initial,
            )
        )
    if data.pending:
        ready = data.pending - data.flagged_pending
        agent = data.agent_name or "the chosen agent"
        elements.append(
            ButtonElement(
                text="Approve all",
                action_id=Action.REVIEW_APPROVE_ALL,
                value=ref,
                style="primary",
                confirm=ConfirmObject(
                    title="Approve all?",
                    text=_plain(
                        f"Add {_plural(ready, 'profile')} as candidates of {agent}? Likely duplicates are left for you to decide one by one.",
                        300,
                    ),
                    confirm="Approve all",
                    deny="Cancel",
                ),
            )
        )
        elements.append(
            ButtonElement(
                text="Discard all",
                action_id=Action.REVIEW_DISCARD_ALL,
                value=ref,
                style="danger",
                confirm=ConfirmObject(
                    title="Discard all?",
                    text=_plain(f"Discard the {_plural(data.pending, 'profile')} still waiting?", 300),
                    confirm="Discard all",
                    deny="Cancel",
                ),
            )
        )
    if invite := _invite_button(data):
        elements.append(invite)
    blocks: list[Block] = []
    if data.agents:
        who = (
            f"Approved profiles become candidates of *{display(data.agent_name, 200)}*."
            if data.agent_id
            else "Choose the agent approved profiles are for."
        )
        blocks.append(SectionBlock(text=_md(who)))
    elif data.pending:
        blocks.append(
            SectionBlock(
                text=_md(
                    "There are no interview agents yet: create one with `/milo agent new`, then pick it here."
                )
            )
        )
    if elements:
        blocks.append(ActionsBlock(block_id="review.controls", elements=elements))
    return blocks


def _invite_button(data: ReviewData) -> ButtonElement | None:
    """Once profiles are approved (and e-mail is set up), invite them all in one step."""
    if not (data.approved and data.can_invite):
        return None
    return ButtonElement(
        text="Invite approved by e-mail",
        action_id=ReviewAction.INVITE,
        value=metadata.encode(metadata.BatchRef(batch_id=data.batch_id, page=data.page)),
        confirm=ConfirmObject(
            title="Send invitations?",
            text=_plain(
                f"E-mail the {_plural(data.approved, 'approved candidate')} their personal interview link? "
                "Anyone already invited is skipped.",
                300,
            ),
            confirm="Send",
            deny="Cancel",
        ),
    )


def _pager(data: ReviewData) -> list[Block]:
    if data.page_count <= 1:
        return []
    last = min(data.first_index + len(data.rows), data.profile_count)
    blocks: list[Block] = [
        ContextBlock(
            elements=[
                _md(
                    f"Profiles {data.first_index + 1}–{last} of {data.profile_count} · page {data.page + 1} of {data.page_count}"
                )
            ]
        )
    ]
    buttons: list[InteractiveElement] = []
    if data.page > 0:
        buttons.append(
            ButtonElement(
                text="Previous",
                action_id=Action.REVIEW_PAGE,
                value=metadata.encode(metadata.BatchRef(data.batch_id, data.page - 1)),
            )
        )
    if data.page < data.page_count - 1:
        buttons.append(
            ButtonElement(
                text="Next",
                action_id=ReviewAction.PAGE_NEXT,
                value=metadata.encode(metadata.BatchRef(data.batch_id, data.page + 1)),
            )
        )
    blocks.append(ActionsBlock(block_id="review.pager", elements=buttons))
    return blocks


def _problems(data: ReviewData) -> list[Block]:
    if not data.problem_count:
        return []
    lines: list[str] = []
    size = 0
    for p in data.problems:
        line = f"• {display(p.filename, 150)} — {OUTCOME_LABELS.get(p.outcome, display(p.outcome, 40))}: {display(p.reason, 300)}"
        if size + len(line) > 2500:  # a section holds 3000 characters; keep room for the tally below
            break
        lines.append(line)
        size += len(line) + 1
    rest = data.problem_count - len(lines)
    if rest > 0:
        by = ", ".join(
            f"{n} {OUTCOME_LABELS.get(o, display(o, 40))}" for o, n in sorted(data.problem_outcomes.items())
        )
        lines.append(f"…and {rest} more ({by} in all).")
    text = f"*{_plural(data.problem_count, 'problem')}*\n" + "\n".join(lines)
    return [DividerBlock(), SectionBlock(block_id="review.problems", text=_md(text))]


def review_message(data: ReviewData) -> tuple[str, list[dict[str, Any]]]:
    """The whole message for one state of a batch (`data`: ReviewData)."""
    if data.status == "extracting":
        return reading_message(data)
    text = summary_text(data)
    status = (
        f"{data.pending} waiting · {data.approved} approved · {data.discarded} discarded"
        if data.status != "done"
        else f":white_check_mark: Done: {_plural(data.approved, 'candidate')} created, {data.discarded} skipped, {_plural(data.problem_count, 'error')}."
    )
    blocks: list[Block] = [
        HeaderBlock(text=plain(f"Review import #{data.batch_id}", 150)),
        SectionBlock(
            block_id="review.summary",
            text=_md(
                f"*{_plural(data.file_count, 'file')}* · *{_plural(data.profile_count, 'profile')}* · *{_plural(data.problem_count, 'problem')}*\n{status}"
            ),
        ),
    ]
    if data.status != "done":
        blocks += _controls(data)
    elif invite := _invite_button(data):
        blocks.append(ActionsBlock(block_id="review.invite", elements=[invite]))
    if data.rows:
        blocks.append(DividerBlock())
    for row in data.rows:
        blocks += _row_blocks(data, row)
    blocks += _pager(data)
    blocks += _problems(data)
    if data.flagged_pending and data.status != "done":
        blocks.append(
            ContextBlock(
                elements=[
                    _md(
                        f":warning: {_plural(data.flagged_pending, 'profile')} flagged as likely duplicates: decide them one by one."
                    )
                ]
            )
        )
    return text, [b.to_dict() for b in blocks]


_EDIT_FIELDS = (
    (ReviewField.NAME, "name", "Name"),
    (ReviewField.EMAIL, "email", "E-mail"),
    (ReviewField.PHONE, "phone", "Phone"),
    (ReviewField.TITLE, "current_title", "Current title"),
    (ReviewField.COMPANY, "current_company", "Company"),
    (ReviewField.LOCATION, "location", "Location"),
    (ReviewField.SKILLS, "skills", "Skills (comma-separated)"),
)
FIELD_BLOCKS = {key: block for block, key, _ in _EDIT_FIELDS}


def edit_modal(
    edit: DraftEdit, *, channel_id: str | None = None, message_ts: str | None = None
) -> dict[str, Any]:
    p = edit.profile
    blocks: list[Block] = []
    for block_id, key, label in _EDIT_FIELDS:
        value = ", ".join(p.get("skills") or []) if key == "skills" else p.get(key)
        blocks.append(
            InputBlock(
                block_id=block_id,
                label=label,
                optional=True,
                element=PlainTextInputElement(
                    action_id="value",
                    initial_value=plain(value, 3000) if value else None,
                    max_length=3000 if key == "skills" else 300,
                ),
            )
        )
    blocks.append(
        ContextBlock(
            elements=[
                _md(
                    f"From _{display(p.get('source_file') or 'an uploaded file', 200)}_. Saving checks for duplicates again."
                )
            ]
        )
    )
    private = metadata.encode(
        metadata.ModalContext(
            channel_id=channel_id, batch_id=edit.batch_id, draft_id=edit.draft_id, message_ts=message_ts
        ),
        limit=metadata.PRIVATE_METADATA_LIMIT,
    )
    return View(
        type="modal",
        callback_id=ViewId.REVIEW_EDIT,
        title="Edit profile",
        submit="Save",
        close="Cancel",
        private_metadata=private,
        blocks=blocks,
    ).to_dict()


def history_blocks(batches: Sequence[BatchSummary]) -> tuple[str, list[dict[str, Any]]]:
    if not batches:
        text = (
            "No imports yet. DM me résumés (PDF, DOCX), candidate lists (CSV) or a ZIP of them to start one."
        )
        return text, [SectionBlock(text=_md(text)).to_dict()]
    blocks: list[Block] = [HeaderBlock(text="Imports")]
    for b in batches[:40]:
        status = {
            "extracting": "reading files",
            "review": f"pending review ({b.pending} waiting)",
            "done": "done",
        }.get(b.status, b.status)
        agent = f" → {display(b.agent_name, 100)}" if b.agent_name else ""
        blocks.append(
            SectionBlock(
                text=_md(
                    f"*Import #{b.id}* · {b.created_at:%b %d, %H:%M} UTC · by {user_ref(b.uploaded_by)}{agent}\n"
                    f"{_plural(b.files, 'file')} · {b.created} created · {b.skipped} skipped · {_plural(b.errors, 'error')} · _{status}_"
                )
            )
        )
    return f"{len(batches)} recent imports", [b.to_dict() for b in blocks]
