"""The candidate card (posted to the agent's channel when an interview completes); its View button opens
the candidate profile (blocks/profile.py), over which Adjust score pushes its form.
Pure: CardData in, Block Kit out; every piece of candidate text is escaped and clipped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    InputBlock,
    InteractiveElement,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from milobot.blocks.report import report_menu
from milobot.blocks.review_words import count_text, decision_text, when
from milobot.blocks.text import clip, display
from milobot.ids import Action, AdjustScore, CardView, Input, ProfileAction
from milobot.metadata import AnswerRef, InterviewRef, RatingChoice, encode

if TYPE_CHECKING:
    from milobot.services.cards import CardData, QuestionSummary
    from milobot.services.profile import RatingLine

MAX_CARD_QUESTIONS = 40  # header, facts, divider, actions, context and observations leave room under 50
HIDDEN_NOTE = ":lock: Contact details and answers aren't shown in a public channel. Press *View* to see them."


def stars(score: int | None) -> str:
    if score is None:
        return "not scored"
    score = min(5, max(1, int(score)))
    return "★" * score + "☆" * (5 - score) + f" {score}/5"


def score_text(overall: float | None) -> str:
    if overall is None:
        return "not scored yet"
    return f"{round(overall):d}/100"


def _status(data: CardData) -> str:
    status = "Completed" if data.interview_status == "completed" else "In progress"
    decision = decision_text(data.decision, data.decided_by, getattr(data, "decided_at", None))
    if decision:
        status += f" · {decision}"
    return status


def card_text(data: CardData) -> str:
    """The notification text (mrkdwn too, so escaped)."""
    return f"Interview completed: {display(data.candidate_name, 150)} — {score_text(data.overall_score)} ({display(data.agent_name, 100)})"


def _facts(data: CardData) -> SectionBlock:
    role = f" · {display(data.role_title, 100)}" if data.role_title else ""
    fields = [
        MarkdownTextObject(text=f"*Score*\n{score_text(data.overall_score)}"),
        MarkdownTextObject(text=f"*Status*\n{_status(data)}"),
        MarkdownTextObject(text=f"*Interview*\n{display(data.agent_name, 200)}{role}"),
    ]
    contact = " · ".join(display(x, 200) for x in (data.email, data.phone) if x)
    if contact:
        fields.append(MarkdownTextObject(text=f"*Contact*\n{contact}"))
    # Counts only: who rated what is in the profile, blind until you rate.
    fields.append(MarkdownTextObject(text=f"*Team ratings*\n{count_text(data.rating_count)}"))
    return SectionBlock(fields=fields)


def _question_line(q: QuestionSummary, *, quote_limit: int = 280) -> str:
    head = f"*Q{q.index + 1}. {display(q.question, 300)}*\n{stars(q.score)}"
    if q.overridden:
        head += f" _(adjusted by the team; scorer said {q.machine_score if q.machine_score is not None else '—'})_"
    if q.evidence:
        head += f"\n> {display(q.evidence[0], quote_limit)}"
    return head


def _buttons(data: CardData) -> ActionsBlock:
    value = encode(InterviewRef(data.interview_id))
    return ActionsBlock(
        block_id=f"card:{data.interview_id}",
        elements=[
            ButtonElement(
                text="Shortlist", action_id=Action.CANDIDATE_SHORTLIST, value=value, style="primary"
            ),
            ButtonElement(text="Dismiss", action_id=Action.CANDIDATE_DISMISS, value=value, style="danger"),
            ButtonElement(text="View", action_id=Action.CANDIDATE_VIEW, value=value),
            report_menu(data.candidate_id),
        ],
    )


def rating_controls(candidate_id: int, *, mine: RatingLine | None = None) -> list[InteractiveElement]:
    """The stars select and the two thumbs, shared by the card and the profile (candidate-level)."""
    options = [
        Option(value=encode(RatingChoice(candidate_id, str(n))), text=f"{'★' * n}{'☆' * (5 - n)} {n}")
        for n in range(1, 6)
    ]
    initial = options[mine.value - 1] if mine is not None and mine.kind == "stars" else None
    return [
        StaticSelectElement(
            action_id=ProfileAction.RATE_STARS,
            placeholder="Rate ★1–5",
            options=options,
            initial_option=initial,
        ),
        ButtonElement(
            text="👍",
            action_id=ProfileAction.THUMBS_UP,
            value=encode(RatingChoice(candidate_id, "up")),
        ),
        ButtonElement(
            text="👎",
            action_id=ProfileAction.THUMBS_DOWN,
            value=encode(RatingChoice(candidate_id, "down")),
        ),
    ]


def _rating_controls(data: CardData) -> ActionsBlock:
    # A block of its own: a select has no text label to line up with the buttons above.
    return ActionsBlock(
        block_id=f"card_rate:{data.interview_id}", elements=rating_controls(data.candidate_id)
    )


def _observations(data: CardData) -> ContextBlock | None:
    if not data.observations:
        return None
    text = ":mag: " + " · ".join(display(o, 200) for o in data.observations[:10])
    if len(data.observations) > 10:
        text += f" · and {len(data.observations) - 10} more (*View Report* lists them all)"
    text += " _(observations only; there can be ordinary reasons)_"
    return ContextBlock(elements=[MarkdownTextObject(text=clip(text, 2900))])


def _footer(data: CardData) -> ContextBlock:
    bits = [f"Scored by {display(data.scorer, 100)}" if data.scorer else "Not scored yet"]
    if data.version:
        bits.append(f"question set v{data.version}")
    bits.append("via the interview engine" if data.source == "api" else "web interview")
    if data.completed_at:
        bits.append(f"completed {when(data.completed_at)}")  # in each reader's own time zone
    if data.recordings:
        bits.append("recordings: " + ", ".join(display(r, 40) for r in data.recordings))
    bits.append("A person on the team makes the decision.")
    return ContextBlock(elements=[MarkdownTextObject(text=" · ".join(bits))])


def card_blocks(data: CardData) -> list[dict[str, Any]]:
    # The name goes in escaped mrkdwn, not a header: a name like `<!channel>` must read as text everywhere.
    name = SectionBlock(
        text=MarkdownTextObject(text=f":bust_in_silhouette: *{display(data.candidate_name, 200)}*")
    )
    blocks: list[Block] = [name, _facts(data)]
    if data.personal_data_hidden:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=HIDDEN_NOTE)]))
    blocks.append(DividerBlock())
    shown = data.questions[:MAX_CARD_QUESTIONS]
    for q in shown:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=_question_line(q))))
    if len(data.questions) > len(shown):
        blocks.append(
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text=f"…and {len(data.questions) - len(shown)} more questions: press *View* for all of them."
                    )
                ]
            )
        )
    observations = _observations(data)
    if observations:
        blocks.append(observations)
    blocks.append(_buttons(data))
    blocks.append(_rating_controls(data))
    blocks.append(_footer(data))
    return [b.to_dict() for b in blocks]


def adjust_score_modal(
    *, answer_id: int, interview_id: int, question: str, current: int, machine: int | None
) -> dict[str, Any]:
    """Pushed over the View modal: a new score for one answer, and the reason that goes in the audit log."""
    options = [Option(value=str(n), text=f"{n} {'★' * n}") for n in range(1, 6)]
    blocks: list[Block] = [
        SectionBlock(
            text=MarkdownTextObject(
                text=f"*{display(question, 400)}*\nNow {stars(current)}"
                + (f" · the scorer said {machine}" if machine is not None and machine != current else "")
            )
        ),
        InputBlock(
            block_id=AdjustScore.SCORE_BLOCK,
            label="New score",
            element=StaticSelectElement(
                action_id=Input.VALUE, options=options, initial_option=options[max(1, min(5, current)) - 1]
            ),
        ),
        InputBlock(
            block_id=AdjustScore.REASON_BLOCK,
            label="Why",
            hint="Kept in the audit log with your name.",
            element=PlainTextInputElement(action_id=Input.VALUE, multiline=True, max_length=2000),
        ),
    ]
    return View(
        type="modal",
        callback_id=CardView.ADJUST_SCORE,
        title="Adjust score",
        submit="Save",
        close="Back",
        blocks=blocks,
        private_metadata=encode(AnswerRef(answer_id=answer_id, interview_id=interview_id), limit=3000),
    ).to_dict()
