"""The client for a connection: vendor, base URL (the vendor's, or MILOBOT_*_API_URL), key, acting user."""

from __future__ import annotations

from milobot.ats.greenhouse import GreenhouseClient
from milobot.ats.lever import LeverClient
from milobot.outbound import Outbound

KINDS = {"greenhouse": "Greenhouse", "lever": "Lever"}


class AtsClients:
    def __init__(self, outbound: Outbound, *, greenhouse_url: str, lever_url: str):
        self.outbound = outbound
        self.urls = {"greenhouse": greenhouse_url, "lever": lever_url}

    def client(self, kind: str, *, api_key: str, acting_user: str):
        cls = GreenhouseClient if kind == "greenhouse" else LeverClient
        return cls(self.outbound, base_url=self.urls[kind], api_key=api_key, acting_user=acting_user)
