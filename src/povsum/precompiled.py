"""Compiled regular expressions kept across processes, beside the bytecode in ``__pycache__``.

The CLI's modules, the rules and cn2an compile some 400 patterns when imported, ~0.3 s of
pure-Python parsing: most of a one-article run. What a pattern compiles to depends only on its
text, its flags and the Python version, so ``precompiled(name)`` puts what an earlier process
stored under ``name`` into ``re``'s own cache before the imports of its block, where their
``re.compile`` calls find it. The file is written again when a module the block imported has
changed (its source's mtime or size, as Python checks bytecode). A pattern that is not found is
compiled as usual: what a module gets is always what ``re.compile`` makes of its text
(``Pattern.__eq__`` compares the compiled code, and the tests check it).

This uses ``re``'s private cache and compiler (``re._cache``, ``re._parser``, ``_sre.compile``),
checked against the running Python by ``_sre.MAGIC`` in the file name (tried on 3.11 to 3.13);
where they are missing (another implementation), nothing is kept and the patterns compile as usual.
``keep`` and ``kept`` store other data derived from source files the same way.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import cache_from_source
from pathlib import Path
from typing import Any

try:
    import _sre
    from re import _compiler, _parser

    _CACHE: dict[Any, re.Pattern[Any]] | None = re._cache  # type: ignore[attr-defined]
except (ImportError, AttributeError):  # not CPython's re
    _CACHE = None

# (pattern, flags) -> the arguments of _sre.compile after the pattern: flags, code, groups,
# group index and index group.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Patterns = dict[tuple[str, int], Entry]
# The source files of the modules a block imported: path -> (mtime in ns, size), as Python checks
# a module's bytecode against its source.
Sources = dict[str, tuple[int, int]]


def _path(name: str) -> Path:
    # Where Python puts this module's bytecode (honouring sys.pycache_prefix), one file per name.
    pyc = Path(cache_from_source(__file__))
    return pyc.with_name(f"{name}.{sys.implementation.cache_tag}-sre{_sre.MAGIC}.marshal")


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    index = parsed.state.groupdict
    groups: list[str | None] = [None] * parsed.state.groups
    for group, i in index.items():
        groups[i] = group
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(index), tuple(groups)


def _stat(files: list[str]) -> Sources:
    found: Sources = {}
    for file in files:
        try:
            st = os.stat(file)
        except OSError:
            continue  # gone: the stored stat will not match
        found[file] = (st.st_mtime_ns, st.st_size)
    return found


def _read(path: Path) -> Any:
    """What is stored (patterns, or ``keep``'s data), or None when nothing is or a module it came
    from changed."""
    try:
        sources, patterns = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (EOFError, ValueError, TypeError):
        return None  # a file cut short by a crash: compiled again and rewritten
    return patterns if sources and _stat(list(sources)) == sources else None


def _write(path: Path, sources: Sources, patterns: Any) -> None:
    # Like bytecode: a folder this process may not write to (an installed package) only means the
    # patterns are compiled again next time.
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((sources, patterns)))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def kept(name: str) -> Any:
    """What ``keep`` stored under ``name``; None when nothing is, or a file it was derived from has
    changed since."""
    return None if _CACHE is None else _read(_path(name))


def keep(name: str, files: list[str], data: Any) -> None:
    """Store ``data`` (marshal-able, derived only from ``files`` and the running Python: the
    literal plans read from patterns' parse trees, the gazetteer's derived rows) under ``name``
    until one of ``files`` changes; nothing where bytecode is not written either."""
    if _CACHE is not None and not sys.dont_write_bytecode:
        _write(_path(name), _stat(files), data)


_loaded: set[str] = set()


@contextmanager
def precompiled(name: str) -> Iterator[None]:
    """Run the block (imports) with the patterns stored under ``name`` in ``re``'s cache; when
    none are stored, or a module the block imported has changed since, store those it compiles.
    Once per name and process: later blocks just run.

    A stored file is not extended: a pattern compiled in the block that it lacks (one built from
    a set, whose text changes with each process's hash seed) is compiled as usual."""
    if _CACHE is None or name in _loaded:
        yield
        return
    _loaded.add(name)
    path = _path(name)
    stored: Patterns | None = _read(path)
    for (pattern, flags), args in (stored or {}).items():
        try:
            _CACHE[str, pattern, flags] = _sre.compile(pattern, *args)
        except (RuntimeError, TypeError):  # invalid code: the file is not ours to trust
            stored = None
            break
    modules, patterns = set(sys.modules), set(_CACHE)
    yield
    if stored is not None or sys.dont_write_bytecode:
        return
    imported = [getattr(sys.modules.get(m), "__file__", None) for m in sys.modules.keys() - modules]
    sources = _stat([file for file in imported if file])
    new = [(pattern, flags) for kind, pattern, flags in _CACHE.keys() - patterns if kind is str]
    if sources and new:
        _write(path, sources, {key: _entry(*key) for key in new})
