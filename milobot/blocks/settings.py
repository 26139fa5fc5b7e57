"""The `/milo settings` modal and its "saved" screen. Pure builders: settings in, Block Kit out."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DividerBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot.blocks.text import display
from milobot.ids import Input, PrivacyAction, SettingsBlock, SettingsView
from milobot.services.workspace_settings import (
    COST_PER_INTERVIEW,
    CURRENCY,
    HOURLY_RATE,
    MINUTES_SAVED_PER_SCREEN,
    REVIEWERS,
    WORK_HOURS,
    WorkspaceSettings,
)

TEAM_FEEDBACK_ON = "on"  # the checkbox option's value: ticked means reports carry the team's feedback
TEAM_FEEDBACK_LABEL = "Reports include the team's ratings and notes"

# The service's field names → the block each error is shown under.
ERROR_BLOCKS = {
    "time_zone": SettingsBlock.TIME_ZONE,
    WORK_HOURS: SettingsBlock.WORK_END,
    COST_PER_INTERVIEW: SettingsBlock.COST_PER_INTERVIEW,
    MINUTES_SAVED_PER_SCREEN: SettingsBlock.MINUTES_SAVED,
    HOURLY_RATE: SettingsBlock.HOURLY_RATE,
    CURRENCY: SettingsBlock.CURRENCY,
    REVIEWERS: SettingsBlock.REVIEWERS,
}


def _figure(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value.is_integer() else format(value, "f").rstrip("0").rstrip(".")


def _hour_options(hours: range) -> list[Option]:
    return [Option(value=str(h), text=f"{h:02d}:00") for h in hours]


def _hour_select(hours: range, initial: int) -> StaticSelectElement:
    options = _hour_options(hours)
    return StaticSelectElement(
        action_id=Input.VALUE,
        options=options,
        initial_option=next((o for o in options if o.value == str(initial)), None),
    )


def _text(initial: str | None, *, placeholder: str, max_length: int = 30) -> PlainTextInputElement:
    return PlainTextInputElement(
        action_id=Input.VALUE, initial_value=initial, placeholder=placeholder, max_length=max_length
    )


def _team_feedback_input(settings: WorkspaceSettings) -> InputBlock:
    option = Option(
        value=TEAM_FEEDBACK_ON,
        text=TEAM_FEEDBACK_LABEL,
        description="On View Report, Download PDF and Package ZIP",
    )
    return InputBlock(
        block_id=SettingsBlock.TEAM_FEEDBACK,
        label="Team feedback in reports",
        optional=True,
        hint="Each person still sees the others' ratings and notes in a report only after rating the "
        "candidate themselves (or once the candidate is shortlisted or dismissed).",
        element=CheckboxesElement(
            action_id=Input.VALUE,
            options=[option],
            initial_options=[option] if settings.reports_include_team_feedback else None,
        ),
    )


def settings_modal(settings: WorkspaceSettings, *, admins: tuple[str, ...] = ()) -> dict[str, Any]:
    start, end = settings.work_hours
    admin_names = ", ".join(f"<@{a}>" for a in admins[:10]) or "the admins"
    blocks: list[Block] = [
        InputBlock(
            block_id=SettingsBlock.TIME_ZONE,
            label="Time zone",
            hint="An IANA name such as Europe/Berlin or America/New_York. Digests and reminders follow it.",
            element=_text(settings.time_zone, placeholder="Europe/Berlin", max_length=64),
        ),
        InputBlock(
            block_id=SettingsBlock.WORK_START,
            label="Working hours start",
            element=_hour_select(range(0, 24), start),
        ),
        InputBlock(
            block_id=SettingsBlock.WORK_END,
            label="Working hours end",
            hint="Reviewer reminders go out on weekdays within these hours.",
            element=_hour_select(range(1, 25), end),
        ),
        DividerBlock(),
        SectionBlock(
            text=MarkdownTextObject(
                text="*Spend and savings* in analytics: spend = interviews started × cost per interview; "
                "savings = completed interviews × minutes saved per screen ÷ 60 × hourly rate."
            )
        ),
        InputBlock(
            block_id=SettingsBlock.COST_PER_INTERVIEW,
            label="Cost per interview",
            optional=True,
            element=_text(_figure(settings.cost_per_interview), placeholder="2.50"),
        ),
        InputBlock(
            block_id=SettingsBlock.MINUTES_SAVED,
            label="Minutes saved per screen",
            optional=True,
            element=_text(_figure(settings.minutes_saved_per_screen), placeholder="30"),
        ),
        InputBlock(
            block_id=SettingsBlock.HOURLY_RATE,
            label="Hourly rate of a screener",
            optional=True,
            element=_text(_figure(settings.hourly_rate), placeholder="60"),
        ),
        InputBlock(
            block_id=SettingsBlock.CURRENCY,
            label="Currency",
            hint="A three-letter code: USD, EUR, GBP…",
            element=_text(settings.currency, placeholder="USD", max_length=3),
        ),
        DividerBlock(),
        InputBlock(
            block_id=SettingsBlock.REVIEWERS,
            label="Reviewers",
            optional=True,
            hint=f"Who is reminded about interviews nobody has rated. Leave empty for the admins ({admin_names})."[
                :150
            ],
            element=UserMultiSelectElement(
                action_id=Input.VALUE,
                placeholder="The admins",
                initial_users=list(settings.reviewers) or None,
                max_selected_items=50,
            ),
        ),
        DividerBlock(),
        _team_feedback_input(settings),
        DividerBlock(),
        SectionBlock(
            text=MarkdownTextObject(
                text="*Privacy & retention*: how long candidate data is kept, and whether cards in public "
                "channels show personal details."
            )
        ),
        ActionsBlock(
            elements=[
                ButtonElement(text="Privacy & retention", action_id=PrivacyAction.SETTINGS_OPEN, value="open")
            ]
        ),
    ]
    return SlackView(
        type="modal",
        callback_id=SettingsView.WORKSPACE,
        title="Workspace settings",
        submit="Save",
        close="Cancel",
        blocks=blocks,
    ).to_dict()


def _summary(settings: WorkspaceSettings) -> list[str]:
    start, end = settings.work_hours
    reviewers = ", ".join(f"<@{r}>" for r in settings.reviewers) or "the admins"
    figures = [
        ("Cost per interview", settings.cost_per_interview, settings.currency),
        ("Minutes saved per screen", settings.minutes_saved_per_screen, ""),
        ("Hourly rate", settings.hourly_rate, settings.currency),
    ]
    return [
        f"*Time zone:* {display(settings.time_zone, 64)}",
        f"*Working hours:* {start:02d}:00–{end:02d}:00, Monday to Friday",
        *(
            f"*{label}:* {_figure(value)} {unit}".rstrip()
            for label, value, unit in figures
            if value is not None
        ),
        f"*Reviewers:* {reviewers}",
        "*Reports:* include the team's ratings and notes (each person sees them once they have rated)"
        if settings.reports_include_team_feedback
        else "*Reports:* without the team's ratings and notes",
    ]


def _summary_modal(lines: list[str], footer: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Workspace settings"},
        "close": {"type": "plain_text", "text": "Done"},
        "blocks": [
            SectionBlock(text=MarkdownTextObject(text="\n".join(lines))).to_dict(),
            ContextBlock(elements=[MarkdownTextObject(text=footer)]).to_dict(),
        ],
    }


def saved_modal(settings: WorkspaceSettings) -> dict[str, Any]:
    return _summary_modal(
        [":white_check_mark: Settings saved.", *_summary(settings)],
        "Change them again with `/milo settings`.",
    )


def read_only_modal(settings: WorkspaceSettings, *, admins: tuple[str, ...] = ()) -> dict[str, Any]:
    """What a viewer sees: the settings digests, reminders and savings figures follow, without a form."""
    admin_names = ", ".join(f"<@{a}>" for a in admins[:10]) or "an admin"
    return _summary_modal(_summary(settings), f"Only admins can change these: ask {admin_names}.")
