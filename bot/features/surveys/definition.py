"""A survey as organisers write it (YAML or CSV), checked into a :class:`SurveySpec`.

Every mistake found is reported at once, as ``Problem(code, where, detail)``; the codes are
catalog keys (``survey-problem-<code>``), so the organiser reads them in their language.

YAML (times are the centre's local time)::

    title: {zh: 社区需求调查, en: Community needs}
    intro: {zh: …, en: …}              # optional
    anonymous: true                     # optional, false by default
    opens: 2026-03-02 10:00
    closes: 2026-03-09 18:00
    audience: everyone                  # or topic:health, course:3, event:5
    profile: {committees: [长风一村, 长风二村], buildings: [1号楼, 2号楼], age: true}
    questions:
      - {id: need, type: single, text: {zh: …, en: …}, options: ["食堂 / Canteen", …], other: true}
      - {type: multiple, max: 2, text: …, options: […], show_if: {question: need, answer: [1]}}
      - {type: rating, text: …}
      - {type: ranking, text: …, options: […]}      # 2 to 5 items
      - {type: text, text: …, optional: true}

CSV: one row per line of the same, ``type,zh,en,options,max,other,optional,show_if``; rows of
type ``title``/``intro`` hold texts, ``anonymous``/``opens``/``closes``/``audience``/
``committees``/``buildings``/``age`` hold their value in ``zh``; options are separated by
``|``, each ``中文 / English``; ``show_if`` is ``<question number>=<option>|<option>``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

import yaml

KINDS = ("single", "multiple", "rating", "ranking", "text")
CHOICE_KINDS = ("single", "multiple")
AUDIENCES = ("everyone", "topic", "course", "event")
TOPICS = ("canteen", "health", "nightschool", "events")
AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("40岁以下", "under 40"),
    ("40–59岁", "40–59"),
    ("60–69岁", "60–69"),
    ("70–79岁", "70–79"),
    ("80岁及以上", "80 and over"),
)
MAX_QUESTIONS = 40
MAX_OPTIONS = 10  # one big button a row: more would not fit a phone's screen
MAX_RANKED = 5
TITLE_CHARS = 100
TEXT_CHARS = 500
OPTION_CHARS = 40
FILE_BYTES = 200_000
_AUDIENCE = re.compile(r"(everyone)|(topic):([a-z]{1,16})|(course|event):([1-9][0-9]{0,8})")
_SHOW_IF = re.compile(r"\s*(\w{1,32})\s*=\s*([0-9|\s]+)")
_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d")


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a survey file: a catalog code, where it is, and what was found."""

    code: str
    where: str = ""
    detail: str = ""


class SurveyFileError(ValueError):
    """The file cannot become a survey; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    kind: str
    zh: str
    en: str
    options: tuple[tuple[str, str], ...] = ()
    max_choices: int | None = None
    allow_other: bool = False
    required: bool = True
    show_if_position: int | None = None
    show_if_options: tuple[int, ...] = ()
    profile: str | None = None


@dataclass
class SurveySpec:
    title: tuple[str, str]
    intro: tuple[str, str] | None
    anonymous: bool
    opens_at: datetime
    closes_at: datetime
    audience: str
    audience_param: str | None
    questions: list[QuestionSpec] = field(default_factory=list)


class _Checker:
    """Collects problems instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, where: str = "", detail: object = "") -> None:
        self.problems.append(Problem(code, where, str(detail)[:60]))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SLASH = re.compile(r"\s*[/／]\s*")


def split_pair(text: str) -> tuple[str, str] | None:
    """ "中文 / English" as its two halves, or ``None`` for a text in one language.

    A slash with spaces on both sides always separates (as it always did). One without them
    separates only a Chinese half from a non-Chinese one ("一分钟。/ One minute",
    "食堂/Canteen"), and never inside a word, a number or an address: "9/10", "and/or",
    "https://example.org/a" and "是/否" stay whole.
    """
    for match in _SLASH.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        gap = match.group()
        if gap[:1].isspace() and gap[-1:].isspace():
            return before.strip(), after.strip()
        left = text[match.start() - 1] if match.start() else ""
        right = text[match.end()] if match.end() < len(text) else ""
        if (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()) or (
            left in ":/" or right == "/"
        ):
            continue  # 9/10, and/or, a path or an address
        if (
            before.strip()
            and after.strip()
            and bool(_HAN.search(before)) != bool(_HAN.search(after))
        ):
            return before.strip(), after.strip()
    return None


