"""The status of every input and the counts by status that each report opens with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from povsum.models import Status
from povsum.summaries import ArticleError, Record

ERROR = "error"  # an input with no summary: unreadable, an LLM error, not attempted
STATUSES: tuple[str, ...] = (*get_args(Status), ERROR)


def status_of(record: Record) -> str:
    return ERROR if isinstance(record, ArticleError) else record.verification.status


@dataclass
class Totals:
    """How many inputs ended in each status, every status listed even at 0."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    def add(self, record: Record) -> None:
        self.counts[status_of(record)] += 1

    @property
    def articles(self) -> str:
        """How many inputs, as a report's title says it.

        >>> t = Totals(); t.add(ArticleError(path="a", error="a: empty")); t.articles, t.counts["error"]
        ('1 article', 1)
        """
        count = sum(self.counts.values())
        return f"{count} article{'' if count == 1 else 's'}"
