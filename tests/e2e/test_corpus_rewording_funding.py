"""Metamorphic rewordings, in place, of the sentences that state a train page's funding.

Each amount the rules find on a train page AND the gold agrees with has its evidence sentence. The
sentence is rewritten, put back in its place, and the page is read again (the loop and its checks
are test_corpus_rewording_negatives.reworded); the expected result is known without a reader, from
../shared/ANNOTATION.md:

- meaning KEPT (the page's funding stays what it was): the amount's place (before its verb, 4.2亿元
  资金已全部下达到位; in a 把 construction; the payer after it; the money used for a purpose; its
  purpose after it or in the next sentence; its year or subject in the sentence before; a field of
  work, a span of years or a date before its verb; a quoted speech); the verb phrase (完成投资,
  争取上级资金, 由县财政出资, 累计, 达到, the verb or the fund alone, the fund after the amount, the
  purpose between them, its total in a clause of its own: ,总额达4.2亿元); the spelling (5亿余元,
  3200万余元, 3200多万元, 近, 约, 逾, 突破, 以上, 左右, Chinese numerals, grouped digits, a space,
  full-width digits, 4.2亿 after a fund, 万元人民币, its conversion in brackets); around it (a label
  and its value, 投入资金:4.2亿元; a note in brackets or a programme in quotes before it; a list
  item; the work it paid with it in brackets; its rise or its share after it); parts and
  restatements, counted once (its parts before it and summed up, a use of it after it, 用于产业发展
  2.55亿元; its parts listed after it over a ; or opening the next sentence, whatever the statement
  goes on to; a heading, the next sentence or its own sentence restating it, exactly or rounded; the
  page's headline restating it rounded, in words of its own: test_a_headline_restating_…).
- meaning REMOVED (no item of the rewritten sentence carries the value): the amount made a loan
  balance, a village's income, a migrant's earnings, tourism or e-commerce revenue, an expected
  output value, an income per head, a village's assets, a rate per household or person, a subsidy
  standard, a loan ceiling, a credit line, a deal signed, a loss recovered, a fraud's money, the
  rise over last year, the whole budget, fiscal revenue, the nation's money, the prefecture's in a
  county's page, the county's in a village's, a partner's for all it aids, several counties'. (A
  plan is funding per ANNOTATION.md: 计划投入 is kept, in the negatives test.)

The rewordings the negatives test already makes (its spending verbs swapped, 超, 余万元, 共计, 亿元 in
万元, incomes, sales, output values, the province's and a neighbour's money...) are not repeated.
Nothing of the corpus is stored here: the rewritten sentences are made by the functions below from
the page's own sentence. Only `train` is used: `test` stays unseen.

The texts are third-party and not in the repository: without ../shared/corpus these tests skip.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from test_corpus_insertions import TEXTS
from test_corpus_rewording_negatives import (  # noqa: F401  (pages: the fixture, shared)
    _AMOUNT,
    BELOW_THE_NATION,
    COUNTIES,
    FUNDING,
    KEEP,
    REMOVE,
    TOLERANCE,
    Page,
    Rewrite,
    Spot,
    _funding_before,
    _kept,
    _number,
    _spelt,
    _spots,
    assert_few_wrong,
    pages,
    reworded,
    with_known_gaps,
)

from povsum import Document, Summarizer

pytestmark = pytest.mark.skipif(not TEXTS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")

# The verb phrase right before an amount: 累计投入各类扶贫资金, 安排专项资金, 发放贷款, with its link (达).
_KEY = re.compile(
    r"(?P<adv>累计|共计|共|总共)?"
    r"(?P<verb>投入|安排|下达|拨付|整合|筹措|筹集|落实|争取|统筹|投资|发放|援助|捐款|到位)"
    r"(?P<noun>[^\d,;:。()]{0,14}?(?:资金|贷款|经费|公益金))?(?P<link>达|为)?$"
)
# Verbs a fund is said to be 已全部…到位 with.
_ARRIVING = ("投入", "安排", "下达", "拨付", "落实", "筹措", "筹集", "整合")


def _key(spot: Spot, ends_clause: bool = True) -> re.Match[str] | None:
    """The verb phrase of a funding amount, where the amount ends its clause if ``ends_clause``
    (what follows it, 用于…, would be left dangling by a rewording of the clause)."""
    if spot.found.kind != FUNDING or (ends_clause and spot.clause_end != spot.end):
        return None
    return _KEY.search(spot.before)


def _head(spot: Spot, key: re.Match[str]) -> str:
    """The sentence up to the verb phrase."""
    return spot.sentence[: spot.clause_start + key.start()]


def _clause_made(make: Callable[[re.Match[str], str], str | None], ends_clause: bool = True) -> Rewrite:
    """The clause from the verb phrase to the amount made ``make(key, amount)``."""

    def rewrite(spot: Spot) -> str | None:
        key = _key(spot, ends_clause)
        if key is None or (new := make(key, spot.found.text)) is None:
            return None
        return _head(spot, key) + new + spot.sentence[spot.end :]

    return rewrite


def _amount_first(key: re.Match[str], amount: str) -> str | None:
    """投入财政资金4.25亿元 -> 4.25亿元财政资金已全部投入到位."""
    if key["verb"] not in _ARRIVING:
        return None
    return f"{amount}{key['noun'] or '资金'}已全部{key['verb']}到位"


def _with_ba(key: re.Match[str], amount: str) -> str | None:
    """投入资金4.2亿元 -> 将4.2亿元资金投入到脱贫攻坚一线."""
    if key["verb"] not in ("投入", "安排", "下达", "拨付"):
        return None
    return f"将{amount}{key['noun'] or '资金'}{key['verb']}到脱贫攻坚一线"


def _used_for(key: re.Match[str], amount: str) -> str | None:
    """投入扶贫资金4.2亿元 -> 用于脱贫攻坚的扶贫资金达4.2亿元 (no verb but 用于)."""
    if key["verb"] in ("发放", "援助", "捐款") or key["noun"] is None or "贷款" in key["noun"]:
        return None
    return f"用于脱贫攻坚的{key['noun']}达{amount}"


def _verb_phrase(new: str) -> Callable[[re.Match[str], str], str | None]:
    """The verb and its noun made ``new`` (完成投资), the adverb and link kept."""

    def make(key: re.Match[str], amount: str) -> str | None:
        if key["verb"] in ("发放", "援助", "捐款") or new.endswith(key.group()):
            return None
        return f"{key['adv'] or ''}{new}{key['link'] or ''}{amount}"

    return make


def _cumulative(key: re.Match[str], amount: str) -> str | None:
    """投入资金 -> 累计投入资金."""
    return None if key["adv"] else f"累计{key.group()}{amount}"


def _labelled(key: re.Match[str], amount: str) -> str | None:
    """投入资金4.2亿元 -> 投入资金:4.2亿元, as a label and its value."""
    return f"{key['adv'] or ''}{key['verb']}{key['noun'] or '资金'}:{amount}"


def _noted(note: str) -> Callable[[re.Match[str], str], str | None]:
    """A note in brackets between the fund and its amount: 投入资金(含中央和省级资金)4.2亿元."""

    def make(key: re.Match[str], amount: str) -> str | None:
        if key["noun"] is None:
            return None
        return f"{key['adv'] or ''}{key['verb']}{key['noun']}{note}{key['link'] or ''}{amount}"

    return make


def _programme_quoted(key: re.Match[str], amount: str) -> str | None:
    """投入专项资金 -> 投入“精准扶贫”专项资金: a programme named in quotes before the fund."""
    if key["noun"] is None:
        return None
    return f"{key['adv'] or ''}{key['verb']}“精准扶贫”{key['noun']}{key['link'] or ''}{amount}"


def _after_amount(words: str) -> Rewrite:
    """``words`` right after an amount that ends its clause (用于产业发展, 。资金主要用于…)."""

    def rewrite(spot: Spot) -> str | None:
        if _key(spot) is None:
            return None
        return spot.inserted(spot.end, words)

    return rewrite


_LEADING_YEAR = re.compile(r"^(?P<year>[0-9]{4}年),")


def _year_before(spot: Spot) -> str | None:
    """2019年,全县投入… -> 2019年是脱贫攻坚的关键之年。这一年,全县投入…"""
    m = _LEADING_YEAR.match(spot.sentence) if spot.found.kind == FUNDING else None
    if m is None:
        return None
    return f"{m['year']}是脱贫攻坚的关键之年。这一年," + spot.sentence[m.end() :]


def _split_before(spot: Spot) -> str | None:
    """The clause before the amount's made a sentence of its own: …,累计投入… -> …。累计投入…"""
    at = spot.clause_start - 1
    if _key(spot, ends_clause=False) is None or at < 8 or spot.sentence[at] != ",":
        return None
    if re.search(r"[0-9]", spot.sentence[:at]):  # another figure there might be the amount's parts
        return None
    return spot.sentence[:at] + "。" + spot.sentence[at + 1 :]


