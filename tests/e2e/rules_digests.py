"""Per-article digests of the rules path's output, to prove a speed change leaves every output as
it was. Shared by ``test_rules_digests.py`` and ``scripts/record_rules_digests.py``.

Only sha256 digests are kept (tests/e2e/rules_digests.json), never the outputs: the corpus
summaries quote third-party text. A change of the rules' accuracy changes digests on purpose:
regenerate them with ``python scripts/record_rules_digests.py`` in the same commit.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from povsum import Settings, Summarizer

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).with_name("rules_digests.json")
# The inputs, by the name their digests are kept under; the corpus only where ../shared is.
FOLDERS = {
    "seeds": ROOT / "seeds",
    "passages": ROOT / "tests" / "dev" / "passages",
    "corpus": ROOT.parent / "shared" / "corpus" / "texts",
}


def digest(summary_json: dict[str, object]) -> str:
    """sha256 of the canonical JSON of one summary: sorted keys, no spaces, the source path
    reduced to the file's name (it depends on where the checkout is)."""
    source = dict(summary_json["source"])  # type: ignore[call-overload]
    source["path"] = Path(source["path"]).name if source.get("path") else None
    canonical = {**summary_json, "source": source}
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests(folder: Path, summarizer: Summarizer | None = None) -> dict[str, str]:
    """The digest of every article of ``folder``, by file name."""
    summarizer = summarizer or Summarizer(Settings(extractor="rules"))
    return {
        path.name: digest(summarizer.summarize(path).model_dump(mode="json"))
        for path in sorted(folder.glob("*.txt"))
    }
