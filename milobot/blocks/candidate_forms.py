"""Forms and messages of candidate review: the note form, the Dismiss reason, Edit contact, the Nudge all
confirmation and its result, and the DM a teammate gets when a note mentions them. Pure builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    EmailInputElement,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    RichTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from milobot.blocks.review_words import note_mrkdwn
from milobot.blocks.text import display, user_ref
from milobot.ids import CandidateAction, Input, ProfileBlock, ProfileView
from milobot.metadata import AgentRef, CandidateRef, DismissForm, NoteForm, encode
from milobot.services.notes import MAX_NOTE, MENTION
from milobot.services.nudges import SKIP_WORDS

if TYPE_CHECKING:
    from milobot.services.candidate_contact import Contact
    from milobot.services.nudges import NudgePlan


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _rich_text(body: str) -> dict[str, Any]:
    """A stored note back into rich text for editing: its mentions become user elements again."""
    elements: list[dict[str, Any]] = []
    at = 0
    for match in MENTION.finditer(body):
        if match.start() > at:
            elements.append({"type": "text", "text": body[at : match.start()]})
        elements.append({"type": "user", "user_id": match.group(1)})
        at = match.end()
    if at < len(body):
        elements.append({"type": "text", "text": body[at:]})
    return {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": elements}]}


def note_form(
    *, candidate_id: int, candidate_name: str, note_id: int | None = None, body: str = ""
) -> dict[str, Any]:
    """A rich-text input, so an @mention is a real mention (a user element) and not just text."""
    initial = _rich_text(body) if body else None
    element = RichTextInputElement(action_id=Input.VALUE, initial_value=initial, focus_on_load=True)
    return View(
        type="modal",
        callback_id=ProfileView.NOTE,
        title="Edit note" if note_id else "Add note",
        submit="Save",
        close="Back",
        blocks=[
            SectionBlock(
                text=_md(f"A note on *{display(candidate_name, 150)}*, seen only by the hiring team.")
            ),
            InputBlock(
                block_id=ProfileBlock.NOTE_TEXT,
                label="Note",
                hint=f"Up to {MAX_NOTE} characters. @mention a teammate and they get a DM with a link to the profile.",
                element=element,
            ),
        ],
        private_metadata=encode(NoteForm(candidate_id, note_id), limit=3000),
    ).to_dict()


def dismiss_form(
    *, candidate_id: int, candidate_name: str, interview_id: int | None = None, from_profile: bool = False
) -> dict[str, Any]:
    return View(
        type="modal",
        callback_id=ProfileView.DISMISS,
        title="Dismiss",
        submit="Dismiss",
        close="Cancel",
        blocks=[
            SectionBlock(
                text=_md(
                    f"Dismiss *{display(candidate_name, 150)}*: they're no longer moving forward. "
                    "You can undo this from their profile."
                )
            ),
            InputBlock(
                block_id=ProfileBlock.DISMISS_REASON,
                label="Reason (optional)",
                optional=True,
                hint="Kept in the candidate's history, seen only by the team; never posted to a channel.",
                element=PlainTextInputElement(action_id=Input.VALUE, multiline=True, max_length=500),
            ),
        ],
        private_metadata=encode(DismissForm(candidate_id, interview_id, from_profile), limit=3000),
    ).to_dict()


def contact_form(contact: Contact) -> dict[str, Any]:
    """Edit contact (admins): name, e-mail and phone, prefilled, checked as Add Candidates checks a line."""
    return View(
        type="modal",
        callback_id=ProfileView.CONTACT,
        title="Edit contact",
        submit="Save",
        close="Back",
        blocks=[
            SectionBlock(
                text=_md(
                    f"Correct the contact details of *{display(contact.name, 150)}*. Invitations and nudges "
                    "from now on go to the new address; their personal interview link stays the same."
                )
            ),
            InputBlock(
                block_id=ProfileBlock.CONTACT_NAME,
                label="Name",
                element=PlainTextInputElement(
                    action_id=Input.VALUE, initial_value=contact.name[:300], max_length=300
                ),
            ),
            InputBlock(
                block_id=ProfileBlock.CONTACT_EMAIL,
                label="E-mail",
                optional=True,
                element=EmailInputElement(action_id=Input.VALUE, initial_value=contact.email or None),
            ),
            InputBlock(
                block_id=ProfileBlock.CONTACT_PHONE,
                label="Phone",
                optional=True,
                hint="With +country code for non-US numbers; stored as +14155550123.",
                element=PlainTextInputElement(
                    action_id=Input.VALUE, initial_value=contact.phone or None, max_length=40
                ),
            ),
        ],
        private_metadata=encode(CandidateRef(contact.candidate_id), limit=3000),
    ).to_dict()


def skipped_text(skipped: dict[str, int]) -> str:
    parts = [
        f"{n} {SKIP_WORDS.get(rule, rule)}" for rule, n in sorted(skipped.items(), key=lambda kv: -kv[1]) if n
    ]
    return "; ".join(parts)


def nudge_all_form(plan: NudgePlan) -> dict[str, Any]:
    """The confirmation of Nudge all not completed: how many get an e-mail, how many are skipped and why."""
    agent = display(plan.agent_name, 150)
    if not plan.mail_enabled:
        return View(
            type="modal",
            callback_id=ProfileView.NUDGE_ALL,
            title="Nudge all",
            close="Close",
            blocks=[
                SectionBlock(
                    text=_md("E-mail isn't set up for milobot (`SMTP_URL`), so it can't send nudges.")
                )
            ],
        ).to_dict()
    lines = [
        f"*{plan.to_send}* candidate{'s' if plan.to_send != 1 else ''} of *{agent}* will be e-mailed a reminder with their personal link."
    ]
    if plan.skipped_total:
        lines.append(f"*{plan.skipped_total}* skipped: {skipped_text(plan.skipped)}.")
    lines.append("At most 3 nudges per candidate, at least 24 hours apart.")
    return View(
        type="modal",
        callback_id=ProfileView.NUDGE_ALL,
        title="Nudge all",
        submit="Send nudges" if plan.to_send else None,
        close="Cancel",
        blocks=[SectionBlock(text=_md("\n".join(lines)))],
        private_metadata=encode(AgentRef(plan.agent_id), limit=3000),
    ).to_dict()


def nudge_all_done(plan: NudgePlan) -> dict[str, Any]:
    text = f"Nudged *{plan.to_send}* candidate{'s' if plan.to_send != 1 else ''} of *{display(plan.agent_name, 150)}*."
    if plan.skipped_total:
        text += f"\n{plan.skipped_total} skipped: {skipped_text(plan.skipped)}."
    return View(
        type="modal",
        callback_id=ProfileView.NUDGE_ALL,
        title="Nudge all",
        close="Done",
        blocks=[SectionBlock(text=_md(text))],
    ).to_dict()


def working_view(title: str, text: str) -> dict[str, Any]:
    return View(type="modal", title=title, close="Close", blocks=[SectionBlock(text=_md(text))]).to_dict()


def note_mention_message(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The DM to a teammate mentioned in a note (rendered by the outbox at delivery)."""
    name = display(data.get("candidate_name"), 150)
    agent = display(data.get("agent_name"), 100)
    team = set(data.get("team") or [])
    text = f"{user_ref(data.get('author'))} mentioned you in a note on {name}"
    blocks = [
        SectionBlock(
            text=_md(f":memo: {user_ref(data.get('author'))} mentioned you in a note on *{name}* ({agent}):")
        ),
        SectionBlock(text=_md(note_mrkdwn(str(data.get("body") or ""), team, limit=2500))),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="View",
                    action_id=CandidateAction.PROFILE,
                    value=encode(CandidateRef(int(data["candidate_id"]))),
                    style="primary",
                )
            ]
        ),
        ContextBlock(elements=[_md("Notes are seen only by the hiring team.")]),
    ]
    return text, [b.to_dict() for b in blocks]
