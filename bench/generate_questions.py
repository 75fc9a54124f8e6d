"""Generate the evaluation set ``eval/generated.yaml``: templates × every venue and alias × every
kind of day expression × transformations, with the expected answer known by construction.

    python -m bench.generate_questions            # rewrite eval/generated.yaml
    python -m bench.generate_questions --check    # fail if the file is not what this produces

The expected days are written here from the calendar (checked against printed calendars),
never computed by the bot's own rules. Homophone typos take their sources of confusion from
pypinyin: a character of the alias is replaced by another with the same toneless reading,
chosen among characters that occur in pypinyin's phrase dictionary (a measure of how common
they are, independent of the bot's own GB 2312 filter). Each item gets a seeded ``split``:
``tune`` (may be looked at while improving the bot) or ``holdout`` (only aggregate figures).
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.centre import load_centre

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "eval" / "generated.yaml"
REFERENCE_NOW = "2026-12-02T10:00:00+08:00"  # a Wednesday
SEED = 20261202


@dataclass(frozen=True)
class DayExpr:
    text: str
    days: tuple[str, ...]  # empty: the bot must ask which day
    category: str
    lang: str
    asked: bool = False  # a day named but not one: asked back (its days only place it)


# Days as of Wednesday 2 December 2026 (Asia/Shanghai).
ZH_DAYS = [
    DayExpr("今天", ("2026-12-02",), "relative_day", "zh"),
    DayExpr("明天", ("2026-12-03",), "relative_day", "zh"),
    DayExpr("后天", ("2026-12-04",), "relative_day", "zh"),
    DayExpr("大后天", ("2026-12-05",), "relative_day", "zh"),
    DayExpr("3天后", ("2026-12-05",), "relative_day", "zh"),
    DayExpr("今朝", ("2026-12-02",), "dialect", "zh"),
    DayExpr("明朝", ("2026-12-03",), "dialect", "zh"),
    DayExpr("后日", ("2026-12-04",), "dialect", "zh"),
    DayExpr("礼拜六", ("2026-12-05",), "dialect", "zh"),
    DayExpr("礼拜天", ("2026-12-06",), "dialect", "zh"),
    DayExpr("周四", ("2026-12-03",), "weekday", "zh"),
    DayExpr("星期五", ("2026-12-04",), "weekday", "zh"),
    DayExpr("周日", ("2026-12-06",), "weekday", "zh"),
    DayExpr("这周六", ("2026-12-05",), "weekday", "zh"),
    DayExpr("下周一", ("2026-12-07",), "weekday", "zh"),
    DayExpr("下个礼拜二", ("2026-12-08",), "weekday", "zh"),
    DayExpr("下下周三", ("2026-12-16",), "weekday", "zh"),
    DayExpr("这周末", ("2026-12-05", "2026-12-06"), "weekday", "zh"),
    DayExpr("下周末", ("2026-12-12", "2026-12-13"), "weekday", "zh"),
    DayExpr("12月25日", ("2026-12-25",), "date", "zh"),
    DayExpr("十二月十号", ("2026-12-10",), "date", "zh"),
    DayExpr("18号", ("2026-12-18",), "date", "zh"),
    DayExpr("1月8号", ("2027-01-08",), "date", "zh"),
    DayExpr("下个月5号", ("2027-01-05",), "date", "zh"),
    # the month's last days: which one? (asked since round eighteen)
    DayExpr("月底", ("2026-12-31",), "date", "zh", asked=True),
    DayExpr("2027年1月3日", ("2027-01-03",), "date", "zh"),
    DayExpr("12/20", ("2026-12-20",), "date", "zh"),
    DayExpr("平安夜", ("2026-12-24",), "festival", "zh"),
    DayExpr("圣诞节", ("2026-12-25",), "festival", "zh"),
    DayExpr("冬至", ("2026-12-22",), "festival", "zh"),
    DayExpr("元旦", ("2027-01-01",), "festival", "zh"),
    DayExpr("腊八", ("2027-01-15",), "festival", "zh"),
    DayExpr("除夕", ("2027-02-05",), "festival", "zh"),
    DayExpr("元宵节", ("2027-02-20",), "festival", "zh"),
    DayExpr("立春", ("2027-02-04",), "festival", "zh"),
    DayExpr("清明节", ("2027-04-05",), "festival", "zh"),
    DayExpr("七夕", ("2027-08-08",), "festival", "zh"),
    DayExpr("重阳节", ("2027-10-08",), "festival", "zh"),
    DayExpr("2月30日", (), "date", "zh"),
    DayExpr("下周", (), "weekday", "zh"),
    DayExpr("节假日", (), "festival", "zh"),
]
EN_DAYS = [
    DayExpr("today", ("2026-12-02",), "english", "en"),
    DayExpr("tomorrow", ("2026-12-03",), "english", "en"),
    DayExpr("tommorow", ("2026-12-03",), "english", "en"),
    DayExpr("the day after tomorrow", ("2026-12-04",), "english", "en"),
    DayExpr("on Saturday", ("2026-12-05",), "english", "en"),
    DayExpr("next Monday", ("2026-12-07",), "english", "en"),
    DayExpr("this weekend", ("2026-12-05", "2026-12-06"), "english", "en"),
    DayExpr("on Christmas Eve", ("2026-12-24",), "english", "en"),
    DayExpr("on xmas", ("2026-12-25",), "english", "en"),
    DayExpr("on Dec 18", ("2026-12-18",), "english", "en"),
    DayExpr("on 3 January", ("2027-01-03",), "english", "en"),
    DayExpr("on New Year's Day", ("2027-01-01",), "english", "en"),
    DayExpr("on Wednesday", ("2026-12-02",), "english", "en"),
    DayExpr("on Thrusday", ("2026-12-03",), "english", "en"),
    DayExpr("next week", (), "english", "en"),
]

ZH_TEMPLATES = [
    "{day}{venue}开吗？",
    "{day}{venue}开不开",
    "请问{day}{venue}几点开门？",
    "{venue}{day}营业吗",
    "{venue}{day}几点关门",
    "你好，{day}{venue}有人吗？",
    "{day}去{venue}，开着吗",
    "想问一下{venue}{day}开放时间",
]
EN_TEMPLATES = [
    "Is the {venue} open {day}?",
    "{venue} hours {day}",
    "what time does the {venue} open {day}",
    "hi, is the {venue} closed {day}?",
    "When does the {venue} close {day}?",
]
OVERVIEW = [
    ("{day}哪些地方开门？", "zh"),
    ("{day}哪些地方开着", "zh"),
    ("{day}都有哪些地方开放", "zh"),
    ("What's open {day}?", "en"),
    ("Which places are open {day}?", "en"),
]
INTENTS = [
    ("我要评价食堂", "feedback", None, "zh"),
    ("我想给食堂提点意见", "feedback", None, "zh"),
    ("食堂的饭菜我想打个分", "feedback", None, "zh"),
    ("I want to give feedback on the canteen", "feedback", None, "en"),
    ("我报了哪些课", "myclasses", None, "zh"),
    ("我都报了什么课啊", "myclasses", None, "zh"),
    ("show me my classes", "myclasses", None, "en"),
    ("我想报名太极", "course", "太极", "zh"),
    ("我要报书法班", "course", "书法", "zh"),
    ("我想学瑜伽", "course", "瑜伽", "zh"),
    ("sign me up for the yoga class", "course", "yoga", "en"),
    ("有什么活动", "events", None, "zh"),
    ("最近有什么活动吗？", "events", None, "zh"),
    ("这周有哪些活动", "events", None, "zh"),
    ("any events coming up?", "events", None, "en"),
]
OUT_OF_SCOPE = [
    ("{day}天气怎么样", "zh"),
    ("{day}附近银行开门吗", "zh"),
    ("{day}地铁末班车几点", "zh"),
    ("{day}超市几点关门", "zh"),
    ("{day}医院挂号要排队吗", "zh"),
    ("{day}股票会涨吗", "zh"),
    ("{day}快递几点到", "zh"),
    ("what's the weather like {day}", "en"),
    ("is the bank open {day}", "en"),
    ("is the supermarket open {day}", "en"),
    ("when is the last train {day}", "en"),
]

# Shanghainese and spoken forms applied to a Mandarin question.
DIALECT = [("今天", "今朝"), ("明天", "明朝"), ("后天", "后日"), ("吗", "伐"), ("星期", "礼拜")]
PARTICLES_ADDED = ["呀", "啊", "呢"]
PUNCTUATION = "？?，,。.！! "


@dataclass
class Generator:
    rng: random.Random
    items: list[dict[str, Any]] = field(default_factory=list)
    _sounds: dict[str, list[str]] = field(default_factory=dict)
    _readings: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from pypinyin import Style, pinyin
        from pypinyin.phrases_dict import phrases_dict

        counts: Counter[str] = Counter(c for phrase in phrases_dict for c in phrase)
        common = [c for c, n in counts.most_common() if n >= 40 and "\u4e00" <= c <= "\u9fff"]
        by_sound: dict[str, list[str]] = {}
        for char in common:
            for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
                by_sound.setdefault(reading, []).append(char)
                self._readings.setdefault(char, []).append(reading)
        self._sounds = by_sound
        self._pinyin = pinyin
        self._style = Style.NORMAL

    def homophone_typo(self, alias: str) -> str | None:
        """``alias`` with one character replaced by a common homophone (tones ignored)."""
        positions = list(range(len(alias)))
        self.rng.shuffle(positions)
        for position in positions:
            char = alias[position]
            readings = self._pinyin(char, style=self._style)[0]
            options = [c for c in self._sounds.get(readings[0], []) if c != char][:12]
            if options:
                return alias[:position] + self.rng.choice(options) + alias[position + 1 :]
        return None

    def add(self, q: str, category: str, lang: str, expect: dict[str, Any], how: str) -> None:
        self.items.append(
            {"q": q, "category": category, "lang": lang, "expect": expect, "made_by": how}
        )


def _transform(gen: Generator, text: str, kind: str) -> str:
    import zhconv

    if kind == "traditional":
        return str(zhconv.convert(text, "zh-hant"))
    if kind == "no_punctuation":
        return "".join(c for c in text if c not in PUNCTUATION)
    if kind == "particle_dropped":
        return text.replace("吗", "").replace("？", "").rstrip()
    if kind == "particle_added":
        return text.rstrip("？?") + gen.rng.choice(PARTICLES_ADDED) + "？"
    if kind == "shanghainese":
        for standard, dialect in DIALECT:
            text = text.replace(standard, dialect)
        return text
    return text


def _expect_days(day: DayExpr, venue: str | None) -> dict[str, Any]:
    if not day.days or day.asked:
        return {"clarify_day": True}
    if venue is None:
        return {"overview": {"days": list(day.days)}}
    return {"hours": {"venue": venue, "days": list(day.days)}}


def generate() -> dict[str, Any]:
    centre = load_centre(ROOT / "config" / "centre.yaml")
    gen = Generator(random.Random(SEED))
    transforms = ["none", "traditional", "no_punctuation", "particle_dropped", "particle_added"]
    for venue in centre.venues:
        aliases = list(dict.fromkeys([*venue.aliases, venue.name.zh, venue.name.en]))
        for alias in aliases:
            latin = alias.isascii()
            days = EN_DAYS if latin else ZH_DAYS
            templates = EN_TEMPLATES if latin else ZH_TEMPLATES
            for _ in range(2):
                day = gen.rng.choice(days)
                template = gen.rng.choice(templates)
                q = template.format(day=day.text, venue=alias)
                how = "template"
                category = day.category
                if not latin:
                    how = gen.rng.choice(transforms)
                    q = _transform(gen, q, how)
                gen.add(q, category, day.lang, _expect_days(day, venue.id), how)
            if not latin and len(alias) >= 2:  # a homophone typo of the alias
                typo = gen.homophone_typo(alias)
                if typo is not None:
                    day = gen.rng.choice([d for d in ZH_DAYS if d.days])
                    q = gen.rng.choice(ZH_TEMPLATES).format(day=day.text, venue=typo)
                    gen.add(q, "typo", "zh", _expect_days(day, venue.id), f"homophone:{alias}")
            if not latin:  # Shanghainese
                day = gen.rng.choice(ZH_DAYS[:4] + ZH_DAYS[10:14])
                q = _transform(gen, f"{day.text}{alias}开吗", "shanghainese")
                gen.add(q, "dialect", "zh", _expect_days(day, venue.id), "shanghainese")
    for day in ZH_DAYS + EN_DAYS:  # every day expression with a random venue
        for _ in range(3):
            venue = gen.rng.choice(centre.venues)
            latin = day.lang == "en"
            alias = (
                venue.name.en.lower()
                if latin
                else gen.rng.choice(
                    [a for a in venue.aliases if not a.isascii()] or [venue.name.zh]
                )
            )
            template = gen.rng.choice(EN_TEMPLATES if latin else ZH_TEMPLATES)
            q = template.format(day=day.text, venue=alias)
            gen.add(q, day.category, day.lang, _expect_days(day, venue.id), "every_day")
        for template, lang in OVERVIEW:
            if lang == day.lang and day.days:
                q = template.format(day=day.text)
                gen.add(q, "overview", lang, _expect_days(day, None), "overview")
    for q, feature, hint, lang in INTENTS:
        expect: dict[str, Any] = {"intent": feature}
        if hint:
            expect["course_hint"] = hint
        gen.add(q, "intent", lang, expect, "intent")
        if lang == "zh":
            gen.add(_transform(gen, q, "traditional"), "intent", lang, expect, "intent")
    for template, lang in OUT_OF_SCOPE:
        days = [d for d in (EN_DAYS if lang == "en" else ZH_DAYS) if d.days]
        for day in gen.rng.sample(days, 4):
            q = template.format(day=day.text)
            gen.add(q, "out_of_scope", lang, {"none": True}, "out_of_scope")
    seen: set[str] = set()
    items = []
    for item in gen.items:
        if item["q"] in seen:
            continue
        seen.add(item["q"])
        digest = hashlib.sha256(f"{SEED}:{item['q']}".encode()).digest()
        item["split"] = "holdout" if digest[0] % 2 else "tune"
        items.append(item)
    return {"reference_now": REFERENCE_NOW, "seed": SEED, "items": items}


def render(data: dict[str, Any]) -> str:
    header = (
        "# Generated by `python -m bench.generate_questions`: do not edit by hand.\n"
        "# split: tune (may be looked at) | holdout (aggregate figures only).\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def main(argv: list[str]) -> int:
    text = render(generate())
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python -m bench.generate_questions")
            return 1
        return 0
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    count = text.count("\n- q:")
    print(f"wrote {OUT} ({count} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
