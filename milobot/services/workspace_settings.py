"""Workspace settings (`/milo settings`, admins): time zone, working hours, the figures analytics turns
into spend and savings, who reviews, and whether reports carry the team's ratings and notes. Typed
reads for every feature that needs them (reminders, digests, analytics, privacy, reports), and one
validated write.

Storage: `Workspace.time_zone` (an IANA name) and keys of the `Workspace.settings` JSON. Keys owned by
other features (`retention_days`, `public_channel_privacy`) are read here but never overwritten by
this form's save; `reports_include_team_feedback` (named and read by the reports feature) is written
by this form's checkbox. `time_zone_source` records where the time zone came from ("profile": the
first admin's Slack profile; "admin": chosen in the form), so a profile default never replaces a
choice."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import AuditEntry, Member, Workspace
from milobot.errors import Invalid, NotFound
from milobot.services import audit
from milobot.services.base import Service
from milobot.services.context import ADMIN, Identity, require_admin, require_member
from milobot.services.privacy import PUBLIC_CHANNEL_PRIVACY, REDACT
from milobot.services.report_data import TEAM_FEEDBACK_SETTING, feedback_allowed

COST_PER_INTERVIEW = "cost_per_interview"
MINUTES_SAVED_PER_SCREEN = "minutes_saved_per_screen"
HOURLY_RATE = "hourly_rate"
CURRENCY = "currency"
REVIEWERS = "reviewers"
WORK_HOURS = "work_hours"
RETENTION_DAYS = "retention_days"
TIME_ZONE_SOURCE = "time_zone_source"

DEFAULT_CURRENCY = "USD"
DEFAULT_WORK_HOURS = (9, 17)
MAX_REVIEWERS = 50
_CURRENCY = re.compile(r"[A-Z]{3}")
# Figures a person could mean; beyond these a typo is likelier than a real cost.
_LIMITS = {COST_PER_INTERVIEW: 1_000_000.0, MINUTES_SAVED_PER_SCREEN: 10_000.0, HOURLY_RATE: 1_000_000.0}
_WORDS = {
    COST_PER_INTERVIEW: "The cost per interview",
    MINUTES_SAVED_PER_SCREEN: "The minutes saved per screen",
    HOURLY_RATE: "The hourly rate",
}


class SettingsInvalid(Invalid):
    """Several fields can be wrong at once; `errors` maps each field (a key above, or `time_zone`,
    `work_hours`) to the words to show under it."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()), field=next(iter(errors), None))
        self.errors = errors


@dataclass(frozen=True)
class WorkspaceSettings:
    time_zone: str
    work_hours: tuple[int, int]
    cost_per_interview: float | None
    minutes_saved_per_screen: float | None
    hourly_rate: float | None
    currency: str
    reviewers: tuple[str, ...]  # as chosen; empty means "the admins" (see reviewers_of)
    retention_days: int | None
    public_channel_privacy: str
    # Reports (page, PDF, ZIP) carry the team's ratings and notes; each person still sees them only
    # once they have rated (services/reports.py sees_team_feedback).
    reports_include_team_feedback: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return zone_or_utc(self.time_zone)


@dataclass(frozen=True)
class SettingsForm:
    """What the modal sent, as typed: strings (or None when left empty), validated by `validate`."""

    time_zone: str | None
    work_start: str | None
    work_end: str | None
    cost_per_interview: str | None
    minutes_saved_per_screen: str | None
    hourly_rate: str | None
    currency: str | None
    reviewers: tuple[str, ...]
    # The checkbox; None when the submission didn't carry it (a modal opened before it existed):
    # what is stored is kept.
    reports_include_team_feedback: bool | None = None


@dataclass(frozen=True)
class SettingsScreen:
    settings: WorkspaceSettings
    admins: tuple[str, ...]
    can_edit: bool = True  # viewers read the same settings, without a form to change them


