"""Decisions over the wire: Shortlist, Dismiss (with an optional reason) and Undo work for every
candidate, interviewed or not, from the profile and the card; each is audited, shown in the profile's
history, and shown on the card (who and when), updated in place."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from milobot.db.models import Candidate, CandidateDecision
from milobot.ids import Action, Input, ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, DecisionRef, DismissForm, InterviewRef, encode
from tests.candidates_review.support import (
    OTHER_TEAM,
    VIEWER,
    Reviewer,
    add_members,
    audit_actions,
    buttons,
    candidate,
    card_text,
    invited_candidate,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL
from tests.interview_web.test_override import completed_interview


def dismiss_submission(slack, user, metadata: str, reason: str | None, *, previous: str | None, team=None):
    payload = payloads.view_submission(
        team or slack.team_id,
        user,
        ProfileView.DISMISS,
        {ProfileBlock.DISMISS_REASON: {Input.VALUE: payloads.text_input_state(reason)}},
        metadata,
    )
    payload["view"]["previous_view_id"] = previous
    return payload


async def test_an_invited_candidate_is_shortlisted_dismissed_with_a_reason_and_undone(milo, slack):
    candidate_id = await invited_candidate(milo, name="Una Undo")
    admin = Reviewer(milo, ADMIN)
    opened = await admin.open_profile(candidate_id)
    assert ProfileAction.UNDO not in buttons(opened)

    shown = text_of((await admin.click(ProfileAction.SHORTLIST)).args["view"])
    assert f"Shortlisted by <@{ADMIN}> <!date^" in shown and "· <@UADMIN0001> shortlisted" in shown

    form = (await admin.click(ProfileAction.DISMISS, wait="views.push")).args["view"]
    assert form["callback_id"] == ProfileView.DISMISS
    mark = slack.mark()
    await milo.interact(
        dismiss_submission(
            slack, ADMIN, form["private_metadata"], "Salary <!here> too far apart", previous=admin.view_id
        )
    )
    refreshed = await slack.wait_for("views.update", lambda c: c.args["view_id"] == admin.view_id, since=mark)
    shown = text_of(refreshed.args["view"])
    assert f"Dismissed by <@{ADMIN}>" in shown and "Reason: Salary &lt;!here&gt; too far apart" in shown
    assert "<!here>" not in shown
    admin.view = slack.views[admin.view_id]
    undo_dismissal = buttons(admin.view)[ProfileAction.UNDO]["value"]

    shown = text_of((await admin.click(ProfileAction.UNDO)).args["view"])
    assert f"Shortlisted by <@{ADMIN}>" in shown and "undid the decision (dismissed)" in shown
    row = await candidate(milo, candidate_id)
    assert (row.decision, row.decided_by, row.decision_reason) == ("shortlisted", ADMIN, None)

    # That Undo again (a second click on a stale profile): the dismissal is already undone, so it
    # undoes nothing more, in particular not the shortlist before it.
    notice = await admin.click(ProfileAction.UNDO, value=undo_dismissal, wait="views.push")
    assert "already undone or replaced" in text_of(notice.args["view"])
    assert [a for _, a in await audit_actions(milo, candidate_id)] == [
        "candidate.shortlist",
        "candidate.dismiss",
        "candidate.undo",
    ]
    async with milo.container.db.unit_of_work() as s:
        dismissal = await s.get(CandidateDecision, 2)
    assert dismissal.reason == "Salary <!here> too far apart" and dismissal.undone_by == ADMIN


async def test_decisions_show_on_the_card_in_place_from_the_card_and_the_profile(milo, slack):
    interview = await completed_interview(milo)
    card = slack.message(CARD_CHANNEL, interview.card_ts)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview.id)),
            message=card,
            channel_id=CARD_CHANNEL,
        )
    )
    update = await slack.wait_for("chat.update", since=mark, timeout=10)
    assert update.args["ts"] == interview.card_ts
    assert f"Shortlisted by <@{ADMIN}> <!date^" in card_text(update)  # who and when

    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(interview.candidate_id)
    form = (await admin.click(ProfileAction.DISMISS, wait="views.push")).args["view"]
    mark = slack.mark()
    await milo.interact(
        dismiss_submission(slack, ADMIN, form["private_metadata"], None, previous=admin.view_id)
    )
    update = await slack.wait_for(
        "chat.update", lambda c: "Dismissed by" in card_text(c), since=mark, timeout=10
    )
    assert update.args["ts"] == interview.card_ts and "Reason" not in card_text(
        update
    )  # reasons stay in the profile
    await slack.wait_for("views.update", lambda c: c.args["view_id"] == admin.view_id, since=mark)
    admin.view = slack.views[admin.view_id]

    mark = slack.mark()
    await admin.click(ProfileAction.UNDO)
    update = await slack.wait_for(
        "chat.update", lambda c: "Shortlisted by" in card_text(c), since=mark, timeout=10
    )
    assert update.args["ts"] == interview.card_ts and len(slack.messages[CARD_CHANNEL]) == 1


async def test_viewers_strangers_and_repeats_change_nothing(milo, slack):
    candidate_id = await invited_candidate(milo)
    await add_members(milo, [VIEWER])
    viewer = Reviewer(milo, VIEWER)
    opened = await viewer.open_profile(candidate_id)
    assert not {ProfileAction.SHORTLIST, ProfileAction.DISMISS, ProfileAction.NUDGE} & set(buttons(opened))
    ref = encode(CandidateRef(candidate_id))
    for action_id in (ProfileAction.SHORTLIST, ProfileAction.DISMISS):
        notice = await viewer.click(action_id, value=ref, wait="views.push")
        assert "Only admins can do that" in text_of(notice.args["view"])
    notice = await viewer.click(
        ProfileAction.UNDO, value=encode(DecisionRef(candidate_id, 1)), wait="views.push"
    )
    assert "Only admins can do that" in text_of(notice.args["view"])
    refused = await milo.interact(
        dismiss_submission(slack, VIEWER, encode(DismissForm(candidate_id)), "no", previous=None)
    )
    assert "Only admins" in (await refused.json())["errors"][ProfileBlock.DISMISS_REASON]

    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            ADMIN,
            ProfileAction.SHORTLIST,
            ref,
            response_url=slack.new_response_url(OTHER_TEAM, kind="actions"),
        )
    )
    assert (
        "doesn't exist in this workspace" in (await slack.wait_for("response_url", since=mark)).args["text"]
    )
    foreign = await milo.interact(
        dismiss_submission(
            slack, ADMIN, encode(DismissForm(candidate_id)), "x", previous=None, team=OTHER_TEAM
        )
    )
    assert "doesn't exist" in (await foreign.json())["errors"][ProfileBlock.DISMISS_REASON]
    assert (await candidate(milo, candidate_id)).decision == "none"

    # A Shortlist and an Undo each delivered three times take effect once.
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(candidate_id)
    click = payloads.block_actions(slack.team_id, ADMIN, ProfileAction.SHORTLIST, ref, view=admin.view)
    for retry in (None, 1, 2):
        assert (await milo.interact(click, retry_num=retry)).status == 200
    await milo.wait_until(lambda: _decided(milo, candidate_id, "shortlisted"))
    undo = payloads.block_actions(
        slack.team_id, ADMIN, ProfileAction.UNDO, encode(DecisionRef(candidate_id, 1)), view=admin.view
    )
    for retry in (None, 1, 2):
        assert (await milo.interact(undo, retry_num=retry)).status == 200
    await milo.wait_until(lambda: _decided(milo, candidate_id, "none"))
    await milo.wait_until(lambda: _audited(milo, candidate_id, 2))
    assert [a for _, a in await audit_actions(milo, candidate_id)] == [
        "candidate.shortlist",
        "candidate.undo",
    ]


async def _decided(milo, candidate_id: int, decision: str) -> bool:
    return (await candidate(milo, candidate_id)).decision == decision


async def _audited(milo, candidate_id: int, n: int) -> bool:
    return len(await audit_actions(milo, candidate_id)) == n


async def test_dismiss_from_a_list_row_leaves_the_list_underneath_alone(milo, slack):
    candidate_id = await invited_candidate(milo)
    list_view = payloads.modal_view(slack.team_id, callback_id="candidate.list", view_id="VLIST00001")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, ProfileAction.DISMISS, encode(CandidateRef(candidate_id)), view=list_view
        )
    )
    form = (await slack.wait_for("views.push", since=mark)).args["view"]
    assert '"from_profile":false' in form["private_metadata"]
    await milo.interact(
        dismiss_submission(slack, ADMIN, form["private_metadata"], None, previous="VLIST00001")
    )
    await milo.wait_until(lambda: _decided(milo, candidate_id, "dismissed"))
    assert not slack.calls_to("views.update")  # the list is the list engineer's to refresh


async def test_two_admins_pressing_shortlist_and_dismiss_at_once_each_keep_what_they_replaced(milo, slack):
    """Both presses change the decision, one after the other: the later one records the earlier as what
    it replaced (so Undo puts the earlier back) and a shortlist never keeps the dismissal's reason. On
    SQLite the read before the first write ran outside the transaction: the later press recorded "none"
    and a shortlist landing second kept "Reason: r0" under "Shortlisted by"."""
    interview = await completed_interview(milo)
    second_admin = "UADMIN0002"
    await add_members(milo, [second_admin], role="admin")
    card = slack.message(CARD_CHANNEL, interview.card_ts)
    for round_ in range(4):
        async with milo.container.db.unit_of_work() as s:  # back to undecided, outside the history
            row = await s.get(Candidate, interview.candidate_id)
            row.decision, row.decided_by, row.decided_at, row.decision_reason = "none", None, None, None
            before = await s.scalar(select(func.count()).select_from(CandidateDecision))
        shortlist = payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview.id)),
            message=card,
            channel_id=CARD_CHANNEL,
        )
        metadata = encode(DismissForm(interview.candidate_id, interview.id))
        dismiss = dismiss_submission(slack, second_admin, metadata, f"r{round_}", previous=None)
        responses = await asyncio.gather(milo.interact(shortlist), milo.interact(dismiss))
        assert [r.status for r in responses] == [200, 200]

        async def both_recorded(before: int = before) -> list[CandidateDecision] | None:
            async with milo.container.db.unit_of_work() as s:
                rows = (
                    await s.scalars(select(CandidateDecision).order_by(CandidateDecision.id).offset(before))
                ).all()
            return list(rows) if len(rows) == 2 else None

        first, second = await milo.wait_until(both_recorded, timeout=10)
        assert (first.previous_decision, first.previous_by) == ("none", None)
        assert (second.previous_decision, second.previous_by) == (first.decision, first.decided_by)
        assert second.previous_reason == first.reason
        row = await candidate(milo, interview.candidate_id)
        assert (row.decision, row.decided_by, row.decision_reason) == (
            second.decision,
            second.decided_by,
            second.reason,
        )
        assert (row.decision == "shortlisted") == (row.decision_reason is None)
