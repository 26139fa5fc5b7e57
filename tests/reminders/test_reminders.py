"""Reviewer reminders over the wire, with the clock in the test's hand: the job function is called with
`run.now` (as the scheduler would call it), the DMs go out through the outbox to the fake Slack, and the
View button in a DM opens the candidate profile.

The workspace is in New York. March 2026: Thursday 5 and Friday 6, the weekend, Monday 9 (DST began on
Sunday 8, so New York is UTC-4 from then on)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select

from milobot.db.engine import Database
from milobot.db.models import Agent, Candidate, Member, OutboxMessage, ReviewReminder
from milobot.ids import CandidateAction, ProfileView
from milobot.jobs.reminders import send_reminders
from milobot.metadata import CandidateRef, decode
from milobot.services.base import ServiceDeps
from milobot.services.review_reminders import (
    REVIEW_OVERDUE_TEMPLATE,
    REVIEW_REMINDER_TEMPLATE,
    ReviewReminderService,
    business_days_before,
)
from milobot.services.workspaces import get_or_create_workspace
from tests.candidates.support import make_agent, rate, seed
from tests.candidates_review.support import add_members
from tests.conftest import ADMIN
from tests.fakes import payloads

NY = ZoneInfo("America/New_York")
REVIEWER_1 = "UREVIEW001"
REVIEWER_2 = "UREVIEW002"
CREATOR = "UCREATOR01"
VIEWER = "UVIEWER001"


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A New York wall time in March 2026, as the aware UTC instant the scheduler hands a job."""
    return datetime(2026, 3, day, hour, minute, tzinfo=NY).astimezone(UTC)


async def setup(milo, *, reviewers: list[str] | None = None) -> dict[str, int]:
    """A New York workspace, its team, one agent made by CREATOR, and three finished interviews:
    A on Thursday afternoon, B on Friday at 9:30, C on Monday before work."""
    await add_members(milo, [ADMIN], role="admin")
    await add_members(milo, [REVIEWER_1, REVIEWER_2, CREATOR, VIEWER])
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, milo.slack.team_id)
        ws.time_zone = "America/New_York"
        ws.settings = {
            "time_zone_source": "admin",
            **({"reviewers": reviewers} if reviewers is not None else {}),
        }
    agent_id = await make_agent(milo, name="Backend <!channel>")
    async with milo.container.db.unit_of_work() as s:
        (await s.get(Agent, agent_id)).created_by = CREATOR
    ids = {"agent": agent_id}
    for key, name, done in (
        ("A", "Ada <b>Lovelace</b>", local(5, 15)),
        ("B", "Bob Babbage", local(6, 9, 30)),
        ("C", "Cy Early", local(9, 8)),
    ):
        ids[key] = await seed(milo, agent_id, name, status="completed", score=70.0, completed=done)
    return ids


async def run_at(milo, when: datetime, *, deps: ServiceDeps | None = None):
    return await send_reminders(ReviewReminderService(deps or milo.container.deps), SimpleNamespace(now=when))


async def queued(milo, template: str) -> list[dict]:
    """The DMs of a template written to the outbox, in order (what the job decided to send)."""
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "slack.dm").order_by(OutboxMessage.id)
            )
        ).all()
    return [r.payload for r in rows if r.payload.get("template") == template]


async def delivered_dm(milo, user: str, words: str, *, count: int = 1):
    """The DM(s) Slack received for `user` containing `words` (waits for the outbox to deliver)."""
    slack = milo.slack

    def to_user(call) -> bool:
        return call.args.get("channel") == slack._ims.get((slack.team_id, user)) and words in json.dumps(
            call.args.get("blocks") or "", ensure_ascii=False
        )

    return await slack.wait_for("chat.postMessage", to_user, count=count, timeout=10)


def view_buttons(blocks: list[dict]) -> list[dict]:
    return [
        b["accessory"] for b in blocks if b.get("accessory", {}).get("action_id") == CandidateAction.PROFILE
    ]


async def test_each_reviewer_gets_one_dm_listing_every_waiting_candidate_with_view_buttons(milo, slack):
    ids = await setup(milo, reviewers=[REVIEWER_1, REVIEWER_2])

    done = await run_at(milo, local(9, 10))  # Monday 10:00 in New York

    assert sorted(user for _, user in done.reminded) == [REVIEWER_1, REVIEWER_2]
    sent = await queued(milo, REVIEW_REMINDER_TEMPLATE)
    assert sorted(p["user"] for p in sent) == [REVIEWER_1, REVIEWER_2]  # one each, not one per candidate
    for user in (REVIEWER_1, REVIEWER_2):
        dm = await delivered_dm(milo, user, "wait for a rating")
        blocks = dm.args["blocks"]
        listed = [decode(CandidateRef, b["value"]).candidate_id for b in view_buttons(blocks)]
        # A (Thursday) and B (Friday 9:30, a business day and a half hour ago) wait; C finished today.
        assert listed == [ids["A"], ids["B"]]
        text = json.dumps(blocks, ensure_ascii=False)
        assert "2 candidates" in text and "Bob Babbage" in text
        assert "&lt;b&gt;Lovelace&lt;/b&gt;" in text and "&lt;!channel&gt;" in text  # names escaped
        assert "<!channel>" not in text
    # Admins are not reviewers when reviewers are named.
    assert ADMIN not in [p["user"] for p in sent]

    # The afternoon run of the same day sends nothing more.
    assert (await run_at(milo, local(9, 15))).reminded == []
    assert len(await queued(milo, REVIEW_REMINDER_TEMPLATE)) == 2


