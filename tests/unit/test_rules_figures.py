"""The rules for baseline and outcome figures, on short passages written for these tests (not real
text), each run through the rules extractor and the verifier: every figure expected here is also
proven against its passage."""

from __future__ import annotations

import pytest

from povsum import Document, verify
from povsum.extractors.rules import RulesExtractor
from povsum.numbers import find_quantities, parse_quantity


def figures(text: str) -> dict[str, float]:
    """{"baseline.people": 21000.0, ...}: the verified figures of ``text``."""
    document = Document.from_text(text)
    summary = verify(RulesExtractor().extract(document), document)
    assert not [f for f in summary.verification.failures if not f.is_flag], summary.verification.failures
    return {
        path: quantity.value
        for path, quantity in summary.quantities()
        if path.startswith(("baseline.", "outcome."))
    }


def decisions(text: str, field: str) -> list[str]:
    """The trace's "rule -> decision" lines about ``field``."""
    _, steps = RulesExtractor().explain(Document.from_text(text))
    return [f"{s.rule} -> {s.decision}" for s in steps if s.field == field]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a transition with times written inside it.
        (
            "全旗贫困人口由建档立卡初的2.3万人减少到目前的740人,贫困发生率由13.5%下降到0.37%,"
            "贫困村由38个减少到3个。",
            {
                "baseline.people": 23000,
                "baseline.incidence_rate": 13.5,
                "baseline.poor_villages": 38,
                "outcome.people": 740,
                "outcome.incidence_rate": 0.37,
                "outcome.poor_villages": 3,
            },
        ),
        # Written for the test: years and a comma inside the transition, households and people.
        (
            "全州贫困人口从2014年底的4.1万户15.6万人,减少到2019年底的1200户3900人。",
            {
                "baseline.households": 41000,
                "baseline.people": 156000,
                "outcome.households": 1200,
                "outcome.people": 3900,
            },
        ),
        # Written for the test: a stock, then its fall; households alone.
        (
            "2014年全县有贫困人口4.5万人,到2019年底减少到1200人。",
            {"baseline.people": 45000, "outcome.people": 1200},
        ),
        ("全县贫困户由3200户减少到120户。", {"baseline.households": 3200, "outcome.households": 120}),
        # Written for the test: counts dated by two years, the later one lower, nothing later.
        (
            "2015年,全市建档立卡贫困人口5.3万人。2019年底,全市贫困人口1400人。",
            {"baseline.people": 53000, "outcome.people": 1400},
        ),
        # Written for the test: the registered total, then what is left without the 贫困人口 noun.
        (
            "2015年底,全乡有建档立卡贫困户326户1120人。截至2019年底,未脱贫8户21人,贫困发生率降至0.3%。",
            {
                "baseline.households": 326,
                "baseline.people": 1120,
                "outcome.households": 8,
                "outcome.people": 21,
                "outcome.incidence_rate": 0.3,
            },
        ),
        # Written for the test: households and people paired across 、 and across clauses.
        (
            "全县共确定贫困村64个,贫困户7285户,贫困人口2.917万人。",
            {"baseline.poor_villages": 64, "baseline.households": 7285, "baseline.people": 29170},
        ),
        (
            "全村建档立卡贫困户247户、968人,贫困发生率高达27.4%。",
            {"baseline.households": 247, "baseline.people": 968, "baseline.incidence_rate": 27.4},
        ),
        # Written for the test: counts before their noun, and 全部 making them the baseline too.
        (
            "到2020年底,全市6个贫困县全部摘帽,185个贫困村全部出列,7.8万建档立卡贫困人口如期全部脱贫。",
            {
                "baseline.poor_counties": 6,
                "baseline.poor_villages": 185,
                "baseline.people": 78000,
                "outcome.people_lifted": 78000,
            },
        ),
        (
            "2013年底全县有59个贫困村、3.7万贫困人口,贫困发生率为18.4%。",
            {"baseline.poor_villages": 59, "baseline.people": 37000, "baseline.incidence_rate": 18.4},
        ),
        # Written for the test: incidence-rate synonyms and a bare 0 (no %: not provable as a rate).
        ("1990年全县贫困面达78%。", {"baseline.incidence_rate": 78}),
        ("全省贫困率从21.4%下降到0.75%。", {"baseline.incidence_rate": 21.4, "outcome.incidence_rate": 0.75}),
        ("贫困发生率由8.2%下降为0。", {"baseline.incidence_rate": 8.2, "outcome.incidence_rate": 0}),
        # Written for the test: a lone figure dated with the outcome's year is the outcome.
        (
            "全县贫困人口从2013年的5.2万人减少到2018年的3100人。2018年,全县贫困发生率为0.8%。",
            {"baseline.people": 52000, "outcome.people": 3100, "outcome.incidence_rate": 0.8},
        ),
        # Written for the test: a year between the noun and its figure dates it.
        (
            "贫困发生率2014年为12.5%。全县贫困发生率由12.5%下降到2019年的0.5%。",
            {"baseline.incidence_rate": 12.5, "outcome.incidence_rate": 0.5},
        ),
        # Written for the test: rates dated by several years, nothing later reported.
        (
            "2016年贫困发生率为15.2%。2017年贫困发生率为6.4%。2018年贫困发生率为1.1%。",
            {"baseline.incidence_rate": 15.2, "outcome.incidence_rate": 1.1},
        ),
        # Written for the test: 截至 dates the present, unless a total (共有) follows it.
        ("截至2019年底,全县贫困发生率为2.6%。", {"outcome.incidence_rate": 2.6}),
        (
            "截至2015年底,全州共有贫困人口约26万人,贫困发生率达9.3%。",
            {"baseline.people": 260000, "baseline.incidence_rate": 9.3},
        ),
        ("截至目前,全乡建档立卡贫困户64户183人。", {"baseline.households": 64, "baseline.people": 183}),
        # Written for the test: 截至 a year before the outcome's is where it started.
        (
            "截至2015年底,全市有贫困人口约26万人,贫困发生率达9.3%。到2019年底,贫困人口减少到1.2万人。",
            {"baseline.people": 260000, "baseline.incidence_rate": 9.3, "outcome.people": 12000},
        ),
        # Written for the test: a registered total with a note, then what is left of it.
        (
            "全镇现有建档立卡贫困户(含已脱贫户)832户3120人,其中未脱贫户12户31人。",
            {
                "baseline.households": 832,
                "baseline.people": 3120,
                "outcome.households": 12,
                "outcome.people": 31,
            },
        ),
        # Written for the test: a statistical bulletin's lone figures, lower than the year before.
        (
            "年末农村贫困人口551万人,比上年末减少1109万人;贫困发生率0.6%,比上年下降1.1个百分点。",
            {"outcome.people": 5_510_000, "outcome.incidence_rate": 0.6, "outcome.people_lifted": 11_090_000},
        ),
        # Written for the test: village counts in their forms.
        ("全县辖12个行政村,其中贫困村8个。", {"baseline.poor_villages": 8}),
        ("全县辖12个行政村,均为贫困村。", {"baseline.poor_villages": 12}),
        ("2014年底全镇共识别建档立卡贫困村9个。", {"baseline.poor_villages": 9}),
        ("全省1320个行政村中486个是贫困村。", {"baseline.poor_villages": 486}),
        ("全县158个贫困村有150个实现整村退出。", {"baseline.poor_villages": 158}),
        # Written for the test: a word of the total between the households and their people.
        (
            "2013年底,全镇有建档立卡贫困户1658户共7604人。",
            {"baseline.households": 1658, "baseline.people": 7604},
        ),
        ("截至2019年底,全镇未脱贫4户共10人。", {"outcome.households": 4, "outcome.people": 10}),
        ("截至2019年底,全镇贫困人口降至226户共计813人。", {"outcome.households": 226, "outcome.people": 813}),
        # Written for the test: the time of the exit between the count and 全部.
        ("近年来,青川县128个贫困村已于当年全部出列。", {"baseline.poor_villages": 128}),
        ("近年来,青川县128个贫困村已于2019年12月全部出列。", {"baseline.poor_villages": 128}),
        # Written for the test: the part that changed counted in Chinese numerals leaves the total.
        ("近年来,青川县158个贫困村有一百五十六个整村退出。", {"baseline.poor_villages": 158}),
        ("青川县贫困村四十五个,已出列三十八个。", {"baseline.poor_villages": 45}),
        ("到今年底,全国八百三十二个贫困县将减少四百三十个以上。", {"baseline.poor_counties": 832}),
        ("全旗共有贫困嘎查村41个。", {"baseline.poor_villages": 41}),
        ("全县有省定相对贫困村27个。", {"baseline.poor_villages": 27}),
        ("全县二十个贫困村已全部出列。", {"baseline.poor_villages": 20}),
        ("截至2019年底,全县还有12个贫困村。", {"outcome.poor_villages": 12}),
        # Written for the test: county counts.
        ("全区共有19个贫困县,1342个贫困村。", {"baseline.poor_counties": 19, "baseline.poor_villages": 1342}),
        ("全州国家扶贫开发工作重点县共有6个。", {"baseline.poor_counties": 6}),
        ("全市13个县(市、区)中,其中9个为国家级贫困县。", {"baseline.poor_counties": 9}),
        ("全省聚焦8个未摘帽县开展攻坚。", {"outcome.poor_counties": 8}),
        ("截至2019年底,全县未出列贫困村5个。", {"outcome.poor_villages": 5}),
    ],
)
def test_figures(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the cumulative figure beats the one-year one.
        ("2016年至2019年,全县累计脱贫2870户9640人,其中2018年脱贫365户1187人。", 9640),
        # Written for the test: an undated figure above every one-year figure spans more years.
        ("同期,全州交出188.95万人脱贫的答卷。2017年减贫1.2万人,2018年减贫0.9万人。", 1889500),
        # Written for the test: only one-year figures: the latest year's.
        ("2017年全乡脱贫120户403人。2018年全乡脱贫退出96户311人。", 311),
        # Written for the test: forms of a stated number lifted.
        ("2018年全县退出贫困户1174户3968人。", 3968),
        ("五年来,全州减贫29.86万人。", 298600),
        ("全县减少农村贫困人口5.26万人。", 52600),
        # Written for the test: the same forms with the other nouns for the poor.
        ("4年来共减少贫困群众2.86万人。", 28600),
        ("目前全镇已经退出贫困家庭72户171人。", 171),
        ("当年实现2.38万贫困人口稳定脱贫。", 23800),
        ("截至目前,全乡已经退出贫困户58户196人。", 196),
        ("全县脱贫人口8478人。", 8478),
        ("2019年,全县1200户4350人达到脱贫标准。", 4350),
        ("累计有3.2万贫困群众脱贫。", 32000),
        ("全县贫困人口减少了2.6万人。", 26000),
        ("截止2019年底,全县累计减贫2.1万户7.6万人。", 76000),
        ("全区贫困人口由3.9万人减少到850人,减少了3.8万人。", 38000),
    ],
)
def test_people_lifted(text: str, expected: float) -> None:
    assert figures(text)["outcome.people_lifted"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: flows, targets, thresholds.
        "2019年,全县15个贫困村出列、3个贫困县摘帽。",
        "计划2020年实现剩余1200人脱贫,确保贫困发生率降至2%以下。",
        "确保剩余30个贫困村出列。",
        "2020年,全县将实现剩余贫困人口3000人全部脱贫。",
        "全县综合贫困发生率要低于3%方可退出。",
        # Written for the test: sub-groups, sub-units, a partner region, visits.
        "全县实施易地扶贫搬迁安置贫困人口2300人,带动1500人脱贫。",
        "扶持贫困户及边缘户8642户发展茶叶。",
        "全县有劳动能力的贫困户2470户。",
        "在东西部扶贫协作中,对口帮扶的两县共有贫困人口3.2万人。",
        "这8个贫困县累计完成9.7万人口脱贫,当年完成3.4万人口脱贫。",
        "这10 个贫困县累计完成11.5万人口脱贫。",  # a space before the measure word, as PDF copies write
        "3县分别脱贫2.16万人、1.83万人。",
        "全年培训贫困人口5200人次。",
        "党的十八大以来,全县年均减贫1.2万人。",
        "全县为贫困户发放小额信贷2.3亿元,覆盖贫困户5800户。",
        "2018年新识别贫困人口153户602人。",
        # Written for the test: a place inside the region, one of many, a subset.
        "会宁县扶贫成效显著,全县上下齐心。会宁县向阳村贫困户161户。",
        "石门村是全县53个重点贫困村之一。",
        "全县2018年确定深度贫困村9个。",
        "全县深度贫困村36个,深度贫困人口1.2万人。",
        # Written for the test: one family, not the region's poor.
        "村里的贫困户王大爷家5口人,去年收入2万元。",
        # Written for the test: shares and rates that are not the incidence rate, incomes.
        "全县建档立卡贫困人口参保率达100%,贫困村集体经济收入全部超过5万元。",
        "全县贫困户人均纯收入由2014年的2300元增加到2019年的9800元。",
        "全县边缘易致贫户326户1128人纳入监测。",
    ],
)
def test_not_the_regions_figures(text: str) -> None:
    assert figures(text) == {}


