"""Shared setup for the report tests: a candidate with a completed, scored interview, recordings and a
résumé written straight into the database and the data folder (the interview itself is another
feature's, tested in tests/interview_web), and the Slack clicks that ask for reports, sent signed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from milobot.db.models import (
    Agent,
    AgentVersion,
    Answer,
    AuditEntry,
    Candidate,
    IntegritySignal,
    Interview,
    Recording,
    StoredFile,
)
from milobot.ids import ReportAction
from milobot.metadata import AgentRef, CandidateRef, ReportChoice, encode
from milobot.services.candidate_records import new_candidate
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads

VIEWER = "UVIEWER001"
STRANGER = "USTRANGE01"
OTHER_TEAM = "T0OTHER002"
# Diacritics of several scripts, HTML and Slack markup: shown as written everywhere, never interpreted.
NAME = "Zoë Nguyễn-Łukasz <b>Bold</b> <!channel>"
CHROME_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
QUESTIONS = [
    {
        "text": "Tell us about a production incident you handled.",
        "anchor_1": "Vague, no ownership.",
        "anchor_5": "Owned it, found the root cause, wrote the postmortem.",
        "weight": 1,
    },
    {
        "text": "How do you design a schema? <script>alert(1)</script>",
        "anchor_1": "Adds tables as needed.",
        "anchor_5": "Starts from the queries, normalises, plans migrations.",
        "weight": 2,
    },
]
ANSWERS = [
    "I owned the checkout outage in Αθήνα and Москва: latency hit 4 s.\nI found the missing index and wrote the postmortem.",
    "I start from the queries <img src=x onerror=alert(1)> and *bold* <@U123>; Nguyễn Thị Minh Khai reviewed it.",
]
LINK_RE = re.compile(r"http://milobot\.test/r/([A-Za-z0-9_.-]+)")


@dataclass(frozen=True)
class Seeded:
    workspace_id: int
    agent_id: int
    candidate_id: int
    interview_id: int
    video_id: int | None
    audio_id: int | None
    video_path: Path | None
    resume_path: Path | None


async def seed(
    milo,
    *,
    name: str = NAME,
    team: str | None = None,
    agent_id: int | None = None,
    video: bytes | None = b"\x1aE\xdf\xa3" + bytes(range(256)) * 400,
    audio: bytes | None = b"OggS" + b"\x01" * 5000,
    resume: bytes | None = b"%PDF-1.4\n% a resume\n",
    decision: str = "none",
    user_agent: str | None = CHROME_UA,
    answers: list[str] | None = None,
    questions: list[dict] | None = None,
    email: str = "zoe@example.com",
) -> Seeded:
    data = milo.settings.data_dir
    now = datetime.now(UTC)
    questions = questions or QUESTIONS
    answers = answers or ANSWERS
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team or milo.slack.team_id)
        if agent_id is None:
            agent = Agent(
                workspace_id=ws.id,
                name="Backend Engineer",
                role_title="Senior Backend",
                channel_id="C0CARDS001",
                share_token=f"share-{ws.id}-{now.timestamp()}-{len(name)}",
                current_version=1,
            )
            s.add(agent)
            await s.flush()
            s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=questions))
            await s.flush()
            agent_id = agent.id
        version = await s.scalar(select(AgentVersion).where(AgentVersion.agent_id == agent_id))
        folder = data / str(ws.id)
        folder.mkdir(parents=True, exist_ok=True)
        candidate = new_candidate(
            s,
            workspace_id=ws.id,
            agent_id=agent_id,
            name=name,
            email=email,
            phone="+14155550123",
            source="api",
        )
        candidate.status, candidate.decision = "completed", decision
        await s.flush()
        resume_path = None
        if resume is not None:
            resume_path = folder / f"resume-{candidate.id}"
            resume_path.write_bytes(resume)
            candidate.resume_path = str(resume_path)
            s.add(
                StoredFile(
                    workspace_id=ws.id, candidate_id=candidate.id, kind="resume", path=str(resume_path)
                )
            )
        interview = Interview(
            workspace_id=ws.id,
            candidate_id=candidate.id,
            agent_id=agent_id,
            agent_version_id=version.id,
            status="completed",
            source="web",
            scorer="rubric",
            overall_score=72.4,
            consented_at=now - timedelta(minutes=14),
            started_at=now - timedelta(minutes=15),
            completed_at=now - timedelta(minutes=2),
            user_agent=user_agent,
        )
        s.add(interview)
        await s.flush()
        for i, (q, a) in enumerate(zip(questions, answers)):
            s.add(
                Answer(
                    workspace_id=ws.id,
                    interview_id=interview.id,
                    question_index=i,
                    question_text=q["text"],
                    answer_text=a,
                    duration_ms=65_000 + i * 1000,
                    score=4 - i,
                    score_override=5 if i == 1 else None,
                    evidence=[a.split("\n")[0][:80]],
                    rationale="Specific and relevant.",
                )
            )
        s.add(IntegritySignal(workspace_id=ws.id, interview_id=interview.id, kind="paste", question_index=1))
        s.add(
            IntegritySignal(
                workspace_id=ws.id, interview_id=interview.id, kind="tab_hidden", question_index=0
            )
        )
        ids: dict[str, int | None] = {"video": None, "audio": None}
        video_path = None
        for kind, content, suffix, ctype in (
            ("video", video, ".webm", "video/webm"),
            ("audio", audio, ".ogg", "audio/ogg"),
        ):
            if content is None:
                continue
            path = folder / f"interview-{interview.id}-{kind}{suffix}"
            path.write_bytes(content)
            video_path = path if kind == "video" else video_path
            rec = Recording(
                workspace_id=ws.id,
                interview_id=interview.id,
                kind=kind,
                path=str(path),
                content_type=ctype,
                size=len(content),
            )
            s.add(rec)
            await s.flush()
            ids[kind] = rec.id
        return Seeded(
            ws.id, agent_id, candidate.id, interview.id, ids["video"], ids["audio"], video_path, resume_path
        )


async def invite(milo, user: str, role: str = "viewer") -> None:
    await milo.command(f"team invite <@{user}> {role}", user=ADMIN)
    await milo.replies(predicate=lambda c: user in str(c.args))


async def menu(milo, action: str, candidate_id: int, *, user: str = ADMIN, team: str | None = None, **kw):
    """A choice in a candidate card's report overflow."""
    value = encode(ReportChoice(action=action, candidate_id=candidate_id), limit=150)
    payload = payloads.overflow_action(
        team or milo.slack.team_id,
        user,
        ReportAction.MENU,
        value,
        channel_id="C0CARDS001",
        response_url=milo.slack.new_response_url(team or milo.slack.team_id, "actions"),
        **kw,
    )
    resp = await milo.interact(payload)
    assert resp.status == 200
    return payload


async def button(milo, action_id: str, value_id: int, *, user: str = ADMIN, agent: bool = False, **kw):
    value = encode(AgentRef(value_id) if agent else CandidateRef(value_id))
    if "view" not in kw:
        kw.setdefault("response_url", milo.slack.new_response_url(milo.slack.team_id, "actions"))
    payload = payloads.block_actions(milo.slack.team_id, user, action_id, value, **kw)
    resp = await milo.interact(payload)
    assert resp.status == 200
    return payload


async def reply_to(milo, payload) -> dict:
    """The ephemeral reply sent to this click's response_url."""
    url = payload["response_url"]
    call = await milo.slack.wait_for("response_url", lambda c: c.args["__url"] == url, timeout=10)
    return call.args


async def report_link(milo, candidate_id: int, *, user: str = ADMIN) -> str:
    payload = await menu(milo, "view", candidate_id, user=user)
    reply = await reply_to(milo, payload)
    found = LINK_RE.search(str(reply))
    assert found, reply
    return found.group(1)


async def audit_actions(milo) -> list[tuple[str, str | None, str | None]]:
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()
    return [(r.action, r.actor_id, r.target_id) for r in rows]


async def candidate(milo, candidate_id: int) -> Candidate:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(Candidate, candidate_id)
