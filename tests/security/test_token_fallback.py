"""With OAuth and SLACK_BOT_TOKEN both set, the token speaks for its own workspace only (as auth.test
names it). A workspace with no installation — never installed, or uninstalled since — gets no client,
so work queued for it can't go out with another workspace's token."""

from __future__ import annotations

import pytest

from milobot.slack.tokens import NoTokenForWorkspace
from tests.foundation.test_uninstall import CLIENT_ID, CLIENT_SECRET, install

STRANGER_TEAM, STRANGER_ADMIN, STRANGER_TOKEN = "TSTRANGE1", "USTRANGE1", "xoxb-stranger"


@pytest.fixture
def settings_overrides():
    # The harness keeps its SLACK_BOT_TOKEN (the fake's home workspace) and OAuth is switched on too.
    return {"slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET, "run_scheduler": False}


async def test_the_bot_token_speaks_only_for_its_own_workspace(milo, slack):
    clients = milo.runtime.slack_clients
    home = await clients.for_team(slack.team_id)
    assert home.token == slack.bot_token

    slack.add_user(STRANGER_TEAM, STRANGER_ADMIN)
    with pytest.raises(NoTokenForWorkspace):
        await clients.for_team(STRANGER_TEAM)

    await install(milo, slack, team=STRANGER_TEAM, token=STRANGER_TOKEN, installer=STRANGER_ADMIN)
    assert (await clients.for_team(STRANGER_TEAM)).token == STRANGER_TOKEN

    assert await clients.delete_tokens(STRANGER_TEAM)  # what an uninstall does
    with pytest.raises(NoTokenForWorkspace):
        await clients.for_team(STRANGER_TEAM)
    assert (await clients.for_team(slack.team_id)).token == slack.bot_token
