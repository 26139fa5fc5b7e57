"""The candidate list (SPEC step 5): every candidate of an agent, whatever their source and state,
filtered, sorted and paged; saved views per person and agent; Export CSV (admins) through the outbox.

Members see the list; only admins export. Every call is scoped to the caller's workspace: an agent or
saved view id from anywhere else is "not found", and changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, CandidateListPref, SavedView, Workspace
from milobot.errors import Invalid, NotFound
from milobot.services import audit, outbox
from milobot.services import candidate_list_pages as list_pages
from milobot.services import candidate_list_repo as repo
from milobot.services.base import Service, ServiceDeps
from milobot.services.candidate_list_repo import CandidateRow, Scope
from milobot.services.candidate_query import ListQuery
from milobot.services.context import Actor, Identity, require_admin, require_member

PAGE_SIZE = 30  # 30 rows of one section each, plus controls, stay well inside a modal's 100 blocks
MAX_VIEWS = 25  # per person per agent
MAX_VIEW_NAME = 60
EXPORT = "slack.candidates_csv"  # outbox kind delivered by milobot.slack.candidate_export
EXPORT_CHUNK = 1000


@dataclass(frozen=True)
class ListAgent:
    id: int
    name: str
    status: str


@dataclass(frozen=True)
class SavedViewChoice:
    id: int
    name: str
    query: ListQuery


@dataclass(frozen=True)
class CandidateListPage:
    agent: ListAgent
    query: ListQuery
    page: int
    total: int
    rows: list[CandidateRow]
    views: list[SavedViewChoice]
    view_id: int | None  # the saved view this list started from, if any
    viewer_is_admin: bool
    page_size: int = PAGE_SIZE
    source_tags: list[str] = field(default_factory=list)  # loaded for the filter form only

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def first(self) -> int:
        return self.page * self.page_size + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.page * self.page_size + len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.page > 0

    @property
    def has_next(self) -> bool:
        return self.page + 1 < self.pages

    @property
    def view(self) -> SavedViewChoice | None:
        return next((v for v in self.views if v.id == self.view_id), None)

    @property
    def view_changed(self) -> bool:
        view = self.view
        return view is not None and view.query != self.query


@dataclass(frozen=True)
class ExportQueued:
    agent_name: str
    count: int


@dataclass(frozen=True)
class ExportHeader:
    agent_name: str
    time_zone: str


def _check_name(name: str | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise Invalid("Give the view a name.", field="name")
    if len(name) > MAX_VIEW_NAME:
        raise Invalid(f"A view's name is at most {MAX_VIEW_NAME} characters.", field="name")
    return name


class CandidateListService(Service):
    # How many candidates each agent has, remembered for a minute: it only chooses how a filtered page is
    # read (and a rough figure does that), so it needn't cost a count on every click.
    EVERYONE_TTL = timedelta(seconds=60)

    def __init__(self, deps: ServiceDeps):
        super().__init__(deps)
        self._everyone_cache: dict[tuple[int, int], tuple[int, datetime]] = {}

    async def _everyone(self, session: AsyncSession, scope: Scope) -> int:
        key, now = (scope.workspace_id, scope.agent_id), self.now()
        known = self._everyone_cache.get(key)
        if known is not None and known[1] > now:
            return known[0]
        n = await repo.agent_total(session, scope)
        if len(self._everyone_cache) > 10_000:
            self._everyone_cache.clear()
        self._everyone_cache[key] = (n, now + self.EVERYONE_TTL)
        return n

    # ---------------------------------------------------------------- shared steps

    async def _agent(self, session: AsyncSession, actor: Actor, agent_id: int) -> Agent:
        agent = await session.scalar(
            select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
        )
        if agent is None:
            raise NotFound("That interview agent doesn't exist here (it may have been deleted).")
        return agent

    async def _scope(self, session: AsyncSession, actor: Actor, agent: Agent) -> Scope:
        workspace = await session.get(Workspace, actor.workspace_id)  # loaded with the actor: no query
        return Scope(
            actor.workspace_id, agent.id, actor.user_id, (workspace.time_zone if workspace else None) or "UTC"
        )

    async def _views(self, session: AsyncSession, actor: Actor, agent_id: int) -> list[SavedViewChoice]:
        found = await session.scalars(
            select(SavedView)
            .where(
                SavedView.workspace_id == actor.workspace_id,
                SavedView.slack_user_id == actor.user_id,
                SavedView.agent_id == agent_id,
            )
            .order_by(SavedView.name, SavedView.id)
            .limit(MAX_VIEWS)
        )
        return [SavedViewChoice(v.id, v.name, ListQuery.from_config(v.config, lenient=True)) for v in found]

    async def _view(self, session: AsyncSession, actor: Actor, agent_id: int, view_id: int) -> SavedView:
        view = await session.scalar(
            select(SavedView).where(
                SavedView.id == view_id,
                SavedView.workspace_id == actor.workspace_id,
                SavedView.slack_user_id == actor.user_id,
                SavedView.agent_id == agent_id,
            )
        )
        if view is None:
            raise NotFound("That saved view doesn't exist (any more) for you and this agent.")
        return view

    async def _remember(
        self, session: AsyncSession, actor: Actor, agent_id: int, view_id: int | None
    ) -> None:
        """The view this person's list of this agent opens with next time."""
        where = (
            CandidateListPref.workspace_id == actor.workspace_id,
            CandidateListPref.slack_user_id == actor.user_id,
            CandidateListPref.agent_id == agent_id,
        )
        pref = await session.scalar(select(CandidateListPref).where(*where))
        if pref is not None:
            pref.view_id = view_id
            pref.updated_at = self.now()
            return
        try:
            async with session.begin_nested():
                session.add(
                    CandidateListPref(
                        workspace_id=actor.workspace_id,
                        slack_user_id=actor.user_id,
                        agent_id=agent_id,
                        view_id=view_id,
                        updated_at=self.now(),
                    )
                )
        except IntegrityError:  # the same person's two clicks raced; the other one wrote it
            pref = await session.scalar(select(CandidateListPref).where(*where))
            if pref is not None:
                pref.view_id = view_id

    async def _page(
        self,
        session: AsyncSession,
        actor: Actor,
        agent: Agent,
        query: ListQuery,
        page: int,
        view_id: int | None,
        *,
        with_tags: bool = False,
    ) -> CandidateListPage:
        scope = await self._scope(session, actor, agent)
        # A crafted or stale page number lands on a real page.
        total, page, ids = await list_pages.list_page(
            session,
            scope,
            query,
            page=max(0, int(page)),
            size=PAGE_SIZE,
            everyone=lambda: self._everyone(session, scope),
        )
        return CandidateListPage(
            agent=ListAgent(agent.id, agent.name, agent.status),
            query=query,
            page=page,
            total=total,
            rows=await repo.rows(session, scope, ids),
            views=await self._views(session, actor, agent.id),
            view_id=view_id,
            viewer_is_admin=actor.is_admin,
            source_tags=await repo.source_tags(session, scope) if with_tags else [],
        )

    # ---------------------------------------------------------------- reading

    async def open(self, *, identity: Identity, agent_id: int) -> CandidateListPage:
        """The list as this person left it: the saved view they used last, else the default."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            view_id = await session.scalar(
                select(CandidateListPref.view_id).where(
                    CandidateListPref.workspace_id == actor.workspace_id,
                    CandidateListPref.slack_user_id == actor.user_id,
                    CandidateListPref.agent_id == agent.id,
                )
            )
            query = ListQuery()
            if view_id is not None:
                view = await session.scalar(
                    select(SavedView).where(
                        SavedView.id == view_id, SavedView.workspace_id == actor.workspace_id
                    )
                )
                if view is None:
                    view_id = None
                else:
                    query = ListQuery.from_config(view.config, lenient=True)
            return await self._page(session, actor, agent, query, 0, view_id)

    async def show(
        self,
        *,
        identity: Identity,
        agent_id: int,
        query: ListQuery,
        page: int = 0,
        view_id: int | None = None,
        with_tags: bool = False,
    ) -> CandidateListPage:
        """One page of the list under these filters (a page turn, a new sort, applied filters)."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            if view_id is not None:
                await self._view(session, actor, agent.id, view_id)
            return await self._page(session, actor, agent, query, page, view_id, with_tags=with_tags)

    # ---------------------------------------------------------------- saved views

    async def pick_view(self, *, identity: Identity, agent_id: int, view_id: int | None) -> CandidateListPage:
        """Switch to a saved view (None: the default), and open with it next time."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            query = ListQuery()
            if view_id is not None:
                view = await self._view(session, actor, agent.id, view_id)
                query = ListQuery.from_config(view.config, lenient=True)
            await self._remember(session, actor, agent.id, view_id)
            return await self._page(session, actor, agent, query, 0, view_id)

    async def save_view(
        self, *, identity: Identity, agent_id: int, name: str | None, query: ListQuery
    ) -> CandidateListPage:
        name = _check_name(name)
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            mine = SavedView.workspace_id == actor.workspace_id, SavedView.slack_user_id == actor.user_id
            existing = await session.scalar(
                select(func.count()).select_from(SavedView).where(*mine, SavedView.agent_id == agent.id)
            )
            if (existing or 0) >= MAX_VIEWS:
                raise Invalid(
                    f"You have {MAX_VIEWS} saved views for this agent; delete one first.", field="name"
                )
            await self._unique_name(session, actor, agent.id, name)
            view = SavedView(
                workspace_id=actor.workspace_id,
                slack_user_id=actor.user_id,
                agent_id=agent.id,
                name=name,
                config=query.to_config(),
            )
            session.add(view)
            await session.flush()
            await self._remember(session, actor, agent.id, view.id)
            return await self._page(session, actor, agent, query, 0, view.id)

    async def _unique_name(
        self, session: AsyncSession, actor: Actor, agent_id: int, name: str, *, other_than: int | None = None
    ) -> None:
        taken = await session.scalars(
            select(SavedView.name).where(
                SavedView.workspace_id == actor.workspace_id,
                SavedView.slack_user_id == actor.user_id,
                SavedView.agent_id == agent_id,
                SavedView.id != (other_than or 0),
            )
        )
        if name.casefold() in {n.casefold() for n in taken}:
            raise Invalid(f"You already have a view called “{name}”; pick another name.", field="name")

    async def update_view(
        self, *, identity: Identity, agent_id: int, view_id: int, query: ListQuery, page: int = 0
    ) -> CandidateListPage:
        """Save the current filters, sort and columns over a saved view."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            view = await self._view(session, actor, agent.id, view_id)
            view.config = query.to_config()
            await session.flush()
            await self._remember(session, actor, agent.id, view.id)
            return await self._page(session, actor, agent, query, page, view.id)

    async def rename_view(
        self,
        *,
        identity: Identity,
        agent_id: int,
        view_id: int,
        name: str | None,
        query: ListQuery,
        page: int = 0,
    ) -> CandidateListPage:
        name = _check_name(name)
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            view = await self._view(session, actor, agent.id, view_id)
            await self._unique_name(session, actor, agent.id, name, other_than=view.id)
            view.name = name
            await session.flush()
            return await self._page(session, actor, agent, query, page, view.id)

    async def delete_view(self, *, identity: Identity, agent_id: int, view_id: int) -> CandidateListPage:
        """Delete a saved view; the list goes back to the default view."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            agent = await self._agent(session, actor, agent_id)
            view = await self._view(session, actor, agent.id, view_id)
            await session.execute(delete(SavedView).where(SavedView.id == view.id))
            await self._remember(session, actor, agent.id, None)
            return await self._page(session, actor, agent, ListQuery(), 0, None)

    # ---------------------------------------------------------------- export

    async def export(self, *, identity: Identity, agent_id: int, query: ListQuery) -> ExportQueued:
        """Admins only: queue a CSV of the list as filtered and sorted now, for the person's DM."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            total = await repo.count(session, await self._scope(session, actor, agent), query)
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=EXPORT,
                payload={"user": actor.user_id, "agent_id": agent.id, "query": query.to_config()},
            )
            audit.record(
                session, actor, "candidates.export", target_type="agent", target_id=agent.id, rows=total
            )
            return ExportQueued(agent.name, total)

    async def export_header(self, *, workspace_id: int, agent_id: int) -> ExportHeader | None:
        """For the export deliverer (the admin check happened when it was queued)."""
        async with self.unit() as session:
            agent = await session.scalar(
                select(Agent).where(Agent.id == agent_id, Agent.workspace_id == workspace_id)
            )
            if agent is None:
                return None
            zone = await session.scalar(select(Workspace.time_zone).where(Workspace.id == workspace_id))
            return ExportHeader(agent.name, zone or "UTC")

    async def export_ids(
        self, *, workspace_id: int, agent_id: int, user_id: str, query: ListQuery, time_zone: str = "UTC"
    ) -> list[int]:
        """Every candidate of the list, in its order."""
        async with self.unit() as session:
            return await list_pages.all_ids(session, Scope(workspace_id, agent_id, user_id, time_zone), query)

    async def export_rows(
        self, *, workspace_id: int, agent_id: int, user_id: str, ids: list[int], time_zone: str = "UTC"
    ) -> AsyncIterator[list[CandidateRow]]:
        """The rows of `export_ids`, a chunk at a time, as the requester may see them (one erased since
        is simply not there)."""
        scope = Scope(workspace_id, agent_id, user_id, time_zone)
        for start in range(0, len(ids), EXPORT_CHUNK):
            async with self.unit() as session:
                yield await repo.rows(session, scope, ids[start : start + EXPORT_CHUNK])
