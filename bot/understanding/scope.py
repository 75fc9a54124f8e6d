"""Questions that are not ours to answer, whatever of ours they name (issue 12, round
twenty-five): advice ("降压药一天吃几粒", "打了疫苗好汰浴伐", "秋天吃啥补身体") and another
office's figures ("医保报销比例多少", "高龄津贴每个月多少钱"), or another subdistrict's doings
("曹杨新村街道重阳节有啥活动"). The text is the normalised question (伐 → 吗, 钞票 → 钱)."""

from __future__ import annotations

import re

# A medicine's dose: how many, how often (the doctor's or the pharmacist's to tell)
_MEDICINE = re.compile(r"药|\b(?:pills?|tablets?|medicines?|medications?)\b")
_DOSE = re.compile(
    r"(?:吃|服|用)\s*(?:几|多少)\s*(?:粒|片|颗|次|毫克|克|包|支|顿)|剂量|用量"
    # two doses or two times to choose from: "吃一片还是两片", "半粒还是一粒", "早上吃还是晚上吃",
    # "one pill or two" (round twenty-six, dev98)
    r"|[一二两三四半\d]\s*(?:粒|片|颗|毫克|mg|包|支)\s*(?:还是|或者|或是)\s*[一二两三四半\d]"
    r"|(?:早上|早晨|上午|中午|晚上|夜里|睡前|饭前|饭后|空腹)\s*(?:吃|服)\s*(?:还是|或者)\s*"
    r"(?:早上|早晨|上午|中午|晚上|夜里|睡前|饭前|饭后|空腹)"
    r"|\b(?:one|two|half|a\s+half|\d)\s+(?:pills?|tablets?)\s+or\s+(?:one|two|three|\d)\b"
    r"|\b(?:one|half|\d)\s+or\s+(?:two|three|\d)\s+(?:pills?|tablets?)\b"
    r"|\bhow\s+(?:many|much|often)\b[^.?!]{0,30}\b(?:take|have)\b|\bdos(?:e|age)\b"
    # when to take it, by the meals or the day ("should i take my blood pressure pills before
    # breakfast", "do i take these tablets with food"; round twenty-nine, dev114)
    r"|\b(?:take|have)\b[^.?!]{0,40}?\b(?:before|after|with|without)\s+(?:my\s+)?(?:breakfast|lunch"
    r"|dinner|supper|meals?|food|eating|bed(?:time)?)\b|\bon\s+an\s+empty\s+stomach\b"
)
# Care after a vaccine (or a jab): whether to bathe, drink, exercise…
_VACCINE_AFTER = re.compile(
    r"(?:打|接种|种)(?:了|过|好|完)[\u4e00-\u9fff]{0,6}(?:疫苗|针)[\u4e00-\u9fff]{0,8}?"
    r"(?:能|好|可以|要不要|能不能|可不可以)[\u4e00-\u9fff]{0,3}(?:洗澡|汰浴|淴浴|洗头|喝酒|吃|运动|锻炼|出门)"
    r"|(?:疫苗|针)[\u4e00-\u9fff]{0,4}(?:以后|之后|后)[\u4e00-\u9fff]{0,6}(?:注意|忌口|反应|发烧)"
    r"|\bafter\s+(?:the|my|a|his|her)\s+(?:flu\s+)?(?:shot|vaccine|vaccination|jab)\b[^.?!]{0,40}"
    r"\b(?:shower|bath|drink|alcohol|exercise|swim)"
)
# How much, how long or how often is good for one's body (round twenty-seven): "锻炼多久比较好",
# "一个礼拜去几次健身房比较好", "每天走多少步合适", "my doctor says I should walk more, how many
# steps a day?", "what should my blood sugar be after a meal": the doctor's or the trainer's
# advice, whatever place of ours it names. Not a time of day ("食堂几点去人少"), nor a price.
_AMOUNT_ADVICE = re.compile(
    r"(?<![前早办买报订])(?:多久|多长时间|几次|几个?小时|几分钟|几公里|多少步|几步|多少公里|多少分钟)"
    # (not how long ahead one signs up: "夜校报名要多久之前报最好"; a second reader, r27)
    r"(?![之以]?前)[\u4e00-\u9fff]{0,6}?(?:比较好|最好|合适|才好|为宜|算正常|正常吗|好呢|好一点|最合适)"
    r"|\bhow\s+many\s+(?:steps|calories|glasses\s+of\s+water|hours\s+of\s+sleep)\b"
    r"|\bwhat\s+should\s+my\s+(?:blood\s+(?:sugar|pressure)|weight|heart\s+rate|bmi|cholesterol)"
    r"(?:\s+level)?\s+be\b"
    r"|\bhow\s+(?:long|often|many\s+times)\s+(?:a\s+(?:day|week)\s+)?should\s+(?:i|we|he|she|my\s+\w+)\s+"
    r"(?:exercise|work\s+out|train|walk|run|go\s+to\s+the\s+gym|sleep|swim|stretch)\b",
    re.IGNORECASE,
)
# …unless it is a session of ours whose length is asked ("律师咨询一次多长时间比较好", "上课要早来几
# 分钟比较好"; a second reader, r27): our answer tells it
_OUR_SESSION = re.compile(r"咨询|上课|一节课|节课|拍照|律师|\b(?:consultation|lesson|class)\b")
# Whether an insurance choice pays ("什么时候交社保最划算", "灵活就业社保交哪个档次划算",
# "社保断缴了有什么影响"; round twenty-seven): advice on one's own money, not the window's
# services (how to pay or to resume paying at the window stays ours: "社保断缴了怎么补缴")
_INSURANCE_ADVICE = re.compile(
    # (not the card our window issues: "社保卡在窗口办 值不值得办"; a second reader, r27)
    r"(?:社保(?!卡)|医保(?!卡)|养老保险|医疗保险|公积金|商业保险)[^。？?!！]{0,12}?"
    r"(?:划算|合算|哪个档次|什么档次|几档|有什么影响|有啥影响|影响大|值不值|值得|亏不亏|亏吗)"
)
# Another office's figures: the medical insurance's rates, an allowance's amount
_OTHER_FIGURES = re.compile(
    r"(?:(?:医保|社保)(?!卡)|养老金|退休工资|高龄津贴|老年(?:综合)?津贴|津贴|(?<!助餐)(?<!吃饭)(?<!用餐)(?<!餐费)补(?:贴|助)|低保|救助金|抚恤金)[\u4e00-\u9fff0-9\s]{0,8}?"
    r"(?:比例|多少钱|几化|几成|能报多少|好报多少|发多少|拿多少|标准是多少|每个?月多少|一个月多少|多少)"
    r"|报销比例|(?:好|能|可以)报(?:几化|多少)|报销?\s*几成"
    # the pension one will draw, after the years paid in ("我交了25年社保 退休一个月能拿多少钱",
    # "社保缴满十五年 能领多少"; round twenty-seven): the pension office's figure
    # (not the canteen's allowance for the retired: "退休了在食堂吃饭能领多少补贴", r27)
    r"|退休(?:后|以后|之后|了)?[\u4e00-\u9fff0-9]{0,6}?(?:能|可以|好|会)?(?:拿|领)(?:多少|几千|几百|几钿)"
    r"(?![张份顿次个]|[\u4e00-\u9fff]{0,3}?(?:补贴|补助|餐|券))"
    r"|(?:(?:交|缴)(?:了|满|够)?[\u4e00-\u9fff0-9]{0,4}?(?:社保|养老保险)|(?:社保|养老保险)(?:交|缴))"
    r"[^。？?!！]{0,12}?(?:拿|领)(?:多少|几千|几百|几钿)(?![张份顿次个])"
    r"|\b(?:reimburse(?:ment|d)?|allowance|pension|subsidy)\b[^.?!]{0,30}\b(?:how\s+much|rate|percent|percentage)\b"
    r"|\bhow\s+much\b[^.?!]{0,30}\b(?:reimburse(?:ment|d)?|allowance|pension|subsidy)\b"
)
# The allowance words of round twenty-six, and the canteen beside them
_SUBSIDY = re.compile(r"补(?:贴|助)|低保|救助金|抚恤金")
_CANTEEN_SAID = re.compile(r"食堂|饭堂|吃饭|吃顿饭|饭钱|饭菜|一顿|用餐|助餐|\bcanteen\b|\bmeals?\b")
# An account on another website or app, its password lost ("上海志愿者网的密码忘了怎么找回",
# "I forgot my password for the volunteer website"): that site's to reset, not ours. Our own
# Wi-Fi has no password to lose ("wifi密码忘了", "无线网的密码").
_OTHER_ACCOUNT = re.compile(
    r"(?:网站|(?<![的这那里心站堂房馆])(?<!无线)(?<!上)(?<!局域)网|平台|小程序|公众号|\bapp\b|随申办|支付宝)的?(?:登录|登陆)?"
    r"(?:密码|账号|帐号|用户名)[\u4e00-\u9fff]{0,4}?(?:忘|找回|丢|重置|被盗|被锁|锁了|登不上|进不去)"
    r"|\b(?:forgot|forgotten|lost|reset|recover)\b[^.?!]{0,20}\b(?:password|login|account)\b[^.?!]{0,30}"
    r"\b(?:website|site|app|portal|platform)\b"
    r"|\b(?:website|site|app|portal|platform)\b[^.?!]{0,20}\b(?:password|login)\b[^.?!]{0,20}"
    r"\b(?:forgot|forgotten|lost|reset|recover)\b",
    re.IGNORECASE,
)
# What to eat for one's health in a season: "吃啥补身体", "冬令进补", "what to eat to keep warm"
_FOOD_ADVICE = re.compile(
    r"吃(?:啥|什么|哪些|点啥|点什么)[\u4e00-\u9fff]{0,3}(?:补|养)|进补|补身体|食补|食疗"
    r"|\bwhat\s+(?:should\s+i|to)\s+eat\b[^.?!]{0,30}\b(?:health|healthy|warm|autumn|winter)\b"
)
# Another subdistrict's doings ("曹杨新村街道重阳节有啥活动"): theirs, not ours
_SUBDISTRICT_DOINGS = re.compile(
    r"(?<![我你他她们咱这那本哪个])(?!我们|阿拉|你们|咱们|这个|那个|哪个|侬拉|伊拉)"
    r"([\u4e00-\u9fff]{2,4}?)街道(?!办)(?:的|那边的?|那里的?|里的?)?[\u4e00-\u9fff]{0,8}?"
    r"(?:活动|讲座|演出|百家宴)"
)

