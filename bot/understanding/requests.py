"""Requests: what the resident wants done (the head), apart from what it is about (the topic).

A request's head decides the feature: sign up / enrol / join / get a place in a class
(``course``); see what I signed up for (``myclasses``; events: ``myevents``); rate / praise /
complain / suggest (``feedback``); what is on, join an event (``events``). The topic only says
which course, or whose place: "书法那门课我能参加吗" is a sign-up whose topic is 书法, not a
question about the night school's fees that shares the word 课; "想夸一下卫生站的护士" is
praise, not the health station's services.

The grammar is small on purpose: a modal or request frame (想 / 要 / 能不能 / 帮我 / 怎么 …,
"I'd like to / can I / how do I / put my name down") and a head verb, in Chinese and English.
What the topic is (a place of ours, a class, an event, another institution) the decision stage
judges (:mod:`bot.understanding.matcher`), because it knows the venues.

Input is the normalised question (simplified, casefolded: :func:`normalise`). Pure and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MY_OWN_BAO_GE", "Request", "find_request", "judged_statement"]

_ZH = r"\u4e00-\u9fff"
# Who the class is for, between the frame and the verb ("帮我老伴报一下", "给孙子报个")
_FOR_WHOM = (
    r"(?:我|自己|老伴|老公|老婆|爱人|我妈|我爸|妈妈|爸爸|阿拉|伊|他|她|孙子|孙女|外孙|外孙女"
    r"|女儿|儿子|小孩|孩子|姆妈|阿爸)"
)
# The end of a course's topic: its class word, then a pause, a particle or the rest of the ask
_CLASS_WORD = r"(?:课程|课|班|团|队|社)"
_TOPIC_END = (
    r"(?=$|[\s,，.。?？!！;；]|吗|伐|呢|吧|啊|呀|可以|行不行|行吗|好伐|好吗|怎么|要|得|我|"
    r"一个礼拜|一周|每周|几|的名额|名额|还)"
)

# --- sign up for a class -------------------------------------------------------------------
# verb then topic: "我想报个太极拳", "帮我老伴报一下合唱", "我要参加剪纸课", "怎么才能进太极班"
_ZH_SIGN_UP = re.compile(
    rf"(?:^|想|要|想要|打算|准备|能不能|可不可以|可以|能|好|帮|给|替|怎么|怎样|如何|哪里|哪儿|在哪)"
    # (or someone sent to learn: "想让她去学学书法", "叫我爸也去学学太极")
    rf"(?:才能|才可以|能|可以|去|来)?(?:让|叫)?(?:{_FOR_WHOM}){{0,2}}(?:也)?"
    rf"(?:(?:报名(?:参加|加入)?|报(?=个|一个|一下|上|一门|门)|参加|加入|去学学|去学|学学|学一学"
    # typed short, the whole message 报 and a class (round twenty-seven, dev104): "报 太极",
    # "报 书法?" (not another office's: "报 医保", "报 工伤"; not a card or a paper: "报 居住证",
    # "报 敬老卡"; not "…在哪里报 我怕抢不到")
    r"|(?<![\s\S])报\s+(?=(?!社保|医保|工伤|名额|户口|税|警|案|销|账|帐)[\u4e00-\u9fff]{2,6}(?<![了过吗伐呢卡证险续贴])\s*[?？]*$))"
    rf"(?:个|一个|一下|一门|门|上|下)?(?:夜校的?|你们的?|那个|那门|这个|这门)?"
    # (not a counter: "太极拳我要报一个 下午那班" names its class before the verb)
    # (not a sign-up done: "帮我报了个什么课" asks which it was)
    rf"(?P<topic>(?![吗伐呢吧啊呀么了过]|一个|一下|一门|一期|一班)[{_ZH}a-z]{{2,8}}?){_CLASS_WORD}?"
    # 进 only into a class named: "进太极班", not "轮椅能进去伐"
    # (not 上次/上回, the last time: "上次补班 健身房开了吗", r29c)
    rf"|(?:进|上(?!一?次|一?回))(?:夜校的?|你们的?|那个|那门|这个|这门)?(?P<topic_in>[{_ZH}a-z]{{2,8}}?){_CLASS_WORD})"
    rf"{_TOPIC_END}"
)
# a place taken in a class: "在夜校的摄影班占个名额", "太极班给我留个位子"
_ZH_SEAT = re.compile(
    rf"(?P<topic>[{_ZH}]{{2,6}}?){_CLASS_WORD}[{_ZH}]{{0,4}}?(?:占|留|订|要)(?:个|一个|两个)?(?:名额|位子|位置|座位)"
)
# topic then verb: "书法那门课我能参加吗", "太极班怎么才能进", "合唱团我想加入"
_ZH_TOPIC_FIRST = re.compile(
    rf"(?:^|[\s,，。?？!！的])(?:那个|那门|这个|这门)?(?P<topic>[{_ZH}]{{2,6}}?)(?:那个|那门|这个|这门)?"
    rf"{_CLASS_WORD}[{_ZH}]{{0,6}}?(?:能|可以|好|想|要|怎么|怎样|如何)(?:才能)?(?:去)?"
    rf"(?:参加|报名|报|加入|进(?![去来屋门里]))(?!了|过)"
    # or whether one gets in: "烘焙课我报得进去吗", "合唱团报得上伐"
    rf"|(?:^|[\s,，。?？!！的])(?P<topic_got>[{_ZH}]{{2,6}}?){_CLASS_WORD}[{_ZH}]{{0,4}}?"
    r"(?:报得(?:进|上|到|了)|报不报得|进得去|进得了)"
    # or named bare at the start, then the wish and a counter: "八段锦我要报一个 早上那班"
    rf"|(?:^|[\s,，。?？!！])(?P<topic_bare>[{_ZH}]{{2,6}}?)(?:我|阿拉|我们)?(?:也)?(?:想|要|想要)"
    r"(?:报名|报|参加)(?:一个|个|一下|一期|一班)"
    # or typed in Latin letters inside Chinese: "python课怎么报名", "夜校的excel班怎么报",
    # "AI课可以报吗" (a subject as its learners type it, like "有没有python课")
    rf"|(?<![a-z0-9])(?P<topic_latin>[a-z][a-z0-9+#.\-]{{1,14}})\s*{_CLASS_WORD}[{_ZH}]{{0,6}}?"
    r"(?:能|可以|好|想|要|怎么|怎样|如何)(?:才能)?(?:去)?(?:参加|报名|报|加入)(?!了|过)"
)
# subjects that are only ever a class, named without a class word (round thirty): "太极拳还有名额
# 没有", "书法还有名额吗" (not "体检还有名额吗", "食堂还有位子吗": not a class)
_TAUGHT = (
    r"太极拳?|八段锦|书法|毛笔字|瑜伽|剪纸|摄影|国画|水彩画?|油画|素描|钢琴|古筝|二胡|葫芦丝|尤克里里"
    r"|沪剧|越剧|京剧|合唱|交谊舞|舞蹈|英语口语|插花|烘焙|茶艺|智能手机"
)
# a class named, and whether it still takes people: "书法班还招不招学员", "太极拳现在还能报名吗"
_ZH_STILL_OPEN = re.compile(
    rf"(?:^|[\s,，。?？!！的])(?P<topic>[{_ZH}]{{2,6}}?){_CLASS_WORD}?(?:现在|今年|这学期|下学期)?还"
    r"(?:招不招|收不收|招|收|能|可以|好|能不能|可不可以)(?:报名|报|人|学员|学生|新人|新学员)"
    # or a place left in it: "合唱团还有空位伐", "插花课还有位子吗"
    rf"|(?:^|[\s,，。?？!！的])(?P<topic_seat>[{_ZH}]{{2,6}}?){_CLASS_WORD}(?:现在|今年|这学期|下学期)?"
    r"还有(?:没有)?(?:空位|空的位子|位子|位置|座位|名额|空额)"
    rf"|(?:^|[\s,，。?？!！的])(?P<topic_known>{_TAUGHT})(?:现在|今年|这学期|下学期)?还有(?:没有)?"
    r"(?:名额|空额|空位)"
    # a class named in English: "ukulele 班 还有名额吗", "yoga class 还能报吗"
    rf"|(?:^|\s)(?P<topic_latin>[a-z][a-z-]{{2,14}}(?:\s[a-z][a-z-]{{2,14}})?)\s*"
    rf"(?:{_CLASS_WORD}|class(?:es)?|course)\s*(?:现在|今年|这学期|下学期)?\s*还\s*"
    r"(?:有(?:没有)?(?:空位|位子|位置|座位|名额|空额)|(?:招|收|能|可以)(?:报名|报|人|学员))"
)
# "sign me up for tai chi", "enrol in the calligraphy course", "put my name down for yoga",
# "get a place in the pottery class", "register for the watercolour course", "add her"
_EN_STRONG = (
    r"sign(?:ing)?\s+(?:me|her|him|us|them|my\s+\w+)?\s*up|enrol?l?(?:ing)?|register(?:ing)?|put\s+(?:my|her|his|our"
    r"|their)\s+names?\s+down|get\s+(?:me\s+|her\s+|him\s+)?(?:a\s+)?(?:place|spot|seat)s?"
    r"|book\s+(?:me\s+|her\s+|him\s+)?(?:a\s+)?(?:place|spot|seat)s?|reserve\s+(?:a\s+)?(?:place|spot|seat)"
)
_EN_WEAK = (
    # (try: "i'd love to try one of your watercolour classes", round thirty; a class only)
    r"take\s+part\s+in|taking\s+part\s+in|join(?:ing)?|take|taking|attend(?:ing)?|learn(?:ing)?"
    r"|try(?:ing)?(?:\s+out)?"
    r"|do|doing|interested\s+in"
)
_EN_GROUP = r"(?:class(?:es)?|courses?|lessons?|choir|club|group|team|band|workshop)"
_EN_SIGN_UP = re.compile(
    rf"\b(?:(?P<strong>{_EN_STRONG})|(?P<weak>{_EN_WEAK}))\b\s*"
    r"(?:(?:me|her|him|us|them|my\s+(?!name)\w+|our\s+\w+)\s+(?=for|in|on|onto|into|to)\b)?"
    r"(?:(?:for|in|on|onto|into|to)\s+)?"
    r"(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+|some\s+|your\s+)?"
    r"(?P<topic>(?!(?:i|me|my|our|you|one|it|them|this|that)\b)[a-z][a-z'\s-]{1,25}?)\s*"
    rf"(?P<group>\b{_EN_GROUP}\b)?\s*(?=$|[,.!?;]|\b(?:please|at|here|there|this|next|now"
    r"|still|again|with|for\s+(?:me|her|him|us|them)|can|could|is|if|too|as|because|so"
    # (when it fits in: "take a guitar class after work", "a yoga class on weekends")
    r"|after|before|during|every|on\s+(?:weekends?|weekdays|saturdays?|sundays?)|in\s+the\s+evenings?)\b)"
)
# a place left in a class named: "is there still space in the tai chi class for me?"
_EN_ROOM_IN = re.compile(
    r"\b(?:is\s+there|are\s+there|any|got\s+any|still\s+have)\s+(?:still\s+)?(?:any\s+)?"
    r"(?:space|room|places?|spots?|seats?|vacanc(?:y|ies))\s+(?:left\s+)?(?:in|on|for)\s+(?:the\s+)?"
    rf"(?P<topic>[a-z][a-z'\s-]{{1,25}}?)\s+{_EN_GROUP}\b"
)
# a question about a class named, its when, where or who: "书法班在哪里上课", "英语班几点开始",
# "国画课是哪个老师教", "what time is the yoga class", "who teaches the calligraphy class"
_ZH_ABOUT = re.compile(
    # (not a make-up working day: "国庆补班是哪几天", r29c)
    rf"(?:^|[\s,，。?？!！的])(?P<topic>(?:(?!的)[{_ZH}]){{2,6}}?)(?:课程?|(?<!补)班)(?:是|在|要|一般)?"
    r"(?:哪里|在哪|哪儿|几点|什么时候|啥时候|几时|星期几|礼拜几|周几|哪天|哪几天|哪个老师|谁教|谁上"
    r"|哪位老师|什么老师|怎么上|上几次|上多久)"
)
# a subject named first, and whether someone teaches it or when its class starts: "剪纸有人教吗",
# "葫芦丝什么时候开班", "合唱团几时开课" (not "有人教我用打印机吗": no subject before)
_ZH_TAUGHT = re.compile(
    # (a subject has no 有 in it: "有没有人教我…" names none)
    rf"(?:^|[\s,，。?？!！])(?!这个|那个|这|那)(?P<topic>(?:(?!有)[{_ZH}]){{2,6}}?){_CLASS_WORD}?"
    r"(?:有没有人教|有人教|有老师教|有没有老师教|谁来教|(?:什么时候|啥时候|几时|哪天|几号)(?:开班|开课))"
)
# a subject named first, then (a day or a time, then) whether it has a class: "瑜伽 晚上 有课吗",
# "书法有没有课" (not "明天有课吗", "夜校今天有课吗": a day or a place, judged by the topic)
_ZH_HAS_CLASS = re.compile(
    # (the wish to practise it said before: "想练瑜伽 你们那边有班吗"; the place said between)
    rf"(?:^|[\s,，。?？!！])(?:(?:想|要)?(?:练练|练|学学|学))?"
    # (not a purpose told: "想学剪纸 过年贴窗花用 有课吗", the subject before it)
    # (nor the asking told: "先问问有没有课", "打听一下明天有没有课", "想确认下有没有班")
    rf"(?!{_FOR_WHOM}|想|要|学)(?P<topic>(?:(?!有|夜校|以后|之后|你们|问|打听|确认|看看|查查)[{_ZH}])"
    r"{2,6}?)(?<!用)[\s,，]*"
    r"(?:(?:今天|明天|后天|周末|晚上|早上|上午|下午|中午|平时|星期.|礼拜.|周."
    r"|你们(?:那边|这边|那里|这里|那儿|中心)?|中心里?|那边|这边)[\s,，]*){0,2}"
    r"有(?:没有)?(?:课|班)(?=$|[\s,，。?？!！]|吗|伐|呢|么|没有|没)"
)
# a class named alone, the whole message: "太极班", "书法课？", "瑜伽课程有伐", "tai chi class",
# "yoga classes?" (a newcomer types the class as they would type "gym"; the topic is judged by
# the decision stage: "夜校课程" is the night school's, "健身课" the gym's)
# a class its subject typed in English inside Chinese: "夜校有python课吗", "有没有yoga班",
# "有 excel 课伐"
_ZH_HAS_LATIN_CLASS = re.compile(
    # (its level said after it: "有没有 Python 入门课", "excel进阶班")
    r"有(?:没有)?\s*(?P<topic>[a-z][a-z0-9+#.\- ]{0,20}?)\s*"
    r"(?:入门|基础|零基础|初级|中级|高级|进阶|提高)?\s*(?:课程?|班)"
    r"(?=$|[\s,，。?？!！]|吗|伐|呢|么|没有|没|可以|能)"
    # or the class first, then whether there is one: "python课有吗", "excel班有伐"
    r"|(?<![a-z0-9])(?P<topic2>[a-z][a-z0-9+#.\-]{1,20})\s*(?:课程?|班)\s*有(?:没有)?"
    r"(?:吗|伐|呢|么|没有|没)?(?=$|[\s,，。?？!！])"
)
_ZH_CLASS_ALONE = re.compile(
    rf"^\s*(?!我|你|他|她|这|那|哪|什么|啥|几|有|上|下|没|今|明|后)"
    # (a day or the night school inside is a question about when it meets: "腊八节夜校上课吗")
    rf"(?P<topic>(?:(?!夜校|上|节|天|周|礼拜|星期|号|月|晚|早)[{_ZH}]){{2,6}}?)"
    # (not a make-up working day: "国庆补班吗", "元旦补不补班", r29 r1: was a class "国庆补")
    rf"(?:课程|课|(?<!补)班)(?:有(?:伐|吗|没有|没))?"
    # (or the sign-up put as a title after it, r26 dev97: "太极班报名", "书法课 报名?")
    r"(?:\s*(?:报名|的报名))?[\s?？!！。.]*(?:吗|伐|呢)?[\s?？!！。.]*$"
)
_EN_CLASS_ALONE = re.compile(
    r"^\s*(?:any\s+|a\s+|the\s+)?(?P<topic>(?!(?:my|your|our|his|her|their|next|this|that|"
    r"last|first|evening|night|morning|which|what|any|no|the|a)\b)[a-z][a-z-]{1,14}"
    r"(?:\s+[a-z][a-z-]{1,14})?)\s+(?:class(?:es)?|courses?|lessons?)"
    # (or the sign-up put as a title after it, r26 dev97: "yoga class sign up", "pottery course
    # registration?")
    r"(?:\s+(?:sign[\s-]?ups?|registration|enrol(?:l)?ments?|enrol?l?|booking))?\s*[?!.]*\s*$"
)
# a class named, and its details asked or whom it is for: "tell me about the pilates course",
# "photography course details pls", "tai chi classes for my dad?", "info on the chess club"
_EN_CLASS_TOPIC = (
    r"(?P<NAME>(?!(?:my|your|our|his|her|their|next|this|that|last|first|evening|night|morning"
    r"|which|what|any|no|the|a|gym|fitness|online)\b)[a-z][a-z-]{1,14}(?:\s+[a-z][a-z-]{1,14})?)"
)
_EN_CLASS_DETAILS = re.compile(
    r"^\W*(?:(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+)?tell\s+me\s+(?:a\s+bit\s+|more\s+)?about"
    r"|(?:some\s+|any\s+|more\s+)?(?:info(?:rmation)?|details)\s+(?:on|about|of|for))\s+"
    r"(?:the\s+|your\s+|a\s+)?"
    + _EN_CLASS_TOPIC.replace("NAME", "topic")
    + r"\s+(?:class(?:es)?|courses?|lessons?|club)\b|^\W*(?:any\s+|the\s+)?"
    + _EN_CLASS_TOPIC.replace("NAME", "topic2")
    + r"\s+(?:class(?:es)?|courses?|lessons?)\s+"
    r"(?:details|info(?:rmation)?|for\s+(?:my|a|an|the|our)\s+[a-z]+)\b"
)
# a class opened, and the wish to go: "听说夜校开了插花，我能不能也去", "你们开了书法班 我也想去"
_ZH_OPENED = re.compile(
    # (the class word said, or the opener ours: not "食堂开了新菜 我想去尝尝")
    rf"(?:(?:新开了|开了|新开)(?:个|一个|门|一门)?(?P<topic>[{_ZH}]{{2,6}}?){_CLASS_WORD}"
    rf"|(?:夜校|你们|中心|驿站)(?:新开了|开了|新开)(?:个|一个|门|一门)?(?P<topic2>[{_ZH}]{{2,6}}?){_CLASS_WORD}?)"
    r"[\s,，。]*"
    r"(?:我|阿拉|我妈|我爸|老伴|伊|他|她)?(?:也)?(?:想|要|能|可以|好)(?:不能|不可以|不)?(?:也)?"
    r"(?:去|来|参加|报|学)"
)
# a subject taught to whom, the subject after them: "有没有教老年人用智能手机的", "有没有教小孩子
# 下围棋的" (not "有没有人教我怎么用打印机": the resident shown a machine, no class)
_ZH_TAUGHT_TO = re.compile(
    r"有(?:没有)?(?:人|老师)?教(?:老年人|老人家|老人|老年|小孩子|小孩|孩子|小朋友|儿童|退休的人|退休人员"
    r"|外国人|大人|初学者|零基础的?)(?:怎么|如何)?(?:用|学|玩|做|下|打|弹|唱|跳|画|写)?"
    rf"(?P<topic>(?!我|怎么)[{_ZH}a-z]{{2,8}}?)的(?=$|[\s,，。?？!！]|课|班|吗|伐|呢|老师)"
)
_EN_ABOUT = re.compile(
    r"\b(?:what\s+time|when|where|who|which\s+days?|what\s+days?|how\s+often|how\s+long)\b[^?.]{0,20}?"
    r"\b(?:is|are|does|do|teaches|runs|takes)\s+(?:the\s+)?"
    r"(?P<topic>(?!(?:my|your|our|his|her|their)\b)[a-z][a-z\s-]{1,20}?)\s+"
    r"(?:class(?:es)?|courses?|lessons?)\b"
)
# where or whether a subject is taught, or a liking for it: "你们这里能学太极吗", "哪里可以学书法",
# "太极在哪学", "我对摄影感兴趣", "do you teach calligraphy", "where can i learn pottery"
_ZH_LEARN = re.compile(
    rf"(?:能|可以|好|能不能|可不可以|哪里|哪儿|在哪|去哪|到哪)(?:里|儿)?(?:能|可以|好)?学(?:学)?"
    rf"(?P<topic>(?![吗伐呢吧啊呀么])[{_ZH}]{{2,6}}?){_TOPIC_END}"
    rf"|(?:^|[\s,，。?？!！])(?P<topic2>[{_ZH}]{{2,6}}?)(?:在哪|哪里|去哪|到哪)(?:里|儿)?(?:能|可以|好)?学"
    rf"|对(?P<topic3>[{_ZH}]{{2,6}}?)(?:很|蛮|挺|比较)?(?:感兴趣|有兴趣)"
)
_EN_LEARN = re.compile(
    r"\b(?:do|does)\s+(?:you|the\s+(?:centre|center|night\s+school)|anyone\s+there)\s+teach\s+"
    r"(?P<topic>(?!(?:that|it|this|them|those)\b)[a-z][a-z\s-]{1,20}?)\s*(?=$|[,.!?;]|\b(?:here|there|at|for|in)\b)"
    r"|\bwhere\s+(?:can|could|do)\s+(?:i|we|my\s+\w+)\s+learn\s+(?P<topic2>[a-z][a-z\s-]{1,20}?)"
    r"\s*(?=$|[,.!?;]|\b(?:here|around|near|nearby|in|at)\b)"
    r"|\b(?:i'?m|i\s+am|(?:she|he)'?s|(?:she|he)\s+is)\s+(?:really\s+|very\s+)?interest(?:ed|ing)\s+in\s+"
    r"(?:learning\s+)?(?P<topic3>[a-z][a-z\s-]{1,20}?)\s*(?=$|[,.!?;]|\b(?:class|course|lessons?)\b)"
)
# a subject offered to beginners: someone wanting to learn it ("any yoga for beginners after
# work?", "do you have pottery for complete beginners"; not "any discount for seniors")
_EN_FOR_BEGINNERS = re.compile(
    r"\b(?:any|is\s+there\s+(?:any|an?)|are\s+there\s+any|do\s+you\s+(?:have|do|run|offer)(?:\s+any|\s+an?)?)"
    r"\s+(?P<topic>(?!(?:thing|one|body|where|help|guidance|advice|support|info|information|tips?"
    r"|discounts?|induction|tours?|leaflets?)\b)[a-z][a-z\s-]{1,20}?)\s+(?:(?:class(?:es)?|courses?|lessons?)\s+)?"
    r"for\s+(?:complete\s+|absolute\s+|total\s+|real\s+)?(?:beginners|novices|first-timers|starters)\b"
)
# a course named, and whether it still takes people: "is the pottery course still open for
# registration?", "a coffee / barista course at the night school, is it still open for sign-up?"
_EN_STILL_OPEN = re.compile(
    r"\b(?:an?\s+|the\s+|your\s+|that\s+|this\s+)?(?P<topic>(?!(?:my|your|our|his|her|their|next|this|that"
    r"|evening|night|which|what|any|the|a|an|gym|fitness)\b)[a-z][a-z-]{1,14})(?:\s*/\s*[a-z][a-z-]{1,14})?\s+"
    r"(?:class(?:es)?|courses?|lessons?|workshop)\b[^.?!]{0,40}?\bstill\s+open\s+(?:for|to)\s+"
    r"(?:sign[\s-]?ups?|registrations?|enrol?l?ments?|new\s+(?:people|students|members)|applications)\b"
)
# a subject the resident wants to learn, in other words: "any chance of learning photography
# after work?", "looking to get better at excel in the evenings", "i'd really like to pick up
# some mandarin, do you teach that?" (picking up or taking up only beside a word of teaching:
# not "i'd like to pick up some medicine")
_EN_STOP = (
    r"in|at|after|on|for|with|during|before|this|next|here|there|do|does|you|please|too|and|or"
    r"|around|near|nearby|classes|class|courses|course|lessons|evenings?|weekends?"
)
_EN_WANT_LEARN = re.compile(
    r"\b(?:any\s+chance\s+(?:of|to)|looking\s+to|i'?d\s+(?:really\s+)?(?:like|love)\s+to|i\s+(?:really\s+)?want"
    r"\s+to|hoping\s+to|keen\s+to)\s+(?P<verb>learn(?:ing)?(?:\s+(?:to|how\s+to))?|pick(?:ing)?\s+up"
    r"|tak(?:e|ing)\s+up|get(?:ting)?\s+better\s+at)\s+(?:some\s+|a\s+bit\s+of\s+|a\s+little\s+|my\s+)?"
    r"(?P<topic>(?!(?:more|about|how|what|where|when|which|who|why|if|whether|the|a|an|it|this|that|your"
    r"|jobs?|work|life|health|sleep|things|stuff|everything|anything|something"
    rf"|our|my|to|from|of|{_EN_STOP})\b)[a-z][a-z-]{{1,15}}(?:\s+(?!(?:{_EN_STOP})\b)[a-z][a-z-]{{1,15}})?)"
    rf"\s*(?=$|[,.!?;]|\b(?:{_EN_STOP})\b)"
)
_TEACHING = re.compile(r"\bteach|\bclass|\bcourse|\blesson|\blearn")
# a place sought to learn a subject: "给我妈找个学唱歌的地方", "帮我爸找个学书法的地方"
_ZH_PLACE_TO_LEARN = re.compile(
    rf"找(?:个|一个|些|几个)?(?:能|可以)?学(?P<topic>[{_ZH}]{{2,6}}?)的(?:地方|课|班|老师)"
)
_GROUP_ALONE = re.compile(rf"\b{_EN_GROUP}$")  # "joining the choir": the group is the topic
# the resident's own English frame: a wish or a how, not a story ("i joined the choir last year")
_EN_FRAME = re.compile(
    r"^(?:please\s+)?(?:sign|enrol|register|put|book|add|get)\b|\b(?:i'?d\s+(?:like|love)|i\s+would\s+(?:like|love)|i\s+want|i\s+wanna|wants?\s+to|i'?m\s+keen|i\s+need"
    r"|can\s+(?:i|you|she|he|we|my\s+\w+)|could\s+(?:i|you|she|he|we)|may\s+i|how\s+(?:do|can|could"
    r"|would)\s+(?:i|we|she|he|my\s+\w+)|how\s+to|where\s+(?:do|can)\s+i|please|put\s+my"
    r"|is\s+it\s+too\s+late|is\s+there\s+(?:still\s+)?(?:room|space|a\s+place)|go\s+about|let\s+me|sign\s+me"
    r"|enrol\s+me|register\s+me|i'?ll|i\s+will|(?:she|he)\s+wants|i'?m\s+interested)\b"
)

# --- my own classes ------------------------------------------------------------------------
# Shanghainese 个 for 的, one's own class asked (round thirty): "阿拉报个课程是啥辰光上", "我报个
# 太极班是礼拜几上" (a class named between needs 是: "我报个太极班 几点上" may be a wish)
MY_OWN_BAO_GE = (
    r"我(?:们)?(?:上趟|上次|上个月)?报个(?:(?:课程?|班)是?|[\u4e00-\u9fff]{1,6}?(?:课程?|班)是)"
    r"(?:什么时间|什么时候|几点|哪天|星期几|礼拜几|周几|在哪|哪里)"
)
_ZH_MINE = re.compile(
    # (not the wish to see which there are: "我想看看有啥课")
    rf"我(?:(?!想|知道|看看|问问|了解|打听)[{_ZH}]){{0,4}}?(?:报|报名|选|参加|上|有)(?:了|过|着)?(?:的)?(?:是)?"
    r"(?:哪几个|哪几门|几门|几个|哪些|什么|啥|哪门|哪个)(?:课程?|班)"
    # (or a parent's, seen for them: "帮阿拉姆妈看看伊报的课", "帮我爸查查他报的课")
    rf"|(?:查|看|找|翻)(?:一下|下|看|查|一查)?(?:{_FOR_WHOM})(?:[{_ZH}]{{0,4}}?)(?:报|报名|选|参加)(?:了|过)?的(?:课程?|班)"
    # (a course named in English, a pause after it: "我报的yoga课 下次几点上")
    rf"|我(?:报|报名|选|参加)?(?:了|过)?的(?:[{_ZH}]{{1,6}}?|\s*[a-z][a-z ]{{1,16}}?)"
    rf"(?:课程?|班)\s?[{_ZH}]{{0,4}}?"
    r"(?:几点|哪天|星期几|礼拜几|周几|什么时候|啥时候|在哪|哪里)"
    # Shanghainese 个 for 的, one's own class asked (round thirty): "阿拉报个课程是啥辰光上",
    # "我报个班是礼拜几" (not a wish: "我想报个班")
    rf"|{MY_OWN_BAO_GE}"
    # one's own class, whether it still meets on a day (round thirty): "我的书法课下礼拜还上吗",
    # "我那个班明天还有吗" (not the night school's: "夜校下礼拜还上课吗")
    rf"|我(?:的|那个|那门|报的)(?:[{_ZH}]{{0,6}}?)(?:课程?|班)[^。？?]{{0,8}}?还(?:上|有|开)(?:课)?"
    r"(?:吗|么|不|没有|伐)"
    # one's own next class: "下次上课是什么时候", "我下一次课在哪"
    r"|(?:^|我)(?:的)?下一?次(?:上课|的课|课)(?:是|在)?"
    r"(?:什么时候|啥时候|哪天|哪一天|几号|几点|星期几|礼拜几|周几|在哪|哪里)"
)
# one's own events (r30j: a newcomer's "我报名了哪些活动" got the events list, not /myevents):
# "我报了什么活动", "我参加了哪几个活动", "what events did i sign up for", "which events am i
# registered for" (not the wish to see which there are: "我想看看有什么活动")
_ZH_MY_EVENTS = re.compile(
    rf"我(?:(?!想|知道|看看|问问|了解|打听)[{_ZH}]){{0,4}}?(?:报|报名|参加|约|预约)(?:了|过)(?:的)?(?:是)?"
    r"(?:哪几个|几个|哪些|什么|啥|哪个)活动"
    r"|我(?:报名|报|参加|预约)(?:了|过)?的活动(?:有)?(?:哪些|有哪些|是什么|是哪些|呢)"
)
_EN_MY_EVENTS = re.compile(
    r"\b(?:what|which)\s+events?\s+(?:have|did|am)\s+i\s+(?:already\s+)?"
    r"(?:signed\s+up|sign\s+up|registered|register|booked|book|joined|join|enrol?l?ed)\b"
    r"|\bevents?\s+(?:that\s+)?(?:i'?ve|i\s+have|i'?m|i\s+am|i)\s+(?:already\s+)?"
    r"(?:signed\s+up|registered|booked|joined|enrol?l?ed)\b|\bmy\s+events\b"
)
# one's own place on a waiting list: "我候补排上了没有", "我排的候补轮到我了吗", "am i still on
# the waiting list" (not how the list works: "候补是怎么排的")
_ZH_MY_WAIT = re.compile(
    rf"我(?:的|排的|报的|排)?(?:[{_ZH}]{{0,4}}?的)?候补[{_ZH}]{{0,4}}?"
    r"(?:排上|排到|轮到|转正|上了|进了|成功|有没有|还有戏|第几|排第|排在第)"
)
_EN_MY_WAIT = re.compile(
    r"\b(?:am\s+i|i'?m|is\s+my\s+\w+|are\s+we)\s+(?:still\s+)?on\s+(?:the|a)\s+wait(?:ing)?[\s-]?list"
    r"|\bmy\s+(?:place|spot|position|number)\s+on\s+the\s+wait(?:ing)?[\s-]?list"
    r"|\b(?:have|did)\s+i\s+(?:got|get|come|moved?)\s+off\s+the\s+wait(?:ing)?[\s-]?list"
)
# a class given up: "取消太极拳", "我不想上书法班了", "退掉摄影课" (the cancel button is on
# /myclasses); the topic decides whether it is a class at all (matcher._requested)
_ZH_CANCEL = re.compile(
    rf"(?:取消|退掉|退出)(?:报名)?(?:我的|我报的|那个|那门)?(?P<topic>[{_ZH}a-z]{{2,8}}?)(?:课程?|班)?"
    rf"(?=$|[\s,.!?，。！？]|吧|吗|的报名)"
    rf"|(?P<topic2>[{_ZH}]{{2,6}}?)(?:课程?|班)我?(?:不想|不打算|不)(?:上|去|学|参加)了"
    rf"|我?(?:不想|不打算)(?:再)?(?:上|去|学|参加)(?:那个|这个)?(?P<topic3>[{_ZH}]{{2,6}}?)(?:课程?|班)了"
    rf"|退(?P<topic4>[{_ZH}]{{2,6}}?)(?:课程?|班)|退(?:课|班)"
    # the class named first, then given up: "报的那个课帮我退掉", "报名的太极课给我退了吧"
    rf"|(?:我?报(?:名)?的|我的)(?:那个|那门|这个|这门)?(?P<topic5>[{_ZH}]{{0,6}}?)(?:课程?|班)"
    rf"[{_ZH}]{{0,2}}?(?:帮我|给我|替我)?(?:退掉|退了|取消掉?)(?=$|[\s,.!?，。！？]|吧|吗|伐)"
    # the class put first with 把, its day or owner before it: "帮我把下礼拜的书法课退掉", "把
    # 阿拉姆妈的太极班取消脱"
    rf"|把(?:[^。？?，,\s]{{0,8}}?的)?(?!这|那|我)(?P<topic6>[{_ZH}a-z]{{2,6}}?)(?:课程?|班)"
    r"(?:给我|帮我|替我)?(?:退掉|退了|退脱|取消掉?|取消了|取消脱|撤掉|撤了|撤销|去掉|删掉)"
    # a class someone signed me up for, given up: "孙女帮我报了书法班 我不想去了 哪能退脱"
    rf"|(?:帮我|给我|替我)报(?:了|名了)?(?:个|一个|那个)?(?P<topic7>[{_ZH}]{{2,6}}?)(?:课程?|班)"
    r"[^。？?]{0,12}?(?:不想去|不去了|不想上|退掉|退脱|退了|退出|取消|哪能退|怎么退)"
)
_EN_CANCEL = re.compile(
    r"\b(?:cancel|drop|quit|withdraw(?:\s+from)?|pull\s+out\s+of)\s+(?:my\s+|her\s+|his\s+)?"
    # the sign-up itself named: "cancel my registration for the pottery course", "withdraw my
    # sign-up for the calligraphy class"
    r"(?:(?:place|spot|seat|registration|enrol?l?ment|sign[\s-]?up|booking|application)\s+"
    r"(?:in|on|for|to)\s+)?"
    r"(?:the\s+)?(?P<topic>[a-z][a-z ]{1,24}?)\s+(?:class|course|lessons?)\b"
)
# one's own class given up, named only as "my class": "how do I cancel my class", "I can't make
# my course any more, can I drop out?" (not the money asked back: the fees entry answers that)
_EN_MY_CLASS_OFF = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:class|course|lessons?)\b[^.?!]{0,40}?\b(?:cancel|drop\s+out|quit|withdraw"
    r"|unenrol|give\s+(?:it\s+)?up)\b"
    # (its day and subject said with it: "cancel my 周四 yoga class", "cancel my tuesday evening
    # guitar class")
    r"|\b(?:cancel|drop\s+out\s+of|quit|withdraw\s+from|give\s+up)\s+my\s+(?:\w+\s+){0,3}?(?:class|course"
    r"|lessons?)\b"
)
# taken off a class: "take my mum off the tai chi class", "get me out of the pottery course"
_EN_TAKE_OFF = re.compile(
    r"\b(?:take|get|remove)\s+(?:me|her|him|us|my\s+\w+)\s+(?:off|out\s+of|from)\s+(?:the\s+|my\s+|her\s+"
    r"|his\s+)?(?P<topic>[a-z][a-z ]{1,24}?)\s+(?:class|course|lessons?)\b"
)
_EN_MONEY_BACK = re.compile(r"\bmoney\s+back\b|\brefund")
# one's own class missed or to be missed: "那个晚上的课我去不了了", "报的课可能要缺两次", "书法课
# 要停两次", "那堂课我来不了 要请假", "he won't be able to make his classes", "can't attend her
# classes"; not the fees back ("报了夜校后来去不了 学费能退伐")
_ZH_MISSED = re.compile(
    # (not one's work shift: "下班根本赶不上", "加班来不了")
    rf"(?:课|(?<![上下加值轮早晚夜跟])班)(?:(?!钱|费)[{_ZH}]){{0,4}}?"
    # (停 not a vehicle parked: "去上课电瓶车停哪里", "上课的时候车停在哪")
    r"(?:去不了|来不了|上不了|去不成|来不成|上不成|赶不上|缺|停(?![哪车在放到好那这里])|请假|请个假)"
)
_EN_MISSED = re.compile(
    r"\b(?:won'?t|can'?t|cannot|will\s+not|isn'?t\s+going\s+to|not\s+going\s+to)\s+(?:be\s+able\s+to\s+)?"
    r"(?:make|attend|come\s+to|go\s+to|get\s+to)\s+(?:his|her|my|their|our)\s+(?:\w+\s+)?(?:class|classes|course|lessons?)\b"
    r"|\bmiss(?:ing)?\s+(?:his|her|my|their)\s+(?:\w+\s+)?(?:class|classes|lessons?)\b"
)
_REFUND_WORD = re.compile(r"退钱|退费|退款|学费|能退|退得|\b(?:refund|money\s+back)\b")
# what was signed up for the resident, asked back: "女儿帮我报了个什么课 想不起来报的是啥了",
# "帮我报了两门课 搞不清是哪两门", "what is she enrolled in", "what am i down for"
_ZH_SIGNED_FOR_ME = re.compile(
    r"报(?:了|过)(?:个|一个|两门|几门|两个|几个|门)?(?:什么|啥)?(?:课|班)?[^。？?]{0,24}?"
    r"(?:是啥|是什么|是哪|哪两门|哪几门|哪门|哪个|想不起|搞不清|记不得|记不清|不记得|忘了|忘记)"
    # the resident's own sign-up, its class forgotten: "我礼拜二晚上那个课到底报的是啥", "我上个
    # 月报的那个班到底是哪门 忘记了"
    r"|我[^。？?，,]{0,12}?报的[^。？?]{0,10}?(?:是啥|是什么|是哪|哪门|哪几门|想不起|记不清|记不得"
    r"|不记得|忘了|忘记)"
    # whether one's own sign-up went through: "我是不是已经报上名了", "我到底报上了没有"
    r"|我(?:是不是|到底|有没有|已经){1,3}(?:有没有|是不是)?报上(?:名)?"
    r"|报名(?:有没有)?成功(?:了)?(?:吗|伐|没有|没)"
    # …or a relative's: "阿拉姆妈手机上报的太极班报上了伐", "她那个班到底报进去没有"
    r"|报(?:上|进去|进)(?:名)?了?(?:伐|吗|么|没有?)|(?:有没有|是不是|到底)报(?:上|进去)"
)
_EN_SIGNED_FOR_ME = re.compile(
    # whether a sign-up went through: "did my mum's registration for tai chi go through", "is she
    # actually signed up for the yoga class"
    r"\bdid\s+(?:my|her|his|their|our|the)\s+(?:\w+(?:'s)?\s+)?(?:registration|sign[\s-]?up|enrol?l?ment"
    r"|application|booking)\b[^.?!]{0,30}?\bgo\s+through\b"
    # …asked to be checked (round thirty): "can you check if my yoga registration went through"
    # (a class's sign-up only: a room's booking is the staff's)
    # (not a gym card's or a room's: "check if my registration for the gym card went through";
    # a second reader, round thirty)
    r"|\b(?:if|whether)(?![^.?!]{0,40}?\b(?:gym|cards?|rooms?|parking|lockers?|canteen|meals?)\b)"
    r"\s+(?:my|her|his|their|our)\s+(?:\w+(?:'s)?\s+){0,2}?(?:class\s+|course\s+)?"
    r"(?:registration|sign[\s-]?up|enrol?l?ment)\b[^.?!]{0,20}?\b(?:went|has\s+gone|had\s+gone|is\s+through"
    r"|worked|was\s+successful)\b"
    r"|\b(?:is|was|are)\s+(?:she|he|they|my\s+\w+)\s+(?:actually\s+|really\s+|definitely\s+)?(?:signed\s+up"
    r"|registered|enrol?led)\s+(?:for|in|on)\b|"
    r"\bwhat\s+(?:she|he|i|they|my\s+\w+|mum|mom|dad)(?:'s|\s+is|\s+am|\s+are|'m)?\s+(?:actually\s+|really\s+)?"
    r"(?:enrol?led|signed\s+up|registered|booked|down)\s+(?:in|for|on)\b"
    r"|\bwhat\s+am\s+i\s+down\s+for\b"
    # someone signed the resident up, and what for asked (round thirty): "my wife signed me up
    # for something, what is it?", "my son registered me for a class but i forget which"
    r"|\b(?:signed|registered|enrol?led|put)\s+(?:me|her|him|us)\s+(?:up\s+|down\s+)?(?:for|in|on)\s+"
    r"(?:something|a\s+(?:class|course)|some\s+(?:class|course)(?:es|s)?)\b[^.?!]{0,30}?"
    r"\b(?:what|which)\b"
    # "what did I sign up for again?", "which course did I register for?"
    r"|\b(?:what|which\s+(?:class|course|lesson|one))\s+(?:did|have)\s+(?:i|she|he|we|my\s+\w+)\s+"
    r"(?:sign(?:ed)?\s+up|register(?:ed)?|enrol?l?(?:ed)?|book(?:ed)?|join(?:ed)?)\s+(?:for|in|on)\b"
    # whether one is down for any class at all: "did i already register for any course?",
    # "am i signed up for anything", "have I enrolled in a class yet"
    r"|\b(?:did|have)\s+(?:i|she|he|my\s+\w+)\s+(?:already\s+|ever\s+|actually\s+)?(?:sign(?:ed)?\s+up"
    r"|register(?:ed)?|enrol?l?(?:ed)?|book(?:ed)?|join(?:ed)?)\s+(?:for|in|on|to)\s+(?:any|a|anything)\b"
    r"|\b(?:am\s+i|is\s+(?:she|he|my\s+\w+))\s+(?:already\s+)?(?:signed\s+up|registered|enrol?led|booked)"
    r"\s+(?:for|in|on)\s+(?:any|anything)\b"
)
_EN_MINE = re.compile(
    r"\b(?:classes|courses|lessons)\s+(?:that\s+)?(?:i'?m|i\s+am|i'?ve|i\s+have|i)\s+(?:been\s+)?"
    r"(?:taking|doing|attending|on|in|signed\s+up|enrol?led|registered|booked|joined)\b"
    r"|\b(?:what|which)\s+(?:classes|courses|lessons)\s+(?:am\s+i|i'?m|do\s+i)\s+"
    r"(?:taking|doing|attending|going\s+to|in|on)\b"
    r"|\b(?:have|do)\s+i\s+(?:got\s+|have\s+)?(?:any\s+)?(?:classes|courses|lessons)\b"
    r"|\b(?:what|which)\s+(?:classes|courses|lessons)\s+(?:have|did)\s+i\s+(?:\w+\s+)?"
    r"(?:signed\s+up|sign\s+up|enrol?l?ed|registered|booked|joined|chosen|picked)\b"
    # a relative's, checked for them: "check what classes my grandma signed up for"
    r"|\b(?:what|which)\s+(?:classes|courses|lessons)\s+(?:my\s+(?:mum|mom|mother|dad|father|grandma"
    r"|granny|grandpa|grandad|grandfather|grandmother|husband|wife|son|daughter|parents|grandparents)"
    r"|she|he)(?:'s|\s+is|\s+has|\s+was)?\s+(?:already\s+)?(?:signed\s+up|enrol?led|registered"
    r"|booked)\s+(?:for|in|on|onto)\b"
)

# --- feedback: rate, praise, complain, suggest --------------------------------------------
_ZH_FEEDBACK_HEAD = (
    r"评价|打(?:个|一个)?分|打(?:个|一个)?(?:差|好)评|差评|好评|投诉|表扬|夸(?:一下|夸|奖)?"
    r"|提(?:个|点|些|一点)?(?:意见|建议)|点(?:个)?赞|反映|感谢"
    # praise in Cantonese and Taiwan's words: "想讚下佢", "想讚一讚個醫生" (not 赞助, 赞成, nor
    # a poem's 赞美: "帮我写一首赞美夏天的诗")
    r"|赞(?:一赞|一下|下|吓|扬)|赞(?=佢|他|她|伊|你们|一句|几句)"
)
_ZH_FEEDBACK = re.compile(
    # (帮我 asks whoever reads it to pass it on: "侬帮我反映反映", not "你帮我评价一下这个手机")
    rf"(?:(?<![你您])(?<![你您]们)(?:想|要|想要|我要|我想|怎么|怎样|如何|哪里|在哪|能不能|可不可以|可以|得|必须)"
    rf"|(?<![你您])(?<![你您]们)帮我|(?:帮我|替我)(?=[{_ZH}]{{0,10}}?(?:反映|投诉|提(?:个|点|些)?(?:意见|建议)|表扬)))"
    # (not the opinions of others read: "想看看大家对夜校的评价", "你怎么评价", "你们怎么评价")
    rf"(?P<target>(?:(?!看|听|知道|了解|查|问|读)[{_ZH}]){{0,10}}?)(?:{_ZH_FEEDBACK_HEAD})(?P<after>[{_ZH}]{{0,10}})"
    # "对你们食堂有意见": an opinion held about one of ours
    rf"|对(?P<target2>[{_ZH}]{{1,10}}?)有(?:点|些|一点|很大的?|好多)?(?:意见|看法|不满)"
    # a rating given to one of ours named at length: "我想对今天上午的法律咨询做个评价"
    rf"|对(?P<target3>[{_ZH}]{{1,16}}?)(?:做|打|写|给)(?:个|一个|一下|点|些)?(?:评价|评分|好评|差评|表扬)"
)
# the head first, then how or to whom: "（等了一个多钟头）意见怎么提", "建议去哪里提", "投诉要找谁"
_ZH_FEEDBACK_WHERE = re.compile(
    r"(?:意见|建议|投诉|表扬)(?:要|该|可以|能|应该)?(?:怎么|怎样|如何|去哪里?|到哪里?|在哪里?|往哪里?)"
    r"(?:提|反映|投诉|交)"
    r"|(?:意见|建议|投诉)(?:要|该|可以|能|应该)?(?:找谁|向谁|跟谁|给谁|找哪个|找哪位)"
)
# something good or bad said, and the wish to say it: "红烧鱼太腥了，想说一说"
_ZH_SAY_IT = re.compile(
    r"(?:想|要|得|必须)(?:跟你们|和你们|给你们)?(?:说一说|说说|讲讲|讲一讲|说一下|讲一下)"
)
_ZH_JUDGED = re.compile(
    r"太[\u4e00-\u9fff]{1,2}了|不好|难吃|好吃|不错|不像样|一塌糊涂|脏|臭|吵|坏了|坏着|腥|咸|淡"
    r"|凉了|冷了|态度|耐心|热情"
    # a long wait: "配个药排了一个多钟头", "拍个照等了四十分钟"
    r"|(?:排|等)(?:队)?(?:排)?了?[一二两三四五六七八九十几半\d]+个?多?个?(?:钟头|小时|分钟)"
)
_EN_FEEDBACK = re.compile(
    # (the wish said without its "i" after a story: "the fish had bones, want to leave a note")
    r"(?:^|[,;]\s*)(?:want|wanna|would\s+like|need)\s+to\s+(?P<bare>leave\s+(?:a\s+)?note)\b"
    r"|\b(?:i\s+(?:want|wanna|need|would\s+like|'d\s+like)|i'?d\s+(?:like|love)|how\s+(?:can|do|could)\s+i"
    r"|where\s+(?:can|do|could)\s+i|can\s+i|let\s+me|i\s+must|i\s+have\s+to|i'?m\s+going)\s+(?:to\s+)?"
    r"(?:\w+\s+){0,2}?(?P<head>rate|review|praise|compliment|complain|thank|say\s+(?:a\s+(?:big\s+)?)?"
    r"thank(?:s|\s+you)?|give\s+(?:some\s+)?(?:feedback|praise|a\s+rating)|leave\s+(?:a\s+)?"
    r"(?:review|comment|rating|note)|leave\s+(?:a\s+)?message(?=[^.?!]{0,40}\babout\b)"
    # a complaint made in so many words: "make an official complaint", "lodge a complaint"
    r"|(?:make|file|lodge|submit|put\s+in|raise)\s+(?:a\s+|an\s+)?(?:official\s+|formal\s+)?complaint)\b"
    r"(?P<target>[^.?!]{0,40})"
)
# A story told, then passed on to the centre with no word of praise or complaint: "想让你们领导
# 晓得", "这个事情应该让你们知道", "你们记一记", "你们管管好伐", "侬帮忙反映反映", "我想谢谢伊",
# "we'd like him to know", "could you pass this on to whoever…", "can this get to whoever runs
# the kitchen", "how can she send in suggestions"; 头诉 is 投诉 typed by its sound
_ZH_TOLD = re.compile(
    r"让(?:你们|您们|侬)(?:的)?(?:领导|负责的人?|头头)?(?:也)?(?:晓得|知道)"
    r"|(?:你们|侬)(?:帮忙|帮帮忙)?(?:记一记|记一下|记下来|记记)"
    r"|(?:你们|侬|有没有人)(?:来)?管管(?:好|看)?(?:伐|吗|呢|好伐)?"
    r"|反映反映|(?:跟|和|向|给)(?:你们|侬)反映"
    r"|(?:想|要|得)(?:好好)?(?:谢谢|感谢)(?:伊|他|她|他们|她们|伊拉|那位|那个)|头诉"
)
# passed on by whoever reads it (round twenty-eight, dev108): "麻烦转告一下", "请帮忙转达",
# "帮阿拉带个话" (not to one's own family: "麻烦转告我妈早点回家"; a second reader, r2)
_ZH_RELAYED = re.compile(
    r"(?:麻烦|请|烦请|帮忙|帮帮忙|帮我|替我|帮阿拉|帮我们)(?:你们|侬)?(?:帮忙)?(?:转告|转达|带个话|带句话)"
    r"(?!\s*(?:一下)?\s*(?:给)?\s*(?:我(?!们)|阿拉屋里|家里|屋里))"
)
# …nor with a question asked beside it: "麻烦转告一下，卫生站周日开吗" asks the hours
_RELAY_ASKS = re.compile(
    r"[?？]|吗|伐|能不能|可不可以|开不开|几点|几时|什么时候|啥时候|是不是|有没有|请问|\b(?:when|what|is|are|can)\b"
    # …nor with one's absence or an order as the message: "请转告王老师，明天书法课我请假",
    # "麻烦转告食堂，下礼拜六我们要订十桌" (the class's leave, a booking; not a judgement)
    r"|请假|不来了|来不了|去不了|不去了|缺课|缺席|预订|预约|要订|订(?:个|一|两|几|十|桌|餐|位|饭)"
)
_EN_TOLD = re.compile(
    r"\b(?:want|like|wanted|would\s+like|'d\s+like)\s+(?:whoever|him|her|them|the\s+(?:staff|person|people|lady|man|"
    r"young\s+man|nurse|doctor|teacher|cook)|your\s+staff|someone|you)\b[^.?!]{0,30}?\bto\s+know\b"
    r"|\bpass\s+(?:this|it|that|these|my|our|her|his)\s+(?:\w+\s+)?on\s+to\b"
    r"|\bpass\s+on\s+(?:my|our|her|his|their)\s+(?:thanks|gratitude|comments?|compliments?)\b"
    r"|\b(?:can|could)\s+(?:this|it|that)\s+(?:get|go|be\s+passed)\s+(?:on\s+)?to\s+(?:whoever|the\s+person"
    r"|someone)\b"
    r"|\bsend\s+in\s+(?:some\s+|her\s+|his\s+|my\s+|our\s+)?(?:suggestions|ideas|feedback|comments)\b"
    # "someone should hear about this", "somebody ought to know about this"
    r"|\b(?:someone|somebody|you(?:\s+guys)?|your\s+(?:staff|manager|boss|team)|the\s+(?:manager|staff"
    r"|management))\s+(?:really\s+)?(?:should|ought\s+to|needs?\s+to|must|has\s+to)\s+(?:hear|know)\s+"
    r"about\s+(?:this|it|that)\s*(?=$|[.!,;])"
    # how a visit went, told: "I'd like to tell you how my visit to the legal aid desk went"
    r"|\b(?:like|love|want|wanted)\s+to\s+tell\s+(?:you|someone|somebody)\s+(?:about\s+)?how\b[^.?!]{0,50}?"
    r"\b(?:went|was|were|has\s+been)\b"
    # a fault passed on: "how do I let you guys know the wifi keeps dropping"
    r"|\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+let\s+(?:you|you\s+guys|you\s+all|your\s+staff|the\s+staff"
    r"|someone|somebody)\s+know\s+(?:that\s+)?(?:about\s+|the\s+|there'?s\s+|our\s+|your\s+)"
)
# …about another institution than ours ("小区物业的保安…应该让你们知道"): not our form
_TOLD_ELSEWHERE = re.compile(
    r"物业|居委|派出所|城管|12345|淘宝|京东|拼多多|卖家|商家|快递|外卖|房东|司机|老板"
    r"|\b(?:landlord|driver|airline|bank|boss|employer|hotel|restaurant|shop)\b"
)
# words asked for, not thanks given: "how do i say thank you in shanghainese"
_HOW_TO_SAY = re.compile(r"\bhow\s+(?:do\s+(?:i|you|we)|to|would\s+(?:i|you)|can\s+i)\s+say\b")

# An opinion told, not asked: no question in it, a judgement of ours in it ("食堂今天的红烧肉太咸
# 了", "卫生站的王医生态度真好", "the nurse at the health station was really kind"); whose it
# is (a place of ours, its people, its food) the decision stage checks
_ASKED = re.compile(
    r"[?？]|吗|呢|伐|么|什么|怎么|哪|(?<!好)几|多少|能不能|可不可以|是不是|有没有|[咸淡贵甜辣]不[咸淡贵甜辣]"
    r"|开不开|好不好|请问|为什么|如何|谁|能否|行不行"
    r"|^(?:what|when|where|how|who|why|which|can|could|is|are|do|does|did|will|would|should|may"
    r"|any)\b|\b(?:or\s+not|right)\s*$"
)
_ZH_OPINION = re.compile(
    r"太[一-鿿]{1,2}了|(?:很|真|蛮|老|非常|特别|挺)(?:好|差|棒|耐心|热情|细心|负责|干净|脏|吵|慢|凶"
    r"|好吃|难吃|专业|周到|客气|不错)|好吃|难吃|不错|不像样|一塌糊涂|坏了|坏掉|坏脱|不灵|漏水"
    r"|态度(?:很|真|太|老|蛮)?(?:好|差|不好|恶劣|凶)|谢谢|感谢|辛苦了|满意|失望|凉的|冷的|馊"
    # an event praised ("活动办得老好的"), a fitting missing or broken for days ("没有手纸好几天了")
    r"|(?:办|搞|弄|组织|安排)得(?:老|蛮|很|真|挺|非常|特别)?(?:好|棒|成功|热闹|精彩)"
    r"|(?:没有?|坏|不亮|用不了|不能用)[^。？?，,\s]{0,6}?(?:好几天|几天|好久|一个礼拜|一个星期|半个月)了"
    # round twenty-three: a fault told with no complaint word (dev78): worse and worse ("饭菜越来越
    # 咸"), the Shanghainese 得来 ("冷得来", "吵得来"), a manner ("不耐烦"), a thing not heard or
    # got past ("喇叭听不清", "轮椅过不去"), fittings broken ("锁一半是坏的"), smoke, food gone by
    # a time ("红烧肉已经没了"); praise told as rarity ("现在这样的医生不多了")
    r"|越来越(?:咸|淡|贵|少|差|难吃|油|慢|挤|吵|脏|冷|热|凶|小|敷衍)"
    # …or day by day (round thirty): "食堂饭菜一天比一天差", "一顿比一顿咸"
    r"|一(?:天|顿|次|趟|回)比一(?:天|顿|次|趟|回)(?:咸|淡|贵|少|差|难吃|油|慢|挤|吵|脏|冷|凶|小|敷衍)"
    r"|(?:冷|热|烫|吵|凶|挤|脏|咸|闷|暗|臭|慢|贵)得来|不耐烦|爱理不理|听不清|听不见|过不去|进不去"
    r"|(?:一半|全|都|好几个)是坏的|烟味|吃香烟|抽烟|(?:已经|早就|老早)(?:卖)?(?:没了|光了|卖完了)"
    r"|这样的[^。？?，,\s]{0,4}?不多了"
    # the toilets out of paper or soap, or blocked, told (round twenty-nine, spent23: "一楼厕所
    # 没纸了", "卫生间没有洗手液了", "二楼洗手间又堵了"); whose toilets the decision stage checks
    r"|(?:厕所|卫生间|洗手间|厕纸|马桶)[^。？?，,\s]{0,6}?(?:(?:没有?|缺)(?:手纸|卫生纸|厕纸|纸巾|擦手纸"
    r"|纸|洗手液|肥皂|香皂|水)(?:了|(?=\s*(?:[。！!，,~～]|$)))|(?:又|也)?堵(?:住|牢)?了|冲不下去|满出来了)"
    # …typed short, at the message's end: "食堂 太咸 😤", "健身房 太热" (not asked: "明天去健身房
    # 会不会太挤", "是不是太贵", "怕太冷")
    r"|(?<![会是怕])太(?:咸|淡|贵|辣|油|吵|脏|冷|热|慢|挤|凶|臭|闷|难吃|差劲?)(?=\W*$)"
)
_EN_OPINION = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|got|looks?|tasted?)\s+(?:really\s+|so\s+|very\s+|too\s+"
    r"|absolutely\s+|quite\s+|a\s+bit\s+|super\s+|extremely\s+|incredibly\s+|pretty\s+|rather\s+)?(?:great|excellent|lovely|amazing|wonderful|terrible|awful"
    r"|horrible|cold|rude|dirty|filthy|noisy|slow|broken|delicious|tasty|kind|helpful|patient|friendly"
    r"|bland|salty|greasy|out\s+of\s+order)\b|\bthank\s+you\b|\bthanks\b"
    # food full of bones, a worry, a long wait: "full of tiny bones", "waited 40 minutes"
    r"|\bfull\s+of\s+(?:tiny\s+|small\s+)?(?:bones|salt|oil|grease|fat)\b|\bthat\s+worries\s+me\b"
    r"|\b(?:waited|queued)\s+(?:for\s+)?(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?(?:\d+|an?|one|two"
    r"|half\s+an)\s+(?:minutes?|mins?|hours?)\b"
    # a fault or a kindness told with no word of judgement (dev78): "so loud I can't hear",
    # "the mic kept cutting out", "stayed with me for almost an hour"
    r"|\b(?:so|too)\s+loud\b|\b(?:can'?t|couldn'?t|could\s+not|nobody\s+(?:\w+\s+){0,4}?could)\s+hear\b"
    r"|\bkept\s+(?:cutting|dropping|breaking)\s+(?:out|off|down)\b|\bstayed\s+with\s+(?:me|us|my\s+\w+)\b"
    r"|\btook\s+the\s+time\s+to\b"
    # the toilets out of paper or soap, or blocked (round twenty-nine, spent23): "the toilet on
    # the 2nd floor has no paper", "the restrooms have run out of soap", "the loo is blocked"
    r"|\b(?:toilets?|restrooms?|bathrooms?|loos?|washrooms?|ladies'?|gents'?|(?:wo)?men'?s\s+room)\b"
    r"[^.?!]{0,30}?"
    r"\b(?:(?:has|have)\s+no|(?:is|are)\s+out\s+of|(?:has|have)\s+run\s+out\s+of|ran\s+out\s+of"
    r"|no\s+more)\s+(?:toilet\s+|hand\s+)?(?:paper|tissues?|soap|water)\b"
    r"|\b(?:toilets?|loos?)\s+(?:is|are)\s+(?:blocked|clogged|overflowing)\b"
    # a fault typed short, at the message's end (round twenty-seven, dev104): "gym aircon
    # broken 😡", "shower not working", "canteen too salty"
    r"|\b(?:broken|busted|not\s+working|out\s+of\s+order|leaking|filthy|too\s+(?:hot|cold|loud"
    r"|noisy|salty|greasy|crowded|dirty|smelly))(?=\W*$)"
    # praise in a set phrase (r26 dev97): "great job on the new reading room", "well done to the
    # canteen team", "the best thing in the neighbourhood"
    r"|\b(?:great|good|fantastic|brilliant|amazing|awesome|excellent|nice|lovely)\s+(?:job|work)\b"
    r"(?!\s+(?:fairs?|centres?|centers?|agenc|opportunit|ads?|listings?|search|hunting))"
    r"|\bwell\s+done\b|\bthe\s+best\s+thing\b|\bkudos\b"
    # a fault told as a verdict (round thirty): "late three times, not good enough", "that's
    # unacceptable"
    r"|\bnot\s+good\s+enough\b|\bunacceptable\b"
    # (late told of one of ours, not of a bus or one's son: "the bus was late three times, is
    # the library open"; a second reader, round thirty)
    r"|\b(?:teachers?|doctors?|nurses?|staff|lawyers?|volunteers?|coach|instructors?|tutors?|class"
    r"|classes|lessons?|sessions?|lunch|dinner|breakfast|food|meals?|he|she|they)\s+"
    r"(?:was|were|is|are)\s+(?:always\s+|often\s+)?late"
    r"\s+(?:again|(?:two|three|four|five|several|many|\d+)\s+times)\b"
    r"|\bgetting\s+(?:saltier|colder|worse|louder|dirtier|smaller|slower|greasier|ruder)\b"
)


# round twenty-five: a result judged poor ("照相馆拍得一点都不好看", "头剪得老难看"), a redo or a
# refund refused ("还不给重拍", "不肯退")
_ZH_POOR_RESULT = re.compile(
    r"一点(?:都|也|儿也|儿都)不(?:好看|好|行|清楚|像|耐心|热情|专业|干净|新鲜|灵|准)"
    r"|(?:拍|做|剪|烧|弄|修|画|理|照)得(?:很|太|真|老|蛮|特别|非常)?(?:难看|不好看|不好|差|丑|糊|模糊)"
    r"|不(?:给|肯|让)(?:我|阿拉|人家)?(?:重拍|重新拍|重做|重新做|重剪|退钱|退款|退|换)"
)
_EN_POOR_RESULT = re.compile(
    r"\b(?:came\s+out|turned\s+out|looked?)\s+(?:really\s+|so\s+|very\s+|pretty\s+)?(?:awful|terrible"
    r"|horrible|bad|blurry|ugly)\b|\b(?:wouldn'?t|won'?t|refused\s+to)\s+(?:redo|retake|reshoot"
    r"|refund|re-?take)\b"
)
# A fault told by its degree, Shanghainese or plain: "吵煞了", "冷死了", "咸煞", "音乐放得老响",
# "声音开得太响" (not hunger or tiredness, the resident's own)
_ZH_DEGREE = re.compile(
    r"(?:吵|冷|热|烫|闷|挤|脏|咸|淡|油|臭|慢|贵|凶|暗|响|难吃|难闻|冻)(?:煞|死)(?:了|脱了|人)?"
    # a fitting that warms or cools not doing it (round twenty-seven, spent21): "空调一点不热",
    # "暖气不暖", "淋浴没有热水" (not "热不热", asked)
    r"|(?:空调|暖气片?|地暖|取暖器|电热器|淋浴|热水器|热水)[\u4e00-\u9fff]{0,4}?"
    r"(?:(?<![热暖])不(?:热|暖|暖和|制热|制冷|凉快|出热水)|没有?热水|(?<![热暖])冰冷)"
    r"|(?:放|开|弄|调)得?(?:老|蛮|很|太|特别|非常|交关|忒)响"
)


# A fault told, then a wish for better put as a question (round twenty-five, dev90): "红烧肉太咸了
# …好不好烧得淡一点", "律师讲话太快…下趟好不好慢慢讲" — a suggestion, not a question of fact
_FAULT_TOLD = re.compile(
    r"太[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff](?:煞|死)了|听不清|听不懂|吃不消|看不清"
)
_BETTER_WISHED = re.compile(
    r"(?:好不好|能不能|可不可以|可以|能否|麻烦|希望|最好)[\u4e00-\u9fff]{0,6}?"
    r"(?:[淡慢轻小少低软烂清响大脆高暖热快稀稠甜咸短长][一]?[点些]|慢慢|清楚点|清楚一点"
    # more (fewer) of a thing or of people put on: "排队太久了 能不能多安排个医生", "人太多了 可不
    # 可以多放几台跑步机", "菜太咸了 能不能少放点盐"
    r"|[多少](?:安排|派|开|加|配|放|设|招|排)(?:[一两几]?(?:个|台|位|名|点|些|张|间)|一些))"
)


# A fault told, then a reproach put as a question that wants no answer (r26 dev97): "包子是冷
# 的…你们食堂能不能上点心", "跑步机坏了…交了年费就这样？", "排了一个半小时…你们不知道人多吗"
_ZH_REPROACH = re.compile(
    r"(?:能不能|可不可以|就不能|好不好|能否)(?:稍微|多)?(?:上点心|用点心|上上心|上心|长点心|负点责任?"
    r"|负责任?一?点|认真一?点|有点责任心)"
    r"|就这样[?？!！]|就(?:这样|这么)(?:对待|服务|糊弄|敷衍)"
    r"|(?:你们|侬)(?:难道|就|都)?不(?:知道|晓得|清楚)[^。？?]{0,12}?(?:吗|伐|啊)"
    r"|像(?:什么|啥)样子?|像话(?:吗|伐)|(?:什么|啥)(?:服务|态度)[?？!！]|还让不让人"
)
_ZH_WAITED = re.compile(
    r"(?:排|等)(?:队)?(?:排|等)?了?(?:整整)?[一二两三四五六七八九十几半\d]+个?(?:多|半)?个?(?:钟头|小时)"
)


def reproached(text: str) -> bool:
    """Whether ``text`` (normalised) tells a fault of ours and reproaches it with a question
    that wants no answer."""
    reproach = _ZH_REPROACH.search(text)
    if reproach is None:
        return False
    told = text[: reproach.start()]
    return bool(
        _ZH_OPINION.search(told)
        or _ZH_JUDGED.search(told)
        or _ZH_DEGREE.search(told)
        or _ZH_WAITED.search(told)
        or _ZH_POOR_RESULT.search(told)
    )


def fault_with_wish(text: str) -> bool:
    """Whether ``text`` (normalised) tells a fault of ours and wishes it better."""
    fault = _FAULT_TOLD.search(text)
    return fault is not None and _BETTER_WISHED.search(text, fault.end()) is not None


def judged_statement(text: str) -> bool:
    """Whether ``text`` (normalised) tells an opinion and asks nothing."""
    if _ASKED.search(text):
        return False
    return bool(
        _ZH_OPINION.search(text)
        or _EN_OPINION.search(text)
        or _ZH_POOR_RESULT.search(text)
        or _EN_POOR_RESULT.search(text)
        or _ZH_DEGREE.search(text)
    )


# --- events --------------------------------------------------------------------------------
# kinds of event: a gathering, a show or talk, a festival's doings
_ZH_EVENT_KIND = (
    r"联谊|交友|相亲|联欢|聚会|派对|晚会|游园|灯谜|包粽子|包饺子|做月饼|做汤圆|搓汤圆|写春联|写福字"
    r"|赏月|赏灯|踏青|秋游|春游|义诊|义剪|集市|市集|路演|讲座|沙龙|展览|演出|比赛|观影|放电影"
    r"|包馄饨|包汤圆|送福字|送春联|写对联|剪窗花|挂灯笼"
    # the old people's feasts and doings around 重阳 (round twenty-five, dev90)
    r"|百家宴|敬老宴|长寿宴|寿宴|茶话会|敬老活动|尊老活动|孝亲活动"
    # things swapped or sold second-hand among neighbours (round twenty-six, dev99)
    r"|跳蚤市场|跳蚤市集|二手市集|旧物交换|以物换物|换物(?:会|活动)|义卖"
)
_ZH_SHOWN = r"讲座|路演|演出|展览|沙龙|比赛|晚会|联欢会|放映"
_ZH_EVENTS = re.compile(
    # whether there is one of a kind named: "端午有没有包粽子的", "有没有年轻人交友联谊的" (not
    # a class that teaches it, or a thing sold: "有没有教包饺子的", "有没有粽子卖的")
    rf"有没有(?!教|卖|人教)(?:(?!教|卖|课|班)[{_ZH}]){{0,8}}?(?:{_ZH_EVENT_KIND})"
    rf"(?:(?!教|卖|课|班)[{_ZH}]){{0,4}}?的(?=$|[\s,，。?？!！]|活动|吗|伐|呢)"
    # or straight after 有/搞/办, with no 的: "元宵节有猜灯谜吗", "中秋节有没有猜灯谜", "搞不搞联欢"
    # (asked: "听说有市集" told beside a venue's hours is not)
    rf"|(?:有没有|搞不搞|办不办)(?:什么|啥)?(?!教|卖|人教)(?:猜|看|办|搞)?(?:{_ZH_EVENT_KIND})(?:的?活动)?"
    r"(?=$|[\s,，。?？!！]|吗|伐|么|呢)"
    rf"|(?:有|搞|办)(?!教|卖|人教)(?:猜|看|办|搞)?(?:{_ZH_EVENT_KIND})(?:的?活动)?"
    r"(?=吗|伐|么|没有|没|呢|不)"
    # a feast or the old people's doings named, then what it holds or its sign-up ("敬老活动有
    # 没有义诊", "百家宴 我们能报名吗"): as the event asked
    r"|(?:百家宴|敬老宴|长寿宴|茶话会|敬老活动|尊老活动|孝亲活动)[^。？?!！]{0,16}?"
    r"(?:报名|参加|有没有|有[\u4e00-\u9fff]{0,8}?(?:吗|伐|么))"
    # how to go to a talk or show: "企业路演怎么去听", "健康讲座在哪报名"
    rf"|(?:{_ZH_SHOWN})(?:要|该)?(?:怎么|怎样|如何|哪里|在哪|去哪)(?:才能|可以|能)?(?:去)?"
    r"(?:听|看|参加|报名|报)"
    rf"|(?:最近|近期|周末|这周|本周|下周|这个月|下个月|中心|驿站|社区|节日|过节)[{_ZH}]{{0,4}}?有(?:啥|什么|哪些|没有)"
    r"(?:安排|节目|新鲜事|好看的|看头)"
    r"|组织(?:旅游|出游|参观|郊游|秋游|春游)"
    # a doing of the season, organised: "植树节中心组织种树吗", "社区组织去植树伐"
    r"|组织(?:大家|居民|我们)?(?:去)?(?:种树|植树|踏青|采摘|登高)(?:活动)?(?=吗|伐|么|不|没有|呢|[?？]|\s*$)"
    rf"|有(?:啥|什么|没有|哪些|点啥|点什么)?(?:好玩|好白相|热闹|有意思|有趣)的"
    rf"|(?:参加|报名|报)[{_ZH}]{{0,6}}?活动(?![室中空])"
    # …or a competition, show or talk ("我想报名参加合唱比赛", "报名书法展览", "合唱比赛 哪里报";
    # round twenty-eight, spent27): an event, not a class
    rf"|(?:参加|报名|报)(?:参加)?(?:(?!课|班)[{_ZH}]){{0,6}}?(?:{_ZH_SHOWN})(?![室厅场馆])"
    rf"|(?:{_ZH_SHOWN})\s+(?:要|该)?(?:怎么|怎样|如何|哪里|在哪|去哪)(?:才能|可以|能)?(?:去)?(?:参加|报名|报)"
    # a talk or an event one may go to: "有 talk 或者 讲座 可以去听吗", "活动 可以参加"
    rf"|(?:{_ZH_SHOWN}|活动)\s*(?:可以|能|好)\s*(?:去)?\s*(?:参加|听|看)"
    # …with whom one goes: "有什么志愿活动可以带孩子参加", "讲座能带我妈一道去听吗"
    rf"|(?:{_ZH_SHOWN}|活动)\s*(?:可以|能|好)\s*(?:带|陪|领)(?:着)?[{_ZH}]{{1,4}}?(?:一道|一起|一块儿?)?"
    r"(?:去)?(?:参加|听|看)"
    # something lively to join or see: "你们那边有啥热闹好凑", "有什么热闹可以看看"
    r"|有(?:啥|什么|点啥|点什么|哪些)(?:热闹|好玩|好白相)(?:的)?(?:好凑|可以凑|凑凑|可以看|好看|看看|可以去)?"
    # round twenty-five (spent18): an event named by its doing, its day or its sign-up asked
    # ("写春联送福字是哪天", "包馄饨的活动怎么报名", "猜灯谜在哪报名")
    rf"|(?:{_ZH_EVENT_KIND})(?:(?!教|卖|课|班)[{_ZH}]){{0,6}}?(?:的?活动)?(?:是|在)?"
    r"(?:哪天|哪一天|几号|什么时候|啥时候)(?:呀|啊|呢|吗)?(?=$|[\s,，。?？!！])"
    rf"|(?:(?!教|卖|课|班)[{_ZH}]){{1,8}}?的?活动(?![室中空])(?:要|该)?(?:怎么|怎样|如何|哪里|在哪|去哪)"
    r"(?:才能|可以|能)?(?:报名|报|参加)"
    # a talk or show of a kind, 有没有 … 的 讲座 ("有没有教老年人防诈骗的讲座": what it teaches
    # said before it), or an exhibition by its kind ("最近有没有摄影展可以看看", "有没有书画展"; not
    # "有没有进展")
    rf"|有没有[{_ZH}]{{1,12}}?的(?:{_ZH_SHOWN})(?=$|[\s,，。?？!！]|吗|伐|么|呢|可以|能|好)"
    rf"|有没有(?:什么|啥)?(?:(?!进|发|拓|伸|开)[{_ZH}]){{1,4}}?展(?:览)?"
    r"(?=$|[\s,，。?？!！]|吗|伐|么|呢|可以|能|好)"
    # what is on show: "这阵子在展点啥", "活动空间最近在展什么"
    r"|(?:在|正在)展(?:点|些|的是)?(?:啥|什么)|展(?:点|些)(?:啥|什么)|(?:展出|展览)(?:点|些|的是|了)?(?:啥|什么|哪些)"
    # typed short, 活动 a word of its own at the end (round twenty-seven, dev104): "七夕 活动?",
    # "暑假 小孩 活动", "活动?" (not a sale: "优惠 活动"; not another owner's: "小区 活动?")
    r"|^(?!.*(?:医院|学校|幼儿园|单位|公司|居委|街道|小区|物业|商场|公园))(?:.{0,30}\s)?"
    r"(?<!优惠\s)(?<!打折\s)(?<!促销\s)活动\s*[?？]*\s*$"
)
# an event heard of, and its day asked: "听说重阳节有敬老活动 包饺子啥的 是哪天啊" (not another
# owner's: "社区医院有义诊活动 是哪天")
_ZH_EVENT_DAY = re.compile(
    rf"有[{_ZH}]{{0,8}}?活动(?![室中空])[^。？?]{{0,12}}?(?:是|在)?(?:哪天|哪一天|几号|什么时候|啥时候|哪几天)"
)
# an event of a kind asked with 有…活动 ("冬至有包汤圆活动伐", "重阳节有敬老活动吗", "周末有活动
# 伐"): not a sale ("健身房有优惠活动吗": the card's price), not another owner's (_EVENT_ELSEWHERE)
_ZH_EVENT_ASKED = re.compile(
    rf"有(?:没有)?(?!教|卖|人教)(?:(?!优惠|打折|促销|折扣|满减|充值|特价|团购|办卡)[{_ZH}]){{0,6}}?的?"
    r"活动(?![室中空])(?=吗|伐|么|没有|没|呢|不|[?？])"
    # "有没有适合单身青年的联谊活动": asked with 有没有, for whom told at length, nothing after
    # (for whom said: not "礼拜六健身房有没有团体活动", a place's own on a day; a second reader)
    # (or with 有什么, 有咩: "呢个礼拜有咩适合后生仔嘅活动", round twenty-eight)
    rf"|有(?:没有|什么|啥|哪些|点什么|点啥)(?=[{_ZH}]{{0,10}}?(?:适合|给|为了?|针对|面向|专门|关于))"
    rf"(?:(?!优惠|打折|促销|折扣|满减|充值|特价|团购|办卡)[{_ZH}]){{0,12}}?的?"
    # (or a talk, a show: "有没有针对妇女的免费健康讲座")
    rf"(?:活动(?![室中空])|{_ZH_SHOWN}|义诊)(?=\s*$|[?？。!！])"
    # two kinds offered as a choice (round twenty-nine, spent29): "有登高或者赏菊花的活动伐",
    # "有没有包饺子和做汤圆的活动"
    rf"|有(?:没有)?(?!教|卖|人教)(?:(?!优惠|打折|促销|折扣|满减|充值|特价|团购|办卡)[{_ZH}]){{1,6}}?"
    rf"(?:或者|或是|还是|和|跟|或|、)(?:(?!优惠|打折|促销|折扣|满减|充值|特价|团购|办卡)[{_ZH}]){{1,6}}?的?"
    r"活动(?![室中空])(?=吗|伐|么|没有|没|呢|不|[?？])"
    # an event heard of, what it holds asked (round thirty): "听说中心要搞元旦活动 具体有哪些",
    # "重阳节的活动都有啥" (not a sale's: "优惠活动有哪些"; nor a room: "活动室有什么")
    r"|(?<!优惠)(?<!打折)(?<!促销)(?<!充值)活动(?![室中空])[\s,，]*(?:具体|都|到底|主要)*"
    r"(?:有哪些|有什么|有些什么|有点什么|是什么|是哪些)(?:内容|项目|节目|安排)?"
    r"(?=\s*$|[?？。!！]|吗|呢|啊|呀)"
)
_EVENT_ELSEWHERE = re.compile(
    r"医院|学校|幼儿园|单位|公司|居委|街道|寺|庙|教堂|商场|公园|博物馆|美术馆|图书馆|小区|物业"
)
_CLAUSE_END = re.compile(r"[\s,，。?？!！;；]")


_EN_EVENT_HEARD_ELSEWHERE = re.compile(
    r"\b(?:library|museum|park|mall|school|church|temple|hospital|university|gallery|cinema|theatre"
    r"|theater|bar|pub|hotel|stadium|city|town|downtown)\b"
)


def _event_asked_of_ours(text: str) -> re.Match[str] | None:
    """An event asked with 有…活动, unless another owner is named up to the end of its clause:
    who goes, told after it, is the story ("三八节有啥活动伐 阿拉小区几个姐妹想一道去"), but
    "社区医院有义诊活动 是哪天" and "公园 周末有活动吗" are another's."""
    found = _ZH_EVENT_DAY.search(text) or _ZH_EVENT_ASKED.search(text)
    if found is None:
        return None
    end = _CLAUSE_END.search(text, found.end())
    return None if _EVENT_ELSEWHERE.search(text, 0, end.start() if end else len(text)) else found


