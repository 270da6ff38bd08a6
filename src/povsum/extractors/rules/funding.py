"""Funding: money spent on poverty alleviation, not incomes, wages, prices, sales or poverty lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Funding, Quantity
from povsum.numbers import find_quantities
from povsum.sentences import Sentence, evidence

# Words that make an amount money spent (or lent) for poverty alleviation.
_SPENDING = re.compile(
    r"投入|安排|发放|下达|拨付|筹措|筹集|整合|投资|资助|补助|补贴|贷款|信贷|救助金|资金|经费|捐赠|捐款|援助|奖补|兑现"
)
# Words that make an amount something else: earnings, prices, sales, thresholds, limits.
_NOT_SPENDING = re.compile(
    r"收入|增收|收益|获益|工资|薪|人均|户均|每人|每户|每月|每天|每年|标准|产值|销售|销量|营业|价格|售价|交易|额度|"
    r"利润|分红|营收|不少于|不超过|以下\(|线|"
    # Rates per physical unit are subsidy standards, not money spent: "每亩补助1500元".
    r"每亩|每头|每只|每斤|每公斤|每吨|每平方米|每株|每千瓦"
)
_PAYER = re.compile(
    r"(?P<payer>[^\d,;:。]{2,12}?(?:市县|部门|政府|财政|企业|单位|集团|公司))(?:共|累计)?(?:投入|安排|发放|拨付)"
)


def _payer(clause: str) -> str | None:
    """Who paid, when the clause names it right before the spending verb.

    >>> _payer("县就业部门投入420万元")
    '县就业部门'
    >>> _payer("发放补助金7.35万元") is None
    True
    """
    m = _PAYER.search(clause)
    return m.group("payer") if m else None


def find_funding(document: Document, sentences: Iterable[Sentence], trace: Trace) -> list[Funding]:
    items: list[Funding] = []
    for sentence in sentences:
        for match in find_quantities(sentence.text, units={"元"}):
            clause = sentence.clause_around(match.start, match.end)
            # The words right after the amount often say what it is: "...万元的收入".
            tail = sentence.text[match.end : match.end + 4]
            head = clause[: clause.find(match.text)]
            at = sentence.start + match.start
            if "其中" in head:
                trace.note("funding", "part_of_total", match.text, "skipped: a 其中 part", at)
                continue
            if (not_spending := _NOT_SPENDING.search(clause + tail)) is not None:
                trace.note("funding", "not_spending", match.text, f"skipped: {not_spending.group()}", at)
                continue
            if (spending := _SPENDING.search(clause + tail)) is None:
                trace.note("funding", "spending", match.text, "skipped: no spending word", at)
                continue
            trace.note("funding", "spending", match.text, f"kept: {spending.group()}", at)
            items.append(
                Funding(
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
            )
    return items
