"""Everything that talks to Slack's Web API: clients with retry handlers, per-workspace tokens, and the
outbox deliverers that turn a stored effect into Web API calls."""
