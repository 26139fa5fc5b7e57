"""The nightly rollup job: it stores the days that are over ahead of anyone's first read, for each agent
and the workspace, changes no number, and a second night adds only what is new."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from milobot.db.models import AnalyticsDay
from milobot.jobs.analytics_rollup import ROLLUP_JOB
from milobot.jobs.scheduler import job_records
from tests.analytics.support import OTHER_TEAM, et, october, set_zone
from tests.analytics.test_rollup import LATER, _numbers, _oct


async def _stored(milo, ws: int, agent_key: int, day: str | None = None) -> int:
    where = [AnalyticsDay.workspace_id == ws, AnalyticsDay.agent_id == agent_key]
    if day is not None:
        where.append(AnalyticsDay.day == day)
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(AnalyticsDay).where(*where))


@pytest.fixture
def settings_overrides():
    return {"run_scheduler": False}  # the test drives the job with run_now


async def test_the_nightly_job_rolls_up_every_agent_and_the_workspace_without_changing_a_number(milo):
    ids = await october(milo)
    from_rows = {
        agent: _numbers(await _oct(milo, ids, agent, now=et(2026, 10, 1, 0))) for agent in ("backend", "all")
    }
    assert await _stored(milo, ids["ws"], ids["backend"]) == 0

    assert await milo.container.scheduler.run_now(ROLLUP_JOB, now=LATER)

    for key in (ids["backend"], ids["design"], 0):
        assert await _stored(milo, ids["ws"], key, "2026-10-15") == 1, key
        assert await _stored(milo, ids["ws"], key, "2026-11-19") == 1, key  # yesterday, New York time
        assert await _stored(milo, ids["ws"], key, "2026-11-20") == 0, key  # today: never stored
    # The other workspace (UTC) was rolled up too, apart from this one.
    other_ws = await set_zone(milo, "UTC", team=OTHER_TEAM)
    assert other_ws != ids["ws"]
    assert await _stored(milo, other_ws, ids["other_agent"], "2026-10-15") == 1
    assert await _stored(milo, other_ws, 0, "2026-11-19") == 1
    for agent in ("backend", "all"):
        assert _numbers(await _oct(milo, ids, agent)) == from_rows[agent]
    assert ROLLUP_JOB in [r.name for r in await job_records(milo.container.db)]

    before = await _stored(milo, ids["ws"], ids["backend"])
    assert await milo.container.scheduler.run_now(ROLLUP_JOB, now=et(2026, 11, 21, 12))
    after = await _stored(milo, ids["ws"], ids["backend"])
    assert after - before <= 2, "a second night adds the day just over (and its month row), not the range"
    assert await _stored(milo, ids["ws"], ids["backend"], "2026-11-20") == 1
