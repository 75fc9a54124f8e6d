"""Stage 3: the venues a question names, typos forgiven.

* exact aliases (longest first; several venues may be named: "食堂和卫生站");
* English typos: one edit (two for long words) against the English aliases;
* Chinese homophone typos from pinyin input methods ("识堂" → 食堂, "卫声站" → 卫生站, "照相官" →
  照相馆): a window of the text whose characters are the alias's own or share a reading with
  them, tones ignored (pypinyin's single-character table), with at most one changed character
  (two for aliases of four or more) and at least one character kept;
* look-alike typos of long aliases by character similarity (rapidfuzz).

pypinyin's table is read once, without its 57 MiB phrase dictionary, and only the characters
that sound like some character of some alias are kept (a few thousand entries).
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from bot.centre import Venue
from bot.understanding.normalise import fold

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NON_WORD = re.compile(r"[^\w\u4e00-\u9fff]+")


TONE_MARKS = {ord(c): unicodedata.normalize("NFD", c)[0] for c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"}


# Fuzzy pinyin, as input methods offer it for southern (and Shanghainese) speakers, who do
# not tell zh/z, ch/c, sh/s nor -ng/-n apart: 健生房 (sheng) is typed for 健身房 (shen).
_FUZZY_INITIAL = re.compile(r"^([zcs])h")
_FUZZY_FINAL = re.compile(r"([aei])ng$")


def _toneless(syllables: str) -> str:
    """Toneless, fuzzy readings ("shēn,shèng" → "sen,sen")."""
    return ",".join(
        _FUZZY_FINAL.sub(r"\1n", _FUZZY_INITIAL.sub(r"\1", s))
        for s in syllables.translate(TONE_MARKS).split(",")
    )


_ENTRY = re.compile(r'"(\d+)":\s*"([^"]*)"')


def pinyin_table() -> dict[int, str]:
    """pypinyin's readings of the common characters (code point → "zhōng,zhòng"), read from
    its data file without importing the package (whose import also loads its 57 MiB phrase
    dictionary) and without building the whole 42,000-entry table at once."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        raise ImportError("pypinyin is not installed")
    text = Path(spec.origin).with_name("pinyin_dict.json").read_text("utf-8")
    table: dict[int, str] = {}
    for match in _ENTRY.finditer(text):
        code = int(match.group(1))
        if 0x4E00 <= code <= 0x9FFF and is_common(chr(code)):
            table[code] = match.group(2)
    return table


