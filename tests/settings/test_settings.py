"""`/milo settings` over the wire: the modal opens for admins with what is stored, saves what is valid
(with an audit line), shows every mistake under its field, shows viewers the settings read-only (and refuses their saves), and the workspace's time
zone starts as the first admin's Slack profile time zone."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from milobot.db.models import AuditEntry, OutboxMessage, Workspace
from milobot.ids import Input, PrivacyAction, SettingsBlock, SettingsView
from milobot.services import workspace_settings as ws_settings
from milobot.services.workspaces import TIME_ZONE_LOOKUP, get_or_create_workspace
from tests.candidates_review.support import add_members
from tests.conftest import ADMIN
from tests.fakes import payloads

VIEWER = "UVIEWER001"
REVIEWER = "UREVIEW001"
STRANGER = "USTRANGER1"


def state(**overrides: Any) -> dict[str, Any]:
    """The modal's state as Slack sends it on Save; fields default to a valid form."""
    values = {
        "time_zone": "Europe/Berlin",
        "work_start": "8",
        "work_end": "18",
        "cost": "2.5",
        "minutes": "30",
        "rate": "60",
        "currency": "eur",
        "reviewers": [],
        "team_feedback": False,  # None: the checkbox isn't in the form (a modal opened before it was)
        **overrides,
    }
    text = payloads.text_input_state
    checkbox = {}
    if values["team_feedback"] is not None:
        ticked = payloads.checkboxes_state(["on"] if values["team_feedback"] else [])
        checkbox = {SettingsBlock.TEAM_FEEDBACK: {Input.VALUE: ticked}}
    return {
        **checkbox,
        SettingsBlock.TIME_ZONE: {Input.VALUE: text(values["time_zone"])},
        SettingsBlock.WORK_START: {Input.VALUE: payloads.static_select_state(values["work_start"])},
        SettingsBlock.WORK_END: {Input.VALUE: payloads.static_select_state(values["work_end"])},
        SettingsBlock.COST_PER_INTERVIEW: {Input.VALUE: text(values["cost"])},
        SettingsBlock.MINUTES_SAVED: {Input.VALUE: text(values["minutes"])},
        SettingsBlock.HOURLY_RATE: {Input.VALUE: text(values["rate"])},
        SettingsBlock.CURRENCY: {Input.VALUE: text(values["currency"])},
        SettingsBlock.REVIEWERS: {Input.VALUE: payloads.multi_users_select_state(values["reviewers"])},
    }


async def submit(milo, slack, *, user: str = ADMIN, **overrides: Any) -> dict[str, Any]:
    payload = payloads.view_submission(slack.team_id, user, SettingsView.WORKSPACE, state(**overrides))
    resp = await milo.interact(payload)
    assert resp.status == 200
    body = await resp.text()
    return json.loads(body) if body.strip() else {}


async def workspace(milo) -> Workspace:
    async with milo.container.db.unit_of_work() as s:
        return await get_or_create_workspace(s, milo.slack.team_id)


async def open_modal(milo, slack, *, user: str = ADMIN) -> dict[str, Any]:
    mark = slack.mark()
    await milo.command("settings", user=user)
    view = (await slack.wait_for("views.open", since=mark)).args["view"]
    await milo.wait_until(lambda: profile_zone_settled(milo))
    return view


async def profile_zone_settled(milo) -> bool:
    """The first admin's profile time zone has been read (it arrives after their first command)."""
    async with milo.container.db.unit_of_work() as s:
        statuses = (
            await s.scalars(select(OutboxMessage.status).where(OutboxMessage.kind == TIME_ZONE_LOOKUP))
        ).all()
    return all(status == "done" for status in statuses)