_EN_EVENTS = re.compile(
    r"\b(?:sign\s+(?:me\s+|us\s+)?up|register|join|book|enrol?l?)\s+(?:for|in|on|to)?\s*(?:an?\s+|the\s+|your\s+"
    r"|some\s+)?(?:\w+\s+)?(?:events?|activit(?:y|ies)|talks?|outings?|trips?|exhibitions?"
    r"|(?:exhibition|show|gallery)\s+openings?|screenings?|concerts?)\b(?!\s+(?:space|room|hall))"
    r"|\bwhat'?\s?s\s+(?:happening|going\s+on|on)\s+(?:at|in)\s+(?:the\s+)?(?:centre|center|station)\b"
    # a festival's doings: "what's happening for double ninth festival at the centre"
    r"|\bwhat'?\s?s\s+(?:happening|going\s+on|on|planned)\s+(?:for|over|during)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:festival|new\s+year|holidays?|mid-autumn|christmas)\b"
    r"|\bwhat'?\s?s\s+(?:happening|going\s+on)\s+(?:this|next|on|at\s+the)\s+(?:weekend|week|month"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\banything\s+for\s+(?:\w+\s+){1,2}to\s+(?:do|join|go\s+to)\b"
    # doings asked with no event word: "any mid-autumn stuff going on?", "anything for kids
    # during golden week", "anything on for seniors this weekend"
    r"|\b(?:any|anything|something)\s+(?:[\w-]+\s+){0,2}?(?:stuff|things)\s+(?:going\s+on|happening"
    r"|on|planned)\b|\banything\s+(?:on\s+|going\s+on\s+|happening\s+|fun\s+)?for\s+(?:the\s+)?"
    r"(?:kids|children|grandkids|grandchildren|teens|teenagers|seniors|elderly|families)\b"
    r"(?=\s*(?:$|[?.!,]|during|over|this|next|on|at\s+the\s+(?:centre|center)))"
    r"|\b(?:any|is\s+there\s+an?|are\s+there\s+any|will\s+there\s+be\s+an?y?)\s+(?:\w+\s+){0,2}?"
    r"(?:concerts?|parties|party|shows?|performances?|celebrations?|outings?|excursions?|mixers?"
    r"|socials?|get-?togethers?|meet-?ups?|fairs?|screenings?|flea\s+markets?|swap\s+meets?"
    r"|(?:toy|book|clothes)\s+swaps?|jumble\s+sales?|rummage\s+sales?)\b"
    # an event, talk or workshop of a kind: "is there a qixi event for couples", "any talks"
    r"|\b(?:any|is\s+there\s+an?|are\s+there\s+any|will\s+there\s+be\s+(?:an?|any))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:events?|activit(?:y|ies)|workshops?|talks?|lectures?)\b"
    r"(?!\s+(?:space|room|hall|area))"
)