def is_common(char: str) -> bool:
    """Whether ``char`` is among the 3,755 most common characters (GB 2312 level 1), the ones a
    pinyin input method offers first and so the ones its typos are made of."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def readings(table: dict[int, str], char: str) -> frozenset[str]:
    """Toneless readings of ``char`` in ``table`` (empty for characters it does not know)."""
    raw = table.get(ord(char))
    if not raw:
        return frozenset()
    return frozenset(_toneless(s) for s in raw.split(","))


class Homophones:
    """For each character of the venue aliases, the characters that sound like it (tones
    ignored), e.g. 食 → {识, 时, 石, 十, 实…}."""

    def __init__(
        self,
        alias_chars: Collection[str],
        main_chars: Collection[str] = (),
        spelled: Collection[str] = (),
    ) -> None:
        table = pinyin_table()
        # for ``main_chars`` (the weekday numerals): the characters whose main reading is theirs,
        # tones ignored and without fuzzy pinyin (六 liù → 溜 流 刘 留…, not 路 lù nor 绿)
        main = {code: raw.split(",")[0].translate(TONE_MARKS) for code, raw in table.items()}
        self.main_alike: dict[str, frozenset[str]] = {
            char: frozenset(
                chr(code)
                for code, sound in main.items()
                if sound == main.get(ord(char)) and chr(code) != char
            )
            for char in main_chars
        }
        # …and those whose main reading is theirs only by fuzzy pinyin (四 sì → 是 时 事: sh/s);
        # each reading made fuzzy once (per numeral and code, it was a second at start-up)
        fuzzy = {code: _toneless(sound) for code, sound in main.items()}
        self.main_loose: dict[str, frozenset[str]] = {
            char: frozenset(
                chr(code)
                for code, sound in main.items()
                if fuzzy[code] == fuzzy.get(ord(char), "") and sound != main.get(ord(char))
            )
            for char in main_chars
        }
        # how each character is spelled in pinyin (its main reading, with its tone marks)
        self.spelling: dict[str, str] = {
            char: table[ord(char)].split(",")[0]
            for char in {*alias_chars, *spelled}
            if ord(char) in table
        }
        wanted = set().union(*(readings(table, c) for c in alias_chars))
        by_sound: dict[str, set[str]] = {}
        for code, raw in table.items():
            for syllable in _toneless(raw).split(","):
                if syllable in wanted:
                    by_sound.setdefault(syllable, set()).add(chr(code))
        self.alike: dict[str, frozenset[str]] = {}
        for char in alias_chars:
            sounds = readings(table, char)
            self.alike[char] = (
                frozenset().union(*(by_sound.get(s, ()) for s in sounds))
                | _LOOKS_ALIKE.get(char, set())
            ) - {char}

    def __len__(self) -> int:
        return sum(len(chars) for chars in self.alike.values())


@functools.cache
def homophones_of(
    alias_chars: frozenset[str], main_chars: frozenset[str], spelled: frozenset[str]
) -> Homophones:
    """The homophones of these characters, built once per process: a pure function of them and
    of pypinyin's table, read only once built. Most of a matcher's start-up (0.3 of 0.4 s); the
    test suite starts an application, and so a matcher, for each of its bot tests."""
    return Homophones(alias_chars, main_chars, spelled)


# Characters of the aliases mistaken for a look-alike (形近字) by handwriting input or a quick eye,
# not by sound: 律帅 for 律师. Kept few: each is rare in text beside the alias's other characters.
_LOOKS_ALIKE: dict[str, set[str]] = {"师": {"帅"}, "厅": {"斤"}, "馆": {"倌"}}


@dataclass(frozen=True, slots=True)
class VenueMatch:
    venue_id: str
    span: tuple[int, int]
    alias: str
    typo: bool = False


# A desk's word after a service's name: "法律援助点在哪个房间", "法律咨询处", "一站式服务点"
# (round twenty-nine, spent29): the place's own name, not a word left over (not "几点")
_DESK_WORD = re.compile(r"(?:点|处)(?![钟半多整左前后以之菜单评赞名歌头])")
_DESK_NAMED = re.compile(r"(?:援助|咨询|服务)$")


def _with_desk_word(text: str, match: VenueMatch) -> VenueMatch:
    """``match`` with the desk's word right after it, when the alias is a service's name."""
    end = match.span[1]
    if _DESK_NAMED.search(text, 0, end) and (word := _DESK_WORD.match(text, end)) is not None:
        return VenueMatch(match.venue_id, (match.span[0], word.end()), match.alias, match.typo)
    return match


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    venue_id: str
    pattern: re.Pattern[str] | None  # Latin aliases: whole words only


_ROOM_WORDS = "室间房"


# Letters an English word is misspelt with when it is typed as heard: "gim", "jym" for gym.
_SOUND_ALIKE_LETTERS = {"g": "j", "j": "g", "y": "i", "i": "y", "c": "k", "k": "c"}
# A place called by what is done there, as residents describe it when they do not know its
# name ("长风湾那个练身体的地方", "你们那看毛病的地方", "棋牌的房间", "弹琴的房间", "搞展览的厅"),
# beside the names and aliases of config/centre.yaml (which the generated set is made from)
_DESCRIBED = {
    "看毛病的地方": "health_station",
    "下棋的地方": "activity_rooms",
    "下棋的房间": "activity_rooms",
    "棋牌的房间": "activity_rooms",
    "看书看报的地方": "activity_rooms",
    "看报纸的地方": "activity_rooms",
    "看报的地方": "activity_rooms",
    "看书的地方": "activity_rooms",
    "练身体的地方": "gym",
    "练身体的房间": "gym",
    "锻炼身体的地方": "gym",
    # the gym by its young regulars' slang for lifting weights ("后天还能撸铁不", "举铁去")
    "撸铁": "gym",
    "举铁": "gym",
    "弹琴的地方": "shared_studio",
    "弹琴的房间": "shared_studio",
    "练琴的地方": "shared_studio",
    "练琴的房间": "shared_studio",
    "录音棚": "shared_studio",  # the recording booth by its trade's word
    "展览厅": "event_space",
    "搞展览的厅": "event_space",
    "看展览的地方": "event_space",
    "搞展览的地方": "event_space",
    # a desk to work at, as newcomers call a shared workspace (exact only: "working", "cooking"
    # lie two edits from it)
    "共享办公": "shared_studio",
    "联合办公": "shared_studio",
    "coworking": "shared_studio",
    "co-working": "shared_studio",
    "co working": "shared_studio",
    "coworking space": "shared_studio",
    "co-working space": "shared_studio",
    "co working space": "shared_studio",
    # a check done at the health station, asked with a day ("can I get my blood pressure
    # checked on saturday", "明天能测血压吗"): its hours, as 量血压 (an alias) already is
    "测血压": "health_station",
    "量个血压": "health_station",
    "blood pressure check": "health_station",
    "blood pressure checked": "health_station",
    "blood pressure taken": "health_station",
    "check my blood pressure": "health_station",
    "take my blood pressure": "health_station",
    "measure my blood pressure": "health_station",
}
# …and by two of the things done there, in either order ("看书下棋的地方", "下棋打牌的房间")
_DESCRIBED.update(
    {
        f"{first}{second}的{place}": "activity_rooms"
        for first, second in itertools.permutations(("看书", "看报", "下棋", "打牌"), 2)
        for place in ("地方", "房间")
    }
)

# Aliases read only as written, never by a typo ("coworking": "working", "cooking" are near)
_EXACT_ONLY = frozenset(
    {"coworking", "co-working", "co working", "coworking space", "co-working space"}
    | {text for text, venue in _DESCRIBED.items() if "blood" in text}
)

# Real words one sound-alike letter away from a short alias: never read as the venue.
_REAL_SHORT_WORDS = frozenset(
    {"jim", "him", "gem", "gum", "gin", "kim", "jig", "gig", "kin", "kit"}
)

# Real words one or two letters away from a longer alias (round twenty-eight, spent15: "the
# night school classroom" read as the chess room too): never read as that venue.
_REAL_LONG_WORDS = frozenset(
    {"classroom", "classrooms", "mushroom", "mushrooms", "studied", "glasses", "grasses"}
    | {"crosses", "bathroom", "bathrooms", "showroom", "bedroom", "boardroom"}
)


# "the" right before a word: a name takes none ("the jim", "the can teen")
_THE_BEFORE = re.compile(r"\bthe\s+$")
# Keys next to each other on a QWERTY keyboard: "gyn" for gym is a finger off by one key.
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_NEIGHBOURS = {  # each row sits half a key to the right of the one above it
    key: {
        other
        for r, other_row in enumerate(_KEYBOARD_ROWS)
        for c, other in enumerate(other_row)
        if (r == row and abs(c - col) == 1)
        or (r == row - 1 and c in (col, col + 1))
        or (r == row + 1 and c in (col - 1, col))
    }
    for row, keys in enumerate(_KEYBOARD_ROWS)
    for col, key in enumerate(keys)
}
# …read as the venue only right before an hours word ("gyn open sat?"; not "see a gyn")
_HOURS_WORD_AFTER = re.compile(r"\s+(?:open|opens|opening|close|closes|closed|closing|hours)\b")
_REAL_KEYBOARD_WORDS = frozenset({"gum", "hum", "gun", "rum", "tum", "hun"})


def _keyboard_spellings(short: str) -> set[str]:
    """Spellings of a three-letter alias with one letter hit on a neighbouring key ("gyn")."""
    return (
        {
            short[:at] + other + short[at + 1 :]
            for at, letter in enumerate(short)
            for other in _KEY_NEIGHBOURS.get(letter, ())
        }
        - _REAL_SHORT_WORDS
        - _REAL_KEYBOARD_WORDS
        - {short}
    )


def _swapped_spellings(short: str) -> set[str]:
    """Spellings of a three-letter alias with two letters next to each other typed the other
    way round ("gmy" for gym): read, like a key next to it, right before an hours word."""
    return (
        {short[:at] + short[at + 1] + short[at] + short[at + 2 :] for at in range(len(short) - 1)}
        - _REAL_SHORT_WORDS
        - _REAL_KEYBOARD_WORDS
        - {short}
    )


def _sound_alike_spellings(short: str, *, keep_names: bool = False) -> set[str]:
    """Spellings of a three-letter alias with one or two letters swapped for ones that sound the
    same ("gym" → "gim", "jym"; not "jim", a name)."""
    spellings = {short}
    for _ in range(2):
        spellings |= {
            word[:at] + _SOUND_ALIKE_LETTERS[letter] + word[at + 1 :]
            for word in spellings
            for at, letter in enumerate(word)
            if letter in _SOUND_ALIKE_LETTERS
        }
    return spellings - {short} - (frozenset() if keep_names else _REAL_SHORT_WORDS)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _NON_WORD.sub(" ", text)).strip()


# A venue's Chinese name spelled in pinyin ("shitang", "wei sheng zhan", "lvshi"): toneless, the
# syllables joined or apart, ü as u, v or ü; names of up to six characters, five letters or more
_SPELLING_SEPARATORS = re.compile(r"[\s'-]+")
_UMLAUT = "\u0308"
MIN_SPELLING_LETTERS = 5


def _pinyin_spellings(
    aliases: Sequence[_Alias], homophones: Homophones
) -> tuple[dict[str, tuple[str, str]], re.Pattern[str] | None]:
    """Each alias's pinyin spelling (letters only, ü and v as u) → (venue, alias), and one
    pattern that finds any of them as whole words."""
    spelled: dict[str, tuple[str, str]] = {}
    patterns: dict[str, str] = {}
    for alias in aliases:
        raw = [homophones.spelling.get(char) for char in alias.text]
        if len(alias.text) > 6 or any(r is None for r in raw):
            continue
        syllables = [unicodedata.normalize("NFD", r or "") for r in raw]
        plain = ["".join(c for c in s if c.isascii()) for s in syllables]
        key = "".join(plain)
        if len(key) < MIN_SPELLING_LETTERS or key in spelled:
            continue
        spelled[key] = (alias.venue_id, alias.text)
        parts = [
            re.escape(p).replace("u", "[uvü]") if _UMLAUT in s else re.escape(p)
            for p, s in zip(plain, syllables, strict=True)
        ]
        patterns[key] = r"[\s'-]*".join(parts)
    if not patterns:
        return spelled, None
    alternatives = sorted(patterns.values(), key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")
    return spelled, pattern


def _half_spellings(
    aliases: Sequence[_Alias], homophones: Homophones
) -> tuple[dict[str, tuple[str, str]], re.Pattern[str] | None]:
    """A Chinese name with one of its characters typed in pinyin, the input method not yet
    switched ("jian身房", "食tang", "卫sheng站"): each such spelling → (venue, alias), and one
    pattern that finds any of them (the pinyin a whole Latin word, two letters or more)."""
    spelled: dict[str, tuple[str, str]] = {}
    patterns: list[str] = []
    for alias in aliases:
        if not 2 <= len(alias.text) <= 4 or not all(_CJK.match(c) for c in alias.text):
            continue
        for at, char in enumerate(alias.text):
            raw = homophones.spelling.get(char)
            if raw is None:
                continue
            syllable = unicodedata.normalize("NFD", raw)
            plain = "".join(c for c in syllable if c.isascii())
            key = alias.text[:at] + plain + alias.text[at + 1 :]
            if len(plain) < 2 or key in spelled:
                continue
            spelled[key] = (alias.venue_id, alias.text)
            latin = re.escape(plain).replace("u", "[uvü]") if _UMLAUT in syllable else plain
            patterns.append(
                re.escape(alias.text[:at])
                + r"(?<![a-z])"
                + latin
                + r"(?![a-z])"
                + re.escape(alias.text[at + 1 :])
            )
    if not patterns:
        return spelled, None
    return spelled, re.compile("|".join(sorted(patterns, key=len, reverse=True)))


class VenueFinder:
    """Aliases of every venue: exact (longest wins), then typos."""

    def __init__(
        self,
        venues: Sequence[Venue],
        other_words: Sequence[str] = (),
        main_sound_chars: str = "",
        spelled_words: Sequence[str] = (),
    ) -> None:
        """``other_words``: further Chinese words whose homophone typos are wanted (festival
        names), and ``main_sound_chars`` characters whose strict homophones are (weekday
        numerals), so that pypinyin's table is read once for all."""
        aliases: dict[str, str] = {}
        for venue in venues:
            for raw in (*venue.aliases, venue.name.zh, venue.name.en):
                text = _clean(fold(raw))
                if text and text not in aliases:
                    aliases[text] = venue.id
        ids = {venue.id for venue in venues}
        for text, venue_id in _DESCRIBED.items():
            if venue_id in ids:
                aliases.setdefault(text, venue_id)
        for text, venue_id in list(aliases.items()):
            if text.count(" ") == 1 and text.isascii():  # "nightschool", "photostudio"
                aliases.setdefault(text.replace(" ", ""), venue_id)
            # a room is named by any room word: 录音室 = 录音间, 舞蹈室 = 舞蹈房, 健身房 = 健身室
            if len(text) >= 3 and text[-1] in _ROOM_WORDS and _CJK.search(text):
                for other in _ROOM_WORDS:
                    aliases.setdefault(text[:-1] + other, venue_id)
        self._aliases = sorted(
            (
                _Alias(
                    text,
                    venue_id,
                    None
                    if _CJK.search(text)
                    else re.compile(
                        r"(?<![a-z0-9])"
                        + r"[\s-]+".join(re.escape(w) for w in text.split())
                        + r"(?:s|es)?(?![a-z0-9])"
                    ),
                )
                for text, venue_id in aliases.items()
            ),
            key=lambda a: -len(a.text),
        )
        latin = [a for a in self._aliases if a.pattern is not None]
        self._latin_words = {
            a.text: a.venue_id
            for a in latin
            if " " not in a.text and len(a.text) >= 5 and a.text not in _EXACT_ONLY
        }
        self._latin_short = {a.text: a.venue_id for a in latin if len(a.text) == 3}
        self._latin_sound_alike = {
            spelling: venue_id
            for short, venue_id in self._latin_short.items()
            for spelling in _sound_alike_spellings(short)
        }
        # …and those that are names too ("jim"), read as the place after "the" (a name takes no
        # article: "is the jim open tonight", "where is the jim"; not "ask jim")
        self._latin_sound_named = {
            spelling: venue_id
            for short, venue_id in self._latin_short.items()
            for spelling in _sound_alike_spellings(short, keep_names=True) & _REAL_SHORT_WORDS
        }
        self._latin_keyboard = {
            spelling: venue_id
            for short, venue_id in self._latin_short.items()
            for spelling in _keyboard_spellings(short) | _swapped_spellings(short)
            if spelling not in self._latin_sound_alike
        }
        self._latin_pairs = {
            a.text: a.venue_id
            for a in latin
            if a.text.count(" ") == 1 and a.text not in _EXACT_ONLY
        }
        self._cjk = [a for a in self._aliases if a.pattern is None and len(a.text) >= 2]
        self._cjk_long = [a for a in self._cjk if len(a.text) >= 4]
        # first character → the aliases starting with it, by their place in self._aliases:
        # a question is looked for only the aliases whose first character it holds (the same
        # ones, in the same order, as a walk over all 300 aliases skipping the others)
        self._by_first: dict[str, list[int]] = {}
        for alias_no, alias in enumerate(self._aliases):
            self._by_first.setdefault(alias.text[0], []).append(alias_no)
        # character → (long alias no, how often the alias holds it), for the fuzzy fallback
        self._long_chars: dict[str, list[tuple[int, int]]] = {}
        for alias_no, alias in enumerate(self._cjk_long):
            for char in set(alias.text):
                self._long_chars.setdefault(char, []).append((alias_no, alias.text.count(char)))
        self.homophones = homophones_of(
            frozenset({c for a in self._cjk for c in a.text} | {c for w in other_words for c in w}),
            frozenset(main_sound_chars),
            frozenset({c for w in spelled_words for c in w}),
        )
        self._spelled, self._spelled_pattern = _pinyin_spellings(self._cjk, self.homophones)
        self._half_spelled, self._half_pattern = _half_spellings(self._cjk, self.homophones)
        # character → (alias no, position in the alias, same character?) for homophone typos.
        # A position's entry for its homophones is one tuple shared by all of them: 18,000
        # entries but 800 distinct, about 1 MiB less for good (issue 18).
        index: dict[str, list[tuple[int, int, bool]]] = {}
        for alias_no, alias in enumerate(self._cjk):
            for position, char in enumerate(alias.text):
                index.setdefault(char, []).append((alias_no, position, True))
                alike = (alias_no, position, False)
                for other in self.homophones.alike[char]:
                    index.setdefault(other, []).append(alike)
        self._sound_index = {char: tuple(entries) for char, entries in index.items()}

    def find_all(self, text: str) -> list[VenueMatch]:
        """Every venue named in (normalised) ``text``, in text order, spans not overlapping."""
        found: list[VenueMatch] = []

        def free(start: int, end: int) -> bool:
            return all(end <= m.span[0] or start >= m.span[1] for m in found)

        present = set(text)
        aliases = self._aliases
        # most aliases: not even their first letter (only the others are walked, in order)
        candidates = [no for char in present for no in self._by_first.get(char, ())]
        for alias in [aliases[no] for no in sorted(candidates)]:
            if alias.pattern is not None:
                for match in alias.pattern.finditer(text):
                    if free(*match.span()):
                        found.append(VenueMatch(alias.venue_id, match.span(), alias.text))
                continue
            start = text.find(alias.text)
            while start >= 0:
                end = start + len(alias.text)
                if free(start, end):
                    found.append(VenueMatch(alias.venue_id, (start, end), alias.text))
                start = text.find(alias.text, end)
        if self._spelled_pattern is not None and _LATIN_WORD.search(text):
            for match in self._spelled_pattern.finditer(text):  # "shitang", "wei sheng zhan"
                key = _SPELLING_SEPARATORS.sub("", match.group()).replace("v", "u")
                venue_id, alias_text = self._spelled[key.replace("ü", "u")]
                if free(*match.span()):
                    found.append(VenueMatch(venue_id, match.span(), alias_text))
        if self._half_pattern is not None and _LATIN_WORD.search(text) and _CJK.search(text):
            for match in self._half_pattern.finditer(text):  # "jian身房", "食tang"
                key = re.sub("[vü]", "u", match.group())
                half = self._half_spelled.get(key)
                if half is not None and free(*match.span()):
                    found.append(VenueMatch(half[0], match.span(), half[1], True))
        self._latin_typos(text, found, free)
        self._homophone_typos(text, found, free)
        if not found:
            for alias in self._fuzzy_candidates(text, present):
                if alias.text.endswith("地方"):
                    continue  # "看病的地方" is not "看有的地方" ("我看有的地方礼拜一休息")
                if fuzz.partial_ratio(alias.text, text, score_cutoff=80):
                    found.append(VenueMatch(alias.venue_id, (0, 0), alias.text, typo=True))
                    break
        if "点" in present or "处" in present:
            found = [_with_desk_word(text, m) for m in found]
        return sorted(found, key=lambda m: m.span)

    def _fuzzy_candidates(self, text: str, present: set[str]) -> list[_Alias]:
        """The long aliases that ``fuzz.partial_ratio(alias, text) >= 80`` may hold for, in
        order: the others are not scored (rapidfuzz on 130 aliases was a third of a question
        naming no venue).

        That ratio is ``2 * M / (n + w)`` for a window of ``w`` characters of the longer string
        against the ``n`` of the shorter, ``M`` the characters they share in order (``M <= w``):
        80 or more needs ``M >= 2n / 3``, and each of those ``M`` is an alias character that
        ``text`` holds."""
        shared: dict[int, int] = {}
        for char in present:
            for alias_no, times in self._long_chars.get(char, ()):
                shared[alias_no] = shared.get(alias_no, 0) + times
        aliases = self._cjk_long
        return [
            aliases[no]
            for no in sorted(shared)
            if 3 * shared[no] >= 2 * min(len(aliases[no].text), len(text))
        ]

    def find(self, text: str) -> tuple[str, str] | None:
        """``(venue_id, matched text)`` of the first venue named in ``text`` (or None)."""
        found = self.find_all(text)
        return (found[0].venue_id, found[0].alias) if found else None

    def _latin_typos(self, text: str, found: list[VenueMatch], free: object) -> None:
        assert callable(free)
        words = list(re.finditer(r"[a-z0-9]+", text))
        for word in words:
            if not free(*word.span()):
                continue
            short = self._latin_short.get(word.group()[:-1])
            if len(word.group()) == 4 and short is not None:  # "gymn": one letter too many
                found.append(VenueMatch(short, word.span(), word.group()[:-1], True))
                continue
            alike = self._latin_sound_alike.get(word.group())
            if alike is None and _THE_BEFORE.search(text, 0, word.start()):
                alike = self._latin_sound_named.get(word.group())  # "the jim"
            if alike is not None:  # "gim", "jym": spelt as heard
                found.append(VenueMatch(alike, word.span(), word.group(), True))
                continue
            keyed = self._latin_keyboard.get(word.group())
            if keyed is not None and _HOURS_WORD_AFTER.match(text, word.end()):
                found.append(VenueMatch(keyed, word.span(), word.group(), True))  # "gyn open"
                continue
            if len(word.group()) < 5 or word.group() in _REAL_LONG_WORDS:
                continue
            # two letters typed the other way round count as one edit ("cantine", "libarry")
            best = process.extractOne(
                word.group(),
                self._latin_words.keys(),
                scorer=OSA.distance,
                score_cutoff=1 if len(word.group()) < 7 else 2,
            )
            if best is not None:
                found.append(VenueMatch(self._latin_words[best[0]], word.span(), best[0], True))
        for first, second in itertools.pairwise(words):
            span = (first.start(), second.end())
            joined = self._latin_words.get(first.group() + second.group())
            if (
                joined is not None
                and min(len(first.group()), len(second.group())) >= 3
                and free(*span)
                and (
                    _THE_BEFORE.search(text, 0, first.start())
                    or _HOURS_WORD_AFTER.match(text, second.end())
                )
            ):  # one word heard as two by voice input: "is the can teen open", "can teen open"
                found.append(VenueMatch(joined, span, first.group() + second.group(), True))
                continue
            pair = f"{first.group()} {second.group()}"
            if len(pair) < 8:
                continue
            if not free(*span):
                inside = [m for m in found if span[0] <= m.span[0] and m.span[1] <= span[1]]
                if (
                    len(inside) == 2
                    and len({m.venue_id for m in inside}) == 2
                    and (
                        best := process.extractOne(
                            pair,
                            self._latin_pairs.keys(),
                            scorer=Levenshtein.distance,
                            score_cutoff=1,
                        )
                    )
                    is not None
                ):  # "photos studio": one place's two words, not the photos and a studio
                    for m in inside:
                        found.remove(m)
                    found.append(VenueMatch(self._latin_pairs[best[0]], span, best[0], True))
                continue
            best = process.extractOne(
                pair, self._latin_pairs.keys(), scorer=Levenshtein.distance, score_cutoff=2
            )
            if best is not None:
                found.append(VenueMatch(self._latin_pairs[best[0]], span, best[0], True))

    def _homophone_typos(self, text: str, found: list[VenueMatch], free: object) -> None:
        assert callable(free)
        votes: dict[tuple[int, int], list[int]] = {}  # (alias no, start) → [kept, changed]
        for at, char in enumerate(text):
            for alias_no, position, exact in self._sound_index.get(char, ()):
                start = at - position
                if start < 0:
                    continue
                vote = votes.setdefault((alias_no, start), [0, 0])
                vote[0 if exact else 1] += 1
        for (alias_no, start), (kept, changed) in sorted(votes.items(), key=lambda v: v[0][1]):
            alias = self._cjk[alias_no]
            size = len(alias.text)
            if not changed or kept + changed != size or kept < 1:
                continue
            if changed > (1 if size <= 3 else 2) or not free(start, start + size):
                continue
            found.append(VenueMatch(alias.venue_id, (start, start + size), alias.text, True))
