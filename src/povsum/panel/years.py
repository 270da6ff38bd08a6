"""The year a baseline or outcome stands for, from its ``as_of`` and the publication date.

Reports date figures as "2014", "2019年底", "截至2020年8月", or only "如今". The rules below are
tried in order and the first whose pattern occurs in ``as_of`` decides; the last one matches
anything, an absent ``as_of`` included. Every panel row records the rule's name, so a reader can
tell a year the article writes from one derived from the day it was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["YEAR_RULES", "DatedYear", "YearRule", "resolve_year"]


@dataclass(frozen=True)
class YearRule:
    name: str
    pattern: re.Pattern[str]  # searched in as_of ("" when the snapshot has none)
    # None: the year is the one written in as_of; otherwise the publication year minus this.
    years_before_publication: int | None
    meaning: str

    @property
    def derived(self) -> bool:
        """The year comes from the publication date, not from the article's words."""
        return self.years_before_publication is not None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

YEAR_RULES: tuple[YearRule, ...] = (
    YearRule("stated", _YEAR, None, "the year written in as_of; the latest when it names several"),
    # 截至目前 and 截止目前 contain 目前.
    YearRule("now", re.compile("如今|目前|现在|当前|眼下|至今"), 0, "如今/目前/现在: the publication year"),
    YearRule("last_year", re.compile("去年|上年"), 1, "去年/上年: the year before publication"),
    YearRule("undated", re.compile(""), 0, "no year in as_of, or no as_of: the publication year"),
)
RULES: dict[str, YearRule] = {rule.name: rule for rule in YEAR_RULES}


@dataclass(frozen=True)
class DatedYear:
    year: int
    rule: YearRule


def resolve_year(as_of: str | None, published: str | None) -> DatedYear | None:
    """The year of a snapshot, or None when it depends on a publication date that is unknown.

    >>> [(d.year, d.rule.name) for d in (resolve_year(a, "2018-10-18") for a in ("2019年底", "如今", None))]
    [(2019, 'stated'), (2018, 'now'), (2018, 'undated')]
    >>> resolve_year("截至2020年8月", None).year, resolve_year("2014年至2019年", None).year
    (2020, 2019)
    >>> resolve_year("去年底", "2020-02-29").year, resolve_year("目前", None)
    (2019, None)
    """
    text = as_of or ""
    rule = next(r for r in YEAR_RULES if r.pattern.search(text))
    if rule.years_before_publication is None:
        return DatedYear(max(int(y) for y in rule.pattern.findall(text)), rule)
    year = _YEAR.match(published or "")
    return DatedYear(int(year[0]) - rule.years_before_publication, rule) if year else None
