"""Helpers for the candidate list tests: candidates in every state, and driving the list modal over the
wire the way Slack does (the view echoed back with its id, hash and private_metadata)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from milobot import metadata
from milobot.db.models import Agent, AgentVersion, Candidate, Interview, Rating
from milobot.ids import CandidateList, CandidateListBlock, CandidateListView, Input, View
from milobot.services.candidate_records import new_candidate
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads

VIEWER = "UVIEWER001"
OTHER_TEAM = "T0OTHER001"
OTHER_ADMIN = "UOTHERADM1"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def make_agent(milo, *, name="Backend Engineer", team: str | None = None, status="active") -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team or milo.slack.team_id)
        agent = Agent(
            workspace_id=ws.id,
            name=name,
            role_title="Engineer",
            channel_id="C0CARDS001",
            share_token=f"tok-{name.lower().replace(' ', '-')}-{team or 'main'}",
            current_version=1,
            status=status,
        )
        s.add(agent)
        await s.flush()
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[{"text": "Why?"}]))
        return agent.id


async def seed(
    milo,
    agent_id: int,
    name: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    status: str = "invited",
    decision: str = "none",
    source: str = "manual",
    tag: str | None = None,
    score: float | None = None,
    added: datetime | None = None,
    completed: datetime | None = None,
    title: str | None = None,
    location: str | None = None,
) -> int:
    """A candidate straight in the database; a completed one gets a completed interview, whose score and
    time reach the list through the database triggers, as in production."""
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        c = new_candidate(
            s,
            workspace_id=agent.workspace_id,
            agent_id=agent_id,
            name=name,
            email=email or f"{name.split()[0].lower()}@example.com",
            phone=phone,
            source=source,
            source_tag=tag,
            current_title=title,
            location=location,
        )
        c.status, c.decision = status, decision
        c.created_at = added or T0
        await s.flush()
        if status in ("in_progress", "completed"):
            version = await s.scalar(select(AgentVersion.id).where(AgentVersion.agent_id == agent_id))
            s.add(
                Interview(
                    workspace_id=agent.workspace_id,
                    candidate_id=c.id,
                    agent_id=agent_id,
                    agent_version_id=version,
                    status=status,
                    overall_score=score if status == "completed" else None,
                    started_at=c.created_at,
                    completed_at=(completed or c.created_at + timedelta(days=1))
                    if status == "completed"
                    else None,
                )
            )
        return c.id


async def rate(milo, candidate_id: int, user: str, value: int, kind: str = "stars") -> None:
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, candidate_id)
        s.add(
            Rating(workspace_id=c.workspace_id, candidate_id=c.id, slack_user_id=user, kind=kind, value=value)
        )


async def candidate(milo, candidate_id: int) -> Candidate:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(Candidate, candidate_id)


async def invite_viewer(milo, slack) -> None:
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()


# ---------------------------------------------------------------- the modal over the wire


def rows_of(view: dict) -> list[dict]:
    return [b for b in view["blocks"] if str(b.get("block_id", "")).startswith("cl_row:")]


def names_of(view: dict) -> list[str]:
    return [b["text"]["text"].split("*")[1] for b in rows_of(view)]


def headline(view: dict) -> str:
    return next(b for b in view["blocks"] if b.get("block_id") == CandidateListBlock.HEADER)["text"]["text"]


def notice(view: dict) -> str | None:
    block = next((b for b in view["blocks"] if b.get("block_id") == CandidateListBlock.NOTICE), None)
    return block["text"]["text"] if block else None


def state_of(view: dict) -> metadata.CandidateListState:
    return metadata.decode(metadata.CandidateListState, view["private_metadata"])


def element(view: dict, action_id: str) -> dict | None:
    for block in view["blocks"]:
        for el in block.get("elements", []) + ([block["accessory"]] if block.get("accessory") else []):
            if isinstance(el, dict) and el.get("action_id") == action_id:
                return el
    return None


def text_of(view: dict) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


def mrkdwn_of(view: dict) -> str:
    """Every mrkdwn text in the view (where `<!channel>` would ping); plain_text is shown literally."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                found.append(node.get("text", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(view["blocks"])
    return "\n".join(found)


