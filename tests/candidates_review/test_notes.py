"""Notes over the wire: a note is team-only and escaped wherever it is shown (a `<!channel>` in it pings
no one), an @mentioned teammate gets a DM with a View button, the author alone edits or deletes it,
and a note never reaches a channel."""

from __future__ import annotations

from sqlalchemy import select

from milobot.db.models import Note
from milobot.ids import CandidateAction, Input, ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, NoteChoice, NoteForm, encode
from milobot.services.context import Identity
from tests.candidates_review.support import (
    OTHER_TEAM,
    OUTSIDER,
    VIEWER,
    Reviewer,
    add_members,
    audit_actions,
    buttons,
    invited_candidate,
    rich_text_state,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads


async def notes_of(milo, candidate_id: int) -> list[Note]:
    async with milo.container.db.unit_of_work() as s:
        return list(
            (await s.scalars(select(Note).where(Note.candidate_id == candidate_id).order_by(Note.id))).all()
        )


def submit(slack, user, form: dict, state: dict, *, previous: str | None, team: str | None = None):
    payload = payloads.view_submission(
        team or slack.team_id,
        user,
        ProfileView.NOTE,
        {ProfileBlock.NOTE_TEXT: {Input.VALUE: state}},
        form["private_metadata"],
    )
    payload["view"]["previous_view_id"] = previous
    return payload


async def test_a_note_mentioning_channel_is_escaped_and_the_mentioned_teammate_gets_a_dm(milo, slack):
    candidate_id = await invited_candidate(milo, name="Nora Note")
    await add_members(milo, [VIEWER])
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(candidate_id)
    form = (await admin.click(ProfileAction.ADD_NOTE, wait="views.push")).args["view"]
    assert (
        form["callback_id"] == ProfileView.NOTE and form["blocks"][1]["element"]["type"] == "rich_text_input"
    )

    state = rich_text_state(
        "Heads up ",
        ("broadcast", "channel"),
        " and <!channel> typed, ",
        ("user", VIEWER),
        " and ",
        ("user", OUTSIDER),
        ": look at <b>the</b> schema answer.\nSecond line.",
    )
    mark = slack.mark()
    response = await milo.interact(submit(slack, ADMIN, form, state, previous=admin.view_id))
    assert response.status == 200 and (await response.text()) == ""  # back to the profile

    refreshed = await slack.wait_for("views.update", since=mark, timeout=10)
    assert refreshed.args["view_id"] == admin.view_id
    shown = text_of(refreshed.args["view"])
    # A bare "@channel" is parsed by Slack in mrkdwn (verbatim: false), so display() shows it with a
    # look-alike at sign (＠): text that reads the same and pings no one.
    assert "&lt;!channel&gt; typed" in shown and "<!channel>" not in shown and "\uff20channel and" in shown
    assert f"<@{VIEWER}>" in shown and f"&lt;@{OUTSIDER}&gt;" in shown  # only teammates render as mentions
    assert "&lt;b&gt;the&lt;/b&gt;" in shown and "Second line." in shown

    dm = await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    opened = slack.calls_to("conversations.open")
    assert [c.args["users"] for c in opened[-1:]] == [
        VIEWER
    ]  # the teammate, not the stranger, not the author
    dm_text = text_of(dm.args["blocks"]) + dm.args["text"]
    assert (
        "<!channel>" not in dm_text
        and "&lt;!channel&gt;" in dm_text
        and f"<@{ADMIN}> mentioned you" in dm_text
    )
    view = buttons(dm.args["blocks"])[CandidateAction.PROFILE]
    assert view["value"] == encode(CandidateRef(candidate_id))

    # The note never went to a channel, and a second DM never went out.
    await milo.wait_until(lambda: _sent_dms(milo))
    assert not [c for c in slack.calls_to("chat.postMessage") if c.args["channel"].startswith("C")]
    assert len([c for c in slack.calls_to("conversations.open")]) == 1
    [note] = await notes_of(milo, candidate_id)
    assert note.author_id == ADMIN and f"<@{VIEWER}>" in note.body and "@channel" in note.body

    # The teammate's View opens the profile, where the note is.
    viewer = Reviewer(milo, VIEWER)
    assert "Heads up" in text_of(await viewer.open_profile(candidate_id))


async def _sent_dms(milo) -> bool:
    from milobot.db.models import OutboxMessage

    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "slack.dm"))).all()
    return bool(rows) and all(r.status == "done" for r in rows)


