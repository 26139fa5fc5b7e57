"""Slack's part of webhooks: the message template of the notice sent when milobot disables an endpoint."""

from __future__ import annotations

from milobot.blocks.webhooks import disabled_notice
from milobot.services.webhook_delivery import DISABLED_TEMPLATE
from milobot.slack import templates

templates.register(DISABLED_TEMPLATE, disabled_notice)