def _pair(value: Any, where: str, check: _Checker, limit: int) -> tuple[str, str]:
    """``{zh, en}``, or ``"中文 / English"`` (:func:`split_pair`), or one text for both."""
    pair = split_pair(value) if isinstance(value, str) else None
    if isinstance(value, dict):
        zh, en = _text(value.get("zh")), _text(value.get("en"))
    elif pair is not None:
        zh, en = pair
    else:
        zh = en = _text(value) if not isinstance(value, int | float) else str(value)
    if not zh or not en:
        check.add("missing-text", where)
    elif max(len(zh), len(en)) > limit:
        check.add("too-long", where, limit)
    return zh, en


def _local_time(value: Any, zone: tzinfo, where: str, check: _Checker) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value
    text = str(value or "").strip()
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=zone)
        except ValueError:
            continue
    check.add("bad-time", where, text)
    return None


def _audience(value: Any, check: _Checker) -> tuple[str, str | None]:
    match = _AUDIENCE.fullmatch(str(value or "everyone").strip())
    if match is None:
        check.add("bad-audience", "audience", value)
        return "everyone", None
    if match.group(1):
        return "everyone", None
    if match.group(2):
        if match.group(3) not in TOPICS:
            check.add("bad-audience", "audience", value)
        return "topic", match.group(3)
    return match.group(4), match.group(5)


def _profile_questions(profile: Any, check: _Checker) -> list[QuestionSpec]:
    if not profile:
        return []
    if not isinstance(profile, dict):
        check.add("bad-profile", "profile")
        return []
    found: list[QuestionSpec] = []
    for key, kind_key in (("committees", "committee"), ("buildings", "building")):
        items = profile.get(key) or []
        if not isinstance(items, list) or len(items) > MAX_OPTIONS:
            check.add("bad-profile", key)
            continue
        if items:
            options = tuple(_pair(item, key, check, OPTION_CHARS) for item in items)
            found.append(QuestionSpec("single", "", "", options, profile=kind_key))
    if profile.get("age"):
        found.append(QuestionSpec("single", "", "", AGE_BANDS, profile="age_band"))
    return found


def _options(raw: Any, kind: str, where: str, check: _Checker) -> tuple[tuple[str, str], ...]:
    if kind in ("rating", "text"):
        return ()
    if not isinstance(raw, list) or not raw:
        check.add("no-options", where)
        return ()
    limit = MAX_RANKED if kind == "ranking" else MAX_OPTIONS
    if len(raw) > limit or (kind == "ranking" and len(raw) < 2):
        check.add("option-count", where, limit)
    return tuple(_pair(item, where, check, OPTION_CHARS) for item in raw)


def _question(
    raw: Any, number: int, names: dict[str, int], check: _Checker, offset: int
) -> QuestionSpec | None:
    """One question of the file (``number`` 1-based in the file, ``offset`` profile ones)."""
    where = f"#{number}"
    if not isinstance(raw, dict):
        check.add("bad-question", where)
        return None
    kind = _text(raw.get("type")).lower()
    if kind not in KINDS:
        check.add("bad-type", where, kind)
        return None
    zh, en = _pair(raw.get("text"), where, check, TEXT_CHARS)
    options = _options(raw.get("options"), kind, where, check)
    max_choices = None
    if kind == "multiple":
        max_choices = raw.get("max", len(options))
        if not isinstance(max_choices, int) or not 1 <= max_choices <= max(len(options), 1):
            check.add("bad-max", where, max_choices)
            max_choices = len(options)
    other = bool(raw.get("other", False))
    if other and kind not in CHOICE_KINDS:
        check.add("other-not-choice", where)
    show_position: int | None = None
    show_options: tuple[int, ...] = ()
    show = raw.get("show_if")
    if show is not None:
        target = show.get("question") if isinstance(show, dict) else None
        answers = show.get("answer") if isinstance(show, dict) else None
        earlier = names.get(str(target))
        if earlier is None or not isinstance(answers, list) or not answers:
            check.add("bad-show-if", where, target)
        else:
            show_position = earlier + offset
            show_options = tuple(int(a) - 1 for a in answers if str(a).isdigit())
            if len(show_options) != len(answers):
                check.add("bad-show-if", where, answers)
    if raw.get("id") is not None:
        names[str(raw["id"])] = number
    names[str(number)] = number
    return QuestionSpec(
        kind,
        zh,
        en,
        options,
        max_choices,
        other and kind in CHOICE_KINDS,
        not bool(raw.get("optional", False)),
        show_position,
        show_options,
    )


