"""Issue 8, item 1 (and item 9's access log): `milobot socket` without SLACK_SIGNING_SECRET.

The HTTP port of a Socket Mode process serves candidates only. A request to /slack/events signed with
any secret someone could guess (the old constant, an empty one) finds no route there, and nothing
reaches Slack; a reply never goes to a response_url outside Slack's hosts; and the access log names
routes, not the personal tokens in candidates' paths."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.conftest import ADMIN
from tests.fakes.http_sink import HttpSink
from tests.fakes.signing import command_form, post_command
from tests.fakes.socket_mode import FakeSocketModeServer
from tests.security.support import SECRET_KEY, clean_env, milobot_process

APP_TOKEN = "xapp-1-A0TEST-socket"
GUESSES = ("socket-mode", "", "secret", "changeme")


async def test_forged_slack_requests_to_a_socket_mode_process_find_no_route(tmp_path, slack, database_url):
    async with FakeSocketModeServer() as server, HttpSink() as attacker:
        slack._tokens[APP_TOKEN] = slack.team_id
        slack._api_apps_connections_open = lambda ws, args, call, request: {"ok": True, "url": server.url}
        env = clean_env(
            SLACK_BOT_TOKEN=slack.bot_token,
            SLACK_APP_TOKEN=APP_TOKEN,
            SLACK_API_URL=slack.url,
            DATABASE_URL=database_url,
            MILOBOT_DATA_DIR=str(tmp_path / "data"),
            MILOBOT_SECRET_KEY=SECRET_KEY,
            MILOBOT_ADMINS=ADMIN,
        )
        async with milobot_process("socket", tmp_path, env) as milobot:
            await slack.wait_for("apps.connections.open", timeout=30)
            mark = slack.mark()
            async with aiohttp.ClientSession() as http:
                for secret in GUESSES:
                    resp = await post_command(
                        http,
                        f"{milobot.base_url}/slack/events",
                        secret,
                        team_id=slack.team_id,
                        user_id=ADMIN,
                        text="apikey create",
                        response_url=f"http://127.0.0.1:{attacker.port}/hooks/steal",
                    )
                    assert resp.status == 404, (secret, resp.status)
                for path in ("/slack/install", "/slack/oauth_redirect?code=x&state=y"):
                    async with http.get(milobot.base_url + path, allow_redirects=False) as resp:
                        assert resp.status == 404, path
                # A candidate's personal link: served (404, no such interview), logged by route only.
                token = "PersonalToken-0123456789abcdef"
                async with http.get(f"{milobot.base_url}/i/{token}") as resp:
                    assert resp.status == 404

            # Over the socket (authenticated by the app token) a command whose response_url is not
            # Slack's gets no reply there; the same command with a Slack-hosted response_url does.
            for n, url in enumerate((f"http://127.0.0.1:{attacker.port}/hooks/x", slack.new_response_url())):
                form = command_form(team_id=slack.team_id, user_id=ADMIN, text="help", response_url=url)
                await server.outgoing.put(
                    {
                        "envelope_id": f"env-{n}",
                        "type": "slash_commands",
                        "accepts_response_payload": True,
                        "payload": form,
                    }
                )
            reply = await slack.wait_for("response_url", since=mark, timeout=15)
            assert "/milo agent new" in str(reply.args["blocks"])
            await _wait_for_log(milobot, "dropped a request whose response_url is not Slack's")
            assert attacker.requests == []
            # The command is the MILOBOT_ADMINS admin's first: it seats them, and the outbox then reads
            # their profile's time zone (users.info), racing the reply. Once that is in, the rest is
            # Bolt's own authorisation of the socket request.
            await slack.wait_for("users.info", since=mark, timeout=15)
            web_api = [c.method for c in slack.calls[mark:] if c.method not in ("response_url", "users.info")]
            assert set(web_api) <= {"auth.test"}, web_api
            assert [c.args.get("user") for c in slack.calls[mark:] if c.method == "users.info"] == [ADMIN]
            assert len(slack.calls_to("response_url")) == 1
            log = milobot.log
            assert token not in log
            assert "/i/{token}" in log


async def _wait_for_log(milobot, text: str, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while text not in milobot.log:
        assert loop.time() < deadline, f"{text!r} never logged:\n{milobot.log}"
        await asyncio.sleep(0.05)  # poll interval, bounded by the deadline above
