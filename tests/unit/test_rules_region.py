"""The rules for the article's main region, on short passages written for these tests (not real
text), each run through the rules extractor and the verifier: every region expected here is also
accepted by the verifier, with its level and parents. Also the gazetteer forms and the headline
detection the region rules lean on."""

from __future__ import annotations

import time

import pytest

from povsum import Document, verify
from povsum.extractors.rules import RulesExtractor
from povsum.extractors.rules.region import find_region, local_mentions
from povsum.extractors.rules.trace import Trace
from povsum.furniture import analyse, headline
from povsum.models import Region
from povsum.regions import gazetteer, name_forms
from povsum.sentences import split_sentences


def region(text: str) -> Region | None:
    """The verified region of ``text``; the verifier must have removed nothing from it."""
    document = Document.from_text(text)
    summary = verify(RulesExtractor().extract(document), document)
    failures = [f for f in summary.verification.failures if f.field.startswith("region")]
    assert not failures, failures
    return summary.region


def where(text: str) -> tuple[str | None, ...] | None:
    found = region(text)
    if found is None:
        return None
    return found.name, found.level, found.province, found.prefecture, found.county


def decisions(text: str) -> list[str]:
    """The trace's "rule text -> decision" lines about the region."""
    _, steps = RulesExtractor().explain(Document.from_text(text))
    return [f"{s.rule} {s.text} -> {s.decision}" for s in steps if s.field == "region"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a prefecture report that names its province for context only.
        (
            "广西崇左市扎实推进脱贫攻坚\n近年来,广西崇左市坚持精准扶贫。崇左市贫困发生率明显下降,"
            "全市农村面貌焕然一新,排广西前列。",
            ("崇左市", "prefecture", "广西壮族自治区", "崇左市", None),
        ),
        # Written for the test: the counties that exit are listed, the province reports.
        (
            "泰来等7县摘掉贫困县帽子\n经黑龙江省政府同意,泰来、克东、龙江等7个县摘掉贫困县帽子。"
            "至此,我省贫困县数量大幅减少,全省脱贫攻坚取得新进展。",
            ("黑龙江省", "province", "黑龙江省", None, None),
        ),
        # Written for the test: a village page whose address names the county and the township.
        (
            "十八洞村的新变化\n湖南省湘西州花垣县双龙镇十八洞村,过去是深度贫困村。"
            "如今十八洞村发展起猕猴桃产业,全村人均收入大幅增加,十八洞的名气越来越大。",
            ("十八洞村", "village", "湖南省", "湘西土家族苗族自治州", "花垣县"),
        ),
        # Written for the test: a township named with no division anywhere near it.
        (
            "5月9日,宝丰镇石门村20户搬迁群众喜迁新居。今年以来,该镇加快易地扶贫搬迁进度,"
            "全镇已有300户入住新居。",
            ("宝丰镇", "township", None, None, None),
        ),
        # Written for the test: a township whose profile says which district it lies in.
        (
            "石佛镇\n石佛镇地处秦州区东南部,下辖19个行政村。全镇贫困发生率由31%降为零,石佛镇党员群众合力攻坚。",
            ("石佛镇", "township", "甘肃省", "天水市", "秦州区"),
        ),
        # Written for the test: a Mongolian village (嘎查) and its banner, written short (科左后旗).
        (
            "内蒙古通辽市科左后旗巴彦嘎查脱贫记\n巴彦嘎查隶属科左后旗,全嘎查有贫困户86户。"
            "巴彦嘎查发展黄牛养殖,如今贫困户全部脱贫。",
            ("巴彦嘎查", "village", "内蒙古自治区", "通辽市", "科尔沁左翼后旗"),
        ),
        # Written for the test: short forms that carry their level stand on their own.
        (
            "楚雄州持续巩固脱贫成果\n楚雄州各县市扎实推进产业扶贫,全州贫困群众收入稳步增长。",
            ("楚雄彝族自治州", "prefecture", "云南省", "楚雄彝族自治州", None),
        ),
        (
            "互助县实施马铃薯种植项目\n互助县农业农村局完成种植任务,全县惠及贫困户3000户。",
            ("互助土族自治县", "county", "青海省", "海东市", "互助土族自治县"),
        ),
        # Written for the test: the whole country, filed from Beijing.
        (
            "我国农村贫困人口大幅减少\n本报北京3月2日电 记者从国务院扶贫办获悉,我国农村贫困人口"
            "持续减少,全国贫困县全部摘帽,中国减贫成就举世瞩目。",
            ("全国", "national", None, None, None),
        ),
        # Written for the test: the whole country, with the provinces only listed.
        (
            "全国832个贫困县全部摘帽\n国务院扶贫办介绍,我国832个贫困县全部脱贫摘帽,河北、山西、贵州、"
            "云南等省份贫困县清零。全国农村贫困人口全部脱贫。",
            ("全国", "national", None, None, None),
        ),
        # Written for the test: a city paper reports on its own city, which it calls 我市.
        (
            "永州日报讯 年初以来,我市扶贫小额贷款发放规模不断扩大,蓝山县、新田县等县均超过8000万元,"
            "我市位居全省首位。",
            ("永州市", "prefecture", "湖南省", "永州市", None),
        ),
    ],
)
def test_region(text: str, expected: tuple[str | None, ...]) -> None:
    assert where(text) == expected


def test_partner_in_east_west_cooperation_is_not_the_subject() -> None:
    # Written for the test: the eastern partner is named more often than the region it helps.
    text = (
        "上海市普陀区持续深化东西部扶贫协作。普陀区干部赴寻甸县挂职,上海市累计投入帮扶资金1亿元,"
        "普陀区企业采购寻甸县农产品。寻甸县贫困群众收入持续增长,寻甸县面貌一新。"
    )
    assert where(text) == ("寻甸回族彝族自治县", "county", "云南省", "昆明市", "寻甸回族彝族自治县")
    assert any("partner side of 东西部扶贫协作" in d for d in decisions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a county named once, called 全县 and 该县, beside a partner city
        # named four times.
        (
            "昌宁县地处滇西。全县贫困发生率降至1%,该县产业发展迅速。东西部扶贫协作开展以来,杭州市选派干部挂职,"
            "杭州市投入帮扶资金1.2亿元,杭州市企业采购农产品3000万元,杭州市与我们结下情谊。",
            "昌宁县",
        ),
        # Written for the test: a township named only where it is located, called 全镇 and 该镇.
        (
            "宝丰镇位于县城东部。全镇有贫困户300户,该镇发展产业。东西部扶贫协作开展以来,杭州市选派干部挂职,"
            "杭州市投入帮扶资金1.2亿元,杭州市企业采购农产品3000万元,杭州市与我们结下情谊。",
            "宝丰镇",
        ),
    ],
)
def test_the_side_the_text_speaks_as_is_the_helped_side(text: str, expected: str) -> None:
    assert region(text).name == expected  # type: ignore[union-attr]
    assert any("partner side of 东西部扶贫协作" in d for d in decisions(text))


def test_newspaper_and_dateline_city_weigh_little() -> None:
    # Written for the test: the agency's dateline city is not what the report is about.
    text = "新华社南昌6月1日电 江西省井冈山市神山村发展黄桃产业,神山村贫困户全部脱贫,全村收入翻番。"
    assert where(text) == ("神山村", "village", "江西省", "吉安市", "井冈山市")
    assert any(d.startswith("score 南昌市") and "press×1" in d for d in decisions(text))


def test_a_neighbour_or_an_epithet_is_not_the_subject() -> None:
    # Written for the test: a township profile that names its neighbours, and a village nickname.
    text = (
        "石桥镇概况\n石桥镇位于县城东部,北接清水镇,南邻清水镇林场。全镇共有贫困户500户,"
        "曾经的穷村变成了“拉面村”“拉面村”,石桥镇群众生活明显改善。"
    )
    assert region(text).name == "石桥镇"  # type: ignore[union-attr]
    scored = [d for d in decisions(text) if d.startswith("score")]
    assert scored[0].startswith("score 石桥镇")
    assert not any("清水镇" in d or "拉面村" in d for d in scored)


def test_a_template_about_an_unnamed_county_has_no_region() -> None:
    # Written for the test: a report template that never names its county but names a village.
    text = (
        "脱贫攻坚工作总结\n今年以来,我县认真落实精准扶贫方略,全县减少贫困人口1.2万人。"
        "全县81个贫困村全部出列,我县农产富县战略成效明显。东坡村被评为示范村。"
    )
    assert region(text) is None
    assert any(d.startswith("unnamed_subject 全县") for d in decisions(text))


