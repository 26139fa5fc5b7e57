"""Delivering `/milo export` (outbox kind `privacy.export`): the person's ZIP, written off the event loop
into the data folder's tmp/, uploaded with files_upload_v2 to the requesting admin's DM, then deleted."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

from slack_sdk.errors import SlackApiError

from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.privacy_export import EXPORT_KIND, PrivacyExportService, write_zip
from milobot.slack.deliver import PERMANENT_ERRORS, uploaded_ids
from milobot.slack.tokens import NoTokenForWorkspace


def install(worker, clients, container) -> None:
    service = PrivacyExportService(container.deps)
    tmp = Path(container.settings.data_dir) / "tmp"

    async def deliver(item: Delivery) -> dict:
        p = item.payload
        person = await service.gather(workspace_id=item.workspace_id, email=str(p["email"]))
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        target = tmp / f"export-{secrets.token_hex(8)}.zip"
        try:
            size = await asyncio.to_thread(write_zip, person, target)
            opened = await client.conversations_open(users=p["user"])
            count = person.candidates
            uploaded = await client.files_upload_v2(
                file=str(target),
                filename="personal-data-export.zip",
                title="Personal data export",
                channel=opened["channel"]["id"],
                initial_comment=(
                    # The address stays out of the message: a later /milo forget can't edit an upload's text.
                    f"The personal data export you asked for: {count} candidate"
                    f"{'s' if count != 1 else ''}, {len(person.files)} file{'s' if len(person.files) != 1 else ''} "
                    "(`person.json` lists every record)."
                ),
            )
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"files_upload_v2: {code}") from None
            raise
        finally:
            await asyncio.to_thread(target.unlink, True)
        return {
            "candidates": person.candidates,
            "files": len(person.files),
            "bytes": size,
            "slack_files": uploaded_ids(uploaded),
        }

    worker.register(EXPORT_KIND, deliver)
