"""`/milo settings`: open the workspace settings modal (admins; viewers see the settings read-only); its submission is validated before the
ack, so every mistake shows under its field (response_action "errors") and nothing is half saved.
The modal's Privacy & retention button belongs to the privacy feature, which listens for it."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot.blocks.settings import (
    ERROR_BLOCKS,
    TEAM_FEEDBACK_ON,
    read_only_modal,
    saved_modal,
    settings_modal,
)
from milobot.container import Container
from milobot.errors import MilobotError
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import identity_of, input_value, view_state
from milobot.ids import Input, SettingsBlock, SettingsView, Sub
from milobot.services.workspace_settings import SettingsForm, SettingsInvalid


@subcommand(Sub.SETTINGS)
async def settings_command(ctx: CommandContext) -> None:
    screen = await ctx.container.workspace_settings.screen(identity=ctx.identity)
    build = settings_modal if screen.can_edit else read_only_modal
    await ctx.client.views_open(trigger_id=ctx.trigger_id, view=build(screen.settings, admins=screen.admins))


def _text(state: dict[str, dict[str, Any]], block: str) -> str | None:
    value = input_value(state, block)
    return value if isinstance(value, str) else None


def form_of(body: dict[str, Any]) -> SettingsForm:
    state = view_state(body)
    reviewers = (state.get(SettingsBlock.REVIEWERS) or {}).get(Input.VALUE) or {}
    selected = reviewers.get("selected_users") or []
    # Absent only from a modal opened before the checkbox existed: then what is stored is kept.
    ticked = input_value(state, SettingsBlock.TEAM_FEEDBACK) if SettingsBlock.TEAM_FEEDBACK in state else None
    return SettingsForm(
        time_zone=_text(state, SettingsBlock.TIME_ZONE),
        work_start=_text(state, SettingsBlock.WORK_START),
        work_end=_text(state, SettingsBlock.WORK_END),
        cost_per_interview=_text(state, SettingsBlock.COST_PER_INTERVIEW),
        minutes_saved_per_screen=_text(state, SettingsBlock.MINUTES_SAVED),
        hourly_rate=_text(state, SettingsBlock.HOURLY_RATE),
        currency=_text(state, SettingsBlock.CURRENCY),
        reviewers=tuple(u for u in selected if isinstance(u, str))[:100],
        reports_include_team_feedback=None if ticked is None else TEAM_FEEDBACK_ON in ticked,
    )


def register(app: AsyncApp, container: Container) -> None:
    service = container.workspace_settings

    @app.view(SettingsView.WORKSPACE)
    @guarded
    async def on_submit(ack, body) -> None:
        try:
            saved = await service.save(identity=identity_of(body), form=form_of(body))
        except SettingsInvalid as invalid:
            errors = {
                str(ERROR_BLOCKS.get(f, SettingsBlock.TIME_ZONE)): m[:150] for f, m in invalid.errors.items()
            }
            await ack(response_action="errors", errors=errors)
            return
        except MilobotError as refused:  # a viewer's (forged) submission, say: shown in the form
            await ack(response_action="errors", errors={SettingsBlock.TIME_ZONE: refused.message[:150]})
            return
        await ack(response_action="update", view=saved_modal(saved))
