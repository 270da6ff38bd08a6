"""Compiled patterns kept across processes: what a module gets is what re.compile makes."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from povsum import precompiled as pc

# Written for this test: patterns with named groups and flags, as the rules write theirs.
MODULE = """import re
QUANTITY = re.compile(r"(?P<n>\\d+(?:\\.\\d+)?)\\x20?(?P<u>万人|户)(?!次)", re.IGNORECASE)
NUMERAL = re.compile(r"[一二三四五六七八九十百千万]+")
"""
KEYS = (
    (r"(?P<n>\d+(?:\.\d+)?)\x20?(?P<u>万人|户)(?!次)", int(re.IGNORECASE)),
    (r"[一二三四五六七八九十百千万]+", 0),
)


@pytest.fixture
def module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A module compiling KEYS at import, and a precompiled store in ``tmp_path``; each block
    below runs as in a fresh process (module not imported, patterns not in re's cache)."""
    source = tmp_path / "povsum_test_patterns.py"
    source.write_text(MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(pc, "_path", lambda name: tmp_path / f"{name}.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh()
    yield source
    fresh()


def fresh() -> None:
    pc._loaded.discard("test")
    sys.modules.pop("povsum_test_patterns", None)
    for pattern, flags in KEYS:
        re._cache.pop((str, pattern, flags), None)  # type: ignore[attr-defined]


def load() -> object:
    with pc.precompiled("test"):
        import povsum_test_patterns

    return povsum_test_patterns


def test_a_block_stores_what_its_imports_compiled_and_the_next_process_finds_it(module: Path) -> None:
    first = load()
    stored = pc._read(module.with_name("test.marshal"))
    assert stored is not None and set(stored) == set(KEYS)
    fresh()
    again = load()
    assert again.QUANTITY is not first.QUANTITY  # built from the file, not left in re's cache
    assert re.compile(*KEYS[0]) == again.QUANTITY  # Pattern equality compares the compiled code
    assert again.QUANTITY.search("共有1.5万人脱贫")["u"] == "万人"
    assert again.QUANTITY.groupindex == {"n": 1, "u": 2}


def test_every_stored_entry_compiles_to_what_re_compile_makes(module: Path) -> None:
    load()
    stored = pc._read(module.with_name("test.marshal"))
    assert stored
    for (pattern, flags), args in stored.items():
        assert pc._sre.compile(pattern, *args) == re.compile(pattern, flags)


def test_an_edited_module_makes_the_file_stale_and_it_is_written_again(module: Path) -> None:
    load()
    module.write_text(MODULE.replace("万人|户", "万人|户|名"), encoding="utf-8")
    assert pc._read(module.with_name("test.marshal")) is None
    fresh()
    edited = load()
    assert edited.QUANTITY.search("3名")
    stored = pc._read(module.with_name("test.marshal"))
    assert stored is not None and (r"(?P<n>\d+(?:\.\d+)?)\x20?(?P<u>万人|户|名)(?!次)", 2) in stored


def test_a_damaged_file_is_ignored_and_written_again(module: Path) -> None:
    module.with_name("test.marshal").write_bytes(b"\xe3 not marshal")
    assert load().NUMERAL.fullmatch("三千")
    assert pc._read(module.with_name("test.marshal")) is not None


def test_nothing_is_written_when_python_may_not_write_bytecode(
    module: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    load()
    assert not module.with_name("test.marshal").exists()


def test_the_rules_import_in_a_fresh_process_uses_the_stored_patterns(tmp_path: Path) -> None:
    """Two fresh processes sharing a bytecode folder: the second compiles far fewer patterns."""
    code = (
        "import re._compiler as c; n = [0]; f = c.compile\n"
        "def counting(*a):\n    n[0] += 1\n    return f(*a)\n"
        "c.compile = counting\n"
        "from povsum.pipeline import build_extractor\nfrom povsum.config import Settings\n"
        "start = n[0]; build_extractor(Settings(extractor='rules')); print(n[0] - start)"
    )
    first, second = (int(_fresh_process(code, tmp_path)) for _ in range(2))
    assert first > 100 and second == 0, (first, second)


def _fresh_process(code: str, pycache: Path) -> str:
    """What a fresh process running ``code`` prints, with its bytecode (and povsum's stored
    patterns and plans) in ``pycache``."""
    argv = [sys.executable, "-X", f"pycache_prefix={pycache}", "-c", code]
    env = {"PYTHONPATH": str(Path(pc.__file__).parents[1])}
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout


def test_kept_data_lasts_until_a_file_it_came_from_changes(module: Path) -> None:
    pc.keep("plans", [str(module)], {("贫困", 0): ((frozenset({"贫困"}),), None)})
    assert pc.kept("plans") == {("贫困", 0): ((frozenset({"贫困"}),), None)}
    module.write_text(MODULE + "# edited\n", encoding="utf-8")
    assert pc.kept("plans") is None


def test_the_literal_plans_are_read_once_and_kept_for_the_next_process(tmp_path: Path) -> None:
    """Two fresh processes sharing a bytecode folder: the second reads no pattern's parse tree
    for its plans, and its plans are those the first read."""
    code = (
        "import povsum.extractors.rules.literals as l; n = [0]; f = l._read_plan\n"
        "def counting(p):\n    n[0] += 1\n    return f(p)\n"
        "l._read_plan = counting\n"
        "from povsum import Settings, Summarizer\n"
        "Summarizer(Settings(extractor='rules')).summarize('2014年，全县有贫困人口1.2万户3.5万人。'.encode())\n"
        "print(n[0], sorted((p.pattern.pattern, [sorted(need) for need in p.needs],"
        " p.starts and p.starts.pattern) for p in l._PLANS.values()))"
    )

    def run() -> tuple[int, str]:
        read, plans = _fresh_process(code, tmp_path).split(" ", 1)
        return int(read), plans

    (first, plans), (second, again) = run(), run()
    assert first > 10 and second == 0, (first, second)
    assert again == plans


def test_the_gazetteer_is_derived_once_and_kept_for_the_next_process(tmp_path: Path) -> None:
    """Two fresh processes sharing a bytecode folder: the second derives no division's short
    names, and its gazetteer holds the same divisions as the first's."""
    code = (
        "import povsum.regions as r; n = [0]; f = r.short_names\n"
        "def counting(name):\n    n[0] += 1\n    return f(name)\n"
        "r.short_names = counting\n"
        "import hashlib; g = r.gazetteer()\n"
        "print(n[0], hashlib.sha256(repr(g.divisions).encode()).hexdigest())"
    )
    (first, divisions), (second, again) = (_fresh_process(code, tmp_path).split() for _ in range(2))
    assert int(first) > 3000 and int(second) == 0, (first, second)
    assert again == divisions