# --- a person wanted: to call back, to get in touch, to come round --------------------------
# someone of the resident's, for whom a call is asked
_ZH_KIN = (
    r"(?:我|伊|他|她|阿拉)?(?:家)?(?:爸爸|妈妈|爸妈|爸|妈|父母|父亲|母亲|爷爷|奶奶|外公|外婆|公公|婆婆"
    r"|岳父|岳母|丈母娘|老丈人|老人家|老人|老太太|老先生|老伯伯|老伯|阿婆|姆妈|阿爸|东家|邻居|家里人)"
)
_ZH_PERSON = re.compile(
    rf"(?:工作人员|你们的?(?:人|同事)|人工)[{_ZH}]{{0,6}}?(?:给我|帮我|替我|跟我|和我|给伊|给他|给她)?"
    r"(?:回(?:个|一个)?电话|打(?:个|一个)?电话|联系(?:我|一下我|伊|他|她)|回(?:个)?话|上门)"
    # (有人 only for the resident: "有人能给我回个电话吗", not "老有人大声打电话")
    rf"|有人[{_ZH}]{{0,4}}?(?:给我|帮我|替我|跟我|和我|给伊|给他|给她)"
    r"(?:回(?:个|一个)?电话|打(?:个|一个)?电话|联系(?:我|一下我|伊|他|她)|回(?:个)?话|上门)"
    r"|有人(?:能|可以|会)?(?:联系(?:我|一下我|伊|他|她)|上门)"
    # for someone else (round thirty, dev126): "麻烦你们打个电话给我妈", "让人给老太太回个电话"
    rf"|(?:你们|侬拉|工作人员|有人|让人|叫人|请人|找人|找个人)[{_ZH}]{{0,4}}?(?:给|帮)(?:{_ZH_KIN})"
    r"(?:回|打)(?:个|一个)?电话"
    rf"|(?:你们|侬拉|工作人员|有人|让人|叫人|请人|找人|找个人)[{_ZH}]{{0,4}}?(?:回|打)(?:个|一个)?电话给(?:{_ZH_KIN})"
)
# what only a person can say: the staff's languages ("does anyone at the window speak
# english"), a dish made on request ("could the canteen make me a vegetarian meal",
# "可不可以 做 halal 的菜")
_EN_STAFF_TONGUE = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|staff|people|they|the\s+\w+)\b[^?.]{0,40}?"
    r"\b(?:speak|speaks|understand|understands)\s+(?:english|korean|japanese|russian|german|french"
    r"|spanish|cantonese|shanghainese|mandarin|chinese|sign\s+language)\b"
)
_EN_DISH_ON_REQUEST = re.compile(
    r"\b(?:make|cook|prepare|do)\s+(?:me\s+|us\s+|him\s+|her\s+|my\s+\w+\s+)?(?:a\s+|an\s+|some\s+)?"
    r"(?:special\s+)?(?:vegetarian|vegan|halal|kosher|gluten[\s-]free|low[\s-]sugar|diabetic|salt[\s-]free"
    r"|pork[\s-]free|no[\s-]pork)\b"
)
_ZH_DISH_ON_REQUEST = re.compile(
    rf"(?:能不能|可不可以|可以|能否|能)[\s{_ZH}]{{0,6}}?(?:做|烧|炒|准备)\s*(?:一?份|个|点)?\s*"
    r"(?:清真|halal|全素|素|无糖|低糖|不放盐)"
)
_EN_PERSON = re.compile(
    r"\b(?:someone|somebody|anyone|a\s+staff\s+member|staff|a\s+member\s+of\s+staff|a\s+person"
    r"|one\s+of\s+(?:you|your\s+staff)|you)\b[^?.]{0,40}?\b(?:call|ring|phone|contact|text"
    r"|get\s+back\s+to|visit)\s+(?:me|my\s+\w+|her|him|us)\b"
    # for someone else (round thirty, dev126): "please call my dad back", "could a staff member
    # give my grandmother a call"
    r"|^(?:please\s+)?(?:call|ring|phone)\s+(?:my\s+[\w-]+|her|him)\s+back\b"
    r"|\b(?:someone|somebody|anyone|staff|a\s+staff\s+member|a\s+person|you)\b[^?.]{0,30}?"
    r"\bgive\s+(?:me|my\s+[\w-]+|her|him|us)\s+a\s+(?:call|ring|phone\s+call)\b"
)