def zone_or_utc(name: str | None) -> ZoneInfo:
    """The zone for a stored name; a name this machine's tz database lacks reads as UTC, not a crash."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def valid_time_zone(name: str | None) -> str | None:
    """The canonical IANA name, or None. Case is forgiven (`europe/berlin` is `Europe/Berlin`)."""
    name = (name or "").strip()
    if not name or len(name) > 64:
        return None
    zones = _zones()
    return zones.get(name) or zones.get(name.casefold())


_ZONES: dict[str, str] = {}


def _zones() -> dict[str, str]:
    if not _ZONES:
        for zone in available_timezones():
            _ZONES[zone] = zone
            _ZONES.setdefault(zone.casefold(), zone)
    return _ZONES


def _number(raw: Any) -> float | None:
    if raw is None or isinstance(raw, bool):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _hours(raw: Any) -> tuple[int, int]:
    if isinstance(raw, list | tuple) and len(raw) == 2:
        start, end = raw
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= 24:
            return start, end
    return DEFAULT_WORK_HOURS


def read(workspace: Workspace) -> WorkspaceSettings:
    """Typed settings of a workspace row; anything stored badly reads as its default."""
    data = workspace.settings or {}
    reviewers = data.get(REVIEWERS)
    retention = data.get(RETENTION_DAYS)
    currency = data.get(CURRENCY)
    return WorkspaceSettings(
        time_zone=workspace.time_zone or "UTC",
        work_hours=_hours(data.get(WORK_HOURS)),
        cost_per_interview=_number(data.get(COST_PER_INTERVIEW)),
        minutes_saved_per_screen=_number(data.get(MINUTES_SAVED_PER_SCREEN)),
        hourly_rate=_number(data.get(HOURLY_RATE)),
        currency=currency
        if isinstance(currency, str) and _CURRENCY.fullmatch(currency)
        else DEFAULT_CURRENCY,
        reviewers=tuple(r for r in reviewers if isinstance(r, str)) if isinstance(reviewers, list) else (),
        retention_days=retention if isinstance(retention, int) and retention > 0 else None,
        public_channel_privacy=str(data.get(PUBLIC_CHANNEL_PRIVACY) or REDACT),
        reports_include_team_feedback=feedback_allowed(workspace),  # as reports read it
    )


def _parse_figure(key: str, raw: str | None, errors: dict[str, str]) -> float | None:
    text = (raw or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors[key] = f"{_WORDS[key]} is a number, like 12.50."
        return None
    if not math.isfinite(value):
        errors[key] = f"{_WORDS[key]} is a number, like 12.50."
    elif value < 0:
        errors[key] = f"{_WORDS[key]} can't be negative."
    elif value > _LIMITS[key]:
        errors[key] = f"{_WORDS[key]} is at most {_LIMITS[key]:,.0f}."
    else:
        return value
    return None


def _parse_hour(raw: str | None) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isdigit() and 0 <= int(text) <= 24 else None


@dataclass(frozen=True)
class _Valid:
    time_zone: str
    work_hours: tuple[int, int]
    figures: dict[str, float | None]
    currency: str
    reviewers: tuple[str, ...]
    team_feedback: bool | None


def validate(form: SettingsForm) -> _Valid:
    """Every field checked at once, so the modal shows all the mistakes together."""
    errors: dict[str, str] = {}
    zone = valid_time_zone(form.time_zone)
    if zone is None:
        errors["time_zone"] = (
            "Use a time zone name from the IANA database, like Europe/Berlin or America/New_York."
        )
    start, end = _parse_hour(form.work_start), _parse_hour(form.work_end)
    if start is None or end is None or not start < end:
        errors[WORK_HOURS] = "Working hours end after they start (for example 9 to 17)."
    figures = {
        key: _parse_figure(key, raw, errors)
        for key, raw in (
            (COST_PER_INTERVIEW, form.cost_per_interview),
            (MINUTES_SAVED_PER_SCREEN, form.minutes_saved_per_screen),
            (HOURLY_RATE, form.hourly_rate),
        )
    }
    currency = (form.currency or "").strip().upper() or DEFAULT_CURRENCY
    if not _CURRENCY.fullmatch(currency):
        errors[CURRENCY] = "A currency is a three-letter code, like USD, EUR or GBP."
    reviewers = tuple(dict.fromkeys(r for r in form.reviewers if isinstance(r, str) and r))
    if len(reviewers) > MAX_REVIEWERS:
        errors[REVIEWERS] = f"Name at most {MAX_REVIEWERS} reviewers."
    if errors:
        raise SettingsInvalid(errors)
    assert zone is not None and start is not None and end is not None
    return _Valid(zone, (start, end), figures, currency, reviewers, form.reports_include_team_feedback)


async def workspace_of(session: AsyncSession, workspace_id: int, *, for_update: bool = False) -> Workspace:
    """`for_update`: the row is locked before it is read, so a concurrent write of other keys (the
    privacy form, the profile default) waits rather than being overwritten by what this one read.
    PostgreSQL locks with FOR UPDATE; SQLite reads outside a transaction until the first write, so a
    no-op UPDATE comes first to take the write lock."""
    query = select(Workspace).where(Workspace.id == workspace_id)
    if for_update:
        if session.bind is not None and session.bind.dialect.name == "sqlite":
            await session.execute(
                update(Workspace).where(Workspace.id == workspace_id).values(time_zone=Workspace.time_zone)
            )
        # The row may sit in the session from before the lock (load_actor read it): read it again.
        query = query.with_for_update().execution_options(populate_existing=True)
    workspace = await session.scalar(query)
    if workspace is None:
        raise NotFound("That workspace isn't known here.")
    return workspace


async def admins_of(session: AsyncSession, workspace_id: int) -> tuple[str, ...]:
    return tuple(
        (
            await session.scalars(
                select(Member.slack_user_id)
                .where(Member.workspace_id == workspace_id, Member.role == ADMIN)
                .order_by(Member.created_at, Member.id)
            )
        ).all()
    )


async def reviewers_of(
    session: AsyncSession, workspace_id: int, settings: WorkspaceSettings
) -> tuple[str, ...]:
    """Who reviews: the named reviewers still on the team, else (none named, or none left) the admins."""
    if settings.reviewers:
        members = set(
            (
                await session.scalars(
                    select(Member.slack_user_id).where(
                        Member.workspace_id == workspace_id, Member.slack_user_id.in_(settings.reviewers)
                    )
                )
            ).all()
        )
        named = tuple(r for r in settings.reviewers if r in members)
        if named:
            return named
    return await admins_of(session, workspace_id)


class WorkspaceSettingsService(Service):
    async def screen(self, *, identity: Identity) -> SettingsScreen:
        """What the modal shows: the form for admins; for viewers the same settings read-only, so they
        know when digests and reminders run and whom to ask for a change (saving stays admins-only)."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            workspace = await workspace_of(session, actor.workspace_id)
            return SettingsScreen(
                read(workspace), await admins_of(session, actor.workspace_id), can_edit=actor.is_admin
            )

    async def save(self, *, identity: Identity, form: SettingsForm) -> WorkspaceSettings:
        valid = validate(form)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            if valid.reviewers:
                members = set(
                    (
                        await session.scalars(
                            select(Member.slack_user_id).where(
                                Member.workspace_id == actor.workspace_id,
                                Member.slack_user_id.in_(valid.reviewers),
                            )
                        )
                    ).all()
                )
                outside = [r for r in valid.reviewers if r not in members]
                if outside:
                    names = ", ".join(f"<@{r}>" for r in outside[:5])
                    raise SettingsInvalid(
                        {
                            REVIEWERS: f"{names} isn't on the milobot team; invite them with /milo team invite first."
                        }
                    )
            workspace = await workspace_of(session, actor.workspace_id, for_update=True)
            before = read(workspace)
            data = dict(workspace.settings or {})
            for key, value in valid.figures.items():
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
            data[CURRENCY] = valid.currency
            data[WORK_HOURS] = list(valid.work_hours)
            data[REVIEWERS] = list(valid.reviewers)
            data[TIME_ZONE_SOURCE] = "admin"
            if valid.team_feedback is not None:
                data[TEAM_FEEDBACK_SETTING] = valid.team_feedback
            workspace.time_zone = valid.time_zone
            workspace.settings = data  # a new dict: the JSON column sees the change
            after = read(workspace)
            changed = {
                name: {"from": _plain(getattr(before, name)), "to": _plain(getattr(after, name))}
                for name in (
                    "time_zone",
                    "work_hours",
                    "cost_per_interview",
                    "minutes_saved_per_screen",
                    "hourly_rate",
                    "currency",
                    "reviewers",
                    "reports_include_team_feedback",
                )
                if getattr(before, name) != getattr(after, name)
            }
            if changed:
                audit.record(
                    session,
                    actor,
                    "settings.update",
                    target_type="workspace",
                    target_id=actor.workspace_id,
                    changed=changed,
                )
            return after

    async def default_time_zone(self, *, workspace_id: int, time_zone: str | None, from_user: str) -> bool:
        """The first admin's Slack profile time zone, unless the workspace already has one (an admin
        chose it, or it is not the UTC every workspace starts with). True when set."""
        zone = valid_time_zone(time_zone)
        if zone is None or zone == "UTC":  # every workspace starts in UTC: nothing to change or log
            return False
        async with self.unit() as session:
            workspace = await workspace_of(session, workspace_id, for_update=True)
            data = dict(workspace.settings or {})
            # Chosen in the form, or set some other way (not the column's UTC default): kept.
            if data.get(TIME_ZONE_SOURCE) or (workspace.time_zone or "UTC") != "UTC":
                return False
            workspace.time_zone = zone
            data[TIME_ZONE_SOURCE] = "profile"
            workspace.settings = data
            # No person acted: the line names the admin whose profile gave the zone.
            session.add(
                AuditEntry(
                    workspace_id=workspace_id,
                    actor_id=from_user,
                    action="settings.time_zone_default",
                    target_type="workspace",
                    target_id=str(workspace_id),
                    detail={"time_zone": zone, "from": "slack_profile"},
                )
            )
            return True

    async def settings_of(self, *, workspace_id: int) -> WorkspaceSettings:
        async with self.unit() as session:
            return read(await workspace_of(session, workspace_id))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
