"""Workspaces and who is acting in them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import AuditEntry, Member, Workspace
from milobot.services import outbox
from milobot.services.context import ADMIN, Actor, Identity

# Outbox kind: read a user's Slack profile time zone (users.info) as the workspace's default
# (milobot/slack/time_zone.py delivers it; services/workspace_settings.py keeps an admin's choice).
TIME_ZONE_LOOKUP = "workspace.time_zone"


async def has_admin(session: AsyncSession, workspace_id: int) -> bool:
    count = await session.scalar(
        select(func.count())
        .select_from(Member)
        .where(Member.workspace_id == workspace_id, Member.role == ADMIN)
    )
    return bool(count)


def ask_profile_time_zone(session: AsyncSession, *, workspace_id: int, user_id: str) -> None:
    """The workspace's first admin was just made: take the time zone from their Slack profile, after
    commit (no transaction waits on Slack)."""
    outbox.enqueue(session, workspace_id=workspace_id, kind=TIME_ZONE_LOOKUP, payload={"user": user_id})


async def get_or_create_workspace(
    session: AsyncSession, team_id: str, *, enterprise_id: str | None = None, name: str | None = None
) -> Workspace:
    workspace = await session.scalar(select(Workspace).where(Workspace.team_id == team_id))
    if workspace is not None:
        return workspace
    # Two first requests from a new team can race; the unique team_id decides, the loser re-reads.
    try:
        async with session.begin_nested():
            workspace = Workspace(team_id=team_id, enterprise_id=enterprise_id, name=name, settings={})
            session.add(workspace)
    except IntegrityError:
        workspace = (await session.scalars(select(Workspace).where(Workspace.team_id == team_id))).one()
    return workspace


async def find_workspace(session: AsyncSession, team_id: str) -> Workspace | None:
    return await session.scalar(select(Workspace).where(Workspace.team_id == team_id))


async def _removed_from_team(session: AsyncSession, workspace_id: int, user_id: str) -> bool:
    """Whether an admin took this person off the team (`/milo team remove`). MILOBOT_ADMINS seed an admin
    the first time they are seen; someone the team has since removed stays removed, rather than coming
    back as an admin with their next command."""
    found = await session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.target_type == "member",
            AuditEntry.target_id == user_id,
            AuditEntry.workspace_id == workspace_id,
            AuditEntry.action == "team.remove",
        )
        .limit(1)
    )
    return found is not None


async def load_actor(session: AsyncSession, identity: Identity, *, seed_admins: frozenset[str]) -> Actor:
    """The actor for this request, inside the caller's unit of work.

    `seed_admins` (MILOBOT_ADMINS, passed only for the bot token's own workspace) are made admins the
    first time they are seen; that is how a single-workspace install gets its first admin without a
    database console."""
    workspace = await get_or_create_workspace(session, identity.team_id, enterprise_id=identity.enterprise_id)
    member = await session.scalar(
        select(Member).where(Member.workspace_id == workspace.id, Member.slack_user_id == identity.user_id)
    )
    if (
        member is None
        and identity.user_id in seed_admins
        and not await _removed_from_team(session, workspace.id, identity.user_id)
    ):
        first = not await has_admin(session, workspace.id)
        try:
            async with session.begin_nested():
                member = Member(workspace_id=workspace.id, slack_user_id=identity.user_id, role=ADMIN)
                session.add(member)
            if first:
                ask_profile_time_zone(session, workspace_id=workspace.id, user_id=identity.user_id)
        except IntegrityError:
            member = await session.scalar(
                select(Member).where(
                    Member.workspace_id == workspace.id, Member.slack_user_id == identity.user_id
                )
            )
    admin_ids: tuple[str, ...] = ()
    if member is None or member.role != ADMIN:
        admin_ids = tuple(
            (
                await session.scalars(
                    select(Member.slack_user_id)
                    .where(Member.workspace_id == workspace.id, Member.role == ADMIN)
                    .order_by(Member.created_at, Member.id)
                    .limit(3)
                )
            ).all()
        )
    return Actor(
        workspace_id=workspace.id,
        team_id=workspace.team_id,
        user_id=identity.user_id,
        role=member.role if member else None,
        admin_ids=admin_ids,
    )
