"""Interviews: the candidate's web flow, results from the inbound API, scoring, score overrides, and
the candidate card's rendering (decisions on candidates live in services/decisions.py). One unit of
work per call (house rule 6)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from milobot.db.models import Answer, Candidate, Interview
from milobot.errors import Invalid, NotFound, RateLimited
from milobot.interview.scoring import Scorer, score_interview
from milobot.services import audit, interview_flow, interview_link, outbox, webhook_events
from milobot.services.base import Service, rowcount
from milobot.services.cards import CardData, load_card
from milobot.services.context import Identity, require_admin, require_member
from milobot.services.interview_flow import InterviewPage
from milobot.services.interview_link import LinkStart
from milobot.services.interview_records import (
    answers_of,
    enqueue_card,
    recompute_overall,
    rubric_questions,
    scoring_question,
    version_of,
)
from milobot.services.interview_results import (
    ExternalResult,
    IncomingRecording,
    RecordedResult,
    record_external,
)
from milobot.services.interview_signals import SubmittedSignal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScoreOverride:
    interview_id: int
    answer_id: int
    score: int
    previous: int | None
    overall_score: float | None
    candidate_id: int = 0
    question_index: int = 0


# Marks a card whose first post is under way (stored in card_channel until the real channel is known),
# and one whose first post failed in a way that may still have landed (no answer from Slack).
CARD_POSTING = "posting"
CARD_UNSURE = "unsure"
# A claim older than this was left by a replica that died mid-post: the next delivery takes it over.
CARD_CLAIM_TTL = timedelta(minutes=2)
# What claim_card_post says: post straight away, or first look for a card that may have landed.
POST_FRESH, POST_LOOK_FIRST = "fresh", "look"


class InterviewService(Service):
    # -- the candidate's web interview (the link token is the credential) ---------------------------

    async def page(self, *, token: str, remembered: str | None = None) -> InterviewPage:
        async with self.unit() as session:
            return await interview_flow.page_for(session, token, remembered=remembered)

    async def start_from_link(
        self,
        *,
        share_token: str,
        name: str,
        email: str,
        consent: bool,
        src: str | None = None,
        browser: str | None = None,
    ) -> LinkStart:
        """A visitor registers on the shared link (see interview_link for why the answer never
        depends on whether the address is known)."""
        async with self.unit() as session:
            started = await interview_link.start_from_link(
                session,
                share_token,
                name=name,
                email=email,
                consent=consent,
                src=src,
                now=self.now(),
                mail=self.deps.mail_enabled,
                browser=browser,
                daily_cap=self.deps.link_daily_cap,
            )
        if started.capped_for is not None:  # after the commit: the admins' notice stands
            raise RateLimited(interview_link.CAP_REACHED, retry_after=started.capped_for)
        return started

    async def send_personal_link(
        self, *, workspace_id: int, agent_id: int, name: str, email: str, tag: str | None
    ) -> dict[str, Any]:
        """For the outbox (no person involved): the queued half of a registration on the shared link."""
        async with self.unit() as session:
            return await interview_link.send_personal_link(
                session,
                workspace_id=workspace_id,
                agent_id=agent_id,
                name=name,
                email=email,
                tag=tag,
                public_url=self.deps.public_url,
                now=self.now(),
            )

    async def consent(self, *, token: str, browser: str | None = None) -> None:
        async with self.unit() as session:
            await interview_flow.consent(session, token, now=self.now(), browser=browser)

    async def submit_answer(
        self,
        *,
        token: str,
        question_index: int,
        text: str,
        duration_ms: int | None,
        signals: list[SubmittedSignal],
        browser: str | None = None,
    ) -> bool:
        async with self.unit() as session:
            return await interview_flow.submit_answer(
                session,
                token,
                question_index=question_index,
                text=text,
                duration_ms=duration_ms,
                signals=signals,
                now=self.now(),
                browser=browser,
            )

    async def signals_ahead(self, *, token: str, question_index: int, signals: list[SubmittedSignal]) -> int:
        async with self.unit() as session:
            return await interview_flow.signals_ahead(
                session, token, question_index=question_index, signals=signals, now=self.now()
            )

    # -- the inbound API -----------------------------------------------------------------------------

    async def record_external(
        self,
        *,
        workspace_id: int,
        key_prefix: str,
        result: ExternalResult,
        recordings: list[IncomingRecording],
        digest: str | None = None,
    ) -> RecordedResult:
        async with self.unit() as session:
            return await record_external(
                session,
                workspace_id=workspace_id,
                key_prefix=key_prefix,
                result=result,
                recordings=recordings,
                data_dir=Path(self.deps.data_dir),
                now=self.now(),
                digest=digest,
            )

    # -- scoring (the outbox worker calls this after completion) -------------------------------------

    async def score(self, *, interview_id: int, scorer: Scorer) -> dict[str, Any]:
        """Score the answers that have no score yet against the interview's OWN version's rubric, then
        post the card. Re-running after a crash finds nothing left to score and posts nothing twice."""
        async with self.unit() as session:
            interview = await session.get(Interview, interview_id)
            if interview is None or interview.status != "completed":
                return {"skipped": "not completed"}
            rubric = rubric_questions(await version_of(session, interview))
            todo = [
                (a.id, scoring_question(rubric, a.question_index, a.question_text), a.answer_text)
                for a in await answers_of(session, interview)
                if a.score is None
            ]
        if not todo:
            return {"skipped": "already scored"}
        # The slow part (maybe an LLM) runs outside any transaction.
        result = await score_interview(scorer, [q for _, q, _ in todo], [text for _, _, text in todo])
        async with self.unit() as session:
            interview = await session.get_one(Interview, interview_id)
            by_id = {a.id: a for a in await answers_of(session, interview)}
            for (answer_id, _, _), scored in zip(todo, result.per_question):
                answer = by_id.get(answer_id)
                if answer is not None and answer.score is None:
                    answer.score, answer.evidence, answer.rationale = (
                        scored.score,
                        list(scored.evidence),
                        scored.rationale,
                    )
            interview.scorer = (
                scorer.name
                if interview.scorer in (None, scorer.name)
                else f"{interview.scorer}+{scorer.name}"
            )
            recompute_overall(
                interview, list(by_id.values()), rubric_questions(await version_of(session, interview))
            )
            enqueue_card(session, interview)
            candidate = await session.get_one(Candidate, interview.candidate_id)
            await webhook_events.interview_scored(
                session, interview, candidate, sorted(by_id.values(), key=lambda a: a.question_index)
            )
            return {"scored": len(todo), "overall": interview.overall_score}

    async def override_score(
        self, *, identity: Identity, answer_id: int, score: int, reason: str
    ) -> ScoreOverride:
        if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
            raise Invalid("A score is a whole number from 1 to 5.", field="score")
        reason = (reason or "").strip()
        if not reason:
            raise Invalid("Say why you're changing the score; it goes in the audit log.", field="reason")
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            answer = await session.scalar(
                select(Answer).where(Answer.id == answer_id, Answer.workspace_id == actor.workspace_id)
            )
            if answer is None:
                raise NotFound("That answer doesn't exist in this workspace.")
            interview = await session.get_one(Interview, answer.interview_id)
            previous = answer.score_override if answer.score_override is not None else answer.score
            answer.score_override, answer.override_by, answer.override_reason = (
                score,
                actor.user_id,
                reason[:2000],
            )
            before = interview.overall_score
            recompute_overall(
                interview,
                await answers_of(session, interview),
                rubric_questions(await version_of(session, interview)),
            )
            audit.record(
                session,
                actor,
                "interview.score_override",
                target_type="answer",
                target_id=answer.id,
                interview_id=interview.id,
                previous=previous,
                score=score,
                reason=reason[:500],
                overall_before=before,
                overall_after=interview.overall_score,
            )
            enqueue_card(session, interview)
            return ScoreOverride(
                interview.id,
                answer.id,
                score,
                previous,
                interview.overall_score,
                candidate_id=interview.candidate_id,
                question_index=answer.question_index,
            )

    # -- the candidate card -------------------------------------------------------------------------

    async def card(self, *, interview_id: int) -> CardData:
        """For the card deliverer (no person involved): the card as it stands now."""
        async with self.unit() as session:
            return await load_card(session, interview_id=interview_id)

    async def view(self, *, identity: Identity, interview_id: int) -> CardData:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            return await load_card(session, interview_id=interview_id, workspace_id=actor.workspace_id)

    async def claim_card_post(self, *, interview_id: int) -> str | None:
        """Only one delivery may post an interview's first card. Two replicas can each hold a different
        `slack.card` row for the same interview; the conditional update lets exactly one of them post,
        and the other retries later, by when it finds the ts and updates instead.

        The claim expires (CARD_CLAIM_TTL), so a replica dying between claim and post blocks nobody for
        long. Returns None (someone else is posting), POST_FRESH (nobody tried before), or
        POST_LOOK_FIRST (an earlier try may have landed: look for the card before posting)."""
        now = self.now()
        async with self.unit() as session:
            row = await session.get(Interview, interview_id)
            if row is None or row.card_ts is not None:
                return None
            prior, until = row.card_channel, row.card_claimed_until
            if prior == CARD_POSTING and until is not None and until > now:
                return None
            condition = [Interview.id == interview_id, Interview.card_ts.is_(None)]
            if prior is None:
                condition.append(Interview.card_channel.is_(None))
            else:
                condition.append(Interview.card_channel == prior)
                condition.append(
                    Interview.card_claimed_until.is_(None)
                    if until is None
                    else Interview.card_claimed_until == until
                )
            result = await session.execute(
                update(Interview)
                .where(*condition)
                .values(card_channel=CARD_POSTING, card_claimed_until=now + CARD_CLAIM_TTL)
            )
            if rowcount(result) != 1:
                return None
            if prior is not None:
                log.info(
                    "interview %s: taking over its card post (%s); looking for it first", interview_id, prior
                )
            return POST_FRESH if prior is None else POST_LOOK_FIRST

    async def release_card_post(self, *, interview_id: int, maybe_landed: bool = False) -> None:
        """The post failed: let the next attempt claim it again (and look first if it may have landed)."""
        async with self.unit() as session:
            await session.execute(
                update(Interview)
                .where(
                    Interview.id == interview_id,
                    Interview.card_channel == CARD_POSTING,
                    Interview.card_ts.is_(None),
                )
                .values(card_channel=CARD_UNSURE if maybe_landed else None, card_claimed_until=None)
            )

    async def remember_card(self, *, interview_id: int, channel: str, ts: str) -> None:
        async with self.unit() as session:
            interview = await session.get(Interview, interview_id)
            if interview is not None:
                interview.card_channel, interview.card_ts = channel, ts
                interview.card_claimed_until = None

    async def start_card_render(self, *, outbox_id: int) -> None:
        """A coalesced card update is about to read the card: free its key first, so a rating committed
        from now on enqueues a fresh update instead of relying on this one (services/outbox.py)."""
        async with self.unit() as session:
            await outbox.release_dedupe_key(session, outbox_id=outbox_id)
