"""The candidate interview over real HTTP, following the forms as a browser without JavaScript would,
through to the candidate card in the agent's channel and the team's Shortlist on it."""

from __future__ import annotations

import re

from sqlalchemy import select

from milobot.db.models import Answer, AuditEntry, Candidate, IntegritySignal, Interview, LinkVisit
from milobot.ids import Action
from milobot.metadata import InterviewRef, encode
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import (
    CARD_CHANNEL,
    GOOD_ANSWERS,
    QUESTIONS_V1,
    Browser,
    add_version,
    count,
    forms_of,
    interviews,
    make_agent,
    posted_card,
    progress_of,
)

VIEWER = "UVIEWER001"


async def take_interview(browser: Browser, path: str, *, name: str, email: str, answers: list[str]) -> None:
    html = await browser.open(path)
    assert browser.status == 200
    assert "evaluated by AI" in html and "makes the decision" in html and "I understand, start" in html
    await browser.submit(name=name, email=email, consent="yes")
    for i, answer in enumerate(answers):
        assert progress_of(browser.html) == f"Question {i + 1} of {len(answers)}", browser.html[:400]
        await browser.submit(answer=answer)
    assert "the hiring team will review your answers" in browser.html
    assert "A person makes the decision" in browser.html


async def test_full_interview_posts_a_card_and_shortlist_updates_it_in_place(milo, slack):
    agent_id = await make_agent(milo)
    async with Browser(milo) as browser:
        await take_interview(
            browser,
            "/i/share-tok-0001?src=lobby-poster",
            name="Ada Lovelace",
            email="Ada@Example.com",
            answers=GOOD_ANSWERS,
        )
        # Back on the same personal link: the completion page, not the questions again.
        await browser.open(browser.url)
        assert "hiring team will review" in browser.html and progress_of(browser.html) is None

    post = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == CARD_CHANNEL, timeout=10)
    interview = await posted_card(milo)
    await milo.container.link_visits.flush()  # visits are counted in memory and written in batches
    assert interview.status == "completed" and interview.scorer == "rubric"
    assert 0 <= interview.overall_score <= 100
    card = str(post.args["blocks"])
    assert f"{round(interview.overall_score)}/100" in card and "Ada Lovelace" in card
    assert QUESTIONS_V1[0]["text"] in card and "★" in card
    assert {"Shortlist", "Dismiss", "View"} <= {
        e.get("text", {}).get("text")
        for b in post.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }
    assert interview.card_channel == CARD_CHANNEL and slack.message(CARD_CHANNEL, interview.card_ts)

    async with milo.container.db.unit_of_work() as s:
        candidate = await s.scalar(select(Candidate))
        answers = (await s.scalars(select(Answer).order_by(Answer.question_index))).all()
        visits = (await s.scalars(select(LinkVisit))).all()
    assert candidate.source == "link" and candidate.source_tag == "lobby-poster"
    assert candidate.email_normalized == "ada@example.com" and candidate.status == "completed"
    assert [a.question_text for a in answers] == [q["text"] for q in QUESTIONS_V1]
    assert all(a.score and a.evidence and a.rationale and a.duration_ms is not None for a in answers)
    assert [v.source_tag for v in visits] == ["lobby-poster"] and visits[0].agent_id == agent_id

    # Shortlist, as an admin clicking the card's button.
    mark = slack.mark()
    message = slack.message(interview.card_channel, interview.card_ts)
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview.id)),
            message=message,
            channel_id=interview.card_channel,
            text="Shortlist",
        )
    )
    update = await slack.wait_for("chat.update", since=mark, timeout=10)
    assert update.args["ts"] == interview.card_ts and update.args["channel"] == CARD_CHANNEL
    assert f"Shortlisted by <@{ADMIN}>" in str(update.args["blocks"])
    assert len(slack.messages[CARD_CHANNEL]) == 1  # updated in place, not posted again
    async with milo.container.db.unit_of_work() as s:
        candidate = await s.scalar(select(Candidate))
        actions = (await s.scalars(select(AuditEntry.action))).all()
    assert candidate.decision == "shortlisted" and candidate.decided_by == ADMIN
    assert "candidate.shortlist" in actions


