"""A fake Slack Web API on a real socket, for tests that speak the wire.

    async with FakeSlack() as slack:
        client = AsyncWebClient(token=slack.bot_token, base_url=slack.url)
        await client.chat_postMessage(channel="C1", text="hi")
        call = await slack.wait_for("chat.postMessage")
        assert call.args["text"] == "hi"

It parses requests the way slack_sdk's AsyncWebClient sends them (form, multipart, JSON, query
string; token as ``Authorization: Bearer`` or form field), records every call, answers with Slack's
response shapes (java-slack-sdk ``json-logs/samples/api``), validates Block Kit on every chat.* and
views.* call (``tests/fakes/blockkit.py``), and serves file downloads and uploads the way
files.slack.com does. Faults (HTTP 429 with Retry-After, ``ok: false`` errors) can be injected per method.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import mimetypes
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self
from urllib.parse import quote
from zoneinfo import ZoneInfo

from aiohttp import web

from . import blockkit, payloads

JSON_FIELDS = ("blocks", "attachments", "view", "files", "metadata", "outputs", "unfurls", "user_auth_blocks")
NO_TOKEN_METHODS = {"oauth.v2.access", "oauth.access", "oauth.v2.exchange", "api.test"}
MESSAGE_METHODS = {"chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage"}
VIEW_METHODS = {"views.open", "views.update", "views.push", "views.publish"}
DEFAULT_SCOPES = [
    "app_mentions:read",
    "channels:history",
    "channels:join",
    "channels:read",
    "chat:write",
    "commands",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "im:history",
    "im:read",
    "im:write",
    "reactions:read",
    "reactions:write",
    "users:read",
    "users:read.email",
]

LOGIN_PAGE = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>Slack</title></head>
<body class="signin"><div id="page"><h1>Sign in to Slack</h1>
<form id="signin_form" action="/" method="post"><input type="email" name="email">
<input type="password" name="password"><button type="submit" id="signin_btn">Sign in</button></form>
</div></body></html>
"""


