"""Block Kit validation as Slack's servers do it, for the fake Web API and for builder tests.

Two passes over each surface:

1. slack_sdk's own models (``Block.parse`` / ``View``) and ``to_dict()``, which raise on the limits
   slack_sdk knows about;
2. an explicit walk over the raw dicts for Slack's documented limits, including the ones slack_sdk
   leaves to the server (block counts per surface, unique block_ids / action_ids, overflow 2–5 options,
   ``submit`` required when a modal has input blocks, ...).

Limits are from docs.slack.dev/reference/block-kit (blocks, block elements, composition objects,
views). Each problem is a human-readable string starting with the JSON path, e.g.
``"blocks[3].accessory.text: button text is 80 chars, max 75"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_MESSAGE_TEXT = 40_000

MAX_BLOCK_ID = 255
MAX_ACTION_ID = 255
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_SECTION_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_ACTIONS_ELEMENTS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_INPUT_LABEL = 2000
MAX_INPUT_HINT = 2000
MAX_IMAGE_ALT_TEXT = 2000
MAX_URL = 3000
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_PLACEHOLDER = 150
MAX_SELECT_OPTIONS = 100
MAX_SELECT_OPTION_GROUPS = 100
MAX_OPTION_GROUP_LABEL = 75
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150  # the option object's limit, overflow menus included
MAX_OPTION_DESCRIPTION = 75
MIN_OVERFLOW_OPTIONS = 2
MAX_OVERFLOW_OPTIONS = 5
MAX_CHECKBOX_OPTIONS = 10
MAX_RADIO_OPTIONS = 10
MAX_TEXT_INPUT_LENGTH = 3000
MAX_CONFIRM_TITLE = 100
MAX_CONFIRM_TEXT = 300
MAX_CONFIRM_BUTTON = 30

MAX_VIEW_TITLE = 24
MAX_VIEW_SUBMIT = 24
MAX_VIEW_CLOSE = 24
MAX_PRIVATE_METADATA = 3000
MAX_CALLBACK_ID = 255
MAX_EXTERNAL_ID = 255

VIEW_TYPES = {"modal", "home", "workflow_step"}
TEXT_TYPES = {"plain_text", "mrkdwn"}
SELECT_WITH_OPTIONS = {"static_select", "multi_static_select"}


def validate_message_blocks(blocks: Any) -> list[str]:
    """Problems Slack would reject in a message's ``blocks`` (chat.postMessage / update / ephemeral)."""
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return [f"blocks: must be a JSON array, got {type(blocks).__name__}"]
    problems: list[str] = []
    if len(blocks) > MAX_MESSAGE_BLOCKS:
        problems.append(f"blocks: {len(blocks)} blocks in a message, max {MAX_MESSAGE_BLOCKS}")
    problems += _validate_blocks(blocks, "blocks", surface="message")
    return problems


def validate_message_text(text: Any) -> list[str]:
    if isinstance(text, str) and len(text) > MAX_MESSAGE_TEXT:
        return [f"text: message text is {len(text)} chars, max {MAX_MESSAGE_TEXT}"]
    return []


