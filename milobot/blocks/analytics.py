"""Analytics as Block Kit: the numbers of an agent or the workspace, the recent feed, spend and savings
with the formula, "No data." with what to do next, the agent choice, and App Home's section. Pure
builders: every name, tag and title from outside goes through display()/display_plain()."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    StaticSelectElement,
)

from milobot import metadata
from milobot.blocks.text import display, display_plain, user_ref
from milobot.ids import AnalyticsAction, CandidateList
from milobot.services.analytics_range import zone

if TYPE_CHECKING:
    from milobot.services.agents import AgentCard
    from milobot.services.analytics_report import AnalyticsReport, Money
    from milobot.services.home import HomeAnalytics

_SECTION_LIMIT = 2900
QUICK_RANGES = (("Last 7 days", "last 7d"), ("Last 30 days", "last 30d"), ("Last 90 days", "last 90d"))
SETTINGS_HINT = "set them with `/milo settings` (admins)"
_FEED_VERBS = {
    "added": "was added",
    "started": "began the interview",
    "completed": "completed the interview",
    "rated": "was rated",
    "shortlisted": "was shortlisted",
    "dismissed": "was dismissed",
    "note": "got a note",
}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _duration(minutes: float | None) -> str:
    if minutes is None:
        return "—"
    if minutes < 60:
        return f"{minutes:g} min"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _money(amount: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency.upper())
    text = f"{amount:,.2f}"
    return f"{symbol}{text}" if symbol else f"{text} {display(currency, 8)}"


def _clip_lines(lines: list[str], limit: int = _SECTION_LIMIT) -> str:
    out: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > limit:
            out.append("…")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def money_lines(money: Money | None, *, completed: int, started: int) -> list[str]:
    """Spend and savings with their formula; what's missing is named with where to set it."""
    if money is None:
        return []
    lines: list[str] = []
    cur = money.currency
    # spend is set only with cost_per_interview, savings only with hourly_rate (services/analytics_report.py)
    if money.spend is not None and money.cost_per_interview is not None:
        lines.append(
            f"Spend: {started} interviews × {_money(money.cost_per_interview, cur)} = *{_money(money.spend, cur)}*"
        )
    if money.savings is not None and money.hourly_rate is not None:
        lines.append(
            f"Estimated savings: {completed} screens × {money.minutes_saved_per_screen:g} min = "
            f"{money.hours_saved:.1f} h × {_money(money.hourly_rate, cur)}/h = *{_money(money.savings, cur)}*"
        )
    elif money.hours_saved is not None:
        lines.append(
            f"Time saved: {completed} screens × {money.minutes_saved_per_screen:g} min = {money.hours_saved:.1f} h"
        )
    if money.net is not None:
        lines.append(f"Net: savings − spend = *{_money(money.net, cur)}*")
    if money.missing:
        names = ", ".join(k.replace("_", " ") for k in money.missing)
        lines.append(f"_Not set: {names} — {SETTINGS_HINT}._")
    return lines


def _feed_lines(report: AnalyticsReport) -> list[str]:
    tz = zone(report.summary.time_zone)
    lines = []
    for item in report.feed:
        when = item.at.astimezone(tz).strftime("%b %d, %H:%M")
        verb = _FEED_VERBS.get(item.kind, item.kind)
        line = f"• {when} — {display(item.candidate_name, 80)} {verb}"
        if item.kind == "completed" and item.detail:
            line += f" (score {display(item.detail, 10)})"
        elif item.kind == "rated" and item.detail:
            line += f" {display(item.detail, 10)}"
        elif item.kind == "added" and item.detail:
            line += f" ({display(item.detail, 60)})"
        if item.actor:
            line += f" by {user_ref(item.actor)}"
        if report.agent_id is None and item.agent_id in report.agent_names:
            line += f" · _{display(report.agent_names[item.agent_id], 60)}_"
        lines.append(line)
    return lines


def _range_buttons(agent_id: int | None, current: str) -> ActionsBlock:
    buttons = []
    for label, text in QUICK_RANGES:
        if text == current:
            continue
        value = metadata.encode(metadata.AnalyticsRef(agent_id=agent_id, range_text=text))
        buttons.append(
            ButtonElement(
                text=label, action_id=f"{AnalyticsAction.RANGE}:{text.replace(' ', '_')}", value=value
            )
        )
    if agent_id is not None:
        buttons.append(
            ButtonElement(
                text="Candidates",
                action_id=CandidateList.OPEN,
                value=metadata.encode(metadata.AgentRef(agent_id=agent_id)),
            )
        )
    return ActionsBlock(block_id="analytics_actions", elements=buttons)


def _range_line(report: AnalyticsReport) -> str:
    r = report.range
    days = f"{r.first_day:%b %d, %Y}" if r.days == 1 else f"{r.first_day:%b %d} – {r.last_day:%b %d, %Y}"
    return f"{display(r.label, 60)} · {days} · {display(report.summary.time_zone, 60)} time"


def empty_blocks(report: AnalyticsReport) -> list[Block]:
    name = display(report.scope_name, 150)
    if report.agent_id is None:
        todo = (
            "Share an agent's interview link with `/milo share <agent>`, or add candidates from an agent card."
            if report.is_admin
            else "An admin can share an agent's interview link with `/milo share <agent>`."
        )
    else:
        todo = (
            f"Share the interview link with `/milo share {name}`, or use *Add Candidates* on the agent card."
            if report.is_admin
            else "An admin can share the interview link with `/milo share <agent>`."
        )
    text = (
        f"*No data.* {name} has no candidates, interviews or link visits in this range.\n"
        f"{todo} Or look further back: `/milo analytics {name if report.agent_id else ''} last 90d`."
    ).replace("analytics  last", "analytics last")
    return [SectionBlock(block_id="analytics_empty", text=MarkdownTextObject(text=text))]


