"""Write tests/e2e/rules_digests.json: the sha256 of every rules summary of the seeds, the dev
passages and (when ../shared/corpus is there) the corpus. Run it after a change meant to change
what the rules find; a change meant only to make them faster must leave the file as it is.

    python scripts/record_rules_digests.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))  # the digest rule lives with its test

from rules_digests import DIGESTS, FOLDERS, digests  # noqa: E402


def main() -> None:
    kept = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    for name, folder in FOLDERS.items():
        if folder.is_dir():
            kept[name] = digests(folder)
            print(f"{name}: {len(kept[name])} articles")
        else:
            print(f"{name}: {folder} is not here, its digests are kept as they were")
    DIGESTS.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
