"""Funding: money spent, allocated, invested, lent or donated for poverty alleviation.

Each amount in 元 is judged on its phrase: the text between the punctuation that ends a statement
(,;:。), quotes, brackets and 、 included, because a report names a fund in quotes right after its
amount ("设1417万元“风险资金池”"). The rules, in the order they are tried:

1. ``part_of_total``: a 其中 part of an amount stated before it. The breakdown runs on through the
   ;-separated statements that follow, up to the full stop.
2. form rules, whatever verb surrounds the amount: ``limit`` (5万元以下, 贷款额度), ``per_unit``
   (每户, 户均, 元/亩, 每月) and ``change`` (比上年增加200亿元).
3. the cue nearest the amount: a not-funding cue (收入, 工资, 价格, 销售, 产值, 标准) skips it, a
   funding cue (投入, 发放, 贷款, 捐, 补助, 资金...) keeps it, except ``household_loan``: a loan
   within the microcredit ceiling is one household's loan.
4. ``series``: an amount with no cue of its own continues the sentence's list when the amount
   before it was kept ("从2017年的2000万元…到2018年的9152万元").

The kept amounts then become distinct items: ``breakdown_sum`` leaves out a run of amounts that
add up to the amount next to them, and ``restatement`` leaves out an amount already kept (a
headline figure restating a body figure to the headline's precision is the same item).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Funding, Quantity
from povsum.numbers import QuantityMatch, find_quantities
from povsum.sentences import Sentence, evidence

# What ends a phrase. Not 、 (a list of one statement), nor quotes or brackets (a name).
_PHRASE_BREAK = re.compile(r"[,，;；:：。！？!?]")
_STATEMENT_GOES_ON = (";", "；")

# Cue words by what they make an amount. A table, not control flow: to teach the rules a new word,
# add it to its group.
_NOT_FUNDING_CUES: dict[str, tuple[str, ...]] = {
    "income": ("收入", "增收", "收益", "效益", "获益", "分红", "利润", "租金", "赚", "挣"),
    "wage": ("工资", "薪"),
    "price": ("价格", "售价", "单价", "房价"),
    # Deals signed or traded, not money paid out; 签约资金 must not be read as 资金.
    "sales": ("销售", "销量", "营业", "营收", "交易", "成交", "签约", "签约资金", "订单", "零售"),
    # Buying the poor's produce is sales too.
    "produce_bought": ("消费扶贫", "带货", "采购", "收购"),
    # Output values and the economy's statistics, which are not money spent on the poor.
    "economy": ("产值", "生产总值", "GDP", "增加值", "固定资产投资", "存款"),
    # Money still missing is not money spent: 资金缺口3亿元.
    "shortfall": ("缺口",),
    # Poverty lines and subsidy standards are rates, not amounts spent.
    "standard": ("标准", "贫困线"),
}
_FUNDING_CUES: dict[str, tuple[str, ...]] = {
    "spending": ("投入", "安排", "发放", "下达", "拨付", "投放", "到位", "兑现"),
    # Investment and the funds it brings in or sets up: 配套, 撬动社会资本, 设立风险补偿金.
    "investment": ("投资", "援建", "整合", "配套", "撬动", "设立", "注入"),
    "raising": ("筹措", "筹集", "集资", "募集", "融资"),
    "loan": ("贷款", "信贷"),
    "donation": ("捐", "援助", "资助"),
    "subsidy": ("补助", "补贴", "奖补", "贴息", "救助"),
    # The noun alone makes it funding: 引进帮扶资金, 专项扶贫资金规模, 工作经费.
    "fund": ("资金", "经费", "基金"),
}
_CUE_GROUP: dict[str, tuple[str, bool]] = {
    **{w: (group, False) for group, words in _NOT_FUNDING_CUES.items() for w in words},
    **{w: (group, True) for group, words in _FUNDING_CUES.items() for w in words},
}
# Longest first, so a compound (签约资金, 增加值) wins over the word inside it.
_CUE = re.compile("|".join(sorted(map(re.escape, _CUE_GROUP), key=len, reverse=True)))

# Form rules: what the phrase says about the amount itself, whatever the verb. They read the
# phrase with the amount marked as 〔amount〕, and match only their cue word.
_FORM_RULES: dict[str, re.Pattern[str]] = {
    # Loan ceilings and thresholds: 贷款额度5万元, 最高5万元, 5万元以下, 5万元以内的小额贷款.
    "limit": re.compile(
        r"(?:额度|上限|最高|最多|不超过|不高于|不低于|不少于)(?=[^〔]*〔)"  # anywhere before it
        r"|以下(?=〕)|(?<=〕)(?:以下|以内|封顶|为限)"  # closing it, or right after it
    ),
    # Rates per household, person, mu, head or month: 每户2万元, 每亩, 户均, 1500元/亩. A budget
    # each year (每年安排1000万元) is money spent; so is an amount for each of the villages or
    # townships a report lists (每个村投入300万元): only their average is a rate (平均每村, 村均).
    "per_unit": re.compile(r"(?:平均每|每(?!个?[村乡镇]|年)|[户人亩村]均)(?=[^〔]*〔)|(?<=〕)/"),
    # A difference between two amounts, not an amount: 比上年增加200亿元, 净增加11400元.
    "change": re.compile(r"(?:增加|增长|减少|下降|提高|净增)(?=了?〔)"),
}

# 扶贫小额信贷 lends at most 5万元 to one household: a loan that small is a household's loan or
# the ceiling, never a programme's total.
_MICROCREDIT_CEILING = 50_000

_PAYER = re.compile(
    r"(?P<payer>[^\d,;:。]{2,12}?(?:市县|部门|政府|财政|企业|单位|集团|公司))(?:共|累计)?(?:投入|安排|发放|拨付)"
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    before: str  # from the last phrase break up to the amount
    amount: str
    after: str  # from the amount up to the next phrase break

    @classmethod
    def around(cls, sentence: Sentence, match: QuantityMatch) -> _Phrase:
        """
        >>> s = Sentence(0, 20, "甲,并设1417万元“风险资金池”,乙")
        >>> _Phrase.around(s, find_quantities(s.text, {"元"})[0])
        _Phrase(before='并设', amount='1417万元', after='“风险资金池”')
        """
        text = sentence.text
        left = max((m.end() for m in _PHRASE_BREAK.finditer(text, 0, match.start)), default=0)
        brk = _PHRASE_BREAK.search(text, match.end)
        right = brk.start() if brk else len(text)
        return cls(text[left : match.start], match.text, text[match.end : right])

    def marked(self) -> str:
        return f"{self.before}〔{self.amount}〕{self.after}"


@dataclass(frozen=True, slots=True)
class _Cue:
    word: str
    group: str
    funding: bool
    distance: int  # characters between the cue and the amount


def _nearest_cue(phrase: _Phrase) -> _Cue | None:
    """The cue closest to the amount, before or after it; on a tie the not-funding cue.

    >>> _nearest_cue(_Phrase("投入资金", "1000万元", "用于增加贫困户收入")).word
    '资金'
    >>> _nearest_cue(_Phrase("", "5.5万元", "的收入")).group
    'income'
    >>> _nearest_cue(_Phrase("签约资金", "10亿元", "")).group
    'sales'
    >>> _nearest_cue(_Phrase("全县", "82亿元", "")) is None
    True
    """
    found = [
        _Cue(m.group(), *_CUE_GROUP[m.group()], len(phrase.before) - m.end())
        for m in _CUE.finditer(phrase.before)
    ] + [_Cue(m.group(), *_CUE_GROUP[m.group()], m.start()) for m in _CUE.finditer(phrase.after)]
    return min(found, key=lambda c: (c.distance, c.funding), default=None)


@dataclass(frozen=True, slots=True)
class _Verdict:
    rule: str
    kept: bool
    cue: str  # the word that decided, or why nothing did


def _judge(phrase: _Phrase, value: float, previous: _Verdict | None) -> _Verdict:
    """Whether one amount outside a 其中 breakdown is funding, by the rules of the module docstring.

    >>> _judge(_Phrase("累计投入", "280亿元", ""), 2.8e10, None)
    _Verdict(rule='spending', kept=True, cue='投入')
    >>> _judge(_Phrase("为每户贫困户筹措资金", "2.2万元", ""), 22000, None).rule
    'per_unit'
    >>> _judge(_Phrase("贷款", "5万元", "投入村合作社"), 50000, None).rule
    'household_loan'
    """
    marked = phrase.marked()
    for rule, pattern in _FORM_RULES.items():
        if (form := pattern.search(marked)) is not None:
            return _Verdict(rule, False, form.group())
    cue = _nearest_cue(phrase)
    if cue is None:
        if previous is not None and previous.kept:
            return _Verdict("series", True, previous.cue)
        return _Verdict("no_cue", False, "no funding cue")
    if not cue.funding:
        return _Verdict(cue.group, False, cue.word)
    if cue.group == "loan" and value <= _MICROCREDIT_CEILING:
        return _Verdict("household_loan", False, cue.word)
    return _Verdict(cue.group, True, cue.word)


def _decision(verdict: _Verdict) -> str:
    """What ``povsum explain`` says about one amount.

    >>> _decision(_Verdict("series", True, "资金"))
    'kept: continues a list kept by 资金'
    """
    if verdict.rule == "series":
        return f"kept: continues a list kept by {verdict.cue}"
    if verdict.rule == "household_loan":
        return f"skipped: {verdict.cue} within the {_MICROCREDIT_CEILING}元 microcredit ceiling"
    return f"{'kept' if verdict.kept else 'skipped'}: {verdict.cue}"


def _breakdown_start(sentence: Sentence, matches: list[QuantityMatch], after_an_amount: bool) -> int | None:
    """Where a 其中 breakdown of an amount already stated begins in the sentence, if it does:
    at a 其中 after an amount of this sentence, or at one opening the sentence right after a
    sentence that stated an amount. A 其中 with no amount before it introduces items, not parts.

    >>> s = Sentence(0, 24, "规划总投资3058万元,其中,中央资金2000万元")
    >>> _breakdown_start(s, find_quantities(s.text, {"元"}), after_an_amount=False)
    12
    >>> s = Sentence(0, 16, "其中,援助该村90万元发展种植")
    >>> _breakdown_start(s, find_quantities(s.text, {"元"}), after_an_amount=False) is None
    True
    """
    for m in re.finditer("其中", sentence.text):
        opens_sentence = m.start() == 0 and after_an_amount
        if opens_sentence or any(q.end <= m.start() for q in matches):
            return m.start()
    return None


def _amounts(sentences: Iterable[Sentence]) -> Iterator[tuple[Sentence, list[tuple[QuantityMatch, bool]]]]:
    """Each sentence with its amounts in 元, and for each whether it is a 其中 part of an amount
    before it."""
    carried = False  # a breakdown still open at the end of a ;-separated statement
    after_an_amount = False
    for sentence in sentences:
        matches = find_quantities(sentence.text, units={"元"})
        start = 0 if carried else _breakdown_start(sentence, matches, after_an_amount)
        yield sentence, [(m, start is not None and m.start >= start) for m in matches]
        carried = start is not None and sentence.text.endswith(_STATEMENT_GOES_ON)
        after_an_amount = bool(matches)


def _payer(clause: str) -> str | None:
    """Who paid, when the clause names it right before the spending verb.

    >>> _payer("县就业部门投入420万元")
    '县就业部门'
    >>> _payer("发放补助金7.35万元") is None
    True
    """
    m = _PAYER.search(clause)
    return m.group("payer") if m else None


def _funding(document: Document, sentence: Sentence, match: QuantityMatch) -> Funding:
    clause = sentence.clause_around(match.start, match.end)
    return Funding(
        amount=Quantity(
            value=match.parsed.value,
            unit="元",
            text=match.text,
            approx=match.parsed.approx,
            evidence=evidence(document, sentence),
        ),
        purpose=clause.strip(),
        source=_payer(clause),
        evidence=evidence(document, sentence),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    item: Funding
    at: int  # offset of the amount in the cleaned text
    sentence: int  # offset of its sentence
    in_headline: bool

    @property
    def yuan(self) -> int:
        return round(self.item.amount.value)

    @property
    def text(self) -> str:
        return self.item.amount.text


def _headline_span(document: Document) -> range:
    at = document.text.find(document.title) if document.title else -1
    return range(at, at + len(document.title or "")) if at >= 0 else range(0)


def _candidates(document: Document, sentences: Iterable[Sentence], trace: Trace) -> list[_Candidate]:
    """Amounts kept one by one, before they are reduced to distinct items."""
    headline = _headline_span(document)
    kept: list[_Candidate] = []
    for sentence, amounts in _amounts(sentences):
        previous: _Verdict | None = None  # a series runs within one sentence
        for match, in_breakdown in amounts:
            at = sentence.start + match.start
            if in_breakdown:
                previous = _Verdict("part_of_total", False, "a 其中 part of an amount before it")
            else:
                previous = _judge(_Phrase.around(sentence, match), match.parsed.value, previous)
            trace.note("funding", previous.rule, match.text, _decision(previous), at)
            if previous.kept:
                kept.append(
                    _Candidate(
                        _funding(document, sentence, match), at, sentence.start, sentence.start in headline
                    )
                )
    return kept


def _run_summing_to(yuan: list[int], t: int) -> list[int]:
    """Indices of two or more amounts right after (or else right before) amount ``t`` that add up
    to it exactly: its breakdown, listed without 其中.

    >>> _run_summing_to([32_000_000, 26_890_000, 5_110_000], 0)
    [1, 2]
    >>> _run_summing_to([3_226_400, 7_383_100, 10_609_500, 2_000_000], 2)
    [1, 0]
    >>> _run_summing_to([20_000_000, 91_520_000, 100_000_000], 2)
    []
    """
    total = yuan[t]
    for step in (1, -1):
        run: list[int] = []
        subtotal, i = 0, t + step
        while 0 <= i < len(yuan) and subtotal < total:
            subtotal += yuan[i]
            run.append(i)
            i += step
        if subtotal == total and len(run) >= 2:
            return run
    return []


def _without_breakdowns(candidates: list[_Candidate], trace: Trace) -> list[_Candidate]:
    yuan = [c.yuan for c in candidates]
    parts: set[int] = set()
    for t, total in enumerate(candidates):
        if t in parts:
            continue
        # A restated total finds the same run again: note each part once.
        for i in sorted(set(_run_summing_to(yuan, t)) - parts):
            parts.add(i)
            part = candidates[i]
            trace.note("funding", "breakdown_sum", part.text, f"dropped: a part of {total.text}", part.at)
    return [c for i, c in enumerate(candidates) if i not in parts]


def _precision(yuan: int) -> int:
    """The place of the last significant digit: what a headline rounds to.

    >>> _precision(500_000_000), _precision(74_880_000), _precision(0)
    (100000000, 10000, 1)
    """
    step = 1
    while yuan and yuan % (step * 10) == 0:
        step *= 10
    return step


def _restates(candidate: _Candidate, kept: _Candidate) -> bool:
    """The same amount again, or a headline figure rounding a body one (超5亿元 for 5.6176亿元).
    Within one sentence equal amounts are a list (援助甲村100万元,援助乙村100万元), not a restatement."""
    if candidate.sentence == kept.sentence:
        return False
    if candidate.yuan == kept.yuan:
        return True
    headline = candidate if candidate.in_headline else kept if kept.in_headline else None
    return headline is not None and abs(candidate.yuan - kept.yuan) < _precision(headline.yuan)


def _distinct(candidates: list[_Candidate], trace: Trace) -> list[_Candidate]:
    """Each amount once. Body figures are read first, so a headline figure is the one dropped."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.in_headline):
        same = next((k for k in kept if _restates(candidate, k)), None)
        if same is None:
            kept.append(candidate)
        else:
            trace.note(
                "funding", "restatement", candidate.text, f"dropped: restates {same.text}", candidate.at
            )
    return sorted(kept, key=lambda c: c.at)


def find_funding(document: Document, sentences: Iterable[Sentence], trace: Trace) -> list[Funding]:
    candidates = _without_breakdowns(_candidates(document, sentences, trace), trace)
    return [c.item for c in _distinct(candidates, trace)]
