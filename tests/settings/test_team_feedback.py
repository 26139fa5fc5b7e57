"""The `/milo settings` checkbox "Reports include the team's ratings and notes": an admin turns it on and
off (each change an audit line, every other key kept); a viewer can't, whatever they send."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from milobot.db.models import AuditEntry
from milobot.errors import Forbidden
from milobot.ids import SettingsBlock
from milobot.services import workspace_settings as ws_settings
from milobot.services.context import Identity
from milobot.services.report_data import feedback_allowed
from milobot.services.workspace_settings import SettingsForm
from milobot.services.workspaces import get_or_create_workspace
from tests.candidates_review.support import add_members
from tests.conftest import ADMIN
from tests.settings.test_settings import VIEWER, open_modal, submit, workspace

FEEDBACK = "reports_include_team_feedback"


def checkbox(view: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in view["blocks"] if b.get("block_id") == SettingsBlock.TEAM_FEEDBACK)


def ticked(view: dict[str, Any]) -> bool:
    element = checkbox(view)["element"]
    return [o["value"] for o in element.get("initial_options") or []] == ["on"]


async def updates(milo) -> list[AuditEntry]:
    async with milo.container.db.unit_of_work() as s:
        return list(
            (
                await s.scalars(
                    select(AuditEntry).where(AuditEntry.action == "settings.update").order_by(AuditEntry.id)
                )
            ).all()
        )


async def test_an_admin_turns_it_on_and_off_with_an_audit_line_each_time_and_other_keys_kept(milo, slack):
    view = await open_modal(milo, slack)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.settings = {**(ws.settings or {}), "retention_days": 180, "public_channel_privacy": "show"}

    block = checkbox(view)
    assert block["type"] == "input" and block["optional"] is True
    assert block["element"]["type"] == "checkboxes"
    assert block["element"]["options"][0]["text"]["text"] == "Reports include the team's ratings and notes"
    assert "only after rating" in block["hint"]["text"]
    assert not ticked(view)
    assert (await submit(milo, slack))["response_action"] == "update"  # the other fields settle first
    before = len(await updates(milo))

    answer = await submit(milo, slack, team_feedback=True)

    assert answer["response_action"] == "update"
    assert "include the team's ratings and notes" in json.dumps(answer["view"])
    ws = await workspace(milo)
    assert ws.settings[FEEDBACK] is True and feedback_allowed(ws)
    assert ws.settings["retention_days"] == 180 and ws.settings["public_channel_privacy"] == "show"
    typed = ws_settings.read(ws)
    assert typed.reports_include_team_feedback
    assert (ws.time_zone, typed.work_hours, typed.cost_per_interview, typed.currency) == (
        "Europe/Berlin",
        (8, 18),
        2.5,
        "EUR",
    )
    entries = (await updates(milo))[before:]
    assert len(entries) == 1 and entries[0].actor_id == ADMIN
    assert entries[0].detail["changed"] == {FEEDBACK: {"from": False, "to": True}}
    assert ticked(await open_modal(milo, slack))

    # A modal opened before the checkbox existed sends no such field: what is stored is kept.
    assert (await submit(milo, slack, team_feedback=None, currency="GBP"))["response_action"] == "update"
    assert (await workspace(milo)).settings[FEEDBACK] is True
    assert FEEDBACK not in (await updates(milo))[-1].detail["changed"]

    # Unticked: off again, and logged the same way.
    answer = await submit(milo, slack, team_feedback=False, currency="GBP")
    assert "without the team's ratings and notes" in json.dumps(answer["view"])
    ws = await workspace(milo)
    assert ws.settings[FEEDBACK] is False and not feedback_allowed(ws)
    assert ws.settings["retention_days"] == 180 and ws.settings["public_channel_privacy"] == "show"
    assert (await updates(milo))[-1].detail["changed"] == {FEEDBACK: {"from": True, "to": False}}
    assert not ticked(await open_modal(milo, slack))


async def test_a_viewer_sees_it_read_only_and_cannot_turn_it_on(milo, slack):
    await open_modal(milo, slack)  # the admin exists
    await add_members(milo, [VIEWER])
    before = len(await updates(milo))

    view = await open_modal(milo, slack, user=VIEWER)
    assert "without the team's ratings and notes" in json.dumps(view)
    assert not [b for b in view["blocks"] if b.get("block_id") == SettingsBlock.TEAM_FEEDBACK]

    # The service refuses, whoever calls it: not only the hidden form.
    form = SettingsForm(
        time_zone="UTC",
        work_start="9",
        work_end="17",
        cost_per_interview=None,
        minutes_saved_per_screen=None,
        hourly_rate=None,
        currency="USD",
        reviewers=(),
        reports_include_team_feedback=True,
    )
    with pytest.raises(Forbidden):
        await milo.container.workspace_settings.save(identity=Identity(slack.team_id, VIEWER), form=form)
    # And a forged submission of the admins' modal is answered under the form, not saved.
    answer = await submit(milo, slack, user=VIEWER, team_feedback=True)
    assert answer["response_action"] == "errors"

    ws = await workspace(milo)
    assert FEEDBACK not in ws.settings and not feedback_allowed(ws)
    assert len(await updates(milo)) == before

    # The same form from an admin goes through (the refusal above was the role, not the form).
    saved = await milo.container.workspace_settings.save(identity=Identity(slack.team_id, ADMIN), form=form)
    assert saved.reports_include_team_feedback and feedback_allowed(await workspace(milo))
