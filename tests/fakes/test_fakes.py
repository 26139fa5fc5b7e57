"""The fakes behave like the real services, as seen through the real clients."""

from __future__ import annotations

import asyncio
import json
import time
from email.message import EmailMessage

import aiohttp
import aiosmtplib
import pytest
from aiohttp import web
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from . import payloads
from .blockkit import validate_message_blocks, validate_view
from .http_sink import HttpSink, Reply
from .signing import command_form, post_command, post_event, post_interactive, sign
from .slack_api import FakeSlack
from .smtp import FakeSMTP

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def section(text: str, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if block_id:
        block["block_id"] = block_id
    return block


def button(action_id: str, text: str = "Go", value: str = "v") -> dict:
    return {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": text},
        "value": value,
    }


def modal(title: str = "Add agent", blocks: list | None = None, **extra) -> dict:
    return {
        "type": "modal",
        "callback_id": "agent_create",
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": blocks if blocks is not None else [section("hello")],
        **extra,
    }


@pytest.fixture
async def slack():
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
async def client(slack):
    client = AsyncWebClient(token=slack.bot_token, base_url=slack.url)
    yield client
    if client.session is not None:
        await client.session.close()


# ---------------------------------------------------------------- FakeSlack: auth


async def test_auth_test_answers_per_workspace_with_scopes_header(slack):
    slack.add_workspace("T0OTHER01", "xoxb-other", bot_user_id="UOTHERBOT", scopes=["chat:write", "commands"])
    resp = await AsyncWebClient(token="xoxb-other", base_url=slack.url).auth_test()
    assert resp["team_id"] == "T0OTHER01"
    assert resp["user_id"] == "UOTHERBOT"
    assert resp["bot_id"].startswith("B")
    assert resp["url"].startswith("https://")
    assert resp.headers["x-oauth-scopes"] == "chat:write,commands"

    default = await AsyncWebClient(token=slack.bot_token, base_url=slack.url).auth_test()
    assert default["team_id"] == FakeSlack.DEFAULT_TEAM_ID


async def test_unknown_token_is_invalid_auth_and_unknown_method_is_recorded(slack):
    with pytest.raises(SlackApiError) as err:
        await AsyncWebClient(token="xoxb-nope", base_url=slack.url).auth_test()
    assert err.value.response["error"] == "invalid_auth"

    client = AsyncWebClient(token=slack.bot_token, base_url=slack.url)
    with pytest.raises(SlackApiError) as err:
        await client.api_call("made.up", json={"x": 1})
    assert err.value.response["error"] == "unknown_method"
    assert slack.calls_to("made.up")[0].args == {"x": 1}


async def test_token_may_come_in_the_form(slack):
    async with (
        aiohttp.ClientSession() as session,
        session.post(slack.url + "auth.test", data={"token": slack.bot_token}) as resp,
    ):
        body = await resp.json()
    assert body["ok"] is True
    assert slack.last("auth.test").token == slack.bot_token


# ---------------------------------------------------------------- FakeSlack: chat


async def test_post_message_records_decoded_blocks_and_returns_increasing_ts(slack, client):
    blocks = [section("*Ada*", "b1"), {"type": "actions", "block_id": "b2", "elements": [button("rate")]}]
    first = await client.chat_postMessage(channel="C1", text="Ada", blocks=blocks)
    second = await client.chat_postMessage(channel="C1", text="again")
    assert float(second["ts"]) > float(first["ts"])
    assert first["channel"] == "C1"
    assert first["message"]["blocks"] == blocks
    call = await slack.wait_for("chat.postMessage")
    assert call.args["blocks"] == blocks  # decoded, not a JSON string
    assert call.token == slack.bot_token
    assert call.team_id == FakeSlack.DEFAULT_TEAM_ID


async def test_form_encoded_blocks_are_decoded(slack):
    blocks = [section("hi")]
    async with aiohttp.ClientSession() as session:
        await session.post(
            slack.url + "chat.postMessage",
            data={"channel": "C1", "blocks": json.dumps(blocks)},
            headers={"Authorization": f"Bearer {slack.bot_token}"},
        )
    assert slack.last("chat.postMessage").args["blocks"] == blocks


async def test_posting_to_a_user_id_posts_to_the_dm(slack, client):
    dm = (await client.conversations_open(users="U1"))["channel"]["id"]
    posted = await client.chat_postMessage(channel="U1", text="hi")
    assert posted["channel"] == dm
    assert slack.message(dm, posted["ts"])["text"] == "hi"


async def test_update_delete_permalink_and_ephemeral(slack, client):
    posted = await client.chat_postMessage(channel="C1", text="v1")
    updated = await client.chat_update(channel="C1", ts=posted["ts"], text="v2", blocks=[section("v2")])
    assert updated["message"]["text"] == "v2"
    assert slack.message("C1", posted["ts"])["blocks"] == [section("v2")]
    link = await client.chat_getPermalink(channel="C1", message_ts=posted["ts"])
    assert link["permalink"].endswith("/archives/C1/p" + posted["ts"].replace(".", ""))
    eph = await client.chat_postEphemeral(channel="C1", user="U1", text="psst")
    assert eph["message_ts"]
    await client.chat_delete(channel="C1", ts=posted["ts"])
    with pytest.raises(SlackApiError) as err:
        await client.chat_update(channel="C1", ts=posted["ts"], text="v3")
    assert err.value.response["error"] == "message_not_found"


async def test_wait_for_waits_for_calls_made_later(slack, client):
    async def post_later():
        await asyncio.sleep(0)
        for n in range(3):
            await client.chat_postMessage(channel="C9", text=f"n{n}")

    task = asyncio.create_task(post_later())
    calls = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == "C9", count=3)
    assert [c.args["text"] for c in calls] == ["n0", "n1", "n2"]
    await task
    with pytest.raises(AssertionError, match="timed out"):
        await slack.wait_for("chat.postMessage", count=4, timeout=0.2)


