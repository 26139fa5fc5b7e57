"""Modals for agents and candidates: new agent, Edit Questions, Add Candidates. Pure builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    Block as SlackBlock,
)
from slack_sdk.models.blocks import (
    ContextBlock,
    ConversationFilter,
    ConversationSelectElement,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.text import display, display_plain, plain
from milobot.ids import Block, Input, View

if TYPE_CHECKING:
    from milobot.services.agents import AgentCard, TemplateChoice

MAX_EDIT_SLOTS = 20  # 4 inputs per question: 20 slots stay under Slack's 100 blocks per modal


def question_block_id(kind: str, index: int) -> str:
    return f"{kind}:{index}"


def new_agent_modal(*, templates: list[TemplateChoice], context: metadata.ModalContext) -> dict[str, Any]:
    blocks: list[SlackBlock] = [
        InputBlock(
            block_id=Block.AGENT_NAME,
            label="Name",
            element=PlainTextInputElement(
                action_id=Input.VALUE, max_length=200, placeholder="Backend Engineer — Berlin"
            ),
        ),
        InputBlock(
            block_id=Block.AGENT_ROLE,
            label="Role",
            optional=True,
            element=PlainTextInputElement(
                action_id=Input.VALUE, max_length=200, placeholder="Senior Backend Engineer"
            ),
        ),
        InputBlock(
            block_id=Block.AGENT_LOCATION,
            label="Location",
            optional=True,
            element=PlainTextInputElement(
                action_id=Input.VALUE, max_length=200, placeholder="Berlin or remote"
            ),
        ),
    ]
    if templates:
        blocks.append(
            InputBlock(
                block_id=Block.AGENT_TEMPLATE,
                label="Start from template",
                optional=True,
                hint="Used when you leave the questions below empty.",
                element=StaticSelectElement(
                    action_id=Input.VALUE,
                    placeholder="Choose a template",
                    options=[
                        Option(
                            value=str(t.id),
                            text=display_plain(f"{t.name} ({t.question_count} questions)", 75),
                        )
                        for t in templates[:100]
                    ],
                ),
            )
        )
    blocks += [
        InputBlock(
            block_id=Block.AGENT_QUESTIONS,
            label="Questions",
            optional=bool(templates),
            hint="One question per line (up to 20). Rubric anchors and weights can be set later with Edit Questions.",
            element=PlainTextInputElement(action_id=Input.VALUE, multiline=True, max_length=3000),
        ),
        InputBlock(
            block_id=Block.AGENT_CHANNEL,
            label="Channel for notices",
            optional=True,
            # Never the conversation the command was typed in: candidate cards go only where chosen.
            hint="Completed interviews are posted here (invite milobot to it). Leave empty to post nowhere yet.",
            element=ConversationSelectElement(
                action_id=Input.VALUE,
                placeholder="Choose a channel",
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            ),
        ),
    ]
    return SlackView(
        type="modal",
        callback_id=View.AGENT_NEW,
        title="New interview agent",
        submit="Create",
        close="Cancel",
        private_metadata=metadata.encode(context, limit=metadata.PRIVATE_METADATA_LIMIT),
        blocks=blocks,
    ).to_dict()


def _question_inputs(index: int, q: dict[str, Any] | None) -> list[Any]:
    q = q or {}
    n = index + 1
    new = not q
    weight = q.get("weight", 1.0)
    return [
        InputBlock(
            block_id=question_block_id(Block.QUESTION_TEXT, index),
            optional=True,
            label=f"Question {n}" + (" (new)" if new else ""),
            hint="Leave empty to remove this question." if not new else "Type a question to add it.",
            element=PlainTextInputElement(
                action_id=Input.VALUE, multiline=True, max_length=1000, initial_value=q.get("text") or None
            ),
        ),
        InputBlock(
            block_id=question_block_id(Block.QUESTION_ANCHOR_1, index),
            optional=True,
            label=f"Q{n}: a 1 looks like",
            element=PlainTextInputElement(
                action_id=Input.VALUE,
                max_length=500,
                initial_value=q.get("anchor_1") or None,
                placeholder="Vague or off-topic; no example.",
            ),
        ),
        InputBlock(
            block_id=question_block_id(Block.QUESTION_ANCHOR_5, index),
            optional=True,
            label=f"Q{n}: a 5 looks like",
            element=PlainTextInputElement(
                action_id=Input.VALUE,
                multiline=True,
                max_length=1000,
                initial_value=q.get("anchor_5") or None,
            ),
        ),
        InputBlock(
            block_id=question_block_id(Block.QUESTION_WEIGHT, index),
            optional=True,
            label=f"Q{n}: weight",
            element=NumberInputElement(
                action_id=Input.VALUE,
                is_decimal_allowed=True,
                min_value=0,
                max_value=10,
                initial_value=str(weight),
            ),
        ),
    ]


def edit_questions_modal(
    *, agent: AgentCard, questions: list[dict[str, Any]], context: metadata.ModalContext
) -> dict[str, Any]:
    shown = questions[:MAX_EDIT_SLOTS]
    note = (
        f"*{display(agent.name, 150)}* · version {agent.version}. Saving makes version {agent.version + 1}; "
        "interviews already taken keep the questions they were asked. Weights run 0–10."
    )
    if len(shown) >= MAX_EDIT_SLOTS:
        note += f" An agent holds at most {MAX_EDIT_SLOTS} questions, so there's no slot for another."
    blocks: list[SlackBlock] = [SectionBlock(text=MarkdownTextObject(text=note))]
    for i, q in enumerate(shown):
        blocks += _question_inputs(i, q)
    if len(shown) < MAX_EDIT_SLOTS:
        blocks += _question_inputs(len(shown), None)
    return SlackView(
        type="modal",
        callback_id=View.AGENT_EDIT_QUESTIONS,
        title="Edit Questions",
        submit="Save",
        close="Cancel",
        private_metadata=metadata.encode(context, limit=metadata.PRIVATE_METADATA_LIMIT),
        blocks=blocks,
    ).to_dict()


def add_candidates_modal(*, agent: AgentCard, context: metadata.ModalContext) -> dict[str, Any]:
    blocks: list[SlackBlock] = [
        SectionBlock(
            text=MarkdownTextObject(
                text=f"Add candidates to *{display(agent.name, 200)}*. Each gets a personal interview link."
            )
        ),
        InputBlock(
            block_id=Block.CANDIDATES_TEXT,
            label="Candidates",
            hint="One per line: Name, email[, phone] — or Name <email>. Phones without +country are read as US.",
            element=PlainTextInputElement(
                action_id=Input.VALUE,
                multiline=True,
                max_length=3000,
                placeholder="Jane Doe, jane@example.com, +1 415 555 2671",
            ),
        ),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=":paperclip: Got résumés or a candidate list? DM me PDF, CSV or ZIP files instead; "
                    "you'll review what I extract before anything is added."
                )
            ]
        ),
    ]
    return SlackView(
        type="modal",
        callback_id=View.ADD_CANDIDATES,
        title="Add Candidates",
        submit="Add",
        close="Cancel",
        private_metadata=metadata.encode(context, limit=metadata.PRIVATE_METADATA_LIMIT),
        blocks=blocks,
    ).to_dict()


def result_modal(*, title: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """What a submitted modal turns into (response_action update): the outcome, and a Done button."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": plain(title, 24)},
        "close": {"type": "plain_text", "text": "Done"},
        "blocks": blocks[:100],
    }


def notice_blocks(text: str) -> list[dict[str, Any]]:
    return [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