def test_a_village_example_in_a_county_report_is_not_the_county() -> None:
    # Written for the test: a village the gazetteer does not list, named or called 村里, in a county's
    # report; on the village's own page, 村里 is the region.
    county = (
        "会宁县脱贫攻坚工作综述\n2014年,会宁县有建档立卡贫困人口16.6万人。\n"
        "走进石头村,村党支部书记介绍,村里原有贫困户36户128人,贫困发生率21.5%。石头村原有贫困户36户。\n"
    )
    assert figures(county) == {"baseline.people": 166000}
    village = "石头村脱贫纪实\n石头村位于会宁县,村里原有贫困户36户128人,贫困发生率21.5%。"
    assert figures(village) == {
        "baseline.households": 36,
        "baseline.people": 128,
        "baseline.incidence_rate": 21.5,
    }


def test_a_page_with_masked_names_keeps_its_own_figures_only() -> None:
    # Written for the test: no region (XX县), so the subject is what the page calls itself (全县);
    # the nation's figures it cites are another place's.
    text = (
        "XX县脱贫攻坚工作总结\n全县2014年有建档立卡贫困人口5258人。党的十八大以来,全国农村贫困人口"
        "从2012年底的9899万人减少到2019年底的551万人。全县贫困发生率降至0.5%。全县上下齐心协力。"
    )
    assert figures(text) == {"baseline.people": 5258, "outcome.incidence_rate": 0.5}


def test_a_change_is_not_a_stock() -> None:
    # Written for the test: "贫困人口降至…" is what is left, never the baseline.
    assert figures("去年全县退出贫困户1174户3968人,贫困人口降至208户745人,贫困发生率降至0.31%。") == {
        "outcome.households": 208,
        "outcome.people": 745,
        "outcome.incidence_rate": 0.31,
        "outcome.people_lifted": 3968,
    }


def test_the_trace_names_rules_and_cues() -> None:
    # Written for the test.
    text = "2015年全县有建档立卡贫困人口1.2万人。目前,全县剩余贫困人口300人。全县12个贫困村出列。"
    assert decisions(text, "baseline.people") == ["poor_count: total cue 建档立卡 -> kept"]
    assert decisions("计划2020年实现1200人脱贫。", "figures") == [
        "lifted_people_exited -> skipped: a target or plan (计划)"
    ]
    assert decisions(text, "outcome.people") == [
        "remaining_count -> kept",
        "poor_count: remaining cue 剩余 -> skipped: already 300人",
    ]
    assert (
        "villages_count_first -> skipped: a flow (exited without 全部 or a starting count) or one of them"
        in decisions(text, "figures")
    )
    # A rate fallen to a bare 0 and a count in 万 without its noun are the fields' own forms.
    zero = decisions("贫困发生率由8.2%下降为0。", "outcome.incidence_rate")
    assert zero == ["transition_rate: to -> kept"]
    bare = decisions("全州贫困人口从2014年底的86万减少到2019年底的2.3万。", "outcome.people")
    assert bare == ["transition_people: to -> kept"]
    # A bare number that is neither is still refused.
    assert decisions("全县贫困人口由2013年的1570减少到160。", "outcome.people") in (
        [],
        ["transition_people: to -> skipped: no unit of people"],
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # The count grammar shared with the verifier: a count before its noun counts people.
        ("4.29万贫困人口", 42900, "人"),
        ("7.8万建档立卡贫困人口", 78000, "人"),
        ("7亿多农村贫困人口", 700_000_000, "人"),
        ("148.3万相对贫困人口", 1_483_000, "人"),
        ("9.7万人口", 97000, "人"),
        ("3.2万贫困群众", 32000, "人"),
        # its qualifiers in any order
        ("84.24万建档立卡农村贫困人口", 842400, "人"),
        ("3万农村建档立卡贫困人口", 30000, "人"),
        ("零", 0, ""),
    ],
)
def test_count_grammar(text: str, value: float, unit: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.unit) == (pytest.approx(value), unit)


def test_counts_before_their_noun_are_found_whole() -> None:
    # Written for the test.
    found = find_quantities("全市7.8万建档立卡贫困人口如期脱贫,总人口46万人口")
    assert [(m.text, m.parsed.unit) for m in found] == [("7.8万建档立卡贫困人口", "人"), ("46万人口", "人")]
    assert find_quantities("实现零漏评、零错退") == []


# --- Phrasings of the genre beyond the first rules (each passage written for these tests) --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a plan word in a slogan before the figure does not make it a target.
        (
            "围绕脱贫目标,全县贫困发生率由18.6%下降至0.9%。",
            {"baseline.incidence_rate": 18.6, "outcome.incidence_rate": 0.9},
        ),
        (
            "为了让群众过上好日子,全旗建档立卡贫困人口由3.6万人减少到420人。",
            {"baseline.people": 36000, "outcome.people": 420},
        ),
        ("确保高质量打赢脱贫攻坚战,该市累计减贫1.3万人。", {"outcome.people_lifted": 13000}),
        # Written for the test: a purpose before the clause is not a plan for it.
        (
            "为实现2020年全面小康目标,全县贫困人口由3.2万人减少到800人。",
            {"baseline.people": 32000, "outcome.people": 800},
        ),
        # Written for the test: the verbs of a fall, with 了 and after a short phrase ending in 的.
        ("全县贫困发生率降到了1.2%。", {"outcome.incidence_rate": 1.2}),
        (
            "贫困人口由“十二五”末的2.4万人锐减至1318人。",
            {"baseline.people": 24000, "outcome.people": 1318},
        ),
        (
            "全县的贫困发生率,从2014年的15.8%降低为2019年的0.4%。",
            {"baseline.incidence_rate": 15.8, "outcome.incidence_rate": 0.4},
        ),
        # Written for the test: 贫困人口发生率 is the incidence rate too.
        (
            "全县贫困人口发生率从2013年的21.3%下降到2018年的1.2%。",
            {"baseline.incidence_rate": 21.3, "outcome.incidence_rate": 1.2},
        ),
        # Written for the test: a later fall in the next clause is the outcome.
        (
            "贫困发生率从2015年的17.2%下降到2018年的2.6%,2019年进一步下降至0.3%。",
            {"baseline.incidence_rate": 17.2, "outcome.incidence_rate": 0.3},
        ),
        (
            "全乡贫困发生率2015年为31%,2019年底降至0.6%。",
            {"baseline.incidence_rate": 31, "outcome.incidence_rate": 0.6},
        ),
        (
            "貧困發生率從12.5%下降了12個百分點,降至0.5%。",
            {"baseline.incidence_rate": 12.5, "outcome.incidence_rate": 0.5},
        ),
        ("全镇贫困发生率累计下降9.3个百分点至0.7%。", {"outcome.incidence_rate": 0.7}),
        (
            "全县建档立卡贫困人口2014年为5.6万人,2019年为800人。",
            {"baseline.people": 56000, "outcome.people": 800},
        ),
    ],
)
def test_rates_and_transitions(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: households called 贫困家庭, people paired across 共.
        ("全镇有贫困家庭312户、1044人。", {"baseline.households": 312, "baseline.people": 1044}),
        ("全乡共有312户贫困家庭。", {"baseline.households": 312}),
        (
            "该县共有建档立卡贫困村23个,贫困户4120户,共15230人。",
            {"baseline.poor_villages": 23, "baseline.households": 4120, "baseline.people": 15230},
        ),
        # Written for the test: a count with its measure word before the noun, and in 千.
        ("全村当年有533名贫困人口。", {"baseline.people": 533}),
        # Written for the test: 贫困群众 after a stock word is the stock, unless they left poverty.
        ("全县共有贫困群众3.2万人。", {"baseline.people": 32000}),
        ("全县有贫困群众3.2万人脱贫。", {"outcome.people_lifted": 32000}),
        ("全县共有建档立卡贫困户8千余户。", {"baseline.households": 8000}),
        # Written for the test: digits grouped by threes, with a space or a thin space.
        ("研究区共有贫困人口244 501人。", {"baseline.people": 244501}),
        ("全州剩余贫困户12\u2009345户。", {"outcome.households": 12345}),
        # Written for the test: what is left, said with 还剩 / 降至 / households alone.
        ("全省贫困人口还剩2.3万人。", {"outcome.people": 23000}),
        ("全县未脱贫人口降至263户601人。", {"outcome.households": 263, "outcome.people": 601}),
        ("全县现有未脱贫户120户,未脱贫人口325人。", {"outcome.households": 120, "outcome.people": 325}),
        # Written for the test: a count after a clause that ends in a digit is no group of it (the
        # extractor and the verifier read numbers.NOT_A_GROUPS_TAIL).
        ("贫困发生率降为0,12个贫困村全部出列。", {"outcome.incidence_rate": 0, "baseline.poor_villages": 12}),
        (
            "贫困发生率降至百分之0.56,104个贫困村全部出列。",
            {"outcome.incidence_rate": 0.56, "baseline.poor_villages": 104},
        ),
    ],
)
def test_counts_of_households_and_people(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: leaving poverty said otherwise than 脱贫.
        ("近五年来,全区累计有4.6万贫困群众摆脱贫困。", 46000),
        ("全县27.6万贫困人口全部摆脱绝对贫困。", 276000),
        ("2016年以来,全州共有12.3万人走出贫困。", 123000),
        # Written for the test: 减贫人口, 脱贫人口达到.
        ("五年来全县累计减贫人口3.2万人。", 32000),
        ("全县累计脱贫人口达到4.3万人。", 43000),
        # Written for the test: a word of the total between the noun of the lifted and its link.
        ("2014年以来,全县脱贫人口累计达4.3万人。", 43000),
        ("全县减贫人口共计为3.2万人。", 32000),
        ("2014年以来,全县共减少贫困人口共计2.86万人。", 28600),
        ("去年全县退出贫困户1292户共计4379人。", 4379),
        ("全县完成年度目标任务,实现8600人脱贫。", 8600),
        # Written for the test: households before the people lifted.
        ("“十三五”以来,全镇累计减少贫困人口1256户4321人。", 4321),
        # Written for the test: the register's name (建档立卡) before the poor who left.
        ("去年全县退出建档立卡贫困户1292户4379人。", 4379),
        ("全县累计减少建档立卡贫困人口1256户4321人。", 4321),
        ("全县建档立卡贫困人口实现脱贫8600人。", 8600),
        ("全市84.24万建档立卡农村贫困人口全部脱贫。", 842400),
    ],
)
def test_more_forms_of_people_lifted(text: str, expected: float) -> None:
    assert figures(text)["outcome.people_lifted"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 建档立卡 before the village noun; the count before or after it.
        ("全市12个建档立卡贫困村全部出列。", {"baseline.poor_villages": 12}),
        ("辖26个行政村,其中建档立卡贫困村11个。", {"baseline.poor_villages": 11}),
        # the poor villages in a bracket after every village: a breakdown, the region's count
        ("全乡辖6个行政村(贫困村5个,其中一个深度贫困),总人口2.58万人。", {"baseline.poor_villages": 5}),
        ("全镇辖12个行政村(贫困村4个)。", {"baseline.poor_villages": 4}),
        ("全县有省级扶贫开发重点村45个。", {"baseline.poor_villages": 45}),
        # Written for the test: 全部 after a count written after its noun.
        ("贫困村56个已全部退出。", {"baseline.poor_villages": 56}),
        ("全县共识别贫困村54个,现已全部出列。", {"baseline.poor_villages": 54}),
        ("全县贫困村45个,已出列38个。", {"baseline.poor_villages": 45}),
        # Written for the test: a flow, then the whole count, in one sentence.
        ("2020年,全县最后7个贫困村出列,全县46个贫困村全部退出。", {"baseline.poor_villages": 46}),
        # Written for the test: 贫困区县.
        ("全市17个贫困区县全部摘帽。", {"baseline.poor_counties": 17}),
    ],
)
def test_counts_of_villages_and_counties(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a plan in the clause before that names what is planned.
        "力争到2020年,全县贫困发生率降至1%。",
        "力争2020年,全旗贫困发生率降至0.8%。",
        "年度目标任务是:全县减贫3000人。",
        "确保10个贫困村摘帽,贫困人口523户2184人全部脱贫。",
        # Written for the test: two ranks of poor units, their total not stated.
        "全县共有国家级贫困村25个,省级贫困村13个。",
        "全省20个国家级贫困县和15个省级贫困县全部摘帽。",
    ],
)
def test_targets_and_ranks_give_no_figure(text: str) -> None:
    assert figures(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a target's or a forecast's verb right before the fall, inside the
        # transition or opening the figure's own clause: the value fallen to is no outcome.
        ("全县贫困人口由2015年底的3.2万人力争减少到2020年底的800人。", {"baseline.people": 32000}),
        ("全县贫困发生率由2016年的11.2%有望降至今年底的0.9%。", {"baseline.incidence_rate": 11.2}),
        ("贫困发生率力争降至0.5%,贫困村全部出列。", {}),
    ],
)
def test_a_target_verb_before_the_fall_gives_no_outcome(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        # A range of two neighbouring digits before a place reads as its lower bound, about.
        ("三四十人", 30, "about"),
        ("一两万人", 10000, "about"),
        ("一千二三百户", 1200, "about"),
        ("约两三千人", 2000, "about"),
        # Digits grouped by threes are one number.
        ("244 501人", 244501, None),
        ("4\u2009358.73元", 4358.73, None),
    ],
)
def test_count_grammar_ranges_and_groups(text: str, value: float, approx: str | None) -> None:
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.approx) == (pytest.approx(value), approx)


def test_an_unreadable_numeral_never_fails_the_article() -> None:
    # Written for the test: "三四个" (three or four) is ambiguous: no figure, and no error.
    assert figures("全乡有三四个贫困村,贫困人口一千二三百人。") == {"baseline.people": 1200}
    assert "skipped: not a quantity" in " ".join(decisions("全乡有三四个贫困村。", "figures"))


