"""POST /api/v1/interviews: an external voice/video interview engine posts a finished interview.

Authorised by a workspace API key (`Authorization: Bearer milo_...`). The body is JSON, or multipart
with the JSON in a `data` field and recordings in `recording_audio` / `recording_video` parts. The body
is validated strictly, naming the first bad field; the same `external_id` posted again returns the
first result and changes nothing."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from milobot import jsonsafe
from milobot.body_limits import STREAMED, body_limit, read_capped
from milobot.errors import Conflict, Invalid, MilobotError, NotFound
from milobot.services.candidate_records import normalise_phone
from milobot.services.interview_flow import EMAIL_RE
from milobot.services.interview_results import (
    ExternalCandidate,
    ExternalResult,
    ExternalScore,
    ExternalSignal,
    ExternalTurn,
    IncomingRecording,
)

log = logging.getLogger(__name__)

MAX_JSON_BYTES = 2 * 1024 * 1024
MAX_RECORDING_BYTES = 100 * 1024 * 1024
MAX_MULTIPART_BYTES = MAX_JSON_BYTES + 2 * MAX_RECORDING_BYTES + 64 * 1024  # data, audio, video, framing
MAX_TURNS = 100
MAX_TEXT = 20_000
RECORDING_PARTS = {"recording_audio": "audio", "recording_video": "video"}
SUFFIXES = {
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
}
EXTERNAL_ID_RE = re.compile(r"^[A-Za-z0-9._:\-]{1,200}$")
SIGNAL_KIND_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


class TooLarge(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _error(status: int, error: str, **extra: Any) -> web.Response:
    return web.json_response({"error": error, **extra}, status=status)


def _bad(field: str, message: str) -> Invalid:
    return Invalid(message, field=field)


def _text(obj: dict, key: str, path: str, *, required: bool = True, limit: int = MAX_TEXT) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise _bad(path, "must be a non-empty string")
    if len(value) > limit:
        raise _bad(path, f"must be at most {limit} characters")
    return value.strip()


def _int(value: Any, path: str, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise _bad(path, f"must be a whole number from {lo} to {hi}")
    return value


def parse_body(data: Any) -> ExternalResult:
    """The request body as an ExternalResult, or Invalid naming the first bad field."""
    if not isinstance(data, dict):
        raise _bad("body", "must be a JSON object")
    external_id = _text(data, "external_id", "external_id", limit=200)
    if not EXTERNAL_ID_RE.match(external_id):
        raise _bad("external_id", "may contain only letters, digits and . _ : -")
    agent_id, agent_token = data.get("agent_id"), data.get("agent_token")
    if agent_id is None and agent_token is None:
        raise _bad("agent_id", "give agent_id or agent_token")
    if agent_id is not None:
        agent_id = _int(agent_id, "agent_id", 1, 2**31 - 1)
    elif not isinstance(agent_token, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", agent_token):
        raise _bad("agent_token", "must be the agent's share token")

    cand = data.get("candidate")
    if not isinstance(cand, dict):
        raise _bad("candidate", "must be an object with name and email")
    name = _text(cand, "name", "candidate.name", limit=200)
    email = _text(cand, "email", "candidate.email", limit=254)
    if not EMAIL_RE.match(email):
        raise _bad("candidate.email", "must be a valid e-mail address")
    phone = _text(cand, "phone", "candidate.phone", required=False, limit=40)
    if phone and normalise_phone(phone) is None:
        raise _bad("candidate.phone", "must be a valid phone number (E.164 preferred, like +14155550123)")

    transcript = data.get("transcript")
    if not isinstance(transcript, list) or not transcript:
        raise _bad("transcript", "must be a non-empty list of {question, answer}")
    if len(transcript) > MAX_TURNS:
        raise _bad("transcript", f"must have at most {MAX_TURNS} entries")
    turns = []
    for i, turn in enumerate(transcript):
        if not isinstance(turn, dict):
            raise _bad(f"transcript[{i}]", "must be an object with question and answer")
        question = _text(turn, "question", f"transcript[{i}].question", limit=2000)
        answer = turn.get("answer")
        if not isinstance(answer, str) or len(answer) > MAX_TEXT:
            raise _bad(f"transcript[{i}].answer", f"must be a string of at most {MAX_TEXT} characters")
        turns.append(ExternalTurn(question, answer.strip()))

    scores = _scores(data.get("scores"), len(turns))
    overall = data.get("overall_score")
    if overall is not None and (
        isinstance(overall, bool) or not isinstance(overall, (int, float)) or not 0 <= overall <= 100
    ):
        raise _bad("overall_score", "must be a number from 0 to 100")
    return ExternalResult(
        external_id=external_id,
        candidate=ExternalCandidate(name, email, phone),
        transcript=turns,
        agent_id=agent_id,
        agent_token=agent_token if agent_id is None else None,
        scores=scores,
        overall_score=overall,
        signals=_signals(data.get("signals"), len(turns)),
        completed_at=_when(data.get("completed_at")),
    )


def _scores(raw: Any, n: int) -> list[ExternalScore]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _bad("scores", "must be a list")
    out, seen = [], set()
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _bad(f"scores[{i}]", "must be an object")
        index = _int(item.get("question_index"), f"scores[{i}].question_index", 0, n - 1)
        if index in seen:
            raise _bad(f"scores[{i}].question_index", "appears twice")
        seen.add(index)
        score = _int(item.get("score"), f"scores[{i}].score", 1, 5)
        evidence = item.get("evidence", [])
        if (
            not isinstance(evidence, list)
            or len(evidence) > 10
            or not all(isinstance(e, str) for e in evidence)
        ):
            raise _bad(f"scores[{i}].evidence", "must be a list of at most 10 strings")
        rationale = _text(item, "rationale", f"scores[{i}].rationale", required=False, limit=2000)
        out.append(ExternalScore(index, score, [e[:1000] for e in evidence], rationale))
    return out


def _signals(raw: Any, n: int) -> list[ExternalSignal]:
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 500:
        raise _bad("signals", "must be a list of at most 500 entries")
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _bad(f"signals[{i}]", "must be an object")
        kind = item.get("kind")
        if not isinstance(kind, str) or not SIGNAL_KIND_RE.match(kind):
            raise _bad(f"signals[{i}].kind", "must be a short lowercase word, like paste or tab_hidden")
        index = item.get("question_index")
        if index is not None:
            index = _int(index, f"signals[{i}].question_index", 0, n - 1)
        detail = item.get("detail", {})
        if detail is None:
            detail = {}
        if not isinstance(detail, dict) or len(json.dumps(detail)) > 2000:
            raise _bad(f"signals[{i}].detail", "must be an object (at most 2000 characters as JSON)")
        out.append(ExternalSignal(kind, index, detail))
    return out


def _when(raw: Any) -> datetime | None:
    if raw is None:
        return None
    try:
        when = datetime.fromisoformat(str(raw))
    except ValueError:
        raise _bad("completed_at", "must be an ISO 8601 date-time, like 2026-03-01T12:00:00Z") from None
    try:  # 0001-01-01T00:00+01:00 is a valid date-time whose UTC is before year 1
        return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    except OverflowError:
        raise _bad("completed_at", "must be a date-time between the years 1 and 9999 in UTC") from None


async def _read_multipart(request: web.Request, incoming: Path) -> tuple[Any, list[IncomingRecording]]:
    reader = await request.multipart()
    data: Any = None
    recordings: list[IncomingRecording] = []
    try:
        while (part := await reader.next()) is not None:
            if part.name == "data":
                if data is not None:
                    raise _bad("data", "appears twice")
                raw = bytearray()
                while chunk := await part.read_chunk(64 * 1024):
                    raw += chunk
                    if len(raw) > MAX_JSON_BYTES:
                        raise TooLarge("data", f"is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB")
                data = _loads(bytes(raw), "data")
            elif part.name in RECORDING_PARTS:
                kind = RECORDING_PARTS[part.name]
                if any(r.kind == kind for r in recordings):
                    raise _bad(part.name, "appears twice")
                recordings.append(await _save_part(part, kind, incoming))
            else:
                raise _bad(part.name or "multipart", "is not a field this API accepts")
        if data is None:
            raise _bad("data", "is required (the JSON body, as a form field)")
    except BaseException:
        for rec in recordings:  # a refused request keeps nothing it had already written
            rec.temp_path.unlink(missing_ok=True)
        raise
    return data, recordings


async def _save_part(part, kind: str, incoming: Path) -> IncomingRecording:
    content_type = (
        (part.headers.get("Content-Type") or "application/octet-stream").split(";")[0].strip().lower()
    )
    if not content_type.startswith(("audio/", "video/", "application/octet-stream")):
        raise _bad(f"recording_{kind}", "must be an audio or video file")
    incoming.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 (one mkdir; the chunked write below is the real cost)
    path = incoming / f"{secrets.token_hex(8)}.part"
    digest, size = hashlib.sha256(), 0
    with path.open("wb") as out:
        while chunk := await part.read_chunk(256 * 1024):
            size += len(chunk)
            if size > MAX_RECORDING_BYTES:
                out.close()
                path.unlink(missing_ok=True)
                raise TooLarge(
                    f"recording_{kind}", f"is larger than {MAX_RECORDING_BYTES // (1024 * 1024)} MB"
                )
            digest.update(chunk)
            out.write(chunk)
    if size == 0:
        path.unlink(missing_ok=True)
        raise _bad(f"recording_{kind}", "is empty")
    return IncomingRecording(
        kind, path, content_type, size, digest.hexdigest(), SUFFIXES.get(content_type, ".bin")
    )


def _loads(raw: bytes, field: str) -> Any:
    try:
        return jsonsafe.loads(raw)
    except jsonsafe.TooDeep:
        raise _bad(field, f"is nested too deeply (at most {jsonsafe.MAX_DEPTH} levels)") from None
    except jsonsafe.Unstorable:
        raise _bad(
            field, "holds a NUL character (\\u0000) or an unpaired surrogate, which can't be stored"
        ) from None
    except ValueError:
        raise _bad(field, "must be JSON") from None


def request_digest(data: Any, recordings: list[IncomingRecording]) -> str:
    """What identifies a posted result: its JSON (key order and spacing don't matter) and the bytes of
    its recordings. A retry of the same post has the same digest; a different result under a reused
    external_id does not."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode())
    for rec in sorted(recordings, key=lambda r: r.kind):
        digest.update(f"\n{rec.kind}:{rec.sha256}".encode())
    return digest.hexdigest()


def add_routes(app: web.Application, container) -> None:
    apikeys, interviews = container.apikeys, container.interviews
    data_dir = Path(container.settings.data_dir)

    @body_limit(STREAMED)  # read below, after the key is checked, with its own running counts
    async def post_interview(request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        key = auth[7:].strip() if auth[:7].lower() == "bearer " else None
        caller = await apikeys.authenticate(key=key)
        if caller is None:
            response = _error(401, "invalid_api_key")
            response.headers["WWW-Authenticate"] = 'Bearer realm="milobot"'
            return response
        recordings: list[IncomingRecording] = []
        try:
            if request.content_type.startswith("multipart/"):
                if (request.content_length or 0) > MAX_MULTIPART_BYTES:
                    raise TooLarge("body", f"is larger than {MAX_MULTIPART_BYTES // (1024 * 1024)} MB")
                try:
                    data, recordings = await _read_multipart(
                        request, data_dir / str(caller.workspace_id) / "recordings" / ".incoming"
                    )
                except ValueError:  # no boundary, a broken part header: not multipart we can read
                    raise _bad("body", "is not readable multipart/form-data") from None
            else:
                try:
                    raw = await read_capped(request, MAX_JSON_BYTES)
                except web.HTTPRequestEntityTooLarge:
                    raise TooLarge("body", f"is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB") from None
                data = _loads(raw, "body")
            result = parse_body(data)
            recorded = await interviews.record_external(
                workspace_id=caller.workspace_id,
                key_prefix=caller.prefix,
                result=result,
                recordings=recordings,
                digest=request_digest(data, recordings),
            )
        except TooLarge as error:
            return _error(413, "too_large", field=error.field, message=f"{error.field} {error.message}")
        except Invalid as error:
            return _error(422, "invalid_body", field=error.field or "body", message=error.message)
        except Conflict as error:
            return _error(409, "external_id_reused", message=error.message)
        except NotFound as error:
            return _error(404, "agent_not_found", message=error.message)
        except MilobotError as error:
            return _error(error.http_status, "refused", message=error.message)
        finally:
            for rec in recordings:  # moved into place when recorded; otherwise (duplicate, error) dropped
                rec.temp_path.unlink(missing_ok=True)
        body = {
            "interview_id": recorded.interview_id,
            "candidate_id": recorded.candidate_id,
            "created": recorded.created,
        }
        return web.json_response(body, status=201 if recorded.created else 200)

    async def delete_candidates(request: web.Request) -> web.Response:
        """An ATS propagating an erasure: everything about `?email=` in the key's workspace, as
        `/milo forget` does. Idempotent: a second call (or an unknown address) answers found=false."""
        auth = request.headers.get("Authorization", "")
        key = auth[7:].strip() if auth[:7].lower() == "bearer " else None
        caller = await apikeys.authenticate(key=key)
        if caller is None:
            response = _error(401, "invalid_api_key")
            response.headers["WWW-Authenticate"] = 'Bearer realm="milobot"'
            return response
        try:
            result = await container.erasure.forget_by_api(
                workspace_id=caller.workspace_id,
                email=request.query.get("email", ""),
                key_prefix=caller.prefix,
            )
        except Invalid as error:
            return _error(422, "invalid_query", field="email", message=error.message)
        plan = result.plan
        return web.json_response(
            {
                "found": plan.known,
                "candidates": plan.candidates,
                "interviews": plan.interviews,
                "files": result.files_removed,
                "drafts": plan.drafts,
                # Uploads to Slack that show them (report PDFs, packages, data exports, list CSVs), as the
                # forget modal counts them: queued for files.delete with the erasure.
                "slack_files": plan.slack_files,
            }
        )

    app.router.add_post("/api/v1/interviews", post_interview)
    app.router.add_delete("/api/v1/candidates", delete_candidates)
