"""`explain` limited to a field: an unknown one is refused with the list; - reads stdin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povsum.errors import PovsumError, UnknownFieldError
from povsum.explain import FIELDS, explain_file

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_dda217ac4bff4475.txt"


def test_an_unknown_field_is_refused_with_the_known_ones() -> None:
    explanation = explain_file(SEED)
    with pytest.raises(UnknownFieldError) as raised:
        explanation.lines("foo")
    message = str(raised.value)
    assert isinstance(raised.value, PovsumError) and "\n" not in message
    assert message.startswith("unknown field 'foo'; known: region, baseline, outcome, funding, measures")
    assert "outcome.{households,people," in message and "people_lifted}" in message


def test_every_known_field_is_accepted() -> None:
    explanation = explain_file(SEED)
    assert {"region", "baseline", "baseline.people", "outcome.people_lifted", "measures.health"} <= FIELDS
    for field in FIELDS:
        explanation.lines(field)
    assert "= baseline.people 18802人" in explanation.lines("baseline.people")


def test_dash_reads_the_article_from_stdin() -> None:
    from_stdin = explain_file(Path("-"), stdin=io.BytesIO(SEED.read_bytes()))
    assert from_stdin.lines() == explain_file(SEED).lines()
