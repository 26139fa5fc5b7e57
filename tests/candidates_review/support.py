"""Shared setup for the candidate-review tests: teammates, candidates with and without interviews, and
the payloads a person's clicks in a profile send."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from milobot.db.models import AuditEntry, Candidate, Interview, Rating
from milobot.ids import PrivacyView, ProfileView
from milobot.services.candidate_records import new_candidate
from milobot.services.cards import CardData
from milobot.services.profile import (
    HistoryLine,
    InterviewLine,
    NoteLine,
    ProfileData,
    RatingLine,
    Ratings,
    RecordingLink,
)
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import make_agent

VIEWER = "UVIEWER001"
VIEWER2 = "UVIEWER002"
OUTSIDER = "UOUTSIDE01"
OTHER_TEAM = "T0OTHER001"


async def invite(milo, user: str, role: str = "viewer") -> None:
    mark = milo.slack.mark()
    await milo.command(f"team invite <@{user}> {role}", user=ADMIN)
    await milo.slack.wait_for("response_url", since=mark)


async def invited_candidate(
    milo,
    *,
    agent_id: int | None = None,
    name: str = "Ivy Invited",
    email: str | None = "ivy@example.com",
    **fields,
) -> int:
    """A candidate added by hand who never opened their link."""
    if agent_id is None:
        agent_id = await make_agent(milo)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, milo.slack.team_id)
        candidate = new_candidate(s, workspace_id=ws.id, agent_id=agent_id, name=name, email=email, **fields)
        await s.flush()
        return candidate.id


async def candidate(milo, candidate_id: int) -> Candidate:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(Candidate, candidate_id)


async def ratings_of(milo, candidate_id: int) -> list[tuple[str, str, int, str]]:
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.scalars(
                select(Rating).where(Rating.candidate_id == candidate_id).order_by(Rating.slack_user_id)
            )
        ).all()
    return [(r.slack_user_id, r.kind, r.value, r.source) for r in rows]


async def audit_actions(milo, candidate_id: int) -> list[tuple[str, str]]:
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.scalars(
                select(AuditEntry)
                .where(AuditEntry.target_type == "candidate", AuditEntry.target_id == str(candidate_id))
                .order_by(AuditEntry.id)
            )
        ).all()
    return [(e.actor_id, e.action) for e in rows]


async def interview_of(milo, interview_id: int) -> Interview:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(Interview, interview_id)


def rich_text_state(*pieces: str | tuple[str, str]) -> dict[str, Any]:
    """A rich_text_input's state: strings are text, ("user", "U…") a mention, ("broadcast", "channel")."""
    elements = []
    for piece in pieces:
        if isinstance(piece, str):
            elements.append({"type": "text", "text": piece})
        elif piece[0] == "user":
            elements.append({"type": "user", "user_id": piece[1]})
        else:
            elements.append({"type": "broadcast", "range": piece[1]})
    return {
        "type": "rich_text_input",
        "rich_text_value": {
            "type": "rich_text",
            "elements": [{"type": "rich_text_section", "elements": elements}],
        },
    }