async def test_only_the_author_edits_or_deletes_and_an_edit_tells_only_new_mentions(milo, slack):
    candidate_id = await invited_candidate(milo)
    await add_members(milo, [VIEWER])
    viewer = Reviewer(milo, VIEWER)
    await viewer.open_profile(candidate_id)
    form = (await viewer.click(ProfileAction.ADD_NOTE, wait="views.push")).args["view"]
    mark = slack.mark()
    await milo.interact(
        submit(slack, VIEWER, form, rich_text_state("Strong on incidents."), previous=viewer.view_id)
    )
    await slack.wait_for("views.update", lambda c: c.args["view_id"] == viewer.view_id, since=mark)
    [note] = await notes_of(milo, candidate_id)

    # The admin's crafted Delete of the viewer's note is refused, shown over the profile, and changes nothing.
    admin = Reviewer(milo, ADMIN)
    opened = await admin.open_profile(candidate_id)
    assert ProfileAction.NOTE_MENU not in buttons(opened)  # no menu on someone else's note
    notice = await admin.click(
        ProfileAction.NOTE_MENU, value=encode(NoteChoice("delete", note.id)), wait="views.push"
    )
    assert "Only the person who wrote a note" in text_of(notice.args["view"])
    assert len(await notes_of(milo, candidate_id)) == 1

    # The author edits it, mentioning the admin: the admin hears about it once.
    await viewer.open_profile(candidate_id)
    menu = buttons(viewer.view)[ProfileAction.NOTE_MENU]
    edit_value = next(o["value"] for o in menu["options"] if o["text"]["text"] == "Edit")
    form = (await viewer.click(ProfileAction.NOTE_MENU, value=edit_value, wait="views.push")).args["view"]
    assert "Strong on incidents." in text_of(form)
    mark = slack.mark()
    await milo.interact(
        submit(
            slack,
            VIEWER,
            form,
            rich_text_state("Strong on incidents; ", ("user", ADMIN), " agree?"),
            previous=viewer.view_id,
        )
    )
    await slack.wait_for("views.update", lambda c: c.args["view_id"] == viewer.view_id, since=mark)
    await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    assert slack.calls_to("conversations.open")[-1].args["users"] == ADMIN
    [note] = await notes_of(milo, candidate_id)
    assert note.edited_at is not None and f"<@{ADMIN}>" in note.body

    delete_value = encode(NoteChoice("delete", note.id))
    await viewer.click(ProfileAction.NOTE_MENU, value=delete_value)  # the profile is shown again
    assert await notes_of(milo, candidate_id) == []
    assert [a for _, a in await audit_actions(milo, candidate_id)] == [
        "candidate.note",
        "candidate.note_edit",
        "candidate.note_delete",
    ]


async def _count(milo, candidate_id: int, n: int) -> bool:
    return len(await notes_of(milo, candidate_id)) == n


async def test_empty_redelivered_and_foreign_notes(milo, slack):
    candidate_id = await invited_candidate(milo)
    form = {"private_metadata": encode(NoteForm(candidate_id))}
    empty = await milo.interact(submit(slack, ADMIN, form, rich_text_state("   "), previous=None))
    assert (await empty.json())["errors"][ProfileBlock.NOTE_TEXT] == "Write something in the note."

    once = submit(slack, ADMIN, form, rich_text_state("Only once, please."), previous=None)
    for retry in (None, 1, 2):
        assert (await milo.interact(once, retry_num=retry)).status == 200
    await milo.wait_until(lambda: _count(milo, candidate_id, 1))

    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    foreign = await milo.interact(
        submit(slack, ADMIN, form, rich_text_state("sneaky"), previous=None, team=OTHER_TEAM)
    )
    assert "doesn't exist in this workspace" in (await foreign.json())["errors"][ProfileBlock.NOTE_TEXT]
    plain = await milo.interact(
        submit(slack, OUTSIDER, form, payloads.text_input_state("a stranger's note"), previous=None)
    )
    assert "not on this workspace's milobot team" in (await plain.json())["errors"][ProfileBlock.NOTE_TEXT]
    assert [n.body for n in await notes_of(milo, candidate_id)] == ["Only once, please."]

    # Another workspace's admin deleting this workspace's note: refused, and the note stays.
    [note] = await notes_of(milo, candidate_id)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            ADMIN,
            ProfileAction.NOTE_MENU,
            encode(NoteChoice("delete", note.id)),
            response_url=slack.new_response_url(OTHER_TEAM, kind="actions"),
        )
    )
    assert "doesn't exist" in (await slack.wait_for("response_url", since=mark)).args["text"]

    # Newest first in the profile.
    await milo.container.review.notes.add(
        identity=Identity(slack.team_id, ADMIN), candidate_id=candidate_id, body="Newer"
    )
    profile = await milo.container.review.profiles.profile(
        identity=Identity(slack.team_id, ADMIN), candidate_id=candidate_id
    )
    assert [n.body for n in profile.notes] == ["Newer", "Only once, please."] and profile.notes_total == 2