# what only the staff can settle, though an entry shares its words: one of ours sent to the home
# ("能不能请窗口的人上门帮他办老年卡"; not a meal brought: the delivery entry), someone sent to
# see to a fault or a clash ("能叫个工作人员来处理一下吗"), a room booked and taken, the person in
# charge asked for ("我要找你们领导说清楚"), one's own case chased ("办的居住证到现在还没拿到 能帮
# 我查一下伐"), money taken twice, a gift or sponsorship offered and whom to speak to
_MONEY_TAKEN = (
    r"(?:钱|款|费)\s*(?:倒是|倒|也|都|已经|却|但是)?\s*(?:被)?\s*(?:扣|划|付|交)(?:掉|了|走|过)"
    r"|(?:扣|划|付|交)(?:了|掉|过)(?:钱|款|学费|费用|报名费)|扣款(?:成功|了)"
)
_FAILED = r"失败|没成功|不成功|没(?:有)?报上|没(?:有)?报成|报不上|没(?:有)?生效"
_ZH_STAFF_NEEDED = re.compile(
    # (asked for, not whether it is done: "家庭医生可以上门服务吗" is the entries')
    r"(?:请|叫|让|派)[^。？?，,]{0,8}?(?:的人|工作人员|医生|护士|同志|师傅|老师|志愿者)(?:能|可以|好)?"
    r"(?:来|过来)?上门(?:来)?"
    r"(?:帮|给|替|办|看|服务)(?![^。？?]{0,6}(?:送饭|送餐|饭))"
    r"|(?:叫|找|派|请)(?:个|一个|位|一位)?(?:工作人员|管理员|负责人|你们的人|人)(?:来|过来)"
    r"(?:处理|看看|看一下|帮忙|解决|弄一下|修)"
    rf"|(?:预约|订|借)(?:好|了)?的[{_ZH}]{{0,6}}?被(?:别人|人家|其他人|别的人|人)?(?:占|用)"
    r"|(?:还没|还没有|一直没|到现在没)(?:有)?(?:拿到|寄到|收到|办好|下来|领到|批下来)[^。？?]{0,14}?"
    r"(?:帮我|帮忙|给我)(?:查|问|催)"
    r"|(?:扣|收|付)了两(?:次|遍)|重复扣|多扣了"
    # money taken and the sign-up or payment failed ("付了钱报名 页面显示失败 钱倒是扣掉了")
    rf"|(?:{_MONEY_TAKEN})[^。？?]{{0,30}}?(?:{_FAILED})|(?:{_FAILED})[^。？?]{{0,30}}?(?:{_MONEY_TAKEN})"
    # a thing promised for a day and not ready ("说好今天拿 怎么到现在还没好")
    r"|(?:说好|讲好|说是|讲是|答应|约好|讲定|说定)[^。？?]{0,16}?(?:拿|取|领|办好|弄好|出来)"
    r"[^。？?]{0,16}?(?:还没|还不好|没好|没办好|没弄好|拿不到|没拿到|没出来)"
    r"|(?:赞助|捐)[^。？?]{0,20}?(?:找谁|跟谁|联系谁|和谁|找哪个)"
    # a card that does not open our door: "健身卡刷不进去", "门禁卡刷了没反应" (not a social
    # security card broken: the window replaces it)
    r"|(?:健身|门禁|门)卡?[^。？?，,\s]{0,3}?(?:刷不进|刷不开|刷不了|刷不出|刷不上|刷不动|刷不到"
    r"|刷了?(?:也)?没(?:有)?反应|失灵|读不出)|刷(?:了)?卡(?:也|还是)?(?:进不去|进不了|开不了门)"
)
_ZH_IN_CHARGE = re.compile(
    r"找(?:你们|侬拉|中心|驿站)?(?:的)?(?:领导|负责人|头头|经理|主任|管事的)"
)
# a meeting asked with the person in charge, whatever it is about (round twenty-five, dev90):
# "想当面跟你们负责的人讲 能不能约个时间", "约个时间见见你们主任" — a person arranges it
_ZH_MEETING = re.compile(
    r"(?:当面|见面|面谈|负责的人|负责人|领导|主任|书记|经理)[^。？?]{0,20}?"
    r"(?:约(?:个|一个|下|一下)?(?:时间|日子|时候)|预约(?:个|一个|一下)?(?:时间|见面))"
    r"|约(?:个|一个|下|一下)?(?:时间|日子)[^。？?]{0,12}?"
    r"(?:当面|见面|面谈|见见|见一见|负责的人|负责人|领导|主任|书记|经理)"
)
# (a word of feedback said: "我要投诉 找你们领导" is the feedback form's)
_FEEDBACK_WORD = re.compile(
    r"表扬|夸|感谢|谢谢|投诉|意见|建议|评价|\b(?:thank|praise|compliment|complain|feedback)"
)
_EN_STAFF_NEEDED = re.compile(
    r"\bbooked\b[^.]{0,80}?\b(?:(?:won'?t|will\s+not|refus\w*\s+to)\s+(?:leave|move|get\s+out)"
    r"|(?:someone|somebody|people|another\s+group|others?)\s+(?:else\s+)?(?:is|are)\s+(?:in|using)\b)"
    r"|\b(?:can|could)\s+(?:someone|somebody|you|they)\s+(?:please\s+)?(?:redo|re-do|retake|re-take|reprint"
    r"|take\s+(?:it|them|one|another)\s+again|do\s+(?:it|them)\s+again)\b"
    r"(?!\s+(?:my\s+|the\s+|her\s+|his\s+)?(?:booking|registration|sign|class|course|enrol))"
    r"|\b(?:need|want|like)\s+(?:someone|somebody|a\s+person|a\s+staff\s+member)\s+to\s+(?:help\s+(?:me|my\s+\w+"
    r"|her|him|us)\s+(?:to\s+)?)?(?:fill|complete)\b"
    r"|\b(?:(?:gym|door|access|entry|key|membership)\s+(?:card|pass)|fob|badge)\s+(?:won'?t|doesn'?t"
    r"|does\s+not|isn'?t|is\s+not|stopped|didn'?t|can'?t)\s+(?:scan|work|open|swip|beep|register"
    r"|be\s+read)\w*"
    r"|\b(?:charged|billed)\s+(?:me\s+|us\s+)?twice\b|\bdouble[\s-]?(?:charged|billed)\b|\bpaid\s+twice\b"
    # paid and it failed; promised ready and not
    r"|\b(?:paid|charged)\b[^.?!]{0,80}?\b(?:failed|didn'?t\s+go\s+through|not\s+(?:registered|enrolled"
    r"|signed\s+up))\b|\b(?:failed|didn'?t\s+go\s+through)\b[^?!]{0,80}?\b(?:charged|paid|money"
    r"(?:'?s|\s+(?:is|was|has\s+been))?\s+(?:gone|taken|deducted))\b"
    r"|\b(?:said|told\s+(?:me|us)|promised)\b[^.?!]{0,60}?\b(?:ready|done|finished)\b[^.?!]{0,40}?"
    r"\b(?:isn'?t|is\s+not|not\s+(?:ready|done)|still\s+waiting|still\s+not)\b"
    r"|\b(?:sponsor\w*|donat\w*)\b[^?.]{0,60}?\bwho\s+(?:should|do|can|could)\s+(?:i|we)\s+(?:speak|talk"
    r"|get\s+in\s+touch|contact|reach)\b"
)

