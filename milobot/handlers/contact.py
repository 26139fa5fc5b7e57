"""Edit contact from the profile (admins): the form pushed over the profile, and its submission, after
which the profile underneath is shown again with the new details."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate_forms import contact_form
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.handlers.profile import show
from milobot.handlers.review_common import in_modal, refresh_profile
from milobot.ids import ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, ProfileRef, decode

FIELD_BLOCKS = {
    "name": ProfileBlock.CONTACT_NAME,
    "email": ProfileBlock.CONTACT_EMAIL,
    "phone": ProfileBlock.CONTACT_PHONE,
}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def register(app: AsyncApp, container: Container) -> None:
    contacts = container.review.contacts

    @app.action(ProfileAction.EDIT_CONTACT)
    @in_modal
    async def edit_contact(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        contact = await contacts.for_edit(identity=identity_of(body), candidate_id=ref.candidate_id)
        await show(client, body, contact_form(contact))

    @app.view(ProfileView.CONTACT)
    @guarded
    async def contact_submitted(ack, body, client, view) -> None:
        # Saved before ack, so a refusal shows on the field it is about; one small transaction.
        ref = decode(CandidateRef, view.get("private_metadata"))
        identity = identity_of(body)
        state = view_state(body)
        try:
            await contacts.update(
                identity=identity,
                candidate_id=ref.candidate_id,
                name=_text(input_value(state, ProfileBlock.CONTACT_NAME)),
                email=_text(input_value(state, ProfileBlock.CONTACT_EMAIL)),
                phone=_text(input_value(state, ProfileBlock.CONTACT_PHONE)),
            )
        except MilobotError as error:
            field = error.field if isinstance(error, Invalid) else None
            block = FIELD_BLOCKS.get(field or "", ProfileBlock.CONTACT_NAME)  # not about one field: the top
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        await ack()  # back to the profile underneath, shown again with the new details
        await refresh_profile(
            container, client, identity, view.get("previous_view_id"), ProfileRef(ref.candidate_id)
        )