def test_a_city_that_ranks_itself_in_its_unnamed_province_is_the_subject() -> None:
    # Written for the test: no headline; the city calls itself 我市 and ranks itself in 全省 more
    # often than it is named, and its province is never named.
    text = (
        "近日,全省乡村振兴考核结果公布,我市及龙泉市、青田县获评优秀单位,其中丽水市连续2年获评优秀。\n"
        "全市农民收入增幅排名全省第一,实现全省“十二连冠”,低收入农户收入增幅保持全省第一。"
    )
    assert where(text) == ("丽水市", "prefecture", "浙江省", "丽水市", None)


@pytest.mark.parametrize(
    "ranked",
    [
        "综合考核排名全市第一,多项指标位居全市前列,农民收入增幅高于全市平均水平。",
        "减贫成效居全国前列,农民收入增幅高于全国平均水平,位列全国第三。",
        "连续三年居全市首位,增幅排名全市各县区第一,走在全市前列。",
    ],
)
def test_a_whole_the_subject_ranks_itself_in_is_not_the_subject(ranked: str) -> None:
    # Written for the test: a county page without a headline ranks itself in its prefecture (or the
    # country) more often than it names itself.
    text = f"会宁县隶属白银市,近年来坚持产业扶贫。会宁县{ranked}"
    assert where(text) == ("会宁县", "county", "甘肃省", "白银市", "会宁县")


def test_a_whole_that_is_not_ranked_in_is_still_the_subject() -> None:
    # Written for the test: the county's own first secretaries, its first batch and its meeting.
    text = "会宁县隶属白银市。全县第一书记全部到岗,全县第一批搬迁群众入住新居,全县第三次扶贫大会召开。"
    assert any(d.startswith("score 会宁县") and "全县/该县…×3" in d for d in decisions(text))


def test_a_county_page_still_yields_to_its_unnamed_township() -> None:
    # Written for the test: a township profile that calls its county 我县 and never names itself.
    text = "我镇地处会宁县北部,南同我县城关镇交界。全镇辖8个行政村,全镇贫困户500户,我镇发展产业。"
    assert region(text) is None
    assert any(d.startswith("unnamed_subject 全镇") for d in decisions(text))


def test_a_township_template_with_a_placeholder_name() -> None:
    # Written for the test: a template writes its township as XX乡; one phrase lets the name show.
    text = (
        "一、XX乡基本情况\nXX乡地处涪陵区西南部,全乡下辖9个行政村。计划打造“青羊乡特色农产品加工园”,"
        "XX乡力争整乡脱贫。"
    )
    # No sentence names 青羊乡 together with a division, so its parents stay unknown.
    assert where(text) == ("青羊乡", "township", None, None, None)


def test_sub_units_named_in_a_list_do_not_take_over() -> None:
    # Written for the test: three counties of a prefecture named together, the prefecture reports.
    text = (
        "临沂有几个省级贫困县?\n临沂共有2个省级扶贫重点县,即平邑县与沂南县。"
        "临沂地处山东省东南部,临沂全市贫困发生率由7.6%降到0。"
    )
    assert region(text).name == "临沂市"  # type: ignore[union-attr]


def test_local_names_are_found_without_an_anchor_when_repeated() -> None:
    # Written for the test: the village is always named right after another word.
    text = "他来到小坑村调研。走进小坑村,看到小坑村村民的新房,全村已经脱贫。"
    assert where(text) == ("小坑村", "village", None, None, None)


def test_generic_villages_are_not_places() -> None:
    # Written for the test: kinds of villages, none of them named.
    text = (
        "全县贫困村、深度贫困村和重点村全部出列,农村面貌改善,乡村振兴示范村建设加快。"
        "我们加快村屯道路建设,落实镇村两级责任,培育一村一品,帮扶嘎查发展。会宁县人民群众满意。"
    )
    assert where(text) == ("会宁县", "county", "甘肃省", "白银市", "会宁县")


def test_a_verb_inside_a_stem_makes_no_place() -> None:
    # Written for the test, after a real headline whose county was written in a script the
    # gazetteer does not hold: 搬进新社区 is where people moved, not a community's name.
    text = "告别“水窝子”,搬进新社区——滩区群众实现“安居梦”\n9月29日,郓城县黄河滩区居民迁建社区搬迁入住。"
    assert where(text)[0] == "郓城县"


# --- the gazetteer forms the region rules use -----------------------------------------------------


def test_levelled_short_forms_and_wing_banners_are_name_forms() -> None:
    assert "互助县" in name_forms("互助土族自治县") and "互助" not in name_forms("互助土族自治县")
    assert "科左后旗" in name_forms("科尔沁左翼后旗")
    assert "察右中旗" in name_forms("察哈尔右翼中旗")
    found = {m.text: m.division.name for m in gazetteer().find_mentions("科左后旗和察右中旗")}
    assert found == {"科左后旗": "科尔沁左翼后旗", "察右中旗": "察哈尔右翼中旗"}


def test_two_character_names_need_support_or_repetition() -> None:
    def found(text: str) -> set[str]:
        return {m.division.name for m in gazetteer().find_mentions(text)}

    # Written for the test: 富县 and 兴县 inside slogans, then 云县 named three times.
    assert found("推进工业强县、农产富县、文旅兴县战略") == set()
    assert found("云县坚持脱贫攻坚,云县答卷,云县发展") == {"云县"}
    assert "和县" in found("安徽省和县")
    # Written for the test: 全州 (the whole prefecture) before 县市, then the county in Guangxi.
    assert found("全州县市脱贫摘帽") == set()
    assert "全州县" in found("广西全州县脱贫摘帽")


def test_a_short_form_is_kept_where_a_division_inside_it_is_named() -> None:
    found = {m.text for m in gazetteer().find_mentions("永州日报讯 宁远县扶贫贷款投放增长")}
    assert found == {"永州", "宁远县"}


# --- headlines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Written for the test: headline lines and page chrome.
        (
            "某省贫困县个数首次出现净减少 5县摘帽 时间:2017-03-21 来源:某日报",
            "某省贫困县个数首次出现净减少 5县摘帽",
        ),
        ("更新时间:2016-11-27 14:05作者:某老师", None),
        ("2017-06-14 10:21:39 来源:某报 作者:某某", None),
        ("站点首页 范文大全 心得体会 演讲稿 调研报告", None),
        ("首页 | 政务公开 | 新闻中心", None),
        ("【字体:大 中 小】", None),
        ("地区:广东|海南|贵州|青海|宁夏", None),
        ("新华网 正文", None),
        ("2020年08月25日", None),
        ("本地特产商城 http://example.com/a.html", None),
        ("某市有几个国家贫困县?", "某市有几个国家贫困县?"),
        ("原标题:某省56个县全部摘帽!", "原标题:某省56个县全部摘帽!"),
        ("【十年回眸】某村的变迁——从贫困村到幸福村", "【十年回眸】某村的变迁——从贫困村到幸福村"),
        ("【查看原图】", None),
        ("一、某乡基本情况", None),
        ("10:某市某县", None),
        ("某省决战决胜脱贫攻坚系列报道之五", None),  # a series' label above the headline
        ("某省脱贫攻坚专题报道", None),
        ("某县:搬出来的好日子_某市人民政府网", "某县:搬出来的好日子"),  # a page's title bar
        ("某县:搬出来的好日子 - 某市人民政府", "某县:搬出来的好日子"),
        ("某县:搬出来的好日子 | 某省日报", "某县:搬出来的好日子"),
        ("搬出来的好日子——某县脱贫攻坚见闻", "搬出来的好日子——某县脱贫攻坚见闻"),
    ],
)
def test_headline(line: str, expected: str | None) -> None:
    assert headline(line) == expected


def test_navigation_above_the_headline_leaves_it_the_title() -> None:
    # Written for the test: a three-entry menu, a breadcrumb and the font tools above the headline.
    text = "首页 | 政务公开 | 新闻中心\n当前位置:首页 > 扶贫动态\n【字体:大 中 小】\n"
    text += "某县贫困村全部出列\n正文一。\n正文二。\n"
    assert Document.from_text(text).title == "某县贫困村全部出列"


def test_a_profile_page_may_have_only_its_place_as_title() -> None:
    # Written for the test: the page's title is the township's name alone; a province alone is not.
    text = "杏树岘乡\n地理位置。杏树岘乡地处靖远西北部,离县城35公里。\n贫困状况。全乡共有贫困户1274户。\n"
    assert Document.from_text(text).title == "杏树岘乡"
    assert Document.from_text("湖南\n区位。某地位于北部。\n现状。全乡有贫困户。\n").title is None


def test_a_photo_caption_is_no_headline() -> None:
    # Written for the test: a caption credited to its photographer above the headline.
    text = "县城俯瞰(某县宣传部供图)\n某县退出贫困县序列(附名单)\n正文第一段。\n正文第二段。\n"
    assert Document.from_text(text).title == "某县退出贫困县序列(附名单)"
    assert headline("乡村新貌(记者 王某 摄)") is None