def _check_branches(questions: list[QuestionSpec], check: _Checker) -> None:
    for position, question in enumerate(questions, start=1):
        if question.show_if_position is None:
            continue
        target = questions[question.show_if_position - 1]
        if target.kind not in CHOICE_KINDS or question.show_if_position >= position:
            check.add("bad-show-if", f"#{position}", "choice")
        elif any(not 0 <= i < len(target.options) for i in question.show_if_options):
            check.add("bad-show-if", f"#{position}", "option")


def _questions(
    raw_questions: Any, profile: list[QuestionSpec], check: _Checker
) -> list[QuestionSpec]:
    """The profile questions, then the file's questions, checked (branches last)."""
    if not isinstance(raw_questions, list) or not raw_questions:
        check.add("no-questions", "questions")
        raw_questions = []
    if len(raw_questions) + len(profile) > MAX_QUESTIONS:
        check.add("too-many-questions", "questions", MAX_QUESTIONS)
    names: dict[str, int] = {}
    questions = list(profile)
    for number, raw in enumerate(raw_questions, start=1):
        question = _question(raw, number, names, check, len(profile))
        if question is not None:
            questions.append(question)
    if not check.problems:
        _check_branches(questions, check)
    return questions


def check_questions(raw_questions: list[dict[str, Any]]) -> list[Problem]:
    """The problems of questions in the file's shape (the chat builder checks each one as it
    is added, with the same rules as a file)."""
    check = _Checker()
    _questions(raw_questions, [], check)
    return check.problems


def check_text(value: str, limit: int = TEXT_CHARS, where: str = "") -> list[Problem]:
    """The problems of one text as a file would give it ("中文 / English", or one text)."""
    check = _Checker()
    _pair(value, where, check, limit)
    return check.problems


def to_mapping(spec: SurveySpec, zone: tzinfo) -> dict[str, Any]:
    """A spec back in the file's shape: what an edit starts from, checked again by
    :func:`from_mapping` (so a file, the chat builder and an edit meet the same rules)."""
    profile: dict[str, Any] = {}
    asked = [q for q in spec.questions if q.profile]
    for question in asked:
        if question.profile == "age_band":
            profile["age"] = True
        else:
            key = "committees" if question.profile == "committee" else "buildings"
            profile[key] = [{"zh": zh, "en": en} for zh, en in question.options]
    questions: list[dict[str, Any]] = []
    for question in spec.questions[len(asked) :]:
        raw: dict[str, Any] = {
            "type": question.kind,
            "text": {"zh": question.zh, "en": question.en},
        }
        if question.options:
            raw["options"] = [{"zh": zh, "en": en} for zh, en in question.options]
        if question.max_choices is not None:
            raw["max"] = question.max_choices
        raw["other"] = question.allow_other
        raw["optional"] = not question.required
        if question.show_if_position is not None:
            raw["show_if"] = {
                "question": question.show_if_position - len(asked),
                "answer": [i + 1 for i in question.show_if_options],
            }
        questions.append(raw)
    audience = (
        spec.audience if spec.audience_param is None else f"{spec.audience}:{spec.audience_param}"
    )
    return {
        "title": {"zh": spec.title[0], "en": spec.title[1]},
        "intro": None if spec.intro is None else {"zh": spec.intro[0], "en": spec.intro[1]},
        "anonymous": spec.anonymous,
        "opens": spec.opens_at.astimezone(zone),
        "closes": spec.closes_at.astimezone(zone),
        "audience": audience,
        "profile": profile,
        "questions": questions,
    }