def validate_view(view: Any) -> list[str]:
    """Problems Slack would reject in a ``view`` (views.open / update / push / publish)."""
    if not isinstance(view, dict):
        return [f"view: must be a JSON object, got {type(view).__name__}"]
    problems: list[str] = []
    view_type = view.get("type")
    if view_type not in VIEW_TYPES:
        problems.append(f"view.type: must be one of {sorted(VIEW_TYPES)}, got {view_type!r}")
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        problems.append("view.blocks: required, must be a JSON array")
        blocks = []
    elif len(blocks) > MAX_VIEW_BLOCKS:
        problems.append(f"view.blocks: {len(blocks)} blocks in a view, max {MAX_VIEW_BLOCKS}")

    if view_type == "modal":
        title = view.get("title")
        if title is None:
            problems.append("view.title: required for a modal")
        else:
            problems += _plain_text(title, "view.title", MAX_VIEW_TITLE, "modal title")
        for key, limit in (("submit", MAX_VIEW_SUBMIT), ("close", MAX_VIEW_CLOSE)):
            if view.get(key) is not None:
                problems += _plain_text(view[key], f"view.{key}", limit, f"modal {key}")
        if view.get("submit") is None and any(
            isinstance(b, dict) and b.get("type") == "input" for b in blocks
        ):
            problems.append("view.submit: required when the modal contains input blocks")
    elif view_type == "home":
        for key in ("submit", "close"):
            if view.get(key) is not None:
                problems.append(f"view.{key}: a home tab cannot have {key}")

    problems += _max_str(view.get("private_metadata"), "view.private_metadata", MAX_PRIVATE_METADATA)
    problems += _max_str(view.get("callback_id"), "view.callback_id", MAX_CALLBACK_ID)
    problems += _max_str(view.get("external_id"), "view.external_id", MAX_EXTERNAL_ID)
    problems += _validate_blocks(blocks, "view.blocks", surface=view_type or "view")

    try:
        View(**view).to_dict()
    except Exception as exc:  # noqa: BLE001 - any slack_sdk failure is a finding to report, not to raise
        problems.append(f"view: slack_sdk rejects it: {exc}")
    return _dedupe(problems)


# ---------------------------------------------------------------- blocks


def _validate_blocks(blocks: list, path: str, *, surface: str) -> list[str]:
    problems: list[str] = []
    seen_block_ids: dict[str, int] = {}
    for i, block in enumerate(blocks):
        where = f"{path}[{i}]"
        if not isinstance(block, dict):
            problems.append(f"{where}: a block must be a JSON object")
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            problems += _max_str(block_id, f"{where}.block_id", MAX_BLOCK_ID)
            if block_id in seen_block_ids:
                problems.append(
                    f"{where}.block_id: duplicate block_id {block_id!r} (also {path}[{seen_block_ids[block_id]}])"
                )
            else:
                seen_block_ids[block_id] = i
        problems += _validate_block(block, where, surface=surface)
        problems += _slack_sdk_block(block, where)
    return _dedupe(problems)


def _validate_block(block: dict, where: str, *, surface: str) -> list[str]:
    kind = block.get("type")
    problems: list[str] = []
    if kind == "section":
        text, fields = block.get("text"), block.get("fields")
        if text is None and not fields:
            problems.append(f"{where}: a section needs text or fields")
        if text is not None:
            problems += _text(text, f"{where}.text", MAX_SECTION_TEXT, "section text")
        if fields is not None:
            if not isinstance(fields, list):
                problems.append(f"{where}.fields: must be an array")
            else:
                if len(fields) > MAX_SECTION_FIELDS:
                    problems.append(f"{where}.fields: {len(fields)} fields, max {MAX_SECTION_FIELDS}")
                for j, field in enumerate(fields):
                    problems += _text(field, f"{where}.fields[{j}]", MAX_SECTION_FIELD_TEXT, "section field")
        if block.get("accessory") is not None:
            problems += _element(block["accessory"], f"{where}.accessory")
        problems += _unique_action_ids([block.get("accessory")], where)
    elif kind == "header":
        problems += _plain_text(block.get("text"), f"{where}.text", MAX_HEADER_TEXT, "header text")
    elif kind == "actions":
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            problems.append(f"{where}.elements: an actions block needs at least one element")
            elements = []
        elif len(elements) > MAX_ACTIONS_ELEMENTS:
            problems.append(f"{where}.elements: {len(elements)} elements, max {MAX_ACTIONS_ELEMENTS}")
        for j, element in enumerate(elements):
            problems += _element(element, f"{where}.elements[{j}]")
        problems += _unique_action_ids(elements, where)
    elif kind == "context":
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            problems.append(f"{where}.elements: a context block needs at least one element")
        elif len(elements) > MAX_CONTEXT_ELEMENTS:
            problems.append(f"{where}.elements: {len(elements)} elements, max {MAX_CONTEXT_ELEMENTS}")
        else:
            for j, element in enumerate(elements):
                if isinstance(element, dict) and element.get("type") in TEXT_TYPES:
                    problems += _text(element, f"{where}.elements[{j}]", None, "context text")
    elif kind == "input":
        problems += _plain_text(block.get("label"), f"{where}.label", MAX_INPUT_LABEL, "input label")
        if block.get("hint") is not None:
            problems += _plain_text(block["hint"], f"{where}.hint", MAX_INPUT_HINT, "input hint")
        if not isinstance(block.get("element"), dict):
            problems.append(f"{where}.element: an input block needs an element")
        else:
            problems += _element(block["element"], f"{where}.element")
    elif kind == "image":
        problems += _max_str(block.get("alt_text"), f"{where}.alt_text", MAX_IMAGE_ALT_TEXT)
        problems += _max_str(block.get("image_url"), f"{where}.image_url", MAX_URL)
    return problems