def test_metadata_after_a_headline_is_not_part_of_the_title() -> None:
    text = "某省贫困县个数首次出现净减少 时间:2017-03-21 来源:某日报\n正文第一段。\n正文第二段。\n"
    layout = analyse(text)
    assert layout.title is not None
    assert text[slice(*layout.title)] == "某省贫困县个数首次出现净减少"


def test_a_long_page_takes_linear_time() -> None:
    # Written for the test: one paragraph repeated into pages of about 30,000 and 300,000
    # characters. Ten times the page costs about ten times the time; a rule scanning the text
    # once per mention (quadratic) would cost a hundred. A ratio, not a speed: that is bench/'s.
    paragraph = "会宁县扎实推进脱贫攻坚,全县贫困发生率下降。县城关镇东关村、西关村发展产业,东关村村民增收。\n"

    def seconds(copies: int) -> float:
        document = Document.from_text(paragraph * copies)
        sentences = split_sentences(document.text)
        start = time.process_time()
        found = find_region(document, sentences, Trace())
        assert found is not None and found.name == "会宁县"
        return time.process_time() - start

    seconds(60)  # warm the gazetteer and the pattern caches
    assert seconds(6000) < 30 * max(seconds(600), 0.01)


def test_a_plain_headline_beats_an_exclaimed_slogan() -> None:
    # Written for the test: a site's slogan above the headline, and a page with only an exclaimed one.
    page = "范文网,内容丰富有趣,生活中的好帮手!\n某县贫困发生率降至0.5%\n正文第一段。\n正文第二段。\n"
    assert Document.from_text(page).title == "某县贫困发生率降至0.5%"
    page = "某市脱贫攻坚考核:再获好评,稳居全省第一方阵!\n正文第一段。\n正文第二段。\n"
    assert Document.from_text(page).title == "某市脱贫攻坚考核:再获好评,稳居全省第一方阵!"


# --- round 2: the phrasings of the genre, each on passages written for these tests ---------------


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: the country is only ever "our country".
        "国务院扶贫办介绍,我国农村贫困人口从9899万人减少到551万人,河北、山西等省贫困县全部摘帽。"
        "我国减贫成就显著。",
        # Written for the test: the same in Traditional script, with a headline.
        "我國脫貧攻堅戰取得全面勝利\n國新辦發表白皮書指出,按照現行標準,我國農村貧困人口已全部脫貧,"
        "雲南、貴州等省份的貧困縣全部清零。",
        # Written for the test: one province named on its own, the country twice.
        "截至去年底,我国贫困发生率降至0.6%,我国832个贫困县全部摘帽。甘肃省最后8个县退出。",
    ],
)
def test_a_country_called_only_our_country_is_named_nationally(text: str) -> None:
    assert where(text) == ("全国", "national", None, None, None)


@pytest.mark.parametrize(
    ("text", "city", "expected"),
    [
        # Written for the test: a radio site's dateline with 消息 instead of 电.
        (
            "央广网西宁9月23日消息(记者李某)近年来,青海互助县贫困发生率下降到0.4%,全县群众收入增加。",
            "西宁市",
            "互助土族自治县",
        ),
        # Written for the test: another site's dateline, 电 after a one-digit date.
        ("人民网兰州3月5日电 会宁县今年减贫1万人,全县贫困村全部出列。", "兰州市", "会宁县"),
        # Written for the test: an agency's dateline in Traditional script with full-width digits.
        ("新華社蘭州３月５日電 會寧縣今年減貧１萬人，全縣貧困村全部出列。", "兰州市", "会宁县"),
        # Written for the test: a provincial paper's app, named after its province.
        ("甘肃日报客户端讯 近日,古浪县易地搬迁群众喜迁新居,古浪县共搬迁1.5万人。", "甘肃省", "古浪县"),
    ],
)
def test_a_dateline_or_a_paper_names_where_the_report_was_filed(text: str, city: str, expected: str) -> None:
    assert region(text).name == expected  # type: ignore[union-attr]
    assert any(d.startswith(f"score {city}") and "press×1" in d for d in decisions(text))


def test_a_province_acting_through_its_bodies_is_not_the_subject() -> None:
    # Written for the test: a statistics bureau and a discipline commission, then the county.
    text = "甘肃省统计局发布数据,甘肃省纪委开展督查,会宁县今年减贫1万人。"
    assert region(text).name == "会宁县"  # type: ignore[union-attr]
    assert any(d.startswith("score 甘肃省") and "institution×2" in d for d in decisions(text))


def test_a_platform_or_the_internet_is_no_press() -> None:
    # Written for the test: 台 of 平台 and 网 of 互联网 right before the county.
    text = "通过电商平台会宁县农产品销往全国,借助互联网会宁县小杂粮走俏。"
    assert any(d.startswith("score 会宁县 -> 2 (mention×2") for d in decisions(text))


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a household's address down to its group, a village team, a resident.
        "今年65岁的李某是会宁县丁家沟镇红星村三组的贫困户,过去因病致贫。红星村驻村工作队帮他养牛,"
        "家住红星村的张某也脱了贫。据了解,会宁县今年减贫1万人,全县产业覆盖率达到90%。",
        # Written for the test: a full-width group number, a column label and ellipses around it.
        "【记者手记】今年65岁的李某是会宁县丁家沟镇红星村３组的贫困户……红星村第一书记王某帮他。"
        "  据了解，会宁县今年减贫１万人，全县产业覆盖率达到90％。",
        # Written for the test: a Sichuan group (社) and a village cadre, then the county's own work.
        "王某是白庙乡青山村3社村民,过去因病致贫。青山村第一书记帮他种药材。近年来,会宁县大力发展"
        "庭院经济,全县贫困户增收明显。",
    ],
)
def test_a_village_in_an_anecdote_leaves_the_report_to_its_county(text: str) -> None:
    assert region(text).name == "会宁县"  # type: ignore[union-attr]
    assert any("resident×" in d for d in decisions(text))


def test_a_village_page_keeps_its_village_despite_its_residents() -> None:
    # Written for the test: a page about one village, whose people and secretary it names.
    text = (
        "石头村是个好地方。石头村村民张某说,石头村第一书记来了以后,石头村变了样。"
        "石头村位于会宁县北部,全村脱贫。"
    )
    assert where(text) == ("石头村", "village", "甘肃省", "白银市", "会宁县")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a long county name, then its first character and level (塔县).
        (
            "塔什库尔干塔吉克自治县海拔高。近年来,塔县发展旅游产业,塔县贫困户全部脱贫。喀什地区、"
            "和田地区也在努力。喀什地区脱贫。",
            "塔什库尔干塔吉克自治县",
        ),
        # Written for the test: a banner clipped to its first character and its direction (土左旗).
        (
            "土默特左旗召开推进会。会上,土左旗通报了产业扶贫进展。呼和浩特市、包头市有关部门参加。",
            "土默特左旗",
        ),
        # Written for the test: a banner clipped so, beside a village named twice.
        (
            "陈巴尔虎旗地处呼伦贝尔草原。近年来,陈旗发展牧业,陈旗牧民收入增加。希望嘎查养牛,希望嘎查发展快。",
            "陈巴尔虎旗",
        ),
    ],
)
def test_a_division_named_in_full_is_then_called_by_its_clipped_form(text: str, expected: str) -> None:
    assert region(text).name == expected  # type: ignore[union-attr]
    assert any(d.startswith(f"score {expected}") and "abbreviated×" in d for d in decisions(text))


def test_a_clipped_form_alone_names_nothing() -> None:
    # Written for the test: 陈旗 without the banner's full name anywhere.
    assert region("陈旗发展很好,牧民增收。") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a resettlement village written with and without 移民.
        (
            "航拍红星移民村。红星移民村位于会宁县。红星村是生态移民安置村,红星村群众收入增长。"
            "会宁县、靖远县共同推进。",
            ("红星村", "village", "甘肃省", "白银市", "会宁县"),
        ),
        # Written for the test: a She village written with and without its people's name.
        (
            "走进赤岭畲族村,青山环绕。近年来,赤岭村发展茶产业,赤岭村贫困户全部脱贫。"
            "福鼎市磻溪镇赤岭村是少数民族村。",
            ("赤岭村", "village", "福建省", "宁德市", "福鼎市"),
        ),
    ],
)
def test_a_word_describing_a_village_is_not_part_of_its_name(text: str, expected: tuple[str, ...]) -> None:
    assert where(text) == expected


def test_a_kind_of_village_is_still_no_village() -> None:
    # Written for the test: 生态移民村 names a kind of village, and no bare name follows.
    text = "会宁县建成生态移民村12个,全县搬迁群众收入增长。"
    assert where(text) == ("会宁县", "county", "甘肃省", "白银市", "会宁县")