# ---------------------------------------------------------------- FakeSlack: faults


async def test_rate_limited_call_is_retried_by_slack_sdk(slack):
    slack.inject_429("chat.postMessage", times=1, retry_after=0)
    client = AsyncWebClient(
        token=slack.bot_token,
        base_url=slack.url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)],
    )
    resp = await client.chat_postMessage(channel="C1", text="hi")
    assert resp["ok"] is True
    assert len(slack.calls_to("chat.postMessage")) == 2


async def test_429_without_retry_handler_surfaces_retry_after(slack, client):
    slack.inject_429("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as err:
        await client.chat_postMessage(channel="C1", text="hi")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"


async def test_injected_error_then_normal(slack, client):
    slack.inject_error("views.open", "expired_trigger_id", times=1)
    with pytest.raises(SlackApiError) as err:
        await client.views_open(trigger_id="t", view=modal())
    assert err.value.response["error"] == "expired_trigger_id"
    assert (await client.views_open(trigger_id="t", view=modal()))["ok"]
    slack.reset()
    assert slack.calls == []


# ---------------------------------------------------------------- FakeSlack: views, conversations, users


async def test_views_return_id_and_hash_and_update_checks_hash(slack, client):
    opened = await client.views_open(trigger_id="123.456", view=modal())
    view = opened["view"]
    assert view["id"].startswith("V") and view["hash"]
    assert slack.last("views.open").args["view"]["callback_id"] == "agent_create"
    updated = await client.views_update(view_id=view["id"], hash=view["hash"], view=modal("Step 2"))
    assert updated["view"]["id"] == view["id"]
    with pytest.raises(SlackApiError) as err:
        await client.views_update(view_id=view["id"], hash="stale", view=modal())
    assert err.value.response["error"] == "hash_conflict"
    pushed = await client.views_push(trigger_id="123.457", view=modal("Pushed"))
    assert pushed["view"]["id"] != view["id"]
    home = {"type": "home", "blocks": [section("Home")]}
    published = await client.views_publish(user_id="U1", view=home)
    assert published["view"]["type"] == "home"
    assert slack.published_home[(FakeSlack.DEFAULT_TEAM_ID, "U1")]["blocks"] == [section("Home")]


async def test_conversations_open_gives_a_stable_dm_per_user(slack, client):
    a = await client.conversations_open(users="U1")
    again = await client.conversations_open(users=["U1"])
    b = await client.conversations_open(users="U2")
    assert a["channel"]["id"].startswith("D")
    assert again["channel"]["id"] == a["channel"]["id"] and again["already_open"]
    assert b["channel"]["id"] != a["channel"]["id"]
    info = await client.conversations_info(channel=a["channel"]["id"])
    assert info["channel"]["is_im"] and info["channel"]["user"] == "U1"
    slack.add_channel("C0HIRING1", "hiring", is_private=False)
    assert (await client.conversations_info(channel="C0HIRING1"))["channel"]["name"] == "hiring"


async def test_users_info_configured_and_generated(slack, client):
    slack.add_user(FakeSlack.DEFAULT_TEAM_ID, "U0ADA", real_name="Ada Lovelace", tz="Europe/London")
    ada = (await client.users_info(user="U0ADA"))["user"]
    assert ada["real_name"] == "Ada Lovelace" and ada["tz"] == "Europe/London"
    assert ada["profile"]["real_name"] == "Ada Lovelace"
    assert isinstance(ada["tz_offset"], int)
    other = (await client.users_info(user="U0SOMEONE"))["user"]
    assert other["id"] == "U0SOMEONE" and other["tz"] and other["real_name"]
    assert not other["is_bot"] and not other["deleted"]
    bot = (await client.users_info(user=slack.workspaces[FakeSlack.DEFAULT_TEAM_ID].bot_user_id))["user"]
    assert bot["is_bot"] and bot["profile"]["bot_id"]


# ---------------------------------------------------------------- FakeSlack: files


async def test_files_info_and_download_needs_the_bot_token(slack, client):
    pdf = b"%PDF-1.4 fake cv"
    file = slack.register_file(FakeSlack.DEFAULT_TEAM_ID, "F0CV00001", "ada cv.pdf", pdf, "application/pdf")
    assert file["filetype"] == "pdf" and file["size"] == len(pdf)
    info = await client.files_info(file="F0CV00001")
    url = info["file"]["url_private_download"]
    assert url.startswith(slack.root_url)
    async with aiohttp.ClientSession() as session:
        async with session.get(url, headers={"Authorization": f"Bearer {slack.bot_token}"}) as resp:
            assert resp.status == 200 and await resp.read() == pdf
            assert resp.content_type == "application/pdf"
        async with session.get(url) as resp:
            assert resp.status == 200 and resp.content_type == "text/html"
            assert b"Sign in" in await resp.read()
        slack.add_workspace("T0OTHER01", "xoxb-other")
        async with session.get(url, headers={"Authorization": "Bearer xoxb-other"}) as resp:
            assert resp.content_type == "text/html"  # another workspace's token does not open it
    with pytest.raises(SlackApiError) as err:
        await AsyncWebClient(token="xoxb-other", base_url=slack.url).files_info(file="F0CV00001")
    assert err.value.response["error"] == "file_not_found"


async def test_files_upload_v2_round_trips_bytes(slack, client):
    content = b"PK\x03\x04 zip bytes"
    resp = await client.files_upload_v2(
        channel="C0HIRING1",
        filename="shortlist.zip",
        content=content,
        title="Shortlist",
        initial_comment="here you go",
    )
    assert resp["file"]["id"].startswith("F")
    uploaded = slack.uploaded_files["shortlist.zip"]
    assert uploaded == content
    assert uploaded.channel == "C0HIRING1" and uploaded.title == "Shortlist"
    assert [c.method for c in slack.calls] == ["files.getUploadURLExternal", "files.completeUploadExternal"]
    assert slack.last("files.completeUploadExternal").args["files"][0]["id"] == resp["file"]["id"]
    info = await client.files_info(file=resp["file"]["id"])
    async with aiohttp.ClientSession() as session:
        url = info["file"]["url_private_download"]
        async with session.get(url, headers={"Authorization": f"Bearer {slack.bot_token}"}) as r:
            assert await r.read() == content


async def test_multipart_bodies_are_parsed(slack):
    form = aiohttp.FormData()
    form.add_field("channels", "C1")
    form.add_field("file", b"abc", filename="a.txt", content_type="text/plain")
    async with aiohttp.ClientSession() as session:
        await session.post(
            slack.url + "files.upload", data=form, headers={"Authorization": f"Bearer {slack.bot_token}"}
        )
    call = slack.last("files.upload")
    assert call.args["channels"] == "C1"
    assert call.files["file"]["content"] == b"abc" and call.files["file"]["filename"] == "a.txt"


# ---------------------------------------------------------------- FakeSlack: reactions, oauth


async def test_reactions(slack, client):
    await client.reactions_add(channel="C1", timestamp="1.000001", name="eyes")
    with pytest.raises(SlackApiError) as err:
        await client.reactions_add(channel="C1", timestamp="1.000001", name="eyes")
    assert err.value.response["error"] == "already_reacted"
    got = await client.reactions_get(channel="C1", timestamp="1.000001")
    assert got["message"]["reactions"][0]["name"] == "eyes"
    await client.reactions_remove(channel="C1", timestamp="1.000001", name="eyes")
    got = await client.reactions_get(channel="C1", timestamp="1.000001")
    assert got["message"].get("reactions") == []


async def test_oauth_v2_access_installs_a_workspace_once(slack):
    slack.add_oauth_code("code-1", "T0NEW0001", "xoxb-new", "U0INSTALLER", ["chat:write", "commands"])
    client = AsyncWebClient(base_url=slack.url)
    resp = await client.oauth_v2_access(client_id="111.222", client_secret="s3cret", code="code-1")
    assert resp["access_token"] == "xoxb-new" and resp["token_type"] == "bot"
    assert resp["team"] == {"id": "T0NEW0001", "name": "Team T0NEW0001"}
    assert resp["authed_user"]["id"] == "U0INSTALLER"
    assert resp["scope"] == "chat:write,commands"
    assert (await AsyncWebClient(token="xoxb-new", base_url=slack.url).auth_test())["team_id"] == "T0NEW0001"
    with pytest.raises(SlackApiError) as err:
        await client.oauth_v2_access(client_id="111.222", client_secret="s3cret", code="code-1")
    assert err.value.response["error"] == "invalid_code"


# ---------------------------------------------------------------- Block Kit validation


async def test_51_blocks_are_rejected_and_recorded(slack, client):
    with pytest.raises(SlackApiError) as err:
        await client.chat_postMessage(channel="C1", text="x", blocks=[section(f"{i}") for i in range(51)])
    assert err.value.response["error"] == "invalid_blocks"
    assert any("51 blocks" in v.problem for v in slack.block_kit_violations)
    assert slack.block_kit_violations[0].method == "chat.postMessage"
    assert (await client.chat_postMessage(channel="C1", text="x", blocks=[section("ok")] * 1))["ok"]


async def test_long_modal_title_is_rejected(slack, client):
    with pytest.raises(SlackApiError) as err:
        await client.views_open(trigger_id="t", view=modal("A title that is far too long"))
    assert err.value.response["error"] == "invalid_blocks"
    assert any("view.title" in v.problem for v in slack.block_kit_violations)


def test_validate_message_blocks_limits():
    assert validate_message_blocks([section("ok", "b1")]) == []
    problems = validate_message_blocks(
        [
            section("x" * 3001, "dup"),
            section("fine", "dup"),
            {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}},
            {
                "type": "actions",
                "elements": [button("a"), button("a"), button("b", text="t" * 76, value="v" * 2001)],
            },
            {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "o"},
                "accessory": {
                    "type": "overflow",
                    "action_id": "o",
                    "options": [{"text": {"type": "plain_text", "text": "only"}, "value": "v" * 151}],
                },
            },
        ]
    )
    text = "\n".join(problems)
    for expected in (
        "section text is 3001 chars",
        "duplicate block_id 'dup'",
        "header text is 151 chars",
        "duplicate action_id 'a'",
        "button text is 76 chars",
        "value: 2001 chars",
        "11 fields",
        "11 elements",
        "overflow has 1 options",
        "options[0].value: 151 chars",
    ):
        assert expected in text, f"{expected!r} not in:\n{text}"