def _sentence_led_by(words: str) -> Rewrite:
    """The sentence made a list item (一是…, 二是加大资金投入,…)."""

    def rewrite(spot: Spot) -> str | None:
        if spot.found.kind != FUNDING or spot.sentence.startswith(("其中", "一是")):
            return None
        return words + spot.sentence

    return rewrite


def _heading_above(spot: Spot) -> str | None:
    """A heading restating the amount above its sentence (4.2亿元资金助力脱贫攻坚): counted once."""
    if _key(spot, ends_clause=False) is None:
        return None
    return f"{spot.found.text}资金助力脱贫攻坚\n{spot.sentence}"


def _restated_after(spot: Spot) -> str | None:
    """A sentence after it restating the amount (上述4.2亿元资金全部用于…): counted once."""
    if _key(spot, ends_clause=False) is None:
        return None
    return f"{spot.sentence.rstrip('。')}。上述{spot.found.text}资金全部用于脱贫攻坚。"


def _rise_over_last_year(spot: Spot) -> str | None:
    """投入资金4.2亿元 -> 投入资金比上年增加4.2亿元: the rise, not the amount."""
    if _key(spot) is None:
        return None
    return spot.inserted(spot.at, "比上年增加")


def _converted(number: float, unit: str) -> str | None:
    """26428万元 -> 26428万元(约2.64亿元): its conversion in brackets."""
    return f"{_number(number)}万元(约{number / 10000:.2f}亿元)" if unit == "万" and number >= 1000 else None