async def test_viewer_cannot_shortlist_and_a_crafted_id_from_another_workspace_is_refused(milo, slack):
    await make_agent(milo)
    async with Browser(milo) as browser:
        await take_interview(
            browser, "/i/share-tok-0001", name="Grace", email="grace@example.com", answers=GOOD_ANSWERS
        )
    interview = await posted_card(milo)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview.id)),
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    refusal = await slack.wait_for("response_url", since=mark)
    assert "Only admins can do that" in refusal.args["text"]

    # An admin of another workspace naming this interview's id gets NotFound, and nothing changes.
    slack.add_workspace("T0OTHER001", "xoxb-fake-T0OTHER001")
    await milo.seat("T0OTHER001", ADMIN)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            "T0OTHER001",
            ADMIN,
            Action.CANDIDATE_DISMISS,
            encode(InterviewRef(interview.id)),
            channel_id="C0OTHER001",
            response_url=slack.new_response_url("T0OTHER001", kind="actions"),
        )
    )
    other = await slack.wait_for("response_url", since=mark)
    assert "doesn't exist" in other.args["text"]
    async with milo.container.db.unit_of_work() as s:
        assert (await s.scalar(select(Candidate))).decision == "none"


async def test_an_edited_agent_keeps_old_interviews_on_their_own_questions(milo, slack):
    agent_id = await make_agent(milo)
    async with Browser(milo) as browser:
        await take_interview(
            browser, "/i/share-tok-0001", name="Old Timer", email="old@example.com", answers=GOOD_ANSWERS
        )
    await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == CARD_CHANNEL, timeout=10)
    v2 = [
        {
            "text": "Why do you want this job?",
            "anchor_1": "No idea.",
            "anchor_5": "Clear motivation.",
            "weight": 1,
        }
    ]
    await add_version(milo, agent_id, v2)

    # A new candidate gets v2's single question.
    async with Browser(milo) as browser:
        await take_interview(
            browser,
            "/i/share-tok-0001",
            name="New Comer",
            email="new@example.com",
            answers=["I want to build reliable systems for hiring teams, like I did at my last job."],
        )
    await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == CARD_CHANNEL, count=2, timeout=10)
    old, new = await interviews(milo)
    assert old.agent_version_id != new.agent_version_id

    # The old interview's View modal still lists v1's questions, and not v2's.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, Action.CANDIDATE_VIEW, encode(InterviewRef(old.id)), channel_id=CARD_CHANNEL
        )
    )
    opened = await slack.wait_for("views.open", since=mark)
    modal = str(opened.args["view"]["blocks"])
    assert all(q["text"] in modal for q in QUESTIONS_V1) and v2[0]["text"] not in modal

    # Recomputing the old interview's overall (an override) uses v1's weights (1, 3, 1), not v2's.
    async with milo.container.db.unit_of_work() as s:
        answers = (
            await s.scalars(
                select(Answer).where(Answer.interview_id == old.id).order_by(Answer.question_index)
            )
        ).all()
    result = await milo.container.interviews.override_score(
        identity=_admin(slack),
        answer_id=answers[1].id,
        score=1,
        reason="schema answer was copied from a blog",
    )
    others = [a.score for a in answers if a.question_index != 1]
    expected = round(((others[0] - 1) / 4 * 1 + 0 * 3 + (others[1] - 1) / 4 * 1) / 5 * 100, 1)
    assert result.overall_score == expected


def _admin(slack):
    from milobot.services.context import Identity

    return Identity(team_id=slack.team_id, user_id=ADMIN)


async def test_a_half_done_interview_resumes_at_the_next_question_from_the_same_link(milo, slack):
    await make_agent(milo)
    async with Browser(milo) as browser:
        await browser.open("/i/share-tok-0001")
        await browser.submit(name="Resumer", email="resume@example.com", consent="yes")
        personal = browser.url
        assert personal != "/i/share-tok-0001"
        await browser.submit(answer=GOOD_ANSWERS[0])
        assert progress_of(browser.html) == "Question 2 of 3"

        # The personal link, opened again later, is at question 2 …
        await browser.open(personal)
        assert progress_of(browser.html) == "Question 2 of 3"
        # … and the shared link, in the same browser, first asks whether this is still that person.
        await browser.open("/i/share-tok-0001")
        assert "Continue as R…?" in browser.html and progress_of(browser.html) is None
        await browser.open(personal)

        # A stale form for question 1 posted again (back button) changes nothing.
        form = forms_of(browser.html)[0]
        stale = {**form.fields, "question_index": "0", "answer": "a different first answer"}
        async with browser.http.post(milo.base_url + form.action, data=stale) as resp:
            assert progress_of(await resp.text()) == "Question 2 of 3"

    # Someone else typing the same e-mail on another device is not handed that interview: without
    # e-mail to reach the address's owner, they start an interview of their own (tests/security has
    # the case with e-mail). The personal link still resumes the first one.
    async with Browser(milo) as other:
        await other.open("/i/share-tok-0001")
        await other.submit(name="Not Resumer", email=" RESUME@example.com ", consent="yes")
        assert (
            other.url not in (personal, "/i/share-tok-0001") and progress_of(other.html) == "Question 1 of 3"
        )
        assert personal not in other.html and "Resumer" not in other.html.replace("Not Resumer", "")
        await other.open(personal)
        assert progress_of(other.html) == "Question 2 of 3"
    assert await count(milo, Candidate) == 2 and await count(milo, Interview) == 2
    assert await count(milo, Answer) == 1


