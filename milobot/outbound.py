"""Calls milobot makes to addresses other people choose (webhook endpoints, ATS APIs), guarded against
server-side request forgery.

A URL given in Slack must not make milobot reach its own machine, the private network it runs in, or a
cloud metadata service. Every DNS answer is checked address by address, and the connection is made to
exactly the addresses that were checked (aiohttp connects to what the resolver returned and never asks
again), so a name that answers "public" once and "127.0.0.1" the next time (DNS rebinding) is refused the
second time. Literal IP addresses never reach a resolver, so they are checked before the request.
`MILOBOT_OUTBOUND_ALLOW` names hosts or networks that are allowed anyway (an on-premises ATS, tests);
outside it, only https is allowed. Redirects are never followed and response bodies are read up to a cap.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

TIMEOUT_SECONDS = 15.0
BODY_CAP = 4096  # bytes of a response body kept (a delivery log shows a line of it, no more)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud metadata services that are not already link-local (169.254.169.254 is).
METADATA = {
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("192.0.0.192"),  # Oracle Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
}


class Refused(OSError):
    """The address or URL is not one milobot will call. An OSError so aiohttp's connector passes it on
    (wrapped in ClientConnectorDNSError) rather than treating it as a bug."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def refusal_of(exc: BaseException) -> Refused | None:
    """The Refused behind an aiohttp error, if that is what it was."""
    seen = 0
    while exc is not None and seen < 6:
        if isinstance(exc, Refused):
            return exc
        nxt = getattr(exc, "os_error", None)
        exc = nxt if isinstance(nxt, BaseException) else (exc.__cause__ or exc.__context__)
        seen += 1
    return None


def why_forbidden(ip: IPAddress) -> str | None:
    """Why milobot won't connect to this address, or None when it is an ordinary public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA:
        return "a cloud metadata address"
    if ip.is_unspecified:
        return "an unspecified address (it means this machine)"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata lives there)"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return None


@dataclass(frozen=True)
class AllowList:
    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, raw: str | None) -> AllowList:
        hosts, networks = set(), []
        for item in (raw or "").split(","):
            item = item.strip().lower()
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        if host in self.hosts:
            return True
        try:
            return self.address_allowed(ipaddress.ip_address(host.strip("[]")))
        except ValueError:
            return False

    def address_allowed(self, ip: IPAddress) -> bool:
        return any(ip in net for net in self.networks)


def check_address(host: str, address: str, allow: AllowList) -> None:
    if allow.host_allowed(host):
        return
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        raise Refused(f"{host} resolved to something that is not an IP address") from None
    if allow.address_allowed(ip):
        return
    reason = why_forbidden(ip)
    if reason:
        shown = host if host == address else f"{host} ({address})"
        raise Refused(f"{shown} is {reason}; milobot doesn't call those")


class GuardedResolver(AbstractResolver):
    """Checks every address of every DNS answer before aiohttp may connect to any of them."""

    def __init__(self, allow: AllowList, inner: AbstractResolver | None = None):
        self.allow = allow
        self.inner = inner or DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self.inner.resolve(host, port, family)
        for answer in answers:  # one bad address refuses the whole answer
            check_address(host, answer["host"], self.allow)
        return answers

    async def close(self) -> None:
        await self.inner.close()


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes  # at most the cap

    def text(self, limit: int = 300) -> str:
        return self.body.decode("utf-8", "replace")[:limit]


class Outbound:
    """One pooled, guarded HTTP client for the process. `resolver` can be swapped for a fake DNS in tests."""

    def __init__(
        self, allow: AllowList, *, resolver: AbstractResolver | None = None, timeout: float = TIMEOUT_SECONDS
    ):
        self.allow = allow
        self.inner_resolver = resolver
        self.timeout = timeout  # seconds a whole request may take, connecting to the last byte read
        self._session: aiohttp.ClientSession | None = None
        self._lock = asyncio.Lock()

    def check_url(self, url: str) -> tuple[str, int]:
        """Scheme, host and literal-address rules (everything that needs no DNS). Returns host, port."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise Refused("that isn't a valid URL") from None
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            raise Refused("the URL must start with https:// and name a host")
        if parts.username or parts.password:
            raise Refused("the URL must not carry a user name or password")
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            check_address(host, str(literal), self.allow)
        if parts.scheme != "https" and not self.allow.host_allowed(host):
            raise Refused("the URL must use https://")
        return host, port or (443 if parts.scheme == "https" else 80)

    async def check_reachable(self, url: str) -> None:
        """What adding an endpoint checks: the URL rules, then the DNS answer as it stands now."""
        host, port = self.check_url(url)
        try:
            ipaddress.ip_address(host.strip("[]"))
            return
        except ValueError:
            pass
        try:
            await self._resolver().resolve(host, port, socket.AF_UNSPEC)
        except Refused:
            raise
        except OSError as exc:
            raise Refused(f"{host} could not be found in DNS ({exc.strerror or exc})") from None

    def _resolver(self) -> GuardedResolver:
        return GuardedResolver(self.allow, self.inner_resolver)

    async def session(self) -> aiohttp.ClientSession:
        async with self._lock:
            if self._session is None or self._session.closed:
                connector = aiohttp.TCPConnector(resolver=self._resolver(), use_dns_cache=False, limit=100)
                self._session = aiohttp.ClientSession(
                    connector=connector,
                    timeout=aiohttp.ClientTimeout(total=self.timeout),
                    trust_env=False,  # no proxy from the environment may route around the guard
                )
            return self._session

    async def request(self, method: str, url: str, **kwargs: Any) -> Reply:
        """One request: no redirects followed, the body read up to BODY_CAP (or `body_cap`)."""
        cap = kwargs.pop("body_cap", BODY_CAP)
        self.check_url(url)
        session = await self.session()
        kwargs.setdefault("timeout", aiohttp.ClientTimeout(total=self.timeout))
        async with session.request(method, url, allow_redirects=False, **kwargs) as resp:
            chunks, size = [], 0
            while size < cap:
                chunk = await resp.content.read(cap - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            return Reply(resp.status, {k.lower(): v for k, v in resp.headers.items()}, b"".join(chunks))

    def describe_failure(self, exc: BaseException) -> str:
        """A failed request in words: aiohttp's timeout is a TimeoutError with no message at all, which
        said nothing in a log line or a delivery log."""
        if isinstance(exc, TimeoutError):
            return f"timed out after {self.timeout:g} s"
        said = str(exc).strip()
        return f"{type(exc).__name__}: {said}" if said else type(exc).__name__

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