def test_grouped_digits_are_never_read_as_their_tail() -> None:
    # Written for the test.
    assert [m.text for m in find_quantities("贫困人口244 501人,平均收入4 358.73元")] == [
        "244 501人",
        "4 358.73元",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a time on its own line dates the next one.
        (
            "一、历史数据\n-\n2013年底\n全县建档立卡贫困人口4.2万人,贫困发生率21.6%。\n2019年底\n贫困人口减少至363人。",
            {"baseline.people": 42000, "baseline.incidence_rate": 21.6, "outcome.people": 363},
        ),
        # Written for the test: a figure heading finished by the next line, a blank line between.
        (
            "  8.6萬相對貧困人口\n\n  全部達到脫貧標準\n\n  全县上下齐心协力。",
            {"baseline.people": 86000, "outcome.people_lifted": 86000},
        ),
        # Written for the test: a line broken inside a clause.
        (
            "贫困发生率由2013年底的\n16.2%下降到2018年末的0.7%。",
            {"baseline.incidence_rate": 16.2, "outcome.incidence_rate": 0.7},
        ),
        (
            "全县贫困人口由3.4万人减少到\n1300人,贫困发生率降至0.46%。",
            {"baseline.people": 34000, "outcome.people": 1300, "outcome.incidence_rate": 0.46},
        ),
        # Written for the test: a heading naming the noun, its transition on the next line.
        (
            "脱贫攻坚成效\n贫困发生率\n由2014年的16.3%降至2019年的0.4%\n(二)产业发展",
            {"baseline.incidence_rate": 16.3, "outcome.incidence_rate": 0.4},
        ),
        # Written for the test: numbered items are sentences of their own.
        (
            "二、主要成效\n1. 贫困人口由2.9万人减少到800人;\n2. 贫困发生率由18.3%下降到0.5%;\n"
            "3. 45个贫困村全部出列。",
            {
                "baseline.people": 29000,
                "outcome.people": 800,
                "baseline.incidence_rate": 18.3,
                "outcome.incidence_rate": 0.5,
                "baseline.poor_villages": 45,
            },
        ),
    ],
)
def test_figures_across_line_breaks(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a county report naming its province's counties, then its own figures.
        (
            "会宁县地处甘肃中部。会宁县扶贫办介绍,至此,甘肃58个贫困县中又有一批摘帽。"
            "全县贫困发生率由21.3%降至0.8%,全县有贫困村128个。",
            {"baseline.incidence_rate": 21.3, "outcome.incidence_rate": 0.8, "baseline.poor_villages": 128},
        ),
        # Written for the test: a village page closing on its province's figures.
        (
            "平凉村位于山区。平凉村党支部书记说,全村有贫困户42户156人。"
            "近年来,湖南全省贫困发生率由13.4%下降到1.5%。",
            {"baseline.households": 42, "baseline.people": 156},
        ),
        # Written for the test: a province's report naming one of its counties' figures.
        (
            "江西省扶贫办介绍,全省脱贫攻坚成效显著。井冈山市贫困人口由1.9万人减少到300人。"
            "全省贫困发生率由8.7%下降至1.26%。",
            {"baseline.incidence_rate": 8.7, "outcome.incidence_rate": 1.26},
        ),
        # Written for the test: 全市 in a county report is the prefecture around it.
        (
            "据了解,会宁县扶贫成效显著。全县贫困人口由16.6万人减少到4361人。全市贫困发生率已降至0.7%。",
            {"baseline.people": 166000, "outcome.people": 4361},
        ),
        # Written for the test: a dateline's city, and the province in a predicate, name no figure's place.
        (
            "新华社兰州3月5日电 会宁县贫困人口由16.6万人减少到4361人。"
            "会宁县是全省贫困人口最多的县之一,贫困发生率由29.1%下降到0.83%。",
            {
                "baseline.people": 166000,
                "outcome.people": 4361,
                "baseline.incidence_rate": 29.1,
                "outcome.incidence_rate": 0.83,
            },
        ),
    ],
)
def test_figures_of_another_place_are_skipped(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


def test_the_trace_names_the_other_place() -> None:
    # Written for the test.
    text = "会宁县地处甘肃中部。会宁县扶贫办介绍,至此,甘肃58个贫困县全部摘帽。"
    assert "counties_count_first -> skipped: another place's figure (甘肃)" in decisions(text, "figures")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 纳入 right before the register's noun is the register itself.
        (
            "全县共纳入建档立卡贫困户1.2万户4.5万人。",
            {"baseline.households": 12000, "baseline.people": 45000},
        ),
        # Written for the test: the register named without its noun, people counted with 口人.
        ("全县建档立卡12345户45678人。", {"baseline.households": 12345, "baseline.people": 45678}),
        ("全村共有贫困户86户312口人。", {"baseline.households": 86, "baseline.people": 312}),
        # Written for the test: households that all left poverty were the baseline's.
        ("截至2019年底,全县12000户贫困户全部脱贫。", {"baseline.households": 12000}),
        # Written for the test: a share of the population, said with 比例/比重.
        (
            "全县贫困人口3.2万人,占农村人口比例达15.6%。",
            {"baseline.people": 32000, "baseline.incidence_rate": 15.6},
        ),
        (
            "全县有贫困人口2.1万人,占总人口的比重为12.3%。",
            {"baseline.people": 21000, "baseline.incidence_rate": 12.3},
        ),
        # Written for the test: the registered total, its part out of poverty and what is left.
        (
            "全镇共有建档立卡贫困户658户2346人,其中已脱贫612户2201人,未脱贫46户145人。",
            {
                "baseline.households": 658,
                "baseline.people": 2346,
                "outcome.people_lifted": 2201,
                "outcome.households": 46,
                "outcome.people": 145,
            },
        ),
        # Written for the test: a plan, then what is done.
        ("今年全县计划减贫3000人,目前已完成2860人脱贫。", {"outcome.people_lifted": 2860}),
        # Written for the test: a space before the unit, a rate in words, a time after the fall.
        ("全县有贫困户 3562 户 12087 人。", {"baseline.households": 3562, "baseline.people": 12087}),
        (
            "全县贫困发生率由12.5 %下降到0.5 %。",
            {"baseline.incidence_rate": 12.5, "outcome.incidence_rate": 0.5},
        ),
        (
            "全县贫困发生率由百分之十二下降到百分之零点五。",
            {"baseline.incidence_rate": 12, "outcome.incidence_rate": 0.5},
        ),
        ("全县贫困人口减少到2019年底的0.13万人。", {"outcome.people": 1300}),
        # Written for the test: 国家级扶贫开发重点县, 脱贫人数, 减贫人数.
        ("全省12个国家级扶贫开发重点县全部摘帽。", {"baseline.poor_counties": 12}),
        ("全县累计脱贫人数达2.3万人。", {"outcome.people_lifted": 23000}),
        ("2019年减贫人数为3820人。", {"outcome.people_lifted": 3820}),
    ],
)
def test_registers_shares_and_spacing(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


def test_a_registered_total_is_the_baseline_before_a_lone_count() -> None:
    # Written for the test: a list of groups comes first, the register after it.
    text = "全镇有低保户583户1426人,贫困户1137户4210人。全镇2015年建档立卡人口1389户4876人。"
    assert figures(text) == {"baseline.households": 1389, "baseline.people": 4876}


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a place that leads, helps or reports does not own the figures after it.
        "会宁县扶贫成效明显。在甘肃省委、省政府的坚强领导下,贫困发生率由29.1%下降到0.83%。会宁县地处中部。",
        "会宁县扶贫成效明显。在福建省的对口帮扶下,贫困发生率由29.1%下降到0.83%。会宁县地处中部。",
        "会宁县扶贫成效明显。据甘肃省扶贫办统计,贫困发生率由29.1%下降到0.83%。会宁县地处中部。",
    ],
)
def test_a_place_acting_is_not_the_figures_place(text: str) -> None:
    assert figures(text) == {"baseline.incidence_rate": 29.1, "outcome.incidence_rate": 0.83}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a village's or a township's page names itself before its figures.
        (
            "望湖村位于幕阜山区。望湖村贫困户93户,贫困人口310人。全村贫困发生率为18.2%。",
            {"baseline.households": 93, "baseline.people": 310, "baseline.incidence_rate": 18.2},
        ),
        (
            "花桥镇地处山区。花桥镇建档立卡贫困户1230户4100人,贫困发生率12.6%。",
            {"baseline.households": 1230, "baseline.people": 4100, "baseline.incidence_rate": 12.6},
        ),
    ],
)
def test_the_region_named_before_its_own_figures(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: every unit of the region is poor, or some of them are.
        ("全市所辖7个县(区)均为国家级贫困县。", {"baseline.poor_counties": 7}),
        ("全市辖11个旗县市区,均属国家级贫困县。", {"baseline.poor_counties": 11}),
        ("全州14个县中有9个为贫困县。", {"baseline.poor_counties": 9}),
        # Written for the test: dated rates, the later lower one the outcome, a plan named after them.
        (
            "2016年,全县贫困发生率为15.2%。2018年,全县贫困发生率为1.1%。到2020年,确保全县贫困人口全部脱贫。",
            {"baseline.incidence_rate": 15.2, "outcome.incidence_rate": 1.1},
        ),
    ],
)
def test_units_all_poor_and_dated_rates(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: households and people joined by 和.
        (
            "全县共识别出1.2万户贫困户和4.5万贫困人口。",
            {"baseline.households": 12000, "baseline.people": 45000},
        ),
        # Written for the test: what is left, the count written before 未脱贫.
        ("截至2019年底,全县312户786人尚未脱贫。", {"outcome.households": 312, "outcome.people": 786}),
        ("截至目前,全乡还有46户128人未实现脱贫。", {"outcome.households": 46, "outcome.people": 128}),
    ],
)
def test_pairs_and_counts_not_out(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: the stock word between the village noun and its count.
        "全县138个行政村中,贫困村有52个。",
        "据统计,全镇贫困村共有52个。",
    ],
)
def test_a_stock_word_after_the_noun(text: str) -> None:
    assert figures(text) == {"baseline.poor_villages": 52}


def test_counts_grouped_by_commas_are_read_whole() -> None:
    # Written for the test: a statistical bulletin's style, with a count in a following clause.
    text = (
        "某县概况\n2014年,全县有建档立卡贫困户25,586户53,414人,贫困村1,101个,贫困发生率19.3%。"
        "到2019年底,贫困人口减少到1,234人。"
    )
    assert figures(text) == {
        "baseline.households": 25586,
        "baseline.people": 53414,
        "baseline.poor_villages": 1101,
        "baseline.incidence_rate": 19.3,
        "outcome.people": 1234,
    }


def test_poor_masses_before_a_count_are_the_poor() -> None:
    # Written for the test: 贫困群众 in the place of 贫困人口.
    text = "某县概况\n2015年,全县有建档立卡贫困户5100户、贫困群众17300人。如今,贫困群众减少到260人。"
    assert figures(text) == {"baseline.households": 5100, "baseline.people": 17300, "outcome.people": 260}


def test_a_count_the_clause_goes_on_to_help_is_no_stock() -> None:
    # Written for the test: the households helped by one programme, then the county's own count.
    text = "某县概况\n目前,全县对生活困难的贫困群众420户1260人实施临时救助。全县现有贫困人口900人。"
    assert figures(text) == {"outcome.people": 900}
    assert any("a group acted upon" in d for d in decisions(text, "figures"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a space between the verb or noun and the figure, as pages and PDF
        # copies write it.
        (
            "某县概况\n2014年,全县共识别建档立卡贫困户 3,245户,贫困村 48个,贫困发生率 18.6%。"
            "到2019年底,贫困发生率降至 0.8%,累计减少贫困人口 12 821 人。",
            {
                "baseline.households": 3245,
                "baseline.poor_villages": 48,
                "baseline.incidence_rate": 18.6,
                "outcome.incidence_rate": 0.8,
                "outcome.people_lifted": 12821,
            },
        ),
        # Written for the test: label：value lines.
        (
            "某县县情\n建档立卡贫困户:1.2万户\n贫困村:58个\n累计脱贫:4.1万人",
            {"baseline.households": 12000, "baseline.poor_villages": 58, "outcome.people_lifted": 41000},
        ),
    ],
)
def test_a_space_or_a_colon_before_the_figure(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: bounds, not figures.
        "某县概况\n目前,全县贫困人口不足两千人,贫困发生率低于1%。",
        "某县概况\n如今,全县贫困发生率不到1%。",
    ],
)
def test_a_bound_is_not_a_figure(text: str) -> None:
    assert figures(text) == {}


def test_a_townships_remaining_poor_are_not_the_countys() -> None:
    # Written for the test: townships listed before the county total, with the same words.
    text = "某县概况\n全县3个乡镇中,兴隆镇剩余贫困人口312人,太平乡剩余218人。全县合计剩余贫困人口1685人。"
    assert figures(text) == {"outcome.people": 1685}


def test_still_had_in_the_past_is_the_start() -> None:
    # Written for the test: 还有 of five years ago, then what is left now.
    text = "某县概况\n五年前,全县还有贫困人口5.2万人,贫困发生率19%;如今,全县仅剩贫困人口2100人。"
    assert figures(text) == {"baseline.people": 52000, "baseline.incidence_rate": 19, "outcome.people": 2100}


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a rate listed after what is left, and a yearbook's 年末.
        "某县概况\n2019年,全县减贫1200人。年末尚有贫困人口210户633人,贫困发生率3.1%。",
        "某县概况\n2019年,全县减贫1200人。年末全县有贫困人口210户633人,贫困发生率3.1%。",
    ],
)
def test_what_is_left_and_the_rate_listed_after_it(text: str) -> None:
    assert figures(text) == {
        "outcome.households": 210,
        "outcome.people": 633,
        "outcome.incidence_rate": 3.1,
        "outcome.people_lifted": 1200,
    }


