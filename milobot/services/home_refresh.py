"""App Home kept current: a change that the Home tab shows (an agent added, archived or unarchived, an
import waiting for review, a role changed) asks, in the same transaction, for the Home of the people
concerned to be published again. The request is an outbox row (`slack.home`, one per person) rendered
when it is delivered (milobot.slack.home), so it always shows the Home as it stands then.

Requests are coalesced: each waits a moment (HOME_DEBOUNCE) before it is due, and a request for which a
later one for the same person is waiting publishes nothing, since the later one renders after all their
changes. A burst of changes (an import of 200 approvals, say) publishes each Home once, not 200 times."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Member
from milobot.db.types import utcnow
from milobot.services import outbox

HOME_KIND = "slack.home"  # {user}: views.publish of that person's App Home, rendered at delivery
HOME_DEBOUNCE = timedelta(seconds=2)


def refresh_homes(session: AsyncSession, *, workspace_id: int, user_ids: Iterable[str | None]) -> None:
    due = utcnow() + HOME_DEBOUNCE
    for user_id in sorted({u for u in user_ids if u}):
        row = outbox.enqueue(session, workspace_id=workspace_id, kind=HOME_KIND, payload={"user": user_id})
        row.next_attempt_at = due


async def refresh_team_homes(session: AsyncSession, *, workspace_id: int) -> None:
    """Everyone on the workspace's hiring team: what every member's Home lists has changed."""
    members = (
        await session.scalars(select(Member.slack_user_id).where(Member.workspace_id == workspace_id))
    ).all()
    refresh_homes(session, workspace_id=workspace_id, user_ids=members)
