"""Interview agents (SPEC steps 1 and 9): create, list, edit questions as new versions, duplicate,
templates, archive, and sharing through the outbox. Viewers may list and share; only admins change."""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.blocks.text import display
from milobot.db.models import Agent, AgentVersion, Candidate, Template
from milobot.errors import Invalid, NotFound
from milobot.services import audit, home_refresh, outbox
from milobot.services.base import Service
from milobot.services.candidates import ARCHIVED as ARCHIVED_NO_CANDIDATES
from milobot.services.context import Actor, Identity, require_admin, require_member
from milobot.services.sharing import check_tag, interview_link

MAX_QUESTIONS = 20  # the Edit Questions modal holds 4 inputs per question within Slack's 100 blocks
MAX_NAME = 200
MAX_QUESTION_TEXT = 1000
# The Edit Questions modal's fields (blocks/forms.py): a stored anchor must fit the field it reopens in.
MAX_ANCHOR_1 = 500
MAX_ANCHOR_5 = 1000
DEFAULT_ANCHOR_1 = "Vague or off-topic; no example."
SHARE = "slack.share"  # outbox kind delivered by milobot.slack.share
CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{6,20}")  # a public or private channel: never a DM


def default_anchor_5(text: str) -> str:
    """The question after a lead-in, shortened (with an ellipsis) so a long question's default still
    fits the anchor's field when Edit Questions reopens it."""
    anchor = (
        f"A specific, relevant example with concrete actions and results that fully answers: {text.strip()}"
    )
    return anchor if len(anchor) <= MAX_ANCHOR_5 else anchor[: MAX_ANCHOR_5 - 1].rstrip() + "…"


@dataclass(frozen=True)
class QuestionInput:
    text: str
    anchor_1: str | None = None
    anchor_5: str | None = None
    weight: float | None = None