@dataclass
class Call:
    """One request to the fake Web API, as decoded from the wire."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str]
    token: str | None
    files: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # multipart parts: filename, content_type, content
    team_id: str | None = None  # the workspace the token belongs to, if it is known


@dataclass
class Violation:
    method: str
    problem: str
    excerpt: str


@dataclass
class Workspace:
    team_id: str
    bot_token: str
    bot_user_id: str
    bot_id: str
    team_name: str
    domain: str
    app_id: str
    scopes: list[str]
    enterprise_id: str | None = None


@dataclass
class OAuthGrant:
    code: str
    team_id: str
    bot_token: str
    authed_user_id: str
    scopes: list[str]
    user_scopes: list[str]
    user_token: str | None
    bot_user_id: str
    team_name: str
    app_id: str
    used: bool = False


class UploadedFile(bytes):
    """The bytes of a file uploaded through files_upload_v2, carrying where it was shared."""

    file_id: str
    name: str
    title: str | None
    channel_id: str | None
    channels: list[str]
    initial_comment: str | None
    thread_ts: str | None
    team_id: str

    def __new__(cls, content: bytes, **meta: Any) -> Self:
        obj = super().__new__(cls, content)
        for key, value in meta.items():
            setattr(obj, key, value)
        return obj

    @property
    def content(self) -> bytes:
        return bytes(self)

    @property
    def channel(self) -> str | None:
        """The single channel it was shared to (``channel_id``, else the first of ``channels``)."""
        return self.channel_id or (self.channels[0] if self.channels else None)


def _matches(predicate: Callable[[Any], bool] | None, item: Any) -> bool:
    """A predicate that trips over a differently shaped call (KeyError, ...) just does not match it."""
    if predicate is None:
        return True
    try:
        return bool(predicate(item))
    except (KeyError, IndexError, TypeError, AttributeError):
        return False


class _SlackError(Exception):
    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


class FakeSlack:
    DEFAULT_TEAM_ID = "T0MILO0001"
    DEFAULT_BOT_TOKEN = "xoxb-fake-T0MILO0001"

    def __init__(self, *, default_workspace: bool = True, host: str = "127.0.0.1") -> None:
        self._host = host
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self.workspaces: dict[str, Workspace] = {}
        self._tokens: dict[str, str] = {}  # token -> team_id (bot and user tokens)
        self._users: dict[tuple[str, str], dict[str, Any]] = {}
        self._channels: dict[str, dict[str, Any]] = {}
        self._oauth: dict[str, OAuthGrant] = {}
        self.oauth_client: tuple[str, str] | None = None  # (client_id, client_secret) to enforce, if set
        self._files: dict[str, dict[str, Any]] = {}  # file_id -> file object
        self._file_content: dict[str, bytes] = {}
        self._file_team: dict[str, str] = {}
        self._ids = itertools.count(1)
        self._ts_base = int(time.time())
        self._cond = asyncio.Condition()
        self._reset_recordings()
        if default_workspace:
            self.add_workspace(self.DEFAULT_TEAM_ID, self.DEFAULT_BOT_TOKEN)

    def _reset_recordings(self) -> None:
        self.calls: list[Call] = []
        self.block_kit_violations: list[Violation] = []
        self.uploaded_files: dict[str, UploadedFile] = {}
        self.messages: dict[str, dict[str, dict[str, Any]]] = {}  # channel -> ts -> message
        self.views: dict[str, dict[str, Any]] = {}  # view id -> view
        self.published_home: dict[tuple[str, str], dict[str, Any]] = {}  # (team, user) -> home view
        self._faults: dict[str, list[tuple[str, Any]]] = {}
        self._pending_uploads: dict[str, dict[str, Any]] = {}
        self._ims: dict[tuple[str, str], str] = {}

    def reset(self) -> None:
        """Forget calls, messages, uploads, violations and injected faults; keep workspaces, users,
        channels, OAuth codes and registered files."""
        self._reset_recordings()

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self._cond = asyncio.Condition()  # bound to the loop the fake serves in
        app = web.Application(client_max_size=200 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_get("/files-pri/{team_file}/download/{name}", self._handle_download)
        app.router.add_get("/files-pri/{team_file}/{name}", self._handle_download)
        app.router.add_post("/upload/v1/{upload_id}", self._handle_upload)
        app.router.add_post("/hooks/{kind}/{tail:.*}", self._handle_response_url)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def root_url(self) -> str:
        return f"http://{self._host}:{self.port}/"

    @property
    def url(self) -> str:
        """The Web API base url, for slack_sdk's ``base_url``."""
        return f"{self.root_url}api/"

    @property
    def bot_token(self) -> str:
        return self.DEFAULT_BOT_TOKEN

    @property
    def team_id(self) -> str:
        return self.DEFAULT_TEAM_ID

    def new_response_url(self, team_id: str | None = None, kind: str = "commands") -> str:
        """A response_url served by this fake: what the app POSTs there is recorded as a Call with
        method ``"response_url"`` (``args`` is the JSON body, ``args["__url"]`` the url)."""
        team_id = team_id or self.DEFAULT_TEAM_ID
        return f"{self.root_url}hooks/{kind}/{team_id}/{next(self._ids)}/{secrets.token_urlsafe(18)}"

    # ------------------------------------------------------------ configuration

    def add_workspace(
        self,
        team_id: str,
        bot_token: str,
        *,
        bot_user_id: str | None = None,
        bot_id: str | None = None,
        team_name: str | None = None,
        domain: str | None = None,
        app_id: str = payloads.API_APP_ID,
        scopes: list[str] | None = None,
        enterprise_id: str | None = None,
    ) -> Workspace:
        ws = Workspace(
            team_id=team_id,
            bot_token=bot_token,
            bot_user_id=bot_user_id or payloads.bot_user_id_for(team_id),
            bot_id=bot_id or payloads.bot_id_for(team_id),
            team_name=team_name or f"Team {team_id}",
            domain=domain or f"team-{team_id.lower()}",
            app_id=app_id,
            scopes=list(scopes if scopes is not None else DEFAULT_SCOPES),
            enterprise_id=enterprise_id,
        )
        self.workspaces[team_id] = ws
        self._tokens[bot_token] = team_id
        return ws

    def set_scopes(self, team_id: str, scopes: list[str]) -> None:
        self.workspaces[team_id].scopes = list(scopes)

    def revoke_token(self, token: str) -> None:
        """Make ``token`` answer ``invalid_auth`` from now on (an uninstalled app)."""
        self._tokens.pop(token, None)

    def add_user(
        self,
        team_id: str,
        user_id: str,
        *,
        real_name: str | None = None,
        tz: str = "America/New_York",
        email: str | None = None,
        display_name: str | None = None,
        is_bot: bool = False,
        is_admin: bool = False,
        deleted: bool = False,
        **extra: Any,
    ) -> dict[str, Any]:
        """Register a profile users.info returns (unregistered users get a generated one)."""
        user = self._make_user(
            team_id,
            user_id,
            real_name=real_name,
            tz=tz,
            email=email,
            display_name=display_name,
            is_bot=is_bot,
            is_admin=is_admin,
            deleted=deleted,
        )
        user.update(extra)
        self._users[(team_id, user_id)] = user
        return user

    def add_channel(self, channel_id: str, name: str | None = None, **fields: Any) -> dict[str, Any]:
        """Register what conversations.info returns for ``channel_id`` (others are generated)."""
        channel = {**self._make_channel(channel_id, name), **fields}
        self._channels[channel_id] = channel
        return channel

    def add_open_view(self, team_id: str, view: dict[str, Any]) -> dict[str, Any]:
        """A modal someone has open in Slack, as views.open would have made it: a crafted
        view_submission names it, so the app's views.update of that modal lands as it would in Slack
        (an id the fake never made answers not_found, and the listener fails after the test's checks)."""
        return self._view(self.workspaces[team_id], view)

    def add_oauth_code(
        self,
        code: str,
        team_id: str,
        bot_token: str,
        authed_user_id: str,
        scopes: list[str] | None = None,
        *,
        user_scopes: list[str] | None = None,
        user_token: str | None = None,
        bot_user_id: str | None = None,
        team_name: str | None = None,
        app_id: str = payloads.API_APP_ID,
    ) -> None:
        """Make ``oauth.v2.access`` with ``code`` install the app into ``team_id`` (once)."""
        self._oauth[code] = OAuthGrant(
            code=code,
            team_id=team_id,
            bot_token=bot_token,
            authed_user_id=authed_user_id,
            scopes=list(scopes if scopes is not None else DEFAULT_SCOPES),
            user_scopes=list(user_scopes or []),
            user_token=user_token,
            bot_user_id=bot_user_id or payloads.bot_user_id_for(team_id),
            team_name=team_name or f"Team {team_id}",
            app_id=app_id,
        )

    def register_file(
        self,
        team_id: str,
        file_id: str,
        name: str,
        content: bytes,
        mimetype: str,
        filetype: str | None = None,
        *,
        user_id: str = "U0UPLOADER",
        title: str | None = None,
    ) -> dict[str, Any]:
        """Make a file exist in ``team_id``: files.info returns the returned object, and its
        ``url_private_download`` serves ``content`` to the workspace's tokens."""
        file = self._file_object(team_id, file_id, name, len(content), mimetype, filetype, user_id, title)
        self._files[file_id] = file
        self._file_content[file_id] = bytes(content)
        self._file_team[file_id] = team_id
        return json.loads(json.dumps(file))

    # ------------------------------------------------------------ fault injection

    def inject_429(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with HTTP 429 and ``Retry-After``."""
        self._faults.setdefault(method, []).extend([("429", retry_after)] * times)

    def inject_error(self, method: str, error: str, times: int = 1, *, status: int = 200) -> None:
        """Answer the next ``times`` calls of ``method`` with ``{"ok": false, "error": error}``.

        ``method`` may also be ``"upload"`` (the files_upload_v2 upload url) or ``"response_url"``;
        those answer ``status`` (500 if left at 200) with ``error`` as plain text."""
        self._faults.setdefault(method, []).extend([("error", (error, status))] * times)

    # ------------------------------------------------------------ assertions

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def last(self, method: str) -> Call:
        calls = self.calls_to(method)
        assert calls, f"no call to {method}; calls: {[c.method for c in self.calls]}"
        return calls[-1]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        count: int = 1,
        *,
        since: int = 0,
    ) -> Call | list[Call]:
        """Wait until ``count`` calls to ``method`` matching ``predicate`` arrived; return the first
        one (count == 1) or the first ``count``. Only calls from index ``since`` on count: pass
        ``since=slack.mark()`` taken before the action to ignore earlier calls. Raises AssertionError
        on timeout."""

        def matching() -> list[Call]:
            return [c for c in self.calls[since:] if c.method == method and _matches(predicate, c)]

        try:
            async with self._cond:
                await asyncio.wait_for(self._cond.wait_for(lambda: len(matching()) >= count), timeout)
        except TimeoutError:
            seen = [c.method for c in self.calls]
            raise AssertionError(
                f"timed out after {timeout}s waiting for {count} call(s) to {method}"
                f" (matching: {len(matching())}); calls so far: {seen}"
            ) from None
        found = matching()[:count]
        return found[0] if count == 1 else found

    def mark(self) -> int:
        """The number of calls so far, for ``wait_for(..., since=mark)``."""
        return len(self.calls)

    def assert_no_violations(self) -> None:
        assert not self.block_kit_violations, "\n".join(
            f"{v.method}: {v.problem}" for v in self.block_kit_violations
        )

    def message(self, channel: str, ts: str) -> dict[str, Any] | None:
        return self.messages.get(channel, {}).get(ts)

    # ------------------------------------------------------------ request parsing

    async def _parse(self, request: web.Request) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        args: dict[str, Any] = dict(request.query)
        files: dict[str, dict[str, Any]] = {}
        ctype = request.content_type
        if request.can_read_body:
            if ctype == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    args.update(body)
            elif ctype.startswith("multipart/"):
                reader = await request.multipart()
                while (part := await reader.next()) is not None:
                    if part.filename is not None:  # type: ignore[union-attr]
                        files[part.name] = {  # type: ignore[union-attr,index]
                            "filename": part.filename,  # type: ignore[union-attr]
                            "content_type": part.headers.get("Content-Type"),  # type: ignore[union-attr]
                            "content": await part.read(decode=True),  # type: ignore[union-attr]
                        }
                    else:
                        args[part.name] = await part.text()  # type: ignore[union-attr,index]
            else:
                form = await request.post()
                for key in form:
                    value = form.getall(key)
                    args[key] = value[0] if len(value) == 1 else value
        for key in JSON_FIELDS:
            value = args.get(key)
            if isinstance(value, str) and value[:1] in ("[", "{"):
                try:
                    args[key] = json.loads(value)
                except ValueError:
                    pass  # leave it as sent; validation will complain
        return args, files

    # ------------------------------------------------------------ Web API dispatch

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args, files = await self._parse(request)
        token = None
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            token = auth[len("Bearer ") :].strip()
        if "token" in args:
            token = args.pop("token")
        call = Call(method=method, args=args, headers=dict(request.headers), token=token, files=files)
        call.team_id = self._tokens.get(token) if token else None
        self.calls.append(call)
        await self._wait_if_held(method, args)
        try:
            return self._maybe_lose(method, request, self._answer(method, args, token, call, request))
        finally:
            # after the answer is built, so a woken test sees the fake's state already updated
            async with self._cond:
                self._cond.notify_all()

    def _answer(self, method: str, args: dict[str, Any], token: str | None, call: Call, request: web.Request):
        faults = self._faults.get(method)
        if faults:
            kind, value = faults.pop(0)
            if kind == "429":
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": str(value)}
                )
            error, status = value
            return web.json_response({"ok": False, "error": error}, status=status)

        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method", "req_method": method})

        headers: dict[str, str] = {}
        ws: Workspace | None = None
        if method not in NO_TOKEN_METHODS:
            if not token:
                return web.json_response({"ok": False, "error": "not_authed"})
            team_id = self._tokens.get(token)
            if team_id is None:
                return web.json_response({"ok": False, "error": "invalid_auth"})
            ws = self.workspaces[team_id]
            headers["x-oauth-scopes"] = ",".join(ws.scopes)
            headers["x-accepted-oauth-scopes"] = ""

        try:
            body = handler(ws, args, call, request)
        except _SlackError as err:
            body = {"ok": False, "error": err.error, **err.extra}
        return web.json_response(body, headers=headers)

    def _check_blocks(self, method: str, args: dict[str, Any]) -> None:
        problems: list[str] = []
        if method in MESSAGE_METHODS:
            problems += blockkit.validate_message_blocks(args.get("blocks"))
            text_problems = blockkit.validate_message_text(args.get("text"))
            if text_problems and not problems:
                self._record_violations(method, text_problems, args.get("text"))
                raise _SlackError("msg_too_long")
            problems += text_problems
            excerpt_of = args.get("blocks")
        else:
            problems += blockkit.validate_view(args.get("view"))
            excerpt_of = args.get("view")
        if problems:
            self._record_violations(method, problems, excerpt_of)
            raise _SlackError(
                "invalid_blocks", response_metadata={"messages": [f"[ERROR] {p}" for p in problems]}
            )

    def _record_violations(self, method: str, problems: list[str], payload: Any) -> None:
        excerpt = json.dumps(payload, ensure_ascii=False)[:500]
        for problem in problems:
            self.block_kit_violations.append(Violation(method=method, problem=problem, excerpt=excerpt))

    # ------------------------------------------------------------ ids and shapes

    def _next_ts(self) -> str:
        return f"{self._ts_base}.{next(self._ids):06d}"

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):09d}"

    @staticmethod
    def _make_user(
        team_id: str,
        user_id: str,
        *,
        real_name: str | None = None,
        tz: str = "America/New_York",
        email: str | None = None,
        display_name: str | None = None,
        is_bot: bool = False,
        is_admin: bool = False,
        deleted: bool = False,
    ) -> dict[str, Any]:
        real_name = real_name or f"User {user_id}"
        name = real_name.lower().replace(" ", ".")
        now = datetime.now(ZoneInfo(tz))
        offset = int(now.utcoffset().total_seconds())  # type: ignore[union-attr]
        profile = {
            "title": "",
            "phone": "",
            "skype": "",
            "real_name": real_name,
            "real_name_normalized": real_name,
            "display_name": display_name if display_name is not None else real_name.split(" ")[0],
            "display_name_normalized": display_name if display_name is not None else real_name.split(" ")[0],
            "fields": None,
            "status_text": "",
            "status_emoji": "",
            "status_expiration": 0,
            "avatar_hash": "g" + user_id[-11:].lower(),
            "email": email or f"{name}@example.com",
            "first_name": real_name.split(" ")[0],
            "last_name": " ".join(real_name.split(" ")[1:]),
            "image_24": "https://secure.gravatar.com/avatar/0.jpg?s=24",
            "image_72": "https://secure.gravatar.com/avatar/0.jpg?s=72",
            "image_192": "https://secure.gravatar.com/avatar/0.jpg?s=192",
            "status_text_canonical": "",
            "team": team_id,
        }
        return {
            "id": user_id,
            "team_id": team_id,
            "name": name,
            "deleted": deleted,
            "color": "9f69e7",
            "real_name": real_name,
            "tz": tz,
            "tz_label": now.tzname(),
            "tz_offset": offset,
            "profile": profile,
            "is_admin": is_admin,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": is_bot,
            "is_app_user": False,
            "updated": int(time.time()),
            "is_email_confirmed": True,
            "who_can_share_contact_card": "EVERYONE",
        }

    @staticmethod
    def _make_channel(channel_id: str, name: str | None) -> dict[str, Any]:
        is_im = channel_id.startswith("D")
        is_private = channel_id.startswith("G")
        channel: dict[str, Any] = {
            "id": channel_id,
            "created": 1600000000,
            "is_archived": False,
            "is_org_shared": False,
            "context_team_id": None,
            "updated": 1600000000000,
        }
        if is_im:
            channel.update(
                {
                    "is_im": True,
                    "user": "U" + channel_id[1:],
                    "is_user_deleted": False,
                    "priority": 0,
                    "is_open": True,
                }
            )
        else:
            channel.update(
                {
                    "name": name or f"channel-{channel_id.lower()}",
                    "is_channel": not is_private,
                    "is_group": False,
                    "is_im": False,
                    "is_mpim": False,
                    "is_private": is_private,
                    "is_general": False,
                    "is_shared": False,
                    "is_ext_shared": False,
                    "is_member": True,
                    "name_normalized": name or f"channel-{channel_id.lower()}",
                    "creator": "U0CREATOR1",
                    "topic": {"value": "", "creator": "", "last_set": 0},
                    "purpose": {"value": "", "creator": "", "last_set": 0},
                    "previous_names": [],
                }
            )
        return channel

    def _file_object(
        self,
        team_id: str,
        file_id: str,
        name: str,
        size: int,
        mimetype: str,
        filetype: str | None,
        user_id: str,
        title: str | None,
    ) -> dict[str, Any]:
        filetype = filetype or (name.rsplit(".", 1)[-1].lower() if "." in name else "binary")
        now = int(time.time())
        qname = quote(name)
        base = f"{self.root_url}files-pri/{team_id}-{file_id}"
        return {
            "id": file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": title or name,
            "mimetype": mimetype,
            "filetype": filetype,
            "pretty_type": filetype.upper(),
            "user": user_id,
            "user_team": team_id,
            "editable": False,
            "size": size,
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": False,
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": f"{base}/{qname}",
            "url_private_download": f"{base}/download/{qname}",
            "media_display_type": "unknown",
            "permalink": f"https://team-{team_id.lower()}.slack.com/files/{user_id}/{file_id}/{qname}",
            "permalink_public": f"https://slack-files.com/{team_id}-{file_id}-{secrets.token_hex(5)}",
            "comments_count": 0,
            "is_starred": False,
            "shares": {},
            "channels": [],
            "groups": [],
            "ims": [],
            "has_more_shares": False,
            "has_rich_preview": False,
            "file_access": "visible",
        }

    def _message(self, ws: Workspace, channel: str, ts: str, args: dict[str, Any]) -> dict[str, Any]:
        message: dict[str, Any] = {
            "user": ws.bot_user_id,
            "type": "message",
            "ts": ts,
            "bot_id": ws.bot_id,
            "app_id": ws.app_id,
            "text": args.get("text", ""),
            "team": ws.team_id,
            "bot_profile": {
                "id": ws.bot_id,
                "deleted": False,
                "name": "milo",
                "updated": self._ts_base,
                "app_id": ws.app_id,
                "icons": {"image_36": "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png"},
                "team_id": ws.team_id,
            },
        }
        for key in ("blocks", "attachments", "metadata", "thread_ts"):
            if args.get(key) is not None:
                message[key] = args[key]
        return message

    def _view(
        self, ws: Workspace, view: dict[str, Any], view_id: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        view_id = view_id or self._new_id("V")
        out = {
            "id": view_id,
            "team_id": ws.team_id,
            "type": view.get("type"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
            "title": view.get("title"),
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "close": view.get("close"),
            "submit": view.get("submit"),
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": ws.app_id,
            "external_id": view.get("external_id", ""),
            "app_installed_team_id": ws.team_id,
            "bot_id": ws.bot_id,
        }
        out.update(extra)
        self.views[view_id] = out
        return out

    @staticmethod
    def _require(args: dict[str, Any], *names: str) -> None:
        for name in names:
            if args.get(name) in (None, ""):
                messages = [f"[ERROR] missing required field: {name}"]
                raise _SlackError("invalid_arguments", response_metadata={"messages": messages})

    # ------------------------------------------------------------ methods: auth

    def _api_api_test(self, ws, args, call, request):
        return {"ok": True, "args": args}

    def _api_auth_test(self, ws: Workspace, args, call, request):
        body = {
            "ok": True,
            "url": f"https://{ws.domain}.slack.com/",
            "team": ws.team_name,
            "user": "milo",
            "team_id": ws.team_id,
            "user_id": ws.bot_user_id,
            "bot_id": ws.bot_id,
            "is_enterprise_install": False,
        }
        if ws.enterprise_id:
            body["enterprise_id"] = ws.enterprise_id
        return body

    def _api_oauth_v2_access(self, ws, args, call: Call, request):
        client_id, client_secret = args.get("client_id"), args.get("client_secret")
        auth = call.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        if self.oauth_client is not None:
            if client_id != self.oauth_client[0]:
                raise _SlackError("invalid_client_id")
            if client_secret != self.oauth_client[1]:
                raise _SlackError("bad_client_secret")
        grant = self._oauth.get(args.get("code", ""))
        if grant is None or grant.used:
            raise _SlackError("invalid_code")
        grant.used = True
        self.add_workspace(
            grant.team_id,
            grant.bot_token,
            bot_user_id=grant.bot_user_id,
            team_name=grant.team_name,
            app_id=grant.app_id,
            scopes=grant.scopes,
        )
        authed_user: dict[str, Any] = {"id": grant.authed_user_id}
        if grant.user_token:
            self._tokens[grant.user_token] = grant.team_id
            authed_user.update(
                {"scope": ",".join(grant.user_scopes), "access_token": grant.user_token, "token_type": "user"}
            )
        return {
            "ok": True,
            "app_id": grant.app_id,
            "authed_user": authed_user,
            "scope": ",".join(grant.scopes),
            "token_type": "bot",
            "access_token": grant.bot_token,
            "bot_user_id": grant.bot_user_id,
            "team": {"id": grant.team_id, "name": grant.team_name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    # ------------------------------------------------------------ methods: chat

    def _api_chat_postMessage(self, ws: Workspace, args, call, request):
        self._require(args, "channel")
        if not args.get("text") and not args.get("blocks") and not args.get("attachments"):
            raise _SlackError("no_text")
        self._check_blocks("chat.postMessage", args)
        channel = self._resolve_channel(ws, args["channel"])
        if self._channels.get(channel, {}).get("is_archived"):
            raise _SlackError("is_archived")  # a channel registered (or re-registered) as archived
        if self._channels.get(channel, {}).get("is_member") is False:
            raise _SlackError("not_in_channel")  # a channel registered with is_member=False
        ts = self._next_ts()
        message = self._message(ws, channel, ts, args)
        self.messages.setdefault(channel, {})[ts] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _resolve_channel(self, ws: Workspace, channel: str) -> str:
        """Posting to a user id posts to the app's DM with that user, as Slack does."""
        if channel[:1] in ("U", "W"):
            key = (ws.team_id, channel)
            if key not in self._ims:
                self._ims[key] = self._new_id("D")
            return self._ims[key]
        return channel

    def _api_chat_scheduleMessage(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "post_at")
        self._check_blocks("chat.scheduleMessage", args)
        channel = self._resolve_channel(ws, args["channel"])
        return {
            "ok": True,
            "channel": channel,
            "scheduled_message_id": self._new_id("Q"),
            "post_at": int(args["post_at"]),
            "message": self._message(ws, channel, "", args),
        }

    def _api_chat_update(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "ts")
        self._check_blocks("chat.update", args)
        channel, ts = args["channel"], args["ts"]
        old = self.messages.get(channel, {}).get(ts)
        if old is None:
            raise _SlackError("message_not_found")
        message = {
            **old,
            "text": args.get("text", old.get("text", "")),
            "edited": {"user": ws.bot_user_id, "ts": self._next_ts()},
        }
        for key in ("blocks", "attachments", "metadata"):
            if key in args:
                message[key] = args[key]
        self.messages[channel][ts] = message
        return {"ok": True, "channel": channel, "ts": ts, "text": message["text"], "message": message}

    def _api_chat_postEphemeral(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "user")
        if not args.get("text") and not args.get("blocks") and not args.get("attachments"):
            raise _SlackError("no_text")
        self._check_blocks("chat.postEphemeral", args)
        return {"ok": True, "message_ts": self._next_ts()}

    def _api_chat_delete(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "ts")
        channel, ts = args["channel"], args["ts"]
        if self.messages.get(channel, {}).pop(ts, None) is None:
            raise _SlackError("message_not_found")
        return {"ok": True, "channel": channel, "ts": ts}

    def _api_chat_getPermalink(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "message_ts")
        channel, ts = args["channel"], args["message_ts"]
        return {
            "ok": True,
            "permalink": f"https://{ws.domain}.slack.com/archives/{channel}/p{ts.replace('.', '')}",
            "channel": channel,
        }

    # ------------------------------------------------------------ methods: views

    def _api_views_open(self, ws: Workspace, args, call, request):
        self._require(args, "trigger_id", "view")
        self._check_blocks("views.open", args)
        return {"ok": True, "view": self._view(ws, args["view"])}

    def _api_views_push(self, ws: Workspace, args, call, request):
        self._require(args, "trigger_id", "view")
        self._check_blocks("views.push", args)
        return {"ok": True, "view": self._view(ws, args["view"])}

    def _api_views_update(self, ws: Workspace, args, call, request):
        self._require(args, "view")
        if not args.get("view_id") and not args.get("external_id"):
            raise _SlackError("invalid_arguments")
        self._check_blocks("views.update", args)
        view_id = args.get("view_id")
        if view_id is None:
            view_id = next(
                (vid for vid, v in self.views.items() if v.get("external_id") == args["external_id"]), None
            )
        if view_id is None or view_id not in self.views:
            raise _SlackError("not_found")
        old = self.views[view_id]
        if args.get("hash") and args["hash"] != old["hash"]:
            raise _SlackError("hash_conflict")
        view = self._view(ws, args["view"], view_id, root_view_id=old["root_view_id"])
        return {"ok": True, "view": view}

    def _api_views_publish(self, ws: Workspace, args, call, request):
        self._require(args, "user_id", "view")
        self._check_blocks("views.publish", args)
        key = (ws.team_id, args["user_id"])
        old = self.published_home.get(key)
        view = self._view(ws, args["view"], old["id"] if old else None)
        self.published_home[key] = view
        return {"ok": True, "view": view}

    # ------------------------------------------------------------ methods: conversations, users

    def _api_conversations_open(self, ws: Workspace, args, call, request):
        users = args.get("users")
        if isinstance(users, list):
            users = ",".join(users)
        if not users and args.get("channel"):
            return {"ok": True, "no_op": True, "already_open": True, "channel": {"id": args["channel"]}}
        if not users:
            raise _SlackError("users_list_not_supplied")
        key = (ws.team_id, users)
        already = key in self._ims
        if not already:
            prefix = "D" if "," not in users else "G"
            self._ims[key] = self._new_id(prefix)
        channel_id = self._ims[key]
        channel: dict[str, Any] = {"id": channel_id}
        if str(args.get("return_im", "")).lower() in ("1", "true"):
            channel = {**self._make_channel(channel_id, None), "user": users}
        return {"ok": True, "no_op": already, "already_open": already, "channel": channel}

    def _api_conversations_info(self, ws: Workspace, args, call, request):
        self._require(args, "channel")
        channel_id = args["channel"]
        channel = self._channels.get(channel_id) or self._make_channel(channel_id, None)
        if channel.get("is_private") and not channel.get("is_member", True) and not channel.get("is_im"):
            raise _SlackError("channel_not_found")  # a bot sees a private channel only as a member
        for (team, users), im in self._ims.items():
            if im == channel_id and team == ws.team_id and "," not in users:
                channel = {**channel, "user": users}
        return {"ok": True, "channel": {k: v for k, v in channel.items() if k != "members"}}

    def _api_conversations_join(self, ws: Workspace, args, call, request):
        """channels:join: public channels only; a private one needs an invitation."""
        self._require(args, "channel")
        channel_id = args["channel"]
        channel = self._channels.get(channel_id)
        if channel is None:
            channel = self.add_channel(channel_id)
        if channel.get("is_private"):
            raise _SlackError("method_not_supported_for_channel_type")
        if channel.get("is_archived"):
            raise _SlackError("is_archived")
        already = bool(channel.get("is_member", True))
        channel["is_member"] = True
        reply: dict[str, Any] = {"ok": True, "channel": {k: v for k, v in channel.items() if k != "members"}}
        if already:
            reply["warning"] = "already_in_channel"
        return reply

    def _api_conversations_members(self, ws: Workspace, args, call, request):
        """The members add_channel(..., members=[...]) registered (none, for other channels), paged."""
        self._require(args, "channel")
        channel = self._channels.get(args["channel"]) or self._make_channel(args["channel"], None)
        if channel.get("is_private") and not channel.get("is_member", True):
            raise _SlackError("channel_not_found")
        members = list(channel.get("members") or [])
        limit = max(1, min(1000, int(args.get("limit") or 100)))
        start = int(args.get("cursor") or 0)
        page = members[start : start + limit]
        more = start + limit < len(members)
        return {
            "ok": True,
            "members": page,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _api_users_info(self, ws: Workspace, args, call, request):
        self._require(args, "user")
        user = self._users.get((ws.team_id, args["user"]))
        if user is None:
            if args["user"][:1] not in ("U", "W"):
                raise _SlackError("user_not_found")
            # Nobody registered them: UTC, so the workspace time zone milobot takes from its first
            # admin's profile stays UTC in tests that don't care (add_user(tz=...) in those that do).
            # The workspace's own bot user is a bot, as Slack says of it.
            is_bot = args["user"] == ws.bot_user_id
            user = self._make_user(
                ws.team_id, args["user"], tz="UTC", is_bot=is_bot, real_name="milo" if is_bot else None
            )
            if is_bot:
                user["profile"]["bot_id"] = ws.bot_id
        return {"ok": True, "user": user}

    def _api_users_lookupByEmail(self, ws: Workspace, args, call, request):
        self._require(args, "email")
        for (team, _), user in self._users.items():
            if team == ws.team_id and user["profile"]["email"] == args["email"]:
                return {"ok": True, "user": user}
        raise _SlackError("users_not_found")

    # ------------------------------------------------------------ methods: files

    def _api_files_info(self, ws: Workspace, args, call, request):
        self._require(args, "file")
        file_id = args["file"]
        if file_id not in self._files or self._file_team[file_id] != ws.team_id:
            raise _SlackError("file_not_found")
        return {
            "ok": True,
            "file": self._files[file_id],
            "comments": [],
            "response_metadata": {"next_cursor": ""},
        }

    def _api_files_getUploadURLExternal(self, ws: Workspace, args, call, request):
        self._require(args, "filename", "length")
        try:
            length = int(args["length"])
        except ValueError:
            raise _SlackError("invalid_arguments") from None
        file_id = self._new_id("F")
        upload_id = secrets.token_urlsafe(12)
        self._pending_uploads[upload_id] = {
            "file_id": file_id,
            "filename": args["filename"],
            "length": length,
            "team_id": ws.team_id,
            "snippet_type": args.get("snippet_type"),
            "alt_txt": args.get("alt_txt"),
            "content": None,
        }
        return {"ok": True, "upload_url": f"{self.root_url}upload/v1/{upload_id}", "file_id": file_id}

    def _api_files_completeUploadExternal(self, ws: Workspace, args, call, request):
        entries = args.get("files")
        if not isinstance(entries, list) or not entries:
            raise _SlackError("invalid_arguments")
        channels_arg = args.get("channels") or ""
        channels = (
            [c for c in channels_arg.split(",") if c] if isinstance(channels_arg, str) else list(channels_arg)
        )
        channel_id = args.get("channel_id")
        shared_to = ([channel_id] if channel_id else []) + channels
        by_file_id = {p["file_id"]: p for p in self._pending_uploads.values()}
        out = []
        for entry in entries:
            pending = by_file_id.get(entry.get("id"))
            if pending is None or pending["team_id"] != ws.team_id:
                raise _SlackError("file_not_found")
            if pending["content"] is None:
                raise _SlackError("file_upload_not_complete")  # never POSTed to the upload url
            name = pending["filename"]
            mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
            file = self.register_file(
                ws.team_id,
                pending["file_id"],
                name,
                pending["content"],
                mimetype,
                user_id=ws.bot_user_id,
                title=entry.get("title") or name,
            )
            stored = self._files[pending["file_id"]]
            for channel in shared_to:
                ts = self._next_ts()
                kind = "private" if channel[:1] in ("D", "G") else "public"
                stored["shares"].setdefault(kind, {})[channel] = [
                    {"ts": ts, "reply_users": [], "reply_count": 0}
                ]
                (stored["ims"] if channel.startswith("D") else stored["channels"]).append(channel)
                self.messages.setdefault(channel, {})[ts] = {
                    **self._message(ws, channel, ts, {"text": args.get("initial_comment", "")}),
                    "files": [file],
                    "upload": True,
                }
            self.uploaded_files[name] = UploadedFile(
                pending["content"],
                file_id=pending["file_id"],
                name=name,
                title=entry.get("title"),
                channel_id=channel_id,
                channels=channels,
                initial_comment=args.get("initial_comment"),
                thread_ts=args.get("thread_ts"),
                team_id=ws.team_id,
            )
            out.append(json.loads(json.dumps(stored)))
        return {"ok": True, "files": out}

    def _api_files_delete(self, ws: Workspace, args, call, request):
        """A bot may delete what it uploaded; the messages that showed the file keep a tombstone."""
        self._require(args, "file")
        file_id = args["file"]
        if file_id not in self._files or self._file_team[file_id] != ws.team_id:
            raise _SlackError("file_not_found")
        if self._files[file_id].get("user") != ws.bot_user_id:
            raise _SlackError("cant_delete_file")
        del self._files[file_id]
        self._file_content.pop(file_id, None)
        for name in [n for n, f in self.uploaded_files.items() if f.file_id == file_id]:
            del self.uploaded_files[name]
        for channel_messages in self.messages.values():
            for message in channel_messages.values():
                files = message.get("files") or []
                message["files"] = [
                    {"id": file_id, "mode": "tombstone"} if f.get("id") == file_id else f for f in files
                ]
        return {"ok": True}

    def _route_fault(self, name: str) -> web.Response | None:
        """Injected faults for the non-API routes ("upload", "response_url"), as plain-text answers."""
        faults = self._faults.get(name)
        if not faults:
            return None
        kind, value = faults.pop(0)
        if kind == "429":
            return web.Response(status=429, text="rate_limited", headers={"Retry-After": str(value)})
        error, status = value
        return web.Response(status=status if status != 200 else 500, text=error, content_type="text/plain")

    async def _handle_upload(self, request: web.Request) -> web.Response:
        fault = self._route_fault("upload")
        if fault is not None:
            return fault
        pending = self._pending_uploads.get(request.match_info["upload_id"])
        if pending is None:
            return web.Response(status=404, text="Not Found", content_type="text/plain")
        if request.content_type.startswith("multipart/"):
            content = b""
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if part.filename is not None:  # type: ignore[union-attr]
                    content = await part.read(decode=True)  # type: ignore[union-attr]
        else:
            content = await request.read()
        pending["content"] = content
        return web.Response(status=200, text=f"OK - {len(content)}", content_type="text/plain")

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        body = await request.read()
        try:
            args = json.loads(body) if body else {}
        except ValueError:
            args = {"__raw": body.decode("utf-8", errors="replace")}
        if not isinstance(args, dict):
            args = {"__raw": args}
        args["__url"] = str(request.url)
        call = Call(method="response_url", args=args, headers=dict(request.headers), token=None)
        self.calls.append(call)
        async with self._cond:
            self._cond.notify_all()
        fault = self._route_fault("response_url")
        if fault is not None:
            return fault
        problems = blockkit.validate_message_blocks(args.get("blocks"))
        if problems:
            self._record_violations("response_url", problems, args.get("blocks"))
            return web.Response(status=400, text="invalid_blocks", content_type="text/plain")
        return web.Response(status=200, text="ok", content_type="text/html")

    async def _handle_download(self, request: web.Request) -> web.Response:
        team_id, _, file_id = request.match_info["team_file"].partition("-")
        auth = request.headers.get("Authorization", "")
        token = auth[len("Bearer ") :].strip() if auth.startswith("Bearer ") else None
        if token is None or self._tokens.get(token) != team_id:
            # What files.slack.com does without a valid token: 200 with the sign-in page.
            return web.Response(status=200, text=LOGIN_PAGE, content_type="text/html")
        if file_id not in self._file_content or self._file_team[file_id] != team_id:
            return web.Response(status=404, text="Not Found", content_type="text/plain")
        file = self._files[file_id]
        return web.Response(
            body=self._file_content[file_id],
            content_type=file["mimetype"],
            headers={"Content-Disposition": f'attachment; filename="{file["name"]}"'},
        )

    # ------------------------------------------------------------ methods: reactions

    def _reacted_message(self, ws: Workspace, channel: str, ts: str) -> dict[str, Any]:
        channel_messages = self.messages.setdefault(channel, {})
        if ts not in channel_messages:  # a message someone else posted: Slack still knows it
            channel_messages[ts] = {"type": "message", "ts": ts, "text": "", "team": ws.team_id}
        return channel_messages[ts]

    def _api_reactions_add(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "timestamp", "name")
        message = self._reacted_message(ws, args["channel"], args["timestamp"])
        reactions = message.setdefault("reactions", [])
        reaction = next((r for r in reactions if r["name"] == args["name"]), None)
        if reaction is None:
            reaction = {"name": args["name"], "users": [], "count": 0}
            reactions.append(reaction)
        if ws.bot_user_id in reaction["users"]:
            raise _SlackError("already_reacted")
        reaction["users"].append(ws.bot_user_id)
        reaction["count"] += 1
        return {"ok": True}

    def _api_reactions_remove(self, ws: Workspace, args, call, request):
        self._require(args, "name")
        message = self._reacted_message(ws, args.get("channel", ""), args.get("timestamp", ""))
        reactions = message.get("reactions", [])
        reaction = next((r for r in reactions if r["name"] == args["name"]), None)
        if reaction is None or ws.bot_user_id not in reaction["users"]:
            raise _SlackError("no_reaction")
        reaction["users"].remove(ws.bot_user_id)
        reaction["count"] -= 1
        if not reaction["count"]:
            reactions.remove(reaction)
        return {"ok": True}

    def _api_reactions_get(self, ws: Workspace, args, call, request):
        self._require(args, "channel", "timestamp")
        message = self._reacted_message(ws, args["channel"], args["timestamp"])
        return {"ok": True, "type": "message", "channel": args["channel"], "message": message}

    # ------------------------------------------------------------ conversations.history, lost answers

    def _api_conversations_history(self, ws: Workspace, args, call, request):
        """Newest first, with ``oldest``/``latest``/``inclusive``, ``limit`` and a cursor. Message metadata
        only with ``include_all_metadata``, as Slack does. Needs the conversation's history scope."""
        self._require(args, "channel")
        channel = args["channel"]
        kind = self._channels.get(channel) or self._make_channel(channel, None)
        needed = (
            "im:history"
            if kind.get("is_im")
            else "mpim:history"
            if kind.get("is_mpim")
            else "groups:history"
            if kind.get("is_private")
            else "channels:history"
        )
        if needed not in ws.scopes:
            raise _SlackError("missing_scope", needed=needed, provided=",".join(ws.scopes))
        inclusive = str(args.get("inclusive", "")).lower() in ("1", "true")
        oldest = float(args.get("oldest") or 0)
        latest = float(args["latest"]) if args.get("latest") else float("inf")

        def inside(ts: str) -> bool:
            t = float(ts)
            if inclusive:
                return oldest <= t <= latest
            return oldest < t < latest

        with_meta = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        found = sorted(
            (m for ts, m in self.messages.get(channel, {}).items() if inside(ts)),
            key=lambda m: float(m["ts"]),
            reverse=True,
        )
        start = int(base64.urlsafe_b64decode(args["cursor"]).decode()) if args.get("cursor") else 0
        limit = max(1, min(int(args.get("limit") or 100), 999))
        page = found[start : start + limit]
        more = start + limit < len(found)
        messages = [m if with_meta else {k: v for k, v in m.items() if k != "metadata"} for m in page]
        return {
            "ok": True,
            "messages": json.loads(json.dumps(messages)),
            "has_more": more,
            "pin_count": 0,
            "response_metadata": {
                "next_cursor": base64.urlsafe_b64encode(str(start + limit).encode()).decode() if more else ""
            },
        }

    def inject_lost_answer(self, method: str, times: int = 1) -> None:
        """Carry out the next ``times`` calls of ``method`` (the message lands) but drop the connection
        before answering, as a timeout or a network failure after Slack acted does."""
        self._faults.setdefault("lost:" + method, []).extend([("lost", None)] * times)

    def _maybe_lose(self, method: str, request: web.Request, response: web.Response) -> web.Response:
        lost = self._faults.get("lost:" + method)
        if lost and response.status == 200:
            lost.pop(0)
            if request.transport is not None:
                request.transport.abort()
        return response

    def hold(self, method: str, predicate: Callable[[dict[str, Any]], bool] | None = None) -> asyncio.Event:
        """Keep matching calls of ``method`` waiting (recorded, not yet carried out or answered) until the
        returned event is set: a slow Slack, for as long as a test needs one."""
        gate = asyncio.Event()
        self._holds = [*getattr(self, "_holds", []), (method, predicate, gate)]
        return gate

    async def _wait_if_held(self, method: str, args: dict[str, Any]) -> None:
        for held, predicate, gate in getattr(self, "_holds", []):
            if held == method and not gate.is_set() and _matches(predicate, args):
                async with self._cond:  # the call is recorded: let a waiting test see it now
                    self._cond.notify_all()
                await gate.wait()
