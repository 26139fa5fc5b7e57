"""Slack telling milobot it was uninstalled from a workspace, or that its bot token there was revoked.

The tokens themselves are deleted by the Slack side (milobot/slack/tokens.py); here the workspace is
marked, so scheduled posting (digests, reviewer reminders) skips it instead of trying a token that is
gone. Nothing else is deleted: agents, candidates, subscriptions and settings stay until the workspace's
retention period or `/milo forget` erases them, or the operator deletes them, so a re-install
(services/team.py `make_installer_admin` clears the mark) picks up where it stopped."""

from __future__ import annotations

from sqlalchemy import select

from milobot.db.models import AuditEntry, Workspace
from milobot.services.base import Service

UNINSTALLED = "app.uninstall"
BOT_TOKEN_REVOKED = "app.bot_token_revoked"


class InstallService(Service):
    async def uninstalled(self, *, team_id: str, why: str = UNINSTALLED) -> bool:
        """Mark the workspace as no longer installed; True when this call marked it (Slack sends both
        `tokens_revoked` and `app_uninstalled` for one uninstall, and retries either)."""
        async with self.unit() as session:
            workspace = await session.scalar(select(Workspace).where(Workspace.team_id == team_id))
            if workspace is None or workspace.uninstalled_at is not None:
                return False
            workspace.uninstalled_at = self.now()
            session.add(AuditEntry(workspace_id=workspace.id, actor_id=None, action=why, detail={}))
            return True
