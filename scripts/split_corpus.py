"""Write tests/corpus/split.json: the corpus annotations split into train (120) and test (60).

Deterministic and stratified by region level and script: the articles are ordered by
(level, script, sha256 of the id) and every third one goes to test, so each level and script
is represented in test in proportion. Run again only if the annotations' levels change; the
split must not be re-drawn to flatter a score.

    python scripts/split_corpus.py
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "corpus" / "gold"
INDEX = ROOT.parent / "shared" / "corpus" / "index.tsv"
SPLIT = ROOT / "tests" / "corpus" / "split.json"


def main() -> None:
    with INDEX.open(encoding="utf-8") as f:
        script = {row["id"]: row["script"] for row in csv.DictReader(f, delimiter="\t")}
    levels = {}
    for path in sorted(GOLD.glob("*.json")):
        region = json.loads(path.read_text(encoding="utf-8"))["region"]
        levels[path.stem] = (region or {}).get("level") or "none"
    order = sorted(levels, key=lambda i: (levels[i], script[i], hashlib.sha256(i.encode()).hexdigest()))
    test = sorted(order[1::3])
    train = sorted(set(order) - set(test))
    # Inside train, a development half and a check half: rules are written from train_a's
    # mismatches and judged by train_b's totals, so a rule that only fits its article shows.
    in_train = [i for i in order if i in set(train)]
    train_b = sorted(in_train[2::3])
    train_a = sorted(set(train) - set(train_b))
    split = {
        "method": "ordered by (gold region level, script, sha256(id)); every third article is test; "
        "of the rest, every third is train_b",
        "train": train,
        "test": test,
        "train_a": train_a,
        "train_b": train_b,
    }
    SPLIT.write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{SPLIT}: train {len(train)} (train_a {len(train_a)}, train_b {len(train_b)}), test {len(test)}")


if __name__ == "__main__":
    main()