# --- round nineteen: requests told as a situation, without their words (dev64) -------------
# a problem only staff can settle: money paid and not received ("付款成功 你们讲没收到"), a
# booking gone ("订的活动室 记录没了"), a message unanswered ("发过邮件 一直没人回"), a card
# topped up wrongly ("饭卡充错了"), "charged 300 yuan twice", "paid but not on the list"
_ZH_STAFF_CASE = re.compile(
    r"(?:付款成功|支付成功|扣款成功|(?:交|付)了[\d一二两三四五六七八九十百千]+(?:块|元)|(?:交|付)(?:了|过)钱)"
    r"[^。？?]{0,24}?(?:没收到|没有收到|收不到|查不到|没到账|没有到账|没记录|没有记录)"
    r"|(?:订|预约|预订|约)(?:好|了)?的[^。？?]{0,24}?(?:记录|预约|订单|预订|名字|信息)(?:都|也)?"
    r"(?:没了|不见了|没有了|消失了|查不到了|找不到了)"
    r"|(?:发过|发了|写过|写了|留过|留了)(?:邮件|信|言|消息|短信)[^。？?]{0,16}?(?:一直|到现在|始终|还是)?(?:都)?"
    r"(?:没人|没有人|没)(?:回|理|回复|答复)"
    r"|充(?:错|多|反)了|多充了|充成了"
    # round twenty-three (dev78): a promise or a registration of one's own not kept, told ("说两个
    # 礼拜通知 到现在没消息", "讲电子版发我微信 到现在没收到", "送餐登记了两个礼拜了 还没人来送",
    # "退课一个多月了 钞票还没退回来"); one's name missing from a list ("去了讲名单上没我"); a
    # charge taken and its return asked ("还是被扣了20块 能退伐")
    r"|(?:说|讲|答应|讲好|说好|登记|报|交|退课|退)(?:了|过)?[^。？?]{0,20}?(?:到现在|至今|一直|还是|还)"
    r"(?:都|也)?(?:没|没有)(?:人)?(?:消息|收到|来|通知|回音|动静|退|送|打|联系)"
    r"|名单(?:上|里|里面)?(?:都|也)?(?:没|没有)(?:我|阿拉|我们|伊|他|她|我的|阿拉的)"
    r"|(?:被|多)(?:扣|收)(?:了|掉|脱)?[\d一二两三四五六七八九十百]+(?:块|元|钿)[^。？?]{0,8}?(?:退|还)"
    # round twenty-five (dev89): an invoice for one's employer (发票, 报销): the desk issues it
    r"|(?:开|要|给)(?:张|个|一张)?(?:发票|收据)|发票(?:能|可以|好)(?:不能)?开|报销(?:凭证|单据)"
    # round twenty-five (spent18): a booking or application of one's own, whether it went
    # through ("上礼拜预约的活动室确认了没", "申请的送餐批下来了伐")
    r"|(?:预约|预订|订|申请|提交|登记|交)(?:了|过)?的[^。？?]{0,12}?"
    r"(?:确认|批|通过|审核通过|审批|批准|办好|弄好)(?:了|好了|下来了|下来)(?:没|吗|伐|没有|嘛|呢)"
)
_EN_STAFF_CASE = re.compile(
    r"\b(?:charged|billed|deducted|paid)\b[^.?!]{0,30}?\btwice\b"
    r"|\b(?:booking|reservation|appointment|registration)\b[^.?!]{0,50}?\b(?:disappeared|vanished"
    r"|has\s+gone|is\s+gone|went\s+missing|got\s+deleted)\b"
    r"|\bpaid\b[^.?!]{0,60}?\b(?:not|isn'?t|wasn'?t)\s+on\s+the\s+(?:\w+\s+)?(?:list|register|roster)\b"
    # round twenty-three (dev78): a booking or a charge of one's own gone wrong, told: "booked the
    # studio … got no confirmation", "charged me full price … supposed to pay half", "cancelled
    # by text the day before", "turned up for my slot and another group was in there"
    r"|\b(?:booked|reserved|registered|signed\s+up)\b[^.?!]{0,50}?\b(?:(?:got|had|received)\s+no"
    r"|(?:never|didn'?t|did\s+not)\s+(?:get|got|receive))\s+(?:a\s+|any\s+)?confirmation\b"
    r"|\bcharged\s+(?:me|us|my\s+\w+)\s+(?:the\s+)?full\s+price\b|\bwas\s+supposed\s+to\s+(?:pay|get)\s+"
    r"(?:half|less|a\s+discount)\b"
    r"|\b(?:our|my)\s+(?:\w+\s+){0,4}?was\s+cancell?ed\s+(?:by\s+(?:text|sms|message|phone)\s+)?"
    r"(?:the\s+day\s+before|at\s+the\s+last\s+minute|last\s+minute)\b"
    r"|\bturned\s+up\s+for\s+my\b[^.?!]{0,60}?\b(?:another|someone\s+else|other\s+people|a\s+different)\b"
    # round twenty-five (dev89): an invoice or a receipt for the employer
    r"|\b(?:an?\s+|the\s+)?(?:invoice|fapiao|official\s+receipt)\b[^.?!]{0,30}?\b(?:company|employer|reimburse\w*|expenses?)\b"
    r"|\b(?:can|could)\s+(?:i|we|you)\s+(?:get|have|issue)\s+(?:an?\s+)?(?:invoice|fapiao)\b"
    # round twenty-five (spent18): whether a booking or application of one's own went through
    # ("I submitted a room booking last week, has it been confirmed?", "is my booking approved")
    r"|\b(?:submitted|made|put\s+in|sent|filed|requested)\s+(?:a|an|my|the|our)\s+(?:\w+\s+){0,2}?"
    r"(?:booking|reservation|application|request)\b[^.?!]{0,40}?\b(?:has|have|is|was)\s+(?:it|that|this)\s+"
    r"(?:been\s+)?(?:confirmed|approved|accepted|processed|gone\s+through)\b"
    r"|\b(?:is|has)\s+(?:my|our)\s+(?:\w+\s+){0,2}?(?:booking|reservation|application|request)\s+"
    r"(?:been\s+)?(?:confirmed|approved|accepted|processed|gone\s+through)\b"
)
# an opinion passed on in other words: to the kitchen ("跟厨房讲讲少放点盐"), a wish for better
# ("希望以后注意点"), a suggestion to us ("建议你们…", "你们好多开几个的", "我觉得…可以晚点开始")
_ZH_TOLD_MORE = re.compile(
    r"(?:跟|和|给|同|向)(?:厨房|师傅|厨师|大厨|烧菜的|领导|负责人|管事的)(?:的人)?(?:讲|说|反映|提)"
    r"|希望(?:你们|侬|她|他|以后|今后|下次)[^。？?]{0,4}?(?:注意|改进|改善|改一改|改改|重视|当心)"
    r"|建议(?:你们|侬|中心|驿站|食堂|以后)"
    # a suggestion opening its clause, about anything of ours, and not asked: "建议卫生站礼拜天
    # 也开半天", "我建议食堂多烧点素菜" (not someone else's advice: "医生建议我多走走")
    r"|(?:^|[\s,，。!！;；]|我|我们|阿拉)(?:想|还)?建议(?!我|他|她|伊|你|您)"
    # ("开几天", "多开几个" is a few, not asked: "建议过年期间食堂能开几天")
    r"(?![^。？?]*(?:吗|伐|么|[?？]|(?<![开多])几|哪|什么|啥|怎么|如何))"
    r"|(?:你们|侬)(?:其实|真的|还是)?(?:好|可以|应该|最好)(?:再)?(?:多|少|早点|晚点|早一点|晚一点|换|加)"
    r"(?![^。？?！!，,\s]*(?:吗|伐|么|[?？]))"
    r"|我(?:觉得|认为|感觉)[^。？?，,\s]{0,12}?(?:可以|应该|最好)(?:再)?(?:晚点|早点|晚一点|早一点|多|少|改|换|加)"
    r"(?![^。？?！!，,\s]*(?:吗|伐|么|[?？]))"
)
_EN_TOLD_MORE = re.compile(
    # a suggestion made, not asked: "i suggest the clinic opens on sundays too", "suggestion: …"
    r"^(?:i\s+(?:would\s+|'d\s+)?(?:like\s+to\s+)?suggest|(?:my\s+|a\s+)?suggestion\s*[:-])(?![^?]*\?)|"
    r"\bpass\s+(?:this|it|that|these|them)\s+on\b|\bjust\s+(?:letting\s+you\s+know|wanted\s+to\s+(?:say"
    # (a greeting said is small talk, nothing to pass on: "just wanted to say hi", "…good
    # night"; round thirty, spent31)
    r"(?!\s+(?:hi|hello|hey|hiya|good\s*night|good\s+evening|good\s+morning|happy\s+\w+|merry)\b)"
    r"|let\s+you\s+know|tell\s+you))\b|\bthought\s+you\s+(?:should|might\s+want\s+to|ought\s+to)\s+know\b"
)
_EN_SUGGESTED = re.compile(
    r"\b(?:maybe|perhaps)\s+(?:you\s+(?:guys\s+)?(?:could|can|should)\s+)?(?:turn|put|open|add|get|fix"
    r"|move|lower|raise|change)\b"
)
_EN_TOO = re.compile(
    r"\btoo\s+(?:loud|cold|hot|noisy|salty|bright|dark|crowded|slow|oily|greasy|spicy)\b"
)
# round twenty-five (dev89): a fault told by its degree, with what it spoiled ("studio wifi super
# slow today, couldnt upload anything"), or sound let through ("录音间隔音不好")
_FAULT_BY_DEGREE = re.compile(
    r"\b(?:super|really|so|very|painfully|incredibly|unbearably)\s+(?:slow|loud|noisy|cold|hot|dirty|smelly)\b"
    r"[^.?!]{0,30}?\b(?:couldn'?t|could\s+not|can'?t|cannot|unable\s+to)\b"
    r"|隔音(?:很|太|真|老|蛮|特别)?(?:不好|差|不行)"
    # a fault by degree with a plea to mend it (round twenty-eight, spent27): "the queue at lunch
    # is way too long, please do something" (the Chinese "太长了 你们想想办法" is read already)
    r"|\b(?:way|far|much|far\s+too|just)?\s*too\s+(?:long|slow|loud|noisy|cold|hot|dirty|crowded|small|few"
    r"|expensive|salty|oily)\b[^?]{0,40}?\b(?:please\s+(?:do\s+something|sort\s+(?:it|this|that)\s+out"
    r"|fix\s+(?:it|this|that)|look\s+into\s+(?:it|this|that))|(?:can|could)\s+(?:you|someone|somebody)"
    r"\s+(?:please\s+)?(?:do\s+something|sort\s+(?:it|this|that)\s+out|fix\s+(?:it|this|that)))\b"
)
# one's own or a relative's classes, in other words: "她的课是礼拜几", "自己一共报了几个", "报了
# 两个班 想退掉一个", "报的课…帮我撤掉", "把我名字拿掉", "…the thursday pottery class. how do i
# drop it?", "show me what i'm in", "signed up for the same course twice"
_ZH_MINE_MORE = re.compile(
    r"(?:她|他|伊|我妈|我爸|外婆|奶奶|阿婆|外公|爷爷|婆婆|老伴|姆妈|阿爸)(?:报)?的(?:课程?|班)(?:是)?[\u4e00-\u9fff]{0,4}?"
    r"(?:几点|哪天|星期几|礼拜几|周几|什么时候|啥时候)"
    r"|自己(?:一共|总共|到底)?报了(?:几个|几门|哪几个|哪几门|哪些|多少)"
    # which classes a relative is down for, checked for them (round twenty-eight, dev109):
    # "帮外公看一下他报了哪些课", "外婆报了什么班 帮她看看" (not "朋友报了什么课": not ours to show)
    r"|(?:(?:帮|替|给)[\u4e00-\u9fff]{1,4}?(?:查|看|找|翻)[\u4e00-\u9fff]{0,3}?(?:他|她|伊)"
    r"|我妈|我爸|妈妈|爸爸|外公|外婆|爷爷|奶奶|阿婆|阿公|阿嬷|婆婆|老伴|老公|老婆|姆妈|阿爸"
    r"|女儿|儿子|孙子|孙女|外孙女?)(?:都|一共|总共|到底)?报(?:名)?(?:了|过)(?:的)?(?:是)?"
    r"(?:哪几个|哪几门|几门|几个|哪些|什么|啥|哪门|哪个)(?:课程?|班)"
    # typed short, the whole message (round twenty-seven, dev104): "我报了啥", "我报了什么?"
    r"|^\s*我(?:都)?报(?:了|过)(?:啥|什么|哪些|几个)\s*[?？]*\s*$"
    r"|报了(?:两|三|几|好几)(?:个|门)(?:课|班)?[^。？?]{0,20}?(?:退掉?|取消|不上|去掉)(?:其中)?(?:一个|一门)"
    r"|报(?:名)?的(?:那个|这个|那门)?(?:课程?|班)[^。？?]{0,16}?(?:撤掉|撤了|撤销|拿掉|划掉|去掉|删掉|不上了)"
    r"|报[^。？?]{0,30}?把我(?:的)?名字(?:拿掉|划掉|去掉|删掉|撤掉|撤下来)"
)
_EN_MINE_MORE = re.compile(
    r"\b(?:class|course|lessons?)\b[^?!]{0,80}?\b(?:drop|quit|cancel|withdraw\s+from|leave)\s+(?:it|that)\b"
    r"|\b(?:show|tell)\s+me\s+what\s+(?:i'?m|i\s+am)\s+(?:in|on|signed\s+up\s+for|enrol?led\s+in|down\s+for)\b"
    r"|\b(?:signed\s+up|enrol?l?ed|registered)\s+(?:for|in)\s+the\s+same\s+(?:class|course)\b"
)
# something for someone to do or go to: "有没有什么能让我妈周末出来走走的", "有没有亲子的可以带去
# 玩玩", "does the centre organise anything like that", "is something happening for halloween",
# "looking for something to do on saturday"
_ZH_EVENTS_MORE = re.compile(
    r"有没有(?:什么|啥|点什么|点啥)?(?:能|可以|好)?(?:让|给|带)[^。？?]{0,10}?(?:出来|出去|出门)"
    r"(?:走走|转转|散散心|透透气|玩玩|活动活动|白相)"
    r"|有没有亲子的?(?:活动)?(?:可以|能|好)?(?:带|去|参加|玩)"
)
_EN_EVENTS_MORE = re.compile(
    r"\b(?:does|do)\s+(?:the\s+)?(?:centre|center|station|you)\s+(?:organi[sz]e|run|hold|host|arrange"
    r"|put\s+on)\s+(?:anything|something)\s+(?:like\s+(?:that|this)|of\s+the\s+sort)"
    r"|\b(?:is|will)\s+(?:there\s+)?(?:something|anything)\s+(?:be\s+)?(?:happening|going\s+on|planned"
    r"|organi[sz]ed)\s+(?:for|on|over)\b"
    r"|\b(?:looking\s+for|need|want)\s+something\s+(?:fun\s+|nice\s+)?to\s+do\b"
    # a festival's doings asked of us: "does the centre do anything for easter", "are you doing
    # something for mid-autumn", "will the station put on anything at christmas"
    r"|\b(?:does|do|is|are|will)\s+(?:the\s+)?(?:centre|center|station|you|y'?all)\s+(?:be\s+)?"
    r"(?:do|doing|have|having|put(?:ting)?\s+on|organi[sz]e|organi[sz]ing|hold|holding|run|running"
    r"|plan|planning)\s+(?:anything|something)\s+(?:special\s+)?(?:for|on|over|at|during)\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:festival|new\s+year|holidays?|christmas|easter|halloween"
    r"|qingming|tomb[\s-]sweeping\s+day|mid-autumn|dragon\s+boat|double\s+ninth|lantern"
    r"|national\s+day|labou?r\s+day|may\s+day|women'?s\s+day|children'?s\s+day|qixi"
    r"|valentine'?s(?:\s+day)?|winter\s+solstice|duanwu|zhongqiu|chongyang|dongzhi)\b"
)
# doings asked with no event word (round twenty-five): a week's programme ("下礼拜有啥节目",
# "这个星期有什么安排"), somewhere to take a child or an elder ("这礼拜有啥可以带小孩去玩的"), a
# screening put on ("你们放不放露天电影"); a festival's doings named by what is made, joined ("sign
# me up for the zongzi making thing", not a class), or its celebration asked ("is there a dragon
# boat festival celebration at the centre")
_ZH_KIN = r"(?:小孩|孩子|小朋友|孙子|孙女|外孙女?|宝宝|小囡|囡囡|儿子|女儿|老人家?|爸妈|父母|老伴)"
_ZH_EVENTS_INDIRECT = re.compile(
    rf"(?:这|本|下|下下)(?:个)?(?:礼拜|星期)[{_ZH}]{{0,4}}?有(?:什么|啥|哪些|没有)"
    r"(?:安排|节目|新鲜事|好看的|看头)"
    rf"|有(?:什么|啥|没有|哪些|点什么|点啥)?(?:可以|能|好)?(?:带|陪){_ZH_KIN}(?:一起)?(?:去|来)?"
    r"(?:玩|白相|参加|凑热闹|看看)"
    rf"|(?:放不放|放没放|有没有放|会不会放|搞不搞|办不办)[{_ZH}]{{0,4}}?(?:电影|{_ZH_EVENT_KIND})"
)
_EN_MADE_AT_FESTIVAL = (
    r"(?:zongzi|rice[\s-]dumplings?|dumplings?|mooncakes?|tangyuan|lanterns?|lantern\s+riddles?"
    r"|spring\s+couplets?)"
)
_EN_EVENTS_INDIRECT = re.compile(
    # an event heard of, asked about (round thirty): "i heard there's a talk next week, what is
    # it about?", "saw there will be a party at the centre, can anyone come?" (another owner's
    # is not ours: _EN_EVENT_HEARD_ELSEWHERE)
    r"\b(?:heard|hear|saw|seen|read|told)\b[^.?!]{0,30}?\bthere(?:'s|\s+is|\s+will\s+be|\s+are|'ll\s+be)\s+"
    r"(?:an?|some|this)\s+(?:[\w-]+\s+){0,2}?(?:talks?|events?|workshops?|lectures?|parties|party"
    r"|concerts?|shows?|exhibitions?|fairs?)\b"
    r"(?=[^.?!]{0,40}[,.]?\s*(?:what|when|where|how|can|could|is|are|do|who)\b)"
    r"|"
    r"\b(?:register|sign\s+(?:me\s+|us\s+)?up|join|go\s+to|attend|come\s+to)\b[^.?!]{0,20}?\b"
    rf"{_EN_MADE_AT_FESTIVAL}[\s-]+(?:making|wrapping|thing|party|session|get-?together)\b"
    r"(?!\s+(?:class|course|lesson)(?:es|s)?\b)"
    r"|\b(?:any|is\s+there\s+an?|are\s+there\s+any|will\s+there\s+be\s+an?y?)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:festival|new\s+year|day)\s+(?:celebrations?|party|parties|gatherings?|get-?togethers?"
    r"|events?|activit(?:y|ies))\b"
    r"|\b(?:any|is\s+there\s+an?|are\s+there\s+any|do\s+you\s+(?:have|do|run|hold|show))\s+"
    r"(?:outdoor\s+|open[\s-]air\s+)?(?:movie|film|cinema)\s+(?:nights?|screenings?|evenings?)\b"
)
# a wish to learn told as a situation: "想换换脑子 学点画画 国画那种", "让我去学学毛笔字", "想等宝宝
# 大一点去学个烘焙", "i'd like to pick up something creative", "want to do something together…
# maybe cooking?" (the feature "learn": a course wished for, its subject maybe unnamed)
_ZH_WANT_LEARN = re.compile(
    r"(?:想|要|打算|准备|让|叫)[^。？?，,]{0,12}?(?:去|来)?学(?:学|一学|点|个|一点|些)"
    r"(?P<topic>(?![吗伐呢吧啊呀么])[\u4e00-\u9fff]{2,6}?)"
    r"(?=$|[\s,，.。?？!！]|吗|伐|呢|吧|那种|之类|什么的|啥的|有)"
    r"(?:[\s,，]*(?P<kind>[\u4e00-\u9fff]{2,4}?)(?:那种|那样的|之类的?))?"
)
# a subject one practises, wished for with 练 and asked whether we have it ("下班以后想练练英语
# 口语 你们那有伐", "想练练毛笔字 有吗"): a course. Only subjects that are taught ("想练练身体" is
# the gym's)
_PRACTISED = (
    r"英语|英文|日语|韩语|法语|德语|俄语|口语|普通话|书法|毛笔字|钢笔字|硬笔字?|国画|素描|水彩|油画"
    r"|钢琴|吉他|古筝|二胡|琵琶|葫芦丝|尤克里里|唱歌|声乐|合唱|舞蹈|跳舞|拉丁舞|太极|八段锦|瑜伽|打字"
)
_ZH_PRACTISE = re.compile(
    r"(?:想|要|打算|准备)(?:去|来)?(?:练练|练一练|练一下|练)"
    rf"(?P<topic>(?:{_PRACTISED})[{_ZH}]{{0,3}}?)[\s,，]*"
    # …and whether we have it asked, the place said between ("想练练钢琴 琴房开伐" is the room's)
    r"(?:(?:你们|中心|驿站)?(?:那边|这边|那里|这里|那儿|这儿|那|这)?)[\s,，]*"
    r"有(?:没有|伐|吗|么|没|的)?(?:课|班)?(?=$|[\s,，.。?？!！]|吗|伐|呢|么)"
)
_SIGN_UP_HOW = re.compile(
    r"(?:怎么|怎样|如何|哪能|哪里|哪儿|在哪|去哪|到哪|网上|手机上)[^。？?]{0,4}?报(?:名)?"
    r"|报名[^。？?]{0,2}?(?:怎么|哪里|在哪|去哪)|\bhow\s+(?:do|can)\s+i\s+(?:sign\s+up|enrol|register)\b"
)
_EN_WANT_SOMETHING = re.compile(
    r"\b(?:i'?d\s+(?:like|love)\s+to|i\s+want\s+to|want\s+to|hoping\s+to|looking\s+to)\s+(?:pick\s+up"
    r"|take\s+up|learn|try|start)\s+(?:something|a\s+new\s+(?:hobby|skill))(?:\s+(?:new|creative|musical"
    r"|artistic|arty|crafty|practical))?\b"
    r"|\bwant\s+to\s+(?:do|try|learn)\s+something\b[^.?!]{0,40}?\bmaybe\s+(?P<topic>[a-z]{3,15})\b"
)


