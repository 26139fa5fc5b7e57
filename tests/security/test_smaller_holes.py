"""Issue 8, item 9: the smaller holes, each shown closed over the wire."""

from __future__ import annotations

import json

import aiohttp
import pytest
from sqlalchemy import select

from milobot.config import ConfigError
from milobot.db.models import IngestionFile, Interview, Member, OutboxMessage, Workspace
from milobot.ids import Action
from milobot.runtime import Runtime
from milobot.services.agents import SHARE
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.fakes.http_sink import HttpSink
from tests.harness import make_settings
from tests.ingestion.support import corpus_pdfs, dm_files, register, review_ready
from tests.interview_web.helpers import make_agent
from tests.interview_web.test_inbound_api import body, new_key

VIEWER = "UVIEWER001"
OTHER_TEAM = "T0OTHER001"


async def test_the_bot_token_goes_only_to_slacks_file_hosts(milo, slack):
    await make_agent(milo)
    ((name, data, email),) = corpus_pdfs(1)
    async with HttpSink() as elsewhere:
        good = register(slack, name, data)
        bad = register(slack, "resume.pdf", data)
        # files.info naming a host that isn't Slack's: the download must not be tried with the token.
        slack._files[bad["id"]]["url_private_download"] = (
            f"http://127.0.0.1:{elsewhere.port}/steal/resume.pdf"
        )
        await dm_files(milo, [good, bad])
        _, message = await review_ready(milo, slack)
        assert elsewhere.requests == []
    text = json.dumps(message["blocks"])
    assert "not Slack's file host" in text and email in text
    async with milo.container.db.unit_of_work() as s:
        row = await s.scalar(select(IngestionFile).where(IngestionFile.slack_file_id == bad["id"]))
    assert row.outcome == "download_failed" and row.stored_path is None


async def _post_api(milo, key: str, raw: bytes | aiohttp.FormData, **headers) -> tuple[int, dict]:
    headers = {"Authorization": f"Bearer {key}", **headers}
    async with milo.http.post(f"{milo.base_url}/api/v1/interviews", data=raw, headers=headers) as resp:
        return resp.status, await resp.json()


