"""The Batch API path: the same requests, answers, verification and outputs as the synchronous one.

The round trip replays ``cassettes/batch_round_trip.yaml``, recorded from the scripted files and
batches endpoints of ``batch_server.py`` (hand-written answers, not a model's: see
``batch_cases.py``). The other tests talk to the same scripted endpoints in-process.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from batch_cases import (
    CASSETTE,
    SCRIPT,
    by_article,
    env,
    inside,
    round_trip,
    scripted_model,
    write_articles,
)
from batch_server import ScriptedBatches
from llm_cases import (
    HAIKOU,
    HAIKOU_ANSWER,
    HAIKOU_HALLUCINATED,
    LONG_ANSWERS,
    LONG_ARTICLE,
    LONG_CHUNK,
    S_OUTCOME,
    SCRIPTED_MODEL,
    by_part,
    fig,
    part_answer,
    recorder,
)
from llm_server import TEST_KEY, ScriptedModel, ScriptedServer, answer, failure, mock_client
from typer.testing import CliRunner

from povsum.batch import BatchState, collect, load_state, submit
from povsum.cli import app
from povsum.config import Mode, Settings
from povsum.engines import LocalEngine
from povsum.errors import BatchError
from povsum.extractors.llm import BatchAPI, LLMExtractor
from povsum.pipeline import Summarizer
from povsum.runner import run_paths
from povsum.summaries import load_summary
from povsum.writers import FORMATS

REPLAY_URL = "http://127.0.0.1:9/v1"  # never contacted: the cassette answers every request
MOCK_URL = "http://scripted.test/v1"


def settings(mode: Mode = "tools", **options: object) -> Settings:
    return Settings(
        extractor="llm", model=SCRIPTED_MODEL, base_url=MOCK_URL, api_key=TEST_KEY, mode=mode, **options
    )


def run_synchronously(articles: Path, out: Path, model: ScriptedModel, given: Settings | None = None) -> None:
    """What ``povsum run --extractor llm`` does, against the scripted model in-process."""
    given = given if given is not None else settings()
    extractor = LLMExtractor(given, client=mock_client(model, MOCK_URL))
    run_paths([articles], Summarizer(given, extractor=extractor), out, formats=FORMATS, engine=LocalEngine(1))


def files(out: Path) -> dict[str, bytes]:
    """Every output of a run, by path inside OUT (the lock and the batch state left out)."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".povsum.lock" and p.relative_to(out).parts[0] != "batch"
    }


def test_the_round_trip_replays_and_writes_what_the_synchronous_path_writes(tmp_path: Path) -> None:
    with recorder("none").use_cassette(CASSETTE) as cassette:
        steps = round_trip(tmp_path, REPLAY_URL)
    assert cassette.all_played, f"{CASSETTE}: requests differ from the recording; run `make record`"
    submitted, early, first_status, reasked, second_status, final, again = (s.result for s in steps)

    assert submitted.exit_code == 0, submitted.output
    assert "batch batch_scripted_1: 3 request(s)" in submitted.stderr
    # Too early: one line, exit 2, nothing written yet.
    assert early.exit_code == 2
    assert early.stderr.strip().splitlines() == [
        "error: batch batch_scripted_1: in_progress, 0/3 requests done, 0 failed: "
        "collect again once it is completed"
    ]
    assert "round 1 (3 requests): batch_scripted_1: completed, 3/3 requests done" in first_status.stdout
    # The empty article is an error record, as in a synchronous run: exit 1 on both paths.
    assert reasked.exit_code == 1
    assert "re-ask batch batch_scripted_2 sent for 1 article(s)" in reasked.stderr
    assert "round 2 (1 request): batch_scripted_2: in_progress" in second_status.stdout
    assert final.exit_code == again.exit_code == 1
    assert "re-ask" not in final.stderr

    out = tmp_path / "batch-out"
    haikou = load_summary(out / "a_haikou.json")
    assert haikou.extractor.attempts == 2 and haikou.verification.status == "verified"
    assert haikou.baseline is not None and haikou.baseline.people is not None
    assert haikou.baseline.people.value == 18802
    reask = json.loads((out / "batch" / "round-2.input.jsonl").read_text(encoding="utf-8"))
    assert "baseline.people「28802人」" in reask["body"]["messages"][-1]["content"]

    run_synchronously(tmp_path / "articles", tmp_path / "sync-out", scripted_model())
    synchronous = files(tmp_path / "sync-out")
    assert {"a_haikou.json", "summaries.jsonl", "facts.csv", "report.html", "errors.jsonl"} <= set(
        synchronous
    )
    # Every file, byte for byte: no field differs (no output holds a timing or a batch id).
    assert files(out) == synchronous


def bodies(model: ScriptedModel) -> list[str]:
    return sorted(json.dumps(seen.body, sort_keys=True, ensure_ascii=False) for seen in model.seen)