_CN_DIGIT = "零一二三四五六七八九"


def _in_chinese(number: float, unit: str) -> str | None:
    """3200万元 -> 三千二百万元, 5亿元 -> 五亿元: a whole number below 10000 in Chinese numerals."""
    if number != int(number) or not 0 < number < 10000:
        return None
    digits, words = f"{int(number):04d}", ""
    for digit, place in zip(digits, ("千", "百", "十", ""), strict=True):
        if digit != "0":
            words += f"{_CN_DIGIT[int(digit)]}{place}"
        elif words and not words.endswith("零"):
            words += "零"
    return f"{words.rstrip('零')}{unit}元"


def _rounded_restatement(spot: Spot) -> str | None:
    """A sentence after it restating the amount rounded (上述4亿多元资金…, 3000多万元): counted once."""
    m = _AMOUNT.match(spot.found.text)
    if _key(spot, ends_clause=False) is None or m is None or not spot.sentence.endswith("。"):
        return None
    rough = _rounded(float(m["number"]), m["unit"])
    return None if rough is None else f"{spot.sentence.rstrip('。')}。上述{rough}资金全部用于脱贫攻坚。"


def _rounded(number: float, unit: str) -> str | None:
    """4.25亿 as 4亿多元, 3317.4万 as 3000多万元: below it at a rounder digit, with 多."""
    if unit == "亿" and number >= 1 and number != int(number):
        return f"{int(number)}亿多元"
    if unit == "万" and number >= 1000 and number % 1000:
        return f"{int(number // 1000) * 1000}多万元"
    return None


def _restated_in_its_sentence(rounded: bool) -> Rewrite:
    """这 and the amount (or it rounded) right after its clause: 投入资金4.25亿元,这4亿多元资金主要用于…"""

    def rewrite(spot: Spot) -> str | None:
        m = _AMOUNT.match(spot.found.text)
        if _key(spot) is None or m is None:
            return None
        again = _rounded(float(m["number"]), m["unit"]) if rounded else spot.found.text
        return None if again is None else spot.inserted(spot.end, f",这{again}资金主要用于产业发展")

    return rewrite


