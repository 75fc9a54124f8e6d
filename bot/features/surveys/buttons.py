"""Surveys' buttons: one frozen dataclass per action (``bot.callbacks``).

Answer buttons carry the response and the question they belong to: the service checks that
the presser owns the response and that the question is the current one, so a forged or old
button changes nothing.
"""

from __future__ import annotations

from bot.callbacks import Callback, callback
from bot.features.surveys.builder import Action
from bot.features.surveys.edits import EditWhat


def _positive(*values: int) -> None:
    if any(value < 1 for value in values):
        raise ValueError(values)


# -- residents (and staff entering a paper response) -------------------------------------


@callback("survey:open")
class OpenSurvey(Callback):
    """Start, resume or change one's answers (invitation, reminder, /surveys list)."""

    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:pick")
class Pick(Callback):
    """An option (index; -1 is "other"), a rating, or the next item of a ranking."""

    response_id: int
    question_id: int
    choice: int

    def __post_init__(self) -> None:
        _positive(self.response_id, self.question_id)
        if not -1 <= self.choice <= 40:
            raise ValueError(self.choice)


@callback("survey:done")
class Done(Callback):
    response_id: int
    question_id: int

    def __post_init__(self) -> None:
        _positive(self.response_id, self.question_id)


@callback("survey:reset")
class Reset(Callback):
    response_id: int
    question_id: int

    def __post_init__(self) -> None:
        _positive(self.response_id, self.question_id)


@callback("survey:skip")
class Skip(Callback):
    response_id: int
    question_id: int

    def __post_init__(self) -> None:
        _positive(self.response_id, self.question_id)


@callback("survey:back")
class Back(Callback):
    response_id: int

    def __post_init__(self) -> None:
        _positive(self.response_id)


@callback("survey:send")
class Send(Callback):
    """Send the response; ``keep`` 1: keep the profile answers for next time."""

    response_id: int
    keep: int

    def __post_init__(self) -> None:
        _positive(self.response_id)
        if self.keep not in (0, 1):
            raise ValueError(self.keep)


# -- organisers ---------------------------------------------------------------------------


@callback("survey:new")
class NewSurvey(Callback):
    """How to make a survey: the file format and an example."""


@callback("survey:card")
class Card(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:prev")
class Preview(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:pub")
class Publish(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:res")
class Results(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:xt")
class CrossTab(Callback):
    """Answers of every charted question by the profile question ``by``."""

    survey_id: int
    by: int

    def __post_init__(self) -> None:
        _positive(self.survey_id, self.by)


@callback("survey:xls")
class Export(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:close")
class Close(Callback):
    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:paper")
class Paper(Callback):
    """Enter one paper response on a resident's behalf."""

    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


# -- organisers building and editing in the chat ------------------------------------------


@callback("survey:b")
class Build(Callback):
    """A button of the chat builder: which step it answers, and a number (``builder``)."""

    action: Action
    value: int

    def __post_init__(self) -> None:
        if not 0 <= self.value <= 99:
            raise ValueError(self.value)


@callback("survey:edit")
class Edit(Callback):
    """What can be changed in this survey (the edit menu)."""

    survey_id: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)


@callback("survey:ed")
class EditPick(Callback):
    """One kind of edit; ``number`` the question it concerns (0: none, or pick one first)."""

    survey_id: int
    what: EditWhat
    number: int

    def __post_init__(self) -> None:
        _positive(self.survey_id)
        if not 0 <= self.number <= 99:
            raise ValueError(self.number)


@callback("survey:bnew")
class StartBuild(Callback):
    """Build a survey in the chat: ``resume`` 1 carries on with the draft kept."""

    resume: int

    def __post_init__(self) -> None:
        if self.resume not in (0, 1):
            raise ValueError(self.resume)
