"""The day rollup: days that are over are stored once and read back; a write landing in a stored day
(a backdated candidate, an interview finishing, a deletion) makes it be computed again; today is never
stored; numbers read from the rollup equal numbers read from the rows."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, func, select, update

from milobot.db.models import AnalyticsDay, Candidate, Interview
from milobot.services.analytics import summarize
from milobot.services.analytics_range import parse_range
from tests.analytics.support import NY, add, et, october

LATER = et(2026, 11, 20, 12)


async def _oct(milo, ids, agent="backend", now=LATER):
    r = parse_range("2026-10-01..2026-10-31", NY, now)
    return await summarize(
        milo.container.db, workspace_id=ids["ws"], agent_id=ids.get(agent), start=r.start, end=r.end, now=now
    )


async def _stored(milo, ws, agent_key) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(
            select(func.count())
            .select_from(AnalyticsDay)
            .where(AnalyticsDay.workspace_id == ws, AnalyticsDay.agent_id == agent_key)
        )


def _numbers(summary) -> dict:
    data = asdict(summary)
    return {k: data[k] for k in data if k not in ("start", "end")}


async def test_rolled_up_days_equal_the_rows_and_are_stored_once(milo):
    ids = await october(milo)
    for agent, key in (("backend", ids["backend"]), ("all", 0)):
        raw = await _oct(milo, ids, agent, now=et(2026, 10, 1, 0))  # nothing is over yet: all from rows
        assert await _stored(milo, ids["ws"], key) == 0
        first = await _oct(milo, ids, agent)  # fills the rollup
        assert await _stored(milo, ids["ws"], key) == 32  # 31 days and the month
        again = await _oct(milo, ids, agent)  # reads it
        assert _numbers(raw) == _numbers(first) == _numbers(again)
    assert (await _oct(milo, ids)).invited == 7


async def test_writes_into_a_stored_day_are_counted(milo):
    ids = await october(milo)
    before = await _oct(milo, ids)
    assert (before.invited, before.started_and_completed, before.completed) == (7, 4, 4)
    # A candidate added with a date in the past (an import keeping its dates, the inbound API).
    await add(milo, ids["backend"], "Late", added=et(2026, 10, 15, 9), source="api")
    # Cal's interview (begun Oct 5) finishes on Oct 20: both days change.
    async with milo.container.db.unit_of_work() as s:
        await s.execute(
            update(Interview)
            .where(Interview.candidate_id == ids["cal"])
            .values(status="completed", completed_at=et(2026, 10, 20, 9), overall_score=72)
        )
    after = await _oct(milo, ids)
    assert after.invited == 8 and ("API", 2) in {(c.label, c.count) for c in after.by_source}
    assert (after.started_and_completed, after.completed) == (5, 5)
    assert dict(after.activity and [(d.isoformat(), c) for d, _, c in after.activity])["2026-10-20"] == 1
    # Forgetting a candidate takes their numbers away too.
    async with milo.container.db.unit_of_work() as s:
        await s.execute(delete(Candidate).where(Candidate.id == ids["ana"]))
    gone = await _oct(milo, ids)
    assert (gone.invited, gone.started, gone.completed) == (7, 4, 4)
    assert dict(gone.score_buckets)["80–100"] == 0


async def test_today_is_never_stored(milo):
    ids = await october(milo)
    now = et(2026, 10, 31, 15)
    s = await _oct(milo, ids, now=now)
    assert s.invited == 7
    async with milo.container.db.unit_of_work() as session:
        days = set(
            (
                await session.scalars(select(AnalyticsDay.day).where(AnalyticsDay.agent_id == ids["backend"]))
            ).all()
        )
    assert "2026-10-30" in days and "2026-10-31" not in days
    await add(milo, ids["backend"], "Tonight", added=et(2026, 10, 31, 16))
    assert (await _oct(milo, ids, now=now)).invited == 8  # today is read from the rows each time


async def test_whole_months_are_one_row_and_a_write_inside_one_is_counted(milo):
    ids = await october(milo)
    r = parse_range("2026-08-15..2026-11-30", NY, LATER)
    now = et(2026, 12, 20, 12)

    async def read(at):
        return await summarize(
            milo.container.db,
            workspace_id=ids["ws"],
            agent_id=ids["backend"],
            start=r.start,
            end=r.end,
            now=at,
        )

    raw = await read(et(2026, 8, 1))
    first, again = await read(now), await read(now)
    assert _numbers(raw) == _numbers(first) == _numbers(again) and raw.bucket == "week"
    async with milo.container.db.unit_of_work() as s:
        keys = set(
            (await s.scalars(select(AnalyticsDay.day).where(AnalyticsDay.agent_id == ids["backend"]))).all()
        )
    assert {"2026-09", "2026-10", "2026-11"} <= keys and "2026-08" not in keys  # August is only half in
    await add(
        milo, ids["backend"], "Backdated", added=et(2026, 10, 15, 9), started=et(2026, 10, 15, 9), minutes=5
    )
    after = await read(now)
    assert (after.invited, after.started, after.completed) == (
        raw.invited + 1,
        raw.started + 1,
        raw.completed + 1,
    )
    week = {d.isoformat(): (st, co) for d, st, co in after.activity}
    assert week["2026-10-12"] == (1, 1)  # only Backdated: Jon, that week, is Design's
