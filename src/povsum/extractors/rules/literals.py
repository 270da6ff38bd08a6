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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import add
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

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
    return (run if whole_exact else None), required


def _shortest(need: frozenset[str]) -> frozenset[str]:
    """The same need with fewer literals: one holding another literal of the set goes."""
    return frozenset(a for a in need if not any(b != a and b in a for b in need))


def _best(options: list[frozenset[str]]) -> list[frozenset[str]]:
    """The most selective needs first: long literals, few of them; a need met by "" is none."""
    useful = {_shortest(o) for o in options if o and "" not in o}
    return sorted(useful, key=lambda o: (-min(map(len, o)), len(o), sorted(o)))


@cache
def needs(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of literals such that any match of ``pattern`` lies in a text holding one literal of
    each set (the most selective few; none when the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(_best(_sequence(_parser.parse(pattern.pattern, pattern.flags))[1])[:_CHECKED])


_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}
# The characters a piece can start with (as character-class fragments), and whether it can be empty.
_First = tuple[list[str], bool] | None


def _first_in(items: list[tuple[Any, Any]]) -> _First:
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
    return fragments, False


def _first_of(op: Any, av: Any) -> _First:
    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        return _first_in(av)
    if op is c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _first(av[3])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first(av)
    if op is c.BRANCH:
        found = [_first(branch) for branch in av[1]]
        if any(f is None for f in found):
            return None
        return [x for f in found if f for x in f[0]], any(f[1] for f in found if f)
    if op in _REPEATS:
        inner = _first(av[2])
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    return None  # ANY, NOT_LITERAL, a group reference...


def _first(items: Any) -> _First:
    """The characters a match of the sequence ``items`` can start with."""
    fragments: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        found = _first_of(op, av)
        if found is None:
            return None
        fragments += found[0]
        if not found[1]:
            return fragments, False
    return fragments, True


def _sre_scans(items: Any) -> bool:
    """Whether the regex engine itself skips to where a match can start (a pattern opening with a
    literal or a character class, as ``re._compiler`` looks for one)."""
    while items and items[0][0] is c.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    return op in (c.LITERAL, c.IN) or (op is c.BRANCH and all(b and b[0][0] is c.LITERAL for b in av[1]))


@dataclass(frozen=True, slots=True)
class _Need:
    """One need, as what a text holding one of its literals must hold: one of ``chars`` (the
    literals of one character) or one of ``pairs`` (a two-character piece of each longer one)."""

    chars: frozenset[str]
    pairs: frozenset[str]

    @classmethod
    def of(cls, literals: frozenset[str]) -> _Need:
        # The last two characters: the head of a noun or a verb phrase (贫困|村, 减|少到), the rarer part.
        return cls(
            frozenset(x for x in literals if len(x) == 1), frozenset(x[-2:] for x in literals if len(x) > 1)
        )

    def met(self, chars: frozenset[str], pairs: frozenset[str]) -> bool:
        return not (self.chars.isdisjoint(chars) and self.pairs.isdisjoint(pairs))


@dataclass(frozen=True, slots=True)
class _Plan:
    needs: tuple[_Need, ...]
    starts: re.Pattern[str] | None  # the characters a match can start with, when scanning helps


# By identity: hashing a compiled pattern hashes all its code, at every call.
_PLANS: dict[int, tuple[re.Pattern[str], _Plan]] = {}


def _plan(pattern: re.Pattern[str]) -> _Plan:
    known = _PLANS.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _PLANS[id(pattern)] = (pattern, _make_plan(pattern))
    return known[1]


def _make_plan(pattern: re.Pattern[str]) -> _Plan:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0 or pattern.flags & re.IGNORECASE:
        return _Plan((), None)  # an empty match is possible: plain finditer
    if _sre_scans(parsed):
        return _Plan((), None)  # the engine skips ahead itself: a check would cost more than it saves
    first = _first(parsed)
    starts = re.compile(f"[{''.join(first[0])}]") if first and not first[1] else None
    return _Plan(tuple(map(_Need.of, needs(pattern))), starts)


@lru_cache(maxsize=256)
def _pieces(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The characters and two-character pieces of ``text``: computed once for all the patterns
    tried on one sentence."""
    return frozenset(text), frozenset(map(add, text, text[1:]))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text``."""
    chars, pairs = _pieces(text)
    return all(need.met(chars, pairs) for need in _plan(pattern).needs)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, without trying a pattern whose literals ``text``
    lacks, and trying one that the regex engine cannot skip ahead in only where a match can start."""
    if not may_match(pattern, text):
        return
    starts = _plan(pattern).starts
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end and (m := pattern.match(text, start.start())) is not None:
            end = m.end()  # never empty (see _plan): the next match starts after it
            yield m
