"""Concepts: the ideas a question is about, whatever words it uses for them.

Each FAQ entry lists its topic words (``keywords`` in ``config/centre.yaml``). A word that
belongs to one of the synonym groups below stands for its whole group, so an entry that lists
"收费" also matches "多少钱", "贵不贵", "免费吗" or "how much". Some groups are *generic*
(prices, where, how to get there, what to bring, booking, which site): they help to rank
entries, but one of them alone never backs an answer, so "怎么收费" is not enough to answer
about the gym card without a word about the gym.

Matching is by lookup, not by regular expression per entry: Chinese words are found as
substrings of the question (every substring of up to :data:`MAX_CJK` characters is looked up),
English words by their start ("park" matches "parking", "parked") and as phrases of up to
three words ("how much"). A question is looked up once, whatever the number of entries.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_CJK = 6  # the longest Chinese keyword looked up
_CJK_RUN = re.compile(r"[\u4e00-\u9fff0-9]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# canonical name -> surface forms (folded: simplified Chinese, lower-case English)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "fee": (
        "收费", "收不收费", "收钱", "要钱", "要不要钱", "交钱", "付钱", "花钱", "多少钱", "几钱",
        "几块钱", "几毛钱", "几元", "价格", "价钱", "价位", "费用", "贵不贵", "贵吗", "便宜",
        "优惠", "折扣", "打折", "免费", "半价", "减免", "花多少", "要花", "几钞票", "多少钞票",
        "怎么收", "怎么算钱",
        # money taken out or handed over: "要不要掏钱", "要付钞票伐", "一期要交多少"
        "掏钱", "掏钞票", "付钞票", "交多少",
        # how it is paid (round twenty-seven): "食堂吃饭好刷卡伐 还是只收现金", "can I pay cash"
        "刷卡", "收现金", "付现金", "用现金", "只收现金", "扫码付", "扫码支付", "付款", "支付宝",
        "微信支付", "cash", "card payment",
        "budget", "pay less",
        "cost", "costs", "price", "prices", "fee", "fees", "charge", "pay", "paid", "expensive",
        "cheap", "discount", "free", "how much",
        "money off", "concession", "concessions", "reduction", "reductions", "reduced rate",
    ),
    # money paid back: only the night school's fees speak of it
    "refund": (
        "退钱", "退款", "退费", "退学费", "钱退", "退得回", "退回来", "退还", "能退", "可以退",
        "refund", "refunds", "refunded", "money back",
    ),
    "where": (
        "在哪", "哪里", "哪儿", "地址", "位置", "怎么走", "什么路", "哪条马路",
        "怎么去", "怎么过去", "怎么到", "哪条路", "哪边", "哪一边", "哪个口", "哪个出口", "往哪走",
        "门牌", "门牌号", "几号门", "导航",
        # a house number asked on its road ("1690在光复西路几号"): no date
        "路几号", "路多少号", "弄几号", "街几号",
        "定位", "哪条街", "什么街", "street", "which road",
        # which end or side ("在公园哪一头", "北面还是南面", "which side of the park")
        "哪一头", "哪头", "北面", "南面", "北边", "南边", "which side", "which end", "find the",
        # the place checked against a landmark ("长风湾驿站是不是就在长风公园旁边", "is it next to
        # the park")
        "旁边", "边上", "对面", "next to",
        "where", "address",
        "location", "located",
        "postcode", "satnav",
    ),
    "transport": (
        "地铁", "公交", "几号线", "几路", "坐车", "坐什么车", "怎么坐", "乘车", "交通", "哪一站",
        "哪站", "出站", "几号口", "乘什么车", "坐什么车子", "乘车子", "坐车子", "搭什么车",
        "乘几路", "坐几路", "搭几路", "乘地铁", "乘公交", "metro", "subway", "bus", "station",
        "坐啥车", "乘啥车", "搭啥车", "坐啥车子",
        "get there", "get to", "reach", "走多久", "要走多久", "走几分钟", "金沙江路",
        # which exit, which line, coming from where ("13号线几号口出", "which exit do I use")
        "出口", "几号出口", "哪个口出", "几号口出", "几号线", "exit", "which exit", "line 13",
        # a line by its number, the stop to get off at: "坐13号线 哪个站下"
        "号线", "哪个站", "哪一个站", "站下", "下车", "站头", "get off",
        "line 15", "coming from", "jinshajiang",
    ),
    "bring": (
        "带什么", "带啥", "带哪些", "材料", "证件", "身份证", "户口本", "bring", "documents",
        "papers", "id card",
    ),
    "book": ("预约", "预订", "约好", "约一下", "提前", "book", "booking", "appointment", "reserve"),
    "wifi": (
        "无线网", "无线网络", "wifi", "wi-fi", "上网", "连网", "联网", "网络", "网速", "哪个网",
        "热点", "密码", "有网", "流量", "internet", "network", "password", "online", "pw",
        "无线", "wireless", "wi fi",
        # the net bare, with how to get on it: "驿站的网怎么连", "网咋连", "手机连不上"
        "网怎么连", "网咋连", "网怎么上", "网连不上", "网络连不上", "连不上网",
        # (not "手机连不上" bare: "我的手机连不上蓝牙" is no Wi-Fi of ours; a second reader, r26)
        "视频通话", "视频电话", "网课", "video call", "zoom call", "zoom", "facetime", "emails",
        # the phone's own data run out: "my phone has no data", "ran out of mobile data"
        "no data", "mobile data", "out of data",
    ),
    "lost": (
        "丢了", "丢失", "弄丢", "掉了", "掉在", "落在", "落下", "落了", "忘在", "忘了拿", "遗失",
        "捡到", "失物", "拉下", "交上来", "lost", "lose", "left my", "forgot", "found",
        "hand in", "handed in", "missing", "lost property", "dropped", "misplaced",
        "hand them in", "hand it in", "leave behind", "left behind", "people leave",
        # forgotten somewhere (忘记 + where): "眼镜忘记在那了", "伞忘那了"
        "忘记在", "忘记那", "忘那", "忘在那",
        # left with 丢 at a place of ours (not rubbish thrown: "垃圾丢在哪里")
        "丢在你们", "丢在中心", "丢在驿站", "丢在你们那",
        # (not "丢在这里了 / 那边了" bare: "垃圾丢在这里了可以吗", "我把他丢在那边了")
        # left there, counted ("忘了一副眼镜", "拉了只包"): 落了 above
        "忘了一", "忘了个", "忘了把伞", "拉了只", "拉了个", "拉了把", "拉了一",
    ),
    # a person who loses the way ("mum gets lost easily", "容易迷路"): no entry speaks of it,
    # and the phrase keeps its "lost" from naming lost property
    "astray": (
        "迷路", "走丢", "get lost", "gets lost", "got lost", "getting lost", "lose my way",
        "loses her way", "loses his way", "lost my way", "lost her way", "lost his way",
    ),
    "delivery": (
        "送餐", "送饭", "上门", "外卖", "配送", "送上来", "送到家", "送过来", "送来", "助餐",
        "送到家里", "送到屋里", "送到屋里厢", "送上门", "送到门口", "送到楼上", "送上楼", "送楼上",
        "bring his lunch", "bring her lunch", "bring my lunch", "bring meals", "to his flat",
        "to her flat",
        "deliver", "delivery", "delivered", "brought", "bring food", "takeaway",
        # the meal sent round: "can the canteen send food to the house"
        "send food", "send meals", "send a meal", "send the food", "send lunch", "send dinner",
        "send her lunch", "send his lunch", "food sent", "meals sent", "send over food",
        # someone who cannot come out for the meal: "下不了楼", "出不了门", "housebound"
        "下不了楼", "下不来楼", "出不了门", "出不来门", "不能出门", "出不去", "housebound",
        "house-bound", "can't leave the house", "cannot leave the house",
    ),
    "access": (
        "轮椅", "电梯", "无障碍", "坡道", "残疾", "爬楼", "楼梯", "腿脚", "行动不便",
        "拐杖", "拄拐", "助行器", "上楼", "下楼", "上不去", "wheelchair", "lift",
        "elevator", "ramp", "accessible", "accessibility", "disabled", "stairs", "step-free",
        "step free",
        # a chair or pram pushed, and whether it gets up: "坐推车的，楼上去得了伐"
        "推车", "轮椅车", "婴儿车", "童车", "上得去", "上去得了", "上得了楼", "楼上去",
        "stroller", "pushchair", "pram", "buggy",
    ),
    "parking": (
        "停车", "停哪", "停在哪", "车位", "车库", "停放", "电瓶车", "电动车", "自行车", "非机动车",
        "开车", "停车子", "车子停", "贴条", "贴罚单", "park", "parking", "car", "bike", "e-bike",
        "停什么地方", "停到哪", "停在什么地方", "放车", "车放", "bicycle", "cycle",
        "scooter", "drive",
        # a vehicle put down (Shanghainese 摆), the small e-bike: "好摆车子伐", "小电驴放哪里"
        "摆车", "车子摆", "小电驴", "电驴",
        # where the car goes: "车往哪停", "车子哪里停"
        "往哪停", "哪里停", "哪儿停", "哪停",
    ),
    "print": (
        "打印", "复印", "扫描", "影印", "print", "printing", "printer", "copy", "copies",
        "photocopy", "scan", "印两张", "印几张", "印一下", "打几张", "黑白的", "彩印",
        # pages counted ("打几页材料", "印几页"): printed
        "几页", "打几页", "印几页", "每页", "一页",
        # one copy made of a paper: "要复个印", "印一份出来"
        "复个印", "印一份", "复印一份", "印出来",
    ),
    "volunteer": (
        "志愿", "义工", "公益", "帮帮忙", "搭把手", "加入你们", "怎么加入",
        "出点力", "出份力", "出一份力", "帮把手", "做好事", "帮社区", "为社区", "给社区",
        "做点事", "做些事", "做点事体", "发挥余热", "volunteer", "义务劳动", "义务服务", "做义务",
        "义务帮", "无偿", "读报", "陪老人", "帮老人",
        "volunteering", "help out",
        # time given to help: "give some of my time", "help the community/neighbourhood"
        "my time", "spare time", "give back", "help the community", "help the neighbourhood",
        "help the neighborhood", "help my community", "lend a hand",
        # hours of service a school asks for ("社会实践时长"), help offered ("能去你们那帮忙伐")
        "社会实践", "实践时长", "志愿时长", "服务时长", "来帮忙", "去帮忙", "那帮忙",
    ),
    "room": (
        "场地", "会议室", "借地方", "借场地", "借用", "借个", "排练", "聚会", "开会", "开个会",
        "room", "rooms", "meeting", "venue hire",
        # a room of ours lent or used by a group: "借你们的房间", "use your space", "a meetup"
        "借房间", "借间房", "借个房间", "借你们的", "借用你们", "用你们的", "meetup", "meet-up",
        "use your space", "use the space", "host a", "hold a",
        # a space named by its floor or pointed at, lent: "借一楼那个空间", "借块地方"
        "借一楼", "借二楼", "借三楼", "借空间", "借个空间", "那个空间", "借块地方",
    ),
    "meal": (
        "食堂", "饭堂", "吃饭", "吃顿饭", "顿饭", "饭菜", "午饭", "早饭", "晚饭", "午餐", "早餐",
        "晚餐", "一顿", "中饭", "夜饭", "中午饭", "饭钱", "两荤一素", "一荤一素",
        "一荤两素", "两荤两素",
        "canteen", "cafeteria", "lunch", "dinner", "breakfast", "meal", "meals", "food",
    ),
    "menu": (
        "菜单", "菜谱", "什么菜", "啥菜", "吃什么", "吃啥", "烧什么", "烧点啥", "几个菜", "menu",
        "dishes", "serve", "cooking",
        # 啥 is read as 什么 before the lookup: "烧点啥小菜" is "烧点什么小菜"
        "烧点什么", "烧些什么", "什么小菜", "小菜", "清淡", "少盐", "low salt", "low-salt",
        "food like",
        # "what's for lunch": the words "s for lunch" once the apostrophe is a break
        "s for lunch", "s for dinner", "s for breakfast", "whats for lunch", "whats for dinner",
        # a lighter dish for a diet: "anything lighter", "something less salty"
        "lighter", "less salty", "less salt", "healthier", "清淡点", "淡一点", "少油",
    ),
    "health": (
        "配药", "开药", "拿药", "降压药", "量血压", "血压", "血糖", "疫苗", "打针", "流感针",
        "家庭医生", "签约",
        # a family doctor in other words: "签个医生", "签一个固定的医生"
        "固定的医生", "固定医生", "签个医生", "签医生", "签一个医生",
        "看病", "医保卡", "体检", "高血压", "血压药", "的药", "prescription",
        "medicine",
        "blood pressure",
        "vaccine", "vaccination", "flu", "jab", "shot", "family doctor", "checkup",
        # the sugar checked: "can they check my blood sugar", "glucose test"
        "blood sugar", "glucose", "sugar check", "sugar level", "测血糖", "查血糖",
    ),
    "paperwork": (
        "社保卡", "社保", "医保", "居住证", "老年卡", "敬老卡", "津贴", "补办", "办证", "续签",
        # a card that no longer works, to be replaced: "医保卡坏掉了 刷不出 到哪里换"
        "卡坏", "刷不出", "刷不了", "消磁", "换卡", "换张卡", "换新卡", "换一张", "重新办",
        "social security", "residence permit", "senior card", "insurance", "permit", "allowance",
        "paperwork",
        # the senior card by what it is for ("老人的卡 坐公交要用的"), the permit in pinyin
        "老人的卡", "老人卡", "老年人的卡", "老人公交卡", "juzhuzheng", "ju zhu zheng",
    ),
    "legal": (
        # a volunteer lawyer is the legal aid's, not volunteering: "志愿律师", "volunteer lawyer"
        "志愿律师", "义务律师", "volunteer lawyer", "volunteer lawyers",
        "律师", "法律", "法律援助", "打官司", "纠纷", "合同", "押金", "继承", "维权", "lawyer",
        "legal", "dispute", "contract", "deposit",
        # someone who knows the law: "想找个懂法的问问"
        "懂法", "懂法律", "法律上", "法律方面",
    ),
    "night_school": (
        "夜校", "夜大", "夜班课", "night school", "evening class", "evening classes",
        "night class", "night classes", "night course", "evening course", "evening courses",
        "night courses", "night school classes", "晚上的课", "晚上那些课", "晚上那个学校",
        # learning in the evening: "what can I learn in the evenings", "晚上能学点什么"
        "in the evening", "evening lessons", "learn at night", "study at night",
        "晚上学", "晚上能学", "晚上可以学",
        "晚上的学校",
        # the time it is held at: "the after-work lessons", "下班后的课"
        "after-work class", "after-work classes", "after-work lesson", "after-work lessons",
        "after-work course", "after-work courses", "after work classes", "after work lessons",
        "下班后的课", "下班以后的课",
        # the evening school by other names: "晚上那个培训班" (a 培训班 of the evening is ours),
        # "the evening programme"
        "晚上那个培训", "晚上的培训班", "晚上培训班", "evening programme", "evening program",
    ),
    "signup": (
        "报名", "报课", "注册", "报夜校", "哪里报", "哪报", "怎么报", "能报", "排队", "候补",
        "get a place",
        "waiting list",
        "什么课", "哪些课", "啥课", "哪几门课", "有哪些课程", "开了哪些",
        "sign up", "signup", "register", "registration", "enrol", "can i learn", "to learn",
        "i learn",
        "enroll", "enrolment", "enrollment", "join", "sign me up",
    ),
    # a course, whichever word names it (the fees and the sign-up both speak of courses)
    "course": (
        "课", "课程", "门课", "course", "courses", "class", "classes", "lesson", "lessons",
        "learn", "好学", "学点什么", "学些什么",
        # a class by another name: "晚上那个学习班" (not 培训班: a driving school has one)
        "学习班",
    ),
    "photo": (
        "证件照", "照片", "拍照", "照相", "一寸", "两寸", "二寸", "护照照", "签证照", "全家福",
        "合影", "合照", "相片", "证件相", "护照用", "签证用",
        "photo", "photos", "picture", "pictures", "pic", "pics", "photograph", "headshot",
        "snap", "snaps",
        # a portrait: "do you do family portraits"
        "portrait", "family portrait", "family photo",
    ),
    "phone": (
        "电话", "号码", "联系方式", "怎么联系", "联系你们", "打电话", "手机号", "座机", "拨过去",
        "怎么拨", "拨打", "phone",
        "number",
        "call", "telephone", "contact",
        "ring you", "ring the centre", "ring the center", "number i can ring", "number to ring",
        # Shanghainese 号头 (a number), one to ring through: "能直接打过去的号头"
        "号头", "电话号头", "打过去", "打得通",
    ),
    "at_1690": (
        "1690", "服务中心", "党群服务中心", "1690中心", "centre", "center", "你们中心", "那个中心",
        "这个中心", "中心在哪", "中心具体", "party-masses", "party masses", "service centre",
        "main building", "main centre", "main center", "main site", "main office",
        # its street, the words of its name in full, a description: "光复西路那个党群的大楼",
        # "党员群众中心", "the community hub on guangfu road"
        "光复西路", "党群大楼", "党群的大楼", "党员群众", "community hub", "guangfu road",
    ),
    "at_changfeng": ("长风湾", "驿站", "changfeng", "changfeng bay", "长风公园",
                     # its street; the party-masses *station* is Changfeng Bay's
                     "云岭东路", "yunling road", "party-masses station", "party masses station"),
    "gym": ("健身卡", "健身", "锻炼", "gym", "fitness", "membership", "work out", "workout",
            # the room itself ("the workout room"): the gym, not a room to book
            "workout room", "fitness room", "exercise room", "gym room", "weights room",
            # keeping fit in other words: "想去练练身体"
            "练身体", "练练身体",
            # its machines: "跑步机那个地方要办啥卡"
            "跑步机", "健身器材", "treadmill"),
}  # fmt: skip
GENERIC = frozenset({"fee", "where", "transport", "bring", "book", "at_1690", "at_changfeng"})
GENERIC_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Surface form -> concept, for every synonym group and every entry's own keywords."""

    forms: dict[str, str]

    @classmethod
    def build(
        cls,
        keyword_lists: Iterable[Sequence[str]],
        groups: dict[str, tuple[str, ...]] | None = None,
    ) -> Lexicon:
        """``groups``: more synonym groups (a venue's aliases); a word already in one of
        :data:`SYNONYMS` keeps that group."""
        forms: dict[str, str] = {}
        for name, words in SYNONYMS.items():
            for word in words:
                forms[word] = name
        for name, words in (groups or {}).items():
            for word in words:
                forms.setdefault(word.casefold(), name)
                forms.setdefault(word.casefold().replace("-", " "), name)  # "one stop window"
        for keywords in keyword_lists:
            for word in keywords:
                forms.setdefault(word.casefold(), word.casefold())
        return cls(forms)

    def concept(self, word: str) -> str:
        """The concept a keyword stands for (its group's name, or itself)."""
        return self.forms.get(word.casefold(), word.casefold())

    def find(self, text: str) -> set[str]:
        """The concepts named in (folded) ``text``."""
        forms = self.forms
        found: set[str] = set()
        for run in _CJK_RUN.findall(text):
            for start in range(len(run)):
                for end in range(start + 1, min(len(run), start + MAX_CJK) + 1):
                    hit = forms.get(run[start:end])
                    if hit is not None:
                        found.add(hit)
        words = _LATIN_WORD.findall(text)
        covered: set[int] = set()  # a phrase's words stand for it alone ("video call": no phone)
        for size in (
            3,
            2,
        ):  # the longest phrase first: "party masses station" is not "party masses"
            for i in range(len(words) - size + 1):
                if i in covered and i + size - 1 in covered:
                    continue  # inside a longer phrase already read
                hit = forms.get(" ".join(words[i : i + size]))
                if hit is not None:
                    found.add(hit)
                    covered.update(range(i, i + size))
        for i, word in enumerate(words):
            if i in covered:
                continue
            hit = forms.get(word)
            if hit is None and len(word) > 4:  # "parking" -> "park", "copies" -> "copie"…
                for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
                    hit = forms.get(word[:cut])
                    if hit is not None:
                        break
            if hit is not None:
                found.add(hit)
        return found


