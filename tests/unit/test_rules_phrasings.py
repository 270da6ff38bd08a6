"""The rules extractor on the phrasing probes (tests/phrasings/: passages written for the project,
not real text): figures, measure categories, funding and the main region held to floors, as a guard
that a change does not trade the genre's common phrasings for the corpus's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from povsum import Document, verify
from povsum.evaluate import region_is_right
from povsum.extractors.rules import RulesExtractor
from povsum.models import ArticleSummary

PROBES = Path(__file__).resolve().parents[1] / "phrasings"
FIGURES_RIGHT = 0.95  # share of expected figures found at their value (rounds 1-2 together)
FIGURES_EXTRA = 0.03  # figures found where none is expected, per expected figure (rounds 1-2)
# Later rounds (tests/phrasings/README.md) on their own floors (share right, extra per expected),
# at what the rules reach: round 3 (real page forms, 423/444, 4 extra; some need the region found
# right), round 4 (long summaries, interviews, revisions, 400/410, 1 extra), round 5 (PDF, table,
# OCR and repost forms, 350/369), round 6 (written after round 5's fixes, 264/312 with them) and round
# 7 (data cards, work reports, Q&A, speeches; 342/377 before its fixes, 374/377 after).
LATER_ROUNDS = {
    "figures_3.jsonl": (0.95, 0.01),
    "figures_4.jsonl": (0.97, 0.01),
    "figures_5.jsonl": (0.94, 0.01),
    "figures_6.jsonl": (0.84, 0.01),
    "figures_7.jsonl": (0.99, 0.01),
    "figures_8.jsonl": (0.95, 0.02),  # an unfitted check: never tuned on
    "figures_9.jsonl": (0.98, 0.02),  # township, village and county pages (246/250, 5 extra)
    "figures_10.jsonl": (0.98, 0.02),  # county and prefecture pages (200/204, 2 extra at first)
    "figures_11.jsonl": (0.90, 0.01),  # baselines stated in other ways (183/202, 1 extra at first)
}
MEASURES_F1 = 0.95  # rounds 1-3 together
# Later measure rounds on their own floors, at what the rules reach (tests/phrasings/README.md):
# round 4 precision traps (F1 0.903), round 5 whole realistic articles (F1 0.882).
# round 6 township, village and county pages (F1 0.889 before its fixes, 0.919 after).
# Round 7, county and prefecture pages (F1 0.913 at first, 0.938 after).
LATER_MEASURES = {
    "measures_4.jsonl": 0.90,
    "measures_5.jsonl": 0.88,
    "measures_6.jsonl": 0.91,
    "measures_7.jsonl": 0.93,
    "measures_8.jsonl": 0.86,  # precision traps on whole pages (F1 0.862 at first)
}
FUNDING_F1 = 0.99  # rounds 2-3 together
# Round 4 (restatements, several sources, traps; tests/phrasings/README.md) on its own floor.
LATER_FUNDING = {"funding_4.jsonl": 0.94}
REGIONS_RIGHT = 0.97  # share of passages whose main region is named right at the right level
# Every probe file of every round with its number of passages, so a lost or truncated file shows.
FILES = {
    "figures.jsonl": 160,
    "measures.jsonl": 80,
    "figures_2.jsonl": 100,
    "funding_2.jsonl": 50,
    "measures_2.jsonl": 60,
    "measures_3.jsonl": 80,
    "measures_4.jsonl": 60,
    "measures_5.jsonl": 40,
    "funding_3.jsonl": 60,
    "figures_3.jsonl": 100,
    "figures_4.jsonl": 60,
    "figures_5.jsonl": 60,
    "figures_6.jsonl": 50,
    "figures_7.jsonl": 50,
    "figures_8.jsonl": 40,
    "figures_9.jsonl": 40,
    "measures_6.jsonl": 40,
    "figures_10.jsonl": 30,
    "measures_7.jsonl": 30,
    "figures_11.jsonl": 30,
    "measures_8.jsonl": 30,
    "funding_4.jsonl": 60,
    "regions_3.jsonl": 80,
    "regions_4.jsonl": 60,
    "regions_5.jsonl": 60,
}


def _read(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (PROBES / name).read_text(encoding="utf-8").splitlines()]


def _probes(kind: str) -> list[dict[str, Any]]:
    """Every probe of ``kind`` (figures, measures, funding, regions) of every round."""
    return [probe for name in FILES if name.startswith(kind) for probe in _read(name)]


def _summary(text: str) -> ArticleSummary:
    document = Document.from_text(text)
    return verify(RulesExtractor().extract(document), document)


def _figure_scores(probes: list[dict[str, Any]]) -> tuple[int, int, int]:
    right = expected = extra = 0
    for probe in probes:
        got = {
            p: q.value
            for p, q in _summary(probe["text"]).quantities()
            if p.startswith(("baseline.", "outcome."))
        }
        expected += len(probe["expected"])
        right += sum(got.get(k) == pytest.approx(v) for k, v in probe["expected"].items())
        extra += len(got.keys() - probe["expected"].keys())
    return right, expected, extra


@pytest.fixture(scope="module")
def figure_scores() -> tuple[int, int, int]:
    # Rounds 1-2: every figures file but round 3, which has its own floors.
    return _figure_scores(
        [p for name in FILES if name.startswith("figures") and name not in LATER_ROUNDS for p in _read(name)]
    )


def test_the_probes_are_well_formed() -> None:
    fields = {
        f"{side}.{name}"
        for side in ("baseline", "outcome")
        for name in ("households", "people", "incidence_rate", "poor_villages", "poor_counties")
    }
    assert {name: len(_read(name)) for name in FILES} == FILES
    assert sorted(p.name for p in PROBES.glob("*.jsonl")) == sorted(FILES)
    assert all(set(p["expected"]) <= fields | {"outcome.people_lifted"} for p in _probes("figures"))
    funding = _probes("funding")
    assert all(not set(p["expected"]) & set(p.get("optional", [])) for p in funding)
    levels = {"national", "province", "prefecture", "county", "district", "township", "village"}
    assert all(p["region"]["accept"] and p["region"]["level"] in levels for p in _probes("regions"))
    every = [probe for name in FILES for probe in _read(name)]
    assert len({p["id"] for p in every}) == len(every)


def test_figures_of_the_common_phrasings_are_found(figure_scores: tuple[int, int, int]) -> None:
    right, expected, extra = figure_scores
    assert right / expected >= FIGURES_RIGHT, f"{right}/{expected}"
    assert extra / expected <= FIGURES_EXTRA, f"{extra} extra"


@pytest.mark.parametrize("name", sorted(LATER_ROUNDS))
def test_figures_of_the_later_rounds(name: str) -> None:
    probes = _read(name)
    assert probes
    right, expected, extra = _figure_scores(probes)
    least_right, most_extra = LATER_ROUNDS[name]
    assert right / expected >= least_right, f"{right}/{expected}"
    assert extra / expected <= most_extra, f"{extra} extra"


def _measure_scores(probes: list[dict[str, Any]]) -> tuple[float, str]:
    """F1 of the measure categories over ``probes``, and its counts for the failure message."""
    tp = fp = fn = 0
    for probe in probes:
        got = {m.category for m in _summary(probe["text"]).measures}
        want = set(probe["expected"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    return f1, f"F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def test_measure_categories_of_the_common_phrasings() -> None:
    probes = [
        p for name in FILES if name.startswith("measures") and name not in LATER_MEASURES for p in _read(name)
    ]
    f1, scores = _measure_scores(probes)
    assert f1 >= MEASURES_F1, scores


@pytest.mark.parametrize("name", sorted(LATER_MEASURES))
def test_measure_categories_of_the_later_rounds(name: str) -> None:
    probes = _read(name)
    assert probes
    f1, scores = _measure_scores(probes)
    assert f1 >= LATER_MEASURES[name], scores


def _funding_f1(probes: list[dict[str, Any]]) -> tuple[float, str]:
    """F1 of the funding amounts over ``probes``, and its counts for the failure message."""
    tp = fp = fn = 0
    for probe in probes:
        got = [item.amount.value for item in _summary(probe["text"]).funding]
        for amount in probe["expected"]:
            if amount in got:
                got.remove(amount)
                tp += 1
            else:
                fn += 1
        for amount in probe.get("optional", []):  # counted either way by a careful reader
            if amount in got:
                got.remove(amount)
        fp += len(got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    return f1, f"F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def test_funding_of_the_common_phrasings() -> None:
    f1, scores = _funding_f1(
        [p for name in FILES if name.startswith("funding") and name not in LATER_FUNDING for p in _read(name)]
    )
    assert f1 >= FUNDING_F1, scores


@pytest.mark.parametrize("name", sorted(LATER_FUNDING))
def test_funding_of_the_later_rounds(name: str) -> None:
    f1, scores = _funding_f1(_read(name))
    assert f1 >= LATER_FUNDING[name], scores


@pytest.fixture(scope="module")
def region_misses() -> list[str]:
    """The probes whose verified region is wrong: a name the gold does not accept (scored as
    ``povsum eval`` scores it) or another level; one line each, for the failure message."""
    misses = []
    for probe in _probes("regions"):
        want = probe["region"]
        region = _summary(probe["text"]).region
        got = (region.name, region.level) if region else (None, None)
        if not (region_is_right({"name": want["accept"][0], **want}, got[0]) and got[1] == want["level"]):
            misses.append(f"{probe['id']}: {got} not {want['accept'][0]} ({want['level']})")
    return misses


def test_regions_of_the_common_phrasings(region_misses: list[str]) -> None:
    total = len(_probes("regions"))
    right = total - len(region_misses)
    assert right / total >= REGIONS_RIGHT, f"{right}/{total}: " + "; ".join(region_misses)