def test_a_later_address_places_a_village_deeper() -> None:
    # Written for the test: the headline places the village in its province, the body in its district.
    text = "甘肃红光村喜迁新居\n近日,甘肃省定西市安定区青岚乡红光村举行搬迁仪式,红光村群众住进新房。"
    assert where(text) == ("红光村", "village", "甘肃省", "定西市", "安定区")


@pytest.mark.parametrize(
    ("text", "place", "cue"),
    [
        # Written for the test: a project located in the county it works for.
        (
            "贵州省财政厅下达资金1500万元,用于毕节市纳雍县产业扶贫。建设项目位于纳雍县青杠乡,计划建大棚40个。",
            "纳雍县",
            "mention×2",
        ),
        # Written for the test: a plant located so, written with 坐落在.
        ("扶贫车间坐落在会宁县城郊,吸纳就业300人。甘肃省扶贫办到会宁县调研。", "会宁县", "mention×2"),
        # Written for the test: a village located in its county, which is then a mere locator.
        ("松岭村,地处遂昌县东北部,全村发展农家乐。松岭村村民增收。", "遂昌县", "locator×1"),
    ],
)
def test_a_place_locates_a_place_but_not_a_project(text: str, place: str, cue: str) -> None:
    assert any(d.startswith(f"score {place} -> ") and f"({cue})" in d for d in decisions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a village named 红旗 (red flag), whose 旗 is no banner.
        (
            "甘肃红旗村喜迁新居\n近日,甘肃省定西市安定区青岚乡红旗村举行搬迁仪式,红旗村群众住进新房。",
            ("红旗村", "village", "甘肃省", "定西市", "安定区"),
        ),
        # Written for the test: a township named 旧县 (old county seat), whose 县 is no county.
        (
            "旧县镇位于会宁县东部,全镇辖12个村。旧县镇发展小杂粮产业,旧县镇群众增收。",
            ("旧县镇", "township", "甘肃省", "白银市", "会宁县"),
        ),
    ],
)
def test_a_name_may_hold_a_level_character(text: str, expected: tuple[str, ...]) -> None:
    assert where(text) == expected


def test_a_speaker_is_no_township() -> None:
    # Written for the test: a township head's report, spoken in the first person.
    text = "现在,我代表镇人民政府作报告。今年小坑镇减贫300人,全镇脱贫攻坚成效明显,小坑镇群众满意。"
    assert region(text).name == "小坑镇"  # type: ignore[union-attr]
    assert not any("我代表镇" in d for d in decisions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a central province helps Xinjiang (援疆); the helper is named more.
        (
            "湖南省援疆工作队来到吐鲁番市。湖南省投入援疆资金5亿元,湖南省企业在吐鲁番建厂。"
            "吐鲁番市贫困人口全部脱贫。湖南省干部说,吐鲁番面貌一新。",
            "吐鲁番市",
        ),
        # Written for the test: a pairing named helper first (沪滇), the helper's district named often.
        (
            "沪滇扶贫协作成效显著\n上海市嘉定区今年向文山州投入帮扶资金1亿元。嘉定区干部在文山州挂职,"
            "嘉定区企业采购农产品,嘉定区市民踊跃购买。文山州贫困县全部摘帽。",
            "文山壮族苗族自治州",
        ),
    ],
)
def test_the_helping_side_of_a_partnership_is_not_the_subject(text: str, expected: str) -> None:
    assert region(text).name == expected  # type: ignore[union-attr]
    assert any("partner side of" in d for d in decisions(text))


def test_cities_paired_for_aid_are_partners() -> None:
    # Written for the test: an eastern city paired with a western one, named twice as often.
    text = (
        "苏州市与铜仁市结对帮扶以来,苏州市投入资金5亿元,苏州市企业落户,苏州市民消费。铜仁市贫困人口全部脱贫。"
    )
    assert region(text).name == "铜仁市"  # type: ignore[union-attr]
    assert any("partner side of 与铜仁市结对帮扶" in d for d in decisions(text))


def test_pairing_cadres_with_households_is_no_partnership() -> None:
    # Written for the test: an eastern county pairs its cadres with poor households, and sells west.
    text = "古田县开展干部结对帮扶贫困户活动,全县贫困户全部脱贫。古田县食用菌远销四川省,四川省客商纷纷前来。"
    assert region(text).name == "古田县"  # type: ignore[union-attr]
    assert not any("partner side" in d for d in decisions(text))


# --- furniture: disclaimers, one-line articles, figures cut -------------------------------------


def test_a_short_disclaimer_line_is_dropped() -> None:
    # Written for the test: a site's disclaimer on its own line under the article.
    text = "会宁县全部脱贫\n全县贫困人口由16.6万人减少到4361人。\n本文来源于网络,如有侵犯请联系删除。\n"
    document = Document.from_text(text)
    assert "如有侵犯" not in document.text and "4361人" in document.text
    assert not document.warnings


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a short article saved as one line, the disclaimer run into it.
        "会宁县扎实推进脱贫攻坚 全县贫困人口由2013年的16.6万人减少到2019年的4361人,贫困发生率由29.1%"
        "降至0.83%。全县投入资金5748.5万元。本文来源于网络,如有侵犯版权请联系删除。",
        # Written for the test: a long article whose newlines became spaces, disclaimer at its end.
        "古浪县易地搬迁挪穷窝 "
        + "古浪县共搬迁群众1.5万人,建成安置点12个,投入资金3.2亿元。 " * 12
        + "凡注明来源的作品均转载自其他媒体,不代表本网观点,如有侵犯请联系。",
    ],
)
def test_an_article_on_one_line_is_never_cleaned_away(text: str) -> None:
    document = Document.from_text(text)
    assert "1.5万人" in document.text or "4361人" in document.text
    assert len(document.text) > len(text) // 2


def test_cleaning_that_drops_most_figures_warns() -> None:
    # Written for the test: a page whose figures all stand in short lines under a list heading.
    text = (
        "某县脱贫攻坚纪实\n某县持续推进产业扶贫。\n相关新闻:\n某县减贫1.2万人\n某县投入资金5000万元\n"
        "某县贫困发生率降至0.5%\n某县建成扶贫车间30个\n"
    )
    document = Document.from_text(text)
    assert "1.2万人" not in document.text
    assert any(
        w.startswith("furniture: cleaning dropped 4 of 4 figures (related_list)") for w in document.warnings
    )


def test_a_related_headline_with_a_figure_does_not_warn() -> None:
    # Written for the test: an article with its own figures and one related headline holding one.
    text = (
        "某县脱贫攻坚纪实\n某县减少贫困人口1.3万人,投入资金4800万元,贫困发生率下降到0.7%。\n相关新闻:\n"
        "某市建成扶贫车间30个\n"
    )
    assert not Document.from_text(text).warnings


# --- round 3: named areas and the central government, on passages written for these tests --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the four southern prefectures of Xinjiang as one subject.
        (
            "南疆四地州脱贫攻坚取得决定性进展\n近年来,南疆四地州贫困发生率由29.1%降至2.4%,"
            "喀什地区、和田地区的贫困县陆续摘帽。南疆四地州累计减贫250万人。",
            ("南疆四地州", "prefecture", "新疆维吾尔自治区", None, None),
        ),
        # Written for the test: the Tibetan areas of Sichuan, with two of their prefectures listed.
        (
            "四川藏区32个贫困县全部摘帽。四川藏区包括甘孜州、阿坝州和木里县,四川藏区贫困人口全部脱贫。",
            ("四川藏区", "prefecture", "四川省", None, None),
        ),
    ],
)
def test_a_named_area_of_divisions_is_one_subject(text: str, expected: tuple[str | None, ...]) -> None:
    assert where(text) == expected


def test_a_named_area_has_no_code() -> None:
    # Written for the test: GB/T 2260 codes divisions, not areas; a guessed code would merge places.
    summary = verify(RulesExtractor().extract(Document.from_text(TEXT_AREA)), Document.from_text(TEXT_AREA))
    assert summary.region is not None and summary.region.name == "南疆四地州"
    assert summary.region.code is None


TEXT_AREA = "南疆四地州贫困人口大幅减少。南疆四地州的贫困村全部退出。"


def test_a_central_government_notice_naming_no_place_of_its_own_is_national() -> None:
    # Written for the test: a finance ministry notice that lists the provinces receiving funds
    # (without calling them 省份, which alone marks a national report).
    text = (
        "财政部:中央财政专项扶贫资金提前下达\n近日,财政部提前下达2021年中央财政专项扶贫资金1000亿元,"
        "重点支持河北、山西、四川、云南。"
    )
    assert where(text) == ("全国", "national", None, None, None)
    assert "central_government 全国" in " ".join(decisions(text))


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a county report that cites a central document in its title marks.
        "落实《国务院扶贫办关于做好扶贫工作的通知》要求,某县整改情况如下:辖6个贫困村。",
        # Written for the test: one central grant named once in a township's notes.
        "XX乡争取中央财政资金200万元,修建道路3公里。",
    ],
)
def test_a_cited_central_document_or_one_grant_does_not_make_a_report_national(text: str) -> None:
    assert (where(text) or ("",))[0] != "全国"


