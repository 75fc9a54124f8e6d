"""What a question needs beyond an answer: an emergency, a doctor, a person, a favour.

The decision stage (:mod:`bot.understanding.matcher`) says whether the bot can answer; this
module says, of a question it cannot answer, what kind of "no" is due:

* ``EMERGENCY``: someone may be in danger now (chest pain, fainting, can't breathe, stroke
  signs, heavy bleeding, a fall and can't get up, a burn or scald, a sudden or "the worst"
  headache, a child's fever of 39 or anyone's of 40, a face or throat swelling up, "call an
  ambulance"). The reply is "call 120" first, whatever else the question asks; a missed
  emergency is worse than a false alarm. The line: a sign happening now is one; talk *about*
  it is not (first-aid training, the first-aid kit, where the fever clinic is, headache
  pills, a perm (烫发), a fee of 120 yuan), nor a sign told of as past ("去年我烫伤过"), nor a
  plain headache or fever, which are for a doctor (``MEDICINE``).
* ``MEDICINE``: which medicine, or what to do about one's own symptom or reading: only a
  doctor may say; the reply names the community health station.
* ``PERSON``: the resident asks for a person ("转人工", "can I speak to a human"): the
  conversation with staff opens at once.
* ``FAVOUR``: a favour asked of the centre's people that none of its services covers
  ("请人上门换个灯泡", "book me a taxi"): a person has to decide; the reply says so honestly.

Pure and fast; every function takes text already normalised
(:func:`bot.understanding.normalise.normalise`: simplified Chinese, lower case).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Concern(StrEnum):
    """Why a question is left to someone else, and to whom."""

    EMERGENCY = "emergency"
    MEDICINE = "medicine"
    PERSON = "person"
    FAVOUR = "favour"


HEALTH_STATION = "health_station"  # the venue named in the emergency and medicine replies

# A clause's end: punctuation, or a space between Chinese words (voice-typed text).
_CLAUSE_END = re.compile(r"[,，。.!！?？;；]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")

# --- Emergencies --------------------------------------------------------------------------

# Talk *about* first aid, not a case of it: a course, a kit, a drill ("我想报名急救培训",
# "急救箱在哪", "is there a first aid course"). Removed before the emergency is looked for.
_FIRST_AID_TOPIC = re.compile(
    r"急救(?:知识|培训|课程?|班|讲座|演练|证书?|技能|箱|包|用品|设备|常识)"
    r"|(?:报名|学|学习|参加|上)[\u4e00-\u9fff]{0,4}急救"
    r"|\b(?:first[\s-]?aid|cpr|aed)\s+(?:course|class|training|kit|box|certificate|lesson|session)s?\b"
    r"|\b(?:learn|learning|training\s+in|course\s+in|class\s+in)\s+(?:first[\s-]?aid|cpr)\b"
    # a phone or a machine that does not respond ("手机上点了一下就没反应了", "屏幕按了没反应")
    r"|(?:点|按|戳|刷|扫|摁)(?:了)?(?:一下|几下|半天|好几下)?(?:就|也|都|还是)?没(?:有)?反应"
    r"|(?:手机|屏幕|电脑|机器|app|页面|小程序|卡|打印机)[\u4e00-\u9fff]{0,4}?没(?:有)?反应"
    r"|\bemergency\s+(?:exits?|contacts?|numbers?\s+list|lights?|drills?|repairs?|maintenance"
    r"|plumbers?|electricians?|locksmiths?)\b"
    # a figure of speech: one's own anger "to the point of spitting blood" ("气得我吐血"); another
    # person's ("老公气得吐血了") or a faint from anger may be real
    r"|(?:气|烦|急)(?:得|到)我(?:要|快)?吐血(?!了)"
)
_CHILD = r"(?:小孩|孩子|宝宝|婴儿|小朋友|儿子|女儿|外?孙子|外?孙女|囡囡|小囡|娃娃?|宝贝|bb)"
_FALL = r"(?:摔倒|跌倒|摔跤|跌跤|掼跤|掼倒|摔了一跤|跌了一跤|掼了一跤|滑倒|倒在地上|倒地)"
_EMERGENCY_ZH = re.compile(
    # the heart and the chest ("胸口疼", "心口痛", "胸闷得厉害", "心脏病发作")
    r"胸口?(?:疼|痛|闷|发紧|压着|绞痛)|心口(?:疼|痛|闷)|心绞痛|(?:心梗|心肌梗)(?!以后|之后|后|过|的|病人)|心脏病?(?:发作|犯了|骤停|停了)"
    r"|心跳(?:停|没了|没有了)|没(?:有)?心跳"
    # fainting, not waking ("晕倒", "昏过去", "叫不醒", Shanghainese "叫伊勿应")
    r"|晕倒|昏倒|晕过去|昏过去|晕厥|昏迷|不省人事|失去知觉|没(?:有)?知觉|休克|(?:叫|喊)(?:伊|他|她)?(?:不|勿)(?:醒|答应|应)"
    r"|没(?:有)?(?:反应|意识)了|抽搐|抽风(?!机|扇)|口吐白沫"
    # breathing ("喘不过气", "透不过气", Shanghainese "透勿过气", "噎住了")
    r"|(?:喘|透|吸)(?:不|勿)(?:过|上)气|气(?:喘|透)(?:不|勿)(?:过来|上来)|呼吸困难|不能呼吸|没(?:有)?呼吸|噎住|卡住喉咙"
    # stroke signs ("嘴歪了", "半边身子动不了", "中风", "脑梗")
    r"|(?:中风|脑梗|脑溢血|脑出血)(?!以后|之后|后|过|的|病人|后遗症)|嘴(?:巴)?歪|口角歪|半边(?:身子|身体|脸)?(?:动不了|不能动|麻|没力|没有力气)"
    r"|突然[\u4e00-\u9fff]{0,4}(?:说不出话|讲不出话|口齿不清|说话不清|看不见|手脚发麻|动不了)"
    # heavy bleeding
    r"|大出血|血流不止|流血不止|血止不住|止不住血|(?:流|出)了(?:好多|很多|一大摊|老多)血|吐血|咯血"
    # a fall and can't get up ("摔倒了起不来", "跌跤了爬不起来")
    r"|" + _FALL + r"[\u4e00-\u9fff，,\s]{0,8}?"
    r"(?:起不来|爬不起来|站不起来|动不了|不能动|骨折|流血|出血|昏|晕|(?:磕|撞|碰)(?:到|破|伤)?了?头)"
    # poisoning, an ambulance, a call for help
    r"|中毒|煤气(?:中毒|泄漏|漏了|味)|吃错药|喝了农药|救护车|急救车|叫急救|(?:打|拨|拨打|叫)\s*120|120\s*(?:急救|救护)|救命|急症|急救"
    # burns and scalds ("烫伤了", "开水烫到手", "被热油烫起泡"), not a perm (烫发, 烫头) nor
    # water or food too hot ("汤很烫", "热水太烫了", "热水烫了点", "火锅太烫了")
    r"|烫伤|烧伤|灼伤|(?:开水|热水|沸水|热油|滚油|油锅|蒸汽|火(?!锅))[\u4e00-\u9fff]{0,3}?"
    r"(?<![太很好真蛮老点些别常挺更较够])烫(?:到|着|伤|起|了(?!点|一点|些))"
    r"|烫(?:到|着|破|烂)了?(?:手|脚|腿|脸|身|胳膊|皮|孩子|小孩|宝宝)|烫(?:得|出)?起(?:了|个|一个)?(?:水)?泡"
    r"|烫(?:到|着|伤|出)了?[\u4e00-\u9fff]{0,5}?(?:水)?泡"
    # a sudden or the worst headache ("突然头痛得厉害", "头痛欲裂"); a bad one alone is medicine
    r"|突然[\u4e00-\u9fff]{0,3}头(?:痛|疼)|头(?:痛|疼)欲裂|头(?:痛|疼)得?(?:要裂开|像要炸开|要炸了|要命|受不了)|剧烈(?:的)?头(?:痛|疼)"
    r"|(?:从来没|从没|这辈子没)(?:有)?这么(?:痛|疼)过?|头(?:痛|疼)[\u4e00-\u9fff]{0,4}?(?:从来没|从没)(?:有)?(?:这么|那么|这样)"
    r"|头(?:部)?[\u4e00-\u9fff]{0,2}?(?:剧痛|剧疼)"
    # a child's high fever ("小孩发高烧39度多", "宝宝烧到40度"), anyone's of 40 and over
    r"|" + _CHILD + r"[\u4e00-\u9fff\s]{0,8}?"
    r"(?:发高烧|高烧|高热|烧到|发烧\s*(?:39|4[0-2])|发热\s*(?:39|4[0-2])|(?:39|4[0-2])(?:\.\d)?\s*度)"
    r"|(?:烧到|发烧|发热|高烧|体温)\s*(?:4[0-2])(?:\.\d)?\s*度?"
    # swelling that can close the airway ("过敏了嘴巴肿起来", "喉咙肿得说不出话")
    r"|(?:嘴唇|舌头|喉咙|嗓子眼?|喉头)[\u4e00-\u9fff]{0,3}?肿"
    r"|(?:过敏|蜇|叮)[\u4e00-\u9fff，,\s]{0,10}?(?:嘴|脸|眼|全身|身上|浑身)[\u4e00-\u9fff]{0,3}?肿"
)  # fmt: skip
_EMERGENCY_EN = re.compile(
    r"\bchest\s+(?:pains?|hurts?|is\s+hurting|tight(?:ness)?|pressure)\b|\bpains?\s+in\s+(?:my|his|her)\s+chest\b"
    r"|\bheart\s+attack\b|\bcardiac\b|\bheart\s+(?:has\s+)?stopped\b"
    r"|\bfaint(?:ed|ing|s)?\b(?!\s+(?:smell|sound|noise|light|line|voice|odou?r|signal|hope|idea|trace)s?\b)"
    r"|\bpass(?:ed|es|ing)?\s+out\b(?!\s+(?:the\s+|some\s+|these\s+|those\s+)?(?:flyers?|leaflets?|forms?|papers?|tickets?|cards?|gifts?|sweets|candy|invitations?|masks?|food|water)\b)"
    r"|\bcollaps(?:e|ed|es|ing)\b|\bunconscious\b"
    r"|\bunresponsive\b|\bnot\s+(?:breathing|responding|waking)\b|\b(?:isn'?t|wasn'?t|stopped)\s+breathing\b|\b(?:won'?t|can'?t|cannot)\s+wake\b"
    r"|\bseizures?\b|\bconvuls\w*|\bfitting\b(?!\s+(?:rooms?|service|session|appointment)\b)"
    r"|\b(?:can'?t|cannot|can\s+not|struggling\s+to|hard\s+to)\s+breathe\b|\bshort(?:ness)?\s+of\s+breath\b"
    r"|\b(?:difficulty|trouble)\s+breathing\b|\bchok(?:e|ed|ing)\b"
    # (not one long past, as "中风以后" is not: "on a low-salt diet since his stroke")
    r"|(?<!since\shis\s)(?<!since\sher\s)(?<!since\smy\s)(?<!after\shis\s)(?<!after\sher\s)"
    r"(?<!after\smy\s)(?<!swimming\s)(?<!swim\s)(?<!back\s)(?<!breast\s)(?<!butterfly\s)\bstroke\b(?!\s+(?:class|lesson|technique)s?\b)|\bface\s+(?:is\s+)?droop\w*|\bslurred\s+speech\b|\bslurring\b"
    r"|\bbleeding\s+(?:heavily|badly|a\s+lot|won'?t\s+stop)\b|\bheavy\s+bleeding\b|\b(?:won'?t|doesn'?t)\s+stop\s+bleeding\b"
    r"|\blots?\s+of\s+blood\b|\bcoughing\s+(?:up\s+)?blood\b|\bvomiting\s+blood\b"
    r"|\b(?:fell|fallen|fall|had\s+a\s+fall)\b[^.?!]{0,40}\b(?:can'?t|cannot|unable\s+to|won'?t)\s+(?:get|stand)\s+up\b"
    r"|\b(?:fell|fallen|had\s+a\s+fall)\b[^.?!]{0,40}\b(?:(?:hit|banged|bumped)\s+(?:my|his|her|their)\s+head|is\s+bleeding|broke|broken)\b"
    r"|\bpoison(?:ed|ing)?\b|\boverdose\b|\bambulance\b|\b(?:call|dial|ring)\s+120\b|\bemergency\b|\bhelp\s+me\s*!"
    # burns and scalds, not burnt rice nor calories burnt, nor water "scalding" (hot)
    r"|\b(?:burn(?:ed|t)?|scald(?:ed)?)\s+(?:my|his|her|their|our|the\s+baby'?s?|myself|himself|herself|themselves)\b"
    r"|\b(?:spill(?:ed|t)?|poured|splashed|knocked\s+over)\b[^.?!]{0,30}?\b(?:boiling|scalding|hot)\s+(?:water|oil|soup|tea|coffee)\b"
    r"|\b(?:boiling|scalding)\s+(?:water|oil|soup|tea|coffee)\s+(?:on|over|onto|all\s+over)\b"
    r"|\bscald(?:ed|s)?\b|\b(?:bad|badly|severe|serious|nasty|big)\s+burns?\b|\b(?:got|been|was|is|were)\s+(?:badly\s+)?burn(?:ed|t)\b"
    # a sudden or the worst headache
    r"|\bworst\s+headache\b|\bsudden\s+(?:\w+\s+)?headache\b|\b(?:thunderclap|excruciating|blinding|splitting)\s+headache\b"
    r"|\bheadache\s+(?:came\s+on\s+)?(?:all\s+of\s+a\s+sudden|suddenly)\b"
    # a child's high fever; anyone's of 40 (104 F) and over
    r"|\b(?:toddler|baby|infant|newborn|child|kid|son|daughter|grandson|granddaughter|little\s+one)'?s?\b[^.?!]{0,40}?"
    r"\b(?:high\s+(?:fever|temperature)|(?:fever|temperature)\s+(?:of\s+)?(?:39|4[0-2]|10[2-6])|(?:39|4[0-2]|10[2-6])(?:\.\d)?\s*(?:degrees?|°))"
    r"|\b(?:fever|temperature)\s+(?:of\s+|is\s+|at\s+)?(?:4[0-2]|10[4-6])\b|\b(?:4[0-2]|10[4-6])(?:\.\d)?\s*(?:-\s*)?(?:degrees?|°)\s*(?:c\s+)?(?:fever|temperature)\b"
    # swelling that can close the airway, a severe allergic reaction
    # (the lips, tongue or throat on their own; a face, mouth or eye with an allergy or a sting,
    # as 过敏…脸肿 above: "my eye is swollen" alone is for a doctor)
    r"|\b(?:lips?|tongue|throat)\s+(?:is\s+|are\s+|has\s+|have\s+|keeps?\s+)?(?:swell\w*|swollen|puff\w*\s+up)"
    r"|\b(?:face|mouth|eyes?)\s+(?:is\s+|are\s+|has\s+|have\s+|keeps?\s+)?(?:swell\w*|swollen|puff\w*\s+up)\b"
    r"[^.?!]{0,40}?\b(?:allerg\w*|stung|stings?|bees?|wasps?|hornets?|bitten|peanuts?|nuts|shellfish|shrimps?)\b"
    r"|\b(?:allerg\w*|stung|stings?|bees?|wasps?|hornets?|bitten|peanuts?|nuts|shellfish|shrimps?)\b[^.?!]{0,40}?"
    r"\b(?:face|mouth|eyes?)\s+(?:is\s+|are\s+|has\s+|have\s+|keeps?\s+)?(?:swell\w*|swollen|puff\w*\s+up)"
    r"|\bthroat\s+(?:is\s+)?(?:closing|tight)|\banaphyla\w*|\b(?:severe|bad|serious)\s+allergic\s+reaction\b"
)  # fmt: skip


# A story of the past, not a case now ("去年我烫伤过", "I had a bad burn last year"): the sign
# is followed by 过 ("烫伤过"), or a word of when sits right by it in its clause, with no "and"
# between them; unless the clause says it is happening again now. A history told beside a sign
# now ("a history of heart disease and his chest hurts", "我妈去年做过心脏手术胸口疼") is no
# story of the sign: a missed emergency is worse than a false alarm. Not 之前 ("earlier", today
# as well as long ago).
_PAST = re.compile(
    r"去年|前年|以前|上次|上回|上个?月|上个?礼拜|上个?星期|上周|小时候|那年|几年前|年前|曾经|从前"
    r"|\b(?:last\s+(?:year|month|week|time|summer|winter)|(?:years?|months?|weeks?)\s+ago|as\s+a\s+(?:child|kid)"
    r"|when\s+i\s+was|used\s+to|in\s+the\s+past|once\s+had|previously|history\s+of)\b"
)  # fmt: skip
_NOW = re.compile(
    r"现在|刚刚|刚才|刚|又|今天|正在|还在|马上|\b(?:now|just|again|today|currently)\b"
)
# What parts a word of when from the sign it would date: another event joined on.
_JOINED = re.compile(r"然后|但是|可是|而且|结果|后来|\b(?:and|but|then|so|while|since|because)\b")
# How near a word of when must be, in words (a Chinese character counts as one): before the
# sign ("去年我烫伤了手", "last year I burned my hand") and after it ("a bad burn last year").
_PAST_BEFORE_WORDS = 4
_PAST_AFTER_WORDS = 6
_WORD = re.compile(r"[\u4e00-\u9fff]|[^\W\d_\u4e00-\u9fff]+|\d+", re.UNICODE)


def _near(gap: str, words: int) -> bool:
    """Whether ``gap`` (the text between a word of when and a sign) keeps them together."""
    return _JOINED.search(gap) is None and len(_WORD.findall(gap)) <= words


def _told_of_past(text: str, sign: re.Match[str]) -> bool:
    """Whether the emergency ``sign`` found in ``text`` is told of as past."""
    if text.startswith("过", sign.end()) and not text.startswith(("过来", "过去"), sign.end()):
        return True  # "烫伤过", "晕倒过"
    # The whole text is searched (a bound would hide the look-ahead of a boundary at the sign).
    ends = list(_CLAUSE_END.finditer(text))
    start = max((m.end() for m in ends if m.end() <= sign.start()), default=0)
    end = min((m.start() for m in ends if m.start() >= sign.end()), default=len(text))
    if _NOW.search(text, start, end) is not None:
        return False
    for when in _PAST.finditer(text, start, end):
        if when.end() <= sign.start():
            near = _near(text[when.end() : sign.start()], _PAST_BEFORE_WORDS)
        elif when.start() >= sign.end():
            near = _near(text[sign.end() : when.start()], _PAST_AFTER_WORDS)
        else:  # inside the sign ("孩子去年发高烧"): what follows it must be the sign's own
            near = _near(text[when.end() : sign.end()], _PAST_AFTER_WORDS)
        if near:
            return True
    return False


# A sign said not to be the case, right before it in its clause ("我不是急症，就问问卫生站明天开吗",
# "他不是昏迷，是睡着了", "不用叫救护车", "it's not an emergency"; a second reader, r30: the
# emergency kept over a later question made these lose their answer). Not a question (是不是
# 中风了, 有没有中毒, 用不用 / 需不需要叫救护车), and not a sign that is itself a negation
# (没有呼吸, 叫不醒, not breathing).
_DENIED = re.compile(
    r"(?:(?<!是)不是|并非|(?<!算)不算|算不上|(?<!有)没有?|(?<!用)不用|(?<!需)不需要|无需|不必|用不着)"
    r"(?:叫|打|拨打?|喊|什么|啥)?\s*$"
    r"|\b(?:not|no|isn'?t|wasn'?t|never)\s+(?:really\s+|quite\s+)?(?:an?\s+)?$"
)


def _denied(text: str, sign: re.Match[str]) -> bool:
    """Whether the emergency ``sign`` is said not to be the case ("不是急症")."""
    return _DENIED.search(text, max(0, sign.start() - 12), sign.start()) is not None


def is_emergency(said: str) -> bool:
    """Whether ``said`` tells of someone who may need an ambulance now."""
    text = _FIRST_AID_TOPIC.sub(" ", said)
    return any(
        not _told_of_past(text, sign) and not _denied(text, sign)
        for rule in (_EMERGENCY_ZH, _EMERGENCY_EN)
        for sign in rule.finditer(text)
    )


# Help already on its way, told by whoever called it ("我已经打了120了，救护车快到了", "the
# ambulance already came"): telling them to call 120 is no help (the helpdesk's line in a
# conversation with staff; a second reader, r30). Whether to call it is still asked ("要不要叫
# 救护车", "should I call an ambulance").
_HELP_CALLED = re.compile(
    r"(?:已经|已|刚|刚刚|早就)\s*(?:打|拨打?|叫|喊)(?:了|过)?\s*(?:120|急救|救护车)"
    r"|(?:打|拨打?|叫|喊)(?:了|过)(?:了)?\s*(?:120|急救电话|救护车)"
    r"|(?:120|救护车|急救车|急救的?人|医生)(?:已经|已|快|马上|就|正在|刚)?(?:要)?(?:来了|到了|在路上|快到|赶来|过来了|在这|把人?(?:接|拉|送)走)"
    r"|(?:送|到|进)(?:了)?(?:医院|急诊)(?:了|抢救)"
    r"|\b(?:already\s+)?(?:called|rang|dialled|dialed|phoned)\s+(?:120|an?\s+ambulance|the\s+ambulance|for\s+an?\s+ambulance)\b"
    r"|\b(?:ambulance|paramedics)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:already\s+)?"
    r"(?:here|came|come|arrived|on\s+(?:its|their|the)\s+way|coming|took\s+(?:him|her|them))\b"
    r"|\b(?:in|at|to)\s+(?:the\s+)?(?:hospital|a\s+&\s+e|er)\s+now\b"
)


# …unless the call failed ("打了120没人接", "I called 120 but nobody answers"): try again
_CALL_FAILED = re.compile(
    r"没人接|无人接|打不通|占线|接不通|没打通"
    r"|\b(?:no\s*(?:one|body)\s+(?:answer|pick)|no\s+answer|can'?t\s+get\s+through|didn'?t\s+get\s+through"
    r"|(?:line|number)\s+(?:is\s+|was\s+)?busy)"
)


def help_called(said: str) -> bool:
    """Whether ``said`` tells that an ambulance was already called or has come."""
    return _HELP_CALLED.search(said) is not None and _CALL_FAILED.search(said) is None


# --- Medicine -----------------------------------------------------------------------------

# One table of symptoms and medicines by name for both readers: here (an unanswered question
# about one is a doctor's) and the decision stage (bot.understanding.matcher's _SYMPTOM and
# _MEDICAL_ADVICE: not answered at all, unless asked of the health station). Each adds words
# of its own around them.
SYMPTOMS_ZH = "疼|痛|头晕|失眠|发炎|过敏|中暑"
SYMPTOMS_EN = "sore|pain|aches?|aching|dizzy"  # whole words: \b(?:…)\b
MEDICINES_ZH = "布洛芬|对乙酰氨基酚|扑热息痛|阿司匹林"
MEDICINES_EN = "aspirin|ibuprofen|paracetamol"  # whole words: \b(?:…)\b

_MEDICINE = re.compile(
    r"药|打针|输液|挂水|吊针|偏方|保健品|补品|" + MEDICINES_ZH
    + r"|" + SYMPTOMS_ZH + r"|酸|睡不着|咳嗽|发烧|发热|感冒|拉肚子|腹泻|便秘"
    r"|血压|血糖|血脂|胆固醇|尿酸"
    r"|糖尿病|高血压|痛风|关节炎|骨质疏松"
    r"|\b(?:medicines?|medications?|pills?|tablets?|drugs?|" + MEDICINES_EN + r"|antibiotics?"
    r"|painkillers?|supplements?|vitamins?|dose|dosage)\b"
    r"|\b(?:" + SYMPTOMS_EN + r"|headaches?|migraines?|fever|cough|flu|insomnia"
    r"|(?:a|common|bad|head|chest|my|his|her)\s+cold|colds"
    r"|diarrh(?:o)?ea|rash|blood\s+(?:pressure|sugar)|cholesterol|diabet\w*|arthritis)\b"
)  # fmt: skip


# A shop that sells medicine, or a clinic, is a place asked for, not medicine ("附近哪里有24小时
# 药店", "发烧门诊在哪").
_PHARMACY = re.compile(
    r"药店|药房|(?:发烧|发热|急诊|儿科|专科)?门诊|急诊|\b(?:pharmac(?:y|ies)|drugstores?|chemists?"
    r"|(?:fever\s+)?clinics?|a\s*&\s*e|emergency\s+(?:room|department))\b"
)
# Medicine bought, not chosen: "哪里能买到感冒药", "药店有感冒药卖吗", "where can i buy cold
# medicine": a shop's business, not a doctor's. Which one to take stays medicine (_WHICH).
_BUYING = re.compile(
    r"(?:买|卖|出售|售)(?:得?到)?[\u4e00-\u9fff]{0,5}?药|(?:有)?[\u4e00-\u9fff]{0,4}药(?:水|片|膏)?(?:卖|出售|有售|买)"
    r"|\b(?:buy|purchase|sells?|selling|sold|stock|stocks)\s+(?:any\s+|some\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:medicines?|medications?|pills?|tablets?|drugs?|syrup|drops|painkillers?|aspirin|ibuprofen|paracetamol)\b"
)  # fmt: skip
_WHICH = re.compile(
    r"(?:什么|啥)[\u4e00-\u9fff]{0,3}药|哪种|哪个药|哪一种|哪款|什么牌子|吃什么|用什么|\b(?:which|what)\s+(?:\w+\s+)?"
    r"(?:medicines?|medications?|pills?|tablets?|drugs?|brand)\b|\bwhat\s+(?:should|can)\s+i\s+take\b"
)


# How to take it, or whether: "买的降压药一天吃几次", "药店买的感冒药能给孩子吃吗", "how much
# should i take": a doctor's too, however the medicine was bought.
_TAKING = re.compile(
    r"吃|服用|服药|用法|用量|剂量|几次|几片|几粒|涂|抹"
    r"|\b(?:take|taking|took|dose|dosage|how\s+(?:much|many|often)|give\s+(?:it|them|some)|safe)\b"
)


def is_medicine(said: str) -> bool:
    """Whether ``said`` speaks of medicine or a symptom (of a question the bot can't answer)."""
    text = _PHARMACY.sub(" ", said)
    if _WHICH.search(text) is None and _TAKING.search(text) is None:
        text = _BUYING.sub(" ", text)
    return _MEDICINE.search(text) is not None


# --- A person ------------------------------------------------------------------------------

# The whole message is the request for a person, with polite words around it at most:
# "我要跟工作人员说话", "找个真人", "转人工", "can I speak to a human please".
_PERSON_ZH = re.compile(
    r"(?:你好|您好|喂)?[，,\s]*(?:我|阿拉|侬)?(?:要|想|想要|需要|能不能|可不可以|可以|能|请|麻烦)?(?:你们?|侬)?"
    r"(?:帮我)?(?:跟|和|同|找|寻|转|接|搭|联系|叫)?(?:个|一个|一下)?"
    r"(?:真人|人工|活人|工作人员|客服|服务台|值班的人|值班人员)(?:客服|服务)?"
    # …or to ask them: "我想找个工作人员问问", "找客服咨询一下" (r30j; got "转给工作人员" as a
    # question not understood, though "我想找个人问问" opened a conversation)
    r"(?:说话|讲话|问问|问一下|问下|咨询|说|讲|聊|聊聊|谈谈|谈|对话|沟通|讲讲|来)?"
    r"(?:一下|吧|呀|啊|好吗|可以吗|伐|好伐|行吗|谢谢)?"
    r"[!！。.?？\s]*"
)
_PERSON_EN = re.compile(
    r"(?:(?:hi|hello|hey)[,\s]+)?(?:please\s+)?"
    r"(?:(?:can|could|may)\s+i\s+|i\s+(?:want|would\s+like|need|wanna)\s+(?:to\s+)?|i'?d\s+like\s+to\s+"
    r"|let\s+me\s+|(?:can|could)\s+you\s+)?(?:please\s+)?"
    r"(?:(?:speak|talk|chat)\s+(?:to|with)\s+|ask\s+|connect\s+me\s+(?:to|with)\s+|put\s+me\s+through\s+to\s+"
    r"|get\s+me\s+|have\s+)?"
    r"(?:a\s+|an\s+|the\s+|some\s+|someone\s+from\s+(?:the\s+)?)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:human(?:\s+being)?|person|someone|somebody|staff(?:\s+member)?|member\s+of\s+staff|agent"
    r"|operator|people)(?:\s+please)?[.!?\s]*"
)
# …or "someone" in plain words, the whole message: "我想找个人问问", "找人问一下" (r29z; got
# nothing)
_PERSON_PLAIN_ZH = re.compile(
    r"(?:你好|您好|喂)?[，,\s]*(?:我|阿拉)?(?:要|想|想要|需要|能不能|可不可以|可以|能)?(?:找|寻)(?:个|一个)?人"
    r"(?:问问|问一下|问下|说说|讲讲|聊聊|谈谈)(?:吧|呀|啊|好吗|可以吗|伐|好伐|行吗)?[!！。.?？\s]*"
)
_PERSON_WORD = re.compile(
    r"(?:找|寻)(?:个|一个)?人(?=问|说|讲|聊|谈)|真人|人工|活人|工作人员|客服|服务台|值班|\b(?:human|person|someone|somebody|staff|agent|operator|people)\b"
)


def wants_person(said: str) -> bool:
    """Whether ``said`` is only a request to talk to a person."""
    said = said.strip()
    if not _PERSON_WORD.search(said):
        return False
    return bool(
        _PERSON_ZH.fullmatch(said) or _PERSON_EN.fullmatch(said) or _PERSON_PLAIN_ZH.fullmatch(said)
    )


# A person asked for in so many words, with what about: "我想找工作人员说说我房东的事", "i need
# to talk to a staff member about my landlord". The wish is said ("我想", "i need to"): "我跟
# 工作人员说过了" tells, and "who should i talk to about the gym" asks whom, neither asks.
_PERSON_ABOUT_ZH = re.compile(
    r"(?:要|想|需要|得|能不能|能否|可不可以|可以|能|请|麻烦|让我)(?:你们?|侬)?(?:帮我)?(?:直接)?"
    r"(?:跟|和|同|找|寻|联系|向)(?:你们|侬拉|个|一个|一下|一位)?"
    r"(?:真人|人工|工作人员|客服|值班的人|值班人员|负责人)(?:当面)?"
    r"(?:说说|讲讲|聊聊|谈谈|说一下|讲一下|聊一下|谈一下|说|讲|聊|谈|反映|商量|咨询|问问|问一下|问)"
    # what about, in the same clause: not "说话", nor "想跟真人讲" beside "电话多少"
    r"(?!话)(?=[^\s,，。.!！?？;；]{2})"
)
_PERSON_ABOUT_EN = re.compile(
    r"\b(?:i\s+(?:need|want|would\s+like|have|wanna)(?:\s+to)?|i'?d\s+like\s+to|(?:can|could|may)\s+i"
    r"|let\s+me)\s+(?:please\s+)?(?:speak|talk|chat)\s+(?:to|with)\s+"
    r"(?:a\s+|an\s+|the\s+|one\s+of\s+(?:the|your)\s+|someone\s+from\s+(?:the\s+)?)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:human(?:\s+being)?|person|someone|somebody|staff(?:\s+members?)?|member\s+of\s+(?:the\s+)?staff|agent"
    r"|operator|people)\s+(?:about|regarding|concerning|re)\b"
)  # fmt: skip


def asks_for_person(said: str) -> bool:
    """Whether ``said`` asks to talk to a person: in one clause of its own ("机器人听不懂 帮我转
    人工", "能不能帮我找个工作人员 我有点事情要当面问问"), or with what about (see
    :func:`asks_for_person_about`)."""
    if _PERSON_WORD.search(said) is None:
        return False
    return asks_for_person_about(said) or any(
        wants_person(clause) for clause in _CLAUSE_END.split(said)
    )


def asks_for_person_about(said: str) -> bool:
    """Whether ``said`` asks for a person in so many words, with what about ("我想找工作人员说说
    我房东的事", "i need to talk to a staff member about my landlord"): the person wins over
    an answer, as a clause "想跟真人讲" beside "电话多少" does not."""
    return bool(_PERSON_ABOUT_ZH.search(said) or _PERSON_ABOUT_EN.search(said))


# Whom to see, asked, with what about: "who can I talk to about the projector", "合作办活动找谁
# 谈". A person is due when the entry found does not speak of the matter (the matcher checks,
# as for a favour), and always for a partnership offered (合作, sponsor): a person decides.
_WHOM_ZH = re.compile(
    r"(?:应该|要|该|得|可以|能)?(?:找|跟|和|同|联系|问)(?:哪一?位|谁)(?:去|来)?"
    r"(?:谈谈|谈|说说|说|讲|商量|联系|对接|沟通|聊聊|聊|咨询|问问|问)?"
)
_WHOM_EN = re.compile(
    r"\bwho\s+(?:can|should|do|could|would|shall)\s+(?:i|we)\s+(?:talk|speak|chat)\s+(?:to|with)\s+"
    r"(?:about|regarding|re)\b"
    r"|\bwho\s+(?:can|should|do|could|would|shall)\s+(?:i|we)\s+(?:contact|ask|see|reach)\s+"
    r"(?:about|regarding|re|for)\b"
)
_PARTNERSHIP = re.compile(
    r"合作|赞助|共建|联办|\bpartner(?:ship|ing)?\b|\bcollaborat\w*|\bsponsor\w*"
)


def whom_topic(said: str) -> str | None:
    """What the resident wants a person for, when ``said`` asks whom to see about it ("who can I
    talk to about the projector" → "the projector", "话筒音响找谁说" → "话筒音响"), else None."""
    if (en := _WHOM_EN.search(said)) is not None:
        return said[en.end() :]
    if (zh := _WHOM_ZH.search(said)) is None or not re.search(r"[\u4e00-\u9fff]", said):
        return None
    # the clause that asks ("我订了活动室，话筒音响找谁说": 话筒音响), or the one before it when
    # it says nothing else ("想跟驿站合作办个公益活动，找谁谈")
    start = max((m.end() for m in _CLAUSE_END.finditer(said, 0, zh.start())), default=0)
    end = min((m.start() for m in _CLAUSE_END.finditer(said, zh.end())), default=len(said))
    topic = (said[start : zh.start()] + " " + said[zh.end() : end]).strip()
    if not re.search(r"[\u4e00-\u9fff]{2}", topic) and start:
        before = max((m.end() for m in _CLAUSE_END.finditer(said, 0, start - 1)), default=0)
        topic = said[before:start]
    return topic


def offers_partnership(said: str) -> bool:
    """Whether the matter is a partnership offered to the centre ("我们公司想跟驿站合作")."""
    return _PARTNERSHIP.search(said) is not None


# One's own booking and whether it came through: "我预约了五月六号的活动室，确认了吗", "has my
# booking for the dance room been confirmed?": only a person can look it up
_OWN_BOOKING = re.compile(
    r"(?:预约|预订|预定|订|约|借|申请)[^。？?!！]{0,20}?"
    r"(?:确认|批准?|批下来|通过|成功|订上|订到|约上|约到|定下来|搞定)(?:了|好了|过了)?"
    r"(?:吗|伐|没有?|了没有?|了吗|了伐)"
    r"|\b(?:has|have|is|was|did)\s+(?:my|our)\s+(?:[\w-]+\s+){0,6}?(?:booking|reservation|request)\b"
    r"[^.?!]{0,60}?\b(?:been\s+)?(?:confirmed|approved|accepted|gone\s+through|go\s+through)\b"
    r"|\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:booking|reservation)\b[^.?!]{0,60}?"
    r"\bis\s+it\s+(?:confirmed|approved|ok|through)\b"
)


# …of a class, the resident's own list of classes tells ("has my booking for the pottery class
# gone through?"): not a room's
_CLASS_BOOKED = re.compile(r"课|班|\b(?:class|classes|course|courses|lessons?|workshops?)\b")


def asks_own_booking(said: str) -> bool:
    """Whether ``said`` asks whether the resident's own booking (of a room) came through."""
    return _OWN_BOOKING.search(said) is not None and _CLASS_BOOKED.search(said) is None


# --- Favours -------------------------------------------------------------------------------

# Someone of ours asked to do a thing for the resident: "帮我…", "请人上门…", "派个人来…",
# "can you … me", "I need someone to …". What follows is the task.
_FAVOUR_HEAD = re.compile(
    # (not the resident's own help: "我帮我妈存起来")
    r"(?:帮帮我|(?<!我)帮我们?|替我们?|(?<![来去想要能帮])帮帮?忙|帮阿拉|帮伊|帮他|帮她|请人|找人|派(?:个|一个)?人|安排(?:个|一个)?人|叫(?:个|一个)?人"
    r"|有(?:没有)?人(?:能|可以|好)?(?:帮|来|上门))"
    r"|\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you|your\s+staff|a\s+volunteer)\s+(?:please\s+)?"
    r"|\bi\s+need\s+(?:someone|somebody|a\s+person|help|a\s+volunteer)\s+(?:to\s+|with\s+)?"
    r"|\b(?:someone|somebody)\s+to\s+"
    # a bare imperative: "call me a cab", "please get us a taxi", "order me an uber"
    r"|^\W*(?:please\s+)?(?:call|get|order|book|fetch)\s+(?:me|us)\s+(?:an?\s+)"
)  # fmt: skip
# One's own kin or neighbour the helper, told ("我孙女讲好帮我在手机上报", "儿子会帮我弄"): no
# favour asked of us (round twenty-five, dev90)
_KIN_HELPS = re.compile(
    r"(?:孙女|孙子|外孙女?|儿子|女儿|老伴|老公|老婆|爱人|媳妇|女婿|邻居|朋友|小孩|孩子|囡囡)"
    r"\s*(?:讲好|说好|答应|已经|会|要|讲|说|讲好了|说好了)?\s*$"
)
# How it would be done, not what: a visit, "for me", a call made ("打个电话给我儿子": the call is
# the favour, the phone list no answer).
_HOW_DONE = re.compile(
    r"上门|到家里?|来家里?|过来|帮我|替我|给我|一下|\bhelp\s+(?:me\s+)?(?:to\s+)?|\bfor\s+me\b|\bplease\b"
    r"|打(?:个|一个|一通)?电话|\b(?:call|ring|phone)\s+(?:my|him|her|them)\b"
)
# Asking to be told or shown something is a question, not a favour ("can you tell me the price").
_ONLY_TOLD = re.compile(
    r"(?:告诉|讲讲|说说|介绍|解释|看看|查查|查一下|问问|发给我|发我)"
    r"|\b(?:tell|show|explain|let\s+me\s+know|send\s+me|give\s+me|remind|recommend|suggest)\b"
)

# "帮我女儿问的", "帮我妈问一下": the resident asks for someone (帮 + 我女儿 + 问), no favour
_ASKING_FOR = re.compile(
    r"(?:的)?(?:女儿|儿子|孙女|孙子|外孙女?|老伴|老公|老婆|爱人|媳妇|女婿|姆妈|妈妈?|爸爸?|阿爸|老妈|老爸"
    r"|朋友|邻居|同事|同学|小孩|孩子|囡囡|亲戚|外婆|外公|奶奶|爷爷|阿婆|阿姨|爷叔|姐姐?|哥哥?|妹妹?|弟弟?)"
    r"\s*(?:问|打听|咨询)"
)
# where the someone is, before the task: "can someone there/here/at the desk give me…"
_WHO_THERE = re.compile(r"^\s*(?:there|here|at\s+the\s+(?:centre|center|desk|window))\s+")
_PARTICLES = re.compile(
    r"(?:好吗|好伐|可以吗|行吗|行不行|可不可以|能不能|[吗呢伐吧呀啊么])[\s,，.。!！?？]*$"
)


def favour_task(said: str) -> str | None:
    """The task of a favour asked in ``said`` ("换个灯泡" of "我想请人上门帮我换个灯泡"), or
    ``None`` when ``said`` asks no favour (or only to be told something)."""
    head = next(
        (h for h in _FAVOUR_HEAD.finditer(said) if not _KIN_HELPS.search(said, 0, h.start())),
        None,
    )
    if head is None:
        return None
    task = _CLAUSE_END.split(said[head.end() :], maxsplit=1)[0]  # "…帮忙吗 收钱吗": its clause
    task = _WHO_THERE.sub("", task, count=1)  # "can someone there give me advice": told
    if _ASKING_FOR.match(task.strip()):
        return None  # "帮我女儿问的": asked on someone's behalf, no favour of ours
    if _ONLY_TOLD.match(task.strip()) or _ONLY_TOLD.match(_HOW_DONE.sub(" ", task).strip()):
        return None
    task = _PARTICLES.sub("", _HOW_DONE.sub(" ", task)).strip(" ,，.。!！?？")
    return task or None