# Another country's or region's holidays ("香港清明放几天假", "臺灣清明連假放幾天",
# "日本五一放假吗", "how many days off for qingming in hong kong"; round twenty-seven): theirs,
# not our calendar. Not a trip there or a relative from there ("从香港回来 清明放几天",
# "女儿在美国 今年五一放几天").
_REGIONS_ZH = (
    r"香港|澳门|台湾|日本|韩国|美国|英国|法国|德国|新加坡|马来西亚|泰国|澳洲|澳大利亚|加拿大"
    r"|国外|外国|海外"
)
_REGIONS_EN = (
    r"hong\s*kong|macau|macao|taiwan|japan|korea|singapore|malaysia|thailand|australia|canada"
    r"|usa|uk|the\s+states|america|britain|england|france|germany"
)
_OTHER_REGION_HOLIDAY = re.compile(
    rf"(?<![从去到在回来])(?:{_REGIONS_ZH})(?:的|那边的?|那里的?)?\s*(?:今年|明年)?的?\s*"
    r"(?:清明节?|春节|过年|新年|国庆节?|中秋节?|端午节?|五一|劳动节|元旦|圣诞节?|复活节)?\s*的?\s*"
    r"(?:连假|放假|放几天|放多少天|放不放|假期|节假日|公众假期|法定假日|公假|调休|补班|长假)"
    # (asked, not a trip told: "back from holidays in japan, is the canteen open", "my son is on
    # holiday in the uk, can I book…")
    r"|(?:\b(?:how\s+many|what|which|when)\b[^.?!,]{0,30}?"
    r"\b(?:holidays?|days?\s+off|long\s+weekend|break)|\b(?:public|bank|national)\s+holidays?)"
    rf"\b[^.?!,]{{0,30}}?\b(?:in|for)\s+(?:the\s+)?(?:{_REGIONS_EN})\b"
    rf"|\b(?:does|do|will)\s+(?:people\s+in\s+)?(?:{_REGIONS_EN})\s+(?:get|have|take)\b"
    r"|\b(?:hong\s*kong|macau|macao|taiwan|japan|korea|singapore|malaysia|australia|canada|usa|uk"
    r"|american|british|japanese|korean|singaporean|taiwanese)(?:'s)?\s+(?:public\s+|bank\s+)?"
    r"holidays?\b",
    re.IGNORECASE,
)

