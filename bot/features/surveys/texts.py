"""The catalog keys of surveys' statuses, outcomes, kinds and problems, written out (no keys
are built at run time, so the catalog test sees each one)."""

from __future__ import annotations

from bot.features.surveys.builder import AUDIENCE_CHOICES, Stage, Trouble
from bot.features.surveys.definition import AUDIENCES, KINDS
from bot.features.surveys.edits import EditWhat
from bot.features.surveys.edits import Refusal as EditRefusal
from bot.features.surveys.service import (
    ANSWERING,
    CLOSED,
    DRAFT,
    PROFILE_KEYS,
    PUBLISHED,
    SUBMITTED,
    Publish,
    Refusal,
    Sent,
)
from bot.i18n import message_keys

# A survey's status on its card and in the organisers' list.
STATUS_TEXTS = message_keys(
    (DRAFT, PUBLISHED, CLOSED),
    {
        DRAFT: "survey-status-draft",
        PUBLISHED: "survey-status-published",
        CLOSED: "survey-status-closed",
    },
)
# After a survey's title in a resident's list: how far they got (nothing if not started).
LIST_TEXTS = message_keys(
    (ANSWERING, SUBMITTED, "participated"),
    {
        ANSWERING: "survey-list-answering",
        SUBMITTED: "survey-list-submitted",
        "participated": "survey-list-participated",
    },
)
AUDIENCE_TEXTS = message_keys(
    AUDIENCES,
    {
        "everyone": "survey-audience-everyone",
        "topic": "survey-audience-topic",
        "course": "survey-audience-course",
        "event": "survey-audience-event",
    },
)
# A profile question asked in the catalog's wording (and a crosstab's "by").
PROFILE_TEXTS = message_keys(
    PROFILE_KEYS,
    {
        "committee": "survey-profile-committee",
        "building": "survey-profile-building",
        "age_band": "survey-profile-age_band",
    },
)
KIND_TEXTS = message_keys(
    KINDS,
    {
        "single": "survey-kind-single",
        "multiple": "survey-kind-multiple",
        "rating": "survey-kind-rating",
        "ranking": "survey-kind-ranking",
        "text": "survey-kind-text",
    },
)
# Under a question: how to answer it ("multiple" takes the most that may be chosen).
HINT_TEXTS = message_keys(
    KINDS,
    {
        "single": "survey-hint-single",
        "multiple": "survey-hint-multiple",
        "rating": "survey-hint-rating",
        "ranking": "survey-hint-ranking",
        "text": "survey-hint-text",
    },
)
PUBLISH_TEXTS = message_keys(
    Publish,
    {
        Publish.PUBLISHED: "survey-publish-published",
        Publish.NOT_DRAFT: "survey-publish-not-draft",
        Publish.ENDED: "survey-publish-ended",
    },
)
REFUSAL_TEXTS = message_keys(
    Refusal,
    {
        Refusal.NOT_OPEN: "survey-refused-not-open",
        Refusal.NOT_FOR_YOU: "survey-refused-not-for-you",
        Refusal.ANONYMOUS_SENT: "survey-refused-anonymous-sent",
        Refusal.GONE: "survey-refused-gone",
        Refusal.NOT_CURRENT: "survey-refused-not-current",
        Refusal.TOO_MANY: "survey-refused-too-many",
        Refusal.NEED_ANSWER: "survey-refused-need-answer",
        Refusal.BAD_TEXT: "survey-refused-bad-text",
        Refusal.TOO_LONG: "survey-refused-too-long",
    },
)
SENT_TEXTS = message_keys(
    Sent,
    {
        Sent.SENT: "survey-sent-sent",
        Sent.CHANGED: "survey-sent-changed",
        Sent.PAPER: "survey-sent-paper",
    },
)
# A resident's anonymous response (a paper one reads as in SENT_TEXTS).
SENT_ANONYMOUS_TEXTS = message_keys(
    (Sent.SENT, Sent.CHANGED),
    {
        Sent.SENT: "survey-sent-sent-anonymous",
        Sent.CHANGED: "survey-sent-changed-anonymous",
    },
)
# The codes of ``definition.Problem``: what is wrong with an uploaded survey file.
PROBLEM_TEXTS = message_keys(
    (
        "not-a-survey",
        "missing-text",
        "too-long",
        "bad-time",
        "bad-audience",
        "bad-profile",
        "no-options",
        "option-count",
        "bad-question",
        "bad-type",
        "bad-max",
        "other-not-choice",
        "bad-show-if",
        "bad-flag",
        "closes-before-opens",
        "no-questions",
        "too-many-questions",
        "csv-header",
        "file-too-big",
        "not-utf8",
        "file-type",
        "yaml",
    ),
    {
        "not-a-survey": "survey-problem-not-a-survey",
        "missing-text": "survey-problem-missing-text",
        "too-long": "survey-problem-too-long",
        "bad-time": "survey-problem-bad-time",
        "bad-audience": "survey-problem-bad-audience",
        "bad-profile": "survey-problem-bad-profile",
        "no-options": "survey-problem-no-options",
        "option-count": "survey-problem-option-count",
        "bad-question": "survey-problem-bad-question",
        "bad-type": "survey-problem-bad-type",
        "bad-max": "survey-problem-bad-max",
        "other-not-choice": "survey-problem-other-not-choice",
        "bad-show-if": "survey-problem-bad-show-if",
        "bad-flag": "survey-problem-bad-flag",
        "closes-before-opens": "survey-problem-closes-before-opens",
        "no-questions": "survey-problem-no-questions",
        "too-many-questions": "survey-problem-too-many-questions",
        "csv-header": "survey-problem-csv-header",
        "file-too-big": "survey-problem-file-too-big",
        "not-utf8": "survey-problem-not-utf8",
        "file-type": "survey-problem-file-type",
        "yaml": "survey-problem-yaml",
    },
)
# The few words of a results chart (``charts.render``'s labels).
CHART_TEXTS = message_keys(
    ("count", "rank", "title"),
    {
        "count": "survey-chart-count",
        "rank": "survey-chart-rank",
        "title": "survey-chart-title",
    },
)
# The chat builder: what each step asks.
STAGE_TEXTS = message_keys(
    Stage,
    {
        Stage.TITLE: "survey-build-ask-title",
        Stage.INTRO: "survey-build-ask-intro",
        Stage.KIND: "survey-build-ask-kind",
        Stage.TEXT: "survey-build-ask-text",
        Stage.OPTIONS: "survey-build-ask-options",
        Stage.MAX: "survey-build-ask-max",
        Stage.OTHER: "survey-build-ask-other",
        Stage.BRANCH: "survey-build-ask-branch",
        Stage.BRANCH_OPTION: "survey-build-ask-branch-option",
        Stage.REQUIRED: "survey-build-ask-required",
        Stage.AUDIENCE: "survey-build-ask-audience",
        Stage.AUDIENCE_ID: "survey-build-ask-audience-id",
        Stage.ANONYMOUS: "survey-build-ask-anonymous",
        Stage.AGE: "survey-build-ask-age",
        Stage.COMMITTEES: "survey-build-ask-committees",
        Stage.BUILDINGS: "survey-build-ask-buildings",
        Stage.WHEN: "survey-build-ask-when",
    },
)
BUILD_TROUBLE_TEXTS = message_keys(
    Trouble,
    {
        Trouble.STALE: "survey-build-stale",
        Trouble.NO_QUESTIONS: "survey-build-no-questions",
        Trouble.BAD_WHEN: "survey-build-bad-when",
        Trouble.CLOSES_PAST: "survey-build-closes-past",
        Trouble.BAD_ID: "survey-build-bad-id",
        Trouble.TOO_MANY: "survey-build-too-many",
        Trouble.ONE_OPTION: "survey-build-one-option",
    },
)
AUDIENCE_CHOICE_TEXTS = message_keys(
    AUDIENCE_CHOICES,
    {
        "everyone": "survey-build-audience-everyone",
        "topic:canteen": "survey-build-audience-canteen",
        "topic:health": "survey-build-audience-health",
        "topic:nightschool": "survey-build-audience-nightschool",
        "topic:events": "survey-build-audience-events",
        "course": "survey-build-audience-course",
        "event": "survey-build-audience-event",
    },
)
EDIT_WHAT_TEXTS = message_keys(
    EditWhat,
    {
        EditWhat.TITLE: "survey-edit-title",
        EditWhat.CLOSES: "survey-edit-closes",
        EditWhat.QUESTION_TEXT: "survey-edit-question-text",
        EditWhat.ADD_OPTION: "survey-edit-add-option",
        EditWhat.ADD_QUESTION: "survey-edit-add-question",
        EditWhat.FILE: "survey-edit-file",
    },
)
EDIT_ASK_TEXTS = message_keys(
    EditWhat,
    {
        EditWhat.TITLE: "survey-edit-ask-title",
        EditWhat.CLOSES: "survey-edit-ask-closes",
        EditWhat.QUESTION_TEXT: "survey-edit-ask-question-text",
        EditWhat.ADD_OPTION: "survey-edit-ask-add-option",
        EditWhat.ADD_QUESTION: "survey-build-ask-kind",
        EditWhat.FILE: "survey-edit-ask-file",
    },
)
EDIT_REFUSAL_TEXTS = message_keys(
    EditRefusal,
    {
        EditRefusal.CLOSED: "survey-edit-refused-closed",
        EditRefusal.GONE: "survey-refused-gone",
        EditRefusal.KIND_CHANGED: "survey-edit-refused-kind-changed",
        EditRefusal.QUESTION_REMOVED: "survey-edit-refused-question-removed",
        EditRefusal.OPTION_REMOVED: "survey-edit-refused-option-removed",
        EditRefusal.RANKING_GROWN: "survey-edit-refused-ranking-grown",
        EditRefusal.LIMIT_LOWERED: "survey-edit-refused-limit-lowered",
        EditRefusal.BRANCH_CHANGED: "survey-edit-refused-branch-changed",
        EditRefusal.PROFILE_CHANGED: "survey-edit-refused-profile-changed",
        EditRefusal.ANONYMITY_CHANGED: "survey-edit-refused-anonymity-changed",
        EditRefusal.AUDIENCE_CHANGED: "survey-edit-refused-audience-changed",
        EditRefusal.OPENING_CHANGED: "survey-edit-refused-opening-changed",
        EditRefusal.CLOSES_PAST: "survey-edit-refused-closes-past",
        EditRefusal.NOTHING: "survey-edit-refused-nothing",
        EditRefusal.BAD_WHEN: "survey-build-bad-when",
        EditRefusal.NOT_CHOICE: "survey-edit-refused-not-choice",
    },
)
# The builder's buttons: a question type in words, and yes / no.
BUILD_KIND_TEXTS = message_keys(
    KINDS,
    {
        "single": "survey-build-kind-single",
        "multiple": "survey-build-kind-multiple",
        "rating": "survey-build-kind-rating",
        "ranking": "survey-build-kind-ranking",
        "text": "survey-build-kind-text",
    },
)
YES_NO_TEXTS = message_keys((1, 0), {1: "survey-build-yes", 0: "survey-build-no"})
