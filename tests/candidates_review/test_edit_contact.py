"""Edit contact over the wire: an admin corrects a candidate's name, e-mail and phone from the profile.
The address is stored as typed and normalised, checked as Add Candidates checks it; the list's search
finds the new address and not the old; the audit keeps hashes, never the addresses; the profile is shown
again and a renamed candidate's card updates; the next Nudge goes to the new address. Viewers, other
workspaces and an erased candidate change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from milobot.db.models import AuditEntry
from milobot.ids import Input, ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, encode
from milobot.services.candidate_query import build_query
from milobot.services.context import Identity
from milobot.services.erasure import address_hash
from tests.candidates_review.support import (
    OTHER_TEAM,
    VIEWER,
    Reviewer,
    add_members,
    buttons,
    candidate,
    card_text,
    forget_by_address,
    invited_candidate,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL, make_agent
from tests.interview_web.test_override import completed_interview


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": smtp.url}


def contact_state(name: str | None, email: str | None, phone: str | None) -> dict:
    return {
        ProfileBlock.CONTACT_NAME: {Input.VALUE: payloads.text_input_state(name)},
        ProfileBlock.CONTACT_EMAIL: {Input.VALUE: {"type": "email_text_input", "value": email}},
        ProfileBlock.CONTACT_PHONE: {Input.VALUE: payloads.text_input_state(phone)},
    }


def submission(slack, user, candidate_id: int, state: dict, *, previous: str | None = None, team=None):
    payload = payloads.view_submission(
        team or slack.team_id, user, ProfileView.CONTACT, state, encode(CandidateRef(candidate_id))
    )
    payload["view"]["previous_view_id"] = previous
    return payload


async def contact_audits(milo, candidate_id: int) -> list[AuditEntry]:
    async with milo.container.db.unit_of_work() as s:
        return list(
            (
                await s.scalars(
                    select(AuditEntry).where(
                        AuditEntry.action == "candidate.contact_edit",
                        AuditEntry.target_id == str(candidate_id),
                    )
                )
            ).all()
        )


async def listed(milo, slack, agent_id: int, text: str) -> list[int]:
    page = await milo.container.candidate_list.show(
        identity=Identity(slack.team_id, ADMIN), agent_id=agent_id, query=build_query(text=text)
    )
    return [row.id for row in page.rows]


def initial(form: dict, block_id: str) -> str | None:
    block = next(b for b in form["blocks"] if b.get("block_id") == block_id)
    return block["element"].get("initial_value")


async def test_an_admin_corrects_the_address_and_the_next_nudge_goes_there(milo, slack, smtp):
    agent_id = await make_agent(milo)
    ivy = await invited_candidate(milo, agent_id=agent_id, name="Ivy Typo", email="ivy@exmaple.com")
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(ivy)
    assert await listed(milo, slack, agent_id, "exmaple") == [ivy]

    form = (await admin.click(ProfileAction.EDIT_CONTACT, wait="views.push")).args["view"]
    assert form["callback_id"] == ProfileView.CONTACT and form["submit"]["text"] == "Save"
    assert initial(form, ProfileBlock.CONTACT_NAME) == "Ivy Typo"
    assert initial(form, ProfileBlock.CONTACT_EMAIL) == "ivy@exmaple.com"
    assert initial(form, ProfileBlock.CONTACT_PHONE) is None

    mark = slack.mark()
    response = await milo.interact(
        submission(
            slack,
            ADMIN,
            ivy,
            contact_state("Ivy  Tan", " Ivy.Tan@Example.COM ", "(415) 555-0123"),
            previous=admin.view_id,
        )
    )
    assert response.status == 200 and (await response.text()) == ""  # back to the profile
    row = await candidate(milo, ivy)
    assert (row.name, row.email, row.email_normalized) == (
        "Ivy Tan",
        "Ivy.Tan@Example.COM",
        "ivy.tan@example.com",
    )
    assert row.phone == "+14155550123"

    refreshed = await slack.wait_for("views.update", since=mark, timeout=10)
    assert refreshed.args["view_id"] == admin.view_id
    shown = text_of(refreshed.args["view"])
    assert "Ivy.Tan@Example.COM" in shown and "+14155550123" in shown and "exmaple" not in shown
    assert "edited the contact details (name, e-mail, phone)" in shown

    [entry] = await contact_audits(milo, ivy)
    secret = milo.container.deps.secret_key
    assert entry.actor_id == ADMIN and entry.detail["changed"] == ["name", "email", "phone"]
    assert entry.detail["email_from_sha256"] == address_hash(secret, "ivy@exmaple.com")
    assert entry.detail["email_to_sha256"] == address_hash(secret, "ivy.tan@example.com")
    assert entry.detail["phone_to_sha256"] == address_hash(secret, "+14155550123")
    assert (entry.detail["name_from"], entry.detail["name_to"]) == ("Ivy Typo", "Ivy Tan")
    stored = json.dumps(entry.detail).lower()
    assert "exmaple" not in stored and "ivy.tan@" not in stored and "5550123" not in stored

    # The list's search follows the address.
    assert await listed(milo, slack, agent_id, "ivy.tan@exa") == [ivy]
    assert await listed(milo, slack, agent_id, "exmaple") == []
    assert await listed(milo, slack, agent_id, "ivy tan") == [ivy]

    # Saving the same details again changes nothing and writes no second audit line.
    again = await milo.interact(
        submission(slack, ADMIN, ivy, contact_state("Ivy Tan", "Ivy.Tan@Example.COM", "+1 415 555 0123"))
    )
    assert again.status == 200 and len(await contact_audits(milo, ivy)) == 1

    await admin.click(ProfileAction.NUDGE)
    mail = await smtp.wait_for_message(lambda m: True)
    assert mail["To"] == "Ivy.Tan@Example.COM"
    assert f"/i/{row.token}" in mail.get_body(("plain",)).get_content()  # the same personal link
    assert len(smtp.messages) == 1


async def test_bad_details_and_a_taken_address_are_refused_on_their_field(milo, slack):
    agent_id = await make_agent(milo)
    ivy = await invited_candidate(milo, agent_id=agent_id, name="Ivy Invited", email="ivy@example.com")
    await invited_candidate(milo, agent_id=agent_id, name="Jo Taken", email="jo@example.com")
    other_agent = await make_agent(milo, name="Other agent", share_token="share-tok-0002")
    await invited_candidate(milo, agent_id=other_agent, name="Kim Elsewhere", email="kim@example.com")

    async def errors(name, email, phone) -> dict:
        response = await milo.interact(submission(slack, ADMIN, ivy, contact_state(name, email, phone)))
        body = await response.json()
        assert body["response_action"] == "errors", body
        return body["errors"]

    assert await errors("Ivy", "not-an-address", None) == {
        ProfileBlock.CONTACT_EMAIL: "`not-an-address` isn't a valid e-mail address."
    }
    phone = await errors("Ivy", "ivy@example.com", "12")
    assert (
        list(phone) == [ProfileBlock.CONTACT_PHONE]
        and "isn't a valid phone number" in phone[ProfileBlock.CONTACT_PHONE]
    )
    assert list(await errors("   ", "ivy@example.com", None)) == [ProfileBlock.CONTACT_NAME]
    taken = await errors("Ivy", " JO@example.com", None)
    assert taken == {
        ProfileBlock.CONTACT_EMAIL: "JO@example.com is already a candidate for this agent (Jo Taken)."
    }

    row = await candidate(milo, ivy)
    assert (row.name, row.email, row.email_normalized, row.phone) == (
        "Ivy Invited",
        "ivy@example.com",
        "ivy@example.com",
        None,
    )
    assert await contact_audits(milo, ivy) == []

    # Another agent's candidate with that address is another application: allowed.
    ok = await milo.interact(submission(slack, ADMIN, ivy, contact_state("Ivy", "kim@example.com", None)))
    assert ok.status == 200 and (await candidate(milo, ivy)).email_normalized == "kim@example.com"


async def test_viewers_strangers_and_the_erased_change_nothing(milo, slack):
    ivy = await invited_candidate(milo, name="Ivy Invited", email="ivy@example.com")
    await add_members(milo, [VIEWER])
    viewer = Reviewer(milo, VIEWER)
    assert ProfileAction.EDIT_CONTACT not in buttons(await viewer.open_profile(ivy))
    admin = Reviewer(milo, ADMIN)
    assert ProfileAction.EDIT_CONTACT in buttons(await admin.open_profile(ivy))

    # A viewer's click (a button from an admin's profile, say) and submission: refused in the service.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            ProfileAction.EDIT_CONTACT,
            encode(CandidateRef(ivy)),
            response_url=slack.new_response_url(slack.team_id, kind="actions"),
        )
    )
    assert "Only admins" in (await slack.wait_for("response_url", since=mark)).args["text"]
    refused = await milo.interact(
        submission(slack, VIEWER, ivy, contact_state("Ivy", "viewer@example.com", None))
    )
    assert "Only admins" in (await refused.json())["errors"][ProfileBlock.CONTACT_NAME]

    # Another workspace's admin naming this workspace's candidate: it doesn't exist there.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            ADMIN,
            ProfileAction.EDIT_CONTACT,
            encode(CandidateRef(ivy)),
            response_url=slack.new_response_url(OTHER_TEAM, kind="actions"),
        )
    )
    assert (
        "doesn't exist in this workspace" in (await slack.wait_for("response_url", since=mark)).args["text"]
    )
    foreign = await milo.interact(
        submission(slack, ADMIN, ivy, contact_state("Ivy", "stranger@example.com", None), team=OTHER_TEAM)
    )
    assert "doesn't exist in this workspace" in (await foreign.json())["errors"][ProfileBlock.CONTACT_NAME]
    row = await candidate(milo, ivy)
    assert (row.name, row.email) == ("Ivy Invited", "ivy@example.com")
    assert await contact_audits(milo, ivy) == []

    # Erased (`/milo forget`) while the form was open: the save says the candidate is gone.
    form = (await admin.click(ProfileAction.EDIT_CONTACT, wait="views.push")).args["view"]
    assert form["callback_id"] == ProfileView.CONTACT
    await forget_by_address(milo, slack, "ivy@example.com")
    assert await candidate(milo, ivy) is None
    gone = await milo.interact(
        submission(
            slack, ADMIN, ivy, contact_state("Ivy", "ivy.new@example.com", None), previous=admin.view_id
        )
    )
    assert "doesn't exist in this workspace" in (await gone.json())["errors"][ProfileBlock.CONTACT_NAME]
    assert await contact_audits(milo, ivy) == []


@pytest.mark.parametrize("settings_overrides", [{}])  # no SMTP: the shared link's interview starts at once
async def test_a_new_name_shows_on_the_candidates_card_in_place(milo, slack, settings_overrides):
    interview = await completed_interview(milo)
    assert "Olive Override" in text_of(slack.message(CARD_CHANNEL, interview.card_ts)["blocks"])
    mark = slack.mark()
    response = await milo.interact(
        submission(
            slack, ADMIN, interview.candidate_id, contact_state("Olive Oyl", "olive@example.com", None)
        )
    )
    assert response.status == 200
    update = await slack.wait_for(
        "chat.update", lambda c: "Olive Oyl" in card_text(c), since=mark, timeout=10
    )
    assert update.args["ts"] == interview.card_ts and update.args["channel"] == CARD_CHANNEL
    assert "Olive Override" not in card_text(update)
    assert len(slack.messages[CARD_CHANNEL]) == 1
