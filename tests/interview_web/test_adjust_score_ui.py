"""Adjusting a score from Slack: View → Adjust score → a reason → the profile shows it (the form alone
closes, so a candidate list under the profile stays open) and the card updates in place."""

from __future__ import annotations

import json

from sqlalchemy import select

from milobot.db.models import Answer, AuditEntry
from milobot.ids import Action, AdjustScore, CardView, Input, ProfileView
from milobot.metadata import AnswerRef, InterviewRef, encode
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.test_override import VIEWER, completed_interview


def adjust_state(score: str, reason: str | None) -> dict:
    return {
        AdjustScore.SCORE_BLOCK: {Input.VALUE: payloads.static_select_state(score)},
        AdjustScore.REASON_BLOCK: {Input.VALUE: payloads.text_input_state(reason)},
    }


async def test_an_admin_adjusts_a_score_from_the_view_modal(milo, slack):
    interview = await completed_interview(milo)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()

    view_click = payloads.block_actions(
        slack.team_id, VIEWER, Action.CANDIDATE_VIEW, encode(InterviewRef(interview.id))
    )
    await milo.interact(view_click)
    viewer_modal = (await slack.wait_for("views.open")).args["view"]
    assert "Adjust score" not in json.dumps(viewer_modal)  # viewers read, they don't adjust

    mark = slack.mark()
    await milo.interact({**view_click, "user": {**view_click["user"], "id": ADMIN}})
    admin_modal = (await slack.wait_for("views.open", since=mark)).args["view"]
    buttons = [
        b["accessory"]
        for b in admin_modal["blocks"]
        if b.get("accessory", {}).get("action_id") == AdjustScore.BUTTON
    ]
    assert buttons, "an admin sees Adjust score on each scored answer"

    await milo.interact(payloads.block_actions(slack.team_id, ADMIN, AdjustScore.BUTTON, buttons[0]["value"]))
    pushed = (await slack.wait_for("views.push", since=mark)).args["view"]
    assert pushed["callback_id"] == CardView.ADJUST_SCORE
    ref = json.loads(pushed["private_metadata"])

    async with milo.container.db.unit_of_work() as s:
        answer = await s.get(Answer, ref["answer_id"])
    new_score = "1" if answer.score != 1 else "5"

    no_reason = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            CardView.ADJUST_SCORE,
            adjust_state(new_score, None),
            pushed["private_metadata"],
        )
    )
    assert (await no_reason.json())["errors"][AdjustScore.REASON_BLOCK].startswith("Say why")

    viewer_try = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            VIEWER,
            CardView.ADJUST_SCORE,
            adjust_state(new_score, "nope"),
            pushed["private_metadata"],
        )
    )
    assert "Only admins" in (await viewer_try.json())["errors"][AdjustScore.REASON_BLOCK]

    mark = slack.mark()
    # The admin's profile (opened last), under the form; from the candidate list, the list is under it.
    profile_id = next(
        vid for vid, v in reversed(slack.views.items()) if v["callback_id"] == ProfileView.PROFILE
    )
    submission = payloads.view_submission(
        slack.team_id,
        ADMIN,
        CardView.ADJUST_SCORE,
        adjust_state(new_score, "Answered a different question"),
        pushed["private_metadata"],
    )
    submission["view"]["previous_view_id"] = profile_id  # as Slack sends it for a pushed view
    saved = await milo.interact(submission)
    # Only the form closes (an empty answer): the profile under it is shown again with the new score.
    assert (await saved.text()).strip() == ""
    shown = await slack.wait_for("views.update", since=mark, timeout=10)
    assert shown.args["view_id"] == profile_id and "adjusted by the team" in json.dumps(shown.args["view"])
    update = await slack.wait_for("chat.update", since=mark, timeout=10)
    assert update.args["ts"] == interview.card_ts and "adjusted by the team" in json.dumps(
        update.args["blocks"]
    )
    async with milo.container.db.unit_of_work() as s:
        answer = await s.get(Answer, ref["answer_id"])
        entries = (
            await s.scalars(select(AuditEntry).where(AuditEntry.action == "interview.score_override"))
        ).all()
    assert answer.score_override == int(new_score) and answer.override_by == ADMIN
    assert [e.actor_id for e in entries] == [ADMIN]  # the viewer's attempt changed nothing
    assert AnswerRef(**ref).interview_id == interview.id
