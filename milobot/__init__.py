"""milobot: the collaboration side of an AI-interview platform, inside Slack."""

__version__ = "0.1.0"
