"""The verifier proves or removes: planted numbers, moved quotes and wrong values never survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from povsum import ArticleSummary, Document, verify
from povsum.models import Evidence, ExtractorInfo, Funding, Quantity, Region, Snapshot, Source

TEXT = "2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人;全市投入资金7488万元。"


@pytest.fixture
def doc() -> Document:
    return Document.from_text(TEXT)


def evidence_for(doc: Document, quote: str) -> Evidence:
    start, end = doc.locate(quote)
    return Evidence(quote=quote, start=start, end=end)


def qty(doc: Document, text: str, value: float, unit: str, quote: str) -> Quantity:
    return Quantity(value=value, unit=unit, text=text, evidence=evidence_for(doc, quote))


def summary(doc: Document, **fields) -> ArticleSummary:
    return ArticleSummary(source=Source(sha256=doc.sha256), extractor=ExtractorInfo(name="rules"), **fields)


def test_true_numbers_are_verified(doc: Document) -> None:
    s = summary(
        doc,
        baseline=Snapshot(
            as_of="2014", people=qty(doc, "18802人", 18802, "人", "2014年海口共有贫困人口4352户18802人。")
        ),
        funding=[
            Funding(
                amount=qty(doc, "7488万元", 74_880_000, "元", "全市投入资金7488万元。"),
                evidence=evidence_for(doc, "全市投入资金7488万元。"),
            )
        ],
    )
    checked = verify(s, doc)
    assert checked.verification.status == "verified"
    assert checked.verification.failures == []
    assert checked.baseline.people.value == 18802
    assert checked.funding[0].amount.text == "7488万元"


def test_planted_number_not_in_source_is_removed(doc: Document) -> None:
    planted = Quantity(
        value=99999,
        unit="人",
        text="99999人",
        evidence=evidence_for(doc, "2014年海口共有贫困人口4352户18802人。"),
    )
    checked = verify(summary(doc, baseline=Snapshot(people=planted)), doc)
    assert checked.baseline.people is None
    assert checked.verification.status == "failed"
    [failure] = checked.verification.failures
    assert failure.field == "baseline.people"
    assert "not inside its quote" in failure.reason


def test_quote_not_in_source_is_removed(doc: Document) -> None:
    invented = Quantity(
        value=4352,
        unit="户",
        text="4352户",
        evidence=Evidence(quote="全省共有4352户贫困户。", start=0, end=12),
    )
    checked = verify(summary(doc, baseline=Snapshot(households=invented)), doc)
    assert checked.baseline.households is None
    assert checked.verification.failures[0].reason == "quote not found in the source"


def test_quote_at_wrong_offsets_is_removed(doc: Document) -> None:
    quote = "如今贫困人口变成了136户547人;"
    moved = Quantity(
        value=547, unit="人", text="547人", evidence=Evidence(quote=quote, start=0, end=len(quote))
    )
    checked = verify(summary(doc, outcome=Snapshot(people=moved)), doc)
    assert checked.outcome.people is None
    assert "not at 0:" in checked.verification.failures[0].reason


def test_value_that_does_not_match_its_text_is_removed(doc: Document) -> None:
    wrong = qty(doc, "18802人", 188020, "人", "2014年海口共有贫困人口4352户18802人。")
    checked = verify(summary(doc, baseline=Snapshot(people=wrong)), doc)
    assert checked.baseline.people is None
    assert "does not match its text" in checked.verification.failures[0].reason


def test_unit_that_does_not_fit_the_field_is_removed(doc: Document) -> None:
    households_as_people = qty(doc, "4352户", 4352, "户", "2014年海口共有贫困人口4352户18802人。")
    checked = verify(summary(doc, baseline=Snapshot(people=households_as_people)), doc)
    assert checked.baseline.people is None
    assert "does not fit people" in checked.verification.failures[0].reason


def test_partial_keeps_what_is_proven(doc: Document) -> None:
    good = qty(doc, "18802人", 18802, "人", "2014年海口共有贫困人口4352户18802人。")
    bad = qty(doc, "547人", 5470, "人", "如今贫困人口变成了136户547人;")
    checked = verify(summary(doc, baseline=Snapshot(people=good), outcome=Snapshot(people=bad)), doc)
    assert checked.verification.status == "partial"
    assert checked.baseline.people is not None and checked.outcome.people is None


def test_region_not_named_in_source_is_rejected(doc: Document) -> None:
    region = Region(name="北京市", level="province", evidence=evidence_for(doc, "全市投入资金7488万元。"))
    checked = verify(summary(doc, region=region), doc)
    assert checked.region is None
    assert checked.verification.failures[0].reason == "region is not named in the source"


def test_region_short_form_is_accepted(doc: Document) -> None:
    region = Region(
        name="海口市", level="prefecture", evidence=evidence_for(doc, "2014年海口共有贫困人口4352户18802人。")
    )
    assert verify(summary(doc, region=region), doc).region.name == "海口市"


def test_outcome_above_baseline_is_flagged_not_dropped(doc: Document) -> None:
    before = qty(doc, "547人", 547, "人", "如今贫困人口变成了136户547人;")
    after = qty(doc, "18802人", 18802, "人", "2014年海口共有贫困人口4352户18802人。")
    checked = verify(summary(doc, baseline=Snapshot(people=before), outcome=Snapshot(people=after)), doc)
    assert checked.outcome.people is not None
    assert checked.verification.status == "verified"
    assert checked.verification.failures[0].reason.startswith("flag: outcome 18802人 exceeds")


def test_verify_is_idempotent_and_works_from_json(doc: Document) -> None:
    bad = qty(doc, "547人", 5470, "人", "如今贫困人口变成了136户547人;")
    once = verify(summary(doc, outcome=Snapshot(people=bad)), doc)
    again = verify(ArticleSummary.model_validate_json(once.model_dump_json()), doc)
    assert again == once


# Written for this test: each sentence names the region only in its common short form.
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("楚雄州", "楚雄州贫困人口全部脱贫。"),
        ("楚雄彝族自治州", "楚雄州贫困人口全部脱贫。"),
        ("凉山州", "凉山彝族自治州脱贫攻坚取得决定性成就。"),
        ("湘西州", "湘西州贫困发生率大幅下降。"),
        ("乐东县", "乐东黎族自治县脱贫摘帽。"),
        ("乐东黎族自治县", "乐东县脱贫摘帽。"),
    ],
)
def test_regions_verify_by_any_name_the_gazetteer_knows(name: str, sentence: str) -> None:
    doc = Document.from_text(sentence)
    region = Region(name=name, evidence=evidence_for(doc, sentence))
    assert verify(summary(doc, region=region), doc).region is not None


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("和县", "和平村贫困户全部脱贫。"),  # a one-character base matches nothing on its own
        ("朝阳区", "朝阳产业带动贫困户增收。"),  # 朝阳 is an ordinary word
        ("海口市", "三亚市贫困户全部脱贫。"),
        ("脱贫攻坚", "三亚市打赢脱贫攻坚战。"),
    ],
)
def test_regions_not_named_in_the_text_are_removed(name: str, sentence: str) -> None:
    doc = Document.from_text(sentence)
    region = Region(name=name, evidence=evidence_for(doc, sentence))
    checked = verify(summary(doc, region=region), doc)
    assert checked.region is None, name


def test_a_parent_or_level_the_gazetteer_contradicts_is_removed() -> None:
    sentence = "海口市贫困人口全部脱贫。"  # written for this test
    doc = Document.from_text(sentence)
    region = Region(name="海口市", province="广东省", level="county", evidence=evidence_for(doc, sentence))
    checked = verify(summary(doc, region=region), doc)
    assert checked.region is not None and checked.region.province is None and checked.region.level is None
    assert {f.field for f in checked.verification.failures} == {"region.province", "region.level"}
    assert checked.verification.status == "partial"
    right = region.model_copy(update={"province": "海南省", "level": "prefecture"})
    fixed = verify(summary(doc, region=right), doc).verification
    assert fixed.failures == [] and fixed.status == "empty"  # a region alone vouches for no figure


@pytest.mark.parametrize(
    ("name", "province", "code"),
    [
        ("海口市", "海南省", "460100"),
        ("乐东县", None, "469027"),
        ("海南省", None, "460000"),
        ("石碌镇", None, None),
    ],
)
def test_the_verifier_fills_the_gb_t_2260_code_of_a_known_division(
    name: str, province: str, code: str
) -> None:
    sentence = f"{name}贫困人口全部脱贫。"  # written for this test
    doc = Document.from_text(sentence)
    region = Region(name=name, province=province, evidence=evidence_for(doc, sentence))
    assert verify(summary(doc, region=region), doc).region.code == code


def test_an_as_of_the_source_does_not_write_is_removed(doc: Document) -> None:
    quote = "2014年海口共有贫困人口4352户18802人。"
    people = qty(doc, "18802人", 18802, "人", quote)
    invented = verify(summary(doc, baseline=Snapshot(as_of="2013年", people=people)), doc)
    assert invented.baseline.as_of is None and invented.baseline.people is not None
    assert invented.verification.failures[0].field == "baseline.as_of"
    assert (
        verify(summary(doc, baseline=Snapshot(as_of="2014年", people=people)), doc).baseline.as_of == "2014年"
    )


def test_a_proven_figure_in_a_target_clause_is_kept_but_flagged() -> None:
    sentence = "全县共有贫困人口800人,力争500人如期脱贫。"  # written for this test
    doc = Document.from_text(sentence)
    target = qty(doc, "500人", 500, "人", sentence)
    checked = verify(summary(doc, outcome=Snapshot(people=target)), doc)
    assert checked.outcome.people is not None
    (flag,) = checked.verification.failures
    assert flag.is_flag and "a target or plan (力争)" in flag.reason


@pytest.mark.parametrize(
    ("text", "value", "tail", "tail_value"),
    [
        ("1亿2千万元", 120_000_000, "2千万元", 20_000_000),
        ("3亿零500万元", 305_000_000, "500万元", 5_000_000),
        ("1.2个亿", 120_000_000, "2个亿", 200_000_000),
        ("两个多亿", 200_000_000, "多亿", 100_000_000),
    ],
)
def test_money_in_a_mixed_spelling_is_proven_and_its_tail_is_not(
    text: str, value: float, tail: str, tail_value: float
) -> None:
    # Written for the test.
    quote = f"县财政拿出{text}用于产业发展。"
    doc = Document.from_text(quote)
    items = [
        Funding(amount=qty(doc, text, value, "元", quote), evidence=evidence_for(doc, quote)),
        Funding(amount=qty(doc, tail, tail_value, "元", quote), evidence=evidence_for(doc, quote)),
    ]
    checked = verify(summary(doc, funding=items), doc)
    assert [f.amount.text for f in checked.funding] == [text]


def test_a_funding_tables_total_is_proven_from_its_header_to_its_total_row() -> None:
    # Written for the test.
    table = "甲县扶贫资金投入(单位:万元)\n来源 金额\n中央 6200\n省级 2300\n合计 8500"
    doc = Document.from_text(table + "\n说明:已拨付。")
    text = table[table.index("单位") :]
    item = Funding(amount=qty(doc, text, 85_000_000, "元", table), evidence=evidence_for(doc, table))
    wrong = Funding(amount=qty(doc, text, 8_500, "元", table), evidence=evidence_for(doc, table))
    checked = verify(summary(doc, funding=[item, wrong]), doc)
    assert [f.amount.value for f in checked.funding] == [85_000_000]


def test_a_vague_number_is_not_proven_by_its_tail() -> None:
    # Written for the test: 几十万元 is some tens of 万, not 十万元.
    quote = "村里投入几十万元修路。"
    doc = Document.from_text(quote)
    item = Funding(amount=qty(doc, "十万元", 100_000, "元", quote), evidence=evidence_for(doc, quote))
    assert verify(summary(doc, funding=[item]), doc).funding == []


def test_messages_print_plain_numbers_never_exponents() -> None:
    # Written for this test: 472.0001万 is 4720001, one from the value claimed; and a people
    # count lifted that disagrees with the baseline minus the outcome.
    text = "2014年全县贫困人口346万人,投入472.0001万元。2020年贫困人口50.9万人,近300万人脱贫。"
    doc = Document.from_text(text)
    first, second = "2014年全县贫困人口346万人,投入472.0001万元。", "2020年贫困人口50.9万人,近300万人脱贫。"
    s = summary(
        doc,
        baseline=Snapshot(people=qty(doc, "346万人", 3_460_000, "人", first)),
        outcome=Snapshot(
            people=qty(doc, "50.9万人", 509_000, "人", second),
            people_lifted=qty(doc, "近300万人", 3_000_000, "人", second),
        ),
        funding=[
            Funding(
                amount=qty(doc, "472.0001万元", 4_720_000, "元", first), evidence=evidence_for(doc, first)
            )
        ],
    )
    reasons = [f.reason for f in verify(s, doc).verification.failures]
    assert "value 4720000 does not match its text (which reads 4720001)" in reasons
    assert any("= 2951000, but 近300万人 lifted is stated" in r for r in reasons), reasons
    assert not any("e+" in r for r in reasons)


def test_a_summary_checked_against_another_text_says_so(seed_summaries: dict[str, ArticleSummary]) -> None:
    summary = seed_summaries["000_dda217ac4bff4475"]
    other = Document.from_text("海口市贫困人口由4352户18802人减至136户547人。")
    flags = [f for f in verify(summary, other).verification.failures if f.field == "source.sha256"]
    assert len(flags) == 1 and flags[0].is_flag and "another text" in flags[0].reason
    same = Document.from_path(Path(summary.source.path or ""))
    assert not [f for f in verify(summary, same).verification.failures if f.field == "source.sha256"]