def test_validate_view_limits():
    assert validate_view(modal()) == []
    assert validate_view({"type": "home", "blocks": [section("x")]}) == []
    input_block = {
        "type": "input",
        "block_id": "name",
        "label": {"type": "plain_text", "text": "Name"},
        "element": {"type": "plain_text_input", "action_id": "v", "max_length": 3001},
    }
    select = {
        "type": "static_select",
        "action_id": "s",
        "options": [{"text": {"type": "plain_text", "text": f"o{i}"}, "value": f"{i}"} for i in range(101)],
    }
    problems = validate_view(
        {
            "type": "modal",
            "callback_id": "c" * 256,
            "title": {"type": "plain_text", "text": "ok"},
            "private_metadata": "m" * 3001,
            "blocks": [input_block, {"type": "actions", "elements": [select]}] + [section("s")] * 99,
        }
    )
    text = "\n".join(problems)
    for expected in (
        "101 blocks",
        "callback_id: 256 chars",
        "private_metadata: 3001 chars",
        "max_length: 3001",
        "101 options",
        "submit: required",
    ):
        assert expected in text, f"{expected!r} not in:\n{text}"


# ---------------------------------------------------------------- signing


def test_sign_matches_slack_sdk_verifier():
    body = b"token=x&team_id=T1&text=hello%20world"
    headers = sign(body, SECRET)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid(body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"])
    ts = int(time.time()) - 30
    assert sign(body, SECRET, ts)["X-Slack-Signature"] == verifier.generate_signature(
        timestamp=str(ts), body=body
    )
    assert not verifier.is_valid(
        body, headers["X-Slack-Request-Timestamp"], sign(body, "other")["X-Slack-Signature"]
    )


async def test_signed_helpers_send_what_slack_sends():
    verifier = SignatureVerifier(SECRET)
    async with HttpSink() as sink, aiohttp.ClientSession() as session:
        resp = await post_command(
            session, sink.url_for("/slack/events"), SECRET, team_id="T1", user_id="U1", text="add"
        )
        assert resp.status == 200 and (await resp.json()) == {"ok": True}
        block = block_actions_payload = payloads.block_actions("T1", "U1", "rate", "5")
        await post_interactive(session, sink.url_for("/slack/events"), SECRET, block_actions_payload)
        await post_event(
            session,
            sink.url_for("/slack/events"),
            SECRET,
            payloads.app_home_opened("T1", "U1"),
            retry_num=1,
            retry_reason="http_timeout",
        )
        await post_command(
            session, sink.url_for("/bad"), SECRET, team_id="T1", user_id="U1", text="", signature="bad"
        )
        await post_command(
            session, sink.url_for("/stale"), SECRET, team_id="T1", user_id="U1", text="", signature="stale"
        )
        await post_command(
            session,
            sink.url_for("/missing"),
            SECRET,
            team_id="T1",
            user_id="U1",
            text="",
            signature="missing",
        )

    command, interactive, event = sink.requests_to("/slack/events")
    for req in (command, interactive, event):
        assert verifier.is_valid_request(req.body, req.headers)
    from urllib.parse import parse_qs

    form = {k: v[0] for k, v in parse_qs(command.text, keep_blank_values=True).items()}
    assert set(form) == set(payloads.SLASH_COMMAND_FORM)
    assert form["command"] == "/milo" and form["text"] == "add" and form["channel_id"] == "C123"
    assert command.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert json.loads(parse_qs(interactive.text)["payload"][0]) == block
    assert event.json["type"] == "event_callback" and event.json["event"]["type"] == "app_home_opened"
    assert (
        event.headers["X-Slack-Retry-Num"] == "1" and event.headers["X-Slack-Retry-Reason"] == "http_timeout"
    )
    assert not verifier.is_valid_request(
        sink.requests_to("/bad")[0].body, sink.requests_to("/bad")[0].headers
    )
    assert not verifier.is_valid_request(
        sink.requests_to("/stale")[0].body, sink.requests_to("/stale")[0].headers
    )
    assert "X-Slack-Signature" not in sink.requests_to("/missing")[0].headers


def test_command_form_has_the_captured_fields():
    form = command_form(team_id="T1", user_id="U1", text="hi")
    assert set(form) == set(payloads.SLASH_COMMAND_FORM)


# ---------------------------------------------------------------- payloads


def test_payload_shapes():
    ba = payloads.block_actions("T1", "U1", "rate", "5", block_id="cand", channel_id="D1")
    assert ba["type"] == "block_actions" and ba["actions"][0]["value"] == "5"
    assert ba["container"]["type"] == "message" and ba["container"]["channel_id"] == "D1"
    assert ba["message"]["blocks"][0]["elements"][0]["action_id"] == "rate"
    assert set(ba) == set(payloads.BLOCK_ACTIONS_BUTTON)
    view = payloads.modal_view("T1", callback_id="c")
    in_view = payloads.block_actions("T1", "U1", "next", "2", view=view)
    assert in_view["container"] == {"type": "view", "view_id": view["id"]} and "response_url" not in in_view
    ov = payloads.overflow_action("T1", "U1", "more", "archive")
    assert ov["actions"][0]["selected_option"]["value"] == "archive"
    ss = payloads.static_select_action("T1", "U1", "stage", "onsite", text="Onsite")
    assert ss["actions"][0]["selected_option"]["text"]["text"] == "Onsite"
    vs = payloads.view_submission(
        "T1", "U1", "agent_create", {"name": {"v": payloads.text_input_state("Ada")}}, '{"a":1}'
    )
    assert vs["view"]["state"]["values"]["name"]["v"]["value"] == "Ada"
    assert vs["view"]["private_metadata"] == '{"a":1}' and vs["view"]["callback_id"] == "agent_create"
    files = [{"id": "F1", "name": "cv.pdf"}]
    msg = payloads.message_im_with_files("T1", "U1", "D1", files)
    assert msg["event"]["subtype"] == "file_share" and msg["event"]["channel_type"] == "im"
    assert msg["event"]["files"] == files and msg["authorizations"][0]["team_id"] == "T1"
    fs = payloads.file_shared("T1", "U1", "F1", "D1")["event"]
    assert fs == {**fs, "type": "file_shared", "file_id": "F1", "channel_id": "D1", "user_id": "U1"}
    ra = payloads.reaction_added("T1", "U1", "star", "C1", "1.2", "U9")["event"]
    assert ra["item"] == {"type": "message", "channel": "C1", "ts": "1.2"} and ra["item_user"] == "U9"
    assert (
        payloads.reaction_removed("T1", "U1", "star", "C1", "1.2", "U9")["event"]["type"]
        == "reaction_removed"
    )
    home = payloads.app_home_opened("T1", "U1")["event"]
    assert home["tab"] == "home" and home["channel"].startswith("D")
    e1, e2 = payloads.file_shared("T1", "U1", "F1", "D1"), payloads.file_shared("T1", "U1", "F1", "D1")
    assert e1["event_id"] != e2["event_id"]


# ---------------------------------------------------------------- SMTP


async def test_aiosmtplib_delivers_to_fake_smtp():
    async with FakeSMTP() as smtp:
        assert smtp.url == f"smtp://127.0.0.1:{smtp.port}"
        message = EmailMessage()
        message["From"] = "milo@example.com"
        message["To"] = "ada@example.com"
        message["Subject"] = "Your interview"
        message.set_content("Hi Ada")
        await aiosmtplib.send(message, hostname=smtp.host, port=smtp.port)
        got = await smtp.wait_for_message(lambda m: m["To"] == "ada@example.com")
        assert got["Subject"] == "Your interview"
        assert got.get_body(("plain",)).get_content().strip() == "Hi Ada"
        assert smtp.envelopes[0].rcpt_tos == ["ada@example.com"]
        with pytest.raises(AssertionError):
            await smtp.wait_for_message(lambda m: m["To"] == "nobody@example.com", timeout=0.2)


async def test_fake_smtp_with_auth():
    async with FakeSMTP(username="milo", password="pw") as smtp:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "m@example.com", "a@example.com", "x"
        message.set_content("y")
        await aiosmtplib.send(
            message, hostname=smtp.host, port=smtp.port, username="milo", password="pw", start_tls=False
        )
        await smtp.wait_for_messages(1)
        assert smtp.envelopes[0].login == "milo"
        with pytest.raises(aiosmtplib.SMTPAuthenticationError):
            await aiosmtplib.send(
                message, hostname=smtp.host, port=smtp.port, username="milo", password="no", start_tls=False
            )


# ---------------------------------------------------------------- HttpSink


async def test_http_sink_scripts_and_records():
    async with HttpSink() as sink, aiohttp.ClientSession() as session:
        sink.respond_sequence("/hooks/milo", [500, 500, 200])
        sink.respond("/v1/candidates/*", status=201, json={"id": 42})
        statuses = []
        for _ in range(4):
            async with session.post(sink.url_for("/hooks/milo"), json={"event": "x"}) as resp:
                statuses.append(resp.status)
        assert statuses == [500, 500, 200, 200]
        async with session.post(sink.url_for("/v1/candidates/7/notes"), data=b"raw") as resp:
            assert resp.status == 201 and await resp.json() == {"id": 42}
        got = await sink.wait_for("/hooks/milo", count=4)
        assert got[0].json == {"event": "x"} and got[0].method == "POST"
        note = await sink.wait_for("/v1/candidates/*")
        assert note.body == b"raw" and note.json is None
        sink.respond("/slow", body="late", times=1, delay=0.05)
        async with session.get(sink.url_for("/slow?x=1")) as resp:
            assert await resp.text() == "late"
        assert sink.requests_to("/slow")[0].query == {"x": "1"}
        with pytest.raises(AssertionError):
            await sink.wait_for("/never", timeout=0.1)
        assert Reply(status=204).status == 204


# ---------------------------------------------------------------- all together, through Bolt


async def test_bolt_app_round_trip_through_the_fakes(slack):
    from slack_bolt.async_app import AsyncApp

    client = AsyncWebClient(token=slack.bot_token, base_url=slack.url)
    app = AsyncApp(client=client, signing_secret=SECRET)

    @app.command("/milo")
    async def milo(ack, respond, say, command):
        await ack()
        await respond(f"working on {command['text']}")
        await say(blocks=[section("done", "b1")], text="done")

    @app.action("rate")
    async def rate(ack, body, client):
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=modal())

    @app.event("app_home_opened")
    async def home(event, client):
        await client.views_publish(user_id=event["user"], view={"type": "home", "blocks": [section("Home")]})

    runner = web.AppRunner(app.web_app(path="/slack/events"))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/slack/events"
    team = FakeSlack.DEFAULT_TEAM_ID
    try:
        async with aiohttp.ClientSession() as session:
            resp = await post_command(
                session,
                url,
                SECRET,
                team_id=team,
                user_id="U1",
                text="ada",
                response_url=slack.new_response_url(team),
            )
            assert resp.status == 200
            responded = await slack.wait_for("response_url")
            assert responded.args["text"] == "working on ada"
            said = await slack.wait_for("chat.postMessage")
            assert said.args["channel"] == "C123" and said.args["blocks"] == [section("done", "b1")]

            resp = await post_interactive(
                session, url, SECRET, payloads.block_actions(team, "U1", "rate", "5")
            )
            assert resp.status == 200
            assert (await slack.wait_for("views.open")).args["view"]["callback_id"] == "agent_create"

            resp = await post_event(session, url, SECRET, payloads.app_home_opened(team, "U1"))
            assert resp.status == 200
            await slack.wait_for("views.publish", lambda c: c.args["user_id"] == "U1")

            bad = await post_command(
                session, url, SECRET, team_id=team, user_id="U1", text="x", signature="bad"
            )
            stale = await post_command(
                session, url, SECRET, team_id=team, user_id="U1", text="x", signature="stale"
            )
            assert (bad.status, stale.status) == (401, 401)
        slack.assert_no_violations()
    finally:
        await runner.cleanup()
        if client.session is not None:
            await client.session.close()


async def test_wait_for_since_ignores_earlier_calls_and_upload_faults(slack, client):
    await client.chat_postMessage(channel="C1", text="old")
    mark = slack.mark()
    await client.chat_postMessage(channel="C1", text="new")
    assert (await slack.wait_for("chat.postMessage", since=mark)).args["text"] == "new"

    slack.inject_error("upload", "boom", status=500)
    with pytest.raises(Exception, match="Failed to upload"):
        await client.files_upload_v2(channel="C1", filename="a.txt", content=b"a")
    await client.files_upload_v2(channel="C1", filename="a.txt", content=b"a")
    assert slack.uploaded_files["a.txt"] == b"a"
