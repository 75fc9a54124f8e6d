"""Ask a person's buttons (``bot.callbacks``): the old one-question draft, and the helpdesk's
buttons in a staff topic or a staff member's private chat (claim, close, a canned FAQ answer, how
replies are signed; in private also reply and ban) and in the resident's chat (leave the
conversation, was the problem solved)."""

from __future__ import annotations

from bot.callbacks import Callback, callback


@callback("ask:send")
class SendDraft(Callback):
    draft_id: int


@callback("ask:claim")
class Claim(Callback):
    ticket_id: int


@callback("ask:close")
class Close(Callback):
    ticket_id: int


@callback("ask:faqs")
class CannedMenu(Callback):
    ticket_id: int


@callback("ask:faq")
class Canned(Callback):
    ticket_id: int
    faq: str


@callback("ask:sign")
class SignToggle(Callback):
    ticket_id: int


@callback("ask:leave")
class Leave(Callback):
    ticket_id: int


@callback("ask:rate")
class Rate(Callback):
    ticket_id: int
    solved: int  # 1 👍, 0 👎


@callback("ask:pick")
class PickQuestion(Callback):
    """Staff picked an open question to answer (from /answer or /questions)."""

    question_id: int


@callback("ask:reply")
class AnswerTicket(Callback):
    """In a staff member's private chat: what they send next goes to this ticket's resident."""

    ticket_id: int


@callback("ask:ban")
class BanResident(Callback):
    """In a staff member's private chat: ban the ticket's resident (as /ban in a topic)."""

    ticket_id: int


@callback("ask:open")
class OpenTicket(Callback):
    """From /tickets: show this ticket's card, with its buttons, where it was pressed."""

    ticket_id: int


@callback("ask:fwd")
class TakeUpForwards(Callback):
    """Under a resident's message a staff member forwarded: put the forwarded messages in
    that resident's (Telegram id) open ticket, or open one with them."""

    telegram_id: int