def test_the_last_batch_is_not_the_whole() -> None:
    # Written for the test: the final year's counties and people, then the whole up to now.
    text = (
        "某州概况\n2020年,全州最后的7个贫困县全部摘帽,31.2万贫困人口全部脱贫。"
        "至此,全州15个贫困县全部摘帽,建档立卡贫困人口82.6万人全部脱贫。"
    )
    assert figures(text) == {
        "baseline.poor_counties": 15,
        "baseline.people": 826000,
        "outcome.people_lifted": 826000,
    }


def test_a_period_cue_before_an_earlier_figure_is_that_figures() -> None:
    # Written for the test: 共有 counts the register, not the year's 减贫; the latest year wins.
    text = "某县概况\n2016年,全县共有建档立卡贫困人口11.6万人,当年减贫2.2万人。2019年减贫2.9万人。"
    assert figures(text) == {"baseline.people": 116000, "outcome.people_lifted": 29000}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: two-digit years inside a transition.
        (
            "某区概况\n全区贫困人口从14年的5436户1.98万人,下降到19年底的89户213人。",
            {
                "baseline.households": 5436,
                "baseline.people": 19800,
                "outcome.households": 89,
                "outcome.people": 213,
            },
        ),
        # Written for the test: spoken 脱了贫, a newspaper site's dateline naming its city.
        (
            "定西新闻网讯 甘肃省定西市通渭县2014年有贫困人口3万人,贫困发生率15.1%。"
            "五年来,全县3万贫困群众全部脱了贫。",
            {"baseline.people": 30000, "baseline.incidence_rate": 15.1, "outcome.people_lifted": 30000},
        ),
    ],
)
def test_short_years_spoken_exits_and_site_datelines(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a dated series of counts, the last one what is left.
        (
            "某县概况\n2014年全县贫困人口为6.8万人,2016年减至4.1万人,2018年减至1.2万人,2019年底仅剩3216人。",
            {"baseline.people": 68000, "outcome.people": 3216},
        ),
        # Written for the test: a dated series of rates.
        (
            "某县概况\n全县贫困发生率2014年为28.5%,2016年为18.7%,2019年为1.2%。",
            {"baseline.incidence_rate": 28.5, "outcome.incidence_rate": 1.2},
        ),
        # Written for the test: rates listed after a year range.
        (
            "某县概况\n2014年至2019年,全县贫困发生率分别为25.4%、16.2%、5.7%、1.08%。",
            {"baseline.incidence_rate": 25.4, "outcome.incidence_rate": 1.08},
        ),
        # Written for the test: a fall to a list of yearly counts.
        (
            "某县概况\n全县建档立卡贫困户由9562户逐年减少到7014户、2385户和118户。",
            {"baseline.households": 9562, "outcome.households": 118},
        ),
        # Written for the test: a flattened table row, each figure after its year.
        (
            "某县扶贫成效 贫困户 2014年 8216户 2019年 83户 贫困发生率【2014年】8.3%【2019年】0.07%",
            {
                "baseline.households": 8216,
                "outcome.households": 83,
                "baseline.incidence_rate": 8.3,
                "outcome.incidence_rate": 0.07,
            },
        ),
        # Written for the test: the outcome first, compared with the registered start.
        (
            "某县概况\n截至2019年底,全县剩余贫困人口1536人,较2014年建档立卡时的8.1万人减少了7.95万人。",
            {"outcome.people": 1536, "baseline.people": 81000, "outcome.people_lifted": 79500},
        ),
    ],
)
def test_series_dated_pairs_and_comparisons(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


def test_a_pair_with_the_later_year_first_is_no_fall() -> None:
    # Written for the test: the years reversed, so neither figure is taken as a fall.
    assert "households_dated_pair -> skipped: the later year first" in decisions(
        "某县概况 贫困户 2019年 83户 2014年 8216户", "figures"
    )


def test_a_table_row_under_a_header_of_years() -> None:
    # Written for the test: a flattened table, the unit in each row's label; the income row is no field.
    text = (
        "某县主要指标\n指标|2014年|2019年\n贫困户(户)|19832|647\n贫困人口(万人)|7.21|0.21\n"
        "贫困发生率(%)|24.36|0.71\n贫困村(个)|102|—\n人均可支配收入(元)|6210|11056"
    )
    assert figures(text) == {
        "baseline.households": 19832,
        "baseline.people": 72100,
        "baseline.incidence_rate": 24.36,
        "baseline.poor_villages": 102,
        "outcome.households": 647,
        "outcome.people": 2100,
        "outcome.incidence_rate": 0.71,
    }


def test_a_table_row_without_a_header_of_years_is_skipped() -> None:
    # Written for the test: columns that are places, not years.
    text = "某县主要指标\n项目|全省|本县\n贫困人口(人)|62300|1200"
    assert figures(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the counties still poor are named before their count.
        (
            "定西市脱贫攻坚成效显著。截至2019年底,定西市6个县区实现脱贫摘帽,全市剩余通渭县1个贫困县。",
            {"outcome.poor_counties": 1},
        ),
        (
            "临夏州脱贫攻坚。截至2019年底,剩余东乡县、临夏县、积石山县3个县未摘帽。",
            {"outcome.poor_counties": 3},
        ),
        # Written for the test: county-level kinds listed in brackets; 已 before the year of exit.
        ("青海省脱贫攻坚。青海省42个贫困县(市、区、行委)全部摘帽。", {"baseline.poor_counties": 42}),
        ("商洛市巩固成果。商洛市7个贫困县区已于2020年全部摘帽。", {"baseline.poor_counties": 7}),
        # Written for the test: the poor ones among all the units, the noun after the count.
        ("凉山州脱贫攻坚。全州17个县市中有11个国家扶贫开发重点县。", {"baseline.poor_counties": 11}),
    ],
)
def test_counts_of_counties_of_a_prefecture_or_province(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


def test_a_county_report_keeps_another_countys_count_out() -> None:
    # Written for the test: in a county's report a neighbour's count is still the neighbour's.
    text = "会宁县脱贫攻坚。全县贫困发生率降至0.9%。邻近的通渭县有12个贫困村。"
    assert "outcome.poor_villages" not in figures(text) and "baseline.poor_villages" not in figures(text)


def test_a_share_of_units_that_exited_is_a_flow() -> None:
    # Written for the test: "中有3个贫困村已出列" says how many exited, not how many were poor.
    assert "baseline.poor_villages" not in figures("某某县脱贫攻坚。全县20个村中有3个贫困村已出列。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a year's progress, then the latest state: the latest is the outcome.
        (
            "2013年底,全县贫困发生率36.3%。2018年全县减贫1.69万人,贫困发生率下降至11.56%。"
            "截至2019年底,全县剩余贫困人口1.67万人,贫困发生率降至6.23%。",
            {
                "baseline.incidence_rate": 36.3,
                "outcome.incidence_rate": 6.23,
                "outcome.people": 16700,
                "outcome.people_lifted": 16900,
            },
        ),
        # Written for the test: an undated fall first is kept; a dated one does not replace it.
        (
            "2014年全区贫困发生率12.4%。目前全区贫困发生率降至0.11%。2016年,全区贫困发生率降至0.97%。",
            {"baseline.incidence_rate": 12.4, "outcome.incidence_rate": 0.11},
        ),
    ],
)
def test_the_latest_dated_state_is_the_outcome(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 多 before the multiplier (700多万人).
        (
            "到2019年底,全省累计减少贫困人口700多万人,剩余贫困人口30.83万人。",
            {"outcome.people_lifted": 7000000, "outcome.people": 308300},
        ),
        # Written for the test: fewer than in a base year is lifted since then.
        (
            "截至2019年底,全县贫困人口比2014年减少12.9万人,贫困发生率降至1.72%。",
            {"outcome.people_lifted": 129000},
        ),
        # Written for the test: the year of a full exit between the count and 全部脱贫.
        (
            "全县建档立卡贫困人口2.78万户11.2万人已于2020年全部脱贫,71个贫困村全部退出。",
            {"baseline.people": 112000, "outcome.people_lifted": 112000},
        ),
    ],
)
def test_people_lifted_in_more_forms(text: str, expected: dict[str, float]) -> None:
    found = figures(text)
    assert {k: found.get(k) for k in expected} == pytest.approx(expected)


def test_a_headline_rounding_yields_to_the_body() -> None:
    # Written for the test: the headline rounds the body's count of people lifted.
    text = "康保县4.7万贫困人口全部脱贫\n经过五年攻坚,全县建档立卡贫困人口2.17万户4.73万人全部脱贫。"
    assert figures(text)["outcome.people_lifted"] == 47300


def test_an_excerpts_cut_off_last_line_is_not_a_related_list() -> None:
    # Written for the test: a short last line, cut off after a clause, holds the baseline.
    text = (
        "XX镇脱贫攻坚工作汇报\n全镇基础设施建设日益完善,共建成山塘3座、水池21座,实现小病不出村。\n"
        "(二)建档立卡情况\n全镇2014年建档立卡人口1502户5258人,贫困发生率为……"
    )
    assert figures(text) == {"baseline.households": 1502, "baseline.people": 5258}


# --- page forms: a PDF or Word copy's page turns and line breaks ---------------------------------


def test_a_sentence_cut_by_a_page_turn_goes_on_after_the_pages_furniture() -> None:
    # Written for the test: a page footer, a page number and blank lines inside the key sentence,
    # and a running header printed again after the next page number.
    text = (
        "某某县2020年脱贫攻坚工作总结\n"
        "一、基本情况\n"
        "2014年,全县识别贫困户1.2万户4.1万人,贫困发生率21.5%。\n"
        "二、工作成效\n"
        "截至2020年底,全县累计减少贫困人口\n"
        "\n"
        "某某县扶贫开发领导小组办公室                    2021年1月\n"
        "— 4 —\n"
        "\n"
        "3.9万人,贫困发生率由21.5%降至0,剩余贫困人口\n"
        "- 5 -\n"
        "某某县2020年脱贫攻坚工作总结\n"
        "135户402人。\n"
    )
    document = Document.from_text(text)
    assert "累计减少贫困人口3.9万人" in document.text
    assert "剩余贫困人口135户402人" in document.text
    assert "— 4 —" not in document.text and "2021年1月" not in document.text
    assert document.text.count("某某县2020年脱贫攻坚工作总结") == 1
    assert figures(text) == {
        "baseline.households": 12000,
        "baseline.people": 41000,
        "baseline.incidence_rate": 21.5,
        "outcome.people_lifted": 39000,
        "outcome.incidence_rate": 0,
        "outcome.households": 135,
        "outcome.people": 402,
    }


@pytest.mark.parametrize(
    "mark", ["第3页 共8页", "第3頁，共8頁", "—— Page 3 of 8 ——", "（下转第三版）", "－3－"]
)
def test_page_marks_are_furniture_and_a_sentence_goes_on_over_them(mark: str) -> None:
    # Written for the test: a rate cut from its noun by a page mark (and the next page's header).
    text = (
        "某某县脱贫攻坚情况通报\n"
        f"2014年,全县识别建档立卡贫困人口3.2万人,贫困发生率\n{mark}\n某某县脱贫攻坚情况通报\n"
        "18.6%。2019年底,贫困发生率降至0.8%。\n"
    )
    assert figures(text) == {
        "baseline.people": 32000,
        "baseline.incidence_rate": 18.6,
        "outcome.incidence_rate": 0.8,
    }


