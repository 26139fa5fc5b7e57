"""The candidate's side of a web interview, as database steps: resolve a link, register from the shared
link, consent, answer one question at a time. The link token is the candidate's credential, so these
take no Slack identity; everything is scoped through the agent the token belongs to."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Answer, Candidate, Interview
from milobot.errors import Gone, Invalid, NotFound
from milobot.services.interview_records import (
    answers_of,
    current_version,
    mark_completed,
    rubric_questions,
    version_of,
)
from milobot.services.interview_signals import SubmittedSignal, store_signals

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SOURCE_TAG_RE = re.compile(r"^[a-z0-9_-]{1,40}$")
EMAIL_RE = re.compile(
    r"^[^@\s<>\"',;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$"
)
MAX_ANSWER_CHARS = 20_000
MAX_DURATION_MS = 6 * 3600 * 1000
CLOSED = "This interview is closed. The hiring team is no longer taking new interviews through this link."
UNKNOWN = "We couldn't find this interview. Please check the link you were sent."


def source_tag(raw: str | None) -> str | None:
    raw = (raw or "").strip()
    return raw if SOURCE_TAG_RE.match(raw) else None


@dataclass(frozen=True)
class InterviewPage:
    step: str  # start (shared link: details + consent) | consent | question | complete | resume
    agent_id: int
    agent_name: str
    role_title: str | None
    token: str  # the token this page posts back to
    candidate_token: str | None = None
    candidate_name: str | None = None
    question_index: int = 0  # 0-based
    question_total: int = 0
    question_text: str | None = None
    workspace_id: int = 0


async def _resolve(session: AsyncSession, token: str) -> tuple[Agent, Candidate | None]:
    if not TOKEN_RE.match(token or ""):
        raise NotFound(UNKNOWN)
    candidate = await session.scalar(select(Candidate).where(Candidate.token == token))
    if candidate is not None:
        agent = await session.scalar(
            select(Agent).where(Agent.id == candidate.agent_id, Agent.workspace_id == candidate.workspace_id)
        )
        if agent is None:
            raise NotFound(UNKNOWN)
        return agent, candidate
    agent = await session.scalar(select(Agent).where(Agent.share_token == token))
    if agent is None:
        raise NotFound(UNKNOWN)
    return agent, None


async def latest_interview(session: AsyncSession, candidate: Candidate) -> Interview | None:
    return await session.scalar(
        select(Interview)
        .where(Interview.workspace_id == candidate.workspace_id, Interview.candidate_id == candidate.id)
        .order_by(Interview.id.desc())
        .limit(1)
    )


async def page_for(session: AsyncSession, token: str, *, remembered: str | None) -> InterviewPage:
    """The page a link shows now. Reads only: opening a link writes nothing (visits of the shared link
    are counted in memory by the web layer and written in batches)."""
    agent, candidate = await _resolve(session, token)
    if candidate is None:
        if agent.status == "archived":
            raise Gone(CLOSED)
        # The same browser coming back to the shared link is asked whether it is still the same person
        # (a lobby tablet serves many) before its unfinished interview goes on.
        if remembered and TOKEN_RE.match(remembered):
            mine = await session.scalar(
                select(Candidate).where(Candidate.token == remembered, Candidate.agent_id == agent.id)
            )
            if mine is not None and mine.status != "completed":
                return InterviewPage(
                    "resume",
                    agent.id,
                    agent.name,
                    agent.role_title,
                    token,
                    candidate_token=mine.token,
                    candidate_name=mine.name,
                    workspace_id=agent.workspace_id,
                )
        return InterviewPage(
            "start", agent.id, agent.name, agent.role_title, token, workspace_id=agent.workspace_id
        )
    page = functools.partial(
        InterviewPage,
        agent_id=agent.id,
        agent_name=agent.name,
        role_title=agent.role_title,
        token=token,
        candidate_token=candidate.token,
        candidate_name=candidate.name,
        workspace_id=agent.workspace_id,
    )
    interview = await latest_interview(session, candidate)
    if interview is not None and interview.status == "completed":
        return page("complete")
    if agent.status == "archived":
        raise Gone(CLOSED)
    if interview is None or interview.consented_at is None:
        return page("consent")
    rubric = rubric_questions(await version_of(session, interview))
    answered = {a.question_index for a in await answers_of(session, interview)}
    nxt = next((i for i in range(len(rubric)) if i not in answered), None)
    if nxt is None:  # answered everything but never completed (a crash in between): finish now
        return page("complete")
    return page(
        "question",
        question_index=nxt,
        question_total=len(rubric),
        question_text=str(rubric[nxt]["text"]),
    )


def user_agent(raw: str | None) -> str | None:
    """The browser as it announced itself, kept for the report's diagnostics (one line, bounded)."""
    text = " ".join((raw or "").split())
    return text[:500] or None