def _parts_before(spot: Spot) -> str | None:
    """Its parts named before it and summed up (投入中央资金2.55亿元、省级资金1.7亿元,合计4.25亿元)."""
    key, m = _key(spot, ends_clause=False), _AMOUNT.match(spot.found.text)
    if key is None or m is None or key["link"]:
        return None
    number, unit = float(m["number"]), m["unit"]
    places = len(m["number"].partition(".")[2])  # the parts written to the amount's own digits
    first = round(number * 0.6, places)
    parts = f"中央资金{_number(first)}{unit}元、省级资金{_number(round(number - first, places))}{unit}元"
    return _head(spot, key) + f"{key['adv'] or ''}{key['verb']}{parts},合计" + spot.sentence[spot.at :]


def _a_use_after_it(words: str) -> Rewrite:
    """A part of the amount named after it by its use (投入资金4.25亿元,用于产业发展2.55亿元):
    ``words`` formatted with the part, six tenths of the amount. The part is no item of its own."""

    def rewrite(spot: Spot) -> str | None:
        m = _AMOUNT.match(spot.found.text)
        # Only where the statement ends with the clause: a 其中 breakdown runs on to the full stop
        # (and over ';'), so an amount after it would be a part.
        if _key(spot) is None or m is None or not spot.sentence[spot.clause_end :].startswith("。"):
            return None
        places = len(m["number"].partition(".")[2])
        part = f"{_number(round(float(m['number']) * 0.6, places))}{m['unit']}元"
        return spot.inserted(spot.end, words.format(part=part))

    return rewrite


def _parts_listed_after_it(words: str) -> Rewrite:
    """Two parts of the amount right after its clause, ``words`` formatted with them (six tenths
    and the rest, to the amount's digits): ,其中:中央资金{first};省级资金{second}. They add up to it,
    so what the statement goes on to say after them is no part."""

    def rewrite(spot: Spot) -> str | None:
        m = _AMOUNT.match(spot.found.text)
        if _key(spot, ends_clause=False) is None or m is None:
            return None
        number, places = float(m["number"]), max(1, len(m["number"].partition(".")[2]))
        first = round(number * 0.6, places)
        parts = {
            "first": f"{_number(first)}{m['unit']}元",
            "second": f"{_number(round(number - first, places))}{m['unit']}元",
        }
        return spot.inserted(spot.clause_end, words.format(**parts))

    return rewrite


def _not_a_city(rewrite: Rewrite) -> Rewrite:
    """``rewrite`` only on a page whose region is no city (a county-level city's 全市 is its own)."""

    def guarded(spot: Spot) -> str | None:
        return None if any(name.endswith("市") for name in spot.page.names) else rewrite(spot)

    return guarded


def _not_naming_the_region(rewrite: Rewrite) -> Rewrite:
    """``rewrite`` only where the clause it replaces names no form of the region (the page's one
    mention of it would go, and its region with it)."""

    def guarded(spot: Spot) -> str | None:
        return None if any(name in spot.before for name in spot.page.names) else rewrite(spot)

    return guarded


def _linked(key: re.Match[str], amount: str) -> str | None:
    """投入资金4.2亿元 -> 投入资金达到4.2亿元."""
    return None if key["link"] else f"{key.group()}达到{amount}"


def _noun_after_amount(of: str = "") -> Callable[[re.Match[str], str], str | None]:
    """投入扶贫资金4.2亿元 -> 投入4.2亿元(的)扶贫资金: the fund's noun after its amount."""

    def make(key: re.Match[str], amount: str) -> str | None:
        if key["noun"] is None or key["link"] or not key["noun"].endswith("资金"):
            return None
        return f"{key['adv'] or ''}{key['verb']}{amount}{of}{key['noun']}"

    return make


