"""Delivering Download PDF (outbox kind `report.pdf`): the report drawn in a worker process, uploaded with
files_upload_v2 to the requester's DM with a short message naming the candidate. Also wires the Package
ZIP worker (slack/report_packages.py), which shares the PDF pool."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from milobot.blocks import report as report_blocks
from milobot.errors import NotFound
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.render.pool import RenderPool
from milobot.services.report_packages import PACKAGE_KIND, slug
from milobot.services.reports import REPORT_PDF
from milobot.slack.deliver import PERMANENT_ERRORS, uploaded_ids
from milobot.slack.report_packages import PackageRunner
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)


def pdf_filename(candidate_name: str) -> str:
    return f"report-{slug(candidate_name)}.pdf"


class PdfDeliverer:
    def __init__(self, clients, container, pool: RenderPool):
        self.clients = clients
        self.reports = container.reports
        self.pool = pool

    async def _client(self, item: Delivery):
        try:
            return await self.clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None

    async def deliver(self, item: Delivery) -> dict:
        p = item.payload
        user = str(p["user"])
        try:
            data = await self.reports.report(
                workspace_id=item.workspace_id,
                candidate_id=int(p["candidate_id"]),
                include_feedback=bool(p.get("feedback")),
            )
        except NotFound:
            data = None
        client = await self._client(item)
        try:
            opened = await client.conversations_open(users=user)
            dm = opened["channel"]["id"]
            if data is None:  # erased between the click and now
                await client.chat_postMessage(
                    channel=dm,
                    text=":warning: That candidate no longer exists, so there is no report to make.",
                )
                return {"skipped": "candidate gone"}
            pdf = await self.pool.report_pdf(data)
            uploaded = await client.files_upload_v2(
                channel=dm,
                content=pdf,
                filename=pdf_filename(data.candidate_name),
                title=f"Candidate report: {' '.join(data.candidate_name.split())}"[:250],
                initial_comment=report_blocks.pdf_comment(
                    candidate_name=data.candidate_name, agent_name=data.agent_name
                ),
            )
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"report pdf: {code}") from None
            raise
        return {"channel": dm, "bytes": len(pdf), "slack_files": uploaded_ids(uploaded)}


def install(worker, clients, container) -> None:
    settings = container.settings
    pool = RenderPool(processes=settings.report_processes, cjk_font=settings.report_cjk_font)
    runner = PackageRunner(container, clients, pool)
    container.report_pool, container.package_runner = pool, runner
    worker.register(REPORT_PDF, PdfDeliverer(clients, container, pool).deliver)

    async def package(item: Delivery) -> dict:
        runner.submit(int(item.payload["package_id"]))
        return {"submitted": item.payload["package_id"]}

    worker.register(PACKAGE_KIND, package)
    container.start_hooks.append(runner.start)
    # Stop hooks run last-added first: the runner stops before the pool it draws with.
    container.stop_hooks.append(pool.close)
    container.stop_hooks.append(runner.stop)
