"""The fast Traditional-to-Simplified path gives exactly opencc-python-reimplemented's output."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from povsum.normalize import _t2s

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "texts"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def reference() -> OpenCC:
    return OpenCC("t2s")


def pieces() -> st.SearchStrategy[str]:
    fast = _t2s()
    phrases = sorted(fast.phrases)
    chars = sorted(chr(c) for c in fast.chars)
    plain = list("的了是在有和人口贫困脱户万元年,。、 ()《》“”-0123456789abc")
    return st.one_of(st.sampled_from(phrases), st.sampled_from(chars), st.sampled_from(plain))


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces(), max_size=40).map("".join))
def test_generated_text_converts_as_opencc_does(text: str) -> None:
    assert _t2s().convert(text) == reference().convert(text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus texts (../shared/corpus) are not here")
def test_every_corpus_line_converts_as_opencc_does() -> None:
    for path in [*sorted(CORPUS.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert _t2s().convert(line) == reference().convert(line), (path.name, line[:40])
