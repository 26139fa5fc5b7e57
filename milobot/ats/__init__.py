"""ATS vendors' HTTP APIs (Greenhouse Harvest, Lever): adapters below the services, like slack/ is for
Slack. No database and no Slack here."""
