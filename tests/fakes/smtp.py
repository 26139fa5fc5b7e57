"""A real SMTP server (aiosmtpd) on an ephemeral 127.0.0.1 port that keeps what it receives.

async with FakeSMTP() as smtp:
    settings = Settings(smtp_url=smtp.url, ...)
    ...
    msg = await smtp.wait_for_message(lambda m: m["To"] == "a@example.com")
    assert msg.get_body(("plain",)).get_content().startswith("Hi")

A recipient can be refused for good (`smtp.refuse(address)`: 550 to every RCPT TO) or for a while
(`smtp.defer(address, times=1)`: 451 to the next `times` RCPT TOs, then accepted); a sender can be refused
(`smtp.refuse_sender(address)`: 553 to MAIL FROM). `smtp.attempts` lists every RCPT TO address the server
was asked for, refused or not, in order.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Envelope:
    mail_from: str
    rcpt_tos: list[str]
    login: str | None


class _EphemeralController(Controller):
    """aiosmtpd's Controller, but bound to port 0 and reporting the port the OS picked."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class FakeSMTP:
    def __init__(self, *, username: str | None = None, password: str | None = None) -> None:
        """With ``username``/``password``, the server offers AUTH (without TLS) and checks them."""
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Envelope] = []
        self._credentials = (username, password) if username is not None else None
        self._controller: _EphemeralController | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiters: list[asyncio.Future[None]] = []
        self.attempts: list[str] = []
        self._refused: dict[str, str] = {}
        self._deferred: dict[str, tuple[int, str]] = {}
        self._refused_senders: dict[str, str] = {}
        self._lock = threading.Lock()  # the replies are read in aiosmtpd's thread

    # ------------------------------------------------------------ replies

    def refuse(
        self, address: str, reply: str = "550 5.1.1 Requested action not taken: mailbox unavailable"
    ) -> None:
        """Answer every RCPT TO for ``address`` with ``reply`` (a permanent 5xx refusal)."""
        with self._lock:
            self._refused[address.lower()] = reply

    def defer(
        self,
        address: str,
        *,
        times: int = 1,
        reply: str = "451 4.3.0 Temporary local problem, try again later",
    ) -> None:
        """Answer the next ``times`` RCPT TOs for ``address`` with ``reply`` (a temporary 4xx), then accept."""
        with self._lock:
            self._deferred[address.lower()] = (times, reply)

    def refuse_sender(
        self, address: str, reply: str = "553 5.7.1 Sender address rejected: not owned by user"
    ) -> None:
        """Answer MAIL FROM ``address`` with ``reply``."""
        with self._lock:
            self._refused_senders[address.lower()] = reply

    def _mail_reply(self, address: str) -> str | None:
        with self._lock:
            return self._refused_senders.get(address.lower())

    def attempts_for(self, address: str) -> int:
        with self._lock:
            return sum(1 for a in self.attempts if a.lower() == address.lower())

    def _rcpt_reply(self, address: str) -> str | None:
        key = address.lower()
        with self._lock:
            self.attempts.append(address)
            if key in self._refused:
                return self._refused[key]
            times, reply = self._deferred.get(key, (0, ""))
            if times > 0:
                self._deferred[key] = (times - 1, reply)
                return reply
        return None

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        kwargs: dict[str, Any] = {}
        if self._credentials is not None:
            kwargs.update(authenticator=self._authenticate, auth_require_tls=False)
        self._controller = _EphemeralController(_Handler(self), hostname="127.0.0.1", port=0, **kwargs)
        await asyncio.to_thread(self._controller.start)

    async def stop(self) -> None:
        if self._controller is not None:
            await asyncio.to_thread(self._controller.stop)
            self._controller = None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def port(self) -> int:
        assert self._controller is not None, "FakeSMTP is not running"
        return self._controller.port

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def reset(self) -> None:
        self.messages.clear()
        self.envelopes.clear()
        with self._lock:
            self.attempts.clear()
            self._refused.clear()
            self._deferred.clear()
            self._refused_senders.clear()

    # ------------------------------------------------------------ waiting

    async def wait_for_message(
        self, predicate: Callable[[EmailMessage], bool] | None = None, timeout: float = 5
    ) -> EmailMessage:
        """The first received message matching ``predicate`` (waits for it to arrive)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for message in self.messages:
                if predicate is None or predicate(message):
                    return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                subjects = [m["Subject"] for m in self.messages]
                raise AssertionError(f"no matching e-mail within {timeout}s; received subjects: {subjects}")
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(waiter, remaining)
            except TimeoutError:
                pass
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    async def wait_for_messages(self, count: int, timeout: float = 5) -> list[EmailMessage]:
        """Wait until at least ``count`` messages arrived; return the first ``count``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.messages) < count:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"got {len(self.messages)} e-mails within {timeout}s, expected {count}")
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(waiter, remaining)
            except TimeoutError:
                pass
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        return self.messages[:count]

    # ------------------------------------------------------------ server side (runs in aiosmtpd's thread)

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and self._credentials is not None:
            ok = (auth_data.login.decode(), auth_data.password.decode()) == self._credentials
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
        return AuthResult(success=False, handled=False)

    def _received(self, message: EmailMessage, envelope: Envelope) -> None:
        # called in the test's event loop through call_soon_threadsafe
        self.messages.append(message)
        self.envelopes.append(envelope)
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)


class _Handler:
    def __init__(self, smtp: FakeSMTP) -> None:
        self._smtp = smtp

    async def handle_MAIL(self, server, session, envelope, address, mail_options) -> str:
        refusal = self._smtp._mail_reply(address)
        if refusal is not None:
            return refusal
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        refusal = self._smtp._rcpt_reply(address)
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode()
        message = email.message_from_bytes(content, policy=email.policy.default)
        auth = session.auth_data
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        env = Envelope(mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos), login=login)
        assert self._smtp._loop is not None
        self._smtp._loop.call_soon_threadsafe(self._smtp._received, message, env)
        return "250 Message accepted for delivery"
