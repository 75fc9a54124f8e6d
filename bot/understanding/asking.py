"""Whether a message typed into a form is plainly a question for the bot ("食堂几点开门",
"is the gym open on Sunday?") rather than an answer to the form (a comment, an option).

Deliberately narrow: a form must not lose a resident's words to it. A complaint phrased as
a question ("为什么这么咸") is not one; what reads as asking for the centre's information
(hours, where, how much, a phone number) or ends with a question mark is. Pure and fast;
the caller decides what to do (ask the resident, or let the question be answered).
"""

from __future__ import annotations

import re

from bot.understanding.normalise import normalise

# Asking for the centre's information: when, where, how much, a number, open or not (not
# "能不能快一点": a wish for the canteen is a comment).
_ASKS_ZH = re.compile(
    r"几点|什么时候|啥时候|哪天|哪一天|哪里|哪儿|在哪|怎么走|怎么去|多少钱|电话|号码|地址"
    r"|开门|关门|开吗|开不开|开放吗|营业|上班吗"
)
_ASKS_EN = re.compile(
    r"^(?:what|when|where|how|who|which|is|are|can|could|do|does|will|would)\b"
    r"|\b(?:open|close[sd]?|hours|phone|address|what time)\b.*\?"
)
_ENDS_ASKING = re.compile(r"(?:[?？]|[吗嘛么伐])[\s。.!！~～]*$")
_COMPLAINT = re.compile(r"为什么|为啥|怎么这么|怎么那么|怎么会|凭什么|太.{0,6}了")


def asks_for_information(text: str) -> bool:
    """Whether ``text`` is plainly a question for the bot (not words for a form)."""
    said = normalise(text).strip()
    if not said or len(said) > 60:  # a long message is someone telling, not asking
        return False
    if _COMPLAINT.search(said):
        return False
    if _ENDS_ASKING.search(said):
        return True
    return bool(_ASKS_ZH.search(said) or _ASKS_EN.search(said))
