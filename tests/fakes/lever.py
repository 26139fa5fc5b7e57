"""A fake Lever API (v1), shaped from its public documentation: Basic auth with the API key as user name;
writes take `perform_as=<user id>`; lists answer `{"data": [...], "hasNext": bool, "next": "<offset>"}`
and page with `offset`; errors are `{"code": …, "message": …}`; 429 when rate limited."""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import hmac
import secrets
import time
from typing import Any

from aiohttp import web

from tests.fakes.ats_base import FakeVendor

PAGE = 2  # small pages, so the client's offset paging is exercised


class FakeLever(FakeVendor):
    def __init__(self, api_key: str = "lever-key-0001") -> None:
        super().__init__(api_key)
        self.users: dict[str, str] = {"u-lever-1": "Lee Recruiter"}
        self.postings: dict[str, dict[str, Any]] = {}
        self.stages: list[dict[str, Any]] = [
            {"id": "stage-new", "text": "New lead"},
            {"id": "stage-ai", "text": "AI Interview"},
            {"id": "stage-onsite", "text": "On-site interview"},
        ]
        self.opportunities: dict[str, dict[str, Any]] = {}
        self.notes: dict[str, list[dict[str, Any]]] = {}
        self.files: dict[str, list[dict[str, Any]]] = {}  # opportunity id -> files, with their bytes

    def _oid(self, prefix: str) -> str:
        return f"{prefix}-{self.new_id()}"

    def error(self, status: int, message: str, **extra: Any) -> web.Response:
        code = {
            400: "BadRequestError",
            401: "UnauthorizedError",
            403: "ForbiddenError",
            404: "ResourceNotFound",
        }
        return web.json_response(
            {"code": code.get(status, "Error"), "message": message, **extra}, status=status
        )

    def add_posting(self, text: str, state: str = "published") -> str:
        pid = self._oid("posting")
        self.postings[pid] = {"id": pid, "text": text, "state": state}
        return pid

    def add_opportunity(self, name: str, email: str, posting: str | None = None) -> dict[str, Any]:
        oid = self._oid("opp")
        apps = [{"id": self._oid("app"), "posting": posting, "type": "posting"}] if posting else []
        opp = {"id": oid, "name": name, "emails": [email], "stage": "stage-new", "applications": apps}
        self.opportunities[oid] = opp
        return opp

    def stage_change_body(self, opp: dict[str, Any], stage_id: str, signature_token: str) -> dict[str, Any]:
        opp["stage"] = stage_id
        token, at = secrets.token_hex(16), int(time.time() * 1000)
        return {
            "triggeredAt": at,
            "event": "candidateStageChange",
            "signature": hmac.new(
                signature_token.encode(), f"{token}{at}".encode(), hashlib.sha256
            ).hexdigest(),
            "token": token,
            "data": {
                "opportunityId": opp["id"],
                "contactId": self._oid("contact"),
                "fromStageId": "stage-new",
                "toStageId": stage_id,
            },
        }

    def _page(self, request: web.Request, items: list[Any]) -> web.Response:
        offset = int(request.query.get("offset") or 0)
        chunk = items[offset : offset + PAGE]
        has_next = offset + PAGE < len(items)
        body: dict[str, Any] = {"data": chunk, "hasNext": has_next}
        if has_next:
            body["next"] = str(offset + PAGE)
        return web.json_response(body)

    def _expanded(self, opp: dict[str, Any], expand: bool) -> dict[str, Any]:
        out = dict(opp)
        out["applications"] = (
            [dict(a) for a in opp["applications"]] if expand else [a["id"] for a in opp["applications"]]
        )
        return out

    async def route(self, request: web.Request, path: str, data: Any) -> web.Response:
        parts = [p for p in path.split("/") if p]
        method, q = request.method, request.query
        if method == "POST" and q.get("perform_as") not in self.users:
            return self.error(400, "perform_as must name an active user")
        expand = "applications" in q.getall("expand", [])
        if parts[:1] == ["users"] and len(parts) == 2:
            if parts[1] not in self.users:
                return self.error(404, "User not found")
            return web.json_response(
                {"data": {"id": parts[1], "name": self.users[parts[1]], "accessRole": "admin"}}
            )
        if parts == ["postings"]:
            state = q.get("state")
            return self._page(
                request, [p for p in self.postings.values() if state is None or p["state"] == state]
            )
        if parts == ["stages"]:
            return self._page(request, self.stages)
        if parts == ["opportunities"] and method == "GET":
            email = (q.get("email") or "").lower()
            found = [
                self._expanded(o, expand)
                for o in self.opportunities.values()
                if email in [e.lower() for e in o["emails"]]
            ]
            return self._page(request, found)
        if parts == ["opportunities"] and method == "POST":
            if not (data or {}).get("name"):
                return self.error(400, "name is required")
            postings = data.get("postings") or []
            if any(p not in self.postings for p in postings):
                return self.error(400, "posting not found")
            opp = self.add_opportunity(
                data["name"], (data.get("emails") or [""])[0], postings[0] if postings else None
            )
            return web.json_response({"data": self._expanded(opp, True)}, status=201)
        if parts[:1] == ["opportunities"] and len(parts) >= 2:
            opp = self.opportunities.get(parts[1])
            if opp is None:
                return self.error(404, "Opportunity not found")
            if parts[2:] == [] and method == "GET":
                return web.json_response({"data": self._expanded(opp, expand)})
            if parts[2:] == ["notes"] and method == "GET":
                return self._page(request, self.notes.get(opp["id"], []))
            if parts[2:] == ["notes"] and method == "POST":
                if not (data or {}).get("value"):
                    return self.error(400, "value is required")
                note = {
                    "id": self._oid("note"),
                    "fields": [{"type": "note", "value": data["value"]}],
                    "user": q["perform_as"],
                }
                self.notes.setdefault(opp["id"], []).append(note)
                return web.json_response({"data": {"noteId": note["id"]}}, status=201)
            if parts[2:] == ["files"] and method == "GET":
                return self._page(
                    request,
                    [{k: v for k, v in f.items() if k != "content"} for f in self.files.get(opp["id"], [])],
                )
            if parts[2:] == ["files"] and method == "POST":
                return self._upload(opp, request.headers.get("Content-Type", ""), await request.read())
        return self.error(404, "Not found")

    def _upload(self, opp: dict[str, Any], content_type: str, raw: bytes) -> web.Response:
        """POST /v1/opportunities/{id}/files: multipart/form-data with the file in the `file` field."""
        if not content_type.startswith("multipart/form-data"):
            return self.error(400, "Request must be multipart/form-data")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        part = next(
            (p for p in message.iter_parts() if p.get_param("name", header="content-disposition") == "file"),
            None,
        )
        if part is None or not part.get_filename():
            return self.error(400, "file is required")
        content = part.get_payload(decode=True) or b""
        if len(content) > 30 * 1024 * 1024:
            return self.error(400, "File exceeds the 30MB limit")
        name = part.get_filename()
        fid = self._oid("file")
        record = {
            "id": fid,
            "downloadUrl": f"https://api.lever.co/v1/opportunities/{opp['id']}/files/{fid}/download",
            "ext": name.rsplit(".", 1)[-1] if "." in name else "",
            "name": name,
            "uploadedAt": int(time.time() * 1000),
            "status": "processed",
            "size": len(content),
            "content": content,
            "contentType": part.get_content_type(),
        }
        self.files.setdefault(opp["id"], []).append(record)
        return web.json_response(
            {"data": {k: v for k, v in record.items() if k not in ("content", "contentType")}}, status=201
        )

    def files_of(self, email_address: str) -> list[dict[str, Any]]:
        opps = [o for o in self.opportunities.values() if email_address in o["emails"]]
        return [f for o in opps for f in self.files.get(o["id"], [])]

    def notes_of(self, email: str) -> list[str]:
        opps = [o for o in self.opportunities.values() if email in o["emails"]]
        return [n["fields"][0]["value"] for o in opps for n in self.notes.get(o["id"], [])]
