"""E-mail through SMTP (aiosmtplib), delivered from the outbox so a down mail server loses nothing."""

from __future__ import annotations

from email.message import EmailMessage
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

    async def send(self, *, to: str, subject: str, text: str, html: str | None = None) -> None:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(text)
        if html:
            message.add_alternative(html, subtype="html")
        await aiosmtplib.send(
            message,
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
        await self.send(to=p["to"], subject=p["subject"], text=p["text"], html=p.get("html"))
        return {"to": p["to"]}

    def install(self, worker: OutboxWorker) -> None:
        worker.register("email", self.deliver)