# --- round twenty-six (spent16) --------------------------------------------------------------
# Thanks for a deed of ours told, nothing asked: "谢谢你们的志愿者 上周帮我家老人搬东西 太感谢
# 了", "感谢卫生站的护士 陪我妈等了一个钟头", "thanks to your volunteers who helped my dad move"
# (the family helped is the reason, not whose the praise is; "谢谢 食堂几点开" asks)
_ZH_THANKED = re.compile(
    r"(?:谢谢|感谢|多谢)(?:一下)?(?:你们|您们|侬|侬拉|中心|驿站|[\u4e00-\u9fff]{1,4}?的)(?:的|那位|那个|几位|那几位)?"
    r"(?:志愿者|工作人员|医生|护士|老师|阿姨|师傅|律师|小伙子|小姑娘|社工|同志|大家|[\s,，])"
    r"[^。？?]{0,24}?(?:帮|陪|送|扶|教|照顾|照应|搬|修|跑)"
)
_EN_THANKED = re.compile(
    r"\b(?:thank\s+you|thanks|many\s+thanks|a\s+(?:big\s+|huge\s+)?thank\s+you)\s+(?:so\s+much\s+)?(?:to\s+)?"
    r"(?:your|the|all\s+(?:your|the))\s+(?:\w+\s+)?(?:volunteers?|staff|nurses?|doctors?|teachers?|team"
    r"|lawyers?|cooks?|people)\s+(?:who|for|that)\b"
)
# where to leave a suggestion, or an idea told for one of ours: "有意见箱吗", "意见簿放在哪",
# "is there a suggestion box?", "I have an idea for the reading room", "我有个建议 关于食堂"
_SUGGESTION_BOX = re.compile(
    r"意见箱|意见簿|意见本|建议箱|留言簿|留言本|留言板"
    r"|我有(?:个|一个|几个|点|一点|些|一些)(?:小)?(?:建议|意见)"
    r"|\b(?:suggestions?|comments?|feedback|complaints?)\s+(?:box|book|form|card)\b"
    r"|\bi\s+(?:have|'ve\s+got|got)\s+(?:an?\s+|some\s+)?(?:small\s+|little\s+)?(?:idea|suggestion)s?\s+"
    # (for one of ours, not for one's own plans: "an idea for my daughter's birthday")
    r"(?:for|about|on|to\s+improve)\b(?!\s+(?:my|our|his|her|their)\b)"
)
# one's own next class, or any sign-up of one's own, asked in other words: "remind me when my
# class is next", "when's my next lesson", "have I already signed up for anything this term?",
# "am I registered for anything", "我这学期报过什么没有"
_EN_MINE_NEXT = re.compile(
    r"\bremind\s+me\s+(?:of\s+|about\s+|when\s+|what\s+time\s+)?(?:is\s+)?my\s+(?:next\s+)?(?:\w+\s+)?"
    r"(?:class|lesson|course)\b"
    r"|\bwhen\s+(?:is\s+|'s\s+)?my\s+(?:\w+\s+)?(?:class|lesson|course)\s+(?:is\s+)?next\b"
    r"|\bwhen'?s\s+my\s+next\s+(?:\w+\s+)?(?:class|lesson)\b"
    r"|\b(?:have|did|am)\s+i\s+(?:already\s+|actually\s+|ever\s+)?(?:signed\s+up|sign\s+up|registered"
    r"|register|enrol?l?ed|enrol?l|booked|book)\s+(?:for|in|on|onto)\s+(?:anything|any\s+(?:classes"
    r"|courses|lessons))\b"
)
_ZH_MINE_ANY = re.compile(
    r"我(?:这学期|这个学期|今年|之前|已经)?(?:有没有)?报(?:过|了)(?:什么|啥|哪些)(?:没有|吗|伐|没)"
    r"|我(?:这学期|这个学期|今年|之前)?(?:有没有|是不是已经)报(?:过|了)(?:课|班|名)"
)
# a subject wished to learn, and where or how to sign up for it: "想学太极拳 哪里可以报", "我想
# 学书法 怎么报名" (the bare wish "想学点东西 去哪里报名" stays the sign-up entry's)
_ZH_LEARN_THEN_SIGN = re.compile(
    # (学习 is the verb; 学生证, 学费, 学期, 学校 are no subject: "孩子要学生证吗 怎么报名", and a
    # particle ends the wish: a second reader, r26)
    # (or someone's wish told for them, round thirty: "孙女让我学剪纸", "老伴叫我去学书法")
    rf"(?:(?:想|要|打算|准备)(?:让{_FOR_WHOM})?|(?<![不别])(?:让|叫){_FOR_WHOM})(?:去|来)?学(?:学|一学|习)?"
    r"(?P<topic>(?!点|一点|些|东西|什么|啥|本事|手艺|生|费|期|校|历|位|分)"
    r"(?:(?![吗伐呢么吧])[\u4e00-\u9fff]){2,6}?)[\s,，]*"
    # (a reason told between, round thirty: "学剪纸，说过年一起剪窗花，哪里报名")
    r"(?:(?<=[\s,，])[^。？?!！\s,，]{1,14}[\s,，]+)?"
    r"(?:的话)?[\s,，]*(?:要|该|可以|能)?(?:怎么|怎样|如何|哪能|哪里|哪儿|在哪|去哪|到哪)(?:里|儿)?"
    r"(?:可以|能|好|才能)?(?:报名|报)"
)
# the subject named in a story, then the bare wish to learn it and whether one can sign up
# (round thirty): "我妈看到楼下的人在打太极，回来也想学，你们那里能报吗"
_ZH_BARE_WISH_SIGN = re.compile(
    # (not the wish denied: "孙子在学钢琴 我不想学 你们有什么别的课能报"; a second reader, r30)
    r"(?:也|都|还)?(?<![不没别])(?:想|要)(?:去|来)?学(?:学|一学)?(?=[\s,，。!！])[^。？?]{0,12}?"
    r"(?:能|可以|好|能不能|可不可以|怎么|哪里|在哪)(?:里)?(?:报名|报)(?!了|过)"
)
_STORY_SUBJECT = re.compile(rf"(?:打|练|学|跳|唱|写|画|弹|拉|剪|拍)(?P<topic>{_TAUGHT})")
# a class taken before, and the wish to sign up for it again (round thirty): "之前报过瑜伽 这学期
# 还想再报一次", "我上次报的那个摄影班结束了 还想接着报下一期" (not one's own class asked: "我报的
# 书法班几点上")
_ZH_SIGN_UP_AGAIN = re.compile(
    rf"(?:报过|报了|报的|上过|学过|学了)(?:那个|那门|这个|这门|个|[一两三四五几]期)?"
    # (a class: one of the taught subjects or a name with its class word; not a check-up or a
    # dinner signed up for, "报了体检 还想再报一次", "报过年夜饭 还想再报一桌": a second reader,
    # round thirty)
    rf"(?P<topic>(?!课|班)(?={_TAUGHT})[{_ZH}a-z]{{2,6}}?|(?!课|班)[{_ZH}a-z]{{2,6}}?(?=课|班))"
    # (的 may end it: "我以前学过书法的 后来生病停掉了 现在还想再报")
    rf"(?:课程?|班)?的?(?=[\s,，。]|结束|上完|学完)[^。？?]{{0,16}}?"
    # (报 again, not 学 again: "学过一期摄影 今年还想再学 礼拜六有课吗" asks the day's classes)
    r"(?:还想|还要|想再|要再|还打算|打算再|想接着|想继续|还准备)(?:再|接着|继续)?(?:报名|报)"
    # (another class named after the wish is that one's, not the old one again: "我报了瑜伽 还想
    # 报书法", "…还想再报一次瑜伽"; a second reader, round thirty)
    rf"(?!了|过|完)(?!\s*(?:一次|一期|个|一个|门|一门)?\s*(?:{_TAUGHT}"
    rf"|(?!这|那|下|同|原|一样)[{_ZH}]{{1,6}}?(?:课|班)))"
)
# an events calendar or programme asked by name: "活动日历", "这个月的活动表", "events calendar"
_EVENTS_LISTED = re.compile(
    # (not a place's own: "健身房的活动时间表"; a second reader, r26)
    r"(?<![房室堂馆站])(?<![房室堂馆站]的)活动(?:日历|日程|日程表|表|安排表|时间表|一览|一览表|预告|排期|清单|计划表)(?![\u4e00-\u9fff])"
    r"|\b(?:events?|activit(?:y|ies))\s+(?:calendar|schedule|programme|program|listings?)\b"
    r"|\bcalendar\s+of\s+(?:events|activities)\b"
)
# one's own or a relative's case, its state asked of a person: "我爸在卫生站做的体检 报告出来
# 没有 能帮忙查一下吗", "can someone confirm whether my spouse's residence permit has been
# processed?", "帮我问问我妈的老年卡办好了没"
_ZH_CASE_CHECKED = re.compile(
    r"(?:报告|结果|证|卡|材料|申请|手续)[^。？?]{0,4}?(?:出来|办好|办下来|批下来|下来|好)了?"
    r"(?:没有|没|吗|伐|了没)[^。？?]{0,10}?(?:帮忙|帮我|给我|替我)(?:查|问|看|催)"
    r"|(?:帮忙|帮我|给我|替我)(?:查|问|看|催)(?:一下|一查|一问|下|查|问)?[^。？?]{0,16}?"
    r"(?:报告|结果|证|卡|材料|申请|手续)[^。？?]{0,4}?(?:出来|办好|办下来|批下来|下来)了?(?:没有|没|吗|伐)"
)
# something promised to the resident and not done, for a person to act on (r26 dev97): a call
# back promised ("说会给我回电话，到今天都没人回", "答应回我电话一直没回", "nobody ever called me
# back"), a cancelled lesson and whether it is made up ("取消的那节课会补吗", "停掉的课什么时候
# 补", "will the cancelled class be made up")
_ZH_OWED = re.compile(
    r"(?:说|讲|答应|讲好|说好)(?:了)?(?:会|要)?(?:给我|帮我|替我)?回(?:我)?(?:个)?电话[^。？?]{0,12}?"
    r"(?:没人回|没回|没有回|没打|没有打|没消息|没动静|没音讯|还没)"
    r"|(?:取消|停|停掉|取消掉)(?:了)?的(?:那|这)?(?:一)?(?:节|堂|次|回)?[\u4e00-\u9fff]{0,4}?课"
    r"[^。？?]{0,6}?"
    r"(?:会补|补不补|要补|补吗|补伐|怎么补|什么时候补|啥时候补|几时补|补课)"
)
_EN_OWED = re.compile(
    r"\b(?:promised|said\s+(?:they|you|someone)\s+would|was\s+told\s+(?:someone|they|you)\s+would)\s+"
    r"(?:to\s+)?call\s+(?:me\s+)?back\b[^.?!]{0,40}?\b(?:never|nobody|no\s+one|still|hasn'?t|haven'?t"
    r"|didn'?t)\b"
    r"|\b(?:nobody|no\s+one)\s+(?:ever\s+)?(?:called|rang)\s+(?:me\s+)?back\b"
    r"|\b(?:cancell?ed)\s+(?:\w+\s+){0,2}?(?:class|lesson|session)\b[^.?!]{0,30}?\b(?:made\s+up"
    r"|make[\s-]?up|rescheduled|replaced)\b"
)
# round twenty-seven (dev101/dev102), a person's to settle though an entry shares its words: a
# thing of one's own not come ("签了家庭医生 到现在还没人联系我", "照片电子版没收到 能再发一次吗",
# "I never got the digital photos, can you send them again?"), an exception asked ("can you make
# an exception", "能不能通融一下"), one's own card used by another ("我家保姆能不能用我的健身卡",
# "can my friend use my gym card"), a device of one's own brought into a room ("can my mum bring
# her own speaker into the dance room", "自己的音箱能带进活动室吗")
_ZH_NOT_COME = re.compile(
    r"(?:到现在|到今天|到现在为止|一直|至今|还是)?(?:还)?(?:没|没有)(?:人|谁)(?:来)?(?:联系|通知|回复|找)(?:过)?我"
    # (not told a place's hours, asked of us: "一直没人通知我卫生站礼拜六开伐")
    r"(?![^。？?]*?(?:开不开|开伐|开吗|开么|开门|几点|营业|关门|上班吗|上课伐|上课吗))"
    r"|(?:照片|电子版|报告|结果|通知|短信|邮件|文件|材料|发票|收据)[^。？?]{0,6}?(?:没|没有)收到"
    r"[^。？?]{0,8}?(?:能|可以|好|能不能|可不可以)?(?:再|重新|补)(?:发|寄|给|传)"
    r"|(?:能不能|可不可以|能|可以)(?:帮我|给我)?(?:通融|破例|网开一面|开个后门)"
    r"|(?:保姆|阿姨|朋友|亲戚|邻居|同事|家里人|老伴|儿子|女儿|孙子|外孙)[^。？?]{0,4}?(?:能不能|可不可以|能|可以|好)"
    r"(?:用|借用|拿)我的[\u4e00-\u9fff]{0,3}卡"
    r"|自己的?(?:音箱|音响|话筒|麦克风|投影仪|设备|乐器|钢琴|电子琴|鼓)[^。？?]{0,4}?(?:带进|带到|带去|拿进|搬进|带过去|带来)"
)
_EN_NOT_COME = re.compile(
    r"\b(?:never|haven'?t|have\s+not|didn'?t|did\s+not|still\s+haven'?t)\s+(?:got|gotten|received|get|receive)\b"
    r"[^.?!]{0,40}?\b(?:send|resend|email|forward)\s+(?:it|them|the\s+\w+)\s+again\b"
    r"|\bresend\b"
    r"|\bmake\s+an?\s+exception\b|\bbend\s+the\s+rules?\b"
    r"|\b(?:can|could|may)\s+(?:my|a)\s+(?:\w+\s+)?(?:friend|nanny|helper|maid|ayi|relative|neighbou?r"
    r"|husband|wife|son|daughter|cousin|colleague)\s+(?:use|borrow)\s+my\s+(?:\w+\s+)?(?:card|pass)\b"
    r"|\bbring\s+(?:my|her|his|our|their)\s+own\s+(?:\w+\s+)?(?:speakers?|amplifier|amp|microphone|mic"
    r"|projector|stereo|sound\s+system|karaoke\s+machine|equipment|instruments?|keyboard|drums?)\b"
)


