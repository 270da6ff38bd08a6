"""The rules path gives, article for article, the output recorded in tests/e2e/rules_digests.json
(sha256 of the canonical JSON; see rules_digests.py). A speed change must keep every digest; a
change of what the rules find regenerates them (scripts/record_rules_digests.py)."""

from __future__ import annotations

import json

import pytest
from rules_digests import DIGESTS, FOLDERS, digests

from povsum import Summarizer

RECORDED = json.loads(DIGESTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_every_article_gives_the_recorded_output(name: str, rules_summarizer: Summarizer) -> None:
    if not FOLDERS[name].is_dir():
        pytest.skip(f"{FOLDERS[name]} is not here")
    got = digests(FOLDERS[name], rules_summarizer)
    assert got.keys() == RECORDED[name].keys()
    changed = sorted(article for article in got if got[article] != RECORDED[name][article])
    assert changed == [], "outputs changed (regenerate with scripts/record_rules_digests.py if meant)"
