"""Shared setup for the interview web tests: agents made straight in the database (the agent feature is
built elsewhere), and a tiny form-following HTML client."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser

import aiohttp
from sqlalchemy import func, select

from milobot.db.models import Agent, AgentVersion, Interview
from milobot.db.types import utcnow
from milobot.services.workspaces import get_or_create_workspace

CARD_CHANNEL = "C0CARDS001"

QUESTIONS_V1 = [
    {
        "text": "Tell us about a production incident you handled.",
        "anchor_1": "Vague, no ownership, no outcome.",
        "anchor_5": "Owned the incident, diagnosed the root cause with metrics and logs, fixed it, wrote a postmortem.",
        "weight": 1,
    },
    {
        "text": "How do you design a database schema for a new feature?",
        "anchor_1": "Just adds tables as needed.",
        "anchor_5": "Starts from queries and access patterns, normalises, adds indexes and migrations, plans for growth.",
        "weight": 3,
    },
    {
        "text": "Describe a time you disagreed with a teammate.",
        "anchor_1": "Avoided the conversation.",
        "anchor_5": "Listened, shared evidence, agreed on a decision and kept the relationship.",
        "weight": 1,
    },
]

GOOD_ANSWERS = [
    (
        "I owned a checkout outage in 2023: latency rose to 4 seconds. I read the metrics and logs, found the "
        "root cause in a missing index, fixed it within 40 minutes and wrote the postmortem with three follow-ups."
    ),
    (
        "I start from the queries and access patterns, then normalise the tables, add indexes for the hot paths "
        "and write migrations. For example, for billing I planned for 10x growth with partitioning."
    ),
    (
        "Once I disagreed about caching. I listened first, shared evidence from a load test, and we agreed on a "
        "decision together; the relationship stayed good."
    ),
]


async def make_agent(
    milo,
    *,
    name: str = "Backend Engineer",
    questions: list[dict] | None = None,
    channel: str | None = CARD_CHANNEL,
    status: str = "active",
    share_token: str = "share-tok-0001",
    team_id: str | None = None,
) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id or milo.slack.team_id)
        agent = Agent(
            workspace_id=ws.id,
            name=name,
            role_title="Senior Backend",
            channel_id=channel,
            share_token=share_token,
            current_version=1,
            status=status,
        )
        s.add(agent)
        await s.flush()
        s.add(
            AgentVersion(
                workspace_id=ws.id, agent_id=agent.id, version=1, questions=questions or QUESTIONS_V1
            )
        )
        return agent.id


async def add_version(milo, agent_id: int, questions: list[dict]) -> None:
    """What Edit Questions does: a new version, and the agent points at it."""
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        agent.current_version += 1
        s.add(
            AgentVersion(
                workspace_id=agent.workspace_id,
                agent_id=agent.id,
                version=agent.current_version,
                questions=questions,
            )
        )


async def count(milo, model, *where) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*where))


def stop_the_clock(milo) -> datetime:
    """The services' clock stays at this moment for the rest of the test. What the shared link allows
    "within the hour" or "today" is counted per hour or day of that clock; on the wall clock a test
    run at 13:59:59 or 23:59:59 would straddle two of them."""
    now = utcnow()
    milo.container.deps.clock = lambda: now
    return now


async def interviews(milo) -> list[Interview]:
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(Interview).order_by(Interview.id))).all())


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(Form(a.get("action") or ""))
        elif tag == "input" and self.forms and a.get("name") and a.get("type") not in ("checkbox",):
            self.forms[-1].fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and self.forms:
            self._textarea = a.get("name")
            self.forms[-1].fields[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1].fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def progress_of(html: str) -> str | None:
    m = re.search(r"Question (\d+) of (\d+)", html)
    return m.group(0) if m else None


class Browser:
    """Follows the pages like a person without JavaScript: GET, fill the one form, POST, follow the redirect."""

    def __init__(self, milo):
        self.milo = milo
        self.url = ""
        self.html = ""
        self.status = 0
        # Its own cookie jar, one per "person"; unsafe=True keeps cookies for an IP host like 127.0.0.1.
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.http.close()

    async def open(self, path: str) -> str:
        async with self.http.get(self.milo.base_url + path) as resp:
            self.status, self.html, self.url = resp.status, await resp.text(), resp.url.path
        return self.html

    async def submit(self, **values: str) -> str:
        forms = forms_of(self.html)
        assert len(forms) == 1, f"expected one form on {self.url}: {self.html[:500]}"
        data = {**forms[0].fields, **values}
        async with self.http.post(self.milo.base_url + forms[0].action, data=data) as resp:
            self.status, self.html, self.url = resp.status, await resp.text(), resp.url.path
        return self.html


async def posted_card(milo, *, index: int = 0) -> Interview:
    """The interview once its card's channel and ts are remembered (right after chat.postMessage)."""

    async def ready():
        rows = await interviews(milo)
        return rows[index] if len(rows) > index and rows[index].card_ts else None

    return await milo.wait_until(ready, timeout=10)
