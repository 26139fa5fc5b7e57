"""The candidate profile modal (SPEC step 6). Pure: ProfileData in, a modal view out. Every value from
outside goes through display(); the blocks stay under a modal's 100 whatever the data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from milobot.blocks.candidate import rating_controls, score_text, stars
from milobot.blocks.email_failures import history_words
from milobot.blocks.report import report_actions
from milobot.blocks.review_words import count_text, decision_text, note_mrkdwn, rating_text, when
from milobot.blocks.settings import TEAM_FEEDBACK_LABEL
from milobot.blocks.text import clip, display, display_quote, user_ref
from milobot.ids import AdjustScore, ProfileAction, ProfileView
from milobot.metadata import (
    AnswerRef,
    CandidateRef,
    DecisionRef,
    NoteChoice,
    ProfileRef,
    encode,
)
from milobot.services.nudges import NUDGE_GAP

if TYPE_CHECKING:
    from milobot.services.cards import QuestionSummary
    from milobot.services.profile import HistoryLine, ProfileData

PAGE_SIZE = 5  # questions per page: two blocks each
ANSWER_SHOWN = 1500  # characters of an answer in the modal; the report page has all of it
OBSERVATIONS_SHOWN = 10
CUT_ANSWER = "_(the answer goes on: *View Report* shows all of it)_"
SOURCE_WORDS = {
    "manual": "Added by hand",
    "ingest": "From an import",
    "link": "Came through the share link",
    "api": "Posted by the interview engine API",
}
STATUS_WORDS = {"invited": "Invited", "in_progress": "Started", "completed": "Completed"}


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=clip(text, 2900))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[_md(text)])


def _head(data: ProfileData) -> list[Block]:
    role = f" · {display(data.role_title, 150)}" if data.role_title else ""
    fields = [
        _md(f"*Status*\n{STATUS_WORDS.get(data.status, display(data.status, 40))}"),
        _md(f"*Decision*\n{decision_text(data.decision, data.decided_by, data.decided_at) or 'None yet'}"),
    ]
    if data.interview is not None:
        fields.append(_md(f"*Score*\n{score_text(data.interview.overall_score)}"))
    fields.append(_md(f"*Ratings*\n{count_text(data.ratings.count)}"))
    if data.email:
        fields.append(_md(f"*E-mail*\n{display(data.email, 320)}"))
    if data.phone:
        fields.append(_md(f"*Phone*\n{display(data.phone, 40)}"))
    blocks: list[Block] = [
        SectionBlock(
            text=_md(
                f":bust_in_silhouette: *{display(data.name, 200)}*\n{display(data.agent_name, 150)}{role}"
            )
        ),
        SectionBlock(fields=fields),
    ]
    if data.decision == "dismissed" and data.decision_reason:
        blocks.append(_context(f"Reason: {display(data.decision_reason, 500)}"))
    about = []
    if data.current_title or data.current_company:
        at = " at " if data.current_title and data.current_company else ""
        about.append(
            f"{display(data.current_title or '', 150)}{at}{display(data.current_company or '', 150)}"
        )
    if data.location:
        about.append(display(data.location, 150))
    about += [display(link, 200) for link in data.links]
    if about:
        blocks.append(_context(" · ".join(about)))
    source = SOURCE_WORDS.get(data.source, display(data.source, 40))
    if data.source_tag:
        source += f" (source tag `{display(data.source_tag, 40)}`)"
    if data.source_file:
        source += f": {display(data.source_file, 150)}"
    bits = [f"{source} · added {when(data.added_at)}"]
    if data.resume_url:
        bits.append(f"<{data.resume_url}|Download résumé> (link valid for an hour)")
    if data.personal_link:
        bits.append(f"Personal interview link: {data.personal_link}")
    nudges = _nudge_line(data)
    if nudges:
        bits.append(nudges)
    blocks.append(_context("\n".join(bits)))
    return blocks


NUDGE_BLOCKS = {
    "archived": "the agent is archived, so no nudges",
    "no_email": "no e-mail address to nudge",
    "dismissed": "dismissed, so no nudges",
    "too_many": "no more nudges (3 is the most)",
}


def _nudge_line(data: ProfileData) -> str | None:
    """How the nudges stand, for a candidate who hasn't completed: sent so far and what stops the next."""
    if data.status == "completed":
        return None
    bits = []
    if data.nudge_count:
        bits.append(f"Nudged {data.nudge_count} of {data.max_nudges} times, last {when(data.last_nudged_at)}")
    if data.viewer_is_admin:
        if not data.mail_enabled:
            bits.append("e-mail isn't set up, so nudges can't be sent")
        elif data.nudge_block == "too_soon" and data.last_nudged_at:
            bits.append(f"next nudge possible from {when(data.last_nudged_at + NUDGE_GAP)}")
        elif data.nudge_block in NUDGE_BLOCKS:
            bits.append(NUDGE_BLOCKS[data.nudge_block])
    return " · ".join(bits) or None


