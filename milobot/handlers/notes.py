"""Notes from the profile: Add note (a form pushed over the profile), Edit and Delete of one's own note
(its overflow menu), and the form's submission, after which the profile underneath is shown again."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate_forms import note_form
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, view_state
from milobot.handlers.profile import show
from milobot.handlers.review_common import in_modal, note_text, refresh_profile, shown_profile
from milobot.ids import ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, NoteChoice, NoteForm, ProfileRef, decode


def register(app: AsyncApp, container: Container) -> None:
    notes = container.review.notes

    @app.action(ProfileAction.ADD_NOTE)
    @in_modal
    async def add_note(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        target = await notes.new_form(identity=identity_of(body), candidate_id=ref.candidate_id)
        await show(
            client, body, note_form(candidate_id=target.candidate_id, candidate_name=target.candidate_name)
        )

    @app.action(ProfileAction.NOTE_MENU)
    @in_modal
    async def note_menu(ack, body, client) -> None:
        await ack()
        choice = decode(NoteChoice, action_value(body))
        identity = identity_of(body)
        if choice.action == "edit":
            note = await notes.for_edit(identity=identity, note_id=choice.note_id)
            view = note_form(
                candidate_id=note.candidate_id,
                candidate_name=note.candidate_name,
                note_id=note.note_id,
                body=note.body,
            )
            await show(client, body, view)
        elif choice.action == "delete":
            await notes.delete(identity=identity, note_id=choice.note_id)
            shown = shown_profile(body)
            if shown is not None:
                await refresh_profile(container, client, identity, *shown)
        else:
            raise Invalid("That menu choice came back garbled; please try again.")

    @app.view(ProfileView.NOTE)
    @guarded
    async def note_submitted(ack, body, client, view) -> None:
        # Saved before ack, so a refusal shows on the form; one small transaction, well inside 3 s.
        form = decode(NoteForm, view.get("private_metadata"))
        identity = identity_of(body)
        text = note_text(view_state(body), ProfileBlock.NOTE_TEXT)
        try:
            if form.note_id is None:
                await notes.add(identity=identity, candidate_id=form.candidate_id, body=text)
            else:
                await notes.edit(identity=identity, note_id=form.note_id, body=text)
        except MilobotError as error:
            await ack(response_action="errors", errors={ProfileBlock.NOTE_TEXT: error.message[:150]})
            return
        await ack()  # back to the profile underneath, shown again with the note
        await refresh_profile(
            container, client, identity, view.get("previous_view_id"), ProfileRef(form.candidate_id)
        )
