"""Team and roles (SPEC step 4): unlimited teammates, admins and viewers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Member, Workspace
from milobot.errors import Conflict, Invalid, NotFound
from milobot.services import audit, home_refresh, outbox
from milobot.services.base import Service
from milobot.services.context import ADMIN, ROLES, Actor, Identity, require_admin, require_member
from milobot.services.workspaces import ask_profile_time_zone, get_or_create_workspace


class Account(StrEnum):
    """Who a Slack user id is, as Slack tells the caller (slack/users.py asks): only a person joins."""

    PERSON = "person"
    BOT = "bot"  # a bot or app user, milobot itself and Slackbot included
    DEACTIVATED = "deactivated"
    UNKNOWN = "unknown"  # Slack knows no such user in this workspace
    UNCHECKED = "unchecked"  # Slack didn't answer (an outage, a missing scope)


def _refuse_non_person(user_id: str, account: Account) -> None:
    if account == Account.BOT:
        raise Invalid(
            f"<@{user_id}> is a bot or an app, not a person; only people can join the milobot team."
        )
    if account == Account.DEACTIVATED:
        raise Invalid(f"<@{user_id}>'s Slack account is deactivated, so they can't join the milobot team.")
    if account == Account.UNKNOWN:
        raise Invalid(
            f"Slack doesn't know <@{user_id}> in this workspace. Type `@` and pick the teammate from "
            "Slack's list."
        )
    if account != Account.PERSON:
        raise Invalid(
            f"Slack didn't tell me who <@{user_id}> is just now, so I haven't invited them. Try again "
            "in a minute; if it keeps happening, whoever runs milobot can check its Slack access with `milobot doctor`."
        )


@dataclass(frozen=True)
class TeamMember:
    user_id: str
    role: str
    invited_by: str | None
    since: datetime


@dataclass(frozen=True)
class TeamListing:
    viewer_role: str
    members: list[TeamMember]


# A member's role in one round trip, on a bare connection: `/milo help` asks it for every command (20 a
# second in the ingest bench), and the full unit of work (workspace, member, admins, commit) cost
# ~1.4 ms of the server's CPU each time, taken from extraction on a 2-core machine.
_ROLE_OF = (
    select(Member.role)
    .join(Workspace, Workspace.id == Member.workspace_id)
    .where(Workspace.team_id == bindparam("team_id"), Member.slack_user_id == bindparam("user_id"))
)


def _check_role(role: str) -> str:
    role = (role or "").strip().lower()
    if role not in ROLES:
        raise Invalid("A role is `admin` or `viewer`.", field="role")
    return role


async def _member(session: AsyncSession, actor: Actor, user_id: str) -> Member | None:
    return await session.scalar(
        select(Member).where(Member.workspace_id == actor.workspace_id, Member.slack_user_id == user_id)
    )


async def _admin_count(session: AsyncSession, workspace_id: int) -> int:
    return (
        await session.execute(
            select(func.count())
            .select_from(Member)
            .where(Member.workspace_id == workspace_id, Member.role == ADMIN)
        )
    ).scalar_one()


class TeamService(Service):
    async def role_of(self, *, identity: Identity) -> str | None:
        async with self.db.engine.connect() as conn:
            role = await conn.scalar(_ROLE_OF, {"team_id": identity.team_id, "user_id": identity.user_id})
        if role is not None:
            return str(role)
        # Not a member (yet): the unit of work creates the workspace, and a MILOBOT_ADMINS seed admin.
        async with self.acting(identity) as (_, actor):
            return actor.role

    async def list_members(self, *, identity: Identity) -> TeamListing:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            rows = (
                await session.scalars(
                    select(Member)
                    .where(Member.workspace_id == actor.workspace_id)
                    .order_by(Member.role, Member.created_at)
                )
            ).all()
            return TeamListing(
                viewer_role=actor.role or "",  # require_member: a member always has a role
                members=[TeamMember(m.slack_user_id, m.role, m.invited_by, m.created_at) for m in rows],
            )

    async def invite(self, *, identity: Identity, user_id: str, role: str, account: Account) -> TeamMember:
        """`account` is what Slack says `user_id` is: bots (milobot itself, Slackbot, apps), deactivated
        accounts and ids Slack doesn't know are refused, so none is seated or sent a welcome DM."""
        role = _check_role(role)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            _refuse_non_person(user_id, account)
            existing = await _member(session, actor, user_id)
            if existing is not None:
                raise Conflict(
                    f"<@{user_id}> is already on the team as {existing.role}. "
                    f"Use `/milo team role <@{user_id}> {role}` to change it."
                )
            member = Member(
                workspace_id=actor.workspace_id, slack_user_id=user_id, role=role, invited_by=actor.user_id
            )
            session.add(member)
            await session.flush()
            audit.record(session, actor, "team.invite", target_type="member", target_id=user_id, role=role)
            home_refresh.refresh_homes(session, workspace_id=actor.workspace_id, user_ids=[user_id])
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=outbox.SLACK_DM,
                payload={
                    "user": user_id,
                    "template": "welcome",
                    "data": {"role": role, "invited_by": actor.user_id},
                },
                dedupe_key=f"welcome:{member.id}",
            )
            return TeamMember(user_id, role, actor.user_id, member.created_at)

    async def change_role(self, *, identity: Identity, user_id: str, role: str) -> TeamMember:
        role = _check_role(role)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            member = await _member(session, actor, user_id)
            if member is None:
                raise NotFound(
                    f"<@{user_id}> isn't on the team. Invite them with `/milo team invite <@{user_id}> {role}`."
                )
            if member.role == role:
                return TeamMember(user_id, role, member.invited_by, member.created_at)
            if member.role == ADMIN and await _admin_count(session, actor.workspace_id) <= 1:
                raise Invalid("That's the last admin; make someone else an admin first.")
            previous, member.role = member.role, role
            audit.record(
                session,
                actor,
                "team.role",
                target_type="member",
                target_id=user_id,
                role=role,
                previous=previous,
            )
            home_refresh.refresh_homes(session, workspace_id=actor.workspace_id, user_ids=[user_id])
            return TeamMember(user_id, role, member.invited_by, member.created_at)

    async def remove(self, *, identity: Identity, user_id: str) -> None:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            member = await _member(session, actor, user_id)
            if member is None:
                raise NotFound(f"<@{user_id}> isn't on the team.")
            if member.role == ADMIN and await _admin_count(session, actor.workspace_id) <= 1:
                raise Invalid("That's the last admin; make someone else an admin first.")
            await session.delete(member)
            audit.record(
                session, actor, "team.remove", target_type="member", target_id=user_id, role=member.role
            )
            home_refresh.refresh_homes(session, workspace_id=actor.workspace_id, user_ids=[user_id])

    async def make_installer_admin(self, *, identity: Identity) -> bool:
        """OAuth installs. The installer becomes an admin only of a workspace that has no admin yet (its
        first install); a later install changes no one's role: anyone in a workspace may complete
        /slack/install, so it must not be a way to promote oneself. The existing admins are told who
        re-installed. True when the installer was made an admin."""
        async with self.unit() as session:
            workspace = await get_or_create_workspace(
                session, identity.team_id, enterprise_id=identity.enterprise_id
            )
            # Installed (again): scheduled posting resumes if an uninstall had stopped it.
            workspace.uninstalled_at = None
            admins = (
                await session.scalars(
                    select(Member.slack_user_id)
                    .where(Member.workspace_id == workspace.id, Member.role == ADMIN)
                    .order_by(Member.created_at, Member.id)
                )
            ).all()
            member = await session.scalar(
                select(Member).where(
                    Member.workspace_id == workspace.id, Member.slack_user_id == identity.user_id
                )
            )
            actor = Actor(workspace.id, workspace.team_id, identity.user_id, member.role if member else None)
            if not admins:
                if member is None:
                    session.add(Member(workspace_id=workspace.id, slack_user_id=identity.user_id, role=ADMIN))
                else:
                    member.role = ADMIN
                audit.record(session, actor, "app.install", target_type="member", target_id=identity.user_id)
                ask_profile_time_zone(session, workspace_id=workspace.id, user_id=identity.user_id)
                return True
            audit.record(
                session,
                actor,
                "app.reinstall",
                target_type="member",
                target_id=identity.user_id,
                role=actor.role,
            )
            for admin in admins:
                if admin == identity.user_id:
                    continue
                outbox.enqueue(
                    session,
                    workspace_id=workspace.id,
                    kind=outbox.SLACK_DM,
                    payload={
                        "user": admin,
                        "template": "reinstalled",
                        "data": {"installer": identity.user_id, "installer_role": actor.role},
                    },
                )
            return False