def batch_and_run(
    tmp_path: Path, articles: Path, model: Callable[[], ScriptedModel], given: Settings, rounds: int
) -> tuple[ScriptedModel, ScriptedModel, BatchState]:
    """The synchronous run and a batch of ``rounds`` rounds (re-asked until the last), each with a
    fresh ``model``; their outputs must be byte for byte the same. The two models and the state."""
    direct = model()
    run_synchronously(articles, tmp_path / "sync-out", direct, given)
    batched = model()
    api = BatchAPI(mock_client(ScriptedBatches(batched), MOCK_URL))
    submit([articles], given, tmp_path / "out", api=api)
    for number in range(1, rounds + 1):
        collected = collect(tmp_path / "out", settings(), formats=FORMATS, reask=number < rounds, api=api)
    assert collected.waiting == 0
    assert files(tmp_path / "out") == files(tmp_path / "sync-out")
    return direct, batched, load_state(tmp_path / "out")


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json_object", "md_json"])
def test_the_batch_sends_the_synchronous_requests_first_asks_and_re_asks(tmp_path: Path, mode: Mode) -> None:
    articles = write_articles(tmp_path / "articles")
    direct, batched, _ = batch_and_run(tmp_path, articles, scripted_model, settings(mode), rounds=2)
    assert len(direct.seen) == sum(len(replies) for replies in SCRIPT.values())
    assert bodies(batched) == bodies(direct)


def test_a_re_ask_sent_twice_by_the_synchronous_loop_is_sent_twice_by_the_batch(tmp_path: Path) -> None:
    def model() -> ScriptedModel:
        haikou = 0

        def invents_twice(request: dict) -> object:
            """Scripted: Haikou's first two answers invent the same number, so the second re-ask
            is the first one again; the third answer is right."""
            nonlocal haikou
            if "海口众志成城" not in request["messages"][1]["content"]:
                return by_article(request)
            haikou += 1
            return answer(HAIKOU_HALLUCINATED if haikou <= 2 else HAIKOU_ANSWER)

        return ScriptedModel([invents_twice] * 5)

    articles = write_articles(tmp_path / "articles")
    direct, batched, state = batch_and_run(tmp_path, articles, model, settings(), rounds=3)
    assert len(direct.seen) == 5 and len(set(bodies(direct))) == 4  # one body sent twice
    assert bodies(batched) == bodies(direct)
    assert [len(r.requests) for r in state.rounds] == [3, 1, 1]
    haikou = load_summary(tmp_path / "out" / "a_haikou.json")
    assert haikou.extractor.attempts == 3 and haikou.verification.status == "verified"


def test_a_long_article_sends_all_its_parts_in_the_first_batch(tmp_path: Path) -> None:
    def model() -> ScriptedModel:
        def second_part_invents(request: dict) -> object:
            """Scripted: the first answer about the second part invents a figure."""
            content = request["messages"][1]["content"]
            if S_OUTCOME in content and len(request["messages"]) == 2:
                invented = {**LONG_ANSWERS[S_OUTCOME]["outcome"], "people": fig("2030人", S_OUTCOME)}
                return answer({**part_answer(content), "outcome": invented})
            return by_part(request)

        return ScriptedModel([second_part_invents] * 4)

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "pingjiang.html").write_text(LONG_ARTICLE, encoding="utf-8")
    # The part size is fixed at submit: the collects are not told it again.
    given = settings(chunk_chars=LONG_CHUNK)
    direct, batched, state = batch_and_run(tmp_path, articles, model, given, rounds=2)
    assert bodies(batched) == bodies(direct) and len(direct.seen) == 4
    first, reask = state.rounds
    assert len(first.requests) == 3 and len(reask.requests) == 1  # three parts, one re-ask
    summary = load_summary(tmp_path / "out" / "pingjiang.json")
    assert (summary.extractor.chunks, summary.extractor.attempts) == (3, 4)
    assert summary.verification.status == "verified" and summary.outcome.people.value == 203


