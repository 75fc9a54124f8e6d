"""Round thirty (hunter c, dev118: outside bodies that provide services, next to our own places'
words, reference 2026-12-03). Classes fixed: another 社区卫生服务中心 named then pointed at
("长寿路那个社区卫生服务中心") was our health station; the city's service bodies named by their
kind (疾控, 接种点/接种门诊, the gas, water and power companies and their halls, 户籍窗口/户籍科,
the government's halls, courts, notaries, arbitration, a clubhouse's gym or pool) were our
health station, window, legal aid or gym, or the canteen's delivery: now another place, while a
trip or an errand there (交费, 出院, 开的证明, what they said) beside one of ours stays ours; a
body's or a trade's Saturday work ("工行周六上班吗", "牙医礼拜天上班伐") was the holiday
arrangement: not ours ("周六上班吗" alone still is the arrangement); a replacement ID card asked
with the errand first ("补办身份证去哪") was our window; which court asked ("打官司去哪个法院")
was legal aid; in English a kind of clinic ("the dental clinic"), a road not ours after the place
("the gym on daduhe road"), a business after it ("the gym at the hotel"), the CDC and the
household registration office were ours; a photo booth ("自助照相机在哪") was our studio;
one of ours told as the story, then the police station asked ("照相馆拍好了照片，派出所周六上班
吗") was our studio's hours; a paper from the police brought to our window ("拿着派出所开的证明")
was another counter; a legal office named with our desk's words ("律师楼", "公共法律服务中心")
was legal aid; ours said not to be the one asked ("…周末开吗 不是你们的") was ours; 签约怎么办
(how one signs up) was advice asked: now the family-doctor entry. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_16 = date(2026, 12, 16)  # Wednesday, no holiday near
SAT = date(2026, 12, 19)
SUN = date(2026, 12, 20)


@pytest.mark.parametrize(
    "text",
    [
        "曹杨那个社区卫生服务中心下礼拜开伐",
        "桃浦那家社区卫生服务中心几点下班",
        "疾控周末打疫苗吗",
        "儿童接种门诊礼拜二开吗",
        "煤气公司礼拜六有人伐",
        "自来水公司营业厅几点关门",
        "供电局周末上班吗",
        "户籍科几点上班",
        "户口窗口下午几点开",
        "区政务服务中心在哪条路",
        "法院几点开门",
        "公证处周日开吗",
        "小区会所游泳池几点开",
        "打官司去哪个法院好",
        "补领身份证去哪里",
        "is the water company open on saturday",
        "what time does the notary office close",
        "is the dental clinic open tomorrow",
        "the gym on changshou road, open late?",
        "the cdc opening hours",
        "household registration office hours on monday",
        "what time does the district court open",
        "自助照相机在哪",
        "地铁站自助拍照机能拍签证照吗",
        "photo booth at the metro station, does it do visa photos",
        "the gym at the hotel, open to public?",
        "is the photo studio in the mall open sunday",
        "税务窗口几点下班",
        "律师楼在哪",
        "区公共法律服务中心在哪",
        "12348法律热线几点",
        "照相馆拍好了照片，派出所周六上班吗",
        "卫生站医生叫我去医院拍片，医院周六能拍吗",
        "在你们窗口办好了老年卡，还要去银行激活，银行周六开吗",
        "舞蹈工作室周末开吗 不是你们的",
        "the gym on my street, not yours, open sunday?",
        "出入境拍照多少钱",
        "is there a lawyer at the court for free",
    ],
)
def test_an_outside_service_body_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_16).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    ["农行礼拜六上班伐", "房产中介周日上班吗", "快递员礼拜天上班吗", "调解委员会周六上班吗"],
)
def test_a_body_s_saturday_work_is_not_the_arrangement(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_16).kind is Kind.NONE


@pytest.mark.parametrize("text", ["周六上班吗", "这个礼拜天要上班伐", "我们这个周六上班吗"])
def test_saturday_work_asked_alone_is_still_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_16).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("先去自来水公司交费，回来窗口还开吗", "service_window", ()),
        ("派出所让我到窗口开证明，窗口几点开", "service_window", ()),
        ("刚从医院出院，卫生站明天开吗", "health_station", (date(2026, 12, 17),)),
        ("法院叫我先找律师咨询，法律援助周六有吗", "legal_aid", (SAT,)),
        ("卫生站的医生周六上班吗", "health_station", (SAT,)),
        ("补办身份证要拍照片，照相馆几点开", "photo_studio", ()),
        ("去哪个医院看比较好，卫生站周六开吗", "health_station", (SAT,)),
        ("the health station on guangfu road, open sunday?", "health_station", (SUN,)),
        ("the court sent me to get legal advice, is the lawyer in on sat", "legal_aid", (SAT,)),
        ("is the gym open? I'm at the hotel", "gym", ()),
        ("拿着派出所开的证明，窗口明天开吗", "service_window", (date(2026, 12, 17),)),
        ("民政局让我来窗口问问，窗口几点开", "service_window", ()),
        ("先去邮局寄东西再来食堂，食堂几点关", "canteen", ()),
        ("我在派出所办完了 窗口几点开", "service_window", ()),
        ("健身房是不是你们的？几点开", "gym", ()),
    ],
)  # fmt: skip
def test_our_place_beside_an_outside_body_stays_answered(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, DEC_16)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days) == days


@pytest.mark.parametrize("text", ["家庭医生签约怎么办", "签约家庭医生到哪里签"])
def test_signing_up_with_the_family_doctor_is_the_station_s_services(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DEC_16)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "health_services"


@pytest.mark.parametrize("text", ["合同签约了发现被骗怎么办", "签约家庭医生以后生病了怎么办"])
def test_what_to_do_after_signing_is_still_advice(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_16).kind is Kind.NONE


def test_a_photo_for_an_outside_body_s_papers_is_ours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("出入境要的照片你们照相馆能拍吗", DEC_16)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "photo_services"
