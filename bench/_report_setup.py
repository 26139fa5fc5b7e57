"""Shared by the report benches: a seeded SQLite database (candidates with a 10-question interview and
a ~2,000-word transcript, optional recordings), and milobot started as its own process against the fake
Slack Web API, as `milobot serve` runs in production."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy.ext.asyncio import async_sessionmaker  # noqa: E402

from milobot.db.engine import make_engine  # noqa: E402
from milobot.db.migrate import upgrade_to_head  # noqa: E402
from milobot.db.models import Agent, AgentVersion, Answer, Candidate, IntegritySignal, Interview, Recording  # noqa: E402
from milobot.services.workspaces import get_or_create_workspace  # noqa: E402

SECRET = "bench-signing-secret"
KEY = "bench-secret-key-0123456789"
ADMIN = "UBENCHADM1"
WORDS = (
    "we measured the latency of the checkout service and found a missing index on the orders table so I "
    "wrote a migration added the index ran the load test again and the p99 fell from four seconds to "
    "ninety milliseconds then I wrote the postmortem with three follow ups for the team"
).split()
UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def questions(n: int = 10) -> list[dict]:
    return [
        {
            "text": f"Question {i + 1}: tell us about a time you improved a system's reliability.",
            "anchor_1": "Vague, no example, no outcome.",
            "anchor_5": "A specific example with actions, measurements and results.",
            "weight": 1 + (i % 3),
        }
        for i in range(n)
    ]


def answer_text(words: int, seed: int) -> str:
    rng = random.Random(seed)
    out = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(out[:60]) + ".\n\n" + " ".join(out[60:]) + "."


async def seed(
    data_dir: Path,
    team_id: str,
    *,
    candidates: int,
    words: int = 2000,
    recordings: dict[str, int] | None = None,
) -> list[int]:
    """Migrate a fresh SQLite database in data_dir and add `candidates` completed interviews."""
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(f"sqlite+aiosqlite:///{data_dir / 'milobot.sqlite3'}")
    await upgrade_to_head(engine)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    now = datetime.now(UTC)
    ids = []
    async with sessions() as s, s.begin():
        ws = await get_or_create_workspace(s, team_id)
        agent = Agent(
            workspace_id=ws.id, name="Backend Engineer", role_title="Senior", share_token="bench-share"
        )
        s.add(agent)
        await s.flush()
        version = AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=questions())
        s.add(version)
        await s.flush()
        for n in range(candidates):
            c = Candidate(
                workspace_id=ws.id,
                agent_id=agent.id,
                name=f"Zoë Nguyễn {n}",
                email=f"c{n}@example.com",
                token=f"bench-cand-{n}",
                status="completed",
                decision="shortlisted",
            )
            s.add(c)
            await s.flush()
            iv = Interview(
                workspace_id=ws.id,
                candidate_id=c.id,
                agent_id=agent.id,
                agent_version_id=version.id,
                status="completed",
                scorer="rubric",
                overall_score=74.0,
                started_at=now - timedelta(minutes=30),
                consented_at=now - timedelta(minutes=30),
                completed_at=now,
                user_agent=UA,
            )
            s.add(iv)
            await s.flush()
            for i, q in enumerate(questions()):
                text = answer_text(words // 10, n * 100 + i)
                s.add(
                    Answer(
                        workspace_id=ws.id,
                        interview_id=iv.id,
                        question_index=i,
                        question_text=q["text"],
                        answer_text=text,
                        duration_ms=60_000 + i * 5_000,
                        score=1 + (i % 5),
                        evidence=[text[:120], text[200:300]],
                        rationale="Specific example with a measured result.",
                    )
                )
            s.add(IntegritySignal(workspace_id=ws.id, interview_id=iv.id, kind="paste", question_index=2))
            for kind, size in (recordings or {}).items():
                path = data_dir / f"rec-{c.id}-{kind}.webm"
                write_file(path, size)
                s.add(
                    Recording(
                        workspace_id=ws.id,
                        interview_id=iv.id,
                        kind=kind,
                        path=str(path),
                        content_type=f"{kind}/webm",
                        size=size,
                    )
                )
            ids.append(c.id)
    await engine.dispose()
    return ids


def write_file(path: Path, size: int) -> None:
    """Incompressible bytes, written to disk for real (not a sparse file)."""
    block = os.urandom(1 << 20)
    with open(path, "wb") as f:
        left = size
        while left > 0:
            f.write(block[: min(left, len(block))])
            left -= len(block)
        f.flush()
        os.fsync(f.fileno())


def env_for(slack, data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.url,
        "MILOBOT_DATA_DIR": str(data_dir),
        "MILOBOT_ADMINS": ADMIN,
        "MILOBOT_SECRET_KEY": KEY,
        "MILOBOT_PUBLIC_URL": "https://milobot.bench",
        "MILOBOT_SCHEDULER": "off",
        **extra,
    }


def start_milobot(env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(
        [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


async def wait_healthy(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            try:
                async with http.get(url) as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)  # polling a starting server, bounded by the deadline
    raise RuntimeError(f"{url} did not become healthy")


def pct(ms: list[float], q: float) -> float:
    ms = sorted(ms)
    return ms[min(len(ms) - 1, max(0, int(round(q * len(ms))) - 1))]


def line(name: str, ms: list[float]) -> str:
    return f"{name}: n={len(ms)} p50={pct(ms, 0.5):.1f} ms p99={pct(ms, 0.99):.1f} ms max={max(ms):.1f} ms"
