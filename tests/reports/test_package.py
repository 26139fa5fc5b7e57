"""Package ZIP over the wire: the modal with what is available and its size, the ZIP built and uploaded
to the requester's DM with a progress message updated in place, fixed entry names, a folder per
shortlisted candidate, missing files said rather than failed on, and a restart that loses nothing."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pypdf
from sqlalchemy import select

from milobot.db.models import Candidate, ReportPackage
from milobot.ids import ReportAction, ReportView
from milobot.metadata import PackageTarget, encode
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.reports.support import NAME, OTHER_TEAM, STRANGER, audit_actions, button, menu, reply_to, seed

ALL = ["report_pdf", "resume", "video", "audio", "transcript_txt", "transcript_json"]


async def submit(milo, target: PackageTarget, items: list[str], *, user: str = ADMIN) -> dict:
    state = {ReportView.ITEMS: {"value": payloads.checkboxes_state(items)}}
    resp = await milo.interact(
        payloads.view_submission(milo.slack.team_id, user, ReportView.PACKAGE, state, encode(target))
    )
    assert resp.status == 200
    body = await resp.text()
    return json.loads(body) if body.strip() else {}


async def uploaded_zip(slack, filename: str, *, since: int = 0) -> zipfile.ZipFile:
    await slack.wait_for(
        "files.completeUploadExternal",
        lambda c: filename in str(slack.uploaded_files),
        since=since,
        timeout=30,
    )
    return zipfile.ZipFile(io.BytesIO(slack.uploaded_files[filename].content))


def options_of(view: dict) -> dict[str, str]:
    block = next(b for b in view["blocks"] if b.get("block_id") == ReportView.ITEMS)
    return {o["value"]: o["text"]["text"] for o in block["element"]["options"]}


async def test_package_zip_modal_builds_and_uploads_to_the_dm_with_progress(milo, slack):
    seeded = await seed(milo)
    await menu(milo, "package", seeded.candidate_id)
    view = (await slack.wait_for("views.open")).args["view"]
    assert view["title"]["text"] == "Download Candidate Files" and view["callback_id"] == ReportView.PACKAGE
    offered = options_of(view)
    assert list(offered) == ALL
    assert offered["video"] == "Video recording (102 KB)" and offered["audio"] == "Audio recording (5 KB)"
    assert "&lt;!channel&gt;" in view["blocks"][0]["text"]["text"]

    answer = await submit(milo, PackageTarget(candidate_id=seeded.candidate_id), ALL)
    assert answer["response_action"] == "update" and "on its way" in json.dumps(answer)

    progress = await slack.wait_for(
        "chat.postMessage", lambda c: "Building the package" in str(c.args.get("blocks")), timeout=20
    )
    assert progress.args["channel"].startswith("D")
    archive = await uploaded_zip(slack, "candidate-files-zoe-nguyen-ukasz-b-bold-b-channel.zip")
    done = await slack.wait_for("chat.update", lambda c: "is ready" in str(c.args.get("blocks")), timeout=20)
    assert done.args["channel"] == progress.args["channel"]  # the same message, updated in place
    assert "7 files" in str(done.args["blocks"])
    complete = slack.last("files.completeUploadExternal")
    assert complete.args["channel_id"] == progress.args["channel"]
    assert "&lt;!channel&gt;" in complete.args["initial_comment"]

    # Fixed entry names, every one of them opened.
    assert archive.namelist() == [
        "contents.txt",
        "report.pdf",
        "resume.pdf",
        "video.webm",
        "audio.ogg",
        "transcript.txt",
        "transcript.json",
    ]
    assert archive.testzip() is None
    assert archive.read("video.webm") == seeded.video_path.read_bytes()
    assert archive.getinfo("video.webm").compress_type == zipfile.ZIP_STORED
    assert archive.read("resume.pdf") == seeded.resume_path.read_bytes()
    report = pypdf.PdfReader(io.BytesIO(archive.read("report.pdf")))
    assert NAME in " ".join(report.pages[0].extract_text().split())
    transcript = archive.read("transcript.txt").decode("utf-8")
    assert NAME in transcript and "Αθήνα and Москва" in transcript
    doc = json.loads(archive.read("transcript.json"))
    assert doc["candidate"]["name"] == NAME and doc["interviews"][0]["questions"][1]["score"] == 5
    assert NAME in archive.read("contents.txt").decode("utf-8")

    async def finished():
        async with milo.container.db.unit_of_work() as s:
            row = await s.scalar(select(ReportPackage))
        return row if row.status == "done" else None

    row = await milo.wait_until(finished, timeout=10)
    assert row.detail["entries"] == archive.namelist() and row.finished_at is not None
    assert ("report.package", ADMIN, str(seeded.candidate_id)) in await audit_actions(milo)


async def test_package_shortlisted_has_a_folder_per_shortlisted_candidate(milo, slack):
    first = await seed(milo, name="Ada Lovelace", decision="shortlisted")
    odd = "../../etc/passwd <x>"
    await seed(milo, name=odd, agent_id=first.agent_id, decision="shortlisted", resume=None, video=None)
    await seed(milo, name="Not Chosen", agent_id=first.agent_id, decision="dismissed")
    mark = slack.mark()
    await button(milo, ReportAction.PACKAGE_SHORTLISTED, first.agent_id, agent=True)
    view = (await slack.wait_for("views.open", since=mark)).args["view"]
    intro = view["blocks"][0]["text"]["text"]
    assert "2 shortlisted candidates" in intro and "Backend Engineer" in intro
    block = next(b for b in view["blocks"] if b.get("block_id") == ReportView.ITEMS)
    resume = next(o for o in block["element"]["options"] if o["value"] == "resume")
    assert resume["description"]["text"] == "for 1 of 2 candidates"

    answer = await submit(
        milo, PackageTarget(agent_id=first.agent_id), ["report_pdf", "resume", "video", "transcript_txt"]
    )
    assert answer["response_action"] == "update"
    archive = await uploaded_zip(slack, "shortlisted-backend-engineer.zip")
    names = archive.namelist()
    assert names == [
        "contents.txt",
        "01-etc-passwd-x/report.pdf",
        "01-etc-passwd-x/transcript.txt",
        "02-ada-lovelace/report.pdf",
        "02-ada-lovelace/resume.pdf",
        "02-ada-lovelace/video.webm",
        "02-ada-lovelace/transcript.txt",
    ]
    assert all(".." not in n and not n.startswith("/") for n in names)
    assert "Not Chosen" not in archive.read("contents.txt").decode()
    assert odd in archive.read("01-etc-passwd-x/transcript.txt").decode()
    assert archive.read("02-ada-lovelace/video.webm") == first.video_path.read_bytes()
    packaged = [t for a, _, t in await audit_actions(milo) if a == "report.package"]
    assert len(packaged) == 2


async def test_nothing_to_package_bad_choices_and_strangers_are_refused(milo, slack):
    seeded = await seed(milo)
    theirs = await seed(milo, name="Their Candidate", team=OTHER_TEAM)
    payload = await button(milo, ReportAction.PACKAGE_SHORTLISTED, seeded.agent_id, agent=True)
    assert "No one is shortlisted" in (await reply_to(milo, payload))["text"]

    target = PackageTarget(candidate_id=seeded.candidate_id)
    for items, words in (
        ([], "Choose at least one"),
        (["../../secret"], "isn't something a package can hold"),
    ):
        answer = await submit(milo, target, items)
        assert answer["response_action"] == "errors" and words in answer["errors"][ReportView.ITEMS]
    answer = await submit(milo, PackageTarget(candidate_id=theirs.candidate_id), ["report_pdf"])
    assert "doesn't exist in this workspace" in answer["errors"][ReportView.ITEMS]
    answer = await submit(milo, target, ["report_pdf"], user=STRANGER)
    assert "not on this workspace's milobot team" in answer["errors"][ReportView.ITEMS]
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(ReportPackage)) is None


async def test_a_missing_recording_is_not_offered_and_a_vanished_one_is_left_out(milo, slack):
    seeded = await seed(milo)
    seeded.video_path.unlink()
    await menu(milo, "package", seeded.candidate_id)
    view = (await slack.wait_for("views.open")).args["view"]
    assert "video" not in options_of(view)
    assert "Not available: video recording (missing from storage)" in json.dumps(view, ensure_ascii=False)

    # A file that disappears after the request is left out, and the package says so.
    second = await seed(milo, name="Second Person", agent_id=seeded.agent_id)
    async with milo.container.db.unit_of_work() as s:
        s.add(
            ReportPackage(
                workspace_id=second.workspace_id,
                requested_by=ADMIN,
                candidate_ids=[second.candidate_id],
                items=["video", "audio"],
                status="queued",
                detail={},
            )
        )
    second.video_path.unlink()
    await milo.restart()  # the worker's sweep on start finds the queued row
    archive = await uploaded_zip(slack, "candidate-files-second-person.zip")
    assert archive.namelist() == ["contents.txt", "audio.ogg"]
    assert "Left out: video (the file is missing from storage)" in archive.read("contents.txt").decode()
    done = await slack.wait_for("chat.update", lambda c: "is ready" in str(c.args.get("blocks")), timeout=20)
    assert "missing from storage" in str(done.args["blocks"])


async def test_a_package_orphaned_by_a_dead_replica_is_built_once_its_lease_runs_out(milo, slack):
    seeded = await seed(milo, name="Lease Person")
    async with milo.container.db.unit_of_work() as s:
        row = ReportPackage(
            workspace_id=seeded.workspace_id,
            requested_by=ADMIN,
            candidate_ids=[seeded.candidate_id],
            items=["transcript_json"],
            status="building",
            claimed_by="dead-replica",
            lease_until=datetime.now(UTC) - timedelta(seconds=1),
            attempts=1,
            detail={},
        )
        s.add(row)
        fresh = ReportPackage(
            workspace_id=seeded.workspace_id,
            requested_by=ADMIN,
            candidate_ids=[seeded.candidate_id],
            items=["transcript_txt"],
            status="building",
            claimed_by="live-replica",
            lease_until=datetime.now(UTC) + timedelta(minutes=5),
            detail={},
        )
        s.add(fresh)
    await milo.restart()
    archive = await uploaded_zip(slack, "candidate-files-lease-person.zip")
    assert archive.namelist() == ["contents.txt", "transcript.json"]

    async def settled():
        async with milo.container.db.unit_of_work() as s:
            rows = {r.claimed_by or r.status: r for r in (await s.scalars(select(ReportPackage))).all()}
        return rows if "done" in rows else None

    rows = await milo.wait_until(settled, timeout=10)
    assert (
        rows["done"].attempts == 2 and rows["live-replica"].status == "building"
    )  # a live lease is left alone
    assert len(slack.calls_to("files.completeUploadExternal")) == 1
    async with milo.container.db.unit_of_work() as s:
        assert (
            await s.scalar(select(Candidate.name).where(Candidate.id == seeded.candidate_id))
            == "Lease Person"
        )
