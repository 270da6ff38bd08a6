"""Tolerant reading of a model's answer: harmless quirks are undone BEFORE verification, which
itself stays strict. A correct answer with a format quirk should verify in one request, not cost a
re-ask; the recorded text, quote and offsets are always exactly what the source has.

- shapes: a number where text belongs, ``null`` for a list, a figure whose text is null, the answer
  wrapped in ``{"ArticleDraft": ...}``;
- figure texts: thousands separators and spaces (``18,802人``, ``18802 人``), a number whose unit
  the model left out (``34.18`` quoted from ``34.18万人``): the text becomes the quantity as it
  stands in the quote, by the same count grammar the verifier uses;
- several tool calls in one answer (outcome in one, funding in another): merged into one call, so
  no part is silently dropped;
- quotes: curly or straight quote marks, a dropped space or an inserted ``、``, a ``标题：`` prefix,
  an elision ``……``: the quote is found in the source by a pattern that allows only these, and
  the evidence is the source span it matches.
"""

from __future__ import annotations

import json
import re
from typing import Any

from povsum.document import Document
from povsum.numbers import find_quantities, plain_number

__all__ = ["figure_text", "locate_quote", "merge_tool_calls", "tolerant_shape"]

_LISTS = ("measures", "funding")
_SNAPSHOTS = ("baseline", "outcome")
_QUOTE_MARKS = "\"'“”‘’「」『』"
_ELISION = re.compile(r"……|…|\.{3,}")
_PREFIX = re.compile(r"^(?:标题|原文|引文|quote)[:：]\s*", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")
_SPACES = re.compile(r"\s+")
# Longest quoted text the elision may stand for.
_ELIDED_MAX = 300


def tolerant_shape(data: Any, fields: frozenset[str]) -> Any:
    """``data`` with harmless shape quirks undone; anything else is left for validation to judge."""
    if isinstance(data, dict) and len(data) == 1:
        (inner,) = data.values()
        if isinstance(inner, dict) and inner.keys() & fields and not data.keys() & fields:
            data = inner  # {"ArticleDraft": {...}}
    if not isinstance(data, dict):
        return data
    data = dict(data)
    for name in _LISTS:
        if data.get(name) is None and name in data:
            data[name] = []
    for name in _SNAPSHOTS:
        if isinstance(data.get(name), dict):
            data[name] = {k: _figure(v) for k, v in data[name].items()}
    if isinstance(data.get("funding"), list):
        items = [
            dict(f, amount=_figure(f.get("amount"))) if isinstance(f, dict) else f for f in data["funding"]
        ]
        data["funding"] = [f for f in items if not (isinstance(f, dict) and f.get("amount") is None)]
    return data


def _figure(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    text = value.get("text")
    if text is None:
        return None  # {"text": null}: nothing was found for this field
    if isinstance(text, int | float):
        value = {**value, "text": plain_number(text) if isinstance(text, float) else str(text)}
    return value


def figure_text(text: str, quote: str) -> str:
    """The quantity as it stands in ``quote`` for the model's ``text``; ``text`` if none does.

    >>> figure_text("18,802人", "共有贫困人口18802人"), figure_text("34.18", "人口34.18万人")
    ('18802人', '34.18万人')
    >>> figure_text("18802 人", "共有18802人"), figure_text("99人", "共有18802人")
    ('18802人', '99人')
    """
    compact = _SPACES.sub("", _THOUSANDS.sub("", text))
    if compact != text and compact in quote:
        return compact
    if compact not in quote:
        return text
    for match in find_quantities(quote):
        if match.start <= quote.find(compact) < match.end and match.text.startswith(compact):
            return match.text
    return compact


def locate_quote(document: Document, quote: str) -> tuple[int, int] | None:
    """Original offsets of ``quote``: exactly (after normalization), else modulo quote marks,
    spaces, an inserted ``、``, a label prefix and elisions."""
    span = document.locate(quote)
    if span is not None:
        return span
    needle = document.normalize(_PREFIX.sub("", quote.strip()))
    pattern = _tolerant_pattern(needle)
    if pattern is None:
        return None
    found = pattern.search(document.text)
    return None if found is None else document.to_original(found.start(), found.end())


def _tolerant_pattern(needle: str) -> re.Pattern[str] | None:
    pieces = [p for p in _ELISION.split(needle) if p.strip()]
    if not pieces or sum(len(p) for p in pieces) < 4:
        return None  # too little left to be sure where it is
    parts = []
    for piece in pieces:
        chars = []
        for c in piece:
            if c.isspace() or c == "、":
                continue
            if c in _QUOTE_MARKS:  # any style, or none (a model may add marks around a quote)
                chars.append(f"[{re.escape(_QUOTE_MARKS)}]?")
            else:
                chars.append(re.escape(c))
        parts.append(r"[\s、]*".join(chars))
    return re.compile(f"[^。！？\\n]{{0,{_ELIDED_MAX}}}?".join(parts))


def merge_tool_calls(completion: Any) -> None:
    """Fold several calls of the same tool in one answer into the first (instructor reads only
    the first): objects are merged key by key, lists joined. Calls of other tools stay."""
    message = completion.choices[0].message if completion.choices else None
    calls = getattr(message, "tool_calls", None) or []
    if len(calls) < 2:
        return
    name = calls[0].function.name
    same = [c for c in calls if c.function.name == name]
    try:
        parts = [json.loads(c.function.arguments) for c in same]
    except json.JSONDecodeError:
        return  # a broken call is re-asked as it is
    merged: Any = {}
    for part in parts:
        merged = _merge(merged, part)
    calls[0].function.arguments = json.dumps(merged, ensure_ascii=False)
    message.tool_calls = [calls[0], *(c for c in calls if c.function.name != name)]


def _merge(a: Any, b: Any) -> Any:
    """
    >>> _merge({"baseline": {"people": 1}, "funding": [1]}, {"baseline": {"households": 2}, "funding": [2]})
    {'baseline': {'people': 1, 'households': 2}, 'funding': [1, 2]}
    """
    if isinstance(a, dict) and isinstance(b, dict):
        return {**a, **{k: _merge(a[k], v) if k in a else v for k, v in b.items()}}
    if isinstance(a, list) and isinstance(b, list):
        return a + b
    return a if b is None else b
