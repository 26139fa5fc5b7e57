"""Forms pushed over the candidate list: the filter form (filters, sort, columns) and a saved view's
name. Pure builders; every input's block id is `cl_<ListQuery field>` (ids.CandidateListBlock)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    StaticMultiSelectElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.candidate_list import encode_state, state_of
from milobot.blocks.text import display_plain
from milobot.ids import CandidateListBlock as B
from milobot.ids import CandidateListView, Input
from milobot.services.candidate_query import (
    COLUMNS,
    DATE_FIELDS,
    DECISIONS,
    MAX_TEXT,
    RATED,
    SORTS,
    SOURCES,
    STATUSES,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from milobot.services.candidate_list import CandidateListPage

MAX_TAG_OPTIONS = 90  # a select holds 100 options; the fixed sources take 5


def _options(choices: dict[str, str]) -> list[Option]:
    return [Option(value=k, text=v) for k, v in choices.items()]


def _chosen(options: list[Option], values: Iterable[str]) -> list[Option] | None:
    picked = [o for o in options if o.value in set(values)]
    return picked or None


def _multi(
    block_id: str, label: str, options: list[Option], values: Iterable[str], placeholder: str
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=label,
        optional=True,
        element=StaticMultiSelectElement(
            action_id=Input.VALUE,
            placeholder=placeholder,
            options=options,
            initial_options=_chosen(options, values),
        ),
    )


def _single(block_id: str, label: str, options: list[Option], value: str) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=label,
        optional=True,
        element=StaticSelectElement(
            action_id=Input.VALUE,
            placeholder=label,
            options=options,
            initial_option=next((o for o in options if o.value == value), None),
        ),
    )


def _score(block_id: str, label: str, value: float | None) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=label,
        optional=True,
        element=NumberInputElement(
            action_id=Input.VALUE,
            is_decimal_allowed=True,
            min_value=0,
            max_value=100,
            initial_value=None if value is None else f"{value:g}",
        ),
    )


def _day(block_id: str, label: str, value: date | None) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=label,
        optional=True,
        element=DatePickerElement(
            action_id=Input.VALUE, initial_date=value.isoformat() if value else None, placeholder="Any day"
        ),
    )


def filter_form(page: CandidateListPage) -> dict[str, Any]:
    """`page`: the list as it stands (its query fills the form; its source_tags list the share tags)."""
    q = page.query
    sources = _options(SOURCES) + [
        Option(value=f"tag:{tag}", text=display_plain(f"Share link: {tag}", 75))
        for tag in page.source_tags[:MAX_TAG_OPTIONS]
    ]
    # A chosen tag no candidate carries any more still shows, so applying the form doesn't drop it.
    sources += [
        Option(value=s, text=display_plain(f"Share link: {s[4:]}", 75))
        for s in q.sources
        if s not in {o.value for o in sources}
    ]
    columns = _options(COLUMNS)
    blocks: list[Block] = [
        _multi(B.STATUSES, "Status", _options(STATUSES), q.statuses, "Any status"),
        _multi(B.DECISIONS, "Decision", _options(DECISIONS), q.decisions, "Any decision"),
        _score(B.SCORE_MIN, "Score from", q.score_min),
        _score(B.SCORE_MAX, "Score to", q.score_max),
        _single(B.DATE_FIELD, "Date range applies to", _options(DATE_FIELDS), q.date_field),
        _day(B.DATE_FROM, "From", q.date_from),
        _day(B.DATE_TO, "To (inclusive)", q.date_to),
        _multi(B.SOURCES, "Source", sources, q.sources, "Any source"),
        _single(B.RATED, "My ratings", _options(RATED), q.rated),
        InputBlock(
            block_id=B.TEXT,
            label="Name or e-mail contains",
            optional=True,
            element=PlainTextInputElement(
                action_id=Input.VALUE, max_length=MAX_TEXT, initial_value=q.text or None
            ),
        ),
        _single(B.SORT, "Sort by", _options(SORTS), q.sort),
        InputBlock(
            block_id=B.COLUMNS,
            label="Columns",
            optional=True,
            element=CheckboxesElement(
                action_id=Input.VALUE, options=columns, initial_options=_chosen(columns, q.columns)
            ),
        ),
    ]
    return SlackView(
        type="modal",
        callback_id=CandidateListView.FILTERS,
        title="Filter candidates",
        submit="Apply",
        close="Back",
        private_metadata=encode_state(state_of(page)),
        blocks=blocks,
    ).to_dict()


def view_name_form(state: metadata.CandidateListState, *, current_name: str | None = None) -> dict[str, Any]:
    """Name the current filters as a saved view (`state.form` "save"), or rename the saved view in use
    ("rename", with its `current_name`)."""
    rename = state.form == "rename"
    return SlackView(
        type="modal",
        callback_id=CandidateListView.VIEW_NAME,
        title="Rename view" if rename else "Save view",
        submit="Save",
        close="Back",
        private_metadata=encode_state(state),
        blocks=[
            InputBlock(
                block_id=B.VIEW_NAME,
                label="Name",
                hint="Only you see your saved views. The list opens with the one you used last.",
                element=PlainTextInputElement(
                    action_id=Input.VALUE,
                    max_length=60,
                    initial_value=current_name if rename else None,
                    placeholder="Top scorers, not rated",
                ),
            )
        ],
    ).to_dict()
