"""Settings refuse a value of the wrong kind with a ConfigError naming the setting (and the file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from povsum import ConfigError, PovsumError, Settings
from povsum.config import load_config


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"extractor": "foo"}, "extractor: 'foo' is not one of auto, llm, rules, both"),
        ({"mode": "xml"}, "mode: 'xml' is not one of tools, json_schema, json_object, md_json"),
        ({"timeout": -1}, "timeout: -1 must be greater than 0"),
        ({"max_bytes": "big"}, "max_bytes: 'big' is not a whole number"),
        ({"temperature": 9}, "temperature: 9 must be less than or equal to 2"),
        ({"force": "maybe"}, "force: 'maybe' is not true or false"),
        ({"modle": "x"}, "unknown setting modle"),
    ],
)
def test_a_value_of_the_wrong_kind_is_a_config_error_naming_the_setting(
    values: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        Settings(**values)
    assert str(raised.value) == message
    assert isinstance(raised.value, PovsumError) and isinstance(raised.value, ValueError)
    with pytest.raises(ConfigError, match="timeout: -1"):
        Settings.from_env({}, timeout=-1)


def test_a_refused_key_is_never_repeated_in_the_message() -> None:
    with pytest.raises(ConfigError) as raised:
        Settings(api_key=["sk-secret"])
    assert "sk-secret" not in str(raised.value) and "api_key" in str(raised.value)


def test_settings_stay_a_pydantic_model() -> None:
    assert "extractor" in Settings.model_json_schema()["properties"]
    assert Settings.model_validate({"timeout": 3}).timeout == 3
    # pydantic's own entry point raises pydantic's error, with the same line inside.
    with pytest.raises(ValidationError, match="extractor: 'foo' is not one of"):
        Settings.model_validate({"extractor": "foo"})


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('extractor = "rulez"', "extractor: 'rulez' is not one of auto, llm, rules, both"),
        ('max_bytes = "big"', "max_bytes: 'big' is not a whole number"),
        ("timeout = -1", "timeout: -1 must be greater than 0"),
    ],
)
def test_a_config_file_value_of_the_wrong_kind_names_the_file_and_the_setting(
    tmp_path: Path, line: str, message: str
) -> None:
    config = tmp_path / "povsum.toml"
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value) == f"{config}: {message}"
