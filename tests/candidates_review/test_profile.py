"""The candidate profile over the wire: contact details, source and the stored résumé behind a signed,
expiring link, the interview with its transcript paged, per-question scores with the rubric anchors and
quoted evidence, observations worded as observations, recordings that stream with Range support."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from milobot.blocks.text import display
from milobot.db.models import Agent, AgentVersion, Answer, IntegritySignal, Interview, Recording
from milobot.ids import AdjustScore, CandidateAction, ProfileAction
from milobot.metadata import CandidateRef, ProfileRef, encode
from tests.candidates_review.support import (
    OTHER_TEAM,
    OUTSIDER,
    VIEWER,
    Clock,
    Reviewer,
    add_members,
    buttons,
    invited_candidate,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import make_agent

QUESTIONS = [
    {
        "text": f"Question number {i + 1}?",
        "anchor_1": f"Weak answer {i + 1}",
        "anchor_5": f"Strong answer {i + 1}",
        "weight": 1,
    }
    for i in range(12)
]
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40
AUDIO = bytes(range(256)) * 100


async def interviewed(milo) -> tuple[int, int]:
    """A candidate from an import (with their résumé kept), interviewed once over 12 questions, with
    observations and an audio recording."""
    data = Path(milo.settings.data_dir)
    (data / "1" / "uploads").mkdir(parents=True, exist_ok=True)
    (data / "1" / "recordings").mkdir(parents=True, exist_ok=True)
    resume = data / "1" / "uploads" / "ab12cd"
    resume.write_bytes(PDF)
    audio = data / "1" / "recordings" / "interview-1-audio.webm"
    audio.write_bytes(AUDIO)
    agent_id = await make_agent(milo, questions=QUESTIONS)
    candidate_id = await invited_candidate(
        milo,
        agent_id=agent_id,
        name="Pia <!channel> Profile",
        email="pia@example.com",
        phone="+14155550123",
        source="ingest",
        source_file="Pia CV.pdf",
        resume_path=str(resume),
        current_title="Staff Engineer",
        current_company="Acme",
        location="Lisbon",
        status="completed",
    )
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        version = await s.scalar(select(AgentVersion).where(AgentVersion.agent_id == agent_id))
        interview = Interview(
            workspace_id=agent.workspace_id,
            candidate_id=candidate_id,
            agent_id=agent_id,
            agent_version_id=version.id,
            status="completed",
            scorer="rubric",
            overall_score=71.0,
        )
        s.add(interview)
        await s.flush()
        for i, q in enumerate(QUESTIONS):
            s.add(
                Answer(
                    workspace_id=agent.workspace_id,
                    interview_id=interview.id,
                    question_index=i,
                    question_text=q["text"],
                    answer_text=f"My answer {i + 1} <@U999>",
                    score=(i % 5) + 1,
                    evidence=[f"quoted evidence {i + 1}"],
                    rationale="because",
                    duration_ms=12000,
                )
            )
        s.add(
            IntegritySignal(
                workspace_id=agent.workspace_id, interview_id=interview.id, kind="paste", question_index=1
            )
        )
        s.add(
            Recording(
                workspace_id=agent.workspace_id,
                interview_id=interview.id,
                kind="audio",
                path=str(audio),
                content_type="audio/webm",
                size=len(AUDIO),
            )
        )
        return candidate_id, interview.id


def link(text: str, label: str) -> str:
    end = text.index("|" + label)
    start = text.rindex("http://milobot.test/files/", 0, end)
    return text[start:end]


async def test_the_profile_shows_everything_and_pages_the_transcript(milo, slack):
    candidate_id, _ = await interviewed(milo)
    admin = Reviewer(milo, ADMIN)
    text = text_of(await admin.open_profile(candidate_id))
    for words in (
        "Pia &lt;!channel&gt; Profile",
        "pia@example.com",
        "+14155550123",
        "Staff Engineer at Acme",
        "Lisbon",
        f"From an import: {display('Pia CV.pdf')}",  # a file name could be a domain: no live dot
        "Download résumé",
        "71/100",
        "Question number 1?",
        "rubric: 1 = Weak answer 1; 5 = Strong answer 1",
        "evidence: “quoted evidence 1”",
        "Pasted text once in question 2",
        "observations only",
        "audio recording",
        "Questions 1–5 of 12",
        "My answer 1 &lt;@U999&gt;",
    ):
        assert words in text, words
    assert "<!channel>" not in text and "Question number 6?" not in text
    assert AdjustScore.BUTTON in buttons(admin.view)

    page2 = text_of((await admin.click(ProfileAction.PAGE_NEXT)).args["view"])
    assert (
        "Question number 6?" in page2
        and "Question number 1?" not in page2
        and "Questions 6–10 of 12" in page2
    )
    await admin.click(ProfileAction.PAGE_NEXT)
    last = text_of(admin.view)
    assert "Question number 12?" in last and ProfileAction.PAGE_NEXT not in buttons(admin.view)
    back = text_of((await admin.click(ProfileAction.PAGE)).args["view"])
    assert "Question number 6?" in back

    viewer = Reviewer(milo, VIEWER)
    await add_members(milo, [VIEWER])
    opened = await viewer.open_profile(candidate_id)
    assert AdjustScore.BUTTON not in buttons(opened) and "Personal interview link" not in text_of(opened)


async def test_resume_and_recording_links_are_signed_expire_and_stream_with_range(milo, slack):
    clock = Clock(milo)
    candidate_id, interview_id = await interviewed(milo)
    text = text_of(await Reviewer(milo, ADMIN).open_profile(candidate_id))
    resume_url, audio_url = link(text, "Download résumé"), link(text, "audio recording")
    local = lambda url: url.replace("http://milobot.test", "")  # noqa: E731

    resume = await milo.get(local(resume_url))
    assert resume.status == 200 and await resume.read() == PDF
    assert resume.headers["Content-Type"] == "application/pdf"
    assert "Pia CV.pdf" in resume.headers["Content-Disposition"]
    assert resume.headers["Cache-Control"] == "private, no-store"

    part = await milo.get(local(audio_url), headers={"Range": "bytes=100-199"})
    assert part.status == 206 and await part.read() == AUDIO[100:200]
    assert (
        part.headers["Content-Range"] == f"bytes 100-199/{len(AUDIO)}"
        and part.headers["Content-Type"] == "audio/webm"
    )
    tail = await milo.get(local(audio_url), headers={"Range": "bytes=-56"})
    assert tail.status == 206 and await tail.read() == AUDIO[-56:]

    token = local(audio_url).rsplit("/", 1)[1]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert (await milo.get(f"/files/{forged}")).status == 404
    assert (await milo.get("/files/not-a-token")).status == 404

    # A row that points outside the data folder is never served, whatever the link says.
    async with milo.container.db.unit_of_work() as s:
        (await s.scalar(select(Recording))).path = "/etc/hostname"
    assert (await milo.get(local(audio_url))).status == 404

    clock.advance(hours=1, minutes=1)
    expired = await milo.get(local(resume_url))
    assert expired.status == 410 and "expired" in await expired.text()


async def test_a_candidate_with_two_interviews_and_refusals(milo, slack):
    candidate_id, first = await interviewed(milo)
    async with milo.container.db.unit_of_work() as s:
        old = await s.get(Interview, first)
        newer = Interview(
            workspace_id=old.workspace_id,
            candidate_id=candidate_id,
            agent_id=old.agent_id,
            agent_version_id=old.agent_version_id,
            status="in_progress",
        )
        s.add(newer)
    admin = Reviewer(milo, ADMIN)
    text = text_of(await admin.open_profile(candidate_id))
    assert "In progress" in text and "Interview 2 · Started" in text  # the latest first
    shown = await admin.click(ProfileAction.INTERVIEW, selected=encode(ProfileRef(candidate_id, first, 0)))
    assert "Question number 1?" in text_of(shown.args["view"])

    # From the Home tab a profile opens (a Home tab can't have a modal pushed onto it).
    home = payloads.modal_view(slack.team_id, callback_id="", view_type="home", view_id="VHOME00001")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateAction.PROFILE, encode(CandidateRef(candidate_id)), view=home
        )
    )
    await slack.wait_for("views.open", since=mark)
    opened = len(slack.calls_to("views.open"))

    # Another workspace, a stranger, a garbled value.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    for team, user, value, words in (
        (OTHER_TEAM, ADMIN, encode(CandidateRef(candidate_id)), "doesn't exist in this workspace"),
        (slack.team_id, OUTSIDER, encode(CandidateRef(candidate_id)), "not on this workspace's milobot team"),
        (slack.team_id, ADMIN, '{"candidate_id": 10000000000000000000000}', "bad id"),
        (slack.team_id, ADMIN, '{"candidate_id": 2147483647}', "doesn't exist in this workspace"),
        (slack.team_id, ADMIN, "<!channel>", "garbled"),
    ):
        mark = slack.mark()
        await milo.interact(
            payloads.block_actions(
                team,
                user,
                CandidateAction.PROFILE,
                value,
                response_url=slack.new_response_url(team, kind="actions"),
            )
        )
        assert words in (await slack.wait_for("response_url", since=mark)).args["text"], words
    assert len(slack.calls_to("views.open")) == opened  # none of them opened anything


async def test_what_the_profile_leaves_out_it_says_and_points_to_view_report(milo, slack):
    """A 20,000-character answer and pastes in every question: the modal holds 1,500 characters of an
    answer and ten observations, and says that more follows and where (View Report) rather than
    ending a long answer mid-sentence as if the candidate had stopped there."""
    candidate_id, interview_id = await interviewed(milo)
    async with milo.container.db.unit_of_work() as s:
        first = await s.scalar(
            select(Answer).where(Answer.interview_id == interview_id, Answer.question_index == 0)
        )
        first.answer_text = "I began with the metrics. " * 800
        for q in range(2, 12):  # question 2 already has one; now 11 questions with pastes
            s.add(
                IntegritySignal(
                    workspace_id=first.workspace_id, interview_id=interview_id, kind="paste", question_index=q
                )
            )
    view = await Reviewer(milo, ADMIN).open_profile(candidate_id)
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section" and "text" in b]
    q1 = next(t for t in sections if t.startswith("*Q1."))
    q2 = next(t for t in sections if t.startswith("*Q2."))
    assert "View Report* shows all of it" in q1 and len(q1) < 3000
    assert "View Report" not in q2  # a short answer is whole: nothing to point at
    observed = next(
        e["text"]
        for b in view["blocks"]
        if b["type"] == "context"
        for e in b["elements"]
        if ":mag:" in e["text"]
    )
    assert "Pasted text once in question 11" in observed and "question 12" not in observed
    assert "and 1 more (*View Report* lists them all)" in observed