def test_a_portal_banner_is_no_headline() -> None:
    # Written for the test: the provincial portal's name stands above a county's headline.
    text = (
        "首页 > 新闻中心 > 地方动态\n甘肃省人民政府门户网站\n通渭县:特色产业铺就增收路\n"
        "近年来,通渭县坚持产业扶贫。全县贫困发生率降至2.1%。\n主办:甘肃省人民政府办公厅\n"
    )
    assert headline("甘肃省人民政府门户网站") is None
    assert Document.from_text(text).title == "通渭县:特色产业铺就增收路"
    assert where(text)[:2] == ("通渭县", "county")


def test_a_portal_banner_is_cut_and_names_no_place() -> None:
    # Written for the test: a county's page on its prefecture's portal, the two named as often.
    text = (
        "定西市人民政府门户网站\n首页 | 政务公开 | 办事服务\n通渭县:特色产业铺就增收路\n"
        "近年来,通渭县在定西市的支持下坚持产业扶贫,定西市多次来通渭县调研。\n"
        "全县贫困发生率降至2.1%。\n"
    )
    document = Document.from_text(text)
    assert "门户网站" not in document.text
    assert where(text)[:2] == ("通渭县", "county")


def test_an_e_paper_masthead_and_a_host_footer_are_cut() -> None:
    # Written for the test: a county's story on its prefecture's e-paper, the province's office as host.
    text = (
        "定西日报数字报 2020年10月16日 星期五 第A03版:县区新闻\n通渭县:特色产业铺就增收路\n"
        "近年来,通渭县坚持产业扶贫,全县贫困发生率降至2.1%。\n"
        "甘肃省扶贫开发办公室主办 地址:甘肃省兰州市某某路1号 邮编:730000\n"
    )
    document = Document.from_text(text)
    assert document.title == "通渭县:特色产业铺就增收路"
    assert "数字报" not in document.text and "邮编" not in document.text
    assert where(text)[:2] == ("通渭县", "county")


def test_the_headline_is_below_the_breadcrumb() -> None:
    # Written for the test: a magazine site's names and slogan above its breadcrumb.
    text = (
        "某某周刊官方网站国家一类新闻网站\n\n经济网 中国经济论坛\n\n首页 > 周刊杂志 > 正文\n\n"
        "【精准扶贫看典型】柳林县:一个煤炭大县的脱贫战\n\n柳林县贫困发生率降至1.2%。全县脱贫。\n"
    )
    assert Document.from_text(text).title == "【精准扶贫看典型】柳林县:一个煤炭大县的脱贫战"


def test_this_county_calls_the_subject_by_its_kind() -> None:
    # Written for the test: a dispatch sets its scene in a township, then reports on 这个县.
    text = (
        "在广西都安瑶族自治县高岭镇,一排排牛舍建在石山脚下。这个县是广西贫困人口最多的县,"
        "2015年底贫困发生率23.8%。几年来,都安累计投入产业扶贫资金12.6亿元。高岭镇村民说生活好了。"
    )
    assert where(text)[:2] == ("都安瑶族自治县", "county")
    assert any(d.startswith("score 都安瑶族自治县") and "全县/该县…×1" in d for d in decisions(text))


def test_a_place_listed_with_its_province_is_listed() -> None:
    # Written for the test: a national report lists prefectures with their provinces.
    text = "深度贫困地区是指甘肃临夏州、四川凉山州、云南怒江州。截至2019年底,全国贫困人口减少到551万人。"
    assert where(text)[:2] == ("全国", "national")
    assert any(d.startswith("score 怒江傈僳族自治州") and "(listed×1)" in d for d in decisions(text))


def test_a_county_site_headline_opens_with_a_bare_name_that_is_a_common_word() -> None:
    # Written for the test: 沿河 is also a word (沿河而建), but a county site's headline opens with it.
    text = (
        "沿河:张家港沿河结亲 山海协作见实效\n沿河土家族自治县是深度贫困县。自江苏省张家港市对口帮扶以来,"
        "张家港市累计投入帮扶资金3.9亿元,张家港市企业16家落户,张家港市还帮助销售农产品。"
        "截至2019年底,沿河县贫困发生率降至1.4%。"
    )
    assert where(text)[:2] == ("沿河土家族自治县", "county")


def test_the_whole_prefecture_is_no_county_named_quanzhou() -> None:
    # Written for the test: 全州 is "the whole prefecture" (全州县 is a county in Guangxi).
    text = (
        "黔东南州扶贫办负责人答记者问\n答:2014年,全州有贫困人口140.6万人,16个县市均为贫困县。"
        "截至2019年底,全州剩余贫困人口5.28万人,全州贫困发生率降至1.37%。"
    )
    assert where(text)[:2] == ("黔东南苗族侗族自治州", "prefecture")
    assert not [m for m in gazetteer().find_mentions(text) if m.division.name == "全州县"]


def test_a_river_named_like_a_township_is_not_the_township() -> None:
    # Written for the test: the headline's 独龙江畔 is the river; the county reports.
    text = (
        "独龙江畔的脱贫故事\n贡山独龙族怒族自治县位于云南省怒江州北部。2014年,贡山县贫困发生率48.7%。"
        "几年来,贡山县在独龙江乡推广草果种植。截至2019年底,全县贫困发生率降至2.6%。"
    )
    assert where(text)[:2] == ("贡山独龙族怒族自治县", "county")


def test_a_related_link_on_the_line_of_its_header_is_no_headline() -> None:
    # Written for the test: the link names another county between the lead and the body.
    text = (
        "本报讯 福贡县是深度贫困县。2014年底,福贡县贫困发生率高达49.6%。\n"
        "相关新闻:兰坪县贫困发生率降至5.1%\n近年来,当地新建扶贫车间32个。全县贫困发生率降至10.2%。\n"
    )
    assert Document.from_text(text).title is None
    assert where(text)[:2] == ("福贡县", "county")


def test_an_area_spanning_provinces_is_reported_by_the_nation() -> None:
    # Written for the test: 乌蒙山片区 spans three provinces; only the country holds it.
    text = (
        "乌蒙山片区脱贫攻坚取得决定性胜利\n乌蒙山片区跨云南、贵州、四川三省,涉及昭通、毕节、凉山等地。"
        "2011年,片区农村贫困人口有765万人。截至2020年11月,乌蒙山片区38个贫困县全部摘帽。"
    )
    assert where(text) == ("全国", "national", None, None, None)
    assert "乌蒙山片区" in name_forms("全国")


def test_a_province_starting_inside_a_county_short_form_wins() -> None:
    # Written for the test: 从江苏 is "from Jiangsu", not the county 从江县.
    names = [m.division.name for m in gazetteer().find_mentions("您从江苏来到贵州沿河县。")]
    assert names == ["江苏省", "贵州省", "沿河土家族自治县"]


def test_a_hot_links_line_in_brackets_is_no_headline() -> None:
    # Written for the test: the bracketed 热点推荐 line names four counties above the headline.
    text = (
        "【热点推荐】 凉山:决战决胜 | 昭觉:新生活 | 布拖:马铃薯丰收 | 美姑:彝绣走出大山\n"
        "悬崖村:从藤梯到钢梯再到新家\n阿土列尔村位于昭觉县支尔莫乡。2016年,全村有贫困户84户。全村脱贫。\n"
    )
    assert Document.from_text(text).title == "悬崖村:从藤梯到钢梯再到新家"


def test_a_lead_printed_twice_is_counted_once() -> None:
    # Written for the test: a page prints the lead as a summary, then again as the text.
    lead = "近几年,兴安盟成为旅游胜地,而几年前兴安盟的这里还有牧民住着茅草屋。"
    text = (
        f"{lead}\n{lead}\n哈日珠日和嘎查隶属兴安盟扎赉特旗胡尔勒镇,全嘎查有贫困户286户、1103人。"
        "哈日珠日和嘎查修了路。哈日珠日和嘎查的牧民住上了新房。\n"
    )
    layout = analyse(text)
    assert [cut.rule for cut in layout.cuts] == ["repeated"]
    assert where(text)[:2] == ("哈日珠日和嘎查", "village")


def test_a_heading_run_into_its_text_is_no_township() -> None:
    # Written for the test: a template with its names removed: "一、乡基本情况乡位于…".
    text = "乡人民政府工作汇报。一、乡基本情况乡位于县西南部,全乡区域面积平方公里。全乡有重点帮扶村个。"
    assert (where(text) or ("",))[0] != "基本情况乡"
    assert not any("基本情况乡" in d for d in decisions(text + text))