def _buttons(data: ProfileData) -> ActionsBlock:
    ref = encode(CandidateRef(data.candidate_id))
    elements = rating_controls(data.candidate_id, mine=data.ratings.mine)
    elements.append(ButtonElement(text="Add note", action_id=ProfileAction.ADD_NOTE, value=ref))
    if data.viewer_is_admin:
        if data.decision != "shortlisted":
            elements.append(
                ButtonElement(text="Shortlist", action_id=ProfileAction.SHORTLIST, value=ref, style="primary")
            )
        if data.decision != "dismissed":
            elements.append(
                ButtonElement(text="Dismiss", action_id=ProfileAction.DISMISS, value=ref, style="danger")
            )
        if data.status != "completed":
            elements.append(ButtonElement(text="Nudge", action_id=ProfileAction.NUDGE, value=ref))
        if data.last_decision_id is not None:
            elements.append(
                ButtonElement(
                    text="Undo",
                    action_id=ProfileAction.UNDO,
                    value=encode(DecisionRef(data.candidate_id, data.last_decision_id)),
                    confirm=ConfirmObject(
                        title="Undo the last decision?",
                        text="The candidate goes back to where they stood before it. This is kept in the history.",
                        confirm="Undo",
                        deny="Keep it",
                    ),
                )
            )
    return ActionsBlock(block_id="profile_actions", elements=elements)


def _ratings(data: ProfileData) -> list[Block]:
    r = data.ratings
    if r.count == 0:
        return [SectionBlock(text=_md("*Ratings*\nNo ratings yet. Rate with the stars or thumbs above."))]
    if not r.visible:
        return [SectionBlock(text=_md(f"*Ratings*\n{count_text(r.count)}: rate to see them."))]
    lines = [f"{user_ref(line.user_id)} {rating_text(line.kind, line.value)}" for line in r.lines[:30]]
    if len(r.lines) > 30:
        lines.append(f"…and {len(r.lines) - 30} more{_where_the_rest_is(data)}")
    head = (
        f"*Ratings* · {count_text(r.count)}, average {r.average:.1f} / 5"
        if r.average is not None
        else "*Ratings*"
    )
    return [SectionBlock(text=_md(head + "\n" + "\n".join(lines)))]


def _question(q: QuestionSummary, data: ProfileData, interview_id: int) -> list[Block]:
    """`interview_id`: the interview shown in full (data.interview, never None here)."""
    whole = display_quote(q.answer, len(q.answer or "") * 5 + 10)  # never clipped (escapes grow it)
    answer = display_quote(q.answer, ANSWER_SHOWN) or "_(no answer)_"  # paragraphs kept, as a quote
    if len(whole) > ANSWER_SHOWN:  # clipped: say so, and where the whole answer is
        answer += f"\n{CUT_ANSWER}"
    adjust = None
    if data.viewer_is_admin and q.score is not None:
        adjust = ButtonElement(
            text="Adjust score",
            action_id=AdjustScore.BUTTON,
            value=encode(AnswerRef(answer_id=q.answer_id, interview_id=interview_id)),
        )
    detail = [stars(q.score)]
    if q.overridden:
        detail.append(
            f"adjusted by the team (scorer said {q.machine_score if q.machine_score is not None else '—'})"
        )
    if q.anchor_1 or q.anchor_5:
        detail.append(f"rubric: 1 = {display(q.anchor_1, 200) or '—'}; 5 = {display(q.anchor_5, 200) or '—'}")
    if q.evidence:
        detail.append("evidence: " + " / ".join(f"“{display(e, 200)}”" for e in q.evidence[:3]))
    if q.rationale:
        detail.append(display(q.rationale, 300))
    if q.duration_ms is not None:
        detail.append(f"{max(1, round(q.duration_ms / 1000))} s")
    return [
        SectionBlock(text=_md(f"*Q{q.index + 1}. {display(q.question, 400)}*\n{answer}"), accessory=adjust),
        _context(" · ".join(detail)),
    ]


