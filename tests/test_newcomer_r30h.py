"""Round thirty, newcomer tester h: what a resident reads when the question's language is not
the client's, and the little words around the hours.

- "明天早上卫生站几点开": "上午 08:00 开门。", with its full stop like every other lead line.

The bot's clock is injected (the tests' clock), never the real date."""

from __future__ import annotations

from bot.i18n import Catalog


def test_half_a_day_ends_with_a_full_stop(catalog: Catalog) -> None:
    """ "明天早上卫生站几点开": "上午 08:00 开门。" then the day's line, as the English "Opens at
    08:00 in the morning." and as "晚餐 17:00–18:30。" of a meal asked."""
    assert catalog.text("zh", "qa-part-opens", part="morning", time="08:00") == "上午 08:00 开门。"
    for key in ("closes", "open-until", "opens", "open-from", "closed"):
        for part in ("morning", "afternoon"):
            zh = catalog.text("zh", f"qa-part-{key}", part=part, time="12:00")
            en = catalog.text("en", f"qa-part-{key}", part=part, time="12:00")
            assert zh.endswith("。"), zh
            assert en.endswith("."), en
