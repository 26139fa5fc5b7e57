"""App Home is published again for the people concerned when something it shows changes, not only when
it is opened: an agent added or archived (the whole team), an import waiting for review (its uploader),
a role changed (that person). Requests are coalesced, so a burst publishes each Home about once."""

from __future__ import annotations

import json

from milobot.ids import Action, AgentMenu
from tests.agents.support import agents, create_agent, menu_value
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.ingestion.support import (
    buttons,
    click,
    corpus_pdfs,
    dm_files,
    make_agent,
    register,
    review_ready,
)

VIEWER = "UVIEWER001"


def home_text(call) -> str:
    return json.dumps(call.args["view"])


def publishes(slack, user: str, since: int = 0) -> list:
    return [c for c in slack.calls[since:] if c.method == "views.publish" and c.args["user_id"] == user]


async def test_a_new_agent_and_an_archive_republish_every_members_home(milo, slack):
    await milo.seat(slack.team_id, VIEWER, "viewer")
    mark = slack.mark()
    await create_agent(milo, slack, name="Night Nurse")
    for user in (ADMIN, VIEWER):  # the viewer never opened the Home tab, yet it is kept current
        call = await slack.wait_for(
            "views.publish",
            lambda c, u=user: c.args["user_id"] == u and "Night Nurse" in home_text(c),
            since=mark,
        )
        assert call.args["view"]["type"] == "home"
    [agent] = await agents(milo)

    mark = slack.mark()
    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(AgentMenu.ARCHIVE, agent.id),
            response_url=slack.new_response_url(),
        )
    )
    archived = await slack.wait_for(
        "views.publish", lambda c: c.args["user_id"] == VIEWER and "archived" in home_text(c), since=mark
    )
    assert "Night Nurse" in home_text(archived)


async def test_a_burst_of_changes_publishes_each_home_about_once(milo, slack):
    await milo.seat(slack.team_id, VIEWER, "viewer")
    mark = slack.mark()
    for n in range(4):
        await create_agent(milo, slack, name=f"Role {n}")
    await slack.wait_for(
        "views.publish", lambda c: c.args["user_id"] == VIEWER and "Role 3" in home_text(c), since=mark
    )

    # Settle: every request for the viewer's Home has been delivered or folded into another.
    async def settled():
        from sqlalchemy import func, select

        from milobot.db.models import OutboxMessage

        async with milo.container.db.unit_of_work() as s:
            return not await s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.kind == "slack.home", OutboxMessage.status == "pending")
            )

    await milo.wait_until(settled, timeout=10)
    viewer = publishes(slack, VIEWER, mark)
    assert 1 <= len(viewer) <= 2, len(viewer)  # four changes within the debounce: one publish (two if slow)
    last = home_text(viewer[-1])
    assert all(f"Role {n}" in last for n in range(4))


async def test_an_import_waiting_for_review_shows_on_the_uploaders_home_and_leaves_it_when_done(milo, slack):
    await make_agent(milo, "Backend Engineer")
    pdfs = corpus_pdfs(2)
    files = [register(slack, name, data, "application/pdf") for name, data, _ in pdfs]
    mark = slack.mark()
    await dm_files(milo, files)
    batch, message = await review_ready(milo, slack)
    waiting = await slack.wait_for(
        "views.publish",
        lambda c: c.args["user_id"] == ADMIN and "Imports pending review" in home_text(c),
        since=mark,
    )
    assert f"Import #{batch.id}" in home_text(waiting) and "2 profiles waiting" in home_text(waiting)

    mark = slack.mark()
    (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
    await milo.interact(click(slack, message, approve_all))
    done = await slack.wait_for(
        "views.publish",
        lambda c: c.args["user_id"] == ADMIN and "Imports pending review" not in home_text(c),
        since=mark,
    )
    assert "2 candidates" in home_text(done)


async def test_a_role_change_republishes_that_persons_home(milo, slack):
    await milo.seat(slack.team_id, VIEWER, "viewer")
    mark = slack.mark()
    await milo.command(f"team role <@{VIEWER}> admin", user=ADMIN)
    call = await slack.wait_for("views.publish", lambda c: c.args["user_id"] == VIEWER, since=mark)
    assert "You're an *admin*" in home_text(call) and "New agent" in home_text(call)
    assert not publishes(slack, ADMIN, mark)  # nothing the admin sees changed
