"""Literal pre-filters for the rule patterns: a pattern is tried only on text that holds the
literals every one of its matches needs.

Most sentences of a report hold a number and a poverty word, yet no more than a few of the ~50
figure patterns can match them; the regex engine still tries each pattern at every position
(a pattern opening with a number or a lookbehind gets no prefix scan). What a pattern needs is
read from its own parse tree, so the pattern tables stay as written and a new pattern is filtered
too: "(?:由|从)…(?:减少|下降)(?:到|至)…" needs 由 or 从, and one of 减少到, 减少至, 下降到…

    >>> [sorted(need) for need in needs(re.compile(r"贫困(?:人口|户)\\d+户?(?:脱贫|出列)"))]
    [['贫困人口', '贫困户'], ['出列', '脱贫']]
    >>> [m.group() for m in finditer(re.compile(r"(?<!\\d)\\d+户(?=贫困)"), "共12户贫困户")]
    ['12户']
"""

from __future__ import annotations

import atexit
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import add
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

from povsum.precompiled import keep, kept

# A run of exact pieces is spelled out while it has at most this many spellings; a character
# class of at most this many characters is a set of literals.
_MAX_SPELLINGS = 64
_MAX_CLASS = 16
# How many of the needs found are checked: the most selective ones (longest literals first).
_CHECKED = 4

_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))

# What one parsed piece matches: its exact spellings (None when not finitely many), and the
# sets of literals it needs (each set: one of them occurs in any text it matches).
_Reading = tuple[frozenset[str] | None, list[frozenset[str]]]


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _piece(op: Any, av: Any) -> _Reading:
    if op is c.LITERAL:
        return frozenset({chr(av)}), []
    if op is c.IN:
        return _class(av), []
    if op is c.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # (?i:...)
            return None, []
        return _sequence(av[3])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is c.BRANCH:
        return _branch([_sequence(branch) for branch in av[1]])
    if op in _REPEATS:
        low, high, item = av
        exact, required = _sequence(item)
        if exact is not None and high == 1:  # X? or X{1}
            return (exact | {""} if low == 0 else exact), []
        if low == 0:
            return None, []
        return None, required + ([exact] if exact is not None else [])
    return None, []  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...: no literal needed


def _branch(readings: list[_Reading]) -> _Reading:
    if all(exact is not None for exact, _ in readings):
        return frozenset().union(*(exact for exact, _ in readings if exact is not None)), []
    # Any match matches one branch: the union of one need of each branch is needed.
    union: set[str] = set()
    for exact, required in readings:
        options = _best(required + ([exact] if exact is not None else []))
        if not options:
            return None, []
        union |= options[0]
    return None, [frozenset(union)]


def _sequence(items: Any) -> _Reading:
    """A concatenation: runs of adjacent exact pieces are spelled out together ("贫困" + "人口|户"
    is "贫困人口|贫困户"); zero-width pieces (lookarounds, anchors) do not break a run."""
    required: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    whole_exact = True
    for op, av in items:
        if op in _ZERO_WIDTH:
            if op is c.ASSERT:  # a positive lookaround's text is in the string too
                required += _sequence(av[1])[1]
            continue
        exact, needed = _piece(op, av)
        required += needed
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_SPELLINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole_exact = False
        if run is not None:
            required.append(run)
        run = exact
    if run is not None:
        required.append(run)
    return (run if whole_exact else None), _best(required)[:_CHECKED]  # the rest would go unchecked


def _shortest(need: frozenset[str]) -> frozenset[str]:
    """The same need with fewer literals: one holding another literal of the set goes."""
    return frozenset(a for a in need if not any(b != a and b in a for b in need))


def _best(options: list[frozenset[str]]) -> list[frozenset[str]]:
    """The most selective needs first: long literals, few of them; a need met by "" is none."""
    useful = {o for o in options if o and "" not in o}
    return sorted(useful, key=lambda o: (-min(map(len, o)), len(o), sorted(o)))