# Another place's parking, named ("近铁广场停车怎么收费", "parking fee at the IKEA mall"): that
# place's to tell. Ours and the park our answer sends drivers to (长风公园) are in our answers.
_OTHER_PLACE_PARKING = re.compile(
    r"([\u4e00-\u9fff]{2,6}?(?:广场|商场|商城|购物中心|百货|超市|医院|公园|小区|大厦|影城|宜家))"
    r"(?:的|那边的?|那里的?|门口的?)?(?:地下)?(?:停车|泊车|车库)"
)
_OTHER_PLACE_PARKING_EN = re.compile(
    r"\bpark(?:ing)?\b[^.?!]{0,30}\b(?:at|in|near)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,3}(mall|plaza|hospital|supermarket|ikea|cinema)\b"
    r"|\b(mall|plaza|hospital|supermarket|ikea|cinema)(?:'s)?\s+(?:car\s*park|parking)\b",
    re.IGNORECASE,
)

# The hourly rate of the park's car park our answer sends drivers to ("how much does the
# Changfeng Park car park charge per hour", "长风公园停车一小时多少钱"): our answer says it is paid,
# not its rates; the park's to tell. Whether it is paid, or what it costs said plainly
# ("长风公园停车场收费吗", "长风公园停车多少钱"), stays our parking entry (round twenty-six, dev96).
_PARK_RATE = re.compile(
    r"长风公园[\u4e00-\u9fff]{0,3}?(?:停车|泊车|车库)[\u4e00-\u9fff]{0,6}?"
    r"(?:收费标准|一小时|每小时|一个小时|每个小时|按小时|几块钱一小时)"
    r"|\bchangfeng\s+park(?:'s)?\s+(?:car\s*park|parking(?:\s+lot)?)\b[^.?!]{0,40}?"
    r"\b(?:per\s+hour|an\s+hour|hourly|rates)\b"
    r"|\b(?:hourly\s+rates?|rates)\b[^.?!]{0,40}?\bchangfeng\s+park(?:'s)?\s+(?:car\s*park|parking)\b",
    re.IGNORECASE,
)