def _only(part: str) -> Callable[[re.Match[str], str], str | None]:
    """The verb phrase cut to its verb (投入4.2亿元) or to its fund (扶贫资金4.2亿元)."""

    def make(key: re.Match[str], amount: str) -> str | None:
        if key["noun"] is None or key["link"] or (part == "noun" and key["verb"] == "发放"):
            return None
        return f"{key['adv'] or ''}{key[part]}{amount}"

    return make


def _purpose_between(key: re.Match[str], amount: str) -> str | None:
    """投入资金4.2亿元 -> 投入用于产业发展和基础设施建设的资金4.2亿元."""
    if key["verb"] in ("发放", "援助", "捐款", "到位"):
        return None
    noun = key["noun"] or "资金"
    return f"{key['adv'] or ''}{key['verb']}用于产业发展和基础设施建设的{noun}{key['link'] or ''}{amount}"


def _sum_in_its_own_clause(words: str) -> Callable[[re.Match[str], str], str | None]:
    """投入扶贫资金4.2亿元 -> 投入扶贫资金,总额达4.2亿元: the sum in a clause of its own."""

    def make(key: re.Match[str], amount: str) -> str | None:
        if key["noun"] is None or key["link"]:
            return None
        return f"{key['adv'] or ''}{key['verb']}{key['noun']},{words}{amount}"

    return make


def _paid_by(key: re.Match[str], amount: str) -> str | None:
    """投入资金4.2亿元 -> 由县财政出资4.2亿元."""
    return f"由县财政出资{amount}"


def _clause_led_by(words: str) -> Rewrite:
    """``words`` right before the verb phrase of the amount (2016—2020年,累计投入…; (截至2019年底)),
    where nothing before it binds to the verb (总投资, 向甲乡投入)."""

    def rewrite(spot: Spot) -> str | None:
        key = _key(spot, ends_clause=False)
        if key is None or spot.before[: key.start()].endswith("总") or "向" in spot.before:
            return None
        return spot.inserted(spot.clause_start + key.start(), words)

    return rewrite


def _quoted_speech(spot: Spot) -> str | None:
    """The sentence quoted as an official says it: 县扶贫办负责人介绍:“…。”"""
    if _key(spot, ends_clause=False) is None or not spot.sentence.endswith("。") or "“" in spot.sentence:
        return None
    return f"县扶贫办负责人介绍:“{spot.sentence}”"


def _whole(number: float) -> str | None:
    return str(int(number)) if number == int(number) else None


_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

