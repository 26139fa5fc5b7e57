"""What the interview page observed (pastes, leaving the tab, long pauses): parsed from what the page
posts, and stored per question under a cap, whether it arrives with the answer or ahead of it.

The page posts observations ahead of the answer (a beacon when the candidate comes back to the tab or
leaves the page) so that reloading the page can't wipe them; whatever it has not sent yet rides with
the answer. Either way the same cap holds per question, so a script posting in a loop fills one
question's allowance and no more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot import jsonsafe
from milobot.db.models import IntegritySignal, Interview
from milobot.errors import Invalid
from milobot.services.interview_records import SIGNAL_KINDS

MAX_SIGNALS_PER_ANSWER = 50
MAX_DETAIL_VALUE = 2**31 - 1  # timings in ms and counts; anything larger is not an observation


@dataclass(frozen=True)
class SubmittedSignal:
    kind: str
    detail: dict[str, Any]


def parse_signals(raw: str | None, *, strict: bool = False) -> list[SubmittedSignal]:
    """The page script's observations. With an answer, anything malformed is dropped: a signal is a
    hint for a person, never worth refusing an answer over. Sent on their own (`strict`), a body that
    isn't a list of observations is refused with Invalid."""
    try:
        items = jsonsafe.loads(raw or "[]", max_depth=4)
    except ValueError:
        if strict:
            raise Invalid("signals must be a JSON list of observations, nested at most 4 levels") from None
        return []
    if strict and not isinstance(items, list):
        raise Invalid("signals must be a JSON list of observations")
    out: list[SubmittedSignal] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("kind") not in SIGNAL_KINDS:
            continue
        raw_detail = item.get("detail")
        detail = raw_detail if isinstance(raw_detail, dict) else {}
        clean = {
            k: v
            for k, v in detail.items()
            if isinstance(k, str)
            and len(k) <= 20
            and isinstance(v, int)
            and not isinstance(v, bool)
            and abs(v) <= MAX_DETAIL_VALUE
        }
        out.append(SubmittedSignal(item["kind"], dict(list(clean.items())[:5])))
        if len(out) >= MAX_SIGNALS_PER_ANSWER:
            break
    return out


async def store_signals(
    session: AsyncSession,
    interview: Interview,
    *,
    question_index: int,
    signals: list[SubmittedSignal],
    now: datetime,
) -> int:
    """Add the signals of one question, up to what is left of its cap; returns how many were kept."""
    stored = await session.scalar(
        select(func.count())
        .select_from(IntegritySignal)
        .where(IntegritySignal.interview_id == interview.id, IntegritySignal.question_index == question_index)
    )
    kept = signals[: max(0, MAX_SIGNALS_PER_ANSWER - (stored or 0))]
    for signal in kept:
        session.add(
            IntegritySignal(
                workspace_id=interview.workspace_id,
                interview_id=interview.id,
                kind=signal.kind,
                question_index=question_index,
                detail=signal.detail,
                at=now,
            )
        )
    return len(kept)