# The district's health centre named ("长风社区卫生服务中心", "宜川社区卫生服务中心"): another
# body than our health station (卫生站, 社区医院), even under our own area's name (round
# twenty-six, dev98). Not "你们的…", "这个…", nor the words alone.
_NAMED_HEALTH_CENTRE = re.compile(
    # (its name then a pointing word: "长寿路那个社区卫生服务中心", "宜川那边的…"; r30, dev118)
    r"([\u4e00-\u9fff]{2,4}?)(?:那个|那家|那边的?|那里的?)?社区卫生服务中心"
)
_NOT_A_NAME = re.compile(r"[们这那个的哪里边附近本该]")
# The same centre told by its area without 社区 ("桃浦那边的卫生服务中心", "甘泉的卫生服务中心",
# "问 长征卫生服务中心"; round twenty-eight, spent15): the name a word of its own (after the
# start, a pause or a verb of telling), and no person, time or word of ours in it. The words
# alone ("卫生服务中心几点开") stay our health station's.
_AREA_HEALTH_CENTRE = re.compile(
    r"(?:^|(?<=[\s,.!?，。！？、在去到住问讲说]))([\u4e00-\u9fff]{2,4}?)"
    r"(那边|那里|那块|那头)?的?卫生服务中心"
)
# (nor 社区 itself: "社区卫生服务中心几点开" is our health station asked by its kind; a second
# reader, r2)
_NOT_AN_AREA_NAME = re.compile(r"[我你他她侬伊咱阿家们这那个的哪附近本该]|社区|小区")
_NOT_A_BARE_NAME = re.compile(
    r"[一下点天日周礼拜星期号月年早晚午今明后昨节假国庆春秋元旦端清除夕阳宵"
    r"去到要想请问吗呢伐啥么能可会开关几多少]"
)
# …and in English, named by its area before or after it ("taopu health service center", "the
# community health service centre in zhenru"; the words alone are not read here)
_EN_HEALTH_CENTRE = re.compile(
    r"\b([a-z]+)\s+(?:community\s+)?health\s+service\s+cent(?:re|er)s?\b"
    r"|\bhealth\s+service\s+cent(?:re|er)s?\s+(?:in|at|of|over\s+in)\s+(?!the\b)([a-z]+)\b",
    re.IGNORECASE,
)
_EN_HEALTH_CENTRE_IN = re.compile(
    r"\b()health\s+service\s+cent(?:re|er)s?\s+(?:in|at|of|over\s+in)\s+(?!the\b)([a-z]+)\b",
    re.IGNORECASE,
)
_EN_NOT_AN_AREA = frozenset(
    {*("the", "a", "an", "your", "our", "this", "that", "local", "my", "same", "which", "what"),
     *("nearest", "new", "main", "whole", "other", "community", "is", "are", "where", "when"),
     *("does", "do", "to", "for", "at", "in", "of", "on", "today", "tomorrow", "tonight"),
     *("weekend", "week", "morning", "afternoon", "evening", "now", "s", "and", "or", "the")}
)  # fmt: skip