def buttons(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every button, select and overflow of a view or message by action_id (the last one wins)."""
    found: dict[str, dict[str, Any]] = {}
    for block in view if isinstance(view, list) else view.get("blocks", []):
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            found[element["action_id"]] = element
        if block.get("accessory", {}).get("action_id"):
            found[block["accessory"]["action_id"]] = block["accessory"]
    return found


def text_of(view: dict[str, Any] | list) -> str:
    return json.dumps(view, ensure_ascii=False)


def big_profile(card: CardData, *, page: int = 0) -> ProfileData:
    """A profile at every limit at once, with hostile text everywhere, for the builder tests."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    nasty = "<!channel> <@U123> <https://evil.example|click> " + "x" * 4000
    return ProfileData(
        candidate_id=card.candidate_id,
        name=card.candidate_name,
        email=nasty,
        phone="+14155550123",
        location=nasty,
        current_title=nasty,
        current_company=nasty,
        links=[nasty] * 5,
        source="ingest",
        source_tag="lobby",
        source_file=nasty,
        resume_url="http://milobot.test/files/abc.def",
        added_at=now,
        agent_id=1,
        agent_name=card.agent_name,
        role_title=card.role_title,
        status="completed",
        decision="dismissed",
        decided_by="U1",
        decided_at=now,
        decision_reason=nasty,
        last_decision_id=3,
        viewer_id="U1",
        viewer_is_admin=True,
        mail_enabled=True,
        personal_link="http://milobot.test/i/tok",
        nudge_count=2,
        nudge_block=None,
        interviews=[InterviewLine(i, "completed", now, now, 50.0) for i in range(30)],
        interview=card,
        page=page,
        recordings=[RecordingLink("audio", "http://milobot.test/files/a.b", 10)] * 9,
        ratings=Ratings(
            60, True, RatingLine("U1", "stars", 4), [RatingLine(f"U{i}", "thumbs", 1) for i in range(60)], 4.4
        ),
        notes=[NoteLine(i, "U1", nasty, now, now, True) for i in range(12)],
        notes_total=40,
        history=[
            HistoryLine(now - timedelta(minutes=i), "U1", "candidate.dismiss", {"reason": nasty})
            for i in range(12)
        ],
        team=frozenset({"U1"}),
    )


class Clock:
    """The services' clock (ServiceDeps.clock), moved by tests: a day passes in a line."""

    def __init__(self, milo):
        self.now = datetime.now(UTC)
        milo.container.deps.clock = lambda: self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class Reviewer:
    """One person clicking through profiles, as Slack would deliver their clicks."""

    def __init__(self, milo, user: str, team: str | None = None):
        self.milo, self.slack, self.user = milo, milo.slack, user
        self.team = team or milo.slack.team_id
        self.view: dict[str, Any] | None = None  # the profile as Slack echoes it back
        self.view_id: str | None = None  # the id the fake Slack gave it

    async def open_profile(self, candidate_id: int, *, in_modal: bool = False) -> dict[str, Any]:
        """Click View on a list row (in a modal) or on a mention DM's button (in a message)."""
        from milobot.ids import CandidateAction
        from milobot.metadata import CandidateRef, encode

        mark = self.slack.mark()
        list_view = (
            payloads.modal_view(self.team, callback_id="candidate.list", view_id="VLIST00001")
            if in_modal
            else None
        )
        await self.milo.interact(
            payloads.block_actions(
                self.team,
                self.user,
                CandidateAction.PROFILE,
                encode(CandidateRef(candidate_id)),
                view=list_view,
                channel_id=f"D{self.user[1:]}",
                response_url=self.slack.new_response_url(self.team, kind="actions"),
            )
        )
        method = "views.push" if in_modal else "views.open"
        opened = (await self.slack.wait_for(method, since=mark)).args["view"]
        self.view_id = next(
            vid for vid, v in reversed(self.slack.views.items()) if v["callback_id"] == ProfileView.PROFILE
        )
        self.view = json.loads(json.dumps(self.slack.views[self.view_id]))
        return opened

    async def click(
        self,
        action_id: str,
        value: str | None = None,
        *,
        selected: str | None = None,
        wait: str | None = "views.update",
    ):
        """A click inside the profile; returns the next call of `wait` (the profile shown again, say)."""
        mark = self.slack.mark()
        if selected is not None:
            payload = payloads.static_select_action(self.team, self.user, action_id, selected, view=self.view)
        else:
            if value is None:
                value = buttons(self.view)[action_id]["value"]
            payload = payloads.block_actions(self.team, self.user, action_id, value, view=self.view)
        response = await self.milo.interact(payload)
        assert response.status == 200
        if wait is None:
            return None
        call = await self.slack.wait_for(wait, since=mark, timeout=10)
        if wait == "views.update" and call.args["view"].get("callback_id") == ProfileView.PROFILE:
            assert call.args["view_id"] == self.view_id
            self.view = json.loads(json.dumps(self.slack.views[self.view_id]))
        return call


async def add_members(milo, user_ids, role: str = "viewer", team: str | None = None) -> None:
    """Teammates straight into the database (inviting each over the wire is tested elsewhere)."""
    from milobot.db.models import Member

    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team or milo.slack.team_id)
        for user_id in user_ids:
            s.add(Member(workspace_id=ws.id, slack_user_id=user_id, role=role, invited_by=ADMIN))


def card_text(call) -> str:
    return text_of(call.args["blocks"])


async def forget_by_address(milo, slack, address: str) -> None:
    """`/milo forget <address>` as the admin, confirmed in its modal, and wait until the erasure is done."""
    mark = slack.mark()
    await milo.command(f"forget {address}", user=ADMIN, trigger_id=payloads.new_trigger_id())
    await slack.wait_for("views.open", since=mark)
    forget_id, forget = next(
        (vid, v) for vid, v in reversed(slack.views.items()) if v["callback_id"] == PrivacyView.FORGET_CONFIRM
    )
    mark = slack.mark()
    await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            PrivacyView.FORGET_CONFIRM,
            {},
            forget["private_metadata"],
            view_id=forget_id,
        )
    )
    await slack.wait_for("views.update", lambda c: c.args.get("view_id") == forget_id, since=mark, timeout=15)
