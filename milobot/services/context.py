"""Who is asking, and what they may do. Roles are checked here, in the service layer, so a crafted
request that skips the buttons is refused all the same."""

from __future__ import annotations

from dataclasses import dataclass

from milobot.errors import Forbidden

ADMIN = "admin"
VIEWER = "viewer"
ROLES = (ADMIN, VIEWER)


@dataclass(frozen=True)
class Identity:
    """What a verified Slack request tells us: the workspace and the user. Nothing more is trusted."""

    team_id: str
    user_id: str
    enterprise_id: str | None = None


@dataclass(frozen=True)
class Actor:
    workspace_id: int
    team_id: str
    user_id: str
    role: str | None  # None: not a member of this workspace's milobot team
    admin_ids: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def is_member(self) -> bool:
        return self.role in ROLES


def _admin_names(actor: Actor) -> str:
    return ", ".join(f"<@{uid}>" for uid in actor.admin_ids[:3]) or "a milobot admin"


def require_member(actor: Actor) -> None:
    if not actor.is_member:
        raise Forbidden(
            "You're not on this workspace's milobot team yet. "
            f"Ask {_admin_names(actor)} to invite you with `/milo team invite @you viewer`."
        )


def require_admin(actor: Actor) -> None:
    require_member(actor)
    if not actor.is_admin:
        raise Forbidden(
            "Only admins can do that, and you're a viewer here. "
            f"Ask {_admin_names(actor)} to run `/milo team role @you admin` if you need to."
        )