def test_an_article_waiting_for_its_re_ask_is_written_as_run_would_without_re_asks(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles")
    run_synchronously(articles, tmp_path / "sync-out", scripted_model(), settings(max_retries=0))
    api = BatchAPI(mock_client(ScriptedBatches(scripted_model()), MOCK_URL))
    submit([articles], settings(), tmp_path / "out", api=api)
    collected = collect(tmp_path / "out", settings(), formats=FORMATS, api=api)
    assert collected.waiting == 1 and collected.sent is None
    assert load_summary(tmp_path / "out" / "a_haikou.json").verification.status == "partial"
    assert files(tmp_path / "out") == files(tmp_path / "sync-out")


def _api(model: ScriptedModel, **options: object) -> BatchAPI:
    return BatchAPI(mock_client(ScriptedBatches(model, **options), MOCK_URL))


def test_a_request_the_batch_could_not_answer_is_that_articles_error_only(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles")

    def refuse_chongzuo(request: dict) -> object:
        if "广西崇左市" in request["messages"][1]["content"]:
            return failure(400, "scripted: this request is malformed")
        return by_article(request)

    api = _api(ScriptedModel([refuse_chongzuo] * 4))
    submit([articles], settings(), tmp_path / "out", api=api)
    results = collect(tmp_path / "out", settings(), formats=FORMATS, api=api).report.results
    by_name = {r.path.name: r for r in results}
    assert by_name["b_chongzuo.txt"].error == (
        "request rejected (400) in the batch: scripted: this request is malformed"
    )
    assert by_name["c_xiuying.txt"].status == "verified"
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "request rejected (400) in the batch" in errors


def test_an_article_changed_after_submit_finds_no_answer_and_says_so(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles")
    api = _api(scripted_model())
    submit([articles], settings(), tmp_path / "out", api=api)
    (articles / "c_xiuying.txt").write_text(HAIKOU.replace("海口", "三亚"), encoding="utf-8")
    results = collect(tmp_path / "out", settings(), formats=FORMATS, api=api).report.results
    changed = next(r for r in results if r.path.name == "c_xiuying.txt")
    assert changed.error is not None and changed.error.startswith("not answered in the collected batches")


def test_a_sent_batch_is_not_sent_again_and_an_interrupted_submit_resumes(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles")
    endpoints = ScriptedBatches(scripted_model())
    api = BatchAPI(mock_client(endpoints, MOCK_URL))
    refusing = BatchAPI(mock_client(_RefuseBatches(endpoints), MOCK_URL))
    with pytest.raises(BatchError, match=r"rejected \(400\)"):
        submit([articles], settings(), tmp_path / "out", api=refusing)  # uploaded, not created
    state = load_state(tmp_path / "out")
    assert state.rounds[0].input_file_id == "file-scripted-1" and state.rounds[0].batch_id is None
    sent = submit([articles], settings(), tmp_path / "out", api=api)
    assert sent.batch_id == "batch_scripted_1"
    assert [path for method, path in endpoints.seen if method == "POST"] == ["/v1/files", "/v1/batches"]
    with pytest.raises(BatchError, match="already holds batch batch_scripted_1"):
        submit([articles], settings(), tmp_path / "out", api=api)


class _RefuseBatches:
    """The scripted endpoints, except that creating a batch is refused (an interrupted submit)."""

    def __init__(self, inner: ScriptedBatches) -> None:
        self.inner = inner

    def handle(self, method: str, path: str, headers: dict, body: bytes) -> tuple:
        if path.endswith("/batches"):
            return failure(400), 400, b'{"error": {"message": "scripted refusal"}}'
        return self.inner.handle(method, path, headers, body)


runner = CliRunner()


@pytest.mark.parametrize("command", ["status", "collect"])
def test_no_batch_in_out_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    with inside(tmp_path):
        result = runner.invoke(app, ["batch", command, str(tmp_path / "out")], env=env(MOCK_URL))
    assert result.exit_code == 2
    out = tmp_path / "out"
    assert result.stderr.strip().splitlines() == [
        f"error: {out}: no batch here (start one with `povsum batch submit PATH... --out {out}`)"
    ]


def test_a_missing_api_key_is_one_line_and_exit_2(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles")
    with inside(tmp_path):
        result = runner.invoke(
            app,
            ["batch", "submit", str(articles), "--out", str(tmp_path / "out")],
            env={**env(MOCK_URL), "OPENAI_API_KEY": ""},
        )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["error: the Batch API needs a key: set OPENAI_API_KEY"]
    assert not (tmp_path / "out" / "batch").exists()


@pytest.mark.parametrize("ending", ["failed", "expired"])
def test_a_batch_that_failed_or_expired_is_one_line_and_exit_2(tmp_path: Path, ending: str) -> None:
    articles = write_articles(tmp_path / "articles")
    out = str(tmp_path / "out")
    with ScriptedServer(app=lambda model: ScriptedBatches(model, ending=ending)) as server, inside(tmp_path):
        server.model.queue(answer({}), answer({}), answer({}))
        assert (
            runner.invoke(
                app, ["batch", "submit", str(articles), "--out", out], env=env(server.url)
            ).exit_code
            == 0
        )
        result = runner.invoke(app, ["batch", "collect", out], env=env(server.url))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: batch batch_scripted_1: {ending}, 0/3 requests done, 0 failed (scripted {ending} batch): "
        "its articles cannot be collected; submit them again"
    ]
    assert not (tmp_path / "out" / "summaries.jsonl").exists()


def test_status_and_collect_talk_to_the_endpoint_the_batch_was_sent_to() -> None:
    state = BatchState(settings={"model": "m"}, base_url="https://batch.example/v1", inputs=[])
    assert state.settings_for(Settings(base_url="http://elsewhere/v1")).base_url == "https://batch.example/v1"
    assert state.settings_for(Settings()).model == "m"
    # The same endpoint with credentials in the URL: the given one, which carries them.
    given = "https://user:secret@batch.example/v1"
    assert state.settings_for(Settings(base_url=given)).base_url == given
    default = BatchState(settings={}, base_url=None, inputs=[])
    assert default.settings_for(Settings(base_url="http://elsewhere/v1")).base_url is None