def test_a_page_mark_after_a_dateline_joins_nothing() -> None:
    # Written for the test: a newspaper's dateline and page above the headline stay lines apart.
    text = "某某日报\n2019年5月16日  星期四\n第01版:要闻\n某某县脱贫路上不落一人\n全县贫困发生率降至0.4%。\n"
    document = Document.from_text(text)
    assert "星期四\n某某县脱贫路上不落一人" in document.text
    assert document.title == "某某县脱贫路上不落一人"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a number and its unit, and a number's digits, on two lines.
        (
            "2014年,全县有建档立卡贫困户1.5万户4.6万\n人,贫困发生率33.1%。截至2019年底,剩余贫困人口612户1\n"
            "493人,贫困发生率降至0.9%。\n",
            {
                "baseline.households": 15000,
                "baseline.people": 46000,
                "baseline.incidence_rate": 33.1,
                "outcome.households": 612,
                "outcome.people": 1493,
                "outcome.incidence_rate": 0.9,
            },
        ),
        # Written for the test: a word broken, once with an English hyphen, and a decimal's point
        # at a line's end.
        (
            "2014年,全县有建档立卡贫困户86户352人,贫困发\n生率27.4%。2019年,全县贫困发-\n生率降至5.\n09%,"
            "仍有贫困村3个。\n",
            {
                "baseline.households": 86,
                "baseline.people": 352,
                "baseline.incidence_rate": 27.4,
                "outcome.incidence_rate": 5.09,
                "outcome.poor_villages": 3,
            },
        ),
        # Written for the test: a rate's noun ends the line, its transition opens the next.
        (
            "截至2020年11月,全县累计减少贫困人口11.4万人,贫困发生率\n由34.5%降至0。\n",
            {"outcome.people_lifted": 114000, "baseline.incidence_rate": 34.5, "outcome.incidence_rate": 0},
        ),
    ],
)
def test_a_line_of_prose_broken_inside_a_number_or_a_word_goes_on(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_a_table_one_cell_per_line_is_not_joined() -> None:
    # Written for the test: a cell per line, after a sentence ending in a comma-free heading.
    document = Document.from_text("表1 贫困人口,贫困发生率\n2014\n12563\n45218\n21.36\n")
    assert "\n12563\n45218\n" in document.text


# --- flattened tables: a year per row, or a field per row under a header of years ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: one cell per line, the units only in the unit line above.
        (
            "表1 某某县贫困人口变化情况\n单位:户、人、%\n年份\n贫困户数\n贫困人口\n贫困发生率\n"
            "2014\n10 320\n38 411\n19.75\n2016\n5 102\n17 230\n8.86\n2019\n215\n806\n0.41\n"
            "注:贫困人口为年底未脱贫人口。\n",
            {
                "baseline.households": 10320,
                "baseline.people": 38411,
                "baseline.incidence_rate": 19.75,
                "outcome.households": 215,
                "outcome.people": 806,
                "outcome.incidence_rate": 0.41,
            },
        ),
        # Written for the test: tab-separated rows, a unit line, and a target row after the last
        # achieved year.
        (
            "某某州主要指标\n单位:万人、%、个\n年度\t贫困人口\t贫困发生率\t贫困县\n2015\t36.2\t21.08\t7\n"
            "2019\t4.15\t2.46\t2\n2020(目标)\t0\t0\t0\n",
            {
                "baseline.people": 362000,
                "baseline.incidence_rate": 21.08,
                "baseline.poor_counties": 7,
                "outcome.people": 41500,
                "outcome.incidence_rate": 2.46,
                "outcome.poor_counties": 2,
            },
        ),
        # Written for the test: full-width digits and ideographic spaces, each column's unit in its
        # brackets; the villages exited each year are a flow.
        (
            "表2　历年贫困人口\n年份　　贫困人口（万人）　　贫困发生率（％）　　出列贫困村（个）\n"
            "２０１５　　９．８２　　１８．４０　　—\n２０１９　　１．０６　　２．０１　　３１\n",
            {
                "baseline.people": 98200,
                "baseline.incidence_rate": 18.4,
                "outcome.people": 10600,
                "outcome.incidence_rate": 2.01,
            },
        ),
        # Written for the test: a field per row, one cell per line, under a header of years.
        (
            "單位：戶、人、%\n項目\n2014年\n2019年\n貧困戶\n4 216\n133\n貧困人口\n15 870\n402\n"
            "貧困村\n96\n0\n",
            {
                "baseline.households": 4216,
                "baseline.people": 15870,
                "baseline.poor_villages": 96,
                "outcome.households": 133,
                "outcome.people": 402,
                "outcome.poor_villages": 0,
            },
        ),
    ],
)
def test_a_flattened_table_gives_its_first_and_last_years(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


def test_a_tables_figure_is_proven_from_its_unit_line_to_its_cell() -> None:
    # Written for the test: the figure's text runs from the unit line to the cell.
    text = "单位:万人、%\n年份\n贫困人口\n贫困发生率\n2014\n3.2\n12.5\n2019\n0.4\n1.1\n"
    document = Document.from_text(text)
    summary = verify(RulesExtractor().extract(document), document)
    assert summary.outcome is not None and summary.outcome.people is not None
    assert (
        summary.outcome.people.text == "单位:万人、%\n年份\n贫困人口\n贫困发生率\n2014\n3.2\n12.5\n2019\n0.4"
    )
    assert parse_quantity(summary.outcome.people.text).value == 4000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a data card's arrows and a space typed before a grouping comma.
        (
            "◆ 贫困人口:由 3.1万人,降至 1 ,406人;\n◆ 贫困发生率:由 14.2 % → 0.66 %;\n",
            {
                "baseline.people": 31000,
                "outcome.people": 1406,
                "baseline.incidence_rate": 14.2,
                "outcome.incidence_rate": 0.66,
            },
        ),
        # Written for the test: what is left named before its count, then in Chinese numerals.
        (
            "全市9个贫困县中已有7个摘帽,剩余甲乙、丙丁2个县。全市还有一千六百多户没有脱贫。",
            {"baseline.poor_counties": 9, "outcome.poor_counties": 2, "outcome.households": 1600},
        ),
        # Written for the test: a list by township, then the region's total.
        (
            "全县贫困人口按乡镇分布如下:\n甲镇 1 203户4 511人;\n乙镇 986户3 870人;\n"
            "全县合计2 189户8 381人,贫困发生率18.2%。\n",
            {"baseline.households": 2189, "baseline.people": 8381, "baseline.incidence_rate": 18.2},
        ),
    ],
)
def test_data_cards_what_is_left_by_name_and_a_lists_total(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


def test_a_bracket_qualifying_a_noun_stands_between_it_and_its_figure() -> None:
    # Written for the test: each figure after a bracket saying what its noun includes; the
    # figures inside the brackets are parts, not the region's.
    text = (
        "2014年,全县识别贫困村(含深度贫困村21个)64个,贫困人口(不含2017年以后动态新增人口)2.3万户8.12万人,"
        "贫困发生率(按乡村户籍人口计算,下同)14.6%。至2019年底,全县累计脱贫(含2014年当年脱贫0.9万人)7.88万人,"
        "剩余贫困人口(含兜底保障对象1 020人)812户2 406人。"
    )
    assert figures(text) == {
        "baseline.poor_villages": 64,
        "baseline.households": 23000,
        "baseline.people": 81200,
        "baseline.incidence_rate": 14.6,
        "outcome.people_lifted": 78800,
        "outcome.households": 812,
        "outcome.people": 2406,
    }


def test_a_word_copy_with_tracked_changes_reads_as_revised() -> None:
    # Written for the test: deleted and inserted figures, and reviewers' notes on lines of their own.
    text = (
        "某某县2019年脱贫攻坚工作报告(修订稿)\n[修订:张主任 2020-01-06 09:12]\n"
        "2014年,全县建档立卡贫困户[删除: 1.02万户][插入: 1.05万户]3.9万人。截至2019年底,"
        "剩余贫困人口[删除: 700户2 100人][插入: 612户1 830人],贫困发生率降至[删除: 1.1%][插入: 0.7%]。\n"
        "[批注1 李科长]: 剩余人数请核对,以2019年12月31日数据为准。\n"
    )
    assert figures(text) == {
        "baseline.households": 10500,
        "baseline.people": 39000,
        "outcome.households": 612,
        "outcome.people": 1830,
        "outcome.incidence_rate": 0.7,
    }
    assert "李科长" not in Document.from_text(text).text


def test_a_fact_sheets_labelled_values_are_dated_by_their_lines() -> None:
    # Written for the test: each label's unit in brackets and its value after a colon, a time
    # opening each line; a township's line has none, and a plan restates what is left.
    text = (
        "2014年底,全县贫困村(个):48;贫困人口(户/人):8 120/30 466;贫困发生率(%):17.2。\n"
        "2019年底,贫困村(个):0;贫困人口(户/人):906/2 511;贫困发生率(%):1.3。\n"
        "2014年以来全县累计脱贫(人):27 955。\n"
        "甲镇剩余贫困人口(户/人):120/341。\n"
        "确保2020年剩余贫困人口全部脱贫,贫困发生率(%)降至0。\n"
    )
    assert figures(text) == {
        "baseline.poor_villages": 48,
        "baseline.households": 8120,
        "baseline.people": 30466,
        "baseline.incidence_rate": 17.2,
        "outcome.poor_villages": 0,
        "outcome.households": 906,
        "outcome.people": 2511,
        "outcome.incidence_rate": 1.3,
        "outcome.people_lifted": 27955,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: how the fall went, between the comma and its verb.
        (
            "全省建档立卡贫困人口由2014年的512万人,累计减少至2019年底的12.4万人。",
            {"baseline.people": 5120000, "outcome.people": 124000},
        ),
        # Written for the test: a period in years before the fall's count.
        (
            "全省贫困人口由2012年的640万人减少到2019年的21.5万人,七年间减少618.5万人。",
            {"baseline.people": 6400000, "outcome.people": 215000, "outcome.people_lifted": 6185000},
        ),
        # Written for the test: what is left of the villages, their noun named before in the sentence.
        (
            "全县原有贫困村96个,至2019年底已出列80个,剩余16个。",
            {"baseline.poor_villages": 96, "outcome.poor_villages": 16},
        ),
    ],
)
def test_a_fall_over_time_a_period_and_what_is_left_of_a_count(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


def test_a_table_of_places_gives_the_regions_row() -> None:
    # Written for the test: a row per place, one cell per line, under columns dated with their unit.
    text = (
        "红河州:石屏县率先脱贫摘帽\n石屏县与全州主要指标对比如下:\n地区\n2014年贫困人口(万人)\n"
        "2019年贫困人口(万人)\n2014年贫困发生率(%)\n2019年贫困发生率(%)\n石屏县\n3.61\n0.12\n11.8\n0.43\n"
        "全州\n28.4\n1.9\n8.7\n1.1\n"
    )
    document = Document.from_text(text)
    summary = verify(RulesExtractor().extract(document), document)
    assert summary.region is not None and summary.region.name == "石屏县"
    assert figures(text) == {
        "baseline.people": 36100,
        "outcome.people": 1200,
        "baseline.incidence_rate": 11.8,
        "outcome.incidence_rate": 0.43,
    }


def test_a_yearbook_table_with_a_unit_column() -> None:
    # Written for the test: the unit of each row in its own column, a "—" for a year not given.
    text = (
        "某某县脱贫攻坚统计表\n序号 指标 单位 2014年 2019年\n1 建档立卡贫困户 户 9204 187\n"
        "2 建档立卡贫困人口 人 33516 498\n3 贫困发生率 % 15.2 0.21\n4 贫困村 个 57 —\n"
        "5 人均纯收入 元 5980 11020\n"
    )
    assert figures(text) == {
        "baseline.households": 9204,
        "baseline.people": 33516,
        "baseline.incidence_rate": 15.2,
        "baseline.poor_villages": 57,
        "outcome.households": 187,
        "outcome.people": 498,
        "outcome.incidence_rate": 0.21,
    }


def test_a_data_portals_records_give_their_start_and_present() -> None:
    # Written for the test: an indicator's record, its start, its present and its fall.
    text = (
        "指标名称:贫困人口\n统计范围:某某县\n基期(2014年):1.6万户 5.83万人\n现期(2019年):205户 691人\n"
        "变化:减少5.76万人\n\n指标名称:贫困发生率\n基期:22.4%\n现期:0.27%\n"
    )
    assert figures(text) == {
        "baseline.households": 16000,
        "baseline.people": 58300,
        "baseline.incidence_rate": 22.4,
        "outcome.households": 205,
        "outcome.people": 691,
        "outcome.incidence_rate": 0.27,
        "outcome.people_lifted": 57600,
    }


def test_a_table_with_places_as_columns_gives_the_regions_column() -> None:
    # Written for the test: cells apart by bars, a column per place, each row dated with its unit.
    text = (
        "石屏县与全省、全州脱贫进度对比\n| 项目 | 全省 | 红河州 | 石屏县 |\n"
        "| 2014年贫困人口(万人) | 574 | 62.1 | 4.4 |\n"
        "| 2019年贫困人口(万人) | 44.2 | 5.3 | 0.3 |\n| 2019年贫困发生率(%) | 1.32 | 1.6 | 0.9 |\n"
    )
    assert figures(text) == {"baseline.people": 44000, "outcome.people": 3000, "outcome.incidence_rate": 0.9}


def test_a_two_level_header_gives_the_regions_row_by_its_groups() -> None:
    # Written for the test: a spreadsheet's merged header flattened into tabs, a row per place.
    text = (
        "石屏县脱贫攻坚统计表\n\t\t建档立卡\t\t\t剩余未脱贫\n"
        "单位\t户数(户)\t人数(人)\t贫困发生率(%)\t户数(户)\t人数(人)\t贫困发生率(%)\n"
        "石屏县\t12 305\t45 210\t17.6\t96\t233\t0.09\n其中:甲镇\t2 105\t7 846\t9.8\t0\t0\t0\n"
    )
    assert figures(text) == {
        "baseline.households": 12305,
        "baseline.people": 45210,
        "baseline.incidence_rate": 17.6,
        "outcome.households": 96,
        "outcome.people": 233,
        "outcome.incidence_rate": 0.09,
    }


def test_a_transition_before_its_subject() -> None:
    # Written for the test: the rate's transition first, its subject after; another place's after.
    county = "由2014年的21.6%下降为2019年的0.77%,这是石屏县贫困发生率的变化轨迹。"
    assert figures(county) == {"baseline.incidence_rate": 21.6, "outcome.incidence_rate": 0.77}
    other = (
        "石屏县脱贫攻坚纪实\n石屏县加快发展。由2014年的12.1%下降为2019年的1.2%,这是红河州贫困发生率的变化。"
    )
    assert figures(other) == {}


def test_a_data_cards_lines_give_the_value_first_and_the_field_after() -> None:
    # Written for the test: a card of lines "value label", the label saying which field and when;
    # the card's other lines (relocated, trainings, posts, money, the prefecture's poor) stay out.
    text = (
        "石屏县脱贫攻坚成就\n"
        "【数说石屏】\n"
        "▶ 4.52万人　2014年全县建档立卡贫困人口\n"
        "▶ 1.21万户　2014年全县建档立卡贫困户\n"
        "▶ 17.6%　2014年全县贫困发生率\n"
        "▶ 58个　全县贫困村数量\n"
        "▶ 4.38万人　截至2019年底全县累计脱贫人口\n"
        "▶ 1402人　2019年底剩余贫困人口\n"
        "▶ 0.55%　2019年底贫困发生率\n"
        "▶ 3个　剩余未出列贫困村\n"
        "▶ 5120户　“十三五”易地扶贫搬迁户数\n"
        "▶ 1.6万人次　2019年开展技能培训\n"
        "▶ 3200人　公益性岗位安置贫困人口\n"
        "▶ 2.1亿元　2019年全县投入扶贫资金\n"
        "▶ 1.2亿元　上海市投入东西部扶贫协作资金\n"
        "▶ 8.2万人　2014年红河州建档立卡贫困人口\n"
    )
    assert figures(text) == {
        "baseline.households": 12100,
        "baseline.people": 45200,
        "baseline.incidence_rate": 17.6,
        "baseline.poor_villages": 58,
        "outcome.people": 1402,
        "outcome.incidence_rate": 0.55,
        "outcome.poor_villages": 3,
        "outcome.people_lifted": 43800,
    }
    assert "card_line: remaining cue 剩余 -> kept" in decisions(text, "outcome.people")
    assert "card_line -> skipped: not the region's figure (红河州)" in decisions(text, "figures")


def test_a_traditional_data_card_with_full_width_digits_and_colons() -> None:
    # Written for the test: a prefecture's card in Traditional characters, the value before a colon.
    text = (
        "昭通市脫貧攻堅成就\n"
        "【數說昭通】\n"
        "◆ １８５.０７萬人：２０１４年全市建檔立卡貧困人口\n"
        "◆ ２４.２％：２０１４年全市貧困發生率\n"
        "◆ １１個：全市貧困縣\n"
        "◆ １７９.５萬人：截至２０１９年底累計減貧人口\n"
        "◆ ５.５７萬人：２０１９年底剩餘貧困人口\n"
        "◆ １.０１％：２０１９年底貧困發生率\n"
        "◆ ３個：剩餘未摘帽縣\n"
        "◆ ３６.１萬人：「十三五」易地扶貧搬遷人數\n"
    )
    assert figures(text) == {
        "baseline.people": 1850700,
        "baseline.incidence_rate": 24.2,
        "baseline.poor_counties": 11,
        "outcome.people": 55700,
        "outcome.incidence_rate": 1.01,
        "outcome.poor_counties": 3,
        "outcome.people_lifted": 1795000,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a card line of the one year later than the baseline the prose dates.
        (
            "石屏县脱贫成效\n2014年,全县有建档立卡贫困人口4.52万人,贫困发生率17.6%。\n0.55%——2019年底全县贫困发生率。\n",
            {"baseline.people": 45200, "baseline.incidence_rate": 17.6, "outcome.incidence_rate": 0.55},
        ),
        # Written for the test: a card line of the start, the prose giving where the rate is now.
        (
            "石屏县脱贫成效\n截至2019年底,全县贫困发生率降至0.55%。\n17.6%——2014年全县贫困发生率。\n",
            {"baseline.incidence_rate": 17.6, "outcome.incidence_rate": 0.55},
        ),
    ],
)
def test_a_card_line_of_one_year_is_placed_by_the_texts_baseline(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: every county deep-poor (so poor), and the deep-poor ones left.
        (
            "文山州脱贫攻坚综述\n文山壮族苗族自治州8个县(市)均为深度贫困县。"
            "截至2019年底,砚山、西畴等5个县(市)已脱贫摘帽,剩余广南、丘北、富宁3个深度贫困县尚未摘帽。",
            {"baseline.poor_counties": 8, "outcome.poor_counties": 3},
        ),
        # Written for the test: what is left named beside the counties that exited.
        (
            "昭通市脱贫攻坚综述\n昭通市11个县(市、区)中有10个贫困县。截至2019年底,全市8个已脱贫摘帽县区,剩余2个县区。",
            {"baseline.poor_counties": 10, "outcome.poor_counties": 2},
        ),
        # Written for the test: a rank before 扶贫开发重点村 still names poor villages.
        (
            "三明市脱贫攻坚综述\n三明市建档立卡贫困户1.2万户4.1万人,省级扶贫开发重点村216个,贫困发生率2.1%。",
            {
                "baseline.households": 12000,
                "baseline.people": 41000,
                "baseline.incidence_rate": 2.1,
                "baseline.poor_villages": 216,
            },
        ),
        # Written for the test: 其中 after every household of the village introduces its poor...
        (
            "石门村的变化\n石门村位于山区。2014年全村有312户1280人,其中建档立卡贫困户96户402人,贫困发生率31.4%。",
            {"baseline.households": 96, "baseline.people": 402, "baseline.incidence_rate": 31.4},
        ),
        # Written for the test: ...but after its poor households it gives a part of them.
        (
            "石门村的变化\n石门村位于山区。2014年全村有96户贫困户,其中建档立卡贫困户30户102人。",
            {"baseline.households": 96},
        ),
        # Written for the test: "一年" is one year: the five years' figure is the longer period.
        (
            "石屏县脱贫攻坚综述\n2019年一年就脱贫1020户3650人。五年累计脱贫4.38万人。",
            {"outcome.people_lifted": 43800},
        ),
        # Written for the test: reaching the standard of exit is leaving poverty.
        (
            "韶关市脱贫攻坚综述\n截至2019年底,全市累计6.2万名相对贫困人口达到脱贫退出标准。",
            {"outcome.people_lifted": 62000},
        ),
    ],
)
def test_deep_poor_units_ranked_villages_a_villages_households_and_one_year(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: dated falls one after another, the start stated before them.
        (
            "石屏县脱贫攻坚综述\n2014年底,全县有建档立卡贫困人口4.52万人。"
            "此后,全县贫困人口2016年底减少到2.1万人,2017年底减少到1.2万人,2019年底减少到3200人。",
            {"baseline.people": 45200, "outcome.people": 3200},
        ),
        # Written for the test: one dated fall.
        ("石屏县脱贫攻坚综述\n全县贫困人口到2019年底减少到1200人。", {"outcome.people": 1200}),
    ],
)
def test_dated_falls_give_the_last_ones_figure(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


def test_a_data_cards_earliest_line_is_the_start_whatever_its_place() -> None:
    # Written for the test: a card's lines of a yearly sequence, not in the order of their years;
    # the province's line and a township's stay out.
    text = (
        "石屏县脱贫攻坚成就\n"
        "【数说石屏】\n"
        "▶ 2.1万人　2016年全县贫困人口\n"
        "▶ 4.52万人　2014年石屏县建档立卡贫困人口\n"
        "▶ 3200人　2019年全县贫困人口\n"
        "▶ 1.3万人　2014年全省贫困人口\n"
        "▶ 450人　2014年异龙镇贫困人口\n"
    )
    assert figures(text) == {"baseline.people": 45200, "outcome.people": 3200}


def test_a_now_cue_opening_a_statement_dates_its_later_parts() -> None:
    # Written for the test: a profile's results line, its rate after two ;-separated parts.
    text = (
        "镇安县脱贫攻坚材料\n一、基本县情\n建档立卡贫困户:9215户\n建档立卡贫困人口:32187人\n"
        "二、脱贫成效\n截至2019年底:已脱贫8976户31524人;未脱贫239户663人;贫困发生率:0.22%\n"
    )
    found = figures(text)
    assert found["outcome.incidence_rate"] == 0.22 and "baseline.incidence_rate" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: per-unit counts ("人均联系贫困户3户") are one unit's share, not a stock.
        (
            "石屏县脱贫攻坚综述\n全县共有建档立卡贫困人口4.52万人。"
            "全县共有2100名干部与贫困户结成帮扶对子,人均联系贫困户3户。",
            {"baseline.people": 45200},
        ),
        # Written for the test: a word opening a 、 list (涉及) is said of each item.
        (
            "石屏县脱贫攻坚综述\n2019年全县贫困发生率降至0.5%。"
            "当年共实施扶贫项目326个,涉及贫困村98个、贫困人口3.2万人。",
            {"outcome.incidence_rate": 0.5},
        ),
        # Written for the test: a target stated before a list governs each item of it.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。"
            "目标是到2020年,剩余贫困人口减少到500人,12个贫困村全部出列。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: the places paired with the region (结对帮扶的) are not the region.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。"
            "结对帮扶的5个县建档立卡贫困人口共计21.4万人,目前已有19.8万人脱贫。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: a clause that looks over the prefecture (放眼全州) says whose figures follow.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。"
            "放眼全州,建档立卡贫困人口28.6万人,贫困村312个。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
    ],
)
def test_per_unit_listed_planned_paired_and_looked_over_figures_are_not_the_regions(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a figure of 1986 in a report on the registration era is history.
        (
            "石屏县脱贫攻坚综述\n1986年,全县被确定为国家重点贫困县,当时农村贫困人口达12.6万人。"
            "2019年底,全县贫困发生率降至0.5%。",
            {"outcome.incidence_rate": 0.5},
        ),
        # Written for the test: a fall ending in 2012 is history beside the register's count.
        (
            "石屏县脱贫攻坚综述\n2010年全县农村贫困人口为9.8万人,到2012年减少到6.5万人。"
            "2014年,全县识别建档立卡贫困人口3.4万人。",
            {"baseline.people": 34000},
        ),
        # Written for the test: a text on the years before the register keeps its figures.
        (
            "石屏县扶贫开发回顾\n全县贫困人口由1994年的8.2万人减少到2000年的3.1万人。",
            {"baseline.people": 82000, "outcome.people": 31000},
        ),
    ],
)
def test_figures_before_the_registration_era_are_history_in_a_report_on_it(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a village's group is a sub-unit, its count not the county's.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。第三村民小组共有贫困户21户76人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: people of one kind named after the poor noun (贫困家庭学生).
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。建档立卡贫困家庭学生共有1.8万名。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: a plan's frame (按照计划) and 要 before a count plan what follows.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。"
            "按照计划,2020年要减少贫困人口2100人,剩余的9个贫困村全部退出。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: a fall dated 2005 by the time opening its sentence is history.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。2005年底,当地贫困人口由2000年的5.2万人减少到3.1万人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
    ],
)
def test_a_groups_one_kinds_planned_and_older_figures_are_not_the_regions(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a neighbour named as the subject (与之相邻的…县) owns the clauses after.
        (
            "石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。邻近的镇雄县至今还有贫困人口6800人,贫困发生率5.1%。",
            {"baseline.people": 45200},
        ),
        # Written for the test: a paired county named as the subject (结对帮扶的…县, 对口帮扶的…县)
        # owns the clauses after it, as a neighbour does.
        (
            "会宁县脱贫攻坚综述\n全县建档立卡贫困人口3.1万人。对口帮扶的通渭县,贫困发生率由12.1%降至0.8%。",
            {"baseline.people": 31000},
        ),
        (
            "会宁县脱贫攻坚综述\n全县建档立卡贫困人口3.1万人。结对帮扶的通渭县贫困发生率曾高达11.3%,如今,"
            "贫困发生率降至0.56%。",
            {"baseline.people": 31000},
        ),
        # Written for the test: a county picked out of the prefecture (其中…县, 全市最偏远的…县) owns
        # the clauses after it.
        (
            "定西市脱贫攻坚综述\n全市建档立卡贫困人口84.2万人。近年来,其中通渭县累计减贫8.2万人,贫困发生率降至0.6%。",
            {"baseline.people": 842000},
        ),
        (
            "定西市脱贫攻坚综述\n全市建档立卡贫困人口84.2万人。全市最偏远的通渭县,贫困人口由2014年的8.2万人"
            "减少到2019年的360人。",
            {"baseline.people": 842000},
        ),
        # Written for the test: a prefecture qualified by its province (…省最偏远的…市) in a province's page.
        (
            "甘肃省脱贫攻坚综述\n全省建档立卡贫困人口552万人。甘肃省最偏远的定西市,贫困发生率由12.1%降至0.8%。",
            {"baseline.people": 5520000},
        ),
        # Written for the test: a village head's "我们村" in a county report is his village.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。“我们村原来有贫困户62户,现在只剩2户了。”村支书说。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: a rate said of a few units inside the region (6个乡镇的).
        (
            "石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。深山区6个乡镇的贫困发生率仍高达8.6%。",
            {"baseline.people": 45200},
        ),
    ],
)
def test_a_neighbours_a_quoted_villages_and_a_few_units_figures_are_not_the_regions(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 拟 plans, and a plan word after the figure (…将全部脱贫) plans it too.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。拟于今年退出贫困村15个,减少贫困人口6200人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。到2020年,1.2万贫困人口将全部脱贫。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: what is left stays the outcome, whatever is planned for it.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。到2020年,剩余的1.2万贫困人口将全部脱贫。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1, "outcome.people": 12000},
        ),
        # Written for the test: 镇上 in a county report is a township.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。镇上的贫困户有86户。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
    ],
)
def test_planned_by_a_word_before_or_after_and_a_township_called_by_its_kind(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_the_extreme_one_of_the_regions_units_is_not_the_region() -> None:
    # Written for the test: the highest village's rate (最高的村) is one unit's.
    text = "石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。贫困发生率最高的村曾达45%,最低的村为3.2%。"
    assert figures(text) == {"baseline.people": 45200}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a few key townships' fall, their noun between them and 由.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。12个重点乡镇贫困人口由2014年的3.6万人减少到2019年的860人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: the rest of the townships (其余8个乡镇) own the clauses after them.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。其余8个乡镇的贫困发生率均已降至1%以下,贫困人口共计1260人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: a sentence opening on a few units as its topic.
        (
            "石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。项目覆盖的56个贫困村,贫困发生率由21.3%降至1.1%。",
            {"baseline.people": 45200},
        ),
        # Written for the test: a partner in 对口协作 helps its own figure out of poverty.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。对口协作的东部城市帮助贫困人口2.6万人实现脱贫。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
    ],
)
def test_key_townships_the_rest_a_topic_of_units_and_a_partners_figures_are_not_the_regions(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the poor villages' own rate (贫困村贫困发生率) is theirs.
        (
            "石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。贫困村贫困发生率由2014年的24.6%降至2019年的1.2%。",
            {"baseline.people": 45200},
        ),
        # Written for the test: a fall of a group poor by one cause (因病致贫户由…).
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。因病致贫户由2015年的3260户减少到2019年的126户。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: 预脱贫 is a forecast.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。2019年预脱贫1.2万人,预退出贫困村15个。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
    ],
)
def test_the_poor_units_rate_a_causes_fall_and_a_forecast_are_not_the_regions(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "history",
    [
        # Written for the test: old times written without a year, in a report on the registration era.
        "新中国成立之初,当地农村贫困发生率高达90%以上,贫困人口达到20多万人。",
        "改革开放初期,当地贫困人口一度达到15.6万人,贫困面达72%。",
        "上世纪80年代末,当地贫困发生率曾高达63%。",
    ],
)
def test_old_times_without_a_year_are_history_in_a_report_on_the_registration_era(history: str) -> None:
    text = f"石屏县脱贫攻坚综述\n全县建档立卡贫困人口4.52万人。{history}"
    assert figures(text) == {"baseline.people": 45200}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a count of some of the poor named after the noun (参保人数).
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至2.1%。建档立卡贫困人口参保人数8.6万人。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 2.1},
        ),
        # Written for the test: their total (总人数) is their count.
        ("石屏县脱贫攻坚综述\n全县建档立卡贫困人口总人数4.52万人。", {"baseline.people": 45200}),
    ],
)
def test_a_count_of_some_of_the_poor_named_after_the_noun_is_not_theirs(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_a_village_writing_of_itself_as_our_village_keeps_its_figures() -> None:
    # Written for the test: a first-person post (no quotation) is about 我们村 itself.
    text = "转载自石屏县人民政府网\n我们村(石屏县异龙镇大桥村)以前很穷,2015年识别贫困户148户597人。"
    assert figures(text) == {"baseline.households": 148, "baseline.people": 597}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a registered total, people first and households in brackets.
        (
            "石屏县脱贫攻坚综述\n2014年全县有建档立卡贫困人口15860人(4210户),贫困发生率18.6%。",
            {"baseline.people": 15860, "baseline.households": 4210, "baseline.incidence_rate": 18.6},
        ),
        # Written for the test: the households after the people and 、.
        (
            "石屏县脱贫攻坚综述\n2014年全县有建档立卡贫困人口15860人、4210户,贫困发生率18.6%。",
            {"baseline.people": 15860, "baseline.households": 4210, "baseline.incidence_rate": 18.6},
        ),
        # Written for the test: the same form in a transition and in what is left.
        (
            "石屏县脱贫攻坚综述\n全县贫困人口由2014年的15860人(4210户)减少到2019年的312人(98户)。",
            {
                "baseline.people": 15860,
                "baseline.households": 4210,
                "outcome.people": 312,
                "outcome.households": 98,
            },
        ),
        (
            "石屏县脱贫攻坚综述\n截至2019年底,全县剩余贫困人口312人(98户)。",
            {"outcome.people": 312, "outcome.households": 98},
        ),
    ],
)
def test_households_after_the_people_in_brackets_or_a_list_are_the_households(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: 涉及 after a count of the poor households gives their people.
        (
            "石屏县脱贫攻坚综述\n2014年全县有建档立卡贫困户4210户,涉及贫困人口15860人,贫困发生率18.6%。",
            {"baseline.households": 4210, "baseline.people": 15860, "baseline.incidence_rate": 18.6},
        ),
        # Written for the test: after projects, or after households that are a sub-group, it does not.
        (
            "石屏县脱贫攻坚综述\n全县有建档立卡贫困人口15860人。2019年共实施扶贫项目326个,涉及贫困人口3.2万人。",
            {"baseline.people": 15860},
        ),
        (
            "石屏县脱贫攻坚综述\n全县有建档立卡贫困人口15860人。2019年易地搬迁贫困户312户,涉及贫困人口1100人。",
            {"baseline.people": 15860},
        ),
    ],
)
def test_people_involved_after_the_poor_households_are_their_people(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a bracket qualifying the poor villages before what is said of them.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率由18.2%降至0.6%,86个贫困村(含深度贫困村12个)全部出列。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 0.6, "baseline.poor_villages": 86},
        ),
        # Written for the test: the same bracket ending one item of a 、 list of the region's stock.
        (
            "石屏县脱贫攻坚综述\n2014年底全县有86个贫困村(含深度贫困村12个)、4.52万贫困人口。",
            {"baseline.poor_villages": 86, "baseline.people": 45200},
        ),
    ],
)
def test_a_bracket_qualifying_the_poor_villages_keeps_them_and_the_list_they_open(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_a_figure_its_own_verb_follows_is_not_the_next_of_a_list_after_a_fall() -> None:
    # Written for the test: "…减少到了1200人,4.38万人脱贫" is a fall and the people lifted.
    text = (
        "石屏县脱贫攻坚综述\n2019年底,全县贫困人口由2014年底的4.5万人减少到了1200人,4.38万人脱贫,"
        "贫困发生率由18.2%下降至0.6%。"
    )
    assert figures(text) == {
        "baseline.people": 45000,
        "baseline.incidence_rate": 18.2,
        "outcome.people": 1200,
        "outcome.incidence_rate": 0.6,
        "outcome.people_lifted": 43800,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the year opening a statement dates its clause after ";" (the later rate
        # of a dated sequence is the outcome).
        (
            "石屏县脱贫攻坚综述\n2016年建档立卡贫困户986户3120人,贫困发生率21.4%。"
            "2018年贫困户412户1206人,脱贫退出574户1914人;贫困发生率为0.82%。",
            {
                "baseline.households": 986,
                "baseline.people": 3120,
                "baseline.incidence_rate": 21.4,
                "outcome.households": 412,
                "outcome.people": 1206,
                "outcome.incidence_rate": 0.82,
                "outcome.people_lifted": 1914,
            },
        ),
        # Written for the test: the total a statement opens with is the baseline of its clause after ";".
        (
            "石屏县脱贫攻坚综述\n截至2015年底,全县共有贫困人口约3.6万人;贫困发生率达12.7%。",
            {"baseline.people": 36000, "baseline.incidence_rate": 12.7},
        ),
        # Written for the test: a clause after ";" naming the present keeps its own time.
        (
            "石屏县脱贫攻坚综述\n2014年全县贫困发生率18.2%;目前贫困发生率0.5%。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 0.5},
        ),
    ],
)
def test_a_clause_after_a_semicolon_goes_on_the_statement_it_follows(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_the_poor_fewer_by_a_figure_in_all_are_the_people_lifted() -> None:
    # Written for the test: "贫困人口共减少N人" (a fall by a figure, 共 before its verb).
    text = "石屏县脱贫攻坚综述\n全县贫困人口由4.5万人减少到1200人,五年来贫困人口共减少4.38万人。"
    assert figures(text) == {"baseline.people": 45000, "outcome.people": 1200, "outcome.people_lifted": 43800}


def test_a_range_of_years_before_a_fall_dates_its_two_ends() -> None:
    # Written for the test: the range dates the fall, so the rate of its last year is the outcome.
    text = (
        "石屏县脱贫攻坚综述\n2014年至2019年,全县贫困人口由4.5万人减少到1200人。2019年全县贫困发生率为0.6%。"
    )
    document = Document.from_text(text)
    summary = RulesExtractor().extract(document)
    assert (summary.baseline.as_of, summary.outcome.as_of) == ("2014", "2019")
    assert figures(text) == {"baseline.people": 45000, "outcome.people": 1200, "outcome.incidence_rate": 0.6}


@pytest.mark.parametrize(
    "fall",
    [
        # Written for the test: the time of the rate between its verb of falling and it.
        "降至目前的0.56%",
        "下降到2019年底的0.56%",
    ],
)
def test_a_time_between_the_fall_and_the_rate_keeps_the_rate(fall: str) -> None:
    text = f"石屏县脱贫攻坚综述\n全县贫困发生率曾高达11.3%,如今,贫困发生率{fall},104个贫困村全部出列。"
    assert figures(text) == {
        "baseline.incidence_rate": 11.3,
        "outcome.incidence_rate": 0.56,
        "baseline.poor_villages": 104,
    }


def test_the_number_of_poor_villages_named_before_its_count() -> None:
    # Written for the test: "贫困村数量为N个" as "贫困村N个".
    text = "石屏县脱贫攻坚综述\n2014年,全县建档立卡贫困村数量为86个,贫困发生率达12.1%。"
    assert figures(text) == {"baseline.poor_villages": 86, "baseline.incidence_rate": 12.1}


def test_a_transitions_figures_dated_in_brackets_after_them() -> None:
    # Written for the test: each figure of the fall with its year in brackets after it.
    text = (
        "石屏县脱贫攻坚综述\n全县贫困人口由4.5万人(2014年底)减少到1200人(2019年底),"
        "贫困发生率由18.2%(2014年底)下降到0.6%(2019年底)。"
    )
    summary = RulesExtractor().extract(Document.from_text(text))
    assert (summary.baseline.as_of, summary.outcome.as_of) == ("2014年底", "2019年底")
    assert figures(text) == {
        "baseline.people": 45000,
        "baseline.incidence_rate": 18.2,
        "outcome.people": 1200,
        "outcome.incidence_rate": 0.6,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the fall's statement after ";" names its time but not its noun.
        (
            "石屏县脱贫攻坚综述\n全县贫困发生率2014年底为18.2%;2019年底下降到0.6%。",
            {"baseline.incidence_rate": 18.2, "outcome.incidence_rate": 0.6},
        ),
        (
            "石屏县脱贫攻坚综述\n2014年,全县有贫困人口4.5万人;到2019年底,已减少到1200人。",
            {"baseline.people": 45000, "outcome.people": 1200},
        ),
    ],
)
def test_a_fall_with_its_noun_elided_after_a_semicolon_goes_on_the_statement_before(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the people of the households just counted, as a sentence of its own.
        (
            "石屏县脱贫攻坚综述\n2014年底,全县有建档立卡贫困户3120户。共计11860人,贫困发生率18.2%。",
            {"baseline.households": 3120, "baseline.people": 11860, "baseline.incidence_rate": 18.2},
        ),
        (
            "石屏县脱贫攻坚综述\n全县识别建档立卡贫困户3120户;合计11860人。2019年底贫困发生率降至0.6%。",
            {"baseline.households": 3120, "baseline.people": 11860, "outcome.incidence_rate": 0.6},
        ),
    ],
)
def test_a_total_of_people_opening_a_sentence_goes_on_the_households_before(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


def test_a_sentence_opening_with_a_total_of_something_else_is_not_the_households_people() -> None:
    # Written for the test: the total after the households is money, not their people.
    text = "石屏县脱贫攻坚综述\n全县有建档立卡贫困户3120户。共计投入资金1.2亿元,贫困发生率18.2%。"
    assert figures(text) == {"baseline.households": 3120, "baseline.incidence_rate": 18.2}


@pytest.mark.parametrize(
    "bound",
    [
        # Written for the test: counts bounding a class of units, before the region's own stock.
        "按扶贫规模看,扶贫对象在2万人以上的县有8个。",
        "贫困人口在500人以下的村有12个,贫困户50户以上的村有6个。",
    ],
)
def test_a_count_bounding_a_class_of_units_is_no_stock(bound: str) -> None:
    text = f"甘孜州扶贫开发综述\n{bound}2010年底,全州农村扶贫对象为36.9万人。"
    assert figures(text) == {"baseline.people": 369000}


# The figures of the 青山镇 passages below (written for the tests): 2016's registered poor, 2018's.
_QINGSHAN_2016_AND_2018 = {
    "baseline.households": 768,
    "baseline.people": 2378,
    "baseline.incidence_rate": 20.26,
    "outcome.households": 393,
    "outcome.people": 1087,
    "outcome.incidence_rate": 0.76,
}


@pytest.mark.parametrize(
    "later",
    [
        # Written for the test: the later year moved out of its figures' sentence, into a heading line
        # over it or a sentence of its own before it; it still dates them.
        "\n(二)2018年基本情况\n贫困户393户1087人,贫困发生率为0.76%。",
        "2018年,全镇脱贫攻坚取得决定性进展。贫困户393户1087人,贫困发生率为0.76%。",
        # Written for the test: the later figures split into two sentences, the second opening on
        # the rate's noun with no time of its own: it lists on at the first one's year...
        "2018年贫困户393户1087人。贫困发生率为0.76%。",
        "截至2018年底,全镇有贫困户393户1087人。贫困发生率为0.76%。",
        # ...the year written after a lead clause that names no figure of the poor.
        "按照现行扶贫标准(2300元),2018年全镇贫困户393户1087人。贫困发生率为0.76%。",
    ],
)
def test_a_time_framing_a_sentence_from_just_before_it_dates_its_figures(later: str) -> None:
    text = f"青山镇脱贫攻坚情况\n(一)2016年基本情况\n建档立卡贫困户768户2378人,贫困发生率20.26%。{later}"
    assert figures(text) == _QINGSHAN_2016_AND_2018


def test_a_sentence_before_with_a_figure_is_no_time_frame() -> None:
    # Written for the test: the sentence before names a year and a figure of its own: no frame.
    text = (
        "青山镇脱贫攻坚情况\n2016年建档立卡贫困户768户2378人,贫困发生率20.26%。"
        "2018年,全镇投入资金1200万元用于修路,受益群众3600人。贫困户393户1087人,贫困发生率为0.76%。"
    )
    assert "outcome.incidence_rate" not in figures(text)


@pytest.mark.parametrize(
    "dated",
    [
        # Written for the test: the later figures' year said in a clause after them.
        "贫困户393户1087人,贫困发生率为0.76%,这是2018年底的数据。",
        "贫困户393户1087人,贫困发生率为0.76%(2018年统计数据)。",
    ],
)
def test_a_clause_after_the_figures_saying_whose_year_they_are_dates_them(dated: str) -> None:
    text = f"青山镇脱贫攻坚情况\n2016年建档立卡贫困户768户2378人,贫困发生率20.26%。{dated}"
    assert figures(text) == _QINGSHAN_2016_AND_2018


def test_a_bracket_notes_the_words_right_before_it_not_a_place_named_earlier() -> None:
    # Written for the test: a village's figures in a bracket after "one of the county's villages".
    text = (
        "石门村的脱贫路\n石门村位于青川县东部,是青川县52个贫困村之一"
        "(2014年建档立卡贫困户136户452人,贫困发生率18.4%)。如今石门村已整村出列。"
    )
    assert figures(text) == {
        "baseline.households": 136,
        "baseline.people": 452,
        "baseline.incidence_rate": 18.4,
    }


def test_a_bracket_right_after_a_place_holds_that_places_figures() -> None:
    # Written for the test: a township named right before the bracket in a county's report.
    text = (
        "青川县脱贫攻坚综述\n2014年,全县建档立卡贫困户8600户29000人。"
        "东坡镇(建档立卡贫困户120户380人)是全县脱贫任务最重的乡镇。"
    )
    assert figures(text) == {"baseline.households": 8600, "baseline.people": 29000}


@pytest.mark.parametrize(
    "frame",
    [
        # Written for the test: a lone rate whose year, the outcome's, is said in a heading over it or
        # in a sentence of its own before it: the outcome.
        "\n(二)2014年基本情况\n",
        "2014年,全县扶贫开发取得明显成效。",
    ],
)
def test_a_time_framing_a_lone_rate_with_the_outcomes_year_makes_it_the_outcome(frame: str) -> None:
    text = (
        "青山县扶贫工作综述\n全县贫困人口由2012年底的3.2万人减少到2014年底的8000人。"
        f"{frame}全县贫困发生率3.5%,低于全省平均水平。"
    )
    assert figures(text) == {"baseline.people": 32000, "outcome.people": 8000, "outcome.incidence_rate": 3.5}


def test_a_range_of_years_framing_a_transition_from_the_sentence_before_dates_its_ends() -> None:
    # Written for the test: the two years of the fall said in a sentence of their own before it.
    text = "青山县扶贫工作综述\n2014年至2019年,全县脱贫攻坚取得决定性进展。全县贫困人口由3.2万人减至1200人。"
    summary = RulesExtractor().extract(Document.from_text(text))
    assert summary.baseline is not None and summary.outcome is not None
    assert (summary.baseline.as_of, summary.outcome.as_of) == ("2014", "2019")
    assert figures(text) == {"baseline.people": 32000, "outcome.people": 1200}


@pytest.mark.parametrize(
    "counts",
    [
        # Written for the test: the register said once, in the heading of its section.
        "现有贫困户1347户2829人。",
        "截至目前,全镇贫困户72户171人,贫困发生率6.1%。",
    ],
)
def test_a_heading_naming_the_register_makes_the_counts_under_it_registered_totals(counts: str) -> None:
    text = f"青山镇脱贫攻坚情况\n一、基本情况\n全镇辖8个行政村。\n(二)建档立卡情况\n{counts}"
    found = figures(text)
    assert {k for k in found if k.startswith("outcome.")} == set()
    assert {"baseline.households", "baseline.people"} <= set(found)


def test_a_heading_naming_something_else_leaves_the_present_counts_outcomes() -> None:
    # Written for the test: a heading of the results over what there is now.
    text = "青山镇脱贫攻坚情况\n全镇建档立卡贫困户800户2900人。\n(二)脱贫成效\n现有贫困户12户31人。"
    assert figures(text) == {
        "baseline.households": 800,
        "baseline.people": 2900,
        "outcome.households": 12,
        "outcome.people": 31,
    }


def _dates(text: str) -> tuple[str | None, str | None]:
    summary = RulesExtractor().extract(Document.from_text(text))
    return (
        summary.baseline.as_of if summary.baseline else None,
        summary.outcome.as_of if summary.outcome else None,
    )


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Written for the test (seed 001's form, which dated the baseline by the exit): the time
        # before a fall ends it; a register read later than the outcome dates no start.
        (
            "截至2020年8月,系统中秀英区建档立卡贫困户1538户7270人。贫困人口已于2019年底全部精准退出,"
            "贫困发生率从4.23%降至0%。",
            (None, "2019年底"),
        ),
        # Written for the test: a time that opens the period dates the start.
        ("2014年以来,全县贫困发生率从12.4%降至0.5%。", ("2014", None)),
        # Written for the test: the villages all exited date the outcome, not their count.
        ("全县贫困人口由3.2万人减少到1200人。截至2019年底,38个贫困村全部出列。", (None, "截至2019年底")),
        # Written for the test: the people all lifted are counted at the start, lifted at the end.
        ("截至2019年底,全县4.6万贫困人口全部脱贫。", (None, "截至2019年底")),
        # Written for the test: people lifted up to a time date the outcome; since a time, not.
        ("全县有贫困人口3.2万人。截至2019年底,累计减贫2.9万人。", (None, "截至2019年底")),
        ("全县有贫困人口3.2万人。2014年以来累计减贫2.9万人。", (None, None)),
    ],
)
def test_a_time_dates_the_end_it_writes_not_the_start(
    text: str, dates: tuple[str | None, str | None]
) -> None:
    assert _dates(text) == dates


