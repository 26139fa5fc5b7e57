"""The candidate list modal: one section per candidate with a View button, the saved-view and sort
controls, the filter summary, paging, Export CSV and Nudge all not completed. Pure builders: a
`CandidateListPage` in, a view out."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    InteractiveElement,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.text import display, display_plain
from milobot.ids import CandidateAction, CandidateList, CandidateListBlock, CandidateListView
from milobot.services.candidate_query import (
    DATE_FIELDS,
    DECISIONS,
    RATED,
    SORTS,
    SOURCES,
    STATUSES,
    ListQuery,
)

if TYPE_CHECKING:
    from milobot.services.agents import AgentCard
    from milobot.services.candidate_list import CandidateListPage
    from milobot.services.candidate_list_repo import CandidateRow

DEFAULT_VIEW = "default"
_DECISION_BADGE = {
    "shortlisted": " · :white_check_mark: Shortlisted",
    "dismissed": " · :no_entry_sign: Dismissed",
}
_SOURCE = {"manual": "Manual", "ingest": "Import", "api": "API", "link": "Share link"}


def state_of(page: CandidateListPage, *, form: str = "") -> metadata.CandidateListState:
    return metadata.CandidateListState(
        agent_id=page.agent.id, page=page.page, view_id=page.view_id, query=page.query.to_config(), form=form
    )


def encode_state(state: metadata.CandidateListState) -> str:
    return metadata.encode(state, limit=metadata.PRIVATE_METADATA_LIMIT)


def _date(value: datetime | None, word: str) -> str:
    """Slack shows the date in each reader's own time zone; the fallback is UTC."""
    if value is None:
        return f"{word} —"
    return f"<!date^{int(value.timestamp())}^{word} {{date_short}}|{word} {value:%b %d, %Y}>"


def rating_text(row: CandidateRow) -> str:
    """Blind until you rate: before the viewer rates (or a decision), only how many ratings exist."""
    n = row.rating_count
    if n == 0:
        return "No ratings"
    if not row.ratings_visible:
        return f"{n} rating{'s' if n != 1 else ''}: rate to see {'them' if n != 1 else 'it'}"
    return f"★ {row.rating_avg:.1f} ({n} rating{'s' if n != 1 else ''})"


def source_text(row: CandidateRow) -> str:
    name = _SOURCE.get(row.source, display(row.source, 20))
    if row.source == "link" and row.source_tag:
        return f"{name} · {display(row.source_tag, 64)}"
    return name


def _column(row: CandidateRow, column: str) -> str | None:
    if column == "score":
        return "Score —" if row.score is None else f"Score *{row.score:.0f}*"
    if column == "status":
        return STATUSES.get(row.status, display(row.status, 20))
    if column == "rating":
        return rating_text(row)
    if column == "source":
        return source_text(row)
    if column == "added":
        return _date(row.created_at, "Added")
    if column == "completed":
        return _date(row.completed_at, "Completed") if row.completed_at else None
    value = {"email": row.email, "phone": row.phone, "location": row.location, "title": row.title}[column]
    return display(value, 120) if value else None


def row_block(row: CandidateRow, columns: tuple[str, ...]) -> SectionBlock:
    head = f"*{display(row.name, 150)}*{_DECISION_BADGE.get(row.decision, '')}"
    parts = [p for p in (_column(row, c) for c in columns) if p]
    text = head + ("\n" + " · ".join(parts) if parts else "")
    return SectionBlock(
        block_id=f"cl_row:{row.id}",
        text=MarkdownTextObject(text=text[:2900]),
        accessory=ButtonElement(
            text="View",
            action_id=CandidateAction.PROFILE,
            value=metadata.encode(metadata.CandidateRef(candidate_id=row.id)),
        ),
    )