class ConceptIndex:
    """Which entries each concept backs; scores a question's concepts against every entry."""

    def __init__(
        self,
        keyword_lists: Sequence[Sequence[str]],
        groups: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.lexicon = Lexicon.build(keyword_lists, groups)
        index: dict[str, list[int]] = defaultdict(list)
        self.has_keywords = [bool(words) for words in keyword_lists]
        for entry_no, keywords in enumerate(keyword_lists):
            for concept in dict.fromkeys(self.lexicon.concept(w) for w in keywords):
                index[concept].append(entry_no)
        self._index = dict(index)
        self.of_entry = [
            frozenset(self.lexicon.concept(w) for w in keywords) for keywords in keyword_lists
        ]
        # a concept many entries share tells them apart less ("食堂" vs "钱包")
        self._weight = {
            concept: (GENERIC_WEIGHT if concept in GENERIC else 1.0) / math.sqrt(len(entries))
            for concept, entries in index.items()
        }

    def entries_of(self, concept: str) -> tuple[int, ...]:
        """The entries whose keywords stand for ``concept``."""
        return tuple(self._index.get(concept, ()))

    def score(self, text: str) -> dict[int, tuple[float, bool, bool]]:
        """``entry number -> (weight of shared concepts, backed, shares a topic concept)``;
        backed: by a topic concept or by two generic ones."""
        result: dict[int, tuple[float, bool, bool]] = {}
        generic_seen: dict[int, int] = defaultdict(int)
        for concept in self.lexicon.find(text):
            generic = concept in GENERIC
            weight = self._weight.get(concept, 0.0)
            for entry_no in self._index.get(concept, ()):
                total, backed, topic = result.get(entry_no, (0.0, False, False))
                generic_seen[entry_no] += generic
                # backed: a topic concept, or two generic ones ("1690" + "几号线")
                backed = backed or not generic or generic_seen[entry_no] >= 2
                result[entry_no] = (total + weight, backed, topic or not generic)
        return result