def report_message(report: AnalyticsReport) -> tuple[str, list[dict[str, Any]]]:
    """The reply to `/milo analytics` and the Analytics button."""
    s = report.summary
    name = report.scope_name
    blocks: list[Block] = [
        HeaderBlock(text=display_plain(f"Analytics · {name}", 150)),
        ContextBlock(elements=[MarkdownTextObject(text=_range_line(report))]),
    ]
    fallback = f"Analytics for {display(name, 100)}: "
    if s.is_empty:
        blocks += empty_blocks(report)
        blocks.append(_range_buttons(report.agent_id, report.range.label))
        return fallback + "No data.", [b.to_dict() for b in blocks]

    fields = [
        f"*Invited*\n{s.invited}",
        f"*Started*\n{s.started}",
        f"*Completed*\n{s.completed}",
        f"*Completion rate*\n{_pct(s.completion_rate)} of those started",
        f"*Median time to complete*\n{_duration(s.median_minutes_to_complete)}",
        f"*Shortlisted · Dismissed*\n{s.shortlisted} · {s.dismissed}",
        f"*Link visits*\n{s.visits}",
        f"*Waiting for review now*\n{report.awaiting_review}",
    ]
    blocks.append(
        SectionBlock(block_id="analytics_numbers", fields=[MarkdownTextObject(text=f) for f in fields])
    )
    if s.by_source:
        lines = [f"• {display(c.label, 120)}: {c.count}" for c in s.by_source]
        blocks.append(
            SectionBlock(
                block_id="analytics_sources",
                text=MarkdownTextObject(text=_clip_lines(["*Candidates by source*", *lines])),
            )
        )
    if s.completed:
        scored = " · ".join(f"{label}: {n}" for label, n in s.score_buckets)
        blocks.append(
            SectionBlock(
                block_id="analytics_scores",
                text=MarkdownTextObject(text=f"*Scores of completed interviews* (0–100)\n{scored}"),
            )
        )
    if s.visits_by_tag:
        lines = [f"• {display(tag, 100) if tag else 'untagged'}: {n}" for tag, n in s.visits_by_tag]
        blocks.append(
            SectionBlock(
                block_id="analytics_visits",
                text=MarkdownTextObject(text=_clip_lines(["*Link visits by source tag*", *lines])),
            )
        )
    money = money_lines(report.money, completed=s.completed, started=s.started)
    if money:
        blocks.append(
            SectionBlock(
                block_id="analytics_money",
                text=MarkdownTextObject(text=_clip_lines(["*Spend and savings*", *money])),
            )
        )
    if report.feed:
        blocks.append(DividerBlock())
        blocks.append(
            SectionBlock(
                block_id="analytics_feed",
                text=MarkdownTextObject(text=_clip_lines(["*Recent*", *_feed_lines(report)])),
            )
        )
    note = (
        "The chart of interviews started and completed is on its way to this conversation."
        if report.chart_queued
        else "No interviews started or completed in this range, so there is no chart."
    )
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=note)]))
    blocks.append(_range_buttons(report.agent_id, report.range.label))
    fallback += f"{s.started} started, {s.completed} completed ({display(report.range.label, 40)})"
    return fallback, [b.to_dict() for b in blocks]


def agent_choice(
    choices: list[AgentCard], *, query: str, how: str, range_text: str
) -> tuple[str, list[dict[str, Any]]]:
    """`/milo analytics <name>` when the name doesn't pick one agent: a select; choosing shows it."""
    if not choices:
        text = (
            f"No interview agent is called “{display(query, 100)}”, and none comes close. `/milo agents` lists them."
            if query
            else "There are no interview agents yet. An admin can create one with `/milo agent new`."
        )
        return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
    if how == "several":
        lead = f"Several agents match “{display(query, 100)}”. Which one's analytics?"
    else:
        lead = f"No agent is called “{display(query, 100)}”. Did you mean one of these?"
    options = [
        Option(
            value=metadata.encode(
                metadata.AnalyticsRef(agent_id=c.id, range_text=range_text[:60]), limit=150
            ),
            text=display_plain(" · ".join(x for x in (c.name, c.role_title) if x), 75),
        )
        for c in choices[:100]
    ]
    block = SectionBlock(
        text=MarkdownTextObject(text=lead),
        accessory=StaticSelectElement(
            action_id=AnalyticsAction.PICK_AGENT, placeholder="Choose an agent", options=options
        ),
    )
    return "Which agent's analytics?", [block.to_dict()]


def analytics_button(agent_id: int | None) -> ButtonElement:
    """On agent cards (one agent) and App Home (the workspace)."""
    return ButtonElement(
        text="Analytics",
        action_id=AnalyticsAction.OPEN,
        value=metadata.encode(metadata.AnalyticsRef(agent_id=agent_id, range_text="")),
    )


def home_section(home: HomeAnalytics | None) -> list[Block]:
    """App Home: the workspace's last 30 days in one line, and the Analytics button (sent to your DM)."""
    if home is None:
        return []
    if home.started == 0 and home.completed == 0 and home.invited == 0:
        line = "*Analytics* · last 30 days: no data yet. `/milo analytics` shows any agent and range."
    else:
        rate = _pct(home.completion_rate)
        line = (
            f"*Analytics* · last 30 days: {home.invited} invited · {home.started} started · "
            f"{home.completed} completed ({rate}) · {home.awaiting_review} waiting for review"
        )
    return [
        SectionBlock(
            block_id="home_analytics", text=MarkdownTextObject(text=line), accessory=analytics_button(None)
        )
    ]
