"""A fake Greenhouse Harvest API (v1), shaped from its public documentation: Basic auth with the API key
as user name; writes need `On-Behalf-Of: <user id>`; lists page with `per_page` / `page` and a
`Link: <…>; rel="next"` header; errors are `{"message": …, "errors": [{"field", "message"}]}`; rate
limits are `X-RateLimit-Limit` / `X-RateLimit-Remaining` and 429 with `Retry-After`."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from tests.fakes.ats_base import FakeVendor


class FakeGreenhouse(FakeVendor):
    def __init__(self, api_key: str = "gh-harvest-key-0001") -> None:
        super().__init__(api_key)
        self.users: dict[str, str] = {"4080": "Ada Recruiter"}
        self.jobs: dict[int, dict[str, Any]] = {}
        self.stages: dict[int, list[dict[str, Any]]] = {}
        self.candidates: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.files: dict[str, bytes] = {}  # attachment url -> the bytes uploaded

    def add_job(
        self, name: str, stages=("Application Review", "AI Interview", "Onsite"), status="open"
    ) -> int:
        job_id = self.new_id()
        self.jobs[job_id] = {"id": job_id, "name": name, "status": status}
        self.stages[job_id] = [{"id": self.new_id(), "name": s, "job_id": job_id} for s in stages]
        return job_id

    def add_candidate(self, first: str, last: str, email: str, job_id: int | None = None) -> dict[str, Any]:
        cid = self.new_id()
        cand = {
            "id": cid,
            "first_name": first,
            "last_name": last,
            "email_addresses": [{"value": email, "type": "personal"}],
            "applications": [],
            "attachments": [],
        }
        self.candidates[cid] = cand
        if job_id is not None:
            self._apply(cand, job_id)
        return cand

    def _apply(self, cand: dict[str, Any], job_id: int) -> dict[str, Any]:
        job = self.jobs[job_id]
        app = {
            "id": self.new_id(),
            "candidate_id": cand["id"],
            "status": "active",
            "jobs": [{"id": job_id, "name": job["name"]}],
            "current_stage": dict(self.stages[job_id][0]),
        }
        cand["applications"].append(app)
        return app

    def stage_change_body(self, cand: dict[str, Any], stage_name: str) -> dict[str, Any]:
        """What Greenhouse posts for `candidate_stage_change` when this candidate's first application moves."""
        app = cand["applications"][0]
        job_id = app["jobs"][0]["id"]
        stage = next(s for s in self.stages[job_id] if s["name"] == stage_name)
        app["current_stage"] = dict(stage)
        return {
            "action": "candidate_stage_change",
            "payload": {
                "application": {
                    "id": app["id"],
                    "status": "active",
                    "current_stage": {"id": stage["id"], "name": stage["name"]},
                    "candidate": {k: cand[k] for k in ("id", "first_name", "last_name", "email_addresses")},
                    "jobs": app["jobs"],
                }
            },
        }

    @staticmethod
    def sign(secret: str, body: bytes) -> str:
        return "sha256 " + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()

    def rate_headers(self) -> dict[str, str]:
        return {"X-RateLimit-Limit": "50", "X-RateLimit-Remaining": "49"}

    def _json(self, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        return web.json_response(data, status=status, headers={**self.rate_headers(), **(headers or {})})

    def _page(self, request: web.Request, items: list[Any]) -> web.Response:
        per_page = max(1, min(500, int(request.query.get("per_page", 100))))
        page = max(1, int(request.query.get("page", 1)))
        chunk = items[(page - 1) * per_page : page * per_page]
        headers = {}
        if page * per_page < len(items):
            query = {**request.query, "page": str(page + 1), "per_page": str(per_page)}
            nxt = request.url.with_query(query)
            headers["Link"] = f'<{nxt}>; rel="next"'
        return self._json(chunk, headers=headers)

    def _acting(self, request: web.Request) -> str | None:
        user = request.headers.get("On-Behalf-Of", "")
        return user if user in self.users else None

    async def route(self, request: web.Request, path: str, data: Any) -> web.Response:
        parts = [p for p in path.split("/") if p]
        method = request.method
        if method != "GET" and self._acting(request) is None:
            return self.error(403, "Invalid On-Behalf-Of header: no such user")
        if parts[:1] == ["users"] and len(parts) == 2:
            if parts[1] not in self.users:
                return self.error(404, "Resource not found")
            return self._json({"id": int(parts[1]), "name": self.users[parts[1]], "disabled": False})
        if parts == ["jobs"]:
            status = request.query.get("status")
            jobs = [j for j in self.jobs.values() if status is None or j["status"] == status]
            return self._page(request, jobs)
        if parts[:1] == ["jobs"] and len(parts) == 3 and parts[2] == "stages":
            return self._json(self.stages.get(int(parts[1]), []))
        if parts == ["candidates"] and method == "GET":
            email = (request.query.get("email") or "").lower()
            found = [
                c
                for c in self.candidates.values()
                if any(e["value"].lower() == email for e in c["email_addresses"])
            ]
            return self._page(request, found)
        if parts == ["candidates"] and method == "POST":
            missing = [f for f in ("first_name", "last_name") if not (data or {}).get(f)]
            if missing:
                return self.error(
                    422,
                    "Validation error",
                    errors=[{"field": f, "message": "can't be blank"} for f in missing],
                )
            apps = (data or {}).get("applications") or []
            if not apps or int(apps[0].get("job_id", 0)) not in self.jobs:
                return self.error(
                    422, "Validation error", errors=[{"field": "applications", "message": "job not found"}]
                )
            cand = self.add_candidate(
                data["first_name"],
                data["last_name"],
                (data.get("email_addresses") or [{}])[0].get("value", ""),
            )
            for app in apps:
                self._apply(cand, int(app["job_id"]))
            return self._json(cand, 201)
        if parts[:1] == ["candidates"] and len(parts) >= 2:
            cand = self.candidates.get(int(parts[1])) if parts[1].isdigit() else None
            if cand is None:
                return self.error(404, "Resource not found")
            if parts[2:] == ["applications"] and method == "POST":
                job_id = int((data or {}).get("job_id", 0))
                if job_id not in self.jobs:
                    return self.error(
                        422, "Validation error", errors=[{"field": "job_id", "message": "not found"}]
                    )
                return self._json(self._apply(cand, job_id), 201)
            if parts[2:] == ["activity_feed"] and method == "GET":
                return self._json({"notes": self.notes.get(cand["id"], []), "emails": [], "activities": []})
            if parts[2:] == ["activity_feed", "notes"] and method == "POST":
                if not (data or {}).get("body"):
                    return self.error(
                        422, "Validation error", errors=[{"field": "body", "message": "can't be blank"}]
                    )
                note = {
                    "id": self.new_id(),
                    "created_at": datetime.now(UTC).isoformat(),
                    "body": data["body"],
                    "user": {"id": int(self._acting(request)), "name": self.users[self._acting(request)]},
                    "private": data.get("visibility") == "private",
                    "visiblity": data.get("visibility", "public"),
                    "visibility": data.get("visibility", "public"),
                }
                self.notes.setdefault(cand["id"], []).append(note)
                return self._json(note, 201)
            if parts[2:] == ["attachments"] and method == "POST":
                return self._attach(cand, data or {})
            if parts[2:] == [] and method == "GET":
                return self._json(cand)
        return self.error(404, "Resource not found")

    ATTACHMENT_TYPES = ("resume", "cover_letter", "admin_only", "offer_packet", "offer_letter", "other")

    def _attach(self, cand: dict[str, Any], data: dict[str, Any]) -> web.Response:
        """POST /v1/candidates/{id}/attachments: filename, type, and base64 `content` (with its
        `content_type`) or a `url`. Answers the attachment, which has no id of its own."""
        problems = []
        if not data.get("filename"):
            problems.append({"field": "filename", "message": "can't be blank"})
        if data.get("type") not in self.ATTACHMENT_TYPES:
            problems.append({"field": "type", "message": "is not included in the list"})
        try:
            content = base64.b64decode(data.get("content") or "", validate=True)
        except (binascii.Error, ValueError):
            content = b""
        if not content:
            problems.append({"field": "content", "message": "must be base64 encoded"})
        elif not data.get("content_type"):
            problems.append({"field": "content_type", "message": "is required with content"})
        if problems:
            return self.error(422, "Validation error", errors=problems)
        url = (
            f"https://prod-heroku.s3.amazonaws.com/person_attachments/data/{self.new_id()}/{data['filename']}"
        )
        self.files[url] = content
        att = {
            "filename": data["filename"],
            "url": url,
            "type": data["type"],
            "content_type": data["content_type"],
            "created_at": datetime.now(UTC).isoformat(),
        }
        cand["attachments"].append(att)
        return self._json(att, 201)

    def attachments_of(self, email: str) -> list[tuple[dict[str, Any], bytes]]:
        cands = [c for c in self.candidates.values() if c["email_addresses"][0]["value"] == email]
        return [(a, self.files[a["url"]]) for c in cands for a in c["attachments"]]

    def notes_of(self, email: str) -> list[str]:
        cands = [c for c in self.candidates.values() if c["email_addresses"][0]["value"] == email]
        return [n["body"] for c in cands for n in self.notes.get(c["id"], [])]


def body_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()