def decision_block(row: CandidateRow) -> ActionsBlock:
    """Admins decide from the list too (the reason for a dismissal, and Undo, are in the profile)."""
    ref = metadata.encode(metadata.CandidateRef(candidate_id=row.id))
    buttons: list[InteractiveElement] = []
    if row.decision != "shortlisted":
        buttons.append(
            ButtonElement(text="Shortlist", action_id=CandidateList.SHORTLIST, value=ref, style="primary")
        )
    if row.decision != "dismissed":
        buttons.append(
            ButtonElement(
                text="Dismiss",
                action_id=CandidateList.DISMISS,
                value=ref,
                confirm=ConfirmObject(
                    title="Dismiss this candidate?",
                    # plain_text: a confirm's text given as a string is mrkdwn, and the name is a stranger's
                    text=PlainTextObject(
                        text=f"{display_plain(row.name, 100)} will be marked as not moving forward. "
                        "Add a reason, or undo it, from their profile."
                    ),
                    confirm="Dismiss",
                    deny="Cancel",
                ),
            )
        )
    return ActionsBlock(block_id=f"cl_row_actions:{row.id}", elements=buttons)


def filter_summary(query: ListQuery, tags_shown: bool = True) -> str:
    parts = []
    if query.statuses:
        parts.append(" or ".join(STATUSES[s] for s in query.statuses))
    if query.decisions:
        parts.append(" or ".join(DECISIONS[d] for d in query.decisions))
    if query.score_min is not None or query.score_max is not None:
        low = "0" if query.score_min is None else f"{query.score_min:g}"
        high = "100" if query.score_max is None else f"{query.score_max:g}"
        parts.append(f"score {low}–{high}")
    if query.date_from or query.date_to:
        span = f"{query.date_from or '…'} to {query.date_to or '…'}"
        parts.append(f"{DATE_FIELDS[query.date_field].lower()} {span}")
    if query.sources:
        names = [SOURCES.get(s) or f"share link: {display(s[4:], 64)}" for s in query.sources]
        parts.append("from " + " or ".join(names))
    if query.rated != "any":
        parts.append(RATED[query.rated].lower())
    if query.text:
        parts.append(f"matching “{display(query.text, 100)}”")
    filters = "Filters: " + " · ".join(parts) if parts else "No filters"
    return f"{filters} · Sorted by {SORTS[query.sort].lower()}"


def _views_block(page: CandidateListPage) -> ActionsBlock:
    options = [Option(value=DEFAULT_VIEW, text="All candidates (default view)")]
    options += [Option(value=str(v.id), text=display_plain(v.name, 75)) for v in page.views]
    current = next((o for o in options if o.value == str(page.view_id)), options[0])
    elements: list[InteractiveElement] = [
        StaticSelectElement(
            action_id=CandidateList.PICK_VIEW,
            placeholder="Saved views",
            options=options,
            initial_option=current,
        ),
        ButtonElement(text="Save view…", action_id=CandidateList.SAVE_VIEW, value="save"),
    ]
    view = page.view
    if view is not None:
        if page.view_changed:
            elements.append(
                ButtonElement(text="Update view", action_id=CandidateList.UPDATE_VIEW, value=str(view.id))
            )
        elements.append(
            ButtonElement(text="Rename…", action_id=CandidateList.RENAME_VIEW, value=str(view.id))
        )
        elements.append(
            ButtonElement(
                text="Delete view",
                action_id=CandidateList.DELETE_VIEW,
                value=str(view.id),
                style="danger",
                confirm=ConfirmObject(
                    title="Delete this view?",
                    text=PlainTextObject(
                        text=f"The saved view “{display_plain(view.name, 60)}” goes; no candidate changes."
                    ),
                    confirm="Delete",
                    deny="Keep it",
                ),
            )
        )
    return ActionsBlock(block_id=CandidateListBlock.VIEWS, elements=elements)


def _controls_block(page: CandidateListPage) -> ActionsBlock:
    sort_options = [Option(value=k, text=v) for k, v in SORTS.items()]
    elements: list[InteractiveElement] = [
        StaticSelectElement(
            action_id=CandidateList.SORT,
            placeholder="Sort",
            options=sort_options,
            initial_option=next(o for o in sort_options if o.value == page.query.sort),
        ),
        ButtonElement(text="Filters…", action_id=CandidateList.FILTERS, value="filters"),
    ]
    if page.query.has_filters:
        elements.append(ButtonElement(text="Clear filters", action_id=CandidateList.CLEAR, value="clear"))
    if page.viewer_is_admin:
        elements.append(ButtonElement(text="Export CSV", action_id=CandidateList.EXPORT, value="export"))
        elements.append(
            ButtonElement(
                text="Nudge all not completed",
                action_id=CandidateAction.NUDGE_ALL,
                value=metadata.encode(metadata.AgentRef(agent_id=page.agent.id)),
            )
        )
    return ActionsBlock(block_id=CandidateListBlock.CONTROLS, elements=elements)


