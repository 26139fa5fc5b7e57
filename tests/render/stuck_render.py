"""A stand-in report renderer for the render pool's tests; module level so the spawned workers can
import it by name."""

import os
import time


def render_or_hang(data, cjk_font: str) -> bytes:
    if data == "hang":
        time.sleep(600)  # a worker stuck in a layout loop: only a kill ends it
    return str(os.getpid()).encode()