async def _begin(
    session: AsyncSession,
    agent: Agent,
    candidate: Candidate,
    *,
    now: datetime,
    tag: str | None,
    browser: str | None = None,
) -> None:
    """Consent given: open the interview on the agent's version as of now (later edits don't move it)."""
    interview = await latest_interview(session, candidate)
    if interview is not None and (interview.status == "completed" or interview.consented_at is not None):
        return
    version = await current_version(session, agent)
    if version is None or not rubric_questions(version):
        raise Gone("This interview has no questions yet. Please try again later.")
    if interview is None:
        interview = Interview(
            workspace_id=agent.workspace_id,
            candidate_id=candidate.id,
            agent_id=agent.id,
            agent_version_id=version.id,
            source="web",
            source_tag=tag or candidate.source_tag,
            started_at=now,
        )
        session.add(interview)
    interview.consented_at = now
    interview.user_agent = user_agent(browser) or interview.user_agent
    candidate.status = "in_progress"


def _check_details(name: str, email: str) -> tuple[str, str]:
    name, email = (name or "").strip(), (email or "").strip()
    if not name:
        raise Invalid("Please enter your name.", field="name")
    if len(name) > 200:
        raise Invalid("That name is too long (200 characters at most).", field="name")
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise Invalid("Please enter a valid e-mail address, like name@example.com.", field="email")
    return name, email


async def consent(session: AsyncSession, token: str, *, now: datetime, browser: str | None = None) -> None:
    agent, candidate = await _resolve(session, token)
    if candidate is None:
        raise NotFound(UNKNOWN)
    if agent.status == "archived":
        raise Gone(CLOSED)
    await _begin(session, agent, candidate, now=now, tag=None, browser=browser)


def parse_duration(raw: str | None) -> int | None:
    try:
        value = int(str(raw or "").strip())
    except ValueError:
        return None
    return value if 0 <= value <= MAX_DURATION_MS else None


async def submit_answer(
    session: AsyncSession,
    token: str,
    *,
    question_index: int,
    text: str,
    duration_ms: int | None,
    signals: list[SubmittedSignal],
    now: datetime,
    browser: str | None = None,
) -> bool:
    """Store one answer; True once the interview is complete. A repeated or out-of-turn submission
    (back button, double click) changes nothing: the page simply shows where the candidate is."""
    agent, candidate = await _resolve(session, token)
    if candidate is None:
        raise NotFound(UNKNOWN)
    interview = await latest_interview(session, candidate)
    if interview is None or interview.consented_at is None:
        raise Invalid("Please start the interview first.")
    if interview.status == "completed":
        return True
    if agent.status == "archived":
        raise Gone(CLOSED)
    text = (text or "").strip()
    if not text:
        raise Invalid("Please write an answer before continuing.", field="answer")
    if len(text) > MAX_ANSWER_CHARS:
        raise Invalid(f"That answer is too long ({MAX_ANSWER_CHARS} characters at most).", field="answer")
    rubric = rubric_questions(await version_of(session, interview))
    answers = await answers_of(session, interview)
    answered = {a.question_index for a in answers}
    expected = next((i for i in range(len(rubric)) if i not in answered), None)
    if expected is None or question_index != expected:
        return expected is None
    if interview.user_agent is None:  # an interview begun before browsers were recorded
        interview.user_agent = user_agent(browser)
    if duration_ms is None:  # no script: time since the question was shown (last answer or consent)
        shown = max([interview.consented_at, *[a.answered_at for a in answers]])
        duration_ms = min(MAX_DURATION_MS, max(0, int((now - shown).total_seconds() * 1000)))
    try:
        async with session.begin_nested():
            session.add(
                Answer(
                    workspace_id=interview.workspace_id,
                    interview_id=interview.id,
                    question_index=question_index,
                    question_text=str(rubric[question_index]["text"]),
                    answer_text=text,
                    duration_ms=duration_ms,
                    answered_at=now,
                )
            )
    except IntegrityError:  # the same answer posted twice at once: the first one stands
        return False
    await store_signals(session, interview, question_index=question_index, signals=signals, now=now)
    if len(answered) + 1 >= len(rubric):
        await mark_completed(session, interview, candidate, now=now, scored=False)
        return True
    return False


async def signals_ahead(
    session: AsyncSession, token: str, *, question_index: int, signals: list[SubmittedSignal], now: datetime
) -> int:
    """Observations the page sent ahead of its answer (see interview_signals), for the question the
    candidate is on or one already answered: a beacon sent as the candidate clicks "Next" can arrive
    after the answer it belongs to. Anything else (a question not reached, an interview not begun) is
    dropped without a word: a beacon has no one to tell."""
    agent, candidate = await _resolve(session, token)
    if candidate is None:
        raise NotFound(UNKNOWN)
    if agent.status == "archived":
        raise Gone(CLOSED)
    interview = await latest_interview(session, candidate)
    if interview is None or interview.consented_at is None:
        return 0
    answered = {a.question_index for a in await answers_of(session, interview)}
    total = len(rubric_questions(await version_of(session, interview)))
    current = next((i for i in range(total) if i not in answered), None)
    if question_index not in answered and question_index != current:
        return 0
    return await store_signals(session, interview, question_index=question_index, signals=signals, now=now)