# …nor a time, a festival or a word of telling said before the words ("平时卫生服务中心几点开门",
# "现在…开着吗", "冬至…开门吗", "妈妈说卫生服务中心周六不开": our station; a second reader, r2)
_NOT_A_BARE_WORD = re.compile(
    r"平时|平常|现在|目前|刚才|刚刚|通常|向来|冬至|夏至|重阳|七夕|腊八|小年|寒假|暑假|说|讲|听|告诉|觉得"
)


def _area_health_centre(text: str) -> bool:
    """Whether ``text`` names the district's health centre of an area (``_AREA_HEALTH_CENTRE``,
    ``_EN_HEALTH_CENTRE``)."""
    if "service cent" in text.lower():
        # (the area after it read too when a word before it took the match: "the community
        # health service center in taopu"; round twenty-nine, dev114)
        for match in (*_EN_HEALTH_CENTRE.finditer(text), *_EN_HEALTH_CENTRE_IN.finditer(text)):
            name = (match.group(1) or match.group(2)).lower()
            if name not in _EN_NOT_AN_AREA and not name.endswith("day"):
                return True
    if "卫生服务中心" not in text:
        return False
    for match in _AREA_HEALTH_CENTRE.finditer(text):
        name = match.group(1)
        if _NOT_AN_AREA_NAME.search(name):
            continue
        if match.group(2) is None and (
            _NOT_A_BARE_NAME.search(name) or _NOT_A_BARE_WORD.search(name)
        ):
            continue
        return True
    return False


# A photo studio named by its brand ("王开照相馆几点关门", "南京路王开照相馆周末开门吗", "海马体
# 照相馆周末开吗"; round twenty-nine, dev114): a shop of its own, not our studio (公益照相馆). The
# name said first (at the start, after a pause, a street or 请问); no person, time, place word
# or word of ours in it ("周末照相馆开吗", "你们照相馆", "社区照相馆", "附近照相馆").
_BRAND_STUDIO = re.compile(
    r"(?:^|(?<=[\s,.!?，。！？、路街]))(?:请问)?([\u4e00-\u9fff]{2,3})照相(?:馆|室)"
)
_NOT_A_BRAND = re.compile(
    r"[公益社区我你他她侬伊咱阿们这那个的里边附近本该家楼门口小中心驿站党群长风湾老"
    r"一二三四五六七八九十两初伏下点日周礼拜星期号月年早晚午今明后昨每节假国庆春秋元旦端清除夕过阵子时候刻久些回次改哪平现之以最刚常"
    r"建议希望觉得听说讲告诉"
    r"去到在要想请问吗呢伐啥么能可会几多少拍证件照相找便宜好近]"
)


