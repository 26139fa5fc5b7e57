"""Interview agents in Slack: `/milo agent new`, `/milo agents`, `/milo share`, the agent card's Share,
Add Candidates and Actions menu, their modals, and the Home tab's New agent / Agents buttons."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot import metadata
from milobot.blocks import agent as agent_blocks
from milobot.blocks import forms
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, container_channel, identity_of, input_value, view_state
from milobot.ids import Action, AgentAction, AgentMenu, Block, Sub, View
from milobot.services.agents import QuestionInput
from milobot.services.context import Identity
from milobot.services.sharing import check_tag, looks_like_tag

SHARE_USAGE = (
    'Usage: `/milo share <agent name> [src-tag]`, e.g. `/milo share "Backend Engineer" lobby-poster`.'
)


async def _reply(respond, text: str, blocks: list[dict] | None = None, *, replace: bool = False) -> None:
    await respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=replace)


async def _open_new_agent(
    container: Container, client, identity: Identity, trigger_id: str, channel_id: str | None
):
    templates = await container.agents.templates(identity=identity)  # admins only: refused here otherwise
    view = forms.new_agent_modal(templates=templates, context=metadata.ModalContext(channel_id=channel_id))
    await client.views_open(trigger_id=trigger_id, view=view)


# ---------------------------------------------------------------- /milo agent, agents, share


@subcommand(Sub.AGENT)
async def agent_command(ctx: CommandContext) -> None:
    verb = ctx.text.args[0].lower() if ctx.text.args else "new"
    if verb == "channel":
        from milobot.handlers.agent_channel import channel_command

        await channel_command(ctx, ctx.text.args[1:])
        return
    if verb != "new":
        raise Invalid(
            "Usage: `/milo agent new` opens the form; `/milo agent channel <agent> #channel` changes "
            "where an agent's notices go; `/milo agents` lists them."
        )
    await _open_new_agent(ctx.container, ctx.client, ctx.identity, ctx.trigger_id, ctx.channel_id)


@subcommand(Sub.AGENTS)
async def agents_command(ctx: CommandContext) -> None:
    cards = await ctx.container.agents.list_agents(identity=ctx.identity)
    role = await ctx.container.team.role_of(identity=ctx.identity)
    text, blocks = agent_blocks.agents_message(cards, viewer_is_admin=role == "admin")
    await ctx.reply(text, blocks)


async def _split_share_args(ctx: CommandContext) -> tuple[str, str | None]:
    """`<name> [tag]`: the last word is a source tag when the whole doesn't name an agent and the words
    before it do: exactly, for a plain word (`backend lobby`; in `product designer`, "designer" is part
    of a name that doesn't exist, not a tag for "Product Manager"); by name or prefix for a word no name
    would hold (`prod lobby-2`). Such a word is a tag too when nothing matches, so `bad$tag` gets a
    clear refusal. Never by fuzzy scores: that once shared a different agent from the one named."""
    args = ctx.text.args
    whole = " ".join(args)
    if len(args) < 2:
        return whole, None
    last, head = args[-1], " ".join(args[:-1])
    tag_shaped = bool(re.search(r"[^A-Za-z]", last))
    if not (tag_shaped or looks_like_tag(last)):
        return whole, None
    service = ctx.container.agents
    named = {"exact", "prefix", "several"}
    whole_match = await service.match(identity=ctx.identity, query=whole, include_archived=True)
    if whole_match.how in ("exact", "prefix"):
        return whole, None
    head_match = await service.match(identity=ctx.identity, query=head, include_archived=True)
    if head_match.how == "exact" or (tag_shaped and head_match.how in named):
        return head, last
    if whole_match.how in named or not tag_shaped:
        return whole, None
    return head, last


@subcommand(Sub.SHARE)
async def share_command(ctx: CommandContext) -> None:
    query, tag = await _split_share_args(ctx)
    tag = check_tag(tag)
    # Archived agents resolve too, so "/milo share <archived name>" says it is archived (the service
    # refuses it) rather than offering some other agent; they are never offered as a choice, and when
    # that leaves one, it is offered (not shared unasked: the name may have meant the archived one).
    found = await ctx.container.agents.match(identity=ctx.identity, query=query, include_archived=True)
    if found.agent is None:
        choices = [c for c in found.choices if c.status != "archived"]
        archived = [c for c in found.choices if c.status == "archived"] if found.how == "several" else []
        text, blocks = agent_blocks.share_picker(
            choices, tag=tag, query=query or None, how=found.how, archived=archived
        )
        await ctx.reply(text, blocks)
        return
    card = await ctx.container.agents.share(
        identity=ctx.identity, agent_id=found.agent.id, channel_id=ctx.channel_id, tag=tag
    )
    await ctx.reply(agent_blocks.share_ack(card))


# ---------------------------------------------------------------- the card's Actions menu

MenuHandler = Callable[[Container, dict[str, Any], Any, Any, Identity, int], Awaitable[None]]
# Other features (Manage Webhooks) add their entries here rather than editing this module's router.
MENU_HANDLERS: dict[str, MenuHandler] = {}


def menu(choice: str):
    def decorate(fn: MenuHandler) -> MenuHandler:
        MENU_HANDLERS[choice] = fn
        return fn

    return decorate


async def _show_card(respond, body: dict[str, Any], card, headline: str) -> None:
    """Replace the card in place when the message holds it (a list of many, or one); else post it."""
    replaced = agent_blocks.replace_card((body.get("message") or {}).get("blocks") or [], card)
    if replaced is not None:
        await respond(
            text=f"{display(card.name, 150)}: {card.status}", blocks=replaced, replace_original=True
        )
        await _reply(respond, headline)
    else:
        text, blocks = agent_blocks.card_message(card, headline=headline)
        await _reply(respond, text, blocks)


@menu(AgentMenu.EDIT_QUESTIONS)
async def _edit_questions(container, body, client, respond, identity, agent_id) -> None:
    current = await container.agents.questions(identity=identity, agent_id=agent_id)
    context = metadata.ModalContext(channel_id=container_channel(body), agent_id=agent_id)
    view = forms.edit_questions_modal(agent=current.agent, questions=current.questions, context=context)
    await client.views_open(trigger_id=body["trigger_id"], view=view)


@menu(AgentMenu.DUPLICATE)
async def _duplicate(container, body, client, respond, identity, agent_id) -> None:
    card = await container.agents.duplicate(identity=identity, agent_id=agent_id)
    text, blocks = agent_blocks.card_message(
        card, headline=f":busts_in_silhouette: Duplicated as *{display(card.name, 200)}*, with its own link."
    )
    await _reply(respond, text, blocks)


@menu(AgentMenu.CREATE_TEMPLATE)
async def _template(container, body, client, respond, identity, agent_id) -> None:
    template = await container.agents.create_template(identity=identity, agent_id=agent_id)
    await _reply(
        respond,
        f":card_index: Saved the template *{display(template.name, 200)}* ({template.question_count} questions). "
        "Pick it under “Start from template” in `/milo agent new`.",
    )


@menu(AgentMenu.ARCHIVE)
async def _archive(container, body, client, respond, identity, agent_id) -> None:
    card = await container.agents.set_archived(identity=identity, agent_id=agent_id, archived=True)
    await _show_card(
        respond,
        body,
        card,
        f":file_cabinet: Archived *{display(card.name, 200)}*: its link takes no new interviews; all data is kept.",
    )


@menu(AgentMenu.UNARCHIVE)
async def _unarchive(container, body, client, respond, identity, agent_id) -> None:
    card = await container.agents.set_archived(identity=identity, agent_id=agent_id, archived=False)
    await _show_card(
        respond,
        body,
        card,
        f":large_green_circle: *{display(card.name, 200)}* is active again; its link takes interviews.",
    )


# ---------------------------------------------------------------- modal submissions


def _first_error(error: MilobotError, fields: dict[str | None, str], default_block: str) -> dict[str, str]:
    block = fields.get(getattr(error, "field", None), default_block)
    return {block: error.message[:300]}


def _weight(raw: Any, block_id: str) -> float | None:
    if raw in (None, ""):
        return None
    try:
        return float(raw)
    except (TypeError, ValueError):
        raise Invalid("A weight is a number from 0 to 10.", field=block_id) from None


def _edited_questions(state: dict[str, dict[str, Any]]) -> list[QuestionInput]:
    slots = sorted(
        {int(m.group(1)) for key in state if (m := re.fullmatch(rf"{Block.QUESTION_TEXT}:(\d{{1,4}})", key))}
    )
    out = []
    for i in slots:
        weight_block = forms.question_block_id(Block.QUESTION_WEIGHT, i)
        weight = _weight(input_value(state, weight_block), weight_block)
        if weight is not None and not 0 <= weight <= 10:
            raise Invalid("A weight is between 0 and 10.", field=weight_block)
        out.append(
            QuestionInput(
                text=input_value(state, forms.question_block_id(Block.QUESTION_TEXT, i)) or "",
                anchor_1=input_value(state, forms.question_block_id(Block.QUESTION_ANCHOR_1, i)),
                anchor_5=input_value(state, forms.question_block_id(Block.QUESTION_ANCHOR_5, i)),
                weight=weight,
            )
        )
    return out


def register(app: AsyncApp, container: Container) -> None:
    service = container.agents

    @app.action(Action.AGENT_SHARE)
    @guarded
    async def on_share(ack, body, respond) -> None:
        await ack()
        ref = metadata.decode(metadata.AgentRef, action_value(body))
        card = await service.share(
            identity=identity_of(body), agent_id=ref.agent_id, channel_id=container_channel(body)
        )
        await _reply(respond, agent_blocks.share_ack(card))

    @app.action(Action.AGENT_PICK_FOR_SHARE)
    @guarded
    async def on_pick_for_share(ack, body, respond) -> None:
        await ack()
        ref = metadata.decode(metadata.ShareRef, action_value(body))
        card = await service.share(
            identity=identity_of(body), agent_id=ref.agent_id, channel_id=container_channel(body), tag=ref.tag
        )
        await _reply(respond, agent_blocks.share_ack(card), replace=True)

    @app.action(Action.AGENT_ACTIONS)
    @guarded
    async def on_menu(ack, body, client, respond) -> None:
        await ack()
        choice = metadata.decode(metadata.AgentMenuChoice, action_value(body))
        handler = MENU_HANDLERS.get(choice.action)
        if handler is None:
            raise Invalid("That action isn't available.")
        await handler(container, body, client, respond, identity_of(body), choice.agent_id)

    @app.action(Action.AGENT_ADD_CANDIDATES)
    @guarded
    async def on_add_candidates(ack, body, client) -> None:
        await ack()
        ref = metadata.decode(metadata.AgentRef, action_value(body))
        card = await service.card_for_adding_candidates(identity=identity_of(body), agent_id=ref.agent_id)
        context = metadata.ModalContext(channel_id=container_channel(body), agent_id=card.id)
        await client.views_open(
            trigger_id=body["trigger_id"], view=forms.add_candidates_modal(agent=card, context=context)
        )

    @app.action(re.compile(rf"^{re.escape(AgentAction.AGENTS_PAGE)}:(prev|next)$"))
    @guarded
    async def on_page(ack, body, respond) -> None:
        await ack()
        page = metadata.decode(metadata.AgentsPage, action_value(body)).page
        identity = identity_of(body)
        cards = await service.list_agents(identity=identity)
        text, blocks = agent_blocks.agents_message(
            cards, page=page, viewer_is_admin=await container.team.role_of(identity=identity) == "admin"
        )
        await _reply(respond, text, blocks, replace=True)

    @app.action(Action.HOME_NEW_AGENT)
    @guarded
    async def on_home_new_agent(ack, body, client) -> None:
        await ack()
        await _open_new_agent(container, client, identity_of(body), body["trigger_id"], None)

    @app.action(Action.HOME_LIST_AGENTS)
    @guarded
    async def on_home_list(ack, body, client) -> None:
        await ack()
        identity = identity_of(body)
        cards = await service.list_agents(identity=identity)
        text, blocks = agent_blocks.agents_message(
            cards, viewer_is_admin=await container.team.role_of(identity=identity) == "admin"
        )
        opened = await client.conversations_open(users=identity.user_id)
        await client.chat_postMessage(channel=opened["channel"]["id"], text=text, blocks=blocks)

    @app.view(View.AGENT_NEW)
    @guarded
    async def on_new_agent(ack, body) -> None:
        state = view_state(body)
        template = input_value(state, Block.AGENT_TEMPLATE)
        try:
            await service.create(
                identity=identity_of(body),
                name=input_value(state, Block.AGENT_NAME),
                role_title=input_value(state, Block.AGENT_ROLE),
                location=input_value(state, Block.AGENT_LOCATION),
                questions_text=input_value(state, Block.AGENT_QUESTIONS),
                template_id=metadata.parse_id(template),
                # Only the channel chosen in the form: none chosen means no channel posts yet.
                channel_id=input_value(state, Block.AGENT_CHANNEL),
            )
        except MilobotError as error:
            fields = {
                "name": Block.AGENT_NAME,
                "questions": Block.AGENT_QUESTIONS,
                "template": Block.AGENT_TEMPLATE if Block.AGENT_TEMPLATE in state else Block.AGENT_QUESTIONS,
            }
            await ack(response_action="errors", errors=_first_error(error, fields, Block.AGENT_NAME))
            return
        await ack()  # closes the modal; the confirmation card arrives by DM through the outbox

    @app.view(View.AGENT_EDIT_QUESTIONS)
    @guarded
    async def on_edit_questions(ack, body) -> None:
        context = metadata.decode(metadata.ModalContext, body["view"].get("private_metadata"))
        first = forms.question_block_id(Block.QUESTION_TEXT, 0)
        try:
            if context.agent_id is None:
                raise Invalid("That form lost track of its agent; open Edit Questions again.")
            questions = _edited_questions(view_state(body))
            card = await service.edit_questions(
                identity=identity_of(body), agent_id=context.agent_id, questions=questions
            )
        except MilobotError as error:
            field = getattr(error, "field", None)
            block = field if field and ":" in field else first
            await ack(response_action="errors", errors={block: error.message[:300]})
            return
        text = (
            f":white_check_mark: Saved version {card.version} of *{display(card.name, 200)}* with {card.question_count} questions. "
            "Interviews already taken keep the questions they were asked."
        )
        await ack(
            response_action="update",
            view=forms.result_modal(title="Questions saved", blocks=forms.notice_blocks(text)),
        )

    @app.view(View.ADD_CANDIDATES)
    @guarded
    async def on_add_candidates_submit(ack, body) -> None:
        context = metadata.decode(metadata.ModalContext, body["view"].get("private_metadata"))
        try:
            if context.agent_id is None:
                raise Invalid("That form lost track of its agent; open Add Candidates again.")
            result = await container.candidates.add_manual(
                identity=identity_of(body),
                agent_id=context.agent_id,
                text=input_value(view_state(body), Block.CANDIDATES_TEXT),
            )
        except MilobotError as error:
            await ack(response_action="errors", errors={Block.CANDIDATES_TEXT: error.message[:300]})
            return
        _, blocks = agent_blocks.added_summary(result)
        await ack(response_action="update", view=forms.result_modal(title="Candidates added", blocks=blocks))
