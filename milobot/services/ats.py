"""ATS connections (`/milo ats`, admins): connect Greenhouse or Lever (the key is tested before it is
saved, then stored encrypted and never shown again), map agents to jobs or postings, disconnect.
One connection per workspace: a team keeps one system of record."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.ats.client import AtsClient, AtsError, Job
from milobot.ats.clients import KINDS, AtsClients
from milobot.db.models import Agent, AtsAgentLink, AtsConnection
from milobot.errors import Invalid, NotFound
from milobot.services import audit
from milobot.services.base import Service, ServiceDeps
from milobot.services.context import Identity, require_admin
from milobot.services.secrets import Unreadable, seal, unseal


@dataclass(frozen=True)
class LinkView:
    agent_id: int
    agent_name: str
    job_id: str
    job_name: str | None
    stage_name: str | None


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name: str


@dataclass(frozen=True)
class AtsStatus:
    connected: bool
    kind: str = ""
    status: str = ""
    status_reason: str | None = None
    acting_user: str = ""
    sync_decisions: bool = False
    inbound_url: str = ""
    links: tuple[LinkView, ...] = ()


@dataclass(frozen=True)
class Connected:
    kind: str
    account: str
    inbound_url: str
    generated_secret: str | None  # shown once: Greenhouse asks the admin to type a secret into its form


@dataclass(frozen=True)
class MapForm:
    kind: str
    agents: list[AgentChoice]
    jobs: list[Job]


def inbound_url(public_url: str, conn: AtsConnection) -> str:
    return f"{public_url}/ats/{conn.kind}/{conn.public_id}"


class AtsService(Service):
    def __init__(self, deps: ServiceDeps, clients: AtsClients):
        super().__init__(deps)
        self.clients = clients

    async def _connection(self, session: AsyncSession, workspace_id: int) -> AtsConnection | None:
        return await session.scalar(select(AtsConnection).where(AtsConnection.workspace_id == workspace_id))

    async def status(self, *, identity: Identity) -> AtsStatus:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            conn = await self._connection(session, actor.workspace_id)
            if conn is None:
                return AtsStatus(connected=False)
            rows = (
                await session.execute(
                    select(AtsAgentLink, Agent.name)
                    .join(Agent, Agent.id == AtsAgentLink.agent_id)
                    .where(AtsAgentLink.connection_id == conn.id)
                    .order_by(Agent.name)
                )
            ).all()
            return AtsStatus(
                True,
                conn.kind,
                conn.status,
                conn.status_reason,
                str((conn.settings or {}).get("acting_user") or ""),
                bool((conn.settings or {}).get("sync_decisions")),
                inbound_url(self.deps.public_url, conn),
                tuple(
                    LinkView(lk.agent_id, name, lk.job_id, lk.job_name, lk.stage_name) for lk, name in rows
                ),
            )

    async def check_admin(self, *, identity: Identity) -> None:
        async with self.acting(identity) as (_, actor):
            require_admin(actor)

    async def connect(
        self,
        *,
        identity: Identity,
        kind: str,
        api_key: str | None,
        acting_user: str | None,
        inbound_secret: str | None = None,
        sync_decisions: bool = False,
    ) -> Connected:
        if kind not in KINDS:
            raise Invalid("Connect Greenhouse or Lever.")
        api_key, acting_user = (api_key or "").strip(), (acting_user or "").strip()
        if not api_key or len(api_key) > 300:
            raise Invalid("Paste the API key.", field="api_key")
        if not acting_user or len(acting_user) > 64 or any(c.isspace() for c in acting_user):
            raise Invalid("Give the user ID that milobot's writes act as.", field="acting_user")
        await self.check_admin(identity=identity)  # before the key goes anywhere
        try:
            account = await self.clients.client(kind, api_key=api_key, acting_user=acting_user).test()
        except AtsError as exc:
            raise Invalid(
                f"{KINDS[kind]} refused the connection: {exc.message}. Nothing was saved.", field="api_key"
            ) from None
        given = (inbound_secret or "").strip()
        generated = None
        if not given and kind == "greenhouse":
            given = generated = secrets.token_urlsafe(24)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            conn = await self._connection(session, actor.workspace_id)
            if conn is None or conn.kind != kind:
                if conn is not None:  # switching vendors: the old mappings name the other ATS's jobs
                    await session.delete(conn)
                    await session.flush()
                conn = AtsConnection(
                    workspace_id=actor.workspace_id,
                    kind=kind,
                    public_id=secrets.token_urlsafe(18),
                    created_by=actor.user_id,
                )
                session.add(conn)
            conn.api_key = seal(self.deps.secret_key, api_key)
            if given:
                conn.inbound_secret = seal(self.deps.secret_key, given)
            conn.enabled, conn.status, conn.status_reason = True, "ok", None
            conn.settings = {"acting_user": acting_user, "sync_decisions": bool(sync_decisions)}
            await session.flush()
            audit.record(
                session, actor, "ats.connect", target_type="ats_connection", target_id=conn.id, kind=kind
            )
            return Connected(kind, account, inbound_url(self.deps.public_url, conn), generated)

    async def disconnect(self, *, identity: Identity) -> None:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            conn = await self._connection(session, actor.workspace_id)
            if conn is None:
                raise NotFound("No ATS is connected.")
            audit.record(session, actor, "ats.disconnect", target_type="ats_connection", target_id=conn.id)
            await session.delete(conn)

    async def _client(self, identity: Identity) -> tuple[str, AtsClient, list[AgentChoice]]:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            conn = await self._connection(session, actor.workspace_id)
            if conn is None:
                raise NotFound("Connect an ATS first: `/milo ats`.")
            try:
                key = unseal(self.deps.secret_key, conn.api_key or "")
            except Unreadable:
                raise Invalid(
                    "The stored key can't be read any more (MILOBOT_SECRET_KEY changed); reconnect."
                ) from None
            agents = (
                await session.execute(
                    select(Agent.id, Agent.name)
                    .where(Agent.workspace_id == actor.workspace_id, Agent.status == "active")
                    .order_by(Agent.name)
                )
            ).all()
            client = self.clients.client(
                conn.kind, api_key=key, acting_user=(conn.settings or {}).get("acting_user", "")
            )
            return conn.kind, client, [AgentChoice(i, n) for i, n in agents]

    async def map_form(self, *, identity: Identity) -> MapForm:
        kind, client, agents = await self._client(identity)
        try:
            jobs = await client.jobs()
        except AtsError as exc:
            raise Invalid(f"Couldn't list the {KINDS[kind]} jobs: {exc.message}") from None
        if not agents:
            raise Invalid("Create an agent first (`/milo agent new`), then map it.")
        return MapForm(kind, agents, jobs)

    async def map_agent(
        self, *, identity: Identity, agent_id: int, job_id: str, stage_name: str | None
    ) -> LinkView:
        kind, client, _ = await self._client(identity)
        stage_name = " ".join((stage_name or "").split()) or None
        try:
            job = next((j for j in await client.jobs() if j.id == job_id), None)
            if job is None:
                raise Invalid(f"That job isn't open in {KINDS[kind]} any more.", field="job")
            stage_id = None
            if stage_name:
                stages = await client.stages(job.id)
                stage = next((s for s in stages if s.name.casefold() == stage_name.casefold()), None)
                if stage is None:
                    names = ", ".join(s.name for s in stages[:15]) or "none"
                    raise Invalid(
                        f"No stage called “{stage_name}” on that job. Its stages: {names}.", field="stage"
                    )
                stage_id, stage_name = stage.id, stage.name
        except AtsError as exc:
            raise Invalid(f"{KINDS[kind]} said no: {exc.message}") from None
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            conn = await self._connection(session, actor.workspace_id)
            agent = await session.scalar(
                select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
            )
            if conn is None or agent is None:
                raise NotFound("That agent or connection doesn't exist here.")
            link = await session.scalar(select(AtsAgentLink).where(AtsAgentLink.agent_id == agent.id))
            if link is None:
                link = AtsAgentLink(
                    workspace_id=actor.workspace_id,
                    agent_id=agent.id,
                    connection_id=conn.id,
                    created_by=actor.user_id,
                )
                session.add(link)
            link.connection_id, link.job_id, link.job_name = conn.id, job.id, job.name[:300]
            link.stage_name, link.stage_id = stage_name, stage_id
            audit.record(
                session,
                actor,
                "ats.map",
                target_type="agent",
                target_id=agent.id,
                job_id=job.id,
                stage=stage_name,
            )
            return LinkView(agent.id, agent.name, job.id, job.name, stage_name)
