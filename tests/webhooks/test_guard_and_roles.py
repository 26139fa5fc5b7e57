"""The SSRF guard (with loopback addresses outside the allow-list standing in for every forbidden kind:
nothing here sends traffic beyond this machine), and what a viewer or another workspace cannot do."""

from __future__ import annotations

import ipaddress
import json

import pytest
from sqlalchemy import func, select

from milobot.db.models import Member, OutboxMessage, Webhook, WebhookDelivery
from milobot.ids import WebhookAction, WebhookChoice
from milobot.outbound import AllowList, why_forbidden
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import make_agent
from tests.webhooks.support import (
    add_endpoint,
    api_key,
    delivery_ref,
    endpoint_choice,
    in_modal,
    open_manage,
    post_result,
    result,
    secret_in,
    view_text,
)

VIEWER = "UVIEWER001"
HOOK = "/hooks/milobot"


async def _count(milo, model) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(model))


async def _outbox_idle(milo) -> bool:
    async with milo.container.db.unit_of_work() as s:
        return not await s.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
        )


def _error(ack: dict) -> str:
    assert ack.get("response_action") == "errors", ack
    return " ".join(ack["errors"].values())


async def test_refusals_when_adding_an_endpoint(milo, slack, receiver, dns):
    agent_id = await make_agent(milo)
    port = receiver.port
    dns.set("hooks.mixed.test", ["127.0.0.1", "127.0.0.2"])
    cases = {
        f"http://127.0.0.2:{port}{HOOK}": "loopback",  # a loopback address outside the allow-list
        f"https://127.0.0.2:{port}{HOOK}": "loopback",
        f"http://[::1]:{port}{HOOK}": "loopback",
        "https://[::1]/hook": "loopback",
        f"https://hooks.mixed.test:{port}{HOOK}": "127.0.0.2",  # one bad address refuses the answer
        "https://nowhere.test/hook": "could not be found",
        "http://hooks.example.com/hook": "https",
        "https://user:pw@hooks.example.com/hook": "user name or password",
        "ftp://hooks.example.com/hook": "https://",
        "not a url": "https://",
    }
    for url, reason in cases.items():
        ack = await add_endpoint(milo, slack, agent_id, url, ["candidate.created"])
        assert reason in _error(ack), (url, ack)
    assert await _count(milo, Webhook) == 0
    assert receiver.requests == []


async def test_dns_rebinding_is_refused_at_delivery_and_shown_in_the_log(milo, slack, receiver, dns):
    # The name answers with the allowed address when the endpoint is added, then with another.
    dns.set("hooks.rebind.test", ["127.0.0.1"], ["127.0.0.2"])
    agent_id = await make_agent(milo)
    ack = await add_endpoint(
        milo, slack, agent_id, f"https://hooks.rebind.test:{receiver.port}{HOOK}", ["candidate.created"]
    )
    secret_in(ack)
    key = await api_key(milo)
    await post_result(milo, key, result(1))

    async def failed():
        async with milo.container.db.unit_of_work() as s:
            d = await s.scalar(select(WebhookDelivery))
        return d if d is not None and d.status == "failed" else None

    d = await milo.wait_until(failed)
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert "refused" in d.last_error and "127.0.0.2" in d.last_error and d.attempts == 1
    assert dns.queries.count("hooks.rebind.test") == 2  # asked again at delivery, not cached from the add
    assert receiver.requests == []
    view = await open_manage(milo, slack, agent_id)
    shown = json.dumps(view["blocks"], ensure_ascii=False)
    # display() writes hosts with look-alike dots (U+2024), so Slack links nothing a stranger typed.
    assert "127\u20240\u20240\u20242" in shown and "loopback" in shown


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.2", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.2", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("100.100.100.200", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "reserved"),
    ],
)
def test_address_classes_are_refused(address, kind):
    # Pure classification of address values; nothing connects anywhere.
    reason = why_forbidden(ipaddress.ip_address(address))
    assert reason and kind in reason


def test_allow_list_takes_hosts_and_networks():
    allow = AllowList.parse(" ats.internal.example , 127.0.0.0/30,::1 ")
    assert allow.host_allowed("ATS.internal.example.") and allow.host_allowed("127.0.0.3")
    assert allow.host_allowed("[::1]") and not allow.host_allowed("127.0.0.4")
    assert why_forbidden(ipaddress.ip_address("93.184.216.34")) is None


async def test_viewer_cannot_manage_see_secrets_add_or_retry(milo, slack, receiver):
    receiver.respond(HOOK, 400)
    agent_id = await make_agent(milo)
    ack = await add_endpoint(milo, slack, agent_id, receiver.url_for(HOOK), ["candidate.created"])
    secret = secret_in(ack)
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    await receiver.wait_for(HOOK)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies(count=2)

    refusal = await open_manage(milo, slack, agent_id, user=VIEWER, refused=True)
    assert "Only admins" in refusal
    ack = await add_endpoint(
        milo, slack, agent_id, receiver.url_for("/other"), ["candidate.created"], user=VIEWER
    )
    assert "Only admins" in _error(ack) and secret not in str(ack)
    assert await _count(milo, Webhook) == 1

    admin_view = await open_manage(milo, slack, agent_id)
    assert secret not in view_text(admin_view)  # not even admins see it again
    async with milo.container.db.unit_of_work() as s:
        d = await s.scalar(select(WebhookDelivery))
        hook = await s.scalar(select(Webhook))
    mark = slack.mark()
    await in_modal(milo, slack, admin_view, WebhookAction.RETRY, delivery_ref(d.id), user=VIEWER)
    await in_modal(
        milo,
        slack,
        admin_view,
        WebhookAction.ENDPOINT,
        endpoint_choice(WebhookChoice.ROTATE, hook.id),
        user=VIEWER,
        overflow=True,
    )
    refusals = await slack.wait_for(
        "chat.postMessage", lambda c: "Only admins" in c.args["text"], since=mark, count=2
    )
    assert all(secret not in r.args["text"] for r in refusals)
    assert slack.calls_to("views.push") == []
    async with milo.container.db.unit_of_work() as s:
        d2 = await s.scalar(select(WebhookDelivery))
        hook2 = await s.scalar(select(Webhook))
    assert d2.status == "failed" and hook2.secret == hook.secret and hook2.previous_secret is None


async def test_another_workspace_cannot_touch_an_endpoint(milo, slack, receiver):
    agent_id = await make_agent(milo)
    await add_endpoint(milo, slack, agent_id, receiver.url_for(HOOK), ["candidate.created"])
    view = await open_manage(milo, slack, agent_id)
    async with milo.container.db.unit_of_work() as s:
        hook = await s.scalar(select(Webhook))
    # An admin of another workspace: only the workspace wall can refuse this.
    async with milo.container.db.unit_of_work() as s:
        other = await get_or_create_workspace(s, "TOTHER0001")
        s.add(Member(workspace_id=other.id, slack_user_id="UOTHERADM1", role="admin"))
    mark = slack.mark()
    await milo.interact(
        payloads.overflow_action(
            "TOTHER0001",
            "UOTHERADM1",
            WebhookAction.ENDPOINT,
            endpoint_choice(WebhookChoice.ROTATE, hook.id),
            view=view,
        )
    )
    await slack.wait_for("chat.postMessage", lambda c: "doesn't exist here" in c.args["text"], since=mark)
    assert slack.calls_to("views.push") == []
    async with milo.container.db.unit_of_work() as s:
        assert (await s.scalar(select(Webhook))).previous_secret is None
