"""Ask a person's button (``bot.callbacks``): pass an unanswered question on to staff."""

from __future__ import annotations

from bot.callbacks import Callback, callback


@callback("ask:send")
class SendDraft(Callback):
    draft_id: int


@callback("ask:pick")
class PickQuestion(Callback):
    """Staff picked an open question to answer (from /answer or /questions)."""

    question_id: int
