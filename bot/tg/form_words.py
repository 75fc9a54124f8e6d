"""The Telegram side of :mod:`bot.services.form_words`: a filter for a form's steps."""

from __future__ import annotations

from telegram import Message
from telegram.ext import filters

from bot.services.form_words import FormWord, form_word


class FormWords(filters.MessageFilter):
    """A text message that is one of the words of ``kind`` as a whole ("我不懂", "取消")."""

    def __init__(self, kind: FormWord) -> None:
        super().__init__(name=f"form_words.{kind.value}")
        self._kind = kind

    def filter(self, message: Message) -> bool:
        return bool(message.text) and form_word(message.text or "") is self._kind


ASKS_HELP = FormWords(FormWord.HELP)
WANTS_OUT = FormWords(FormWord.LEAVE)