async def open_list(milo, slack, query: str, *, user: str = ADMIN, team: str | None = None) -> dict:
    mark = slack.mark()
    await milo.command(f"candidates {query}", user=user, team=team)
    call = await slack.wait_for("views.open", since=mark)
    return _stored(slack, call)


def _stored(slack, call) -> dict:
    """The view as Slack holds it (with id and hash), for the next click to echo back."""
    sent = call.args["view"]
    return next(
        v
        for v in reversed(list(slack.views.values()))
        if v["private_metadata"] == sent.get("private_metadata", "") and v["blocks"] == sent["blocks"]
    )


async def click(
    milo,
    slack,
    view: dict,
    action_id: str,
    value: str | None = None,
    *,
    user: str = ADMIN,
    select: bool = False,
    team: str | None = None,
    expect: str = "views.update",
) -> dict:
    """Click a button (or choose `value` in a select) inside the list; the new view Slack now shows."""
    if value is None:
        value = element(view, action_id)["value"]
    team = team or slack.team_id
    make = payloads.static_select_action if select else payloads.block_actions
    mark = slack.mark()
    await milo.interact(make(team, user, action_id, value, view=view))
    call = await slack.wait_for(expect, since=mark)
    if expect == "views.update":
        return dict(slack.views[call.args["view_id"]])
    return _stored(slack, call)


async def submit_form(
    milo,
    slack,
    form: dict,
    list_view: dict,
    values: dict[str, Any],
    *,
    user: str = ADMIN,
    private_metadata=None,
) -> tuple[dict, dict | None]:
    """Submit a form pushed over the list. Returns (the HTTP answer, the list view after it, if updated)."""
    payload = payloads.view_submission(
        slack.team_id,
        user,
        form["callback_id"],
        values,
        form["private_metadata"] if private_metadata is None else private_metadata,
        view_id=form["id"],
    )
    payload["view"]["root_view_id"] = list_view["id"]
    payload["view"]["previous_view_id"] = list_view["id"]
    mark = slack.mark()
    resp = await milo.interact(payload)
    assert resp.status == 200
    body = await resp.text()
    answer = json.loads(body) if body.strip() else {}
    if answer.get("response_action") == "errors":
        return answer, None
    call = await slack.wait_for("views.update", since=mark)
    assert call.args["view_id"] == list_view["id"]
    return answer, dict(slack.views[list_view["id"]])


def filter_values(**given: Any) -> dict:
    """state.values of the filter form; pass ListQuery field names."""
    B = CandidateListBlock
    kinds = {
        "statuses": (B.STATUSES, payloads.multi_static_select_state),
        "decisions": (B.DECISIONS, payloads.multi_static_select_state),
        "score_min": (B.SCORE_MIN, payloads.number_input_state),
        "score_max": (B.SCORE_MAX, payloads.number_input_state),
        "date_field": (B.DATE_FIELD, payloads.static_select_state),
        "date_from": (B.DATE_FROM, payloads.datepicker_state),
        "date_to": (B.DATE_TO, payloads.datepicker_state),
        "sources": (B.SOURCES, payloads.multi_static_select_state),
        "rated": (B.RATED, payloads.static_select_state),
        "text": (B.TEXT, payloads.text_input_state),
        "sort": (B.SORT, payloads.static_select_state),
        "columns": (B.COLUMNS, payloads.checkboxes_state),
    }
    out = {}
    for field, (block, make) in kinds.items():
        if field in given:
            out[block] = {Input.VALUE: make(given[field])}
    return out


async def apply_filters(milo, slack, view: dict, *, user: str = ADMIN, **given) -> tuple[dict, dict | None]:
    form = await click(milo, slack, view, CandidateList.FILTERS, user=user, expect="views.push")
    assert form["callback_id"] == CandidateListView.FILTERS
    return await submit_form(milo, slack, form, view, filter_values(**given), user=user)


async def add_by_modal(milo, slack, agent_id: int, lines: str) -> dict:
    """Add Candidates, as an admin does it: the modal's submission."""
    context = metadata.ModalContext(channel_id="C0CHAN0001", agent_id=agent_id)
    resp = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            View.ADD_CANDIDATES,
            {"candidates_text": {Input.VALUE: payloads.text_input_state(lines)}},
            metadata.encode(context),
        )
    )
    return json.loads(await resp.text() or "{}")