@dataclass(frozen=True)
class AgentCard:
    id: int
    name: str
    role_title: str | None
    location: str | None
    status: str
    channel_id: str | None
    link: str
    version: int
    question_count: int
    candidates: int = 0
    completed: int = 0

    def to_data(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TemplateChoice:
    id: int
    name: str
    question_count: int


@dataclass(frozen=True)
class AgentQuestions:
    agent: AgentCard
    questions: list[dict[str, Any]]


@dataclass(frozen=True)
class AgentMatch:
    """An agent named in a command: one agent when the name is clear, else the choices to pick from.

    `how` says why: "exact" (the name, ignoring case and spacing), "prefix" (the only name starting so),
    "several" (more than one exact name or prefix: choose), "suggest" (nothing starts so: these come
    close), "all" (no name given: every agent), "none" (no agents at all, or none close)."""

    agent: AgentCard | None
    choices: list[AgentCard]
    how: str = ""


def _words(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def resolve_agent(cards: list[AgentCard], query: str | None) -> AgentMatch:
    """The resolution rule itself, on a list of agents (pure, so every command resolves alike)."""
    wanted = _words(query)
    if not cards:
        return AgentMatch(None, [], "none")
    if not wanted:
        return AgentMatch(None, cards, "all")
    exact = [c for c in cards if _words(c.name) == wanted]
    if len(exact) == 1:
        return AgentMatch(exact[0], exact, "exact")
    if exact:  # two agents share the name: only the person can tell them apart
        return AgentMatch(None, exact, "several")
    prefixed = [c for c in cards if _words(c.name).startswith(wanted)]
    if len(prefixed) == 1:
        return AgentMatch(prefixed[0], prefixed, "prefix")
    if prefixed:
        return AgentMatch(None, prefixed, "several")
    # Suggestions only: a word of the name starting so first, then close spellings.
    by_word = [c for c in cards if any(w.startswith(wanted) for w in _words(c.name).split())]
    scored = process.extract(wanted, {c.id: _words(c.name) for c in cards}, scorer=fuzz.WRatio, limit=10)
    by_id = {c.id: c for c in cards}
    close = [by_id[key] for _, score, key in scored if score >= 60]
    suggestions = by_word + [c for c in close if c not in by_word]
    return AgentMatch(None, suggestions[:10], "suggest" if suggestions else "none")


def normalise_questions(items: list[QuestionInput]) -> list[dict[str, Any]]:
    """Blank text drops a question; missing anchors and weights get defaults; bounds are checked."""
    out: list[dict[str, Any]] = []
    for item in items:
        text = (item.text or "").strip()
        if not text:
            continue
        if len(text) > MAX_QUESTION_TEXT:
            raise Invalid(f"A question is at most {MAX_QUESTION_TEXT} characters.", field="questions")
        anchor_1, anchor_5 = (item.anchor_1 or "").strip(), (item.anchor_5 or "").strip()
        if len(anchor_1) > MAX_ANCHOR_1 or len(anchor_5) > MAX_ANCHOR_5:
            raise Invalid(
                f"A rubric anchor is at most {MAX_ANCHOR_1} characters for a 1 and {MAX_ANCHOR_5} for a 5.",
                field="anchor",
            )
        weight = 1.0 if item.weight is None else float(item.weight)
        if not 0 <= weight <= 10:
            raise Invalid("A weight is between 0 and 10.", field="weight")
        out.append(
            {
                "text": text,
                "anchor_1": anchor_1 or DEFAULT_ANCHOR_1,
                "anchor_5": anchor_5 or default_anchor_5(text),
                "weight": weight,
            }
        )
    if not out:
        raise Invalid("Add at least one question.", field="questions")
    if len(out) > MAX_QUESTIONS:
        raise Invalid(
            f"An agent has at most {MAX_QUESTIONS} questions; you gave {len(out)}.", field="questions"
        )
    if sum(q["weight"] for q in out) <= 0:
        raise Invalid("At least one question needs a weight above 0.", field="weight")
    return out


def questions_from_lines(text: str | None) -> list[QuestionInput]:
    return [QuestionInput(text=line) for line in (text or "").splitlines() if line.strip()]


def _check_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise Invalid("Give the agent a name.", field="name")
    if len(name) > MAX_NAME:
        raise Invalid(f"A name is at most {MAX_NAME} characters.", field="name")
    return name


def _clip(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:MAX_NAME] or None


class AgentService(Service):
    # ---------------------------------------------------------------- reading

    async def _agent(self, session: AsyncSession, actor: Actor, agent_id: int) -> Agent:
        # Scoped by workspace: a crafted button naming another workspace's agent finds nothing.
        agent = await session.scalar(
            select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
        )
        if agent is None:
            raise NotFound("That interview agent doesn't exist here (it may have been deleted).")
        return agent

    async def _version(self, session: AsyncSession, agent: Agent) -> AgentVersion | None:
        return await session.scalar(
            select(AgentVersion).where(
                AgentVersion.agent_id == agent.id,
                AgentVersion.workspace_id == agent.workspace_id,
                AgentVersion.version == agent.current_version,
            )
        )

    async def _cards(self, session: AsyncSession, actor: Actor, agents: list[Agent]) -> list[AgentCard]:
        ids = [a.id for a in agents]
        counts: dict[int, tuple[int, int]] = {}
        questions: dict[int, int] = {}
        if ids:
            rows = await session.execute(
                select(
                    Candidate.agent_id,
                    func.count(),
                    func.sum(case((Candidate.status == "completed", 1), else_=0)),
                )
                .where(Candidate.workspace_id == actor.workspace_id, Candidate.agent_id.in_(ids))
                .group_by(Candidate.agent_id)
            )
            counts = {agent_id: (n, int(done or 0)) for agent_id, n, done in rows.all()}
            versions = await session.execute(
                select(AgentVersion.agent_id, AgentVersion.version, AgentVersion.questions).where(
                    AgentVersion.workspace_id == actor.workspace_id, AgentVersion.agent_id.in_(ids)
                )
            )
            current = {a.id: a.current_version for a in agents}
            questions = {aid: len(qs or []) for aid, v, qs in versions.all() if current.get(aid) == v}
        return [
            self._card(a, *counts.get(a.id, (0, 0)), question_count=questions.get(a.id, 0)) for a in agents
        ]

    def _card(
        self, agent: Agent, candidates: int = 0, completed: int = 0, *, question_count: int = 0
    ) -> AgentCard:
        return AgentCard(
            id=agent.id,
            name=agent.name,
            role_title=agent.role_title,
            location=agent.location,
            status=agent.status,
            channel_id=agent.channel_id,
            link=interview_link(self.deps.public_url, agent.share_token),
            version=agent.current_version,
            question_count=question_count,
            candidates=candidates,
            completed=completed,
        )

    async def list_agents(self, *, identity: Identity) -> list[AgentCard]:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agents = (
                await session.scalars(
                    select(Agent)
                    .where(Agent.workspace_id == actor.workspace_id)
                    .order_by(Agent.status, Agent.created_at.desc(), Agent.id.desc())
                )
            ).all()
            return await self._cards(session, actor, list(agents))

    async def card_for_adding_candidates(self, *, identity: Identity, agent_id: int) -> AgentCard:
        """The card the Add Candidates modal opens for. An archived agent is refused at the click (an
        old card still has the button), not after the admin has typed the list into the modal."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            if agent.status == "archived":
                raise Invalid(ARCHIVED_NO_CANDIDATES)
            return (await self._cards(session, actor, [agent]))[0]

    async def match(
        self, *, identity: Identity, query: str | None, include_archived: bool = False
    ) -> AgentMatch:
        """Resolve an agent named in a command, never by guessing: an exact name (case-insensitive) wins;
        else the one name that starts with the words; several of either → a choice; nothing → fuzzy
        suggestions to choose from, never picked on their own. Archived agents are left out unless asked
        for (sharing needs a live link; the candidate list doesn't)."""
        cards = await self.list_agents(identity=identity)
        if not include_archived:
            cards = [c for c in cards if c.status != "archived"]
        return resolve_agent(cards, query)

    async def templates(self, *, identity: Identity) -> list[TemplateChoice]:
        """What the new-agent modal offers; only admins get that far."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            rows = (
                await session.scalars(
                    select(Template)
                    .where(Template.workspace_id == actor.workspace_id)
                    .order_by(Template.name)
                    .limit(100)
                )
            ).all()
            return [TemplateChoice(t.id, t.name, len(t.questions or [])) for t in rows]

    async def questions(self, *, identity: Identity, agent_id: int) -> AgentQuestions:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            version = await self._version(session, agent)
            card = (await self._cards(session, actor, [agent]))[0]
            return AgentQuestions(card, list(version.questions if version else []))

    # ---------------------------------------------------------------- changing

    async def _new_agent(
        self,
        session: AsyncSession,
        actor: Actor,
        *,
        name: str,
        role_title: str | None,
        location: str | None,
        channel_id: str | None,
        questions: list[dict[str, Any]],
        template_id: int | None = None,
    ) -> Agent:
        agent = Agent(
            workspace_id=actor.workspace_id,
            name=name,
            role_title=role_title,
            location=location,
            channel_id=channel_id,
            status="active",
            share_token=secrets.token_urlsafe(16),
            current_version=1,
            template_id=template_id,
            created_by=actor.user_id,
        )
        session.add(agent)
        await session.flush()
        await home_refresh.refresh_team_homes(session, workspace_id=actor.workspace_id)
        session.add(
            AgentVersion(
                workspace_id=actor.workspace_id,
                agent_id=agent.id,
                version=1,
                questions=questions,
                created_by=actor.user_id,
            )
        )
        return agent

    def _confirm(self, session: AsyncSession, actor: Actor, card: AgentCard, headline: str) -> None:
        outbox.enqueue(
            session,
            workspace_id=actor.workspace_id,
            kind=outbox.SLACK_DM,
            payload={
                "user": actor.user_id,
                "template": "agent.card",
                "data": {"headline": headline, "card": card.to_data()},
            },
        )

    async def create(
        self,
        *,
        identity: Identity,
        name: str | None,
        role_title: str | None = None,
        location: str | None = None,
        questions_text: str | None = None,
        template_id: int | None = None,
        channel_id: str | None = None,
    ) -> AgentCard:
        name = _check_name(name)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            template = None
            if template_id is not None:
                template = await session.scalar(
                    select(Template).where(
                        Template.id == template_id, Template.workspace_id == actor.workspace_id
                    )
                )
                if template is None:
                    raise Invalid("That template doesn't exist here any more.", field="template")
            typed = questions_from_lines(questions_text)
            if typed:
                questions = normalise_questions(typed)
            elif template is not None:
                questions = normalise_questions([QuestionInput(**q) for q in template.questions or []])
            else:
                raise Invalid(
                    "Add at least one question (one per line), or start from a template.", field="questions"
                )
            agent = await self._new_agent(
                session,
                actor,
                name=name,
                role_title=_clip(role_title) or (template.role_title if template else None),
                location=_clip(location),
                channel_id=channel_id,
                questions=questions,
                template_id=template.id if template else None,
            )
            audit.record(
                session,
                actor,
                "agent.create",
                target_type="agent",
                target_id=agent.id,
                name=name,
                template_id=agent.template_id,
            )
            card = self._card(agent, question_count=len(questions))
            self._confirm(session, actor, card, f"Created the interview agent *{display(name, 200)}*.")
            return card

    async def edit_questions(
        self, *, identity: Identity, agent_id: int, questions: list[QuestionInput]
    ) -> AgentCard:
        """A new version; interviews already taken keep the version they were scored against."""
        normalised = normalise_questions(questions)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            latest = await session.scalar(
                select(func.max(AgentVersion.version)).where(AgentVersion.agent_id == agent.id)
            )
            agent.current_version = (latest or 0) + 1
            session.add(
                AgentVersion(
                    workspace_id=actor.workspace_id,
                    agent_id=agent.id,
                    version=agent.current_version,
                    questions=normalised,
                    created_by=actor.user_id,
                )
            )
            audit.record(
                session,
                actor,
                "agent.edit_questions",
                target_type="agent",
                target_id=agent.id,
                version=agent.current_version,
                questions=len(normalised),
            )
            await session.flush()
            return (await self._cards(session, actor, [agent]))[0]

    async def duplicate(self, *, identity: Identity, agent_id: int) -> AgentCard:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            source = await self._agent(session, actor, agent_id)
            version = await self._version(session, source)
            questions = list(version.questions if version else [])
            copy = await self._new_agent(
                session,
                actor,
                name=_check_name(f"{source.name[: MAX_NAME - 7]} (copy)"),
                role_title=source.role_title,
                location=source.location,
                channel_id=source.channel_id,
                questions=questions,
                template_id=source.template_id,
            )
            audit.record(
                session, actor, "agent.duplicate", target_type="agent", target_id=copy.id, source_id=source.id
            )
            return self._card(copy, question_count=len(questions))

    async def create_template(self, *, identity: Identity, agent_id: int) -> TemplateChoice:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            version = await self._version(session, agent)
            template = Template(
                workspace_id=actor.workspace_id,
                name=agent.name,
                role_title=agent.role_title,
                questions=list(version.questions if version else []),
                created_by=actor.user_id,
            )
            session.add(template)
            await session.flush()
            audit.record(
                session,
                actor,
                "template.create",
                target_type="template",
                target_id=template.id,
                agent_id=agent.id,
            )
            return TemplateChoice(template.id, template.name, len(template.questions))

    async def set_archived(self, *, identity: Identity, agent_id: int, archived: bool) -> AgentCard:
        """Archived: the link takes no new interviews; every candidate and result is kept."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            status = "archived" if archived else "active"
            if agent.status != status:
                agent.status = status
                agent.archived_at = self.now() if archived else None
                await home_refresh.refresh_team_homes(session, workspace_id=actor.workspace_id)
                audit.record(
                    session,
                    actor,
                    "agent.archive" if archived else "agent.unarchive",
                    target_type="agent",
                    target_id=agent.id,
                )
            return (await self._cards(session, actor, [agent]))[0]

    async def channel_form(self, *, identity: Identity, agent_id: int | None) -> AgentCard | None:
        """The agent whose notices channel an admin is about to change: checked before milobot asks
        Slack anything about the new channel (or joins it), so a viewer's attempt does nothing. With no
        agent yet (the command is still resolving the name), only the role is checked."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            if agent_id is None:
                return None
            agent = await self._agent(session, actor, agent_id)
            return (await self._cards(session, actor, [agent]))[0]

    async def set_channel(self, *, identity: Identity, agent_id: int, channel_id: str) -> AgentCard:
        """Where the agent's candidate cards and notices (ATS sync, webhook failures) go from now on.
        The caller has checked with Slack that milobot can post there; cards already posted stay put."""
        if not CHANNEL_ID.fullmatch(channel_id or ""):
            raise Invalid("That isn't a channel. Pick one from the list, or name it like #hiring.")
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            if agent.channel_id != channel_id:
                previous, agent.channel_id = agent.channel_id, channel_id
                audit.record(
                    session,
                    actor,
                    "agent.channel",
                    target_type="agent",
                    target_id=agent.id,
                    previous=previous,
                    channel=channel_id,
                )
            return (await self._cards(session, actor, [agent]))[0]

    async def share(
        self, *, identity: Identity, agent_id: int, channel_id: str, tag: str | None = None
    ) -> AgentCard:
        """Queue the link, QR PNG and poster PDF for the conversation. Admins only (SPEC: admins share
        links): a shared link lets anyone in the world start interviews on the team's scoring budget,
        so where it is advertised is the hiring owners' call. Viewers still see the link on the card."""
        tag = check_tag(tag)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            if agent.status == "archived":
                raise Invalid(
                    "That agent is archived, so its link takes no new interviews. Unarchive it first."
                )
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=SHARE,
                payload={"channel": channel_id, "agent_id": agent.id, "tag": tag, "user": actor.user_id},
            )
            audit.record(
                session,
                actor,
                "agent.share",
                target_type="agent",
                target_id=agent.id,
                tag=tag,
                channel=channel_id,
            )
            card = self._card(agent)
            return AgentCard(
                **{**card.to_data(), "link": interview_link(self.deps.public_url, agent.share_token, tag)}
            )
