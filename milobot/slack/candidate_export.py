"""Delivering Export CSV (outbox kind `slack.candidates_csv`): the candidate list as the admin filtered
and sorted it, written as CSV off the event loop, uploaded with files_upload_v2 to their DM.

Rows are read at delivery time, as the requester may see them (blind until you rate holds in a file
too); the role was checked when the export was queued. Which candidates the file lists, and its Slack file
id, are recorded (services/csv_exports.py) so that erasing any of them deletes the upload: the list is
recorded before the rows are read, so an erasure while the file is written still finds it."""

from __future__ import annotations

import asyncio

from slack_sdk.errors import SlackApiError

from milobot.blocks.text import display
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.candidate_export import csv_text, file_name
from milobot.services.candidate_list import EXPORT
from milobot.services.candidate_query import ListQuery
from milobot.services.csv_exports import CsvExportRecords
from milobot.slack.deliver import PERMANENT_ERRORS, uploaded_ids
from milobot.slack.tokens import NoTokenForWorkspace


def install(worker, clients, container) -> None:
    service = container.candidate_list
    records = CsvExportRecords(container.deps)

    async def deliver(item: Delivery) -> dict:
        p = item.payload
        header = await service.export_header(workspace_id=item.workspace_id, agent_id=int(p["agent_id"]))
        if header is None:
            return {"skipped": "agent gone"}
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        query = ListQuery.from_config(p.get("query"), lenient=True)
        scope = {
            "workspace_id": item.workspace_id,
            "agent_id": int(p["agent_id"]),
            "user_id": p["user"],
            "time_zone": header.time_zone,
        }
        ids = await service.export_ids(**scope, query=query)
        record = None
        if ids:  # an empty list names no one: nothing for an erasure to find
            record = await records.begin(
                workspace_id=item.workspace_id,
                outbox_id=item.id,
                requested_by=p["user"],
                agent_id=int(p["agent_id"]),
                candidate_ids=ids,
            )
        try:
            count, content = await _write(service, scope, ids, query, header.time_zone)
            if count == 0 and record is not None:  # all of them erased since: the file names no one
                await records.discard(workspace_id=item.workspace_id, export_id=record)
                record = None
            name = file_name(header.agent_name, service.now())
            opened = await client.conversations_open(users=p["user"])
            channel = opened["channel"]["id"]
            uploaded = await client.files_upload_v2(
                content=content,
                filename=name,
                title=f"Candidates: {header.agent_name}"[:250],
                channel=channel,
                initial_comment=(
                    f"Your export of *{display(header.agent_name, 200)}*: {count:,} "
                    f"candidate{'s' if count != 1 else ''}, filtered and sorted as your list was."
                ),
            )
        except Exception as exc:
            if record is not None:  # no upload: nothing in Slack to delete later (a retry records anew)
                await records.discard(workspace_id=item.workspace_id, export_id=record)
            if isinstance(exc, SlackApiError):
                code = exc.response.get("error") if exc.response is not None else None
                if code in PERMANENT_ERRORS:
                    raise PermanentFailure(f"files_upload_v2: {code}") from None
            raise
        files = uploaded_ids(uploaded)
        kept = True
        if record is not None:
            if files:
                kept = await records.uploaded(
                    workspace_id=item.workspace_id,
                    export_id=record,
                    file_id=files[0],
                    channel_id=channel,
                    rows=count,
                )
            else:  # Slack named no file: nothing an erasure could delete
                await records.discard(workspace_id=item.workspace_id, export_id=record)
        result: dict = {"rows": count, "file": name, "slack_files": files}
        if not kept:  # already queued for files.delete: nothing of it left to find
            result |= {"slack_files": [], "deleted": "someone it listed was erased while it was written"}
        return result

    worker.register(EXPORT, deliver)


async def _write(service, scope: dict, ids: list[int], query: ListQuery, time_zone: str) -> tuple[int, bytes]:
    """The CSV's rows and its bytes, written off the event loop a chunk at a time."""
    parts = ["\ufeff"]  # a byte-order mark, so Excel reads the UTF-8 names right
    count = 0
    async for rows in service.export_rows(**scope, ids=ids):
        parts.append(
            await asyncio.to_thread(csv_text, rows, query.columns, time_zone, with_header=count == 0)
        )
        count += len(rows)
    if count == 0:
        parts.append(csv_text([], query.columns, time_zone, with_header=True))
    return count, "".join(parts).encode("utf-8")
