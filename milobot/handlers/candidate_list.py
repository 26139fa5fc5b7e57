"""The candidate list in Slack: `/milo candidates <agent>`, the Candidates buttons (agent card, App
Home), and everything inside the list modal: sort, filters, paging, saved views, Export CSV.

Inside the modal every answer is the modal itself (views.update with the view's hash): a refusal or an
unknown value shows as a notice above the list, or beside the input on a form, never as an exception.
A row's Shortlist and Dismiss use the decisions service and show the list again; the View and Nudge all
not completed buttons belong to the profile and nudge handlers (handlers/profile.py, nudges.py)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from milobot.blocks import candidate_filters as forms
from milobot.blocks import candidate_list as blocks
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import CandidateList, CandidateListBlock, CandidateListView, Sub
from milobot.metadata import AgentRef, CandidateListState, CandidateRef, decode
from milobot.services.candidate_list import CandidateListPage
from milobot.services.candidate_query import ListQuery, build_query
from milobot.services.context import Identity

log = logging.getLogger(__name__)

OUTSIDE = "That button works inside a candidate list; open one with `/milo candidates <agent>`."
# What a modal action does: given who, the list's state and its query, the new page and a notice.
Work = Callable[[Identity, CandidateListState, ListQuery], Awaitable[tuple[CandidateListPage, str | None]]]


@subcommand(Sub.CANDIDATES)
async def candidates_command(ctx: CommandContext) -> None:
    query = " ".join(ctx.text.args)
    found = await ctx.container.agents.match(identity=ctx.identity, query=query, include_archived=True)
    if found.agent is None:
        text, choice = blocks.agent_choice(found.choices, query=query, how=found.how)
        await ctx.reply(text, choice)
        return
    page = await ctx.container.candidate_list.open(identity=ctx.identity, agent_id=found.agent.id)
    await ctx.client.views_open(trigger_id=ctx.trigger_id, view=blocks.list_view(page))


def _state(raw: str | None) -> tuple[CandidateListState, ListQuery]:
    state = decode(CandidateListState, raw)
    if state.form not in ("", "save", "rename"):
        raise Invalid("That form came back garbled; open the list again.")
    return state, ListQuery.from_config(state.query)


def _list_metadata(body: dict[str, Any]) -> str | None:
    view = body.get("view") or {}
    if not view.get("id"):
        raise Invalid(OUTSIDE)
    return view.get("private_metadata")


def _view_id(raw: str | None) -> int | None:
    if raw == blocks.DEFAULT_VIEW:
        return None
    if raw is None or not raw.isdigit() or len(raw) > 12:
        raise Invalid("That saved view came back garbled; pick it again.")
    return int(raw)


async def _update(client, view: dict[str, Any], new_view: dict, *, use_hash: bool = True) -> None:
    try:
        await client.views_update(
            view_id=view["id"], hash=view.get("hash") if use_hash else None, view=new_view
        )
    except SlackApiError as exc:
        # A newer click already replaced this view: what it shows is newer than this answer.
        if exc.response is None or exc.response.get("error") != "hash_conflict":
            raise
        log.info("candidate list update skipped: the view changed meanwhile")


def register(app: AsyncApp, container: Container) -> None:
    service = container.candidate_list

    async def refusal(identity: Identity, state: CandidateListState | None, error: MilobotError) -> dict:
        """The list as it was, with the refusal above it; or the refusal alone when there is no list to
        show (an agent of another workspace, a garbled state). Reading only: it changes nothing."""
        notice = f":warning: {display(error.message, 500)}"
        if state is not None:
            query = ListQuery.from_config(state.query, lenient=True)
            for view_id in dict.fromkeys((state.view_id, None)):  # without the saved view if it's the trouble
                try:
                    page = await service.show(
                        identity=identity,
                        agent_id=state.agent_id,
                        query=query,
                        page=state.page,
                        view_id=view_id,
                    )
                    return blocks.list_view(page, notice=notice)
                except MilobotError:
                    continue
        return blocks.message_view(notice)

    async def in_modal(body: dict[str, Any], client, work: Work) -> None:
        view = body.get("view") or {}
        identity = identity_of(body)
        if not view.get("id"):  # a crafted click from outside any modal: nothing to show it in
            raise Invalid(OUTSIDE)
        state = None
        try:
            state, query = _state(view.get("private_metadata"))
            page, notice = await work(identity, state, query)
            new_view = blocks.list_view(page, notice=notice)
        except MilobotError as error:
            new_view = await refusal(identity, state, error)
        await _update(client, view, new_view)

    async def open_list(body: dict[str, Any], client, agent_id: int) -> None:
        page = await service.open(identity=identity_of(body), agent_id=agent_id)
        await client.views_open(trigger_id=body["trigger_id"], view=blocks.list_view(page))

    # ------------------------------------------------------------ opening the list

    @app.action(CandidateList.OPEN)
    @guarded
    async def on_open(ack, body, client) -> None:
        await ack()
        await open_list(body, client, decode(AgentRef, action_value(body)).agent_id)

    @app.action(CandidateList.PICK_AGENT)
    @guarded
    async def on_pick_agent(ack, body, client) -> None:
        await ack()
        await open_list(body, client, decode(AgentRef, action_value(body)).agent_id)

    # ------------------------------------------------------------ inside the list

    async def shown(
        identity: Identity, state: CandidateListState, query: ListQuery, page: int, notice: str | None = None
    ) -> tuple[CandidateListPage, str | None]:
        result = await service.show(
            identity=identity, agent_id=state.agent_id, query=query, page=page, view_id=state.view_id
        )
        return result, notice

    @app.action(CandidateList.PREVIOUS)
    @guarded
    async def on_previous(ack, body, client) -> None:
        await ack()
        await in_modal(body, client, lambda who, state, query: shown(who, state, query, state.page - 1))

    @app.action(CandidateList.NEXT)
    @guarded
    async def on_next(ack, body, client) -> None:
        await ack()
        await in_modal(body, client, lambda who, state, query: shown(who, state, query, state.page + 1))

    @app.action(CandidateList.SORT)
    @guarded
    async def on_sort(ack, body, client) -> None:
        await ack()

        async def work(who, state, query):
            try:
                resorted = ListQuery.from_config({**query.to_config(), "sort": action_value(body)})
            except Invalid as error:  # an unknown sort: the list stays as it was, and says so
                return await shown(who, state, query, state.page, f":warning: {error.message}")
            return await shown(who, state, resorted, 0)

        await in_modal(body, client, work)

    @app.action(CandidateList.CLEAR)
    @guarded
    async def on_clear(ack, body, client) -> None:
        await ack()
        await in_modal(body, client, lambda who, state, query: shown(who, state, query.cleared(), 0))

    @app.action(CandidateList.FILTERS)
    @guarded
    async def on_filters(ack, body, client) -> None:
        await ack()
        state, query = _state(_list_metadata(body))
        page = await service.show(
            identity=identity_of(body),
            agent_id=state.agent_id,
            query=query,
            page=state.page,
            view_id=state.view_id,
            with_tags=True,
        )
        await client.views_push(trigger_id=body["trigger_id"], view=forms.filter_form(page))

    @app.action(CandidateList.EXPORT)
    @guarded
    async def on_export(ack, body, client) -> None:
        await ack()

        async def work(identity, state, query):
            queued = await service.export(identity=identity, agent_id=state.agent_id, query=query)
            noun = "candidate" if queued.count == 1 else "candidates"
            notice = (
                f":inbox_tray: A CSV of the {queued.count:,} {noun} in this view is on its way to your DM."
            )
            return await shown(identity, state, query, state.page, notice)

        await in_modal(body, client, work)

    # ------------------------------------------------------------ decisions from a row (admins)

    async def decide(body, client, decision: str) -> None:
        async def work(identity, state, query):
            ref = decode(CandidateRef, action_value(body))
            result = await container.review.decisions.decide(
                identity=identity, candidate_id=ref.candidate_id, decision=decision
            )
            done = "Shortlisted" if result.decision == "shortlisted" else "Dismissed"
            notice = f":white_check_mark: {done} *{display(result.candidate_name, 150)}*."
            if decision == "dismiss":
                notice += " Add a reason, or undo it, from their profile."
            return await shown(identity, state, query, state.page, notice)

        await in_modal(body, client, work)

    @app.action(CandidateList.SHORTLIST)
    @guarded
    async def on_shortlist(ack, body, client) -> None:
        await ack()
        await decide(body, client, "shortlist")

    @app.action(CandidateList.DISMISS)
    @guarded
    async def on_dismiss(ack, body, client) -> None:
        await ack()
        await decide(body, client, "dismiss")

    # ------------------------------------------------------------ saved views

    @app.action(CandidateList.PICK_VIEW)
    @guarded
    async def on_pick_view(ack, body, client) -> None:
        await ack()

        async def work(identity, state, query):
            chosen = _view_id(action_value(body))
            return await service.pick_view(identity=identity, agent_id=state.agent_id, view_id=chosen), None

        await in_modal(body, client, work)

    @app.action(CandidateList.UPDATE_VIEW)
    @guarded
    async def on_update_view(ack, body, client) -> None:
        await ack()

        async def work(identity, state, query):
            if state.view_id is None:
                raise Invalid("Pick a saved view first.")
            page = await service.update_view(
                identity=identity,
                agent_id=state.agent_id,
                view_id=state.view_id,
                query=query,
                page=state.page,
            )
            return page, f":floppy_disk: Saved these filters to “{display(page.view.name, 60)}”."

        await in_modal(body, client, work)

    @app.action(CandidateList.DELETE_VIEW)
    @guarded
    async def on_delete_view(ack, body, client) -> None:
        await ack()

        async def work(identity, state, query):
            if state.view_id is None:
                raise Invalid("Pick a saved view first.")
            page = await service.delete_view(
                identity=identity, agent_id=state.agent_id, view_id=state.view_id
            )
            return page, ":wastebasket: Deleted the saved view; this is the default view."

        await in_modal(body, client, work)

    @app.action(CandidateList.SAVE_VIEW)
    @guarded
    async def on_save_view(ack, body, client) -> None:
        await ack()
        state, _ = _state(_list_metadata(body))
        form = CandidateListState(state.agent_id, state.page, state.view_id, state.query, "save")
        await client.views_push(trigger_id=body["trigger_id"], view=forms.view_name_form(form))

    @app.action(CandidateList.RENAME_VIEW)
    @guarded
    async def on_rename_view(ack, body, client) -> None:
        await ack()
        state, query = _state(_list_metadata(body))
        if state.view_id is None:
            raise Invalid("Pick a saved view first.")
        page = await service.show(
            identity=identity_of(body), agent_id=state.agent_id, query=query, view_id=state.view_id
        )
        form = CandidateListState(state.agent_id, state.page, state.view_id, state.query, "rename")
        await client.views_push(
            trigger_id=body["trigger_id"],
            view=forms.view_name_form(form, current_name=page.view.name if page.view else None),
        )

    # ------------------------------------------------------------ the forms pushed over the list

    def root_of(body: dict[str, Any]) -> dict[str, Any]:
        """The list under a pushed form (Slack's root_view_id; the form's own id if Slack gave none)."""
        view = body.get("view") or {}
        return {"id": view.get("root_view_id") or view.get("previous_view_id") or view.get("id")}

    @app.view(CandidateListView.FILTERS)
    @guarded
    async def on_filters_applied(ack, body, client) -> None:
        identity = identity_of(body)
        values = view_state(body)
        try:
            state, _ = _state(body["view"].get("private_metadata"))
            query = build_query(
                **{
                    field: input_value(values, block)
                    for field, block in (
                        ("statuses", CandidateListBlock.STATUSES),
                        ("decisions", CandidateListBlock.DECISIONS),
                        ("score_min", CandidateListBlock.SCORE_MIN),
                        ("score_max", CandidateListBlock.SCORE_MAX),
                        ("date_field", CandidateListBlock.DATE_FIELD),
                        ("date_from", CandidateListBlock.DATE_FROM),
                        ("date_to", CandidateListBlock.DATE_TO),
                        ("sources", CandidateListBlock.SOURCES),
                        ("rated", CandidateListBlock.RATED),
                        ("text", CandidateListBlock.TEXT),
                        ("sort", CandidateListBlock.SORT),
                        ("columns", CandidateListBlock.COLUMNS),
                    )
                }
            )
        except MilobotError as error:
            block = f"cl_{getattr(error, 'field', None) or 'text'}"
            if block not in set(CandidateListBlock):
                block = CandidateListBlock.TEXT
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        await ack()  # the form closes; the list under it shows the result
        try:
            page = await service.show(
                identity=identity, agent_id=state.agent_id, query=query, page=0, view_id=state.view_id
            )
            new_view = blocks.list_view(page)
        except MilobotError as error:
            new_view = await refusal(identity, state, error)
        await _update(client, root_of(body), new_view, use_hash=False)

    @app.view(CandidateListView.VIEW_NAME)
    @guarded
    async def on_view_named(ack, body, client) -> None:
        # Saved before ack, so a taken or empty name is answered on the form itself.
        identity = identity_of(body)
        name = input_value(view_state(body), CandidateListBlock.VIEW_NAME)
        try:
            state, query = _state(body["view"].get("private_metadata"))
            if state.form == "rename":
                if state.view_id is None:
                    raise Invalid("Pick a saved view first.", field="name")
                page = await service.rename_view(
                    identity=identity,
                    agent_id=state.agent_id,
                    view_id=state.view_id,
                    name=name,
                    query=query,
                    page=state.page,
                )
                notice = f":pencil2: Renamed the view to “{display(page.view.name, 60)}”."
            else:
                page = await service.save_view(
                    identity=identity, agent_id=state.agent_id, name=name, query=query
                )
                notice = (
                    f":floppy_disk: Saved “{display(page.view.name, 60)}”. The list opens with it next time."
                )
        except MilobotError as error:
            await ack(response_action="errors", errors={CandidateListBlock.VIEW_NAME: error.message[:150]})
            return
        await ack()
        await _update(client, root_of(body), blocks.list_view(page, notice=notice), use_hash=False)
