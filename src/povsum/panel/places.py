"""Which panel place a summary's region is: its code, or a township's name under a coded parent."""

from __future__ import annotations

from functools import cache

from povsum.models import Region
from povsum.panel.model import Place, RegionKey
from povsum.regions import NATIONAL_NAMES, Division, gazetteer


def _code(division: Division) -> str:
    """GB/T 2260's six digits, as summaries carry them: the gazetteer keeps codes at their level's
    length (46, 4601, 460105)."""
    return division.code.ljust(6, "0")


@cache
def _by_code() -> dict[str, Division]:
    return {_code(d): d for d in gazetteer().divisions if d.code}


def place_of(region: Region) -> Place:
    """A division by its code, named as the gazetteer names it; the nation as one place whatever
    it is called (全国, 中国); anything else (a township, a village, a homonym the verifier could not
    pin down) by its name under the nearest parent the gazetteer knows.

    >>> from povsum.models import Evidence
    >>> ev = Evidence(quote="", start=0, end=0)
    >>> place_of(Region(name="乐东县", code="469027", evidence=ev)).name
    '乐东黎族自治县'
    >>> place_of(Region(name="玉麦乡", province="西藏自治区", level="township", evidence=ev)).key
    RegionKey(code='540000', local='玉麦乡')
    >>> village = Region(name="十八洞村", province="湖南省", prefecture="湘西土家族苗族自治州",
    ...                  county="花垣县", level="village", evidence=ev)
    >>> place_of(village).key
    RegionKey(code='433124', local='十八洞村')
    """
    if region.code and (division := _by_code().get(region.code)):
        return Place(RegionKey(region.code), division.name, division.level, division.province)
    if region.code:  # a code from another tool's gazetteer: kept as given
        return Place(RegionKey(region.code), region.name, region.level, region.province)
    if region.level == "national":
        return Place(RegionKey("", NATIONAL_NAMES[0]), NATIONAL_NAMES[0], "national", None)
    parent = _nearest_parent(region)
    code = _code(parent) if parent else ""
    province = region.province or (parent.province if parent else None)
    return Place(RegionKey(code, region.name), region.name, region.level, province)


def _nearest_parent(region: Region) -> Division | None:
    """The deepest of the region's province, prefecture and county that the gazetteer resolves,
    each inside the one above it (a county name of another province is ignored)."""
    found: list[Division] = []
    for name in (region.province, region.prefecture, region.county):
        if not name or name == region.name:
            continue
        division = gazetteer().resolve(name, found[-1:])
        if division is not None and (not found or found[-1].name in (division.province, division.prefecture)):
            found.append(division)
    return found[-1] if found else None