# a question passed on to one of our people, for them to answer ("能帮我问下夜校老师 周五能不能带
# 孩子一起去上课", "替我问问卫生站医生…", "could you ask the yoga teacher whether…"): theirs to
# answer, not our hours or FAQ
_ZH_PASSED_ON = re.compile(
    r"(?:帮我|替我|帮忙|给我)\s*(?:问|问问|问一下|问下|问一问|转告|带句话给)\s*(?:一下)?\s*(?:你们)?"
    r"[\u4e00-\u9fff]{0,5}?(?:老师|医生|大夫|律师|师傅|教练|护士|工作人员|负责人|主任)"
)
_EN_PASSED_ON = re.compile(
    r"\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:ask|check\s+with)\s+(?:the|your)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:teacher|doctor|lawyer|coach|trainer|chef|cook|nurse|instructor)s?\s+"
    r"(?:if|whether|about|for\s+me)\b"
)
_EN_CASE_CHECKED = re.compile(
    r"\b(?:can|could)\s+(?:someone|somebody|anyone|you|a\s+staff\s+member)\s+(?:please\s+)?"
    r"(?:confirm|check|find\s+out|look\s+into|tell\s+me)\s+(?:whether|if)\s+(?:my|her|his|our|their)\s+"
    r"[^.?!]{0,40}?\b(?:has|have|had)\s+been\s+(?:processed|approved|issued|done|sent|renewed|received"
    r"|completed|finished)\b"
    r"|\b(?:can|could)\s+(?:someone|somebody|anyone|you)\s+(?:please\s+)?check\s+(?:on\s+)?"
    r"(?:my|her|his|our|their)\s+(?:\w+(?:'s)?\s+){0,2}?(?:application|results?|report|permit|card"
    r"|paperwork|case)\b"
)