async def test_the_view_button_of_a_reminder_opens_the_candidate_profile(milo, slack):
    ids = await setup(milo, reviewers=[REVIEWER_1])
    await run_at(milo, local(9, 10))
    dm = await delivered_dm(milo, REVIEWER_1, "wait for a rating")
    button = view_buttons(dm.args["blocks"])[0]

    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            REVIEWER_1,
            button["action_id"],
            button["value"],
            channel_id=dm.args["channel"],
            response_url=slack.new_response_url(slack.team_id, kind="actions"),
        )
    )
    opened = (await slack.wait_for("views.open", since=mark)).args["view"]
    assert opened["callback_id"] == ProfileView.PROFILE
    assert "Lovelace" in json.dumps(opened) and decode(CandidateRef, button["value"]).candidate_id == ids["A"]


async def test_without_named_reviewers_the_admins_are_reminded(milo, slack):
    await setup(milo)
    done = await run_at(milo, local(9, 10))
    assert [user for _, user in done.reminded] == [ADMIN]
    await delivered_dm(milo, ADMIN, "wait for a rating")


async def test_rated_or_decided_candidates_are_not_waiting(milo, slack):
    ids = await setup(milo, reviewers=[REVIEWER_1])
    await rate(milo, ids["A"], VIEWER, 4)  # anyone on the team rating takes A off the list
    async with milo.container.db.unit_of_work() as s:
        (await s.get(Candidate, ids["B"])).decision = "shortlisted"

    done = await run_at(milo, local(9, 10))

    assert done.reminded == [] and await queued(milo, REVIEW_REMINDER_TEMPLATE) == []
    # Tuesday, only C (finished Monday 08:00) waits.
    await run_at(milo, local(10, 10))
    [sent] = await queued(milo, REVIEW_REMINDER_TEMPLATE)
    assert [item["candidate_id"] for item in sent["data"]["items"]] == [ids["C"]]


async def test_nothing_on_saturday_nor_outside_working_hours(milo, slack):
    await setup(milo, reviewers=[REVIEWER_1])
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.settings = {**ws.settings, "work_hours": [9, 17]}

    for when, why in (
        (local(7, 11), "weekend"),  # Saturday late morning
        (local(8, 11), "weekend"),  # Sunday
        (local(10, 8, 59), "outside working hours"),  # Tuesday just before nine
        (local(10, 17), "outside working hours"),  # Tuesday at five
        # 14:00 UTC on Tuesday is 10:00 in New York but would be 09:00 in UTC-5: the zone decides.
    ):
        done = await run_at(milo, when)
        assert done.reminded == [] and list(done.skipped.values()) == [why], when
    assert await queued(milo, REVIEW_REMINDER_TEMPLATE) == []

    done = await run_at(milo, local(10, 9))  # Tuesday at nine: the first run of the day sends it
    assert [user for _, user in done.reminded] == [REVIEWER_1]


async def test_the_creator_is_told_once_after_three_business_days(milo, slack):
    ids = await setup(milo, reviewers=[REVIEWER_1])

    # Tuesday 10:00: three business days before is Thursday 10:00; A finished at 15:00 that day.
    await run_at(milo, local(10, 10))
    assert await queued(milo, REVIEW_OVERDUE_TEMPLATE) == []

    # Wednesday 10:00: back to Friday 10:00; A and B have waited three business days, in one DM.
    done = await run_at(milo, local(11, 10))
    assert [(user, count) for _, user, count in done.creators_told] == [(CREATOR, 2)]
    dm = await delivered_dm(milo, CREATOR, "3 business days")
    listed = [decode(CandidateRef, b["value"]).candidate_id for b in view_buttons(dm.args["blocks"])]
    assert listed == [ids["A"], ids["B"]]

    # Thursday: C's turn; A and B are not repeated (once per candidate).
    done = await run_at(milo, local(12, 10))
    assert [(user, count) for _, user, count in done.creators_told] == [(CREATOR, 1)]
    later = await queued(milo, REVIEW_OVERDUE_TEMPLATE)
    assert [i["candidate_id"] for i in later[-1]["data"]["items"]] == [ids["C"]]

    # Friday: the reviewer hears again (a new day), the creator hears nothing new.
    done = await run_at(milo, local(13, 10))
    assert [user for _, user in done.reminded] == [REVIEWER_1] and done.creators_told == []
    assert len(await queued(milo, REVIEW_OVERDUE_TEMPLATE)) == 2
    assert len(await queued(milo, REVIEW_REMINDER_TEMPLATE)) == 4  # Tuesday to Friday, one a day


