"""In-memory token buckets, keyed (per client address, per link), bounded in size.

Each replica keeps its own buckets: behind a load balancer with N replicas a client gets up to N times
the rate, which still stops a script from creating hundreds of candidates a minute. The least recently
used keys are forgotten first once `max_keys` is reached, so memory stays bounded whatever is sent."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from milobot.config import Bucket


class TokenBuckets:
    def __init__(
        self, bucket: Bucket, *, max_keys: int = 50_000, clock: Callable[[], float] = time.monotonic
    ):
        self.bucket = bucket
        self.max_keys = max_keys
        self.clock = clock
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def take(self, key: str) -> float:
        """Take one token for `key`: 0 when allowed, else the seconds until one is there."""
        now = self.clock()
        burst, rate = self.bucket.burst, self.bucket.per_second
        tokens, at = self._state.pop(key, (burst, now))
        tokens = min(burst, tokens + (now - at) * rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / rate if rate > 0 else 3600.0
        self._state[key] = (tokens, now)
        while len(self._state) > self.max_keys:
            self._state.popitem(last=False)
        return wait