@dataclass(frozen=True, slots=True)
class Request:
    """A request found: the feature its head asks for, and the words of its topic.

    ``topic``: for ``course``, the words that name the class ("太极拳", "the yoga"); for
    ``feedback``, whose or what the praise or complaint is about; else "".
    """

    # course | learn (a wish to learn, its subject maybe unnamed) | again (a class taken
    # before, signed up for again) | myclasses | cancel (a class)
    # | feedback | events | ask (a person)
    feature: str
    topic: str = ""
    head: str = ""


# a subject named, then whether it is taught (Shanghainese 有得学 = 有的学): "太极拳有得学伐",
# "国画班有的学吗" (round twenty-five, dev90; not the place: "你们那里有得学伐")
_ZH_TO_LEARN = re.compile(
    rf"(?:^|[\s,，。?？!！])(?:有没有)?(?!这里|那里|这边|那边|你们|中心|夜校|什么|啥)"
    rf"(?P<topic>[{_ZH}a-z]{{2,6}}?){_CLASS_WORD}?(?:有没有得学|有得学|有的学|有没有的学)"
)


def _sign_up(text: str) -> Request | None:
    for rule in (_ZH_SIGN_UP, _ZH_SEAT, _ZH_TOPIC_FIRST, _ZH_STILL_OPEN, _ZH_TO_LEARN):
        found = rule.search(text)
        if found is not None:
            groups = found.groupdict()
            topic = next(
                (
                    groups[k]
                    for k in (
                        "topic",
                        "topic_in",
                        "topic_got",
                        "topic_bare",
                        "topic_seat",
                        "topic_known",
                        "topic_latin",
                    )
                    if groups.get(k)
                ),
                "",
            )
            return Request("course", topic, found.group())
    if found := (
        _ZH_ABOUT.search(text)
        or _ZH_TAUGHT.search(text)
        or _ZH_TAUGHT_TO.search(text)
        or _ZH_HAS_CLASS.search(text)
        or _ZH_HAS_LATIN_CLASS.search(text)
        or _ZH_OPENED.search(text)
        or _EN_ABOUT.search(text)
        or _ZH_CLASS_ALONE.search(text)
        or _EN_CLASS_ALONE.search(text)
        or _EN_CLASS_DETAILS.search(text)
    ):
        topic = found.groupdict().get("topic") or found.groupdict().get("topic2") or ""
        return Request("course", topic.strip(), found.group())
    if (found := _ZH_LEARN.search(text) or _EN_LEARN.search(text)) is not None:
        groups = found.groupdict()
        topic = groups.get("topic") or groups.get("topic2") or groups.get("topic3") or ""
        return Request("course", topic.strip(), found.group())
    if (
        found := _EN_ROOM_IN.search(text)
        or _EN_FOR_BEGINNERS.search(text)
        or _EN_STILL_OPEN.search(text)
        or _ZH_PLACE_TO_LEARN.search(text)
    ) is not None:
        return Request("course", found.group("topic").strip(), found.group())
    if (found := _EN_WANT_LEARN.search(text)) is not None and (
        not found.group("verb").startswith(("pick", "tak")) or _TEACHING.search(text, found.end())
    ):
        return Request("course", found.group("topic").strip(), found.group())
    if _EN_FRAME.search(text):
        for found in _EN_SIGN_UP.finditer(text):
            topic = found.group("topic").strip()
            if found.group("weak") and not (found.group("group") or _GROUP_ALONE.search(topic)):
                continue  # "take the bus", "do it online": only a class is joined
            return Request("course", topic, found.group())
    return None


def find_request(text: str) -> Request | None:
    """The request in ``text`` (normalised), or None when no request head is there.

    Order: one's own classes before a sign-up ("我报的太极课是星期几上" names a course already
    taken), events before a sign-up ("报名参加活动"), feedback first of all ("我要投诉太极班")."""
    if (
        found := _ZH_PERSON.search(text)
        or _EN_PERSON.search(text)
        or _EN_STAFF_TONGUE.search(text)
        or _EN_DISH_ON_REQUEST.search(text)
        or _ZH_DISH_ON_REQUEST.search(text)
        or _ZH_STAFF_NEEDED.search(text)
        or _ZH_MEETING.search(text)
        or _EN_STAFF_NEEDED.search(text)
        or (None if _FEEDBACK_WORD.search(text) else _ZH_IN_CHARGE.search(text))
        or _ZH_STAFF_CASE.search(text)
        or _EN_STAFF_CASE.search(text)
        or _ZH_CASE_CHECKED.search(text)
        or _EN_CASE_CHECKED.search(text)
        or _ZH_PASSED_ON.search(text)
        or _EN_PASSED_ON.search(text)
        or _ZH_OWED.search(text)
        or _EN_OWED.search(text)
        or _ZH_NOT_COME.search(text)
        or _EN_NOT_COME.search(text)
    ) is not None:
        return Request("ask", "", found.group())
    if (found := _ZH_FEEDBACK.search(text)) is not None:
        target = found.group("target") or found.group("target2") or found.group("target3") or ""
        return Request("feedback", target + (found.group("after") or ""), found.group())
    if (found := _EN_FEEDBACK.search(text)) is not None and not _HOW_TO_SAY.search(text):
        return Request("feedback", (found.group("target") or "").strip(), found.group())
    if (found := _ZH_FEEDBACK_WHERE.search(text)) is not None:
        return Request("feedback", text[max(0, found.start() - 20) : found.start()], found.group())
    if (said := _ZH_SAY_IT.search(text)) is not None and _ZH_JUDGED.search(text):
        return Request("feedback", "", said.group())
    if (
        told := _ZH_TOLD.search(text)
        or (None if _RELAY_ASKS.search(text) else _ZH_RELAYED.search(text))
        or _EN_TOLD.search(text)
        or _ZH_TOLD_MORE.search(text)
        or _EN_TOLD_MORE.search(text)
        or (_EN_SUGGESTED.search(text) if _EN_TOO.search(text) else None)
        or _FAULT_BY_DEGREE.search(text)
    ) is not None and not _TOLD_ELSEWHERE.search(text):
        return Request("feedback", "", told.group())
    if (
        thanked := (
            None if _ASKED.search(text) else _ZH_THANKED.search(text) or _EN_THANKED.search(text)
        )
        or _SUGGESTION_BOX.search(text)
    ) is not None:
        return Request("feedback", "", thanked.group())
    if (found := _ZH_SIGN_UP_AGAIN.search(text)) is not None:
        return Request("again", found.group("topic"), found.group())
    if (found := _ZH_MY_EVENTS.search(text) or _EN_MY_EVENTS.search(text)) is not None:
        return Request("myevents", "", found.group())
    if (
        found := _ZH_MINE.search(text)
        or _EN_MINE.search(text)
        or _ZH_MY_WAIT.search(text)
        or _EN_MY_WAIT.search(text)
        or _ZH_SIGNED_FOR_ME.search(text)
        or _EN_SIGNED_FOR_ME.search(text)
        or _ZH_MINE_MORE.search(text)
        or (None if _EN_MONEY_BACK.search(text) else _EN_MINE_MORE.search(text))
        or _EN_MINE_NEXT.search(text)
        or _ZH_MINE_ANY.search(text)
        or (
            None
            if _REFUND_WORD.search(text)
            else _ZH_MISSED.search(text) or _EN_MISSED.search(text)
        )
    ) is not None:
        return Request("myclasses", "", found.group())
    if (off := _EN_MY_CLASS_OFF.search(text)) is not None and not _EN_MONEY_BACK.search(text):
        return Request("cancel", "", off.group())  # "how do i cancel my class": /myclasses
    if (
        found := _ZH_CANCEL.search(text) or _EN_CANCEL.search(text) or _EN_TAKE_OFF.search(text)
    ) is not None and not (found.re in (_EN_CANCEL, _EN_TAKE_OFF) and _EN_MONEY_BACK.search(text)):
        groups = found.groupdict()
        topic = next(
            (
                groups[k]
                for k in ("topic", "topic2", "topic3", "topic4", "topic5", "topic6", "topic7")
                if groups.get(k)
            ),
            "",
        )
        return Request("cancel", topic.strip(), found.group())
    if (
        found := _ZH_EVENTS.search(text)
        or _EN_EVENTS.search(text)
        or _event_asked_of_ours(text)
        or _ZH_EVENTS_MORE.search(text)
        or _EN_EVENTS_MORE.search(text)
        or _ZH_EVENTS_INDIRECT.search(text)
        or (None if _EN_EVENT_HEARD_ELSEWHERE.search(text) else _EN_EVENTS_INDIRECT.search(text))
        or _EVENTS_LISTED.search(text)
    ) is not None:
        return Request("events", "", found.group())
    if (signed := _sign_up(text)) is not None:
        return signed
    if (found := _ZH_LEARN_THEN_SIGN.search(text)) is not None:
        return Request("learn", found.group("topic"), found.group())
    if (wish := _ZH_BARE_WISH_SIGN.search(text)) is not None and (
        subject := _STORY_SUBJECT.search(text, 0, wish.start())
    ) is not None:
        return Request("learn", subject.group("topic"), subject.group() + wish.group())
    if _SIGN_UP_HOW.search(text):
        return None  # "想学点东西 去哪里报名": how to enrol, the sign-up entry answers
    if (found := _ZH_WANT_LEARN.search(text)) is not None:
        return Request("learn", found.group("kind") or found.group("topic"), found.group())
    if (found := _ZH_PRACTISE.search(text)) is not None:
        return Request("learn", found.group("topic"), found.group())
    if (found := _EN_WANT_SOMETHING.search(text)) is not None:
        return Request("learn", found.groupdict().get("topic") or "", found.group())
    return None
