"""Team feedback in reports, turned on and off where an admin can: the `/milo settings` checkbox. With it
on, a report made by someone who has rated carries everyone's ratings and notes (all of them, past
what the profile shows); one made by someone who hasn't carries none (blind until you rate). Unticked,
no report carries them, not even a page already open. The profile's "…and N older notes" line says
where the rest can be read, or how to get there."""

from __future__ import annotations

import json

from milobot.db.models import Note, Rating
from milobot.services.profile import NOTES_SHOWN
from tests.candidates_review.support import Reviewer
from tests.conftest import ADMIN
from tests.reports.support import VIEWER, invite, menu, reply_to, report_link, seed
from tests.reports.test_pdf import pdf_text, uploaded_pdf
from tests.settings.test_settings import open_modal, submit

TEAMMATE = "UTEAMMATE1"
OLDEST_NOTE = "Oldest note: asked about on-call load, wants a rota."


async def team_feedback(milo, seeded, *, notes: int = 1) -> None:
    """A teammate's rating and notes, oldest first (OLDEST_NOTE is the first, past the profile's 12)."""
    async with milo.container.db.unit_of_work() as s:
        s.add(
            Rating(
                workspace_id=seeded.workspace_id,
                candidate_id=seeded.candidate_id,
                slack_user_id=TEAMMATE,
                kind="stars",
                value=2,
            )
        )
        for n in range(notes):
            body = OLDEST_NOTE if n == 0 else f"Note number {n}."
            s.add(
                Note(
                    workspace_id=seeded.workspace_id,
                    candidate_id=seeded.candidate_id,
                    author_id=TEAMMATE,
                    body=body,
                )
            )
            await s.flush()  # ids in order: the first note is the oldest


async def rate(milo, seeded, user: str) -> None:
    async with milo.container.db.unit_of_work() as s:
        s.add(
            Rating(
                workspace_id=seeded.workspace_id,
                candidate_id=seeded.candidate_id,
                slack_user_id=user,
                kind="thumbs",
                value=1,
            )
        )


async def page(milo, token: str) -> str:
    resp = await milo.get(f"/r/{token}")
    assert resp.status == 200
    return await resp.text()


async def pdf_of(milo, slack, candidate_id: int, *, user: str) -> str:
    mark = slack.mark()
    await reply_to(milo, await menu(milo, "pdf", candidate_id, user=user))
    await slack.wait_for("files.completeUploadExternal", since=mark, timeout=20)
    _, file = await uploaded_pdf(milo, slack, "Pia Feedback")
    return " ".join(pdf_text(file.content)[1])


async def test_ticked_in_settings_reports_carry_the_feedback_to_those_who_rated_and_unticked_to_none(
    milo, slack
):
    seeded = await seed(milo, name="Pia Feedback")
    await invite(milo, VIEWER)
    await team_feedback(milo, seeded, notes=NOTES_SHOWN + 3)
    await open_modal(milo, slack)
    assert (await submit(milo, slack, team_feedback=True))["response_action"] == "update"

    # The viewer hasn't rated this undecided candidate: their report carries nobody's feedback.
    blind = await page(milo, await report_link(milo, seeded.candidate_id, user=VIEWER))
    assert "Team feedback" not in blind and OLDEST_NOTE not in blind and TEAMMATE not in blind
    blind_pdf = await pdf_of(milo, slack, seeded.candidate_id, user=VIEWER)
    assert "Pia Feedback" in blind_pdf and "on-call load" not in blind_pdf and TEAMMATE not in blind_pdf

    # The admin has rated: their report has the teammate's rating and every note, the oldest too.
    await rate(milo, seeded, ADMIN)
    token = await report_link(milo, seeded.candidate_id)
    shown = await page(milo, token)
    assert "Team feedback" in shown and "2 ratings, average 3.5 of 5" in shown
    assert f"Slack user {TEAMMATE}" in shown and OLDEST_NOTE in shown
    assert shown.count(f"Note by Slack user {TEAMMATE}") == NOTES_SHOWN + 3
    rated_pdf = await pdf_of(milo, slack, seeded.candidate_id, user=ADMIN)
    assert "on-call load" in rated_pdf and TEAMMATE in rated_pdf

    # Unticked: the page already open (served from the cache a moment ago) and new links carry none.
    answer = await submit(milo, slack, team_feedback=False)
    assert answer["response_action"] == "update"
    for text in (await page(milo, token), await page(milo, await report_link(milo, seeded.candidate_id))):
        assert "Team feedback" not in text and OLDEST_NOTE not in text and TEAMMATE not in text


async def test_the_profile_says_where_the_older_notes_can_be_read(milo, slack):
    seeded = await seed(milo, name="Pia Feedback")
    await invite(milo, VIEWER)
    await team_feedback(milo, seeded, notes=NOTES_SHOWN + 3)

    async def older_notes_line(user: str) -> str:
        reviewer = Reviewer(milo, user)
        await reviewer.open_profile(seeded.candidate_id)
        line = next(
            e["text"]
            for b in reviewer.view["blocks"]
            if b["type"] == "context"
            for e in b["elements"]
            if "older notes" in e["text"]
        )
        assert line.startswith("…and 3 older notes")
        return line

    # Off: an admin is pointed at the setting, a viewer at the admins.
    assert "/milo settings" in (line := await older_notes_line(ADMIN))
    assert "Reports include the team's ratings and notes" in line
    assert "/milo settings" not in (line := await older_notes_line(VIEWER)) and "An admin" in line

    # On: View Report has them, for the viewer once they have rated.
    await open_modal(milo, slack)
    assert (await submit(milo, slack, team_feedback=True))["response_action"] == "update"
    assert (await older_notes_line(VIEWER)).endswith("*View Report* has them all once you have rated.")
    await rate(milo, seeded, VIEWER)
    assert (line := await older_notes_line(VIEWER)).endswith(": *View Report* has them all.")
    assert "/milo settings" not in json.dumps(line)