def element(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return block["element"]


async def test_an_admin_opens_the_modal_with_the_stored_settings_and_the_privacy_button(milo, slack):
    await milo.command("help", user=ADMIN)  # ADMIN becomes the first admin
    await milo.replies()
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.time_zone = "Asia/Tokyo"
        ws.settings = {**ws.settings, "cost_per_interview": 3.75, "currency": "JPY", "work_hours": [10, 19]}

    view = await open_modal(milo, slack)

    assert view["callback_id"] == SettingsView.WORKSPACE
    assert element(view, SettingsBlock.TIME_ZONE)["initial_value"] == "Asia/Tokyo"
    assert element(view, SettingsBlock.COST_PER_INTERVIEW)["initial_value"] == "3.75"
    assert element(view, SettingsBlock.CURRENCY)["initial_value"] == "JPY"
    assert element(view, SettingsBlock.WORK_START)["initial_option"]["value"] == "10"
    assert element(view, SettingsBlock.WORK_END)["initial_option"]["value"] == "19"
    assert element(view, SettingsBlock.REVIEWERS)["type"] == "multi_users_select"
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == [PrivacyAction.SETTINGS_OPEN] == ["settings_privacy_open"]
    assert "Privacy & retention" in json.dumps(buttons)


async def test_saving_stores_typed_settings_keeps_other_keys_and_writes_one_audit_line(milo, slack):
    await add_members(milo, [REVIEWER])
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.settings = {"retention_days": 180, "public_channel_privacy": "show"}
    await open_modal(milo, slack)

    answer = await submit(milo, slack, reviewers=[REVIEWER], cost="1,200.50")

    assert answer["response_action"] == "update"
    assert "Settings saved" in json.dumps(answer["view"]) and "Europe/Berlin" in json.dumps(answer["view"])
    ws = await workspace(milo)
    assert ws.time_zone == "Europe/Berlin"
    typed = ws_settings.read(ws)
    assert typed.work_hours == (8, 18)
    assert (typed.cost_per_interview, typed.minutes_saved_per_screen, typed.hourly_rate) == (
        1200.5,
        30.0,
        60.0,
    )
    assert typed.currency == "EUR" and typed.reviewers == (REVIEWER,)
    # Keys the privacy feature owns are left as they were.
    assert typed.retention_days == 180 and typed.public_channel_privacy == "show"
    async with milo.container.db.unit_of_work() as s:
        entries = (await s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.update"))).all()
    assert len(entries) == 1 and entries[0].actor_id == ADMIN
    assert entries[0].detail["changed"]["time_zone"]["to"] == "Europe/Berlin"
    assert entries[0].detail["changed"]["reviewers"] == {"from": [], "to": [REVIEWER]}

    # Saving the same values again changes nothing and logs nothing more.
    assert (await submit(milo, slack, reviewers=[REVIEWER], cost="1200.5"))["response_action"] == "update"
    async with milo.container.db.unit_of_work() as s:
        assert (
            len((await s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.update"))).all())
            == 1
        )


async def test_every_mistake_is_shown_under_its_field_and_nothing_is_saved(milo, slack):
    await open_modal(milo, slack)
    before = ws_settings.read(await workspace(milo))

    answer = await submit(
        milo,
        slack,
        time_zone="Mars/Olympus_Mons",
        work_start="17",
        work_end="9",
        cost="-5",
        minutes="lots",
        rate="1e400",
        currency="dollars",
    )

    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert set(errors) == {
        SettingsBlock.TIME_ZONE,
        SettingsBlock.WORK_END,
        SettingsBlock.COST_PER_INTERVIEW,
        SettingsBlock.MINUTES_SAVED,
        SettingsBlock.HOURLY_RATE,
        SettingsBlock.CURRENCY,
    }
    assert "IANA" in errors[SettingsBlock.TIME_ZONE]
    assert "negative" in errors[SettingsBlock.COST_PER_INTERVIEW]
    assert "number" in errors[SettingsBlock.MINUTES_SAVED]
    assert "three-letter" in errors[SettingsBlock.CURRENCY]
    assert ws_settings.read(await workspace(milo)) == before


async def test_a_time_zone_typed_in_lower_case_is_accepted_and_stored_canonically(milo, slack):
    await open_modal(milo, slack)
    assert (await submit(milo, slack, time_zone=" america/new_york "))["response_action"] == "update"
    assert (await workspace(milo)).time_zone == "America/New_York"
    # An abbreviation is not a zone name.
    answer = await submit(milo, slack, time_zone="EST5EDT PST")
    assert answer["response_action"] == "errors"


async def test_reviewers_must_be_on_the_team(milo, slack):
    await open_modal(milo, slack)
    answer = await submit(milo, slack, reviewers=[STRANGER])
    assert answer["response_action"] == "errors"
    assert f"<@{STRANGER}>" in answer["errors"][SettingsBlock.REVIEWERS]
    assert ws_settings.read(await workspace(milo)).reviewers == ()


async def test_a_viewer_reads_the_settings_without_a_form_and_a_forged_save_is_refused(milo, slack):
    await open_modal(milo, slack)  # the admin exists
    assert (await submit(milo, slack, time_zone="Europe/Oslo", cost="2.5"))["response_action"] == "update"
    await add_members(milo, [VIEWER])
    view = await open_modal(milo, slack, user=VIEWER)
    assert "submit" not in view  # nothing to save
    assert not [b for b in view["blocks"] if b["type"] == "input"]
    shown = json.dumps(view)
    assert "Europe/Oslo" in shown and "2.5 EUR" in shown
    assert f"Only admins can change these: ask <@{ADMIN}>" in shown

    before = await workspace(milo)
    answer = await submit(milo, slack, user=VIEWER, time_zone="Asia/Kolkata")
    assert answer["response_action"] == "errors"
    assert "Only admins" in answer["errors"][SettingsBlock.TIME_ZONE]
    after = await workspace(milo)
    assert (after.time_zone, after.settings) == (before.time_zone, before.settings)


async def test_someone_outside_the_team_is_told_to_ask_an_admin(milo, slack):
    await open_modal(milo, slack)
    mark = slack.mark()
    await milo.command("settings", user=STRANGER)
    reply = await slack.wait_for("response_url", since=mark)
    assert "not on this workspace's milobot team" in reply.args["text"]


async def test_the_time_zone_starts_as_the_first_admins_slack_profile_time_zone(milo, slack):
    slack.add_user(slack.team_id, ADMIN, tz="America/Los_Angeles")
    assert (await workspace(milo)).time_zone == "UTC"

    await milo.command("help", user=ADMIN)  # the first time MILOBOT_ADMINS' admin is seen
    await milo.replies()
    await slack.wait_for("users.info", lambda c: c.args.get("user") == ADMIN)

    async def defaulted() -> bool:
        return (await workspace(milo)).time_zone == "America/Los_Angeles"

    await milo.wait_until(defaulted)
    view = await open_modal(milo, slack)
    assert element(view, SettingsBlock.TIME_ZONE)["initial_value"] == "America/Los_Angeles"
    async with milo.container.db.unit_of_work() as s:
        lookups = (await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == TIME_ZONE_LOOKUP))).all()
        entry = await s.scalar(select(AuditEntry).where(AuditEntry.action == "settings.time_zone_default"))
    assert len(lookups) == 1  # asked once, for the first admin only
    assert entry.actor_id == ADMIN and entry.detail["time_zone"] == "America/Los_Angeles"

    # Once an admin chose a zone, a profile never overrides it.
    assert (await submit(milo, slack, time_zone="Europe/Lisbon"))["response_action"] == "update"
    ws = await workspace(milo)
    assert not await milo.container.workspace_settings.default_time_zone(
        workspace_id=ws.id, time_zone="Asia/Tokyo", from_user=ADMIN
    )
    assert (await workspace(milo)).time_zone == "Europe/Lisbon"


async def test_an_unknown_profile_time_zone_leaves_utc(milo, slack):
    ws = await workspace(milo)
    assert not await milo.container.workspace_settings.default_time_zone(
        workspace_id=ws.id, time_zone="Nowhere/Atlantis", from_user=ADMIN
    )
    assert (await workspace(milo)).time_zone == "UTC"
    assert ws_settings.zone_or_utc("Nowhere/Atlantis").key == "UTC"


async def test_the_help_lists_settings(milo, slack):
    await milo.command("help", user=ADMIN)
    reply = await milo.replies()
    assert "/milo settings" in json.dumps(reply.args["blocks"])


def test_the_modal_is_valid_block_kit_at_its_limits():
    from milobot.blocks.settings import settings_modal
    from tests.fakes.blockkit import validate_view

    full = ws_settings.WorkspaceSettings(
        time_zone="America/Argentina/ComodRivadavia",
        work_hours=(0, 24),
        cost_per_interview=999999.99,
        minutes_saved_per_screen=0.5,
        hourly_rate=1e6,
        currency="CHF",
        reviewers=tuple(f"U{i:09d}" for i in range(50)),
        retention_days=None,
        public_channel_privacy="redact",
        reports_include_team_feedback=True,
    )
    view = settings_modal(full, admins=tuple(f"UADMIN{i:04d}" for i in range(30)))
    assert validate_view(view) == []
    assert element(view, SettingsBlock.TEAM_FEEDBACK)["initial_options"][0]["value"] == "on"
    assert element(view, SettingsBlock.COST_PER_INTERVIEW)["initial_value"] == "999999.99"
    assert element(view, SettingsBlock.MINUTES_SAVED)["initial_value"] == "0.5"
    assert element(view, SettingsBlock.HOURLY_RATE)["initial_value"] == "1000000"


async def test_a_time_zone_set_before_the_first_admin_is_kept(milo, slack):
    slack.add_user(slack.team_id, ADMIN, tz="America/Los_Angeles")
    async with milo.container.db.unit_of_work() as s:
        (await get_or_create_workspace(s, slack.team_id)).time_zone = "Asia/Kolkata"

    await open_modal(milo, slack)  # the first admin is made, and their profile read

    await slack.wait_for("users.info", lambda c: c.args.get("user") == ADMIN)
    assert (await workspace(milo)).time_zone == "Asia/Kolkata"


async def test_privacy_and_retention_opens_the_privacy_form_on_top_of_the_settings(milo, slack):
    from milobot.ids import PrivacyView

    sent = await open_modal(milo, slack)
    shown = next(
        v for v in reversed(list(slack.views.values())) if v["callback_id"] == SettingsView.WORKSPACE
    )
    button = next(
        e
        for b in sent["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == PrivacyAction.SETTINGS_OPEN
    )
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(slack.team_id, ADMIN, button["action_id"], button["value"], view=shown)
    )
    pushed = (await slack.wait_for("views.push", since=mark)).args["view"]
    assert pushed["callback_id"] == PrivacyView.SETTINGS
