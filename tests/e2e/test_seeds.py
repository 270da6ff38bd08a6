"""The rules extractor on the five seeds, against the reference annotations in tests/gold/.

Thresholds are the issue's acceptance bar: region 5/5, gold baseline/outcome people, households
and incidence rate all found, >= 80% of gold funding amounts with <= 1 spurious amount per article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from povsum import ArticleSummary, Document

FIELDS = ("households", "people", "incidence_rate")


def test_every_number_is_grounded_in_its_source(seed_summaries, seed_documents) -> None:
    for stem, summary in seed_summaries.items():
        doc: Document = seed_documents[stem]
        found = list(summary.quantities())
        assert found, f"{stem}: no quantities at all"
        for path, q in found:
            assert q.text in doc.text, (stem, path)
            assert q.text in q.evidence.quote, (stem, path)
            assert doc.text_between(q.evidence.start, q.evidence.end) == q.evidence.quote, (stem, path)
        assert summary.verification.status == "verified", (stem, summary.verification.failures)


def test_seed_002_offsets_point_into_the_traditional_original(seed_summaries, seed_documents) -> None:
    doc = seed_documents["002_8756b7e08ecedc89"]
    item = next(f for f in seed_summaries["002_8756b7e08ecedc89"].funding if f.amount.text == "1127.14万元")
    assert doc.original[item.amount.evidence.start : item.amount.evidence.end].count("萬元") == 1


def test_region_is_right_on_every_seed(seed_summaries, gold) -> None:
    right = {
        stem: s.region is not None and s.region.name in gold[stem]["region"]["accept"]
        for stem, s in seed_summaries.items()
    }
    print(f"region: {sum(right.values())}/{len(right)} correct")
    assert all(right.values()), right
    for stem, s in seed_summaries.items():
        assert s.region.province == gold[stem]["region"]["province"], stem
        assert s.region.level == gold[stem]["region"]["level"], stem


@pytest.mark.parametrize("part", ["baseline", "outcome"])
def test_baseline_and_outcome_match_gold(seed_summaries, gold, part: str) -> None:
    checked = misses = 0
    for stem, summary in seed_summaries.items():
        snapshot = getattr(summary, part)
        for name in FIELDS:
            expected = gold[stem][part].get(name)
            got = getattr(snapshot, name) if snapshot is not None else None
            if expected is None:
                continue
            checked += 1
            if got is None or got.value != pytest.approx(expected):
                misses += 1
                print(f"{stem} {part}.{name}: expected {expected}, got {got and got.text}")
    print(f"{part}: {checked - misses}/{checked} gold values found")
    assert misses == 0


def test_funding_recall_and_precision(seed_summaries, gold) -> None:
    found_total = gold_total = 0
    for stem, summary in seed_summaries.items():
        expected = [f["yuan"] for f in gold[stem]["funding"]]
        got = [f.amount.value for f in summary.funding]
        hits = sum(1 for v in expected if v in got)
        spurious = [v for v in got if v not in expected]
        found_total += hits
        gold_total += len(expected)
        print(f"{stem}: {hits}/{len(expected)} gold amounts, spurious {spurious}")
        assert len(spurious) <= 1, (stem, spurious)
    recall = found_total / gold_total
    print(f"funding recall {recall:.0%}")
    assert recall >= 0.8


def test_the_readme_sample_is_seed_000s_summary(seed_summaries: dict[str, ArticleSummary]) -> None:
    # The README's sample output, field by field where it writes one out, is seed 000's summary.
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    sample = readme[readme.index("```json") : readme.index("```", readme.index("```json") + 7)]
    summary = seed_summaries["000_dda217ac4bff4475"]
    baseline, outcome = summary.baseline, summary.outcome
    assert baseline is not None and baseline.people is not None and outcome is not None
    evidence, measure = baseline.people.evidence, summary.measures[0]
    written = [
        f'"title": "{summary.source.title}"',
        f'"as_of": "{baseline.as_of}"',
        f'"quote": "{evidence.quote}", "start": {evidence.start}, "end": {evidence.end}',
        f'"outcome": {{"as_of": "{outcome.as_of}"',
        f'"measures": [{{"category": "{measure.category}", "summary": "{measure.summary}"',
        f'"text": "{summary.funding[0].amount.text}"',
        f'"checked": {summary.verification.checked}, "failures": []',
    ]
    assert [w for w in written if w not in sample] == []
