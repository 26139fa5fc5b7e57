"""placeholder"""


def register(app, container) -> None:
    return None