async def test_closed_unknown_and_hostile_names(milo, slack):
    await make_agent(milo, name="Closed <b>role</b>", status="archived", share_token="archived-tok")
    await make_agent(milo, name="<script>alert(1)</script> Engineer", share_token="hostile-tok", channel=None)
    async with Browser(milo) as browser:
        await browser.open("/i/archived-tok")
        assert browser.status == 410 and "This interview is closed" in browser.html
        await browser.open("/i/no-such-token")
        assert browser.status == 404 and "couldn&#39;t find this interview" in browser.html
        await browser.open("/i/bad%20token%3Cx%3E")
        assert browser.status == 404

        html = await browser.open("/i/hostile-tok?src=<bad tag>")
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in html and "<script>alert" not in html
        await browser.submit(name="<script>x()</script> <!channel>", email="not-an-email", consent="yes")
        assert browser.status == 422 and "valid e-mail" in browser.html
        assert "&lt;script&gt;x()&lt;/script&gt; &lt;!channel&gt;" in browser.html  # kept, escaped
        await browser.submit(email="h@example.com", consent="yes")
        assert progress_of(browser.html) == "Question 1 of 3"

        # A form posted without the page's form token is refused.
        form = forms_of(browser.html)[0]
        async with browser.http.post(
            milo.base_url + form.action, data={**form.fields, "csrf": "forged", "answer": "x"}
        ) as resp:
            assert resp.status == 400
        assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
    await milo.container.link_visits.flush()
    async with milo.container.db.unit_of_work() as s:
        visits = (await s.scalars(select(LinkVisit))).all()
        candidate = await s.scalar(select(Candidate))
    assert [v.source_tag for v in visits] == [None]  # an invalid tag is counted as untagged
    assert candidate.name == "<script>x()</script> <!channel>"
    assert await count(milo, Answer) == 0


async def test_card_wording_escaping_and_redaction_in_public_channels(milo, slack):
    from milobot.db.models import Workspace
    from milobot.services.workspaces import get_or_create_workspace

    slack.add_channel("C0PUBLIC09", "hiring", is_private=False)
    await make_agent(milo, channel="C0PUBLIC09")
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.settings = {"redact_public_cards": True}
    async with Browser(milo) as browser:
        await browser.open("/i/share-tok-0001")
        await browser.submit(name="<!channel> Mallory", email="mallory@example.com", consent="yes")
        for answer in GOOD_ANSWERS:
            await browser.submit(answer=answer)
    # Signals as the page script would have posted them are worded as observations.
    [interview] = await interviews(milo)
    post = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == "C0PUBLIC09", timeout=10)
    text = str(post.args["blocks"]) + post.args["text"]
    # A public channel: initials and the candidate number stand for the name, never the name itself.
    assert "M. (candidate #" in text and "<!channel>" not in text and "Mallory" not in text
    assert "mallory@example.com" not in text  # public channel + redaction setting: no personal data
    assert interview.status == "completed" and Workspace
    assert await count(milo, IntegritySignal) == 0


async def test_questions_and_answers_in_a_right_to_left_script_read_right_to_left(milo, slack):
    """The page's own words are English (lang="en"), but an agent's name, role and questions, and what a
    candidate types, may be Arabic or Hebrew: each of those carries dir="auto", so the browser lays it
    out from its own script (the question mark on the left, the cursor starting at the right)."""
    await make_agent(
        milo, name="مهندس برمجيات", questions=[{"text": "ما هي خبرتك؟", "anchor_1": "", "anchor_5": ""}]
    )
    async with Browser(milo) as browser:
        start = await browser.open("/i/share-tok-0001")
        assert '<h1 dir="auto">مهندس برمجيات</h1>' in start
        assert re.search(r'<input id="name"[^>]* dir="auto"', start)
        html = await browser.submit(name="ليلى", email="layla@example.com", consent="yes")
        assert re.search(r'<label for="answer"[^>]* dir="auto"[^>]*>ما هي خبرتك؟</label>', html)
        assert re.search(r'<textarea id="answer"[^>]* dir="auto"', html)
        # The progress bar has a name for screen readers: the "Question 1 of 1" line above it.
        assert re.search(r'<progress [^>]*aria-labelledby="progress"', html) and 'id="progress"' in html
