"""The typed ``context`` every handler receives."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.i18n import Translator, language_from_code
from bot.runtime import Runtime
from bot.services.users import Profile

RUNTIME_KEY = "runtime"


class FrontdeskContext(
    CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]
):
    """Adds the runtime, the sender's profile and a translator in their language."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self.profile: Profile | None = None
        self.fallback_language_code: str | None = None

    @property
    def runtime(self) -> Runtime:
        runtime = self.bot_data[RUNTIME_KEY]
        assert isinstance(runtime, Runtime)
        return runtime

    @property
    def language(self) -> str:
        if self.profile is not None:
            return self.profile.language
        return language_from_code(self.fallback_language_code)

    @property
    def t(self) -> Translator:
        """Texts in the sender's language."""
        return self.runtime.catalog.translator(self.language)


FrontdeskApplication = Application[Any, FrontdeskContext, Any, Any, Any, Any]