# Our studio said as ours beside a brand (a second reader, r29)
_OUR_STUDIO = re.compile(
    r"(?:你们|您们|侬|阿拉|我们|中心|驿站|这里|这边|社区|公益)(?:的|个|里的?)?照相"
)


def brand_studio(text: str, own_addresses: str, times: list[tuple[int, int]]) -> bool:
    """Whether ``text`` names a photo studio by its brand (``_BRAND_STUDIO``), the name no time
    said (``times``: the spans of the time words found) and none of our answers' words."""
    if "照相" not in text:
        return False
    if _OUR_STUDIO.search(text):
        return False  # "王开照相馆太贵了，你们照相馆拍证件照多少钱": ours asked beside the brand
    return any(
        not _NOT_A_BRAND.search(m.group(1))
        and m.group(1) not in own_addresses
        and not any(a < m.end(1) and m.start(1) < b for a, b in times)
        for m in _BRAND_STUDIO.finditer(text)
    )


# Outside bodies that provide services, named by their kind (round thirty, dev118): the city's
# vaccination points, the utility companies and their halls, the police's household register,
# the government's halls, courts, notaries and arbitration, a clubhouse's gym. Words that are
# never one of our places (ours: the 卫生站, the one-stop 服务窗口, the 法律援助 desk, the gym at
# Changfeng Bay); the matcher reads them as another place named (its _OTHER_PLACE), a trip there
# or an errand done there beside one of ours staying ours ("先去燃气公司交费 回来窗口还开吗").
OUTSIDE_BODY_ZH = (
    r"疾控(?:中心)?|防疫站|(?:预防)?接种(?:点|门诊|站|室|中心)|狂犬(?:病)?(?:疫苗)?门诊"
    r"|(?:燃气|煤气|自来水|水务|电力|供电|供水|热力)(?:公司|集团|局|所|营业厅|营业所)|国家电网|电网营业"
    r"|营业厅"
    r"|户籍(?:窗口|科|室|大厅|民警|警)|户政|交警(?:大队|支队)|车管所|出入境(?:管理)?(?:局|大厅|办证大厅|中心)?|派出所|公安(?:分)?局|警察局|警署"
    r"|邮局|邮政(?:局|支局|所|网点)|民政局|人社局|街道办(?:事处)?|残联|区政府|大使馆|领事馆"
    r"|(?:社区事务)?受理(?:服务)?中心|(?:行政|政务)服务中心|市民中心|婚姻登记(?:处|中心)|不动产(?:登记|交易)"
    r"|房产交易中心|人才(?:服务)?中心|公积金(?:管理)?中心|税务(?:局|所|大厅)|司法所"
    r"|法院|检察院|公证处|仲裁(?:委|院|庭|委员会)|劳动仲裁|律师楼|公共法律服务中心|法律服务所"
    r"|人民调解(?:委员会)?|调解(?:委员会|中心)|12348|12345(?:热线)?"
    r"|会所|健身俱乐部|游泳馆|羽毛球馆|球馆"
    # a photo booth, a machine of its own ("地铁站的自助拍照机", "自助照相亭")
    r"|自助(?:拍照|照相|证件照)(?:机|亭)?|(?:拍照|照相|证件照)(?:亭|一体机)"
)
OUTSIDE_BODY_EN = (
    r"\b(?:(?:district|people'?s|civil|family|intermediate|high|local)\s+courts?|courthouses?"
    r"|photo\s*booths?|cdc|centers?\s+for\s+disease\s+control|law\s+firms?|hukou(?:\s+office)?"
    r"|(?:household|marriage)\s+regist(?:ration|er|ry)(?:\s+office)?|registry\s+office|notar(?:y|ies)(?:\s+office)?|(?:gas|water|power|electricity)\s+compan(?:y|ies)"
    r"|utility\s+office|post\s+offices?|police\s+stations?|vaccination\s+(?:point|centre|center|site)s?"
    r"|(?:china\s+)?(?:mobile|unicom|telecom)\s+(?:shop|store|office|hall)s?)\b"
)


