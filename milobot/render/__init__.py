"""Pure renderers: bytes out (QR PNG, poster PDF, chart PNG); no Slack, no database.

Every function here is CPU-bound: callers run them in a thread or process pool, never on the event loop.
"""
