"""A library call given the wrong kind of argument says what it expects, never AttributeError."""

from __future__ import annotations

from pathlib import Path

import pytest

from povsum import Document, InputError, Settings, Summarizer, summarize, summarize_text, verify
from povsum.panel import build_panel
from povsum.writers import ReportError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
RULES = Settings(extractor="rules")


def test_a_folder_is_an_input_error_given_as_a_str_as_given_as_a_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    for folder in ("seeds", Path("seeds")):
        with pytest.raises(InputError, match=r"^seeds: is a directory"):
            Summarizer(RULES).summarize(folder)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SEED.read_bytes(), r"not bytes: decode them first, or give the bytes .* to summarize\(\)"),
        (None, "must be a str, not NoneType"),
    ],
)
def test_summarize_text_of_what_is_not_text_is_a_type_error(text: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        summarize_text(text, RULES)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=message):
        Summarizer(RULES).summarize_text(text)  # type: ignore[arg-type]


def test_summarize_of_what_is_no_source_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"takes a path .* not int"):
        summarize(123, RULES)  # type: ignore[arg-type]


def test_verify_says_it_takes_a_summary_and_a_document() -> None:
    summary = summarize(SEED, RULES)
    with pytest.raises(TypeError, match=r"Document, not str \(Document.from_path"):
        verify(summary, str(SEED))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ArticleSummary, not dict"):
        verify(summary.model_dump(), Document.from_path(SEED))  # type: ignore[arg-type]


def test_summarizer_settings_must_be_settings() -> None:
    with pytest.raises(TypeError, match=r"takes a Settings, not dict .*Settings\(\*\*values\)"):
        Summarizer({"extractor": "rules"})  # type: ignore[arg-type]


def test_build_panel_takes_one_folder_as_a_str_or_path(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text(summarize(SEED, RULES).model_dump_json(), encoding="utf-8")
    for folder in (str(out), out, [str(out)]):
        assert build_panel(folder).sources == 1
    with pytest.raises(ReportError, match="nowhere: no such folder"):
        build_panel(str(tmp_path / "nowhere"))