# A body's condition asked what it may do (round twenty-six, dev99): pregnancy, the weeks after a
# birth, a baby's months ("孕晚期还能去健身房跑步吗", "坐月子能不能洗头", "宝宝几个月可以打流感
# 疫苗", "is it safe to swim while pregnant"): the doctor's to tell, whatever place of ours it
# names. Our own entries asked by a mother-to-be ("孕妇可以来上瑜伽课吗", "孕妇能办健身卡吗")
# name no body's act, and stay ours.
_BODY_ADVICE = re.compile(
    r"(?:怀孕|孕期|孕早期|孕中期|孕晚期|孕妇|怀着孕|大肚子|坐月子|月子里|产后|剖腹产|顺产|哺乳期)"
    r"[\u4e00-\u9fff]{0,8}?(?:还能|还可以|能不能|可不可以|能|可以|适合|要不要)[\u4e00-\u9fff]{0,6}?"
    r"(?:跑步|运动|锻炼|健身|游泳|撸铁|举铁|跳绳|跳操|洗头|洗澡|喝|吃药|坐飞机|拍X光|拍片|打疫苗|打针)"
    r"|(?:宝宝|婴儿|小宝|娃|孩子|小孩)?(?:几个月|多少个?月|多大)(?:大)?(?:的)?(?:宝宝|婴儿|小孩|孩子|娃)?"
    r"(?:才|就)?(?:能|可以|要|该|应该)(?:打|接种|吃|喝|加|添|断|上)"
    r"[\u4e00-\u9fff]{0,4}?(?:疫苗|针|辅食|奶|水|盐|鸡蛋|母乳)"
    r"|\b(?:safe|ok|okay|fine|allowed)\s+to\s+(?:run|swim|exercise|work\s+out|lift|fly|drink)\b"
    r"[^.?!]{0,30}\b(?:pregnant|pregnancy|trimester|breastfeeding|postpartum)\b"
    r"|\b(?:pregnant|pregnancy|trimester|breastfeeding|postpartum)\b[^.?!]{0,30}\b(?:still\s+)?"
    r"(?:run|swim|exercise|work\s+out|lift\s+weights|fly)\b[^.?!]{0,20}\?"
    r"|\b(?:how\s+old|what\s+age|how\s+many\s+months)\b[^.?!]{0,30}\b(?:baby|babies|infant|newborn)s?\b"
    r"[^.?!]{0,30}\b(?:vaccine|vaccinated|shot|jab|solids|water)\b"
)
# A child's care after school, or a child left alone with us (dev99): not in our facts, for a
# person to answer ("放学后有没有四点半课堂", "中心有课后托管吗", "孩子能不能一个人在阅览室待着",
# "can my kid stay alone in the reading room"), not a class to sign up for.
_CHILD_CARE = re.compile(
    r"四点半课堂|课后(?:托管|看护|服务)|(?<!晚)托管班?|看护班|\bafter[\s-]?school\s+(?:care|club|programme|program)\b"
    r"|(?:孩子|娃|小孩|儿子|女儿|孙子|孙女|外孙女?)[\u4e00-\u9fff]{0,4}?(?:能不能|可不可以|能|可以)"
    r"(?:自己|单独)?一个人[\u4e00-\u9fff]{0,6}?(?:待|呆|留|坐|在)"
    r"|\b(?:kids?|child|children|son|daughter)\b[^.?!]{0,20}\b(?:stay|be\s+left|wait)\s+"
    r"(?:there\s+)?(?:alone|on\s+(?:his|her|their)\s+own|unsupervised|by\s+(?:himself|herself|themselves))\b",
    re.IGNORECASE,
)


