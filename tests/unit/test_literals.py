"""The literal pre-filters never change what a rule pattern finds: ``literals.finditer`` yields
the matches of ``pattern.finditer``, on generated text and on every sentence of the seeds, the
dev passages and (when present) the corpus."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povsum.extractors.rules import figures, literals, measures
from povsum.normalize import normalize
from povsum.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"


def _patterns(value: object) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns(v)]
    if isinstance(value, tuple):
        return [p for v in value for p in _patterns(v)]
    return []


# Every pattern of the rule modules that go through the pre-filters, tables included.
PATTERNS = sorted(
    {p for module in (figures, measures) for v in vars(module).values() for p in _patterns(v)},
    key=lambda p: p.pattern,
)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def _same(text: str) -> None:
    for pattern in PATTERNS:
        assert _found(literals.finditer(pattern, text)) == _found(pattern.finditer(text)), (
            pattern.pattern,
            text,
        )


@cache
def _alphabet() -> list[str]:
    """The literals the patterns need, numbers and punctuation: generated text meets the needs often."""
    found = {literal for p in PATTERNS for need in literals.needs(p) for literal in need}
    return (
        sorted(found)
        + list("0123456789.%万亿户人个名,、。;:由从至到为年底的其中全县村")
        + ["2014年", "18802人"]
    )


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_generated_text_finds_what_the_pattern_finds(data: st.DataObject) -> None:
    _same("".join(data.draw(st.lists(st.sampled_from(_alphabet()), max_size=30))))


def _sentences(folder: Path) -> list[str]:
    texts = (normalize(p.read_text(encoding="utf-8"))[0] for p in sorted(folder.glob("*.txt")))
    return [s.text for text in texts for s in split_sentences(text)]


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "dev" / "passages", CORPUS], ids=str)
def test_every_sentence_finds_what_the_pattern_finds(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    for text in _sentences(folder):
        _same(text)


# The figures rule tables, as their steps try them on a sentence.
TABLES = [v for v in vars(figures).values() if isinstance(v, literals.Table)]


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "dev" / "passages", CORPUS], ids=str)
def test_a_table_finds_what_its_patterns_find_one_by_one(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    assert len(TABLES) == 5
    for text in _sentences(folder):
        for table in TABLES:
            one_by_one = [(name, m) for name, p in table.patterns.items() for m in p.finditer(text)]
            together = list(table.finditer(text))
            assert [(name, m.re, *_found([m])) for name, m in together] == [
                (name, m.re, *_found([m])) for name, m in one_by_one
            ], text


def test_a_table_skips_a_pattern_only_for_its_own_needs() -> None:
    # Written for the test: the households pattern needs 户, the villages one 个贫困村.
    table = literals.Table(
        {"households": re.compile(r"(?<!\d)\d+户"), "villages": re.compile(r"\d+个贫困村")}
    )
    assert [(name, m.group()) for name, m in table.finditer("12户,3个贫困村")] == [
        ("households", "12户"),
        ("villages", "3个贫困村"),
    ]
    assert [name for name, _ in table.finditer("3个贫困村")] == ["villages"]
    assert list(table.finditer("3个行政村")) == []


def test_a_pattern_is_filtered_by_what_it_needs() -> None:
    pattern = re.compile(r"(?<!\d)\d+个贫困(?:村|县)")
    assert [sorted(n) for n in literals.needs(pattern)] == [["个贫困县", "个贫困村"]]
    assert not literals.may_match(pattern, "全县12个行政村")
    assert literals.may_match(pattern, "全县12个贫困村")


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "dev" / "passages", CORPUS], ids=str)
def test_the_cue_tree_finds_what_the_longest_first_alternation_finds(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    cues = sorted(measures._KIND_OF, key=len, reverse=True)
    flat = re.compile("|".join(map(re.escape, cues)))
    tree = literals.longest_first(cues)
    for text in _sentences(folder):
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="产业扶贫就搬迁", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("产业扶贫就搬迁和", max_size=30),
)
def test_the_tree_of_any_words_finds_the_longest_first(words: list[str], text: str) -> None:
    flat = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    assert [m.span() for m in literals.longest_first(words).finditer(text)] == [
        m.span() for m in flat.finditer(text)
    ]
