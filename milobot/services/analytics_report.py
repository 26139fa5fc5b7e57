"""`/milo analytics`, the agent card's Analytics button and App Home's numbers: who may read (anyone on
the team, viewers included), which agent and range, the numbers, the recent feed, spend and savings from
the workspace's settings, and the chart upload handed to the outbox (slack/analytics.py draws it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from milobot.db.models import Agent, Workspace
from milobot.errors import Invalid, NotFound
from milobot.services import outbox
from milobot.services.analytics import AnalyticsSummary, FeedItem, recent_feed, summarize
from milobot.services.analytics_range import DateRange, RangeError, looks_like_range, parse_range
from milobot.services.base import Service
from milobot.services.context import Identity, require_member
from milobot.services.review_queue import awaiting_count

CHART = "slack.analytics_chart"  # outbox kind delivered by milobot.slack.analytics
MONEY_KEYS = ("cost_per_interview", "minutes_saved_per_screen", "hourly_rate")


@dataclass(frozen=True)
class Money:
    """Spend and estimated savings: interviews started × cost per interview; completed screens ×
    minutes saved per screen ÷ 60 × hourly rate. Missing settings leave their side None."""

    currency: str
    cost_per_interview: float | None
    minutes_saved_per_screen: float | None
    hourly_rate: float | None
    spend: float | None
    hours_saved: float | None
    savings: float | None
    missing: tuple[str, ...]

    @property
    def net(self) -> float | None:
        if self.spend is None or self.savings is None:
            return None
        return self.savings - self.spend


@dataclass
class AnalyticsReport:
    workspace_id: int
    agent_id: int | None
    scope_name: str  # the agent's name, or "All agents"
    range: DateRange
    summary: AnalyticsSummary
    feed: list[FeedItem] = field(default_factory=list)
    awaiting_review: int = 0
    money: Money | None = None
    is_admin: bool = False
    chart_queued: bool = False
    agent_names: dict[int, str] = field(default_factory=dict)  # for workspace-wide feeds


def split_args(args: list[str]) -> tuple[str, str]:
    """`/milo analytics backend engineer last 7d` → ("backend engineer", "last 7d"): the range is the
    tail from the first word that starts one; everything before it names the agent."""
    for i in range(len(args)):
        if looks_like_range(" ".join(args[i:])):
            return " ".join(args[:i]), " ".join(args[i:])
    return " ".join(args), ""


def _number(value: Any) -> float | None:
    """A setting as a non-negative number, or None (absent, garbled, negative: not set)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 and number == number and number != float("inf") else None


def money_for(settings: dict[str, Any] | None, summary: AnalyticsSummary) -> Money:
    settings = settings or {}
    cost = _number(settings.get("cost_per_interview"))
    minutes = _number(settings.get("minutes_saved_per_screen"))
    rate = _number(settings.get("hourly_rate"))
    currency = str(settings.get("currency") or "USD")[:8]
    spend = None if cost is None else summary.started * cost
    hours = None if minutes is None else summary.completed * minutes / 60
    savings = None if hours is None or rate is None else hours * rate
    missing = tuple(k for k, v in zip(MONEY_KEYS, (cost, minutes, rate), strict=True) if v is None)
    return Money(currency, cost, minutes, rate, spend, hours, savings, missing)


class AnalyticsService(Service):
    async def report(
        self,
        *,
        identity: Identity,
        agent_id: int | None,
        range_text: str | None,
        chart_channel: str | None = None,
        feed: bool = True,
    ) -> AnalyticsReport:
        """The numbers for one agent (or every agent, with agent_id None) over the range typed; anyone on
        the team may read them. With `chart_channel`, and something to draw, the chart is queued for
        upload there (the outbox renders and uploads it; a channel the bot can't post in falls back to
        the person's DM)."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            ws = await session.get(Workspace, actor.workspace_id)
            tz = (ws.time_zone if ws else None) or "UTC"
            try:
                rng = parse_range(range_text, tz, self.now())
            except RangeError as exc:
                raise Invalid(str(exc)) from None
            name = "All agents"
            if agent_id is not None:
                agent = await session.scalar(
                    select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
                )
                if agent is None:  # another workspace's id reads exactly like a missing one
                    raise NotFound("That agent doesn't exist (any more); `/milo agents` lists them.")
                name = agent.name
            summary = await summarize(
                session,
                workspace_id=actor.workspace_id,
                agent_id=agent_id,
                start=rng.start,
                end=rng.end,
                time_zone=tz,
                now=self.now(),
            )
            report = AnalyticsReport(
                workspace_id=actor.workspace_id,
                agent_id=agent_id,
                scope_name=name,
                range=rng,
                summary=summary,
                money=money_for(ws.settings if ws else None, summary),
                is_admin=actor.is_admin,
            )
            if feed:
                report.feed = await recent_feed(
                    session, actor.workspace_id, agent_id, viewer_id=identity.user_id
                )
                if agent_id is None:
                    rows = await session.execute(
                        select(Agent.id, Agent.name).where(
                            Agent.workspace_id == actor.workspace_id,
                            Agent.id.in_({f.agent_id for f in report.feed if f.agent_id}),
                        )
                    )
                    report.agent_names = {i: n for i, n in rows}
            report.awaiting_review = await awaiting_count(
                session, workspace_id=actor.workspace_id, agent_id=agent_id
            )
            if chart_channel and not summary.is_empty and (summary.started or summary.completed):
                outbox.enqueue(
                    session,
                    workspace_id=actor.workspace_id,
                    kind=CHART,
                    payload={
                        "channel": chart_channel,
                        "user": actor.user_id,
                        "agent_id": agent_id,
                        "start": rng.start.isoformat(),
                        "end": rng.end.isoformat(),
                        "time_zone": tz,
                        "label": rng.label,
                    },
                )
                report.chart_queued = True
            return report

    async def chart_summary(
        self, *, workspace_id: int, agent_id: int | None, start: datetime, end: datetime, time_zone: str
    ) -> tuple[str, AnalyticsSummary] | None:
        """For the chart's delivery: the name and numbers again (None when the agent is gone)."""
        async with self.unit() as session:
            name = "All agents"
            if agent_id is not None:
                agent_name = await session.scalar(
                    select(Agent.name).where(Agent.id == agent_id, Agent.workspace_id == workspace_id)
                )
                if agent_name is None:
                    return None
                name = agent_name
            summary = await summarize(
                session,
                workspace_id=workspace_id,
                agent_id=agent_id,
                start=start,
                end=end,
                time_zone=time_zone,
                now=self.now(),
            )
            return name, summary
