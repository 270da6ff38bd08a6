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
from povsum.extractors.rules.trace import Trace
from povsum.models import Region
from povsum.regions import Division, Mention, gazetteer
from povsum.sentences import Sentence, evidence

_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2}
# A division's name followed by these is a town, village or street named after it.
_PLACE_SUFFIX = re.compile(r"镇|乡|村|街道|路|大道|社区|站|机场")
_TITLE_WEIGHT = 3
_SUBJECT_SHARE = 0.4
_SUBJECT_MIN = 2
# A township or village named right after its county: "福贡县石月亮乡", "花垣县十八洞村".
_LOCAL = re.compile(r"[\u4e00-\u9fff]{2,4}?(?P<kind>乡|镇|村)")
_LOCAL_LEVEL = {"乡": "township", "镇": "township", "村": "village"}


def _self_references(text: str, kind: str) -> int:
    """How often the text calls its subject by kind alone: 全县, 该乡, 村里.

    >>> _self_references("全乡有贫困户。该乡发展产业,乡里修路。", "乡")
    3
    """
    return sum(text.count(form) for form in (f"全{kind}", f"该{kind}", f"我{kind}", f"{kind}里"))


def _inside(child: Division, parent: Division) -> bool:
    return child is not parent and parent.name in (child.province, child.prefecture)


def _counted(document: Document) -> tuple[Counter[Division], list[Mention]]:
    text = document.text
    # The headline is part of the text; mentions inside it weigh more.
    title_at = text.find(document.title) if document.title else -1
    title_end = title_at + len(document.title or "")
    scores: Counter[Division] = Counter()
    kept = []
    for mention in gazetteer().find_mentions(text):
        if _PLACE_SUFFIX.match(text, mention.end):
            continue
        kept.append(mention)
        scores[mention.division] += _TITLE_WEIGHT if title_at <= mention.start < title_end else 1
    for division in scores:
        scores[division] += _self_references(text, division.name[-1])
    return scores, kept


def find_region(document: Document, sentences: Sequence[Sentence], trace: Trace) -> Region | None:
    scores, mentions = _counted(document)
    for division, score in scores.most_common(8):
        trace.note("region", "mentions", division.name, f"score {score}")
    if not scores:
        trace.note("region", "mentions", "", "skipped: no division of the gazetteer is named")
        return None
    local = _local_subject(document.text, mentions, scores)
    if local is not None:
        trace.note(
            "region",
            "local_subject",
            local[1],
            f"kept: named after {local[0].name} and called 全{local[1][-1]}/该…",
        )
        return _region(document, sentences, *local)
    top, top_score = scores.most_common(1)[0]
    subject = top
    for division, score in sorted(scores.items(), key=lambda kv: (-_DEPTH[kv[0].level], -kv[1])):
        if _inside(division, top) and score >= max(_SUBJECT_SHARE * top_score, _SUBJECT_MIN):
            subject = division
            trace.note(
                "region", "sub_unit", division.name, f"kept: inside {top.name}, mentioned nearly as often"
            )
            break
    else:
        trace.note("region", "most_mentioned", top.name, "kept")
    first = next((m for m in mentions if m.division == subject), None)
    if first is None:
        return None
    return _region(document, sentences, subject, subject.name, subject.level, first.start)


def _local_subject(
    text: str, mentions: Sequence[Mention], scores: Counter[Division]
) -> tuple[Division, str, str, int] | None:
    """(county, township or village name, level, position) when the article is about a place
    below the county: it is named right after its county and then called 全乡/该村/村里 at
    least as often as the county is mentioned."""
    for mention in mentions:
        if mention.division.depth < _DEPTH["county"]:
            continue
        local = _LOCAL.match(text, mention.end)
        if local is None:
            continue
        name, kind = local.group(), local.group("kind")
        weight = text.count(name) + _self_references(text, kind)
        if weight >= _SUBJECT_MIN and weight >= scores[mention.division]:
            return mention.division, name, _LOCAL_LEVEL[kind], local.start()
    return None


def _region(
    document: Document, sentences: Sequence[Sentence], division: Division, name: str, level: str, at: int
) -> Region | None:
    """The region ``name`` at ``level``, placed in ``division``'s province, prefecture and county."""
    sentence = _sentence_at(sentences, at)
    if sentence is None:
        return None
    return Region(
        name=name,
        province=division.province,
        prefecture=division.prefecture,
        county=division.county,
        level=level,
        evidence=evidence(document, sentence),
    )


def _sentence_at(sentences: Sequence[Sentence], position: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= position < s.end), None)
