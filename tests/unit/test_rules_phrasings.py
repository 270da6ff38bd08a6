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
# Round 3 (real page forms, tests/phrasings/README.md) on its own floors, at what the rules reach
# (368/444, 6 extra): about a tenth of its figures need the region found right (region rules).
ROUND_3 = "figures_3.jsonl"
ROUND_3_RIGHT = 0.82
ROUND_3_EXTRA = 0.02
MEASURES_F1 = 0.93
FUNDING_F1 = 0.97
REGIONS_RIGHT = 0.92  # share of passages whose main region is named right at the right level
# Every probe file of every round with its number of passages, so a lost or truncated file shows.
FILES = {
    "figures.jsonl": 160,
    "measures.jsonl": 80,
    "figures_2.jsonl": 100,
    "funding_2.jsonl": 50,
    "measures_2.jsonl": 60,
    "measures_3.jsonl": 80,
    "funding_3.jsonl": 60,
    "figures_3.jsonl": 100,
    "regions_3.jsonl": 80,
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
        [p for name in FILES if name.startswith("figures") and name != ROUND_3 for p in _read(name)]
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


def test_figures_of_real_page_forms() -> None:
    probes = _read(ROUND_3)
    assert probes
    right, expected, extra = _figure_scores(probes)
    assert right / expected >= ROUND_3_RIGHT, f"{right}/{expected}"
    assert extra / expected <= ROUND_3_EXTRA, f"{extra} extra"


def test_measure_categories_of_the_common_phrasings() -> None:
    tp = fp = fn = 0
    for probe in _probes("measures"):
        got = {m.category for m in _summary(probe["text"]).measures}
        want = set(probe["expected"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= MEASURES_F1, f"F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def test_funding_of_the_common_phrasings() -> None:
    tp = fp = fn = 0
    for probe in _probes("funding"):
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
    assert f1 >= FUNDING_F1, f"F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


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