def from_mapping(data: Any, zone: tzinfo) -> SurveySpec:
    """A survey from parsed YAML (or CSV turned into the same shape); raises SurveyFileError."""
    check = _Checker()
    if not isinstance(data, dict):
        raise SurveyFileError([Problem("not-a-survey")])
    title = _pair(data.get("title"), "title", check, TITLE_CHARS)
    intro = None
    if data.get("intro"):
        intro = _pair(data.get("intro"), "intro", check, TEXT_CHARS)
    anonymous = data.get("anonymous", False)
    if not isinstance(anonymous, bool):
        check.add("bad-flag", "anonymous", anonymous)
        anonymous = False
    opens = _local_time(data.get("opens"), zone, "opens", check)
    closes = _local_time(data.get("closes"), zone, "closes", check)
    if opens is not None and closes is not None and closes <= opens:
        check.add("closes-before-opens", "closes")
    audience, param = _audience(data.get("audience"), check)
    profile = _profile_questions(data.get("profile"), check)
    questions = _questions(data.get("questions"), profile, check)
    if check.problems or opens is None or closes is None:
        raise SurveyFileError(check.problems or [Problem("bad-time")])
    return SurveySpec(title, intro, anonymous, opens, closes, audience, param, questions)


def _csv_options(text: str) -> list[str]:
    return [item.strip() for item in text.split("|") if item.strip()]


def _csv_mapping(text: str) -> dict[str, Any]:
    """The CSV layout turned into the YAML shape (settings rows, then question rows)."""
    data: dict[str, Any] = {"questions": [], "profile": {}}
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "type" not in reader.fieldnames:
        raise SurveyFileError([Problem("csv-header", "", "type,zh,en,options,…")])
    for row in reader:
        kind = (row.get("type") or "").strip().lower()
        zh, en = (row.get("zh") or "").strip(), (row.get("en") or "").strip()
        if kind in ("title", "intro"):
            data[kind] = {"zh": zh, "en": en or zh}
        elif kind in ("opens", "closes", "audience"):
            data[kind] = zh
        elif kind == "anonymous":
            data[kind] = zh.lower() in ("yes", "true", "1", "是")
        elif kind in ("committees", "buildings"):
            data["profile"][kind] = _csv_options(zh)
        elif kind == "age":
            data["profile"]["age"] = zh.lower() in ("yes", "true", "1", "是")
        elif kind:
            question: dict[str, Any] = {"type": kind, "text": {"zh": zh, "en": en or zh}}
            if row.get("options"):
                question["options"] = _csv_options(row["options"] or "")
            if (row.get("max") or "").strip().isdigit():
                question["max"] = int((row.get("max") or "").strip())
            question["other"] = (row.get("other") or "").strip().lower() in ("yes", "true", "1")
            optional = (row.get("optional") or "").strip().lower() in ("yes", "true", "1")
            question["optional"] = optional
            match = _SHOW_IF.fullmatch(row.get("show_if") or "")
            if match:
                answers = _csv_options(match.group(2))
                question["show_if"] = {"question": match.group(1), "answer": answers}
            elif (row.get("show_if") or "").strip():
                question["show_if"] = {"question": None}
            data["questions"].append(question)
    return data


def parse(content: bytes, name: str, zone: tzinfo) -> SurveySpec:
    """A survey file (``.yaml``/``.yml``/``.csv``, UTF-8) as a spec; raises SurveyFileError."""
    if len(content) > FILE_BYTES:
        raise SurveyFileError([Problem("file-too-big", "", str(FILE_BYTES // 1000))])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SurveyFileError([Problem("not-utf8")]) from None
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return from_mapping(_csv_mapping(text), zone)
    if not lowered.endswith((".yaml", ".yml")):
        raise SurveyFileError([Problem("file-type", "", name[-20:])])
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise SurveyFileError([Problem("yaml", "" if line is None else str(line + 1))]) from None
    return from_mapping(data, zone)