def test_the_poor_after_every_household_counted_before_its_noun_are_no_sub_group() -> None:
    # Written for the test: 其中 after 5832户农户 (every household) introduces the region's poor.
    text = "漫川关镇对全镇21个村5832户农户开展排查,其中对全镇建档立卡贫困户1021户3467人逐户走访。"
    assert figures(text) == {"baseline.households": 1021, "baseline.people": 3467}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: a plan document's targets under their heading are no achievements...
        (
            "明水县2017年脱贫攻坚实施方案\n一、基本情况\n全县共有建档立卡贫困户1.26万户3.87万人。"
            "2016年,全县实现5210人脱贫。\n二、目标任务\n2017年,全县减少贫困人口1.2万人,贫困发生率降至7%以下。",
            {"baseline.households": 12600, "baseline.people": 38700, "outcome.people_lifted": 5210},
        ),
        # ...nor what a paragraph opened by 下一步 counts; the next paragraph reports again.
        (
            "全县有贫困人口3.2万人。\n下一步,全县将实现1.2万人脱贫。\n2019年,全县实现2.9万人脱贫。",
            {"baseline.people": 32000, "outcome.people_lifted": 29000},
        ),
    ],
)
def test_figures_in_a_section_of_plans_are_targets(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: two villages' rates, one each (分别), are not the county's...
        (
            "阜平县2014年有建档立卡贫困人口108121人,贫困发生率54.37%。"
            "骆驼湾村、顾家台村贫困发生率分别由2012年的81.2%、73.4%降至0.13%和0.58%。",
            {"baseline.people": 108121, "baseline.incidence_rate": 54.37},
        ),
        # ...and the last counties' exit told as the background of the whole (随着最后…) leaves the
        # whole's people all lifted a baseline.
        (
            "随着最后7个县摘帽,凉山州11个贫困县全部摘帽,105.2万建档立卡贫困人口全部脱贫。",
            {"baseline.poor_counties": 11, "baseline.people": 1052000, "outcome.people_lifted": 1052000},
        ),
    ],
)
def test_figures_of_several_units_and_a_last_batch_told_as_background(
    text: str, expected: dict[str, float]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Written for the test: a yearly series as one sentence a year, the first year between the
        # rate's noun and its figure...
        "青山县扶贫工作综述\n全县贫困发生率2014年底为18.6%。\n2019年底,全县贫困发生率为0.5%。",
        # ...or as a data card's lines, a year, a label and a value each.
        "青山县扶贫工作综述\n2014年底 贫困发生率 18.6%\n2019年底 贫困发生率 0.5%\n",
    ],
)
def test_each_years_statement_dates_its_own_figure(text: str) -> None:
    # The second year's statement, whose figure the baseline does not take, dates no baseline; the
    # latest of the dated figures dates the outcome it gives.
    assert _dates(text) == ("2014年底", "2019年底")
    assert figures(text) == {"baseline.incidence_rate": 18.6, "outcome.incidence_rate": 0.5}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Written for the test: a year named by the page's own date is a time as written; the start
        # of a fall (由2014年底的…) opens a period, so it dates no people lifted after it...
        (
            "青山县扶贫工作综述\n去年底,全县贫困人口由2014年底的7.75万人减少到了1832人,脱贫7.56万人。",
            ("2014年底", "去年底"),
        ),
        (
            "青山县扶贫工作综述\n全县贫困人口由2014年底的7.75万人减少到去年底的1832人。",
            ("2014年底", "去年底"),
        ),
        # ...a range may end on it...
        ("青山县扶贫工作综述\n2014年至去年,全县累计减贫7.56万人。", (None, "去年")),
        # ...and a planned exit's time dates no outcome.
        (
            "青山县扶贫工作综述\n全县贫困人口由3.2万人减少到1200人。到今年底,全县120个贫困村将减少100个以上。",
            (None, None),
        ),
    ],
)
def test_a_year_named_by_the_pages_date_is_a_time_as_written(
    text: str, dates: tuple[str | None, str | None]
) -> None:
    assert _dates(text) == dates


