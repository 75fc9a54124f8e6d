"""Words a resident types in the middle of a form to say "I am lost" or "I want out".

An elderly resident who does not see what a step wants types "我不懂" or "怎么弄"; one who
wants to stop types "取消" or "返回" rather than pressing the ✖ button. Such a message is
never an answer to the step (a comment, a name): the form explains the step or ends.

Only a message that is one of these words as a whole counts ("菜太咸了怎么办" is a comment):
it is compared after trailing punctuation, spaces and case are dropped.
"""

from __future__ import annotations

import re
from enum import Enum


class FormWord(Enum):
    HELP = "help"  # explain the step the form is at
    LEAVE = "leave"  # end the form, nothing saved


_HELP = frozenset(
    {
        # Chinese: "I don't understand", "how do I do this", "what does it mean"
        "不懂", "我不懂", "看不懂", "我看不懂", "不明白", "我不明白", "搞不懂", "弄不懂",
        "怎么弄", "怎么搞", "怎么办", "怎么用", "怎么操作", "怎么做", "怎么点", "点哪里",
        "点哪个", "不会", "我不会", "不会弄", "我不会弄", "不会用", "我不会用", "帮助",
        "帮帮我", "求助", "什么意思", "啥意思", "这是什么", "然后呢", "下一步呢", "?",
        # English
        "help", "help me", "how", "i don't understand", "i dont understand",
        "don't understand", "dont understand", "what do i do", "what should i do",
        "what now", "how does this work", "confused", "i'm confused", "im confused",
    }
)  # fmt: skip
_LEAVE = frozenset(
    {
        "取消", "返回", "退出", "不要了", "不评了", "不评价了", "我不评了", "算了", "不填了",
        "cancel", "back", "go back", "quit", "exit", "stop", "never mind", "nevermind",
    }
)  # fmt: skip
# Trailing (and leading) punctuation and spaces: "我不懂。", "help!", "怎么弄？？", " 取消 ".
_EDGES = re.compile(r"^[\s.,!?~。，！？、…～]+|[\s.,!?~。，！？、…～]+$")


def _normal(text: str) -> str:
    words = text.strip().lower().replace("’", "'").replace("？", "?")
    if words.strip("?") == "":  # "?" and "？？": a question mark alone is a question
        return "?" if words else ""
    return _EDGES.sub("", words)


def form_word(text: str) -> FormWord | None:
    """What ``text`` says about the form, when it is one of the words above as a whole."""
    words = _normal(text)
    if words in _HELP:
        return FormWord.HELP
    if words in _LEAVE:
        return FormWord.LEAVE
    return None


_BACK = frozenset({"返回", "上一步", "上一题", "back", "go back", "previous"})


def says_back(text: str) -> bool:
    """Whether ``text`` as a whole asks for the previous step ("返回", "back"): a form with a
    step back takes it so; elsewhere it is one of the :attr:`FormWord.LEAVE` words."""
    return _normal(text) in _BACK