# name -> (the rewrite, what it must do: KEEP the page's funding, REMOVE the amount's value).
REWORDINGS: dict[str, tuple[Rewrite, str]] = {
    # The amount's place and its clause.
    "amount_before_its_verb": (_clause_made(_amount_first), KEEP),
    "amount_in_a_ba_construction": (_clause_made(_with_ba), KEEP),
    "the_payer_after_it": (
        _clause_made(lambda key, amount: f"{amount}{key['noun'] or '资金'}由县财政统筹安排"),
        KEEP,
    ),
    "in_a_field_of_work": (_clause_led_by("在产业扶贫方面,"), KEEP),
    "its_rise_after_it": (_after_amount(",同比增长12.5%"), KEEP),
    "its_share_after_it": (_after_amount(",占全年财政支出的35%"), KEEP),
    "money_used_for_a_purpose": (_clause_made(_used_for), KEEP),
    "purpose_right_after_it": (_after_amount("用于产业发展和基础设施建设"), KEEP),
    "purpose_in_the_next_sentence": (_after_amount("。这些资金主要用于产业发展和基础设施建设"), KEEP),
    "year_in_the_sentence_before": (_year_before, KEEP),
    "subject_in_the_sentence_before": (_split_before, KEEP),
    # The verb phrase.
    "investment_completed": (_clause_made(_verb_phrase("完成投资")), KEEP),
    "invested": (_clause_made(_verb_phrase("投资")), KEEP),
    "higher_funds_secured": (_clause_made(_verb_phrase("争取上级资金")), KEEP),
    "funds_paid_in_full": (_clause_made(_verb_phrase("兑现各类补助资金")), KEEP),
    "expenditure": (_clause_made(_verb_phrase("财政扶贫支出")), KEEP),
    "cumulatively": (_clause_made(_cumulative, ends_clause=False), KEEP),
    "linked_by_reaching": (_clause_made(_linked, ends_clause=False), KEEP),
    "the_fund_after_its_amount": (_clause_made(_noun_after_amount(), ends_clause=False), KEEP),
    "the_fund_after_its_amount_and_de": (_clause_made(_noun_after_amount("的"), ends_clause=False), KEEP),
    "the_verb_alone": (_clause_made(_only("verb"), ends_clause=False), KEEP),
    "the_fund_alone": (_clause_made(_only("noun"), ends_clause=False), KEEP),
    "its_purpose_between_verb_and_fund": (_clause_made(_purpose_between, ends_clause=False), KEEP),
    "to_the_poor_villages": (_clause_led_by("向贫困村"), KEEP),
    "paid_by_the_county_budget": (_clause_made(_paid_by), KEEP),
    "its_total_in_a_clause_of_its_own": (
        _clause_made(_sum_in_its_own_clause("总额达"), ends_clause=False),
        KEEP,
    ),
    "its_sum_in_a_clause_of_its_own": (_clause_made(_sum_in_its_own_clause("共计"), ends_clause=False), KEEP),
    "its_scale_in_a_clause_of_its_own": (
        _clause_made(_sum_in_its_own_clause("总规模达"), ends_clause=False),
        KEEP,
    ),
    "a_span_of_years_before": (_clause_led_by("2016—2020年,"), KEEP),
    "as_of_a_date_in_brackets": (_clause_led_by("(截至2020年底)"), KEEP),
    "in_a_quoted_speech": (_quoted_speech, KEEP),
    # The amount's spelling.
    "hundred_millions_and_more": (
        _spelt(lambda n, u: f"{w}亿余元" if u == "亿" and (w := _whole(n)) else None),
        KEEP,
    ),
    "ten_thousands_and_more": (
        _spelt(lambda n, u: f"{w}万余元" if u == "万" and (w := _whole(n)) else None),
        KEEP,
    ),
    "and_more_before_its_unit": (_spelt(lambda n, u: f"{w}多{u}元" if (w := _whole(n)) else None), KEEP),
    "nearly": (_spelt(lambda n, u: f"近{_number(n)}{u}元"), KEEP),
    "about": (_spelt(lambda n, u: f"约{_number(n)}{u}元"), KEEP),
    "more_than_yu": (_spelt(lambda n, u: f"逾{_number(n)}{u}元"), KEEP),
    "breaking_through": (_spelt(lambda n, u: f"突破{_number(n)}{u}元"), KEEP),
    "and_more_after_its_unit": (_spelt(lambda n, u: f"{_number(n)}{u}多元"), KEEP),
    "a_space_before_its_unit": (_spelt(lambda n, u: f"{_number(n)} {u}元"), KEEP),
    "full_width_digits": (_spelt(lambda n, u: f"{_number(n).translate(_FULL_WIDTH)}{u}元"), KEEP),
    "renminbi_after_it": (_spelt(lambda n, u: f"{_number(n)}{u}元人民币"), KEEP),
    "and_above": (_spelt(lambda n, u: f"{_number(n)}{u}元以上"), KEEP),
    "or_so": (_spelt(lambda n, u: f"{_number(n)}{u}元左右"), KEEP),
    "digits_grouped_by_spaces": (
        _spelt(
            lambda n, u: (
                f"{n:,.8f}".rstrip("0").rstrip(".").replace(",", " ") + f"{u}元" if n >= 1000 else None
            )
        ),
        KEEP,
    ),
    "its_conversion_in_brackets": (_spelt(_converted), KEEP),
    "in_chinese_numerals": (_spelt(_in_chinese), KEEP),
    "digits_grouped_by_commas": (
        _spelt(lambda n, u: f"{n:,.8f}".rstrip("0").rstrip(".") + f"{u}元" if n >= 1000 else None),
        KEEP,
    ),
    "hundred_millions_without_yuan_after_a_fund": (
        _spelt(lambda n, u: f"{_number(n)}亿" if u == "亿" else None),
        KEEP,
    ),
    "ten_thousands_without_yuan_after_a_fund": (
        _spelt(lambda n, u: f"{_number(n)}万" if u == "万" else None),
        KEEP,
    ),
    # Around the amount: a label, a note, a quote, a list, a restatement.
    "label_and_value": (_clause_made(_labelled), KEEP),
    "a_note_in_brackets_before_it": (_clause_made(_noted("(含中央和省级资金)"), ends_clause=False), KEEP),
    "a_programme_in_quotes": (_clause_made(_programme_quoted, ends_clause=False), KEEP),
    "first_list_item": (_sentence_led_by("一是"), KEEP),
    "a_list_item_with_its_heading": (_sentence_led_by("二是加大资金投入,"), KEEP),
    "a_heading_restates_it": (_heading_above, KEEP),
    "in_brackets_after_the_work": (
        _clause_made(
            lambda key, amount: f"实施了一批扶贫项目(共{key['verb']}{key['noun'] or '资金'}{amount})"
        ),
        KEEP,
    ),
    "a_numbered_list_item": (_sentence_led_by("1、"), KEEP),
    "a_list_under_its_heading": (_sentence_led_by("全县资金投入情况如下:\n(一)"), KEEP),
    "its_parts_before_it": (_parts_before, KEEP),
    "a_use_of_it_after_qizhong": (_a_use_after_it(",其中用于产业发展{part}"), KEEP),
    "a_main_use_of_it_after_it": (_a_use_after_it(",主要用于产业发展{part}"), KEEP),
    "a_use_of_it_after_it": (_a_use_after_it(",用于产业发展{part}"), KEEP),
    "its_part_in_the_next_sentence": (_a_use_after_it("。这笔资金中,产业发展资金{part}"), KEEP),
    "its_parts_over_a_semicolon": (_parts_listed_after_it(",其中:中央资金{first};省级资金{second}"), KEEP),
    "its_parts_opening_the_next_sentence": (
        _parts_listed_after_it("。其中,中央资金{first},省级资金{second}"),
        KEEP,
    ),
    "its_parts_in_the_next_sentence_by_semicolons": (
        _parts_listed_after_it("。其中,中央资金{first};省级资金{second}"),
        KEEP,
    ),
    # Another amount after it that is no funding: no item of its own, nor of its list.
    "a_yearly_output_after_it": (_a_use_after_it(",项目建成后年产出{part}"), KEEP),
    "an_economic_value_after_it": (_a_use_after_it(",产生经济价值{part}"), KEEP),
    "a_yearly_profit_after_it": (_a_use_after_it(",年可实现利润{part}"), KEEP),
    "a_balance_after_it": (_a_use_after_it(",年末余额{part}"), KEEP),
    "the_next_sentence_restates_it": (_restated_after, KEEP),
    "the_next_sentence_restates_it_rounded": (_rounded_restatement, KEEP),
    "restated_in_its_sentence": (_restated_in_its_sentence(rounded=False), KEEP),
    "restated_rounded_in_its_sentence": (_restated_in_its_sentence(rounded=True), KEEP),
    # No funding, or not this region's.
    "a_loan_balance": (_funding_before("全县扶贫小额信贷余额达"), REMOVE),
    "a_villages_income": (_funding_before("村集体经济年收入达到"), REMOVE),
    "migrant_earnings": (_funding_before("外出务工人员实现劳务收入"), REMOVE),
    "tourism_revenue": (_funding_before("乡村旅游实现综合收入"), REMOVE),
    "ecommerce_turnover": (_funding_before("农村电商交易额达到"), REMOVE),
    "per_household": (_funding_before("户均获得产业奖补资金"), REMOVE),
    "per_person": (_funding_before("人均享受扶持资金"), REMOVE),
    "a_loan_ceiling": (_funding_before("单户贷款额度最高"), REMOVE),
    "a_deal_signed": (_funding_before("招商引资签约项目总金额"), REMOVE),
    "a_loss_recovered": (_funding_before("为群众挽回经济损失"), REMOVE),
    "a_spending_cut": (_funding_before("通过集中采购为群众减少支出"), REMOVE),
    "money_lost_to_fraud": (_funding_before("警方破获电信诈骗案件,涉案金额"), REMOVE),
    "the_rise_over_last_year": (_rise_over_last_year, REMOVE),
    "the_nations_money": (
        _not_naming_the_region(_funding_before("全国累计投入中央财政专项扶贫资金", BELOW_THE_NATION)),
        REMOVE,
    ),
    "the_prefectures_money_in_a_county_page": (
        _not_a_city(_not_naming_the_region(_funding_before("全市累计投入财政扶贫资金", frozenset(COUNTIES)))),
        REMOVE,
    ),
    "the_countys_money_in_a_village_page": (
        _not_naming_the_region(
            _funding_before("全县累计投入财政扶贫资金", frozenset({"township", "village"}))
        ),
        REMOVE,
    ),
    # (The regions a partner aids are the nation's own.)
    "a_partners_money_for_all_it_aids": (
        _not_naming_the_region(_funding_before("对口帮扶城市累计向受援地区投入帮扶资金", BELOW_THE_NATION)),
        REMOVE,
    ),
    "money_for_several_counties": (
        _not_a_city(_funding_before("省财政累计向东山县等5个县下达专项扶贫资金", frozenset(COUNTIES))),
        REMOVE,
    ),
    "the_whole_budget": (_funding_before("全年一般公共预算支出"), REMOVE),
    "an_expected_output_value": (_funding_before("项目建成后预计年产值"), REMOVE),
    "income_per_head": (_funding_before("贫困户人均纯收入达到"), REMOVE),
    "collective_assets": (_funding_before("村集体经济资产总额达"), REMOVE),
    "a_subsidy_standard": (_funding_before("危房改造补助标准提高到"), REMOVE),
    "a_credit_line": (_funding_before("农业银行与县政府签订协议,为全县授信"), REMOVE),
    "fiscal_revenue": (_funding_before("全年完成地方财政收入"), REMOVE),
}

