"""Input cleaning: how much of each raw seed page reaches the extractor (``len(doc.text)``) after
HTML stripping, page-furniture removal and normalization. With the LLM extractor this is the
share of the page sent to the model.

    .venv/bin/python bench/cleaning.py
"""

from __future__ import annotations

from common import SEEDS, provenance

from povsum import Document


def main() -> None:
    print("## Input cleaning: characters after cleaning as a fraction of the raw page\n")
    print(provenance(".venv/bin/python bench/cleaning.py"))
    print("- raw = characters of the decoded file (`len(doc.original)`); kept = `len(doc.text)`\n")
    print("| seed | script | raw chars | kept chars | kept |")
    print("| --- | --- | ---: | ---: | ---: |")
    raw_total = kept_total = 0
    for path in SEEDS:
        doc = Document.from_path(path)
        raw, kept = len(doc.original), len(doc.text)
        raw_total += raw
        kept_total += kept
        print(f"| {path.name} | {doc.script} | {raw:,} | {kept:,} | {kept / raw:.1%} |")
    print(f"| all {len(SEEDS)} | | {raw_total:,} | {kept_total:,} | {kept_total / raw_total:.1%} |")


if __name__ == "__main__":
    main()
