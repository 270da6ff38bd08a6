"""`povsum` end to end through its command line, on the seeds and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from povsum import ArticleSummary, __version__
from povsum.cli import app
from povsum.schema import schema_texts

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(autouse=True)
def no_llm_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "POVSUM_MODEL"):
        monkeypatch.delenv(name, raising=False)


def test_run_on_seeds_writes_a_verified_summary_per_article(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "extractor: rules (offline; no LLM endpoint configured)" in result.output
    written = sorted(tmp_path.glob("*.json"))
    assert [p.stem for p in written] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    for path in written:
        summary = ArticleSummary.model_validate_json(path.read_bytes())
        assert summary.verification.status == "verified"
        assert summary.extractor.name == "rules"
    lines = (tmp_path / "summaries.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    assert (tmp_path / "errors.jsonl").read_text() == ""
    assert "海口市" in result.output and "崇左市" in result.output


def test_second_run_reuses_finished_articles(tmp_path: Path) -> None:
    runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path)])
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output.count(": reused") == 5


def test_bad_files_get_one_line_each_and_do_not_stop_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (inputs / "good 海口.txt").write_bytes((ROOT / "seeds" / "000_dda217ac4bff4475.txt").read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert result.exit_code == 1
    assert (out / "good 海口.json").exists()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(e["path"]).name for e in errors} == {"empty.txt", "picture.txt", "missing.txt"}
    assert "Traceback" not in result.output
    for line in result.output.splitlines():
        if line.startswith("error:"):
            assert len(line) < 200


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["run"]).exit_code == 2
    assert runner.invoke(app, ["run", "seeds", "--format", "pdf"]).exit_code == 2


def test_verify_command_rejects_a_tampered_summary(tmp_path: Path) -> None:
    seed = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
    runner.invoke(app, ["run", str(seed), "--out", str(tmp_path)])
    path = tmp_path / "000_dda217ac4bff4475.json"
    ok = runner.invoke(app, ["verify", str(path), str(seed)])
    assert ok.exit_code == 0, ok.output
    data = json.loads(path.read_text(encoding="utf-8"))
    data["baseline"]["people"]["value"] = 28802
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tampered = runner.invoke(app, ["verify", str(path), str(seed)])
    assert tampered.exit_code == 1
    assert "does not match its text" in tampered.output


def test_eval_floors_are_fractions_or_percents(tmp_path: Path) -> None:
    assert runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path), "-q"]).exit_code == 0
    gold = str(ROOT / "tests" / "gold")
    for floor in ("measures=0.5", "measures=50%"):
        assert runner.invoke(app, ["eval", str(tmp_path), gold, "--fail-under", floor]).exit_code == 0
    too_high = runner.invoke(app, ["eval", str(tmp_path), gold, "--fail-under", "measures=100%"])
    assert too_high.exit_code == 1 and "is below the floor 100.0%" in too_high.output
    bare = runner.invoke(app, ["eval", str(tmp_path), gold, "--fail-under", "measures=99"])
    assert bare.exit_code == 2 and bare.output == (
        "error: --fail-under measures=99: 99 is above 1;"
        " write a fraction (measures=0.99) or a percent (measures=99%)\n"
    )
    unknown = runner.invoke(app, ["eval", str(tmp_path), gold, "--fail-under", "mesures=0.5"])
    assert unknown.exit_code == 2
    assert unknown.output.startswith("error: --fail-under: unknown score 'mesures' (region, snapshot")


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.output.strip() == f"povsum {__version__}"


def test_committed_schemas_match_the_models() -> None:
    for name, text in schema_texts().items():
        committed = ROOT / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, f"{name} drifted: run `make schema`"


def test_readme_documents_every_command_and_option() -> None:
    # The --help text and the README are kept true together: every command and run option is in both.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    assert {"run", "verify", "schema"} <= set(group.commands)
    for name, command in group.commands.items():
        assert f"povsum {name}" in readme, name
        assert name in runner.invoke(app, ["--help"]).output
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"{name} {opt} is not documented in README.md"


def test_explain_names_the_rule_behind_each_figure() -> None:
    seed = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
    result = runner.invoke(app, ["explain", str(seed), "baseline.people"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(
        line.startswith("baseline.people") and "transition_people: from" in line and "kept" in line
        for line in lines
    )
    assert "= baseline.people 18802人" in lines
    assert not any(line.startswith("outcome.") for line in lines)
    missing = runner.invoke(app, ["explain", str(ROOT / "nowhere.txt")])
    assert missing.exit_code == 2 and "nowhere.txt" in missing.output


def test_explain_of_an_unknown_field_is_one_line_listing_the_known_ones_and_exit_2() -> None:
    seed = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
    result = runner.invoke(app, ["explain", str(seed), "foo"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("error: unknown field 'foo'; known: region, baseline, outcome, funding, measures")


def test_explain_reads_stdin_for_dash_as_run_does() -> None:
    seed = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
    result = runner.invoke(app, ["explain", "-", "baseline.people"], input=seed.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.output == runner.invoke(app, ["explain", str(seed), "baseline.people"]).output
    assert "= baseline.people 18802人" in result.output.splitlines()


SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_dda217ac4bff4475.txt"


def test_one_article_from_stdin_streams_its_summary_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "-", "--out", str(out), "--stdout", "-q"], input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("{")]
    summary = ArticleSummary.model_validate_json(line)
    assert summary.region is not None and summary.region.name == "海口市"
    (kept,) = out.glob("stdin-*.txt")
    assert kept.read_bytes() == SEED.read_bytes()  # the offsets point into a kept file
    assert summary.source.path == str(kept)


def test_two_texts_piped_into_one_out_are_two_articles_and_a_dash_twice_is_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    other = SEED.with_name("001_fc5abba2a8a0c725.txt")
    for text in (SEED, other):
        result = runner.invoke(app, ["run", "-", "-", "--out", str(out), "-q"], input=text.read_bytes())
        assert result.exit_code == 0, result.output
    kept = sorted(p.read_bytes() for p in out.glob("stdin-*.txt"))
    assert kept == sorted([SEED.read_bytes(), other.read_bytes()])
    assert len(list(out.glob("stdin-*.json"))) == 2
    assert len((out / "summaries.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # the last run's


def test_a_file_named_twice_or_inside_a_named_folder_is_read_once(tmp_path: Path) -> None:
    seeds = SEED.parent
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(seeds), str(SEED), str(seeds / "."), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    lines = (out / "summaries.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(seeds.glob("*.txt")))
    first = runner.invoke(app, ["run", str(SEED), str(seeds), "--out", str(tmp_path / "o2"), "-q"])
    assert first.exit_code == 0, first.output
    assert len((tmp_path / "o2" / "summaries.jsonl").read_text(encoding="utf-8").splitlines()) == len(lines)


def test_settings_come_from_povsum_toml_and_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from povsum.config import Settings, load_config

    monkeypatch.chdir(tmp_path)
    (tmp_path / "povsum.toml").write_text('model = "qwen-plus"\ntimeout = 30\n', encoding="utf-8")
    config, found = load_config(tmp_path / "sub")
    assert found == tmp_path / "povsum.toml" and config == {"model": "qwen-plus", "timeout": 30}
    assert Settings.from_env({}, config, timeout=5).timeout == 5
    assert Settings.from_env({}, config).model == "qwen-plus"
    (tmp_path / "povsum.toml").write_text('modle = "x"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", str(SEED), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "unknown setting modle" in result.output
    (tmp_path / "povsum.toml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.povsum]\napi_key = "sk-x"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", str(SEED), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "keep api_key out of files" in result.output


def test_verbose_lists_what_the_verifier_removed(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    # Written for this test: the 2020 rate is above the 2014 one, which the verifier flags.
    article.write_text(
        "某县脱贫报告\n2014年全县贫困发生率为5%。2020年全县贫困发生率降至9%。\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["run", str(article), "--out", str(tmp_path / "out"), "-v"])
    assert result.exit_code == 0, result.output
    assert "flagged outcome.incidence_rate" in result.output


def test_a_folder_without_articles_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "table.csv").write_text("a,b\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{folder}: no article files (1 other file(s)" in result.output and ".txt" in result.output
    assert not out.exists()


@pytest.mark.parametrize(("formats", "said"), [("", "no format given"), ("json,pdf", "unknown format pdf")])
def test_the_formats_must_name_at_least_one_known_output(tmp_path: Path, formats: str, said: str) -> None:
    result = runner.invoke(app, ["run", str(SEED), "--out", str(tmp_path / "out"), "--format", formats])
    assert result.exit_code == 2 and said in result.output
    assert not (tmp_path / "out").exists()


def test_stdout_streams_a_line_for_every_input_errors_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--stdout", "-q"])
    assert result.exit_code == 1, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 2
    summary, error = sorted(lines, key=lambda line: "error" in line)
    assert ArticleSummary.model_validate(summary).region is not None
    assert error["path"].endswith("b.txt") and "empty" in error["error"]