@pytest.mark.parametrize(
    ("dateline", "latest"),
    [
        # Written for the test: 今年 is the present...
        ("", "今年"),
        # ...and the page's date says which year 去年 is: the latest of the dated figures.
        ("发布时间:2019-01-10 10:00\n", "去年"),
    ],
)
def test_the_figure_of_this_or_last_year_is_the_latest(dateline: str, latest: str) -> None:
    text = (
        f"{dateline}青山镇脱贫攻坚情况\n2016年全镇贫困发生率20.26%。2017年全镇贫困发生率9.28%。"
        f"{latest}全镇贫困发生率为0.76%。"
    )
    assert figures(text) == {"baseline.incidence_rate": 20.26, "outcome.incidence_rate": 0.76}
    assert _dates(text) == ("2016", latest)


def test_a_year_after_an_older_one_is_not_the_older_ones() -> None:
    # Written for the test: 今年 after 2014年 is no time of 2014, so the stock stays the start.
    text = "青山县扶贫工作综述\n2014年全县有贫困人口7.75万人,今年贫困发生率降至0.5%。"
    assert figures(text) == {"baseline.people": 77500, "outcome.incidence_rate": 0.5}
    assert _dates(text) == ("2014", "今年")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for the test: the key figure rounded in a box above the text, exact in its body...
        (
            "青山县扶贫工作综述\n【核心提示】近年来,全县累计约19万人摆脱贫困。\n近年来,全县18.95万人脱贫,"
            "贫困发生率降至0.5%。",
            {"outcome.people_lifted": 189500, "outcome.incidence_rate": 0.5},
        ),
        (
            "青山县扶贫工作综述\n全县建档立卡贫困人口约35万人。\n2014年,全县建档立卡贫困人口35.47万人,贫困发生率18.2%。",
            {"baseline.people": 354700, "baseline.incidence_rate": 18.2},
        ),
        # ...but one year's figure is not the rounded figure of several years'.
        (
            "青山县扶贫工作综述\n五年来,全县累计约5万人脱贫。2019年,全县减贫4.8万人。",
            {"outcome.people_lifted": 50000},
        ),
    ],
)
def test_the_exact_figure_beats_its_rounded_restatement(text: str, expected: dict[str, float]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "dates"),
    [
        # Written for the test: the latest year first, as news leads with it: the series runs back,
        # so its last figure is the start...
        (
            "青山县扶贫工作综述\n全县贫困发生率2019年底为0.07%,2013年底为39.86%。",
            {"baseline.incidence_rate": 39.86, "outcome.incidence_rate": 0.07},
            ("2013年底", "2019年底"),
        ),
        # ...and a start before the registration era is history only when the latest year is.
        (
            "青山县扶贫工作综述\n建档立卡以来,全县贫困人口2014年为2.64万人,2011年为5.5万人。",
            {"baseline.people": 55000, "outcome.people": 26400},
            ("2011", "2014"),
        ),
    ],
)
def test_a_series_whose_later_year_comes_first_runs_back_in_time(
    text: str, expected: dict[str, float], dates: tuple[str, str]
) -> None:
    assert figures(text) == expected
    assert _dates(text) == dates
