"""sendVenue in the emulator: a map pin is delivered, and bad coordinates or titles refused."""

from __future__ import annotations

from frontdesk_emulator import BotApiEmulator
from tests.emulator.conftest import RawClient


async def test_send_venue_delivers_a_pin(api: RawClient, emu: BotApiEmulator) -> None:
    """A valid venue arrives with its location, title and address, and counts as a send."""
    user = emu.user(2001)
    sent = await api.ok(
        "sendVenue",
        chat_id=2001,
        latitude=31.2215,
        longitude=121.3942,
        title="社区食堂",
        address="1690党群服务中心 一楼东侧",
    )
    assert sent["venue"]["location"] == {"latitude": 31.2215, "longitude": 121.3942}
    assert sent["venue"]["title"] == "社区食堂"
    pin = await user.wait_message()
    assert pin.kind == "venue"
    assert pin.raw["venue"]["address"] == "1690党群服务中心 一楼东侧"


async def test_send_venue_refuses_bad_input(api: RawClient, emu: BotApiEmulator) -> None:
    """Out-of-range or missing coordinates and empty or over-long texts are 400s."""
    emu.user(2002)
    good = {"chat_id": 2002, "latitude": 31.0, "longitude": 121.0, "title": "A", "address": "B"}
    for change in (
        {"latitude": 91},
        {"longitude": -181},
        {"latitude": None},
        {"latitude": "north"},
        {"title": "  "},
        {"address": "x" * 257},
    ):
        status, body = await api("sendVenue", **{**good, **change})
        assert status == 400, change
        assert body["ok"] is False
