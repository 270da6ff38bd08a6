"""``--extractor both``: the model's answer, checked against the offline rules field by field.

Two independent readings of the same article: where they agree a reader can trust a figure
more; where they disagree the figure is flagged (kept, with both readings in
``verification.failures``) and the per-field verdicts are listed in ``summary.agreement``.
The summary is the model's (it reads more); the rules never add anything to it.
"""

from __future__ import annotations

from collections import Counter

from povsum.contract import SNAPSHOT_QUANTITIES
from povsum.document import Document
from povsum.extractors import Extractor
from povsum.models import FLAG, Agreement, ArticleSummary, Failure, Quantity
from povsum.numbers import plain_number
from povsum.regions import name_forms
from povsum.verify import verify

__all__ = ["CrossCheckedExtractor", "compare"]


class CrossCheckedExtractor:
    """Runs ``model`` and ``rules`` on each article and compares what each could prove."""

    name = "both"
    waits_on_io = True
    verifies = True

    def __init__(self, model: Extractor, rules: Extractor) -> None:
        self.model = model
        self.rules = rules

    def produced(self, summary: ArticleSummary) -> bool:
        return bool(summary.agreement) and self.model.produced(summary)

    def extract(self, document: Document) -> ArticleSummary:
        answer = self.model.extract(document)
        if not self.model.verifies:
            answer = verify(answer, document)
        reading = verify(self.rules.extract(document), document)
        agreement = compare(answer, reading)
        flags = [
            Failure(field=a.field, text=a.llm or "", reason=f"{FLAG}the rules read {a.rules}")
            for a in agreement
            if a.status == "disagree"
        ]
        failures = [*answer.verification.failures, *flags]
        verification = answer.verification.model_copy(update={"failures": failures})
        return answer.model_copy(update={"agreement": agreement, "verification": verification})


def compare(model: ArticleSummary, rules: ArticleSummary) -> list[Agreement]:
    """Per field, whether both readings found it and found the same."""
    verdicts = [_region(model, rules)]
    for part in ("baseline", "outcome"):
        for name in SNAPSHOT_QUANTITIES:
            verdicts.append(_figure(f"{part}.{name}", _get(model, part, name), _get(rules, part, name)))
    amounts = (Counter(plain_number(round(f.amount.value, 2)) for f in s.funding) for s in (model, rules))
    verdicts += _multiset("funding", *amounts)
    categories = (Counter({m.category for m in s.measures}) for s in (model, rules))
    verdicts += _multiset("measures", *categories)
    return [v for v in verdicts if v is not None]


def _get(summary: ArticleSummary, part: str, name: str) -> Quantity | None:
    snapshot = getattr(summary, part)
    return getattr(snapshot, name) if snapshot is not None else None


def _verdict(field: str, llm: str | None, rules: str | None, same: bool) -> Agreement | None:
    if llm is None and rules is None:
        return None
    if llm is None or rules is None:
        return Agreement(
            field=field, status="rules_only" if llm is None else "llm_only", llm=llm, rules=rules
        )
    return Agreement(field=field, status="agree" if same else "disagree", llm=llm, rules=rules)


def _region(model: ArticleSummary, rules: ArticleSummary) -> Agreement | None:
    a, b = (s.region.name if s.region else None for s in (model, rules))
    same = a is not None and b is not None and (a in name_forms(b) or b in name_forms(a))
    return _verdict("region", a, b, same)


def _figure(field: str, a: Quantity | None, b: Quantity | None) -> Agreement | None:
    same = a is not None and b is not None and round(a.value, 2) == round(b.value, 2)
    return _verdict(field, a.text if a else None, b.text if b else None, same)


def _multiset(field: str, llm: Counter[str], rules: Counter[str]) -> list[Agreement]:
    both = sorted((llm & rules).elements())
    return [
        *(Agreement(field=field, status="agree", llm=v, rules=v) for v in both),
        *(Agreement(field=field, status="llm_only", llm=v) for v in sorted((llm - rules).elements())),
        *(Agreement(field=field, status="rules_only", rules=v) for v in sorted((rules - llm).elements())),
    ]