# Rewordings the rules still get wrong, and why: strict, so the mark must go when they are fixed.
KNOWN_GAPS: dict[str, str] = {
    # numbers.py reads 3200万 with no unit as no quantity, beside a fund too: counts are written so
    # (贫困人口3.2万), and the count grammar is not this test's to change. 19 of 19 amounts lost.
    "ten_thousands_without_yuan_after_a_fund": "an amount in 万 without 元 is no quantity (numbers.py)",
}


@pytest.mark.parametrize("name", with_known_gaps(REWORDINGS, KNOWN_GAPS))
def test_a_rewording_of_a_funding_sentence_keeps_or_removes_its_amount(
    name: str,
    pages: dict[str, Page],  # noqa: F811
    rules_summarizer: Summarizer,
) -> None:
    rewrite, must = REWORDINGS[name]
    assert_few_wrong(name, *reworded(FUNDING, rewrite, must, pages, rules_summarizer))


# The page's headline made one restating an amount rounded (4亿多元, 3000多万元), in words of its own
# that share no funding word with the body's phrase: a restatement, counted once (ANNOTATION.md).
HEADLINES = ("{amount}投资助力脱贫攻坚", "砸下{amount}建设美丽乡村", "{amount}扶贫贷款惠及贫困户")


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_restating_an_amount_rounded_adds_no_item(
    headline: str,
    pages: dict[str, Page],  # noqa: F811
    rules_summarizer: Summarizer,
) -> None:
    checked, wrong = 0, []
    for stem, page in pages.items():
        title = Document.from_text(page.text).title
        for spot in _spots(page, FUNDING):
            m = _AMOUNT.match(spot.found.text)
            rough = _rounded(float(m["number"]), m["unit"]) if m and _key(spot, ends_clause=False) else None
            if rough is None:
                continue
            new = headline.format(amount=rough)
            text = page.text.replace(title, new, 1) if title else f"{new}\n{page.text}"
            if Document.from_text(text).title != new:  # read as no headline: not this test's
                continue
            checked += 1
            after = rules_summarizer.summarize_text(text)
            if sorted(f.amount.value for f in after.funding) != sorted(
                f.amount.value for f in page.summary.funding
            ):
                wrong.append((stem, spot.found.text, new))
    assert checked >= 10, checked
    assert len(wrong) <= max(1, checked * TOLERANCE), wrong