def needs(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of literals such that any match of ``pattern`` lies in a text holding one literal of
    each set (the most selective few; none when the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return _needs(_parser.parse(pattern.pattern, pattern.flags))


def _needs(parsed: Any) -> tuple[frozenset[str], ...]:
    return tuple(map(_shortest, _sequence(parsed)[1]))


_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}


@dataclass(frozen=True, slots=True)
class _First:
    """Where a match of a piece can start: at one of these characters (character-class
    fragments), and, when ``guard`` is set, not right after one of the characters it lists (a
    lookbehind opening the piece, "(?<![\\d.])"); ``empty`` when the piece can match nothing."""

    chars: tuple[str, ...]
    empty: bool
    guard: tuple[str, ...] | None = None

    def regex(self) -> str:
        head = f"(?<![{''.join(self.guard)}])" if self.guard else ""
        return f"{head}[{''.join(dict.fromkeys(self.chars))}]"


def _class_fragments(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    fragments = []
    for op, av in items:
        if op is c.LITERAL:
            fragments.append(re.escape(chr(av)))
        elif op is c.RANGE:
            fragments.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            fragments.append(_CATEGORIES[av])
        else:  # NEGATE, another category
            return None
    return tuple(fragments)


def _one_char(items: Any) -> tuple[str, ...] | None:
    """The fragments of a sequence that is one literal or one character class, else None."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is c.LITERAL:
        return (re.escape(chr(av)),)
    return _class_fragments(av) if op is c.IN else None


def _first_of(op: Any, av: Any) -> _First | None:
    if op is c.LITERAL or op is c.IN:
        chars = _one_char([(op, av)])
        return None if chars is None else _First(chars, False)
    if op is c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _first(av[3])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first(av)
    if op is c.BRANCH:
        found = [_first(branch) for branch in av[1]]
        if any(f is None for f in found):
            return None
        guards = {f.guard for f in found if f}
        return _First(
            tuple(x for f in found if f for x in f.chars),
            any(f.empty for f in found if f),
            guards.pop() if len(guards) == 1 else None,
        )
    if op in _REPEATS:
        inner = _first(av[2])
        return None if inner is None else _First(inner.chars, inner.empty or av[0] == 0, inner.guard)
    return None  # ANY, NOT_LITERAL, a group reference...


def _first(items: Any) -> _First | None:
    """Where a match of the sequence ``items`` can start; None when that is not known."""
    chars: list[str] = []
    own: tuple[str, ...] | None = None  # a one-character lookbehind before anything is consumed
    guards: set[tuple[str, ...] | None] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            if op is c.ASSERT_NOT and av[0] == -1 and not chars and own is None:
                own = _one_char(av[1])
            continue
        found = _first_of(op, av)
        if found is None:
            return None
        chars += found.chars
        guards.add(found.guard)
        if not found.empty:
            # Each piece tried so far may be where the match starts: their guards must agree.
            return _First(tuple(chars), False, own or (guards.pop() if len(guards) == 1 else None))
    return _First(tuple(chars), True)


def _sre_scans(items: Any) -> bool:
    """Whether the regex engine itself skips to where a match can start (a pattern opening with a
    literal or a character class, as ``re._compiler`` looks for one)."""
    while items and items[0][0] is c.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    return op in (c.LITERAL, c.IN) or (op is c.BRANCH and all(b and b[0][0] is c.LITERAL for b in av[1]))


def _need_pieces(need: frozenset[str]) -> frozenset[str]:
    """What a text holding one literal of ``need`` holds among its pieces (see ``_pieces``): the
    literal itself when one character long, else its last two characters (the head of a noun or a
    verb phrase, 贫困|村, 减|少到: the rarer part)."""
    return frozenset(literal[-2:] for literal in need)


@dataclass(frozen=True, slots=True)
class _Plan:
    pattern: re.Pattern[str]
    needs: tuple[frozenset[str], ...]  # as _need_pieces: a text lacking all of one is skipped
    starts: re.Pattern[str] | None  # the characters a match can start with, when scanning helps
    # The engine skips ahead itself: checking the needs of this one pattern costs more than it
    # saves (finditer does not), checking them with a whole table's (Table) does not.
    engine_scans: bool = False


# By identity: hashing a compiled pattern hashes all its code, at every call.
_PLANS: dict[int, _Plan] = {}

# What a plan is read from a pattern's text: (pattern, flags) -> (needs, the regex of starts or
# None, whether the engine scans). Reading a parse tree takes ~1.5 ms a pattern, most of a
# one-article run's extraction, so the readings are kept across processes like compiled patterns
# (see precompiled), until this module changes; a pattern not kept is read as usual, kept at exit.
_PlanReading = tuple[tuple[frozenset[str], ...], str | None, bool]
_Readings = dict[tuple[str, int], _PlanReading]
_KEPT = "literal-plans"
_readings: _Readings | None = None


def _plan(pattern: re.Pattern[str]) -> _Plan:
    plan = _PLANS.get(id(pattern))
    if plan is None or plan.pattern is not pattern:
        plan = _PLANS[id(pattern)] = _make_plan(pattern)
    return plan


def _make_plan(pattern: re.Pattern[str]) -> _Plan:
    global _readings
    if _readings is None:
        _readings = _kept_readings()
    key = (pattern.pattern, pattern.flags)
    if key not in _readings:
        _readings[key] = _read_plan(pattern)
    needs, starts, engine_scans = _readings[key]
    return _Plan(pattern, needs, None if starts is None else re.compile(starts), engine_scans)


def _kept_readings() -> _Readings:
    readings: _Readings = kept(_KEPT) or {}
    known = len(readings)

    def keep_new() -> None:
        if len(readings) > known:
            keep(_KEPT, [__file__], readings)

    atexit.register(keep_new)
    return readings


def _read_plan(pattern: re.Pattern[str]) -> _PlanReading:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0 or pattern.flags & re.IGNORECASE:
        return (), None, False  # an empty match is possible: plain finditer
    needs = tuple(map(_need_pieces, _needs(parsed)))
    if _sre_scans(parsed):
        return needs, None, True
    first = _first(parsed)
    return needs, (first.regex() if first and not first.empty else None), False


@lru_cache(maxsize=256)
def _pieces(text: str) -> frozenset[str]:
    """The characters and two-character pieces of ``text``: computed once for all the patterns
    tried on one sentence."""
    return frozenset(text).union(map(add, text, text[1:]))


def longest_first(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding, left to right, the longest of ``words`` at each position: what the
    alternation of the words sorted longest first finds, but as a tree of their shared
    beginnings, so a position is tried against one branch per character instead of every word.

    >>> [m.group() for m in longest_first(["产业", "产业扶贫", "扶贫"]).finditer("发展产业扶贫和扶贫")]
    ['产业扶贫', '扶贫']
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return re.compile(_branches(tree))


def _branches(node: dict[str, dict]) -> str:
    # A longer word is tried before the one ending here (a greedy "?"), as longest-first sorting does.
    longer = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not longer:
        return ""
    ends_here = "" in node
    if len(longer) == 1 and not ends_here:
        return longer[0]
    return f"(?:{'|'.join(longer)})" + ("?" if ends_here else "")


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text``."""
    pieces = _pieces(text)
    return not any(need.isdisjoint(pieces) for need in _plan(pattern).needs)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, without trying a pattern whose literals ``text``
    lacks, and trying one that the regex engine cannot skip ahead in only where a match can start."""
    plan = _plan(pattern)
    if plan.needs and not plan.engine_scans:
        pieces = _pieces(text)
        for need in plan.needs:
            if need.isdisjoint(pieces):
                return iter(())
    return pattern.finditer(text) if plan.starts is None else _scan(pattern, plan.starts, text)


K = TypeVar("K")


class Table(Generic[K]):
    """A rule table's named patterns, tried in order on one text: what ``finditer`` yields for
    each, with the pattern's name. The needs of all of them are checked once per text (one check
    serves every pattern sharing it), not pattern by pattern.

    >>> villages, households = re.compile(r"(?<!\\d)\\d+个贫困村"), re.compile(r"(?<!\\d)\\d+户")
    >>> table = Table({"households": households, "villages": villages})
    >>> [(name, m.group()) for name, m in table.finditer("共12户,3个行政村")]
    [('households', '12户')]
    """

    def __init__(self, patterns: Mapping[K, re.Pattern[str]]) -> None:
        self.patterns = patterns
        self._plans: list[tuple[K, _Plan, frozenset[frozenset[str]]]] | None = None
        self._needs: frozenset[frozenset[str]] = frozenset()

    def finditer(self, text: str) -> Iterator[tuple[K, re.Match[str]]]:
        if self._plans is None:  # on first use, as the plans themselves
            self._plans = [(k, plan := _plan(p), frozenset(plan.needs)) for k, p in self.patterns.items()]
            self._needs = frozenset().union(*(needs for _, _, needs in self._plans))
        met: set[frozenset[str]] = set()
        if self._needs:
            pieces = _pieces(text)
            met = {need for need in self._needs if not need.isdisjoint(pieces)}
        for name, plan, needs in self._plans:
            if needs <= met:
                found = (
                    plan.pattern.finditer(text)
                    if plan.starts is None
                    else _scan(plan.pattern, plan.starts, text)
                )
                for m in found:
                    yield name, m


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end and (m := pattern.match(text, start.start())) is not None:
            end = m.end()  # never empty (see _make_plan): the next match starts after it
            yield m