def test_a_neighbour_named_as_such_weighs_nothing() -> None:
    # Written for the test: a township report, then a neighbour county's work.
    text = "党家岘乡脱贫攻坚。全乡贫困发生率降至1%。记者了解到,邻近的会宁县通过发展乡村旅游带动了增收。"
    assert not any(d.startswith("score 会宁县") for d in decisions(text))


def test_the_place_a_neighbour_describes_is_named() -> None:
    # Written for the test: a county report introducing its subject by its neighbour (与…相邻的会宁县);
    # the neighbour named inside 与…相邻 weighs nothing, and so does one after 与之相邻的 or 与本县毗邻的.
    text = "与通渭县相邻的会宁县,是国家扶贫开发重点县。2013年底,全县有贫困人口16.6万人。"
    assert (where(text) or ("",))[0] == "会宁县"
    scored = [d for d in decisions(text) if d.startswith("score")]
    assert not any("通渭县" in d for d in scored)
    for lead in ("与之相邻的", "与本县毗邻的"):
        other = f"会宁县脱贫攻坚。全县贫困发生率降至1%。{lead}通渭县也在发展乡村旅游。"
        assert not any(d.startswith("score 通渭县") for d in decisions(other)), lead


def test_a_headline_below_its_eyebrow_is_the_headline() -> None:
    # Written for the test: an eyebrow (引题) naming no place above the headline naming the county;
    # the prefecture is named more often in the body.
    text = (
        "决战决胜脱贫攻坚 奋力夺取全面小康\n\n会宁县:搬出来的好日子\n"
        "白银市扶贫办介绍,白银市今年完成搬迁任务,白银市共搬迁2万人。会宁县新堡乡的群众住进了新房。"
    )
    assert (where(text) or ("",))[0] == "会宁县"
    # A headline that names its place keeps it: the line below is not the headline's.
    other = "会宁县:搬出来的好日子\n通渭县的新房\n会宁县今年完成搬迁任务。通渭县也完成了任务。"
    assert any(d.startswith("score 通渭县") and "title" not in d for d in decisions(other))


@pytest.mark.parametrize(
    "eyebrow",
    [
        "甘肃决战决胜脱贫攻坚系列报道之五\n",  # a series' label
        "甘肃:决战决胜脱贫攻坚\n",  # an eyebrow naming the province
        "聚焦白银脱贫攻坚\n",  # ...or the prefecture
        "",
    ],
)
@pytest.mark.parametrize("label", ["【甘肃脱贫攻坚进行时】", ""])
def test_an_eyebrow_or_a_column_naming_a_holder_is_not_the_headline(eyebrow: str, label: str) -> None:
    # Written for the test: the province or prefecture of a series or a column above (or before)
    # the headline naming the county; the body names the province as often as the county.
    text = (
        f"{eyebrow}{label}会宁县:搬出来的好日子\n"
        "甘肃省推进易地扶贫搬迁,会宁县新堡乡的群众住进了新房。甘肃省扶贫办介绍,会宁县完成了搬迁任务。"
    )
    assert (where(text) or ("",))[0] == "会宁县"


@pytest.mark.parametrize(
    "eyebrow", ["甘肃:决战决胜脱贫攻坚", "聚焦白银市脱贫攻坚", "决战决胜脱贫攻坚·甘肃篇"]
)
def test_an_eyebrow_naming_a_holder_over_a_headline_naming_no_place_is_the_series(eyebrow: str) -> None:
    # Written for the test: the province or prefecture of a series above a headline that names no
    # place; the body names the county twice.
    text = f"{eyebrow}\n搬出来的好日子\n会宁县新堡乡的群众住进了新房。扶贫办介绍,会宁县完成了搬迁任务。"
    assert (where(text) or ("",))[0] == "会宁县"


def test_an_eyebrow_naming_the_county_over_a_headline_naming_no_place_is_the_headlines() -> None:
    # Written for the test: the county of the eyebrow is what the page is about; the body names a
    # township more often than it.
    text = "会宁县:决战决胜脱贫攻坚\n搬出来的好日子\n新堡乡的群众住进了新房。新堡乡完成了搬迁任务。"
    assert (where(text) or ("",))[0] == "会宁县"


@pytest.mark.parametrize("site", ["_白银市人民政府网", " - 白银市人民政府", " | 白银日报"])
def test_the_site_after_a_headline_is_the_sites(site: str) -> None:
    # Written for the test: a page's title bar names the prefecture's site after the county's
    # headline; the body names the prefecture about as often as the county.
    text = (
        f"会宁县:搬出来的好日子{site}\n"
        "白银市推进易地扶贫搬迁,会宁县新堡乡的群众住进了新房。白银市扶贫办介绍,会宁县完成了搬迁任务。"
    )
    assert Document.from_text(text).title == "会宁县:搬出来的好日子"
    assert (where(text) or ("",))[0] == "会宁县"
    assert any(cut.rule == "site_name" for cut in analyse(text).cuts)


@pytest.mark.parametrize("note", ["编者按:", "【编者按】", "编者按:\n"])
def test_an_editors_note_frames_the_series_not_the_subject(note: str) -> None:
    # Written for the test: the note names the province of a series; the article, its county.
    text = (
        f"{note}脱贫攻坚以来,甘肃各地干部群众苦干实干。本报推出系列报道,聚焦甘肃各地,展现全省的生动实践。\n"
        "近年来,古浪县推进易地扶贫搬迁,全县搬迁群众住进了新房。"
    )
    assert (where(text) or ("",))[0] == "古浪县"
    assert any(d.startswith("score 甘肃省") and "editor's note×2" in d for d in decisions(text))


def test_a_subtitle_below_the_headline_is_not_the_headline() -> None:
    # Written for the test: the headline names the prefecture, its subtitle (——) a county of it.
    text = (
        "白银市脱贫攻坚纪实\n——记会宁县的搬迁群众\n"
        "白银市推进易地扶贫搬迁,全市搬迁2万人。会宁县的群众住进了新房,白银市完成了搬迁任务。"
    )
    assert (where(text) or ("",))[0] == "白银市"


def test_a_county_naming_a_village_it_does_not_merely_introduce_locates_it() -> None:
    # Written for the test: a village report that names its county before the village twice and
    # says 全县 three times; the county is named before a village it names once (an example) in full.
    text = (
        "会宁县柳树村变了样。会宁县柳树村有贫困户120户。近年来,柳树村发展养殖。"
        "全县推进产业扶贫,全县上下齐心,全县群众增收。柳树村的村民说,日子好了。"
    )
    assert (where(text) or ("",))[0] == "柳树村"
    county = "会宁县脱贫攻坚。会宁县柳树村发展养殖,全县贫困发生率降至1%。"
    assert any(d.startswith("score 会宁县") and "locator" not in d for d in decisions(county))


def test_an_area_a_county_belongs_to_and_a_site_named_after_china_name_no_nation() -> None:
    # Written for the test: a county report says the programme area it belongs to and cites a
    # provincial site whose name starts with 中国.
    text = (
        "古浪县属于六盘山集中连片特困地区,贫困面大。据中国甘肃网报道,古浪县实施易地扶贫搬迁。"
        "中国甘肃网记者走访了搬迁户。"
    )
    assert (where(text) or ("",))[0] == "古浪县"
    assert any(d.startswith("score 全国") and "press×2" in d and "locator×1" in d for d in decisions(text))


def test_a_county_of_a_national_area_is_no_national_mention() -> None:
    # Written for the test: a county report says which programme area it belongs to.
    text = "通渭县地处定西市东部,是六盘山片区县。2013年底,全县贫困发生率31.2%。全县脱贫。"
    assert not any(d.startswith("score 全国") for d in decisions(text))


def test_a_posted_cadres_home_city_is_the_partner() -> None:
    # Written for the test: an interview with a cadre posted from 张家港 to 沿河, who names his
    # city often; 沿河 (a common word: 沿河而建) counts once the county is named in full.
    text = (
        "访谈|张家港挂职干部:在沿河的三年\n记者:您从张家港来到沿河,最大的感受是什么?\n"
        "答:我是从张家港市派到沿河土家族自治县挂职副县长的。张家港的企业在沿河建起了扶贫车间,"
        "张家港市每年安排资金,还组织沿河群众到张家港务工。\n记者:沿河的脱贫成效怎么样?\n"
        "答:2014年,全县贫困发生率25.4%;到2019年底,全县贫困发生率降至1.5%。"
    )
    assert where(text)[:2] == ("沿河土家族自治县", "county")


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a national briefing that counts provinces and never writes 全国.
        "东西部协作年度考核结果发布\n国务院扶贫办介绍,东部9省市今年向中西部22个省区市投入财政援助资金"
        "200亿元。结对关系中,江苏帮扶陕西、青海西宁;福建帮扶宁夏。宁夏固原市获得援助资金最多。",
        # Written for the test: our country once, a province named alone once, and provinces ranked.
        "易地扶贫搬迁发布会\n发布会介绍,我国累计搬迁960多万人。搬迁规模较大的省份中,贵州省搬迁188万人,"
        "是搬迁人口最多的省份;四川、云南等省区也都超过50万人。",
    ],
)
def test_a_report_counting_provinces_as_its_members_is_national(text: str) -> None:
    assert where(text) == ("全国", "national", None, None, None)


