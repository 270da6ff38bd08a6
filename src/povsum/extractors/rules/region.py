"""The article's main region: the administrative division it is about.

Mentions are counted against the gazetteer (headline mentions weigh more). Reports about a
county or prefecture keep naming their province for context ("排广西第5位"), so a division
that lies inside the most-mentioned one and is mentioned nearly as often is the subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from povsum.document import Document
from povsum.extractors.rules.sentences import Sentence, evidence
from povsum.models import Region
from povsum.regions import Division, Mention, gazetteer

_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2}
# A division's name followed by these is a town, village or street named after it.
_PLACE_SUFFIX = re.compile(r"镇|乡|村|街道|路|大道|社区|站|机场")
_TITLE_WEIGHT = 3
_SUBJECT_SHARE = 0.4


def _inside(child: Division, parent: Division) -> bool:
    return child is not parent and parent.name in (child.province, child.prefecture)


def _counted(document: Document) -> tuple[Counter[Division], list[Mention]]:
    text = document.text
    title = document.title or ""
    scores: Counter[Division] = Counter()
    kept = []
    for mention in gazetteer().find_mentions(text):
        if _PLACE_SUFFIX.match(text, mention.end):
            continue
        kept.append(mention)
        scores[mention.division] += 1
    for mention in gazetteer().find_mentions(title):
        scores[mention.division] += _TITLE_WEIGHT - 1
    return scores, kept


def find_region(document: Document, sentences: Sequence[Sentence]) -> Region | None:
    scores, mentions = _counted(document)
    if not scores:
        return None
    top, top_score = scores.most_common(1)[0]
    subject = top
    for division, score in sorted(scores.items(), key=lambda kv: (-_DEPTH[kv[0].level], -kv[1])):
        if _inside(division, top) and score >= _SUBJECT_SHARE * top_score:
            subject = division
            break
    first = (
        next(m for m in mentions if m.division == subject)
        if subject in {m.division for m in mentions}
        else None
    )
    sentence = _sentence_at(sentences, first.start) if first else None
    if sentence is None:
        return None
    return Region(
        name=subject.name,
        province=subject.province,
        prefecture=subject.prefecture,
        county=subject.county,
        level=subject.level,
        evidence=evidence(document, sentence),
    )


def _sentence_at(sentences: Sequence[Sentence], position: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= position < s.end), None)