async def test_two_replicas_running_at_once_send_one_dm_per_reviewer(milo, slack, database_url):
    await setup(milo, reviewers=[REVIEWER_1, REVIEWER_2])
    other = Database.from_url(database_url)  # a second process's own connections
    try:
        replica = ServiceDeps(db=other)
        runs = await asyncio.gather(
            run_at(milo, local(12, 10)),
            run_at(milo, local(12, 10), deps=replica),
            run_at(milo, local(12, 11), deps=replica),
        )
    finally:
        await other.dispose()

    reminded = sorted(user for run in runs for _, user in run.reminded)
    assert reminded == [REVIEWER_1, REVIEWER_2]
    assert sum(len(run.creators_told) for run in runs) == 1  # A, B and C in one note, sent once
    assert len(await queued(milo, REVIEW_REMINDER_TEMPLATE)) == 2
    assert len(await queued(milo, REVIEW_OVERDUE_TEMPLATE)) == 1
    async with milo.container.db.unit_of_work() as s:
        claims = (
            await s.scalars(select(ReviewReminder.subject).where(ReviewReminder.kind == "reviewer"))
        ).all()
    assert sorted(claims) == [f"{REVIEWER_1}:2026-03-12", f"{REVIEWER_2}:2026-03-12"]
    await delivered_dm(milo, REVIEWER_1, "wait for a rating")
    await delivered_dm(milo, REVIEWER_2, "wait for a rating")


async def test_another_workspace_is_neither_listed_nor_reminded(milo, slack):
    ids = await setup(milo, reviewers=[REVIEWER_1])
    other_agent = await make_agent(milo, name="Designer", team="T0OTHER001")
    other_candidate = await seed(milo, other_agent, "Olga Other", status="completed", completed=local(2, 10))
    await add_members(milo, ["UOTHERADM1"], role="admin", team="T0OTHER001")

    await run_at(milo, local(9, 10))

    sent = await queued(milo, REVIEW_REMINDER_TEMPLATE)
    mine = next(p for p in sent if p["user"] == REVIEWER_1)
    assert [i["candidate_id"] for i in mine["data"]["items"]] == [ids["A"], ids["B"]]
    theirs = [p for p in sent if p["user"] == "UOTHERADM1"]
    # The other workspace (UTC, its own admin) hears about its own candidate only.
    assert [[i["candidate_id"] for i in p["data"]["items"]] for p in theirs] == [[other_candidate]]


@pytest.mark.parametrize(
    ("now", "days", "expected"),
    [
        (datetime(2026, 3, 9, 10, tzinfo=NY), 1, datetime(2026, 3, 6, 10, tzinfo=NY)),  # Monday → Friday
        (datetime(2026, 3, 10, 10, tzinfo=NY), 1, datetime(2026, 3, 9, 10, tzinfo=NY)),
        (datetime(2026, 3, 12, 10, tzinfo=NY), 3, datetime(2026, 3, 9, 10, tzinfo=NY)),
        (datetime(2026, 3, 9, 10, tzinfo=NY), 3, datetime(2026, 3, 4, 10, tzinfo=NY)),  # across a weekend
    ],
)
def test_business_days_are_counted_on_the_local_wall_clock(now, days, expected):
    # Across the DST change of 8 March the local hour stays 10:00 (the UTC hour moves).
    assert business_days_before(now, days) == expected.astimezone(UTC)


class TestThroughTheScheduler:
    """The job as the scheduler runs it (run_now: lease, run record), not only the function."""

    @pytest.fixture
    def settings_overrides(self):
        return {"run_scheduler": False}  # the test drives the job with run_now

    async def test_the_scheduler_runs_the_reminders_and_records_the_run(self, milo, slack):
        from milobot.jobs.reminders import REMINDERS_JOB
        from milobot.jobs.scheduler import job_records

        await setup(milo, reviewers=[REVIEWER_1])
        await milo.container.scheduler.run_now(REMINDERS_JOB, now=local(9, 10))
        await delivered_dm(milo, REVIEWER_1, "wait for a rating")
        assert REMINDERS_JOB in [r.name for r in await job_records(milo.container.db)]
        await milo.container.scheduler.run_now(REMINDERS_JOB, now=local(9, 10, 20))
        assert len(await queued(milo, REVIEW_REMINDER_TEMPLATE)) == 1


async def test_an_agent_creator_no_longer_on_the_team_is_not_told(milo, slack):
    """The overdue DM names candidates; someone removed from the team since they made the agent must not
    get it (their reviewers' reminders already skip them), and the team keeps hearing as before."""
    await setup(milo, reviewers=[REVIEWER_1])
    async with milo.container.db.unit_of_work() as s:
        await s.execute(delete(Member).where(Member.slack_user_id == CREATOR))
    done = await run_at(milo, local(11, 10))
    assert done.creators_told == [] and await queued(milo, REVIEW_OVERDUE_TEMPLATE) == []
    assert [user for _, user in done.reminded] == [REVIEWER_1]