def _slack_sdk_block(block: dict, where: str) -> list[str]:
    try:
        parsed = Block.parse(block)
    except Exception as exc:  # noqa: BLE001 - any slack_sdk failure is a finding to report, not to raise
        return [f"{where}: slack_sdk cannot parse it: {exc}"]
    if parsed is None:
        return [f"{where}: unknown block type {block.get('type')!r}"]
    try:
        parsed.to_dict()
    except Exception as exc:  # noqa: BLE001 - any slack_sdk failure is a finding to report, not to raise
        return [f"{where}: slack_sdk rejects it: {exc}"]
    return []


def _unique_action_ids(elements: Iterable[Any], where: str) -> list[str]:
    seen: set[str] = set()
    problems = []
    for element in elements:
        if isinstance(element, dict) and element.get("action_id") is not None:
            action_id = element["action_id"]
            if action_id in seen:
                problems.append(f"{where}: duplicate action_id {action_id!r} within the block")
            seen.add(action_id)
    return problems


# ---------------------------------------------------------------- elements


def _element(element: Any, where: str) -> list[str]:
    if not isinstance(element, dict):
        return [f"{where}: an element must be a JSON object"]
    kind = element.get("type")
    problems = _max_str(element.get("action_id"), f"{where}.action_id", MAX_ACTION_ID)
    if element.get("placeholder") is not None:
        problems += _text(element["placeholder"], f"{where}.placeholder", MAX_PLACEHOLDER, "placeholder")
    if element.get("confirm") is not None:
        problems += _confirm(element["confirm"], f"{where}.confirm")

    if kind == "button":
        problems += _plain_text(element.get("text"), f"{where}.text", MAX_BUTTON_TEXT, "button text")
        problems += _max_str(element.get("value"), f"{where}.value", MAX_BUTTON_VALUE)
        problems += _max_str(element.get("url"), f"{where}.url", MAX_URL)
    elif kind in SELECT_WITH_OPTIONS:
        options, groups = element.get("options"), element.get("option_groups")
        if options is None and groups is None:
            problems.append(f"{where}: {kind} needs options or option_groups")
        if options is not None and groups is not None:
            problems.append(f"{where}: {kind} cannot have both options and option_groups")
        if options is not None:
            problems += _options(options, f"{where}.options", MAX_SELECT_OPTIONS)
        if groups is not None:
            if len(groups) > MAX_SELECT_OPTION_GROUPS:
                problems.append(
                    f"{where}.option_groups: {len(groups)} groups, max {MAX_SELECT_OPTION_GROUPS}"
                )
            for g, group in enumerate(groups):
                gpath = f"{where}.option_groups[{g}]"
                problems += _plain_text(
                    group.get("label"), f"{gpath}.label", MAX_OPTION_GROUP_LABEL, "group label"
                )
                problems += _options(group.get("options") or [], f"{gpath}.options", MAX_SELECT_OPTIONS)
        for key in ("initial_option",):
            if element.get(key) is not None:
                problems += _option(element[key], f"{where}.{key}")
        for o, option in enumerate(element.get("initial_options") or []):
            problems += _option(option, f"{where}.initial_options[{o}]")
    elif kind == "overflow":
        options = element.get("options") or []
        if not MIN_OVERFLOW_OPTIONS <= len(options) <= MAX_OVERFLOW_OPTIONS:
            problems.append(
                f"{where}.options: overflow has {len(options)} options, "
                f"needs {MIN_OVERFLOW_OPTIONS}–{MAX_OVERFLOW_OPTIONS}"
            )
        problems += _options(options, f"{where}.options", MAX_OVERFLOW_OPTIONS, count_checked=True)
    elif kind == "checkboxes":
        problems += _options(element.get("options") or [], f"{where}.options", MAX_CHECKBOX_OPTIONS)
    elif kind == "radio_buttons":
        problems += _options(element.get("options") or [], f"{where}.options", MAX_RADIO_OPTIONS)
    elif kind == "plain_text_input":
        for key in ("max_length", "min_length"):
            value = element.get(key)
            if value is not None and (not isinstance(value, int) or value > MAX_TEXT_INPUT_LENGTH):
                problems.append(f"{where}.{key}: {value!r}, max {MAX_TEXT_INPUT_LENGTH}")
    elif kind == "image":
        problems += _max_str(element.get("alt_text"), f"{where}.alt_text", MAX_IMAGE_ALT_TEXT)
    return problems