def _interview(data: ProfileData) -> list[Block]:
    blocks: list[Block] = [DividerBlock()]
    if data.interview is None:
        nudged = f" · nudged {data.nudge_count} of {data.max_nudges} times" if data.nudge_count else ""
        blocks.append(SectionBlock(text=_md(f"*Interview*\nNo interview yet{nudged}.")))
        return blocks
    card = data.interview
    shown = next((i for i, line in enumerate(data.interviews) if line.id == card.interview_id), 0)
    status = "Completed " + when(card.completed_at) if card.interview_status == "completed" else "In progress"
    head = f"*Interview* · {status} · {score_text(card.overall_score)}"
    facts = [f"Scored by {display(card.scorer, 60)}" if card.scorer else "Not scored yet"]
    if card.version:
        facts.append(f"question set v{card.version}")
    facts.append("via the interview engine" if card.source == "api" else "web interview")
    accessory = None
    if len(data.interviews) > 1:
        options = [
            Option(
                value=encode(ProfileRef(data.candidate_id, line.id, 0)),
                text=f"Interview {len(data.interviews) - i} · {STATUS_WORDS.get(line.status, line.status)}",
            )
            for i, line in enumerate(data.interviews[:20])
        ]
        accessory = StaticSelectElement(
            action_id=ProfileAction.INTERVIEW,
            placeholder="Interviews",
            options=options,
            initial_option=options[shown] if shown < len(options) else None,
        )
    blocks.append(SectionBlock(text=_md(head + "\n" + " · ".join(facts)), accessory=accessory))
    if card.observations:
        more = len(card.observations) - OBSERVATIONS_SHOWN
        blocks.append(
            _context(
                ":mag: "
                + " · ".join(display(o, 200) for o in card.observations[:OBSERVATIONS_SHOWN])
                + (f" · and {more} more (*View Report* lists them all)" if more > 0 else "")
                + " _(observations only; there can be ordinary reasons)_"
            )
        )
    if data.recordings:
        links = " · ".join(f"<{r.url}|{display(r.kind, 20)} recording>" for r in data.recordings[:6])
        blocks.append(_context(f"{links} (links valid for an hour; they stream and seek)"))
    total = len(card.questions)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(data.page, pages - 1)
    for q in card.questions[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        blocks += _question(q, data, card.interview_id)
    if pages > 1:
        nav = []
        if page > 0:
            nav.append(
                ButtonElement(
                    text="Previous",
                    action_id=ProfileAction.PAGE,
                    value=encode(ProfileRef(data.candidate_id, card.interview_id, page - 1)),
                )
            )
        if page < pages - 1:
            nav.append(
                ButtonElement(
                    text="Next",
                    action_id=ProfileAction.PAGE_NEXT,
                    value=encode(ProfileRef(data.candidate_id, card.interview_id, page + 1)),
                )
            )
        first, last = page * PAGE_SIZE + 1, min(total, (page + 1) * PAGE_SIZE)
        blocks.append(_context(f"Questions {first}–{last} of {total}"))
        blocks.append(ActionsBlock(block_id="profile_pages", elements=nav))
    return blocks


def _notes(data: ProfileData) -> list[Block]:
    blocks: list[Block] = [
        DividerBlock(),
        SectionBlock(text=_md(f"*Notes* · team only · {data.notes_total}")),
    ]
    if not data.notes:
        blocks.append(_context("No notes yet. *Add note* to leave one; @mention a teammate to tell them."))
    for note in data.notes:
        edited = " (edited)" if note.edited_at else ""
        text = f"{user_ref(note.author_id)} · {when(note.created_at)}{edited}\n{note_mrkdwn(note.body, data.team)}"
        menu = None
        if note.mine:
            menu = OverflowMenuElement(
                action_id=ProfileAction.NOTE_MENU,
                options=[
                    Option(text="Edit", value=encode(NoteChoice("edit", note.id))),
                    Option(text="Delete", value=encode(NoteChoice("delete", note.id))),
                ],
            )
        blocks.append(SectionBlock(block_id=f"note:{note.id}", text=_md(text), accessory=menu))
    if data.notes_total > len(data.notes):
        blocks.append(
            _context(f"…and {data.notes_total - len(data.notes)} older notes{_where_the_rest_is(data)}")
        )
    return blocks


def _where_the_rest_is(data: ProfileData) -> str:
    """The end of a "…and N more" line: where the rest can be read (a report, when the workspace lets
    reports carry the team's feedback: blind until you rate there too), or how to get there."""
    if data.reports_include_team_feedback:
        if data.ratings.visible:
            return ": *View Report* has them all."
        return ": *View Report* has them all once you have rated."
    if data.viewer_is_admin:
        return f". To read them all in *View Report*, tick “{TEAM_FEEDBACK_LABEL}” in `/milo settings`."
    return ". An admin can let *View Report* show them all."


HISTORY_WORDS = {
    "candidate.shortlist": "shortlisted",
    "candidate.dismiss": "dismissed",
    "candidate.note": "added a note",
    "candidate.note_edit": "edited a note",
    "candidate.note_delete": "deleted a note",
    "report.link": "made a View Report link",
    "report.pdf": "downloaded the PDF report",
    "report.package": "made a Package ZIP",
    "report.revoke": "revoked the report links",
}
ATS_NAMES = {"greenhouse": "Greenhouse", "lever": "Lever"}


def _actor(actor_id: str | None) -> str:
    """A person as a mention; the ATS (actor "ats:greenhouse") by name, never as a broken mention."""
    if actor_id and actor_id.startswith("ats:"):
        kind = actor_id[4:]
        return ATS_NAMES.get(kind, display(kind, 40) or "The ATS")
    return user_ref(actor_id)


def history_line(line: HistoryLine) -> str:
    if line.action == "candidate.email_failed":  # no one did it: the mail server said so
        return f"{when(line.at)} · {history_words(line.detail)}"
    if line.action == "candidate.undo":
        what = f"undid the decision ({display(line.detail.get('undid'), 20)})"
    elif line.action == "candidate.nudge":
        what = "nudged by e-mail" + (" (Nudge all)" if line.detail.get("bulk") else "")
    elif line.action == "candidate.from_ats":
        stage = line.detail.get("stage")
        what = "added the candidate" + (f" (stage {display(stage, 80)})" if stage else "")
    elif line.action == "interview.score_override":
        what = f"adjusted a score from {line.detail.get('previous')} to {line.detail.get('score')}"
    else:
        what = HISTORY_WORDS.get(line.action, display(line.action, 60))
    if line.action == "candidate.dismiss" and line.detail.get("reason"):
        what += f": {display(line.detail['reason'], 200)}"
    return f"{when(line.at)} · {_actor(line.actor_id)} {what}"


def _history(data: ProfileData) -> list[Block]:
    if not data.history:
        return []
    return [DividerBlock(), _context("*History*\n" + "\n".join(history_line(h) for h in data.history))]


def profile_view(data: ProfileData) -> dict[str, Any]:
    reports = report_actions(data.candidate_id, can_revoke=data.viewer_is_admin)
    blocks = (
        _head(data)
        + [_buttons(data), reports]
        + _ratings(data)
        + _interview(data)
        + _notes(data)
        + _history(data)
    )
    return View(
        type="modal",
        callback_id=ProfileView.PROFILE,
        title="Candidate",
        close="Close",
        blocks=blocks[:100],
        private_metadata=encode(
            ProfileRef(data.candidate_id, data.interview.interview_id if data.interview else None, data.page),
            limit=3000,
        ),
    ).to_dict()
