"""The domain. Services never import Slack (house rule 5): keyword-only arguments, plain return values,
outside effects through the outbox and small ports."""
