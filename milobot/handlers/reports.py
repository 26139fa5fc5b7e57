"""Reports in Slack: View Report, Download PDF, Package ZIP and Revoke report links, from the candidate
card's menu or the profile's buttons; Package shortlisted from the agent card; the Package ZIP modal.

Replies go only to the person who asked: ephemeral where the click came from a message, a DM where it
came from a modal. A report link is never posted where others can read it."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot.blocks import forms
from milobot.blocks import report as report_blocks
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import ReportAction, ReportMenu, ReportView
from milobot.metadata import AgentRef, CandidateRef, PackageTarget, ReportChoice, decode
from milobot.services.context import Identity


async def _tell(container: Container, client, body: dict[str, Any], text: str, blocks=None) -> None:
    """Privately: through response_url (ephemeral) when there is one, else by DM."""
    response_url = body.get("response_url")
    if response_url:
        await container.replier.reply(response_url, text=text, blocks=blocks)
        return
    opened = await client.conversations_open(users=identity_of(body).user_id)
    await client.chat_postMessage(channel=opened["channel"]["id"], text=text, blocks=blocks)


async def _view(container, client, body, identity: Identity, candidate_id: int) -> None:
    link = await container.reports.link(identity=identity, candidate_id=candidate_id)
    text, blocks = report_blocks.link_message(link)
    await _tell(container, client, body, text, blocks)


async def _pdf(container, client, body, identity: Identity, candidate_id: int) -> None:
    request = await container.reports.request_pdf(identity=identity, candidate_id=candidate_id)
    await _tell(container, client, body, report_blocks.pdf_ack(request))


async def _package(container, client, body, identity: Identity, candidate_id: int) -> None:
    options = await container.packages.options(identity=identity, candidate_id=candidate_id)
    await _open(client, body, report_blocks.package_modal(options))


async def _revoke(container, client, body, identity: Identity, candidate_id: int) -> None:
    revoked = await container.reports.revoke(identity=identity, candidate_id=candidate_id)
    await _tell(container, client, body, report_blocks.revoked_text(revoked))


async def _open(client, body: dict[str, Any], view: dict) -> None:
    # From inside a modal (the profile), push on top of it; from a message, open a new one.
    if (body.get("container") or {}).get("type") == "view":
        await client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        await client.views_open(trigger_id=body["trigger_id"], view=view)


ROUTES: dict[str, Any] = {  # keyed by ReportMenu values (str), looked up by the decoded string
    ReportMenu.VIEW: _view,
    ReportMenu.PDF: _pdf,
    ReportMenu.PACKAGE: _package,
    ReportMenu.REVOKE: _revoke,
}
BUTTONS = {
    ReportAction.VIEW: ReportMenu.VIEW,
    ReportAction.PDF: ReportMenu.PDF,
    ReportAction.PACKAGE: ReportMenu.PACKAGE,
    ReportAction.REVOKE: ReportMenu.REVOKE,
}


def register(app: AsyncApp, container: Container) -> None:
    @app.action(ReportAction.MENU)
    @guarded
    async def on_menu(ack, body, client) -> None:
        await ack()
        choice = decode(ReportChoice, action_value(body))
        route = ROUTES.get(choice.action)
        if route is None:
            raise Invalid("That report action isn't available.")
        await route(container, client, body, identity_of(body), choice.candidate_id)

    for action_id, menu in BUTTONS.items():

        def make(menu=menu):
            @guarded
            async def on_button(ack, body, client) -> None:
                await ack()
                ref = decode(CandidateRef, action_value(body))
                await ROUTES[menu](container, client, body, identity_of(body), ref.candidate_id)

            return on_button

        app.action(action_id)(make())

    @app.action(re.compile(rf"^{re.escape(ReportAction.VIEW)}:open$"))
    async def on_open_link(ack) -> None:
        await ack()  # a URL button: Slack opens the link itself and still tells us about the click

    @app.action(ReportAction.PACKAGE_SHORTLISTED)
    @guarded
    async def on_package_shortlisted(ack, body, client) -> None:
        await ack()
        ref = decode(AgentRef, action_value(body))
        options = await container.packages.options(identity=identity_of(body), agent_id=ref.agent_id)
        await _open(client, body, report_blocks.package_modal(options))

    @app.view(ReportView.PACKAGE)
    @guarded
    async def on_package_submitted(ack, body) -> None:
        # Checked before ack, so a package too big for Slack is refused on the form, saying what to leave out.
        target = decode(PackageTarget, body["view"].get("private_metadata"))
        items = input_value(view_state(body), ReportView.ITEMS) or []
        try:
            if target.candidate_id is None and target.agent_id is None:
                raise Invalid("That form lost track of what to package; open it again.")
            request = await container.packages.request(
                identity=identity_of(body),
                items=[str(i) for i in items],
                candidate_id=target.candidate_id,
                agent_id=target.agent_id,
            )
        except MilobotError as error:
            await ack(response_action="errors", errors={ReportView.ITEMS: error.message[:300]})
            return
        view = forms.result_modal(
            title="Package on its way", blocks=forms.notice_blocks(report_blocks.package_started(request))
        )
        await ack(response_action="update", view=view)