async def test_deeply_nested_json_gets_422_on_the_inbound_api(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    json_type = {"Content-Type": "application/json"}
    status, answer = await _post_api(milo, key, b"[" * 5000 + b"]" * 5000, **json_type)
    assert (status, answer["field"]) == (422, "body") and "nested too deeply" in answer["message"]
    nested = body(signals=[{"kind": "paste", "detail": {"x": json.loads("[" * 200 + "]" * 200)}}])
    status, answer = await _post_api(milo, key, json.dumps(nested).encode(), **json_type)
    assert (status, answer["field"]) == (422, "body")
    form = aiohttp.FormData()
    form.add_field("data", "[" * 5000 + "]" * 5000, content_type="application/json")
    status, answer = await _post_api(milo, key, form)
    assert (status, answer["field"]) == (422, "data")


async def test_a_chunked_body_is_held_to_the_inbound_api_limit(milo, slack):
    import milobot.inbound_api as api

    await make_agent(milo)
    key = await new_key(milo)
    oversize = json.dumps(body(transcript=[{"question": "Q?", "answer": "x" * (api.MAX_JSON_BYTES + 10)}]))

    async def chunks():
        data = oversize.encode()
        for i in range(0, len(data), 64 * 1024):
            yield data[i : i + 64 * 1024]

    for raw in (oversize.encode(), chunks()):
        status, answer = await _post_api(milo, key, raw, **{"Content-Type": "application/json"})
        assert (status, answer["error"]) == (413, "too_large")
    assert await _count(milo, Interview) == 0


async def test_a_reused_external_id_with_another_body_gets_409(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    first = json.dumps(body()).encode()
    status, created = await _post_api(milo, key, first, **{"Content-Type": "application/json"})
    assert status == 201
    # The same body again (keys in another order: the same result) gets the same answer.
    reordered = json.dumps(dict(reversed(list(body().items())))).encode()
    status, again = await _post_api(milo, key, reordered, **{"Content-Type": "application/json"})
    assert status == 200 and again == {**created, "created": False}
    changed = json.dumps(body(transcript=[{"question": "Q?", "answer": "Something else entirely"}])).encode()
    status, refused = await _post_api(milo, key, changed, **{"Content-Type": "application/json"})
    assert status == 409 and refused["error"] == "external_id_reused" and "engine-run-1" in refused["message"]
    assert await _count(milo, Interview) == 1


async def _count(milo, model) -> int:
    async with milo.container.db.unit_of_work() as s:
        return len((await s.scalars(select(model))).all())


async def test_milobot_admins_are_admins_only_in_the_bot_tokens_own_workspace(milo, slack):
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await milo.command("team invite <@UNEWCOMER1> viewer", user=ADMIN, team=OTHER_TEAM)
    refusal = await milo.replies()
    assert "not on this workspace's milobot team" in refusal.args["text"]
    await milo.command("team invite <@UNEWCOMER1> viewer", user=ADMIN)
    done = await milo.replies(count=2)
    assert "UNEWCOMER1" in done[1].args["text"] and "not on" not in done[1].args["text"]
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.execute(select(Workspace.team_id, Member.slack_user_id, Member.role).join(Member))
        ).all()
    assert set(rows) == {(slack.team_id, ADMIN, "admin"), (slack.team_id, "UNEWCOMER1", "viewer")}


@pytest.mark.parametrize("huge", [2**31, 10**30, -1])
async def test_huge_ids_in_buttons_get_a_clear_refusal(milo, slack, huge):
    await make_agent(milo)
    mark = slack.mark()
    for action, value in (
        (Action.CANDIDATE_SHORTLIST, json.dumps({"interview_id": huge})),
        (Action.AGENT_SHARE, json.dumps({"agent_id": huge})),
        (Action.AGENT_PICK_FOR_SHARE, json.dumps({"agent_id": huge, "tag": None})),
    ):
        await milo.interact(
            payloads.block_actions(
                slack.team_id, ADMIN, action, value, response_url=slack.new_response_url(kind="actions")
            )
        )
    replies = await slack.wait_for("response_url", since=mark, count=3)
    assert all("came back with a bad id" in r.args["text"] for r in replies), [
        r.args["text"] for r in replies
    ]


async def test_viewers_cannot_share(milo, slack):
    await make_agent(milo, name="Backend Engineer")
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    await milo.command("share Backend Engineer", user=VIEWER)
    refusal = (await milo.replies(count=2))[1]
    assert "Only admins can do that" in refusal.args["text"]
    await milo.command("share Backend Engineer", user=ADMIN)
    shared = (await milo.replies(count=3))[2]
    assert "/i/share-tok-0001" in json.dumps(shared.args)
    async with milo.container.db.unit_of_work() as s:
        shares = (await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == SHARE))).all()
    assert [row.payload["user"] for row in shares] == [ADMIN]  # the viewer's share queued nothing


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://llm.example.com/v1", True),
        ("http://10.0.0.5:8000/v1", True),
        ("http://127.0.0.1:11434/v1", False),
        ("http://localhost:11434/v1", False),
        ("https://llm.example.com/v1", False),
    ],
)
def test_plain_http_scoring_endpoints_are_refused_except_on_this_machine(tmp_path, url, refused):
    from milobot.config import load_settings

    settings = load_settings(
        {"MILOBOT_DATA_DIR": str(tmp_path), "LLM_BASE_URL": url, "LLM_MODEL": "m"}, env_file=None
    )
    assert bool(settings.refusals()) is refused
    if refused:
        with pytest.raises(ConfigError, match="LLM_BASE_URL must be https://"):
            Runtime(settings)


async def test_a_refused_configuration_is_refused_by_the_runtime_too(tmp_path, slack, database_url):
    from dataclasses import replace

    settings = make_settings(tmp_path, slack=slack, database_url=database_url, admins={ADMIN})
    with pytest.raises(ConfigError):
        Runtime(replace(settings, llm_base_url="http://llm.example.com/v1", llm_model="m"))