def _headline(page: CandidateListPage) -> str:
    name = f"*{display(page.agent.name, 200)}*" + (" · _archived_" if page.agent.status == "archived" else "")
    if page.total == 0:
        return f"{name}\nNo candidates {'match these filters' if page.query.has_filters else 'yet'}."
    noun = "candidate" if page.total == 1 else "candidates"
    return f"{name}\n*{page.first}–{page.last}* of *{page.total:,}* {noun}"


def _empty_hint(page: CandidateListPage) -> str:
    if page.query.has_filters:
        return "Nobody matches. Loosen the filters, or *Clear filters*."
    return (
        "No one has been added to this agent yet: use *Add Candidates* on its card, share its link "
        "(`/milo share`), or DM me résumés and candidate lists."
    )


def list_view(page: CandidateListPage, *, notice: str | None = None) -> dict[str, Any]:
    """The list modal for one page (views.open / views.update)."""
    blocks: list[Block] = [
        SectionBlock(block_id=CandidateListBlock.HEADER, text=MarkdownTextObject(text=_headline(page))),
        _views_block(page),
        _controls_block(page),
        ContextBlock(elements=[MarkdownTextObject(text=filter_summary(page.query))]),
    ]
    if notice:
        blocks.append(
            SectionBlock(block_id=CandidateListBlock.NOTICE, text=MarkdownTextObject(text=notice[:2900]))
        )
    blocks.append(DividerBlock())
    if not page.rows:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=_empty_hint(page))))
    for row in page.rows:
        blocks.append(row_block(row, page.query.columns))
        if page.viewer_is_admin:
            blocks.append(decision_block(row))
    if page.pages > 1:
        nav: list[InteractiveElement] = []
        if page.has_previous:
            nav.append(
                ButtonElement(text="Previous", action_id=CandidateList.PREVIOUS, value=str(page.page - 1))
            )
        if page.has_next:
            nav.append(ButtonElement(text="Next", action_id=CandidateList.NEXT, value=str(page.page + 1)))
        blocks.append(DividerBlock())
        blocks.append(ActionsBlock(block_id=CandidateListBlock.PAGING, elements=nav))
        blocks.append(
            ContextBlock(elements=[MarkdownTextObject(text=f"Page {page.page + 1} of {page.pages:,}")])
        )
    return SlackView(
        type="modal",
        callback_id=CandidateListView.LIST,
        title="Candidates",
        close="Done",
        private_metadata=encode_state(state_of(page)),
        blocks=blocks,
    ).to_dict()


def message_view(text: str, *, title: str = "Candidates") -> dict[str, Any]:
    """A modal that only says something (a refusal when there is no list to show)."""
    return SlackView(
        type="modal",
        title=display_plain(title, 24),
        close="Close",
        blocks=[SectionBlock(text=MarkdownTextObject(text=text[:2900]))],
    ).to_dict()


def agent_choice(choices: list[AgentCard], *, query: str, how: str) -> tuple[str, list[dict[str, Any]]]:
    """`/milo candidates <name>` when the name doesn't pick one agent: a select; choosing opens the list."""
    if not choices:
        text = (
            f"No interview agent is called “{display(query, 100)}”, and none comes close. `/milo agents` lists them."
            if query
            else "There are no interview agents yet. An admin can create one with `/milo agent new`."
        )
        return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
    if how == "several":
        lead = f"Several agents match “{display(query, 100)}”. Which one's candidates?"
    elif how == "suggest":
        lead = f"No agent is called “{display(query, 100)}”. Did you mean one of these?"
    else:
        lead = "Which agent's candidates?"
    options = [
        Option(
            value=metadata.encode(metadata.AgentRef(agent_id=c.id), limit=150),
            text=display_plain(" · ".join(x for x in (c.name, c.role_title) if x), 75),
        )
        for c in choices[:100]
    ]
    block = SectionBlock(
        text=MarkdownTextObject(text=lead),
        accessory=StaticSelectElement(
            action_id=CandidateList.PICK_AGENT, placeholder="Choose an agent", options=options
        ),
    )
    return "Which agent's candidates?", [block.to_dict()]
