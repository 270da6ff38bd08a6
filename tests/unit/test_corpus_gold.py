"""The corpus annotations (tests/corpus/gold) are well formed: known fields, paths that exist,
funding texts that parse to their yuan, a split that covers every article once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest

from povsum.contract import BASELINE_QUANTITIES, MEASURE_CATEGORIES, SNAPSHOT_QUANTITIES
from povsum.models import Level
from povsum.normalize import normalize
from povsum.numbers import parse_quantity

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD = sorted((CORPUS / "gold").glob("*.json"))
SHARED_TEXTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts"
KEYS = {"id", "region", "baseline", "outcome", "funding", "measure_categories", "notes"}
OPTIONAL_KEYS = {"measure_optional", "optional", "alternatives"}
PATHS = {f"baseline.{n}" for n in BASELINE_QUANTITIES} | {f"outcome.{n}" for n in SNAPSHOT_QUANTITIES}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_180_annotations_and_a_split_of_120_and_60() -> None:
    assert [p.stem for p in GOLD] == [f"c{i:03d}" for i in range(1, 181)]
    split = load(CORPUS / "split.json")
    train, test = set(split["train"]), set(split["test"])
    assert (len(train), len(test)) == (120, 60) and not train & test
    assert train | test == {p.stem for p in GOLD}
    halves = set(split["train_a"]), set(split["train_b"])
    assert halves[0] | halves[1] == train and not halves[0] & halves[1]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_an_annotation_is_well_formed(path: Path) -> None:
    gold = load(path)
    assert gold["id"] == path.stem
    assert KEYS <= set(gold) <= KEYS | OPTIONAL_KEYS
    region = gold["region"]
    if region is not None:
        assert region["name"] in region["accept"] and region["level"] in get_args(Level)
    assert set(gold["baseline"]) == {"year", *BASELINE_QUANTITIES}
    assert set(gold["outcome"]) == {"year", *SNAPSHOT_QUANTITIES}
    assert set(gold.get("optional", [])) <= PATHS
    assert set(gold.get("alternatives", {})) <= PATHS
    categories = set(gold["measure_categories"]) | set(gold.get("measure_optional", []))
    assert categories <= set(MEASURE_CATEGORIES)
    for item in gold["funding"]:
        parsed = parse_quantity(normalize(item["text"], traditional=True)[0])
        assert parsed.unit == "元" and round(parsed.value, 2) == round(item["yuan"], 2), item


@pytest.mark.skipif(not SHARED_TEXTS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")
@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_every_funding_text_is_verbatim_in_its_article(path: Path) -> None:
    text = (SHARED_TEXTS / f"{path.stem}.txt").read_text(encoding="utf-8")
    for item in load(path)["funding"]:
        assert item["text"] in text, item["text"]
