"""placeholder"""


async def on_event(session, *, workspace_id: int, agent_id: int, event: str, data: dict) -> None:
    return None
