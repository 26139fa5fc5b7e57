"""E-mail through SMTP (aiosmtplib), delivered from the outbox so a down mail server loses nothing.

Each e-mail's Message-ID is derived from its outbox row, so every retry of one row sends the same
Message-ID: when a first attempt was accepted but its answer lost, the copy that follows is recognisably
the same message (mail stores and clients such as Gmail drop a second message with an ID they hold)."""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from urllib.parse import unquote, urlparse

import aiosmtplib

from milobot.jobs.outbox import Delivery, OutboxWorker


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
        await self.send(
            to=p["to"],
            subject=p["subject"],
            text=p["text"],
            html=p.get("html"),
            message_id=self.message_id(item.id),
        )
        return {"to": p["to"]}

    def install(self, worker: OutboxWorker) -> None:
        worker.register("email", self.deliver)


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
