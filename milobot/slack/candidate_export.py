"""Delivering Export CSV (outbox kind `slack.candidates_csv`): the candidate list as the admin filtered
and sorted it, written as CSV off the event loop, uploaded with files_upload_v2 to their DM.

Rows are read at delivery time, as the requester may see them (blind until you rate holds in a file
too); the role was checked when the export was queued."""

from __future__ import annotations

import asyncio

from slack_sdk.errors import SlackApiError

from milobot.blocks.text import display
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.candidate_export import csv_text, file_name
from milobot.services.candidate_list import EXPORT
from milobot.services.candidate_query import ListQuery
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace


def install(worker, clients, container) -> None:
    service = container.candidate_list

    async def deliver(item: Delivery) -> dict:
        p = item.payload
        header = await service.export_header(workspace_id=item.workspace_id, agent_id=int(p["agent_id"]))
        if header is None:
            return {"skipped": "agent gone"}
        query = ListQuery.from_config(p.get("query"), lenient=True)
        parts = ["\ufeff"]  # a byte-order mark, so Excel reads the UTF-8 names right
        count = 0
        async for rows in service.export_rows(
            workspace_id=item.workspace_id,
            agent_id=int(p["agent_id"]),
            user_id=p["user"],
            query=query,
            time_zone=header.time_zone,
        ):
            parts.append(
                await asyncio.to_thread(
                    csv_text, rows, query.columns, header.time_zone, with_header=count == 0
                )
            )
            count += len(rows)
        if count == 0:
            parts.append(csv_text([], query.columns, header.time_zone, with_header=True))
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        name = file_name(header.agent_name, service.now())
        try:
            opened = await client.conversations_open(users=p["user"])
            await client.files_upload_v2(
                content="".join(parts).encode("utf-8"),
                filename=name,
                title=f"Candidates: {header.agent_name}"[:250],
                channel=opened["channel"]["id"],
                initial_comment=(
                    f"Your export of *{display(header.agent_name, 200)}*: {count:,} "
                    f"candidate{'s' if count != 1 else ''}, filtered and sorted as your list was."
                ),
            )
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"files_upload_v2: {code}") from None
            raise
        return {"rows": count, "file": name}

    worker.register(EXPORT, deliver)
