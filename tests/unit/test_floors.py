"""`eval --fail-under FIELD=FLOOR`: a floor is a fraction or a percent, never a bare 99."""

from __future__ import annotations

import pytest

from povsum.errors import ArgumentError
from povsum.evaluate import parse_floor


@pytest.mark.parametrize(
    ("spec", "floor"),
    [("measures=0.85", 0.85), ("measures=.85", 0.85), ("measures=85%", 0.85), ("measures = 100%", 1.0)],
)
def test_a_floor_is_a_fraction_or_a_percent(spec: str, floor: float) -> None:
    assert parse_floor(spec) == ("measures", pytest.approx(floor))


def test_a_bare_number_above_1_is_refused_saying_how_to_write_it() -> None:
    with pytest.raises(ArgumentError) as raised:
        parse_floor("measures=99")
    assert str(raised.value) == (
        "--fail-under measures=99: 99 is above 1;"
        " write a fraction (measures=0.99) or a percent (measures=99%)"
    )
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("spec", ["measures=150%", "measures=-0.1"])
def test_a_floor_outside_0_and_1_is_refused(spec: str) -> None:
    with pytest.raises(ArgumentError, match=r"a floor lies between 0 and 1 \(or 0% and 100%\)"):
        parse_floor(spec)