def test_a_natural_village_below_a_village_is_a_village() -> None:
    # Written for the test: a 屯 of 广西, named more rarely than its county.
    text = (
        "都安瑶族自治县:弄拉屯的新日子\n弄拉屯是都安瑶族自治县下坳镇加贵村的一个自然屯,全屯56户231人。"
        "都安县推行贷牛还牛模式,弄拉屯成立养牛小组,2019年弄拉屯贫困户全部脱贫。都安县扶贫办负责人介绍了经验。"
    )
    assert where(text) == ("弄拉屯", "village", "广西壮族自治区", "河池市", "都安瑶族自治县")


def test_a_county_that_has_since_become_a_city_is_named_as_the_report_names_it() -> None:
    # Written for the test: 旬阳县 became 旬阳市 in 2021; the gazetteer is of 2023.
    text = "旬阳县脱贫攻坚工作总结\n2019年,旬阳县减少贫困人口1.2万人,全县贫困发生率降至0.8%。"
    assert where(text) == ("旬阳县", "county", "陕西省", "安康市", "旬阳县")


def test_a_former_county_name_that_is_another_divisions_short_form_is_that_division() -> None:
    # Written for the test: 东乡县 is 甘肃's 东乡族自治县 written short, not 江西's 东乡区 (once 东乡县).
    text = "临夏州东乡县布楞沟村脱贫记\n东乡县布楞沟村有贫困户120户,全村整体脱贫。"
    assert where(text)[2:] == ("甘肃省", "临夏回族自治州", "东乡族自治县")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a speech that names its county once, by its bare short form.
        (
            "在全县脱贫攻坚推进大会上的讲话\n同志们:\n昭觉是深度贫困县,2014年全县有贫困人口9.8万人。"
            "全县上下要决战决胜,我县要确保如期脱贫。",
            ("昭觉县", "county", "四川省", "凉山彝族自治州", "昭觉县"),
        ),
        # Written for the test: a two-character county named once, then called 全县.
        (
            "“蔚县底子薄。”县长说,2014年全县有贫困村251个,截至2019年底全县累计脱贫9.55万人。",
            ("蔚县", "county", "河北省", "张家口市", "蔚县"),
        ),
    ],
)
def test_a_subject_named_once_unplaced_and_called_by_its_kind_is_found(
    text: str, expected: tuple[str, ...]
) -> None:
    assert where(text) == expected


def test_a_name_named_once_unplaced_is_no_subject_beside_another_of_its_kind() -> None:
    # Written for the test: two counties named once each, unplaced: neither is taken for 全县.
    text = "蔚县、昭觉都是深度贫困县。全县贫困人口减少,全县贫困发生率下降。"
    assert where(text) is None


def test_a_name_inside_a_phrase_is_no_unplaced_subject() -> None:
    # Written for the test: 富县 inside the slogan 农产富县, in a report on an unnamed county.
    text = "今年以来,我县认真落实精准扶贫方略,全县减少贫困人口1.2万人。全县实施农产富县战略。"
    assert where(text) is None


def test_a_neighbour_named_with_its_province_or_before_a_border_weighs_nothing() -> None:
    # Written for the test: a township report comparing itself with neighbours, one named with its
    # prefecture (邻近的定西市安定区), one with its province, one before the border (…接壤).
    text = (
        "党家岘乡脱贫攻坚见成效\n全乡贫困发生率降至1%。与邻近的定西市安定区相比,这里山大沟深。"
        "北与陕西省榆林市相连,南与四川省凉山州接壤。"
    )
    scored = [d for d in decisions(text) if d.startswith("score")]
    assert not any(place in d for d in scored for place in ("安定区", "榆林市", "凉山"))


@pytest.mark.parametrize(
    ("sentence", "place", "cue"),
    [
        # Written for the test: institutions and firms named after a place, events pairing places.
        ("兰州银行有关负责人参加了座谈会。", "兰州市", "institution"),
        ("甘肃农业大学的专家来到这里。", "甘肃省", "institution"),
        ("中国农业大学的专家认为产业是根本。", "全国", "institution"),
        ("国家开发银行甘肃分行的负责人参加了座谈会。", "甘肃省", "institution"),
        ("中国扶贫基金会的代表出席了仪式。", "全国", "institution"),
        ("在南宁举办的中国—东盟博览会上,展位前人头攒动。", "全国", "listed"),
        # Written for the test: a meeting held elsewhere, goods sent elsewhere.
        ("在杭州召开的经验交流会上,这里作了发言。", "杭州市", "elsewhere"),
        ("一车车蔬菜运往广州的批发市场。", "广州市", "elsewhere"),
        # Written for the test: people's home towns.
        ("来自河南信阳的张某说,这里变化很大。", "信阳市", "resident"),
        ("浙江温州客商黄某愿意来投资。", "温州市", "resident"),
    ],
)
def test_a_place_named_for_something_else_weighs_little(sentence: str, place: str, cue: str) -> None:
    text = f"会宁县脱贫攻坚纪实\n会宁县地处西北。{sentence}全县贫困发生率降至1%。"
    assert f"score {place} -> 0.5 ({cue}×1)" in decisions(text)


def test_the_relocated_come_from_the_place_reported_on() -> None:
    # Written for the test: 来自 names the township the report is about, not a home town elsewhere.
    text = "搬出大山的三宝乡\n三宝乡地处深山。2017年起,全乡整体搬迁。新社区的5000多名群众来自三宝乡。"
    assert "score 三宝乡 -> 8 (title×1 mention×2; 全乡/该乡…×1)" in decisions(text)


def test_the_partner_is_never_we_the_city_is() -> None:
    # Written for the test: a city paper calls its city 我市 and names it only in the dateline; a
    # partner city named in full must not take 我市 (nor lose it for the city).
    text = (
        "遵义日报讯 今年以来,我市脱贫攻坚稳步推进,湄潭县、凤冈县等地成效明显。\n"
        "东西部扶贫协作中,浙江省宁波市选派干部来挂职。全市贫困发生率降至1.2%。"
    )
    assert where(text)[:2] == ("遵义市", "prefecture")


def test_we_are_the_city_holding_the_counties_named() -> None:
    # Written for the test: a city named only in its paper's name, its counties, and another city
    # named once in full: 我市 and 全市 are the city of the counties.
    text = (
        "邵阳日报讯 今年以来,我市脱贫攻坚稳步推进,隆回县、洞口县成效明显。\n"
        "湖北十堰市的同行来交流。全市贫困发生率降至1.2%。"
    )
    assert where(text)[:2] == ("邵阳市", "prefecture")


def test_a_helpers_own_report_naming_another_place_in_passing_is_no_partnership() -> None:
    # Written for the test: an eastern province's report on its own pairing work, which names a
    # western city once, in a dateline: it stays the province's report.
    text = (
        "广东:全省脱贫攻坚取得决定性成效\n广东省推进对口帮扶,梅州市的变化很大。广东省全省贫困村出列。"
        "据兰州日报报道,广东经验在全国推广。广东省和梅州市的做法走在全国前列。广东省贫困发生率降至0.5%。"
    )
    assert "score 广东省 -> 12 (title×1 mention×5; 全省/该省…×2)" in decisions(text)


def test_a_townships_name_ending_like_a_county_is_the_township() -> None:
    # Written for the test: 桐安乡 ends in 安乡 (湖南's 安乡县), and the page names 湖南 once, in a
    # TV station's name; after a place or a lead-in word the county is meant.
    text = (
        "泽普县桐安乡:戈壁滩上的新家园\n近年来,泽普县桐安乡变化很大。"
        "湖南卫视的记者来到桐安乡采访。全乡有贫困户。"
    )
    assert where(text)[:2] == ("桐安乡", "township")
    assert [m.text for m in gazetteer().find_mentions("湖南安乡县城,在安乡采访。桐安乡")] == [
        "湖南",
        "安乡县",
        "安乡",
    ]


def test_a_tv_station_named_after_a_province_files_the_report() -> None:
    # Written for the test.
    text = "会宁县脱贫攻坚纪实\n会宁县地处西北。浙江卫视的记者来到这里。全县贫困发生率降至1%。"
    assert "score 浙江省 -> 0.5 (press×1)" in decisions(text)


