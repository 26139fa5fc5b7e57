"""Nudges over the wire: the profile's Nudge e-mails an invited candidate their personal link through the
outbox (a real SMTP server), the policy refuses a fourth nudge and one within 24 hours and says which
rule refused it, Nudge all asks first and says who is skipped and why."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from milobot.db.models import Candidate, Nudge
from milobot.ids import CandidateAction, ProfileAction, ProfileView
from milobot.metadata import AgentRef, CandidateRef, encode
from tests.candidates_review.support import (
    OTHER_TEAM,
    VIEWER,
    Clock,
    Reviewer,
    add_members,
    audit_actions,
    candidate,
    forget_by_address,
    invite,
    invited_candidate,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import make_agent


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": smtp.url}


async def nudge_rows(milo, candidate_id: int) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(
            select(func.count()).select_from(Nudge).where(Nudge.candidate_id == candidate_id)
        )


async def test_an_invited_candidate_is_nudged_three_times_a_day_apart_and_refused_more(milo, slack, smtp):
    clock = Clock(milo)
    candidate_id = await invited_candidate(milo, name="Ivy <b>Invited</b>", email="ivy@example.com")
    token = (await candidate(milo, candidate_id)).token
    admin = Reviewer(milo, ADMIN)
    opened = await admin.open_profile(candidate_id, in_modal=True)  # from the list: pushed on top
    assert "No interview yet" in text_of(opened) and "Nudge" in text_of(opened)

    update = await admin.click(ProfileAction.NUDGE)
    mail = await smtp.wait_for_message(lambda m: m["To"] == "ivy@example.com")
    assert mail["Subject"].startswith("Reminder: your interview")
    assert f"http://milobot.test/i/{token}" in mail.get_body(("plain",)).get_content()
    assert "&lt;b&gt;" in mail.get_body(("html",)).get_content()  # the name is text in the HTML part
    shown = text_of(update.args["view"])
    assert "nudged by e-mail" in shown  # the profile's history shows it, and where nudges stand
    assert "Nudged 1 of 3 times, last <!date^" in shown and "next nudge possible from <!date^" in shown

    # Again at once: refused, with the rule that refused it, shown over the profile.
    notice = await admin.click(ProfileAction.NUDGE, wait="views.push")
    assert "less than 24 hours ago" in text_of(notice.args["view"])

    for n in (2, 3):
        clock.advance(hours=24, minutes=1)
        await admin.click(ProfileAction.NUDGE)
        await smtp.wait_for_messages(n)
    clock.advance(days=5)
    notice = await admin.click(ProfileAction.NUDGE, wait="views.push")
    assert "nudged 3 times already" in text_of(notice.args["view"])

    assert len(smtp.messages) == 3 and await nudge_rows(milo, candidate_id) == 3
    row = await candidate(milo, candidate_id)
    assert row.nudge_count == 3 and row.status == "invited"
    assert [a for _, a in await audit_actions(milo, candidate_id)].count("candidate.nudge") == 3


async def test_each_rule_says_why_and_viewers_and_strangers_change_nothing(milo, slack, smtp):
    Clock(milo)
    agent_id = await make_agent(milo)
    no_email = await invited_candidate(milo, agent_id=agent_id, name="Nemo", email=None)
    done = await invited_candidate(
        milo, agent_id=agent_id, name="Dora Done", email="dora@example.com", status="completed"
    )
    dismissed = await invited_candidate(
        milo, agent_id=agent_id, name="Dan", email="dan@example.com", decision="dismissed"
    )
    admin = Reviewer(milo, ADMIN)
    for candidate_id, words in (
        (no_email, "has no e-mail address"),
        (done, "already completed the interview"),
        (dismissed, "was dismissed"),
    ):
        await admin.open_profile(candidate_id)
        notice = await admin.click(
            ProfileAction.NUDGE, value=encode(CandidateRef(candidate_id)), wait="views.push"
        )
        assert words in text_of(notice.args["view"])

    # A viewer's crafted Nudge, and an admin of another workspace naming this candidate.
    await invite(milo, VIEWER)
    ivy = await invited_candidate(milo, agent_id=agent_id, name="Ivy", email="ivy@example.com")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            ProfileAction.NUDGE,
            encode(CandidateRef(ivy)),
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    assert "Only admins" in (await slack.wait_for("response_url", since=mark)).args["text"]
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)  # an admin there, a stranger here
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            ADMIN,
            ProfileAction.NUDGE,
            encode(CandidateRef(ivy)),
            response_url=slack.new_response_url(OTHER_TEAM, kind="actions"),
        )
    )
    assert (
        "doesn't exist in this workspace" in (await slack.wait_for("response_url", since=mark)).args["text"]
    )
    await milo.wait_until(lambda: _quiet(milo))
    assert smtp.messages == [] and await nudge_rows(milo, ivy) == 0
    assert (await candidate(milo, ivy)).nudge_count == 0


async def _quiet(milo) -> bool:
    from milobot.db.models import OutboxMessage

    async with milo.container.db.unit_of_work() as s:
        return not (await s.scalars(select(OutboxMessage).where(OutboxMessage.status == "pending"))).all()


async def test_nudge_all_confirms_with_counts_and_reasons_then_sends(milo, slack, smtp):
    clock = Clock(milo)
    agent_id = await make_agent(milo)
    await invited_candidate(milo, agent_id=agent_id, name="A", email="a@example.com")
    await invited_candidate(milo, agent_id=agent_id, name="B", email="b@example.com", status="in_progress")
    await invited_candidate(milo, agent_id=agent_id, name="C", email=None)
    await invited_candidate(milo, agent_id=agent_id, name="D", email="d@example.com", status="completed")
    await invited_candidate(milo, agent_id=agent_id, name="E", email="e@example.com", decision="dismissed")
    await invited_candidate(
        milo, agent_id=agent_id, name="F", email="f@example.com", nudge_count=1, last_nudged_at=clock.now
    )
    mark = slack.mark()
    list_view = payloads.modal_view(slack.team_id, callback_id="candidate.list", view_id="VLIST00001")
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateAction.NUDGE_ALL, encode(AgentRef(agent_id)), view=list_view
        )
    )
    confirm = (await slack.wait_for("views.push", since=mark)).args["view"]
    confirm_id = next(
        vid for vid, v in reversed(slack.views.items()) if v["callback_id"] == ProfileView.NUDGE_ALL
    )
    text = text_of(confirm)
    assert confirm["callback_id"] == ProfileView.NUDGE_ALL and "*2* candidates" in text
    assert "*4* skipped" in text
    for words in (
        "1 no e-mail address",
        "1 already completed",
        "1 dismissed",
        "1 nudged in the last 24 hours",
    ):
        assert words in text
    assert smtp.messages == []  # nothing is sent before the confirmation

    response = await milo.interact(
        payloads.view_submission(
            slack.team_id, ADMIN, ProfileView.NUDGE_ALL, {}, confirm["private_metadata"], view_id=confirm_id
        )
    )
    assert (await response.json())["response_action"] == "update"
    done = await slack.wait_for("views.update", since=mark, timeout=10)
    assert done.args["view_id"] == confirm_id and "Nudged *2* candidates" in text_of(done.args["view"])
    await smtp.wait_for_messages(2)
    assert sorted(m["To"] for m in smtp.messages) == ["a@example.com", "b@example.com"]

    # Another workspace's admin naming this agent is refused, and nothing more is sent.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)  # an admin there, a stranger here
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            ADMIN,
            CandidateAction.NUDGE_ALL,
            encode(AgentRef(agent_id)),
            response_url=slack.new_response_url(OTHER_TEAM, kind="actions"),
        )
    )
    assert (
        "doesn't exist in this workspace" in (await slack.wait_for("response_url", since=mark)).args["text"]
    )
    assert len(smtp.messages) == 2


async def test_a_redelivered_nudge_sends_one_email(milo, slack, smtp):
    Clock(milo)
    candidate_id = await invited_candidate(milo)
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(candidate_id)
    click = payloads.block_actions(
        slack.team_id, ADMIN, ProfileAction.NUDGE, encode(CandidateRef(candidate_id)), view=admin.view
    )
    for retry in (None, 1, 2):
        response = await milo.interact(click, retry_num=retry)
        assert response.status == 200
    await smtp.wait_for_messages(1)
    await milo.wait_until(lambda: _quiet(milo))
    assert len(smtp.messages) == 1 and await nudge_rows(milo, candidate_id) == 1
    # No refusal was shown for the repeats: they were dropped, not refused.
    assert not [c for c in slack.calls_to("views.push") if "Not sent" in text_of(c.args["view"])]


@pytest.mark.parametrize("settings_overrides", [{}])
async def test_without_smtp_nudge_says_email_is_not_configured(milo, slack, settings_overrides):
    agent_id = await make_agent(milo)
    candidate_id = await invited_candidate(milo, agent_id=agent_id)
    admin = Reviewer(milo, ADMIN)
    assert "e-mail isn't set up, so nudges can't be sent" in text_of(await admin.open_profile(candidate_id))
    notice = await admin.click(ProfileAction.NUDGE, wait="views.push")
    assert "E-mail isn't set up" in text_of(notice.args["view"]) and "SMTP_URL" in text_of(
        notice.args["view"]
    )
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(slack.team_id, ADMIN, CandidateAction.NUDGE_ALL, encode(AgentRef(agent_id)))
    )
    confirm = (await slack.wait_for("views.open", since=mark)).args["view"]
    assert "E-mail isn't set up" in text_of(confirm) and "submit" not in confirm
    assert await nudge_rows(milo, candidate_id) == 0


@pytest.mark.parametrize("settings_overrides", [{}])
async def test_nudge_on_a_profile_left_open_after_erasure_says_the_candidate_is_gone(
    milo, slack, settings_overrides
):
    """Without SMTP, Nudge in a profile opened before `/milo forget` erased the candidate answered
    "E-mail isn't set up": the existence check comes first, so it says the candidate doesn't exist.
    Nudge all, submitted for an agent that isn't this workspace's, likewise says so first."""
    agent_id = await make_agent(milo)
    candidate_id = await invited_candidate(milo, agent_id=agent_id, email="ivy@example.com")
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(candidate_id)

    await forget_by_address(milo, slack, "ivy@example.com")
    async with milo.container.db.unit_of_work() as s:
        assert await s.get(Candidate, candidate_id) is None

    notice = text_of((await admin.click(ProfileAction.NUDGE, wait="views.push")).args["view"])
    assert "doesn't exist in this workspace" in notice, notice
    assert "E-mail isn't set up" not in notice

    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    crafted = slack.add_open_view(OTHER_TEAM, {"type": "modal", "callback_id": ProfileView.NUDGE_ALL})
    mark = slack.mark()
    await milo.interact(
        payloads.view_submission(
            OTHER_TEAM, ADMIN, ProfileView.NUDGE_ALL, {}, encode(AgentRef(agent_id)), view_id=crafted["id"]
        )
    )
    done = text_of((await slack.wait_for("views.update", since=mark, timeout=10)).args["view"])
    assert "doesn't exist in this workspace" in done and "E-mail isn't set up" not in done, done


async def test_no_nudge_for_an_archived_agent_whose_link_says_the_interview_is_closed(milo, slack, smtp):
    """An archived agent's links take no interviews (410 "This interview is closed"): a nudge would
    e-mail "your interview is waiting for you" to a page that turns the candidate away. Nudge and Nudge
    all are refused saying why, and the profile says so instead of offering it."""
    Clock(milo)
    agent_id = await make_agent(milo, status="archived")
    candidate_id = await invited_candidate(milo, agent_id=agent_id, name="Ivy", email="ivy@example.com")
    token = (await candidate(milo, candidate_id)).token
    async with milo.http.get(f"{milo.base_url}/i/{token}") as resp:
        assert resp.status == 410
    admin = Reviewer(milo, ADMIN)
    opened = await admin.open_profile(candidate_id, in_modal=True)
    assert "archived, so no nudges" in text_of(opened)
    # A profile left open since before the archive still has the button: the click is refused.
    notice = await admin.click(ProfileAction.NUDGE, encode(CandidateRef(candidate_id)), wait="views.push")
    assert "is archived" in text_of(notice.args["view"])

    mark = slack.mark()
    list_view = payloads.modal_view(slack.team_id, callback_id="candidate.list", view_id="VLIST00001")
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateAction.NUDGE_ALL, encode(AgentRef(agent_id)), view=list_view
        )
    )
    assert "is archived" in text_of((await slack.wait_for("views.push", since=mark)).args["view"])
    assert smtp.messages == [] and await nudge_rows(milo, candidate_id) == 0
