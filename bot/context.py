"""The typed ``context`` every handler receives, and the application's typed ``bot_data``.

As in PTB's ``contexttypesbot`` example: ``ContextTypes(context=FrontdeskContext,
bot_data=BotData)``, so handlers read ``context.runtime`` and ``context.services.get(Type)``
instead of string keys.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from telegram.ext import Application, CallbackContext, ExtBot

from bot.i18n import Translator, language_from_code
from bot.runtime import Runtime
from bot.services.users import Profile

if TYPE_CHECKING:
    from bot.services.privacy import DataSection

T = TypeVar("T")
MenuAction = Callable[[Any, Any], Awaitable[None]]


class Services:
    """Services looked up by their type (as with svcs), registered once by factories."""

    def __init__(self, items: Iterable[object] = ()) -> None:
        self._by_type: dict[type, object] = {}
        for item in items:
            if type(item) in self._by_type:
                raise ValueError(f"two services of type {type(item).__name__}")
            self._by_type[type(item)] = item

    def get(self, kind: type[T]) -> T:
        found = self._by_type.get(kind)
        if not isinstance(found, kind):
            raise LookupError(f"no service of type {kind.__name__}")
        return found


class BotData:
    """Application-wide state, filled once by :func:`bot.app.build_application`."""

    def __init__(self) -> None:
        self._runtime: Runtime | None = None
        self.services = Services()
        self.menu_actions: Mapping[str, MenuAction] = MappingProxyType({})
        self.privacy_sections: tuple[DataSection, ...] = ()

    def fill(
        self,
        runtime: Runtime,
        services: Services,
        menu_actions: Mapping[str, MenuAction],
        privacy_sections: Iterable[DataSection],
    ) -> None:
        """Called once while the application is built; a second call is a bug."""
        if self._runtime is not None:
            raise RuntimeError("bot_data is filled once, when the application is built")
        self._runtime = runtime
        self.services = services
        self.menu_actions = MappingProxyType(dict(menu_actions))
        self.privacy_sections = tuple(privacy_sections)

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            raise RuntimeError("the application was not built by bot.app.build_application")
        return self._runtime


DRAFTS_KEY = "drafts"  # the only key of ``user_data``: the person's unfinished forms


class Drafts:
    """A person's unfinished forms, one per draft type (a small dataclass each).

    The single point of access to ``user_data``: no handler reads or writes it by a string
    key, so the store can later move to the database without touching the features.
    """

    __slots__ = ("_store",)

    def __init__(self, store: dict[type, object]) -> None:
        self._store = store

    def get(self, kind: type[T]) -> T | None:
        """The draft of this type, if one is in progress."""
        found = self._store.get(kind)
        return found if isinstance(found, kind) else None

    def put(self, draft: T) -> T:
        """Start (or replace) the draft of its type."""
        self._store[type(draft)] = draft
        return draft

    def pop(self, kind: type[T]) -> T | None:
        """End the draft of this type; the draft, if there was one."""
        found = self._store.pop(kind, None)
        return found if isinstance(found, kind) else None


class FrontdeskContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
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
        # This update's answer in the language its question was written in, when that is clearly
        # the other one ("我想报名太极" from an English client); set for one update only.
        self.reply_language: str | None = None

    @property
    def runtime(self) -> Runtime:
        return self.bot_data.runtime

    @property
    def services(self) -> Services:
        return self.bot_data.services

    @property
    def language(self) -> str:
        if self.reply_language is not None:
            return self.reply_language
        if self.profile is not None:
            return self.profile.language
        return language_from_code(self.fallback_language_code)

    @property
    def t(self) -> Translator:
        """Texts in the sender's language."""
        return self.runtime.catalog.translator(self.language)

    @property
    def drafts(self) -> Drafts:
        """The sender's unfinished forms (an update without a user has none to keep)."""
        data = self.user_data
        if data is None:
            return Drafts({})
        store = data.setdefault(DRAFTS_KEY, {})
        assert isinstance(store, dict)
        return Drafts(store)


FrontdeskApplication = Application[Any, FrontdeskContext, Any, Any, BotData, Any]
