"""E-mail through SMTP (aiosmtplib), delivered from the outbox so a down mail server loses nothing.

Each e-mail's Message-ID is derived from its outbox row, so every retry of one row sends the same
Message-ID: when a first attempt was accepted but its answer lost, the copy that follows is recognisably
the same message (mail stores and clients such as Gmail drop a second message with an ID they hold).

A 5xx reply to this message (its sender, its recipient or its content refused: "550 mailbox
unavailable") is final, so the e-mail is given up at once rather than retried; a 4xx reply, a connection
that fails or a server that doesn't answer is retried as any delivery. A candidate e-mail given up on is
told to the person who sent it (services/email_failures.py)."""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from urllib.parse import unquote, urlparse

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.jobs.outbox import Delivery, OutboxWorker, PermanentFailure
from milobot.services import email_failures

REPLY_LIMIT = 300


class MailRefused(PermanentFailure):
    """The mail server refused this message for good; `reply` is its answer ("550 5.1.1 …")."""

    def __init__(self, reply: str):
        super().__init__(f"refused by the mail server: {reply}")
        self.reply = reply


def _reply(code: int, message: str) -> str:
    return " ".join(f"{code} {message}".split())[:REPLY_LIMIT]


def _refusal(exc: BaseException) -> tuple[int, str] | None:
    """The SMTP reply that refused this message (code and text), or None when the failure is not a
    reply about the message: connection, timeout, or the server's own set-up (greeting, HELO, AUTH: a
    wrong password is ours to fix, and every e-mail would fail alike)."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        # One recipient per e-mail; with several, the whole e-mail is final only when all are.
        codes = [(r.code, r.message) for r in exc.recipients]
        if not codes:
            return None
        final = [c for c in codes if 500 <= c[0] < 600]
        return final[0] if len(final) == len(codes) else next(c for c in codes if c not in final)
    if isinstance(
        exc,
        aiosmtplib.SMTPAuthenticationError | aiosmtplib.SMTPHeloError | aiosmtplib.SMTPConnectResponseError,
    ):
        return None
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return exc.code, exc.message
    return None


def failure_words(failure: BaseException | None) -> str:
    """What went wrong, for a person: the server's reply where there is one, otherwise a plain sentence
    (never the server's address, port or login, which connection errors spell out)."""
    if isinstance(failure, MailRefused):
        return failure.reply
    if failure is not None and (refusal := _refusal(failure)) is not None:
        return _reply(*refusal)
    if isinstance(failure, TimeoutError):
        return "the mail server did not answer in time"
    if isinstance(failure, aiosmtplib.SMTPAuthenticationError):
        return "the mail server did not accept milobot's login (an admin of the milobot server can fix it)"
    if isinstance(failure, ConnectionError | OSError):
        return "the mail server could not be reached"
    return "the e-mail could not be sent"


class Mailer:
    def __init__(self, smtp_url: str, *, sender: str):
        url = urlparse(smtp_url)
        self.host = url.hostname or "localhost"
        self.use_tls = url.scheme == "smtps"
        self.start_tls = url.scheme == "smtp+starttls"
        self.port = url.port or (465 if self.use_tls else 587 if self.start_tls else 25)
        self.username = unquote(url.username) if url.username else None
        self.password = unquote(url.password) if url.password else None
        self.sender = sender
        self.display_name, self.address = sender_parts(sender)
        self.domain = _domain_of(self.address)
        try:
            self.from_header: Address | str = Address(display_name=self.display_name, addr_spec=self.address)
        except (ValueError, IndexError):  # not an address we can write: sent as configured, as before
            self.from_header = sender

    def message_id(self, outbox_id: int) -> str:
        return f"<milobot.outbox.{outbox_id}@{self.domain}>"

    async def send(
        self, *, to: str, subject: str, text: str, html: str | None = None, message_id: str | None = None
    ) -> None:
        message = EmailMessage()
        # One mailbox, its name quoted as needed: "Acme, Inc. Hiring <jobs@…>" as typed would be two.
        message["From"] = self.from_header
        message["Date"] = formatdate(usegmt=True)  # required by RFC 5322; not every relay adds it
        # Header values never carry a line break (a crafted name in a subject could add headers).
        message["To"] = " ".join(to.split())
        message["Subject"] = " ".join(subject.split())
        if message_id:
            message["Message-ID"] = message_id
        message.set_content(text)
        if html:
            message.add_alternative(html, subtype="html")
        await aiosmtplib.send(
            message,
            sender=self.address if isinstance(self.from_header, Address) else None,
            hostname=self.host,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.use_tls,
            start_tls=self.start_tls if self.start_tls else None,
            timeout=30,
        )

    async def deliver(self, item: Delivery) -> dict:
        p = item.payload
        try:
            await self.send(
                to=p["to"],
                subject=p["subject"],
                text=p["text"],
                html=p.get("html"),
                message_id=self.message_id(item.id),
            )
        except aiosmtplib.SMTPException as exc:
            refusal = _refusal(exc)
            if refusal is not None and 500 <= refusal[0] < 600:
                raise MailRefused(_reply(*refusal)) from exc
            raise
        return {"to": p["to"]}

    async def gave_up(self, session: AsyncSession, item: Delivery, failure: BaseException | None) -> None:
        await email_failures.email_failed(
            session,
            workspace_id=item.workspace_id,
            outbox_id=item.id,
            payload=item.payload,
            reason=failure_words(failure),
            refused=isinstance(failure, MailRefused),
            attempts=item.attempts + 1,
        )

    def install(self, worker: OutboxWorker) -> None:
        worker.register("email", self.deliver, on_dead=self.gave_up)


_NAMED = re.compile(r"^(?P<name>.*)<(?P<address>[^<>]+)>\s*$", re.DOTALL)


def sender_parts(sender: str) -> tuple[str, str]:
    """MILOBOT_MAIL_FROM as (display name, address): `Name <address>` with everything before the `<` as
    the name, commas included (a company's "Acme, Inc."), surrounding quotes taken off; or a bare
    address."""
    match = _NAMED.match(" ".join(sender.split()))
    if match is None:
        return "", parseaddr(sender)[1] or sender.strip()
    name = match.group("name").strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1].replace('\\"', '"')
    return name, match.group("address").strip()


def _domain_of(address: str) -> str:
    try:
        domain = Address(addr_spec=address).domain if address else ""
    except (ValueError, IndexError):
        domain = ""
    return domain or "milobot.local"
