"""Helpers for the agent tests: submitting the real modals over the wire and reading the DB."""

from __future__ import annotations

import io
import json

import pypdf
import zxingcpp
from PIL import Image
from sqlalchemy import select

from milobot import metadata
from milobot.db.models import Agent, AgentVersion, AuditEntry, Candidate, Template
from milobot.ids import Action, AgentMenu, Block, Input, View
from tests.conftest import ADMIN
from tests.fakes import payloads

CHANNEL = "C0CHAN0001"


def new_agent_state(
    *, name, questions=None, role=None, location=None, template=None, channel=CHANNEL
) -> dict:
    state = {
        Block.AGENT_NAME: {Input.VALUE: payloads.text_input_state(name)},
        Block.AGENT_ROLE: {Input.VALUE: payloads.text_input_state(role)},
        Block.AGENT_LOCATION: {Input.VALUE: payloads.text_input_state(location)},
        Block.AGENT_QUESTIONS: {Input.VALUE: payloads.text_input_state(questions)},
        Block.AGENT_CHANNEL: {Input.VALUE: payloads.conversations_select_state(channel)},
    }
    if template is not None:
        state[Block.AGENT_TEMPLATE] = {Input.VALUE: payloads.static_select_state(str(template))}
    return state


async def submit(milo, team, user, callback_id, state, context: metadata.ModalContext) -> dict:
    resp = await milo.interact(
        payloads.view_submission(team, user, callback_id, state, metadata.encode(context))
    )
    assert resp.status == 200
    body = await resp.text()
    return json.loads(body) if body.strip() else {}


async def create_agent(
    milo,
    slack,
    *,
    name="Backend Engineer",
    questions="Tell me about a hard bug.\nHow do you review code?",
    user=ADMIN,
    team=None,
    **kw,
) -> dict:
    return await submit(
        milo,
        team or slack.team_id,
        user,
        View.AGENT_NEW,
        new_agent_state(name=name, questions=questions, **kw),
        metadata.ModalContext(channel_id=CHANNEL),
    )


async def rows(milo, model, *where):
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(model).where(*where).order_by(model.id))).all())


async def agents(milo) -> list[Agent]:
    return await rows(milo, Agent)


async def versions(milo, agent_id) -> list[AgentVersion]:
    return await rows(milo, AgentVersion, AgentVersion.agent_id == agent_id)


async def templates(milo) -> list[Template]:
    return await rows(milo, Template)


async def candidates(milo) -> list[Candidate]:
    return await rows(milo, Candidate)


async def audit_actions(milo) -> list[str]:
    return [a.action for a in await rows(milo, AuditEntry)]


def ref(agent_id: int) -> str:
    return metadata.encode(metadata.AgentRef(agent_id=agent_id))


def menu_value(action: str, agent_id: int) -> str:
    return metadata.encode(metadata.AgentMenuChoice(action=action, agent_id=agent_id))


def qr_texts(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def pdf_pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def response_text(call) -> str:
    return (call.args.get("text") or "") + json.dumps(call.args.get("blocks") or [])


async def agent_menu(milo, slack, choice: AgentMenu, agent_id: int) -> None:
    """Choose an item of an agent card's Actions menu, as an admin."""
    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(choice, agent_id),
            response_url=slack.new_response_url(),
        )
    )


async def archive(milo, slack, agent_id: int) -> None:
    """Archive an agent through its card's Actions menu, as an admin."""
    mark = slack.mark()
    await agent_menu(milo, slack, AgentMenu.ARCHIVE, agent_id)
    archived = await slack.wait_for("response_url", since=mark)
    assert "Archived" in response_text(archived)