def test_provinces_where_goods_are_sold_are_not_the_nations_members() -> None:
    # Written for the test: the apples go to 20 provinces, the county reports.
    text = "三江县发展特色产业\n三江县地处桂北。这里的苹果销往全国20多个省市。三江县贫困发生率降至1%。"
    assert not any(d.startswith("score 全国") for d in decisions(text))


def test_the_links_to_the_articles_before_and_after_are_furniture() -> None:
    # Written for the test: a county page with the site's previous and next articles in its middle.
    text = (
        "会宁县脱贫攻坚纪实\n会宁县地处西北,全县贫困发生率降至1%。\n"
        "上一篇:通渭县召开推进会 下一篇:安定区马铃薯喜获丰收\n全县贫困村全部出列。\n"
    )
    assert [cut.rule for cut in analyse(text).cuts] == ["related_link"]


@pytest.mark.parametrize("line", ["■ 相关链接:通渭县的脱贫路", "点击进入:甘肃省脱贫攻坚专题", "● 延伸阅读"])
def test_a_link_after_a_bullet_or_a_click_here_is_furniture(line: str) -> None:
    # Written for the test: a county page with a link line in its middle.
    text = f"会宁县脱贫攻坚纪实\n会宁县地处西北,全县贫困发生率降至1%。\n{line}\n全县贫困村全部出列。\n"
    assert [cut.rule for cut in analyse(text).cuts] in (["related_link"], ["related_list"])


def test_a_sidebars_list_above_the_text_ends_at_a_blank_line() -> None:
    # Written for the test: the list's items are furniture, the headline after the blank line is not.
    text = (
        "推荐阅读\n定西市召开推进会\n通渭县扶贫办开展培训\n\n"
        "会宁县脱贫攻坚纪实\n会宁县地处西北,全县贫困发生率降至1%。\n"
    )
    layout = analyse(text)
    assert [cut.rule for cut in layout.cuts] == ["related_list"] * 4
    assert layout.title is not None and text[slice(*layout.title)] == "会宁县脱贫攻坚纪实"


def test_a_blank_line_between_a_lists_header_and_its_item_keeps_the_list() -> None:
    # Written for the test, laid out as seed 003 is: the header, a blank line, its one item.
    text = "相关推荐\n\n会宁县贫困发生率降至1%\n\n本报记者 王某报道\n\n会宁县地处西北,贫困发生率降至1%。\n"
    assert [cut.rule for cut in analyse(text).cuts][:3] == ["related_list"] * 3


def test_a_provinces_broadcaster_files_the_report() -> None:
    # Written for the test.
    text = "会宁县脱贫攻坚纪实\n会宁县地处西北。甘肃省广播电视总台的记者随行采访。全县贫困发生率降至1%。"
    assert "score 甘肃省 -> 0.5 (press×1)" in decisions(text)


def test_aid_to_another_province_named_by_a_guest_is_no_partnership() -> None:
    # Written for the test: a county of 云南 named once; a guest aiding 西藏 names 拉萨 only in a
    # list of his posts, which makes no helped side of 援藏 and no partner of the county.
    text = (
        "近年来,永德县坚持精准扶贫,全县贫困发生率降至1%。\n"
        "北京市援藏干部、拉萨市副市长王某也来到这里交流。\n全县贫困村全部出列。"
    )
    assert where(text)[:2] == ("永德县", "county")


@pytest.mark.parametrize("line", ["视频:通渭县的脱贫故事", "通渭县"])
def test_a_media_link_or_a_place_name_below_the_first_paragraph_is_no_headline(line: str) -> None:
    # Written for the test: a page with no headline on top; a video link or a table's row label
    # stands between its paragraphs.
    text = (
        f"近年来,会宁县坚持精准扶贫,全县贫困发生率降至1%。\n{line}\n全县贫困村全部出列,群众生活明显改善。\n"
    )
    assert analyse(text).title is None
    assert where(text)[0] == "会宁县"


def test_a_place_name_above_the_text_is_a_profiles_headline() -> None:
    # Written for the test: a profile page with only the township's name above its text.
    text = "党家岘乡\n党家岘乡位于县城北部,全乡贫困发生率降至1%。\n全乡贫困村全部出列。\n"
    assert analyse(text).title == (0, 4)


@pytest.mark.parametrize(
    "background",
    [
        "2020年,我国脱贫攻坚战取得了全面胜利,我国现行标准下农村贫困人口全部脱贫,全国832个贫困县全部摘帽。",
        "党的十八大以来,我国脱贫攻坚取得决定性成就。全国农村贫困人口大幅减少。全国832个贫困县全部摘帽。",
        "中国的脱贫攻坚举世瞩目。中国减贫对世界减贫贡献率超过70%。中国提前10年实现减贫目标。",
    ],
)
def test_the_nation_as_background_after_the_subject_is_named_is_not_the_subject(background: str) -> None:
    # Written for the test: a county page without a headline names its county, then sets it against
    # the nation's victory in a paragraph that calls the nation three times.
    text = f"会宁县地处甘肃中部,近年来坚持产业扶贫。{background}\n会宁县贫困发生率降至0.8%。"
    assert where(text) == ("会宁县", "county", "甘肃省", "白银市", "会宁县")


def test_the_province_as_background_after_the_subject_is_named_is_not_the_subject() -> None:
    # Written for the test: a county page without a headline, locating its county in its province,
    # then telling the province's work in a paragraph that calls it twice.
    text = (
        "会宁县地处甘肃中部,近年来坚持产业扶贫。\n近年来,全省上下坚决贯彻落实省委省政府决策部署,"
        "全省脱贫攻坚取得决定性成就。\n会宁县贫困发生率降至0.8%。"
    )
    assert where(text) == ("会宁县", "county", "甘肃省", "白银市", "会宁县")


def test_a_province_report_naming_a_county_as_its_example_stays_the_provinces() -> None:
    # Written for the test: the province calls itself before it names its example.
    text = (
        "今年以来,全省上下坚决贯彻落实脱贫攻坚决策部署,全省贫困发生率降至1%,全省75个贫困县全部摘帽。"
        "甘肃省委高度重视。会宁县发展小杂粮,会宁县贫困人口全部脱贫。"
    )
    assert where(text)[:2] == ("甘肃省", "province")


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a national report calls the nation first, then names one county as
        # its example (twice), and one province.
        "经过8年持续奋斗,我国现行标准下农村贫困人口全部脱贫。河南省兰考县是全国第一批脱贫摘帽的贫困县之一,"
        "兰考县2017年退出贫困县序列;贵州省宣布最后9个深度贫困县退出,全国所有贫困县清零。",
        # Written for the test: the same, the example in a paragraph of its own after the nation's.
        "今年以来全国消费扶贫交易额已超过3000亿元。全国已认定扶贫产品超过13万个,我国消费扶贫成效明显。\n"
        "兰考县是焦裕禄精神的发源地,兰考县的蜜瓜销往各地。",
    ],
)
def test_a_national_report_naming_an_example_stays_the_nations(text: str) -> None:
    assert where(text) == ("全国", "national", None, None, None)


def test_a_headline_below_a_paragraph_is_a_subheading() -> None:
    # Written for the test: a page that lost its headline, with another story's headline (or a
    # subheading) between its paragraphs.
    text = (
        "近年来,会宁县坚持精准扶贫,全县贫困发生率降至1%。\n通渭县:小土豆变成大产业\n"
        "全县贫困村全部出列,群众生活明显改善。\n"
    )
    assert where(text)[0] == "会宁县"


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a township the gazetteer does not list, picked out of the county.
        "全县共有贫困人口5000人,其中青山镇有贫困人口300人。",
        "全县最偏远的青山镇有贫困人口300人。",
    ],
)
def test_a_township_after_其中_or_a_modifier_is_a_place(text: str) -> None:
    assert [local.name for local in local_mentions(text)] == ["青山镇"]


def test_a_kind_of_village_after_a_modifier_is_no_place() -> None:
    # Written for the test.
    assert local_mentions("实现100%的建制村通硬化路,最偏远的村也通了网。") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 集 ends many townships' names (王集镇, 东井集镇)...
        ("关于东井集镇脱贫攻坚工作情况的汇报\n东井集镇位于阳原县东部。全镇有贫困村19个。", "东井集镇"),
        ("王集镇位于沭阳县东部。全镇有贫困村5个,王集镇2019年全部出列。", "王集镇"),
        # ...and 集镇 is a market town after a modifier or alone.
        ("甘泉县加快中心集镇建设,完成小集镇改造3个。全县贫困人口3.2万人。", "甘泉县"),
    ],
)
def test_a_townships_name_may_end_in_ji_market(text: str, expected: str) -> None:
    assert where(text)[0] == expected