# Where in town to eat a cuisine (round twenty-nine, spent29): "南京西路哪里有好吃的本帮菜",
# "哪里吃得到正宗的川菜", "where can I get good Shanghainese food": a restaurant's, not our menu,
# unless our canteen or centre is named ("你们食堂有本帮菜吗", "在哪里看菜单")
_FOOD_ELSEWHERE = re.compile(
    r"(?:哪里|哪儿|哪边|哪块|哪家|什么地方|哪个地方)(?:有|能吃到|可以吃到|吃得到|好吃到|买得到)"
    r"(?:好吃|正宗|地道|好|实惠|便宜)?的?[\u4e00-\u9fff]{0,4}?菜(?!单|谱|场|市场)"
    r"|\bwhere\s+(?:can|could|do|should)\s+(?:i|we|you|one)\s+(?:get|find|eat|have|try)\s+"
    r"(?:some\s+)?(?:good|nice|authentic|decent|real|proper|the\s+best)?\s*[a-z]+\s+"
    r"(?:food|cuisine|dishes|noodles|dumplings)\b",
    re.IGNORECASE,
)
_OURS_SAID = re.compile(
    r"食堂|饭堂|你们|您们|中心|驿站|这里|这边|\b(?:canteen|your|you\s+guys|centre|center)\b"
)


# A photo booth, a machine of its own (round thirty, dev118): "自助照相机在哪", "地铁站的自助拍照机
# 能拍签证照吗", "the photo booth at the metro station" (read in the whole text: its words hold our
# studio's alias)
# …and a legal office whose name holds our desk's words ("律师楼在哪", "区公共法律服务中心在哪",
# "法律服务所几点上班")
_NAMED_LIKE_OURS = re.compile(
    r"自助(?:拍照|照相|证件照)(?:机|亭)?|(?:拍照|照相|证件照)(?:亭|一体机)|\bphoto\s*booths?\b"
    r"|律师楼|公共法律服务中心|法律服务所",
    re.IGNORECASE,
)


# Ours said not to be the one asked ("舞蹈工作室周末开吗 不是你们的", "the gym, not yours, the
# one on my street"; round thirty, dev118): another place of the same kind
_NOT_YOURS = re.compile(
    r"(?<!是)不是(?:你们|您们|侬|侬拉|中心|驿站)(?:的|那个|那家|这边的?|那边的?|里的?)\s*(?:[，。,.!?？！]|$)"
    r"|\bnot\s+(?:yours|your\s+one|the\s+one\s+at\s+(?:the\s+|your\s+)?(?:centre|center|station))\b",
    re.IGNORECASE,
)


def for_a_person(text: str) -> bool:
    """Whether ``text`` asks a child's care with us (after school, alone), none of our entries
    tells: a person's to answer (round twenty-six, dev99)."""
    return _CHILD_CARE.search(text) is not None


def not_ours_to_answer(text: str, own_addresses: str) -> bool:
    """Whether ``text`` asks advice or another office's figures, or another subdistrict's
    doings (``own_addresses``: our own answers' words, where our subdistrict's name is)."""
    if _MEDICINE.search(text) and _DOSE.search(text):
        return True
    if _VACCINE_AFTER.search(text) or _FOOD_ADVICE.search(text) or _BODY_ADVICE.search(text):
        return True
    if (_AMOUNT_ADVICE.search(text) and not _OUR_SESSION.search(text)) or _INSURANCE_ADVICE.search(
        text
    ):
        return True
    if (figure := _OTHER_FIGURES.search(text)) is not None and not (
        # an allowance at our canteen is its price ("食堂老人补贴后一顿多少钱", "低保户在食堂吃饭
        # 多少钱"): the canteen's entry, not another office's figure (a second reader, r26)
        _SUBSIDY.match(figure.group()) and _CANTEEN_SAID.search(text)
    ):
        return True
    if any(not _NOT_A_NAME.search(m.group(1)) for m in _NAMED_HEALTH_CENTRE.finditer(text)):
        return True
    if _area_health_centre(text):
        return True
    if _NAMED_LIKE_OURS.search(text) or _NOT_YOURS.search(text):
        return True
    if _OTHER_ACCOUNT.search(text) or _OTHER_PLACE_PARKING_EN.search(text):
        return True
    if _PARK_RATE.search(text) or _OTHER_REGION_HOLIDAY.search(text):
        return True
    if _FOOD_ELSEWHERE.search(text) and not _OURS_SAID.search(text):
        return True
    if any(m.group(1) not in own_addresses for m in _OTHER_PLACE_PARKING.finditer(text)):
        return True
    return any(m.group(1) not in own_addresses for m in _SUBDISTRICT_DOINGS.finditer(text))