def _options(options: Any, where: str, max_count: int, *, count_checked: bool = False) -> list[str]:
    if not isinstance(options, list):
        return [f"{where}: must be an array"]
    problems = []
    if not count_checked and len(options) > max_count:
        problems.append(f"{where}: {len(options)} options, max {max_count}")
    for o, option in enumerate(options):
        problems += _option(option, f"{where}[{o}]")
    return problems


def _option(option: Any, where: str) -> list[str]:
    if not isinstance(option, dict):
        return [f"{where}: an option must be a JSON object"]
    problems = _text(option.get("text"), f"{where}.text", MAX_OPTION_TEXT, "option text")
    value = option.get("value")
    if value is None:
        problems.append(f"{where}.value: required")
    problems += _max_str(value, f"{where}.value", MAX_OPTION_VALUE)
    if option.get("description") is not None:
        problems += _text(
            option["description"], f"{where}.description", MAX_OPTION_DESCRIPTION, "description"
        )
    problems += _max_str(option.get("url"), f"{where}.url", MAX_URL)
    return problems


def _confirm(confirm: Any, where: str) -> list[str]:
    if not isinstance(confirm, dict):
        return [f"{where}: must be a JSON object"]
    return (
        _plain_text(confirm.get("title"), f"{where}.title", MAX_CONFIRM_TITLE, "confirm title")
        + _text(confirm.get("text"), f"{where}.text", MAX_CONFIRM_TEXT, "confirm text")
        + _plain_text(confirm.get("confirm"), f"{where}.confirm", MAX_CONFIRM_BUTTON, "confirm button")
        + _plain_text(confirm.get("deny"), f"{where}.deny", MAX_CONFIRM_BUTTON, "deny button")
    )


# ---------------------------------------------------------------- text objects


def _text(obj: Any, where: str, limit: int | None, what: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: {what} must be a text object, got {type(obj).__name__}"]
    if obj.get("type") not in TEXT_TYPES:
        return [f"{where}.type: must be plain_text or mrkdwn, got {obj.get('type')!r}"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return [f"{where}.text: {what} must be a non-empty string"]
    if limit is not None and len(text) > limit:
        return [f"{where}: {what} is {len(text)} chars, max {limit}"]
    return []


def _plain_text(obj: Any, where: str, limit: int, what: str) -> list[str]:
    if isinstance(obj, dict) and obj.get("type") != "plain_text":
        return [f"{where}.type: {what} must be plain_text, got {obj.get('type')!r}"]
    return _text(obj, where, limit, what)


def _max_str(value: Any, where: str, limit: int) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"{where}: must be a string, got {type(value).__name__}"]
    if len(value) > limit:
        return [f"{where}: {len(value)} chars, max {limit}"]
    return []


def _dedupe(problems: list[str]) -> list[str]:
    return list(dict.fromkeys(problems))
