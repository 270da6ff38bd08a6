"""Measures: what was done, by category, each with the sentence that says so.

A category is reported when one of its cues (``contract.MEASURE_KINDS``, strongest first) occurs
in a sentence that reports work done; the evidence is the first such sentence for the strongest
cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from povsum.contract import MEASURE_KINDS
from povsum.document import Document
from povsum.extractors.rules.trace import Trace
from povsum.models import Measure
from povsum.sentences import Sentence, evidence

_PLANS = "下一步"
# A sentence listing policy names ("产业扶贫、就业扶贫、扶贫小额信贷等一系列政策继续实施") says
# nothing about what was done in the article's region.
_POLICY_LIST = "一系列政策"
_SUMMARY_CHARS = 60
_SHORT_CLAUSE = 10


def _summary(sentence: Sentence, start: int, end: int) -> str:
    """One line: the clause that names the measure, extended while it is too short to read.

    >>> _summary(Sentence(0, 20, "发挥优势,带动就业,让更多群众脱贫。"), 5, 9)
    '带动就业,让更多群众脱贫'
    """
    clause = sentence.clause_around(start, end, min_chars=_SHORT_CLAUSE)
    return clause.strip(" ,。;")[:_SUMMARY_CHARS]


def _current(document: Document, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that report what was done, not the plans for later: a "下一步" heading
    ends the report; a sentence opening with it makes the rest of its paragraph plans."""
    kept: list[Sentence] = []
    planning = False
    for previous_end, sentence in zip([0, *(s.end for s in sentences)], sentences, strict=False):
        if "\n" in document.text[previous_end : sentence.start]:
            planning = False
        if _PLANS in sentence.text:
            if len(sentence.text) <= 12:
                break
            planning = True
        if not planning and _POLICY_LIST not in sentence.text:
            kept.append(sentence)
    return kept


def find_measures(document: Document, sentences: Sequence[Sentence], trace: Trace) -> list[Measure]:
    """At most one measure per category, in the order the article reports them."""
    current = _current(document, sentences)
    found: list[Measure] = []
    for kind in MEASURE_KINDS:
        present = [t for t in kind.cues if t in document.text]
        hit = next(((s, t, i) for t in present for s in current if (i := s.text.find(t)) >= 0), None)
        if hit:
            sentence, term, at = hit
            trace.note("measures", f"cue:{term}", kind.key, "kept", sentence.start + at)
            found.append(
                Measure(
                    category=kind.key,
                    summary=_summary(sentence, at, at + len(term)),
                    evidence=evidence(document, sentence),
                )
            )
    return sorted(found, key=lambda m: m.evidence.start)
