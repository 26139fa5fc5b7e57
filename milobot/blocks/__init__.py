"""Pure Block Kit builders (house rule 3): plain data in, blocks out, built with slack_sdk.models so
to_dict() enforces Slack's limits. No database, no Web API calls."""
