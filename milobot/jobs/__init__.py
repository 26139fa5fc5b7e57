"""Background work: outbox delivery, and the APScheduler jobs (digests, nudges, retention)."""
