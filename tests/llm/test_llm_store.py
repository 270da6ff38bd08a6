"""The SQLite store: cache hits make no HTTP call, the run log, and no secret on disk."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER, HAIKOU_HALLUCINATED
from llm_server import TEST_KEY, ScriptedModel, answer, failure

from povsum import Document
from povsum.errors import CacheError, ExtractionError
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.store import CacheKey, Exchange, Store
from povsum.models import ArticleSummary, ExtractorInfo, Source

Make = Callable[..., LLMExtractor]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "cache" / "povsum.sqlite") as opened:
        yield opened


def test_a_second_extraction_comes_from_the_cache_without_any_request(
    make_llm: Make, scripted: ScriptedModel, store: Store
) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    first = make_llm(store=store).extract(Document.from_text(HAIKOU, path="a.txt"))
    again = make_llm(store=store).extract(Document.from_text(HAIKOU, path="b.txt"))
    assert len(scripted.seen) == 1
    assert again.source.path == "b.txt"  # the source block describes this file, not the first
    # The same answer, marked as reused: it cost no tokens this time.
    assert again.extractor.cached and not first.extractor.cached
    fields = {"source": True, "extractor": {"cached"}}
    assert again.model_dump(exclude=fields) == first.model_dump(exclude=fields)
    assert [r["outcome"] for r in store.runs()] == ["extracted", "cached"]


def test_force_asks_again(make_llm: Make, scripted: ScriptedModel, store: Store) -> None:
    scripted.queue(answer(HAIKOU_ANSWER), answer(HAIKOU_ANSWER))
    make_llm(store=store).extract(Document.from_text(HAIKOU))
    make_llm(store=store, force=True).extract(Document.from_text(HAIKOU))
    assert len(scripted.seen) == 2


def test_another_model_is_another_cache_entry(make_llm: Make, scripted: ScriptedModel, store: Store) -> None:
    scripted.queue(answer(HAIKOU_ANSWER), answer(HAIKOU_ANSWER))
    make_llm(store=store).extract(Document.from_text(HAIKOU))
    make_llm(store=store, model="another-model").extract(Document.from_text(HAIKOU))
    assert len(scripted.seen) == 2


def test_the_store_keeps_the_conversation_usage_and_both_summaries(
    make_llm: Make, scripted: ScriptedModel, store: Store
) -> None:
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    extractor = make_llm(store=store)
    document = Document.from_text(HAIKOU)
    summary = extractor.extract(document)
    stored = store.exchange(extractor.key(document))
    assert stored is not None and stored["attempts"] == 2 and len(stored["responses"]) == 2
    first, reask = stored["requests"]
    assert [m["role"] for m in first["messages"]] == ["system", "user"]
    assert reask["messages"][:2] == first["messages"]  # the re-ask repeats the prefix, adds one message
    assert [m["role"] for m in reask["messages"]] == ["system", "user", "user"]
    assert stored["prompt_tokens"] == summary.extractor.usage.prompt_tokens > 0
    assert store.verified(extractor.key(document)) == summary
    draft = store.draft(extractor.key(document))
    assert draft is not None and draft.verification.checked == 0 < summary.verification.checked


def test_a_failure_is_logged_and_not_cached(make_llm: Make, scripted: ScriptedModel, store: Store) -> None:
    scripted.queue(failure(401), answer(HAIKOU_ANSWER))
    extractor = make_llm(store=store)
    with pytest.raises(ExtractionError):
        extractor.extract(Document.from_text(HAIKOU))
    (run,) = store.runs()
    assert (run["outcome"], run["error"]) == ("failed", "401: check OPENAI_API_KEY")
    extractor.extract(Document.from_text(HAIKOU))
    assert [r["outcome"] for r in store.runs()] == ["failed", "extracted"]


def test_the_api_key_is_never_written_to_the_store(
    make_llm: Make, scripted: ScriptedModel, tmp_path: Path
) -> None:
    path = tmp_path / "povsum.sqlite"
    scripted.queue(answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER))
    with Store(path) as store:
        make_llm(store=store, api_key=TEST_KEY).extract(Document.from_text(HAIKOU))
    files = [p for p in tmp_path.iterdir() if p.name.startswith("povsum.sqlite")]
    assert all(TEST_KEY.encode() not in p.read_bytes() for p in files)
    assert b"scripted-model" in path.read_bytes()  # the scan would see text, had it been stored


def _summary(sha: str) -> ArticleSummary:
    return ArticleSummary(source=Source(sha256=sha), extractor=ExtractorInfo(name="llm"))


def test_threads_share_one_store(store: Store) -> None:
    def work(i: int) -> None:
        key = CacheKey(f"sha{i}", "llm", "m", "p")
        store.save(key, Exchange(), _summary(f"sha{i}"), _summary(f"sha{i}"))
        store.log(key, "extracted")
        assert store.draft(key) == _summary(f"sha{i}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.runs()) == 16


def test_a_stored_draft_from_an_older_contract_is_a_miss(store: Store) -> None:
    key = CacheKey("sha", "llm", "m", "p")
    store.save(key, Exchange(), _summary("sha"), _summary("sha"))
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE extractions SET draft = ?", ('{"schema_version": "0"}',))
    assert store.draft(key) is None


def test_settings_fields_open_the_store_when_config_has_them(tmp_path: Path, scripted: ScriptedModel) -> None:
    # Until config.py has Settings.cache/force, a stand-in object with those attributes shows the wiring.
    from llm_server import mock_client

    from povsum import Settings

    class WithCache(Settings):
        cache: Path | None = None
        force: bool = False

    settings = WithCache(
        extractor="llm", base_url="http://scripted.test/v1", cache=tmp_path / "c.sqlite", force=True
    )
    extractor = LLMExtractor(settings, client=mock_client(scripted))
    assert extractor.store is not None and extractor.store.path == tmp_path / "c.sqlite" and extractor.force
    extractor.store.close()


def test_a_cached_answer_says_so_and_costs_no_tokens_now(
    make_llm: Make, scripted: ScriptedModel, store: Store, tmp_path: Path
) -> None:
    from povsum.console import tokens_line

    scripted.queue(answer(HAIKOU_ANSWER))
    document = Document.from_text(HAIKOU)
    first = make_llm(store=store).extract(document)
    again = make_llm(store=store).extract(document)
    assert not first.extractor.cached and again.extractor.cached and len(scripted.seen) == 1
    line = tokens_line([again.extractor])
    assert line.startswith("tokens: 0 in, 0 out, over 0 article(s)") and "1 answer(s) reused" in line
    stats = store.stats()
    assert stats["models"][0]["answers"] == 1 and stats["log"] == {"cached": 1, "extracted": 1}
    assert store.clear() == 1 and store.stats()["models"] == []


def test_the_cache_commands_report_and_clear(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from povsum.cli import app

    path = tmp_path / "cache.sqlite"
    result = CliRunner().invoke(app, ["cache", "stats", "--cache", str(path)])
    assert result.exit_code == 0 and result.output == f"{path}: no cache here (nothing is cached yet)\n"
    result = CliRunner().invoke(app, ["cache", "clear", "--cache", str(path)])
    assert result.exit_code == 0 and "nothing to clear" in result.output
    assert not path.exists()  # neither command makes a cache
    Store(path).close()
    result = CliRunner().invoke(app, ["cache", "stats", "--cache", str(path)])
    assert result.exit_code == 0 and "run log: empty" in result.output
    result = CliRunner().invoke(app, ["cache", "clear", "--cache", str(path)])
    assert result.exit_code == 0 and "dropped 0 answers" in result.output


NOT_SQLITE = b"not a database, but long enough to be read as one" * 4


@pytest.mark.parametrize(
    ("make", "message", "for_a_run"),
    [
        (lambda p: p.mkdir(), "is a folder, not a cache file", True),
        (lambda p: p.write_bytes(NOT_SQLITE), "not a povsum cache (file is not a database)", True),
        (lambda p: p.write_bytes(b""), "not a povsum cache (no table of answers)", False),
    ],
)
def test_a_path_that_is_not_a_povsum_cache_is_a_cache_error_naming_it(
    tmp_path: Path, make: Callable[[Path], object], message: str, for_a_run: bool
) -> None:
    path = tmp_path / "cache.sqlite"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(CacheError, match=f"^{re.escape(f'{path}: {message}')}"):
        Store(path, create=False)  # what cache stats and clear open
    assert (path.read_bytes() if path.is_file() else None) == before  # left as it was
    if for_a_run:  # a run opens its cache with create=True: an empty file becomes one
        with pytest.raises(CacheError, match=f"^{re.escape(f'{path}: {message}')}"):
            Store(path)


def test_the_cache_commands_read_the_cache_the_config_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from povsum.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POVSUM_CACHE", raising=False)
    (tmp_path / "povsum.toml").write_text('cache = "answers.sqlite"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["cache", "stats"])
    assert result.exit_code == 0
    assert result.stdout == "answers.sqlite: no cache here (nothing is cached yet)\n"
