"""One frozen settings object with documented defaults, instead of functions with many keywords."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args
from urllib.parse import urlsplit, urlunsplit

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic_core import ErrorDetails

from povsum.errors import ConfigError

ExtractorChoice = Literal["auto", "llm", "rules", "both"]
# Where `povsum run` summarizes: this machine's threads or processes, or a Dask cluster.
EngineChoice = Literal["local", "dask"]
# How the model is made to answer in the schema (instructor modes): function calling, a JSON
# schema the server enforces, a plain JSON object (DeepSeek, Qwen), or JSON inside Markdown.
Mode = Literal["tools", "json_schema", "json_object", "md_json"]


@dataclass(frozen=True)
class Provider:
    """What ``--model PROVIDER/NAME`` stands for: the endpoint and the mode it needs."""

    base_url: str | None  # None: the OpenAI SDK's default (api.openai.com)
    mode: Mode
    needs_key: bool = True


PROVIDERS: dict[str, Provider] = {
    "openai": Provider(None, "tools"),
    "deepseek": Provider("https://api.deepseek.com/v1", "json_object"),  # rejects json_schema
    "qwen": Provider("https://dashscope.aliyuncs.com/compatible-mode/v1", "json_object"),
    "ollama": Provider("http://localhost:11434/v1", "json_schema", needs_key=False),  # ignores tool_choice
    "vllm": Provider("http://localhost:8000/v1", "json_schema", needs_key=False),
    "llamacpp": Provider("http://localhost:8080/v1", "md_json", needs_key=False),
}

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_MAX_BYTES = 2_000_000
# About 6k tokens of Chinese at worst: with the ~2.5k-token system prompt and schema and room for
# the answer, a part fits a 16k-token context (hosted models have 32k-128k).
DEFAULT_CHUNK_CHARS = 6000
# The LLM cache lives in the user's cache folder (~/.cache/povsum on Linux), not in the working
# directory, so it is shared by runs started anywhere and never lands inside a project.
DEFAULT_CACHE = Path(platformdirs.user_cache_dir("povsum")) / "store.sqlite"
CONFIG_FILE = "povsum.toml"


def redact_url(url: str) -> str:
    """``url`` without the user name and password it may carry.

    >>> redact_url("https://user:sk-secret@api.example.com/v1"), redact_url("http://127.0.0.1:8080/v1")
    ('https://api.example.com/v1', 'http://127.0.0.1:8080/v1')
    """
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port is not None else host
    return urlunsplit(parts._replace(netloc=netloc))


def _with_provider(values: dict[str, object], explicit: Mapping[str, object]) -> dict[str, object]:
    """``model="deepseek/deepseek-chat"`` becomes the model name plus the provider's endpoint and
    mode; an endpoint or mode given explicitly still wins, the environment's endpoint does not
    (the shorthand names the provider).

    >>> _with_provider({"model": "deepseek/deepseek-chat", "base_url": "http://env/v1"}, {})["base_url"]
    'https://api.deepseek.com/v1'
    >>> _with_provider({"model": "qwen2.5:7b"}, {})
    {'model': 'qwen2.5:7b'}
    """
    prefix, slash, name = str(values.get("model", "")).partition("/")
    provider = PROVIDERS.get(prefix) if slash else None
    if provider is None:
        return values
    resolved = {**values, "model": name}
    if explicit.get("base_url") is None and provider.base_url is not None:
        resolved["base_url"] = provider.base_url
    if explicit.get("mode") is None:
        resolved["mode"] = provider.mode
    return resolved


class Settings(BaseModel):
    """How povsum extracts. ``Settings.from_env()`` reads the standard OpenAI variables.

    A value of the wrong kind is a ``ConfigError`` (also a ``ValueError``) naming the setting:

    >>> Settings(extractor="foo")
    Traceback (most recent call last):
    ...
    povsum.errors.ConfigError: extractor: 'foo' is not one of auto, llm, rules, both
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    extractor: ExtractorChoice = Field("auto", description="auto: llm when an endpoint or key is set.")
    model: str = Field(DEFAULT_MODEL, description="Model name sent to the endpoint (POVSUM_MODEL).")
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint (OPENAI_BASE_URL).")
    api_key: SecretStr | None = Field(None, description="OPENAI_API_KEY; never logged or stored.")
    mode: Mode = Field("tools", description="instructor mode: tools | json_schema | json_object | md_json.")
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature sent with every request.")
    max_tokens: int = Field(4096, gt=0, description="Most tokens the model may answer with.")
    max_retries: int = Field(2, ge=0, le=10, description="Re-asks after a failed verification.")
    chunk_chars: int = Field(
        DEFAULT_CHUNK_CHARS,
        ge=200,
        description="An article longer than this (cleaned characters) is read in paragraph-aligned parts.",
    )
    timeout: float = Field(60.0, gt=0, description="Seconds per HTTP request.")
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="Largest input file accepted.")
    cache: Path | None = Field(None, description="SQLite store of LLM answers and run log; None: off.")
    force: bool = Field(False, description="Ignore cached answers and finished outputs.")

    def __init__(self, **values: object) -> None:
        # pydantic's own entry points (model_validate, a Settings field of another model) call
        # this too and wrap the ConfigError, a ValueError, in their ValidationError.
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(refused(exc)) from exc

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        config: Mapping[str, object] | None = None,
        *,
        cache_default: Path | None = None,
        no_cache: bool = False,
        **overrides: object,
    ) -> Settings:
        """Settings from a config file's values, then the environment, then explicit
        ``overrides`` that are not None: each wins over the one before. The LLM cache is
        ``cache_default`` unless one is set, and off with ``no_cache``.

        >>> Settings.from_env({"POVSUM_MODEL": "qwen-plus"}, {"model": "gpt-4o", "timeout": 30}).model
        'qwen-plus'
        >>> Settings.from_env({}, {"timeout": 30}, timeout=None).timeout
        30.0
        """
        env = os.environ if env is None else env
        from_env = {
            "model": env.get("POVSUM_MODEL"),
            "base_url": env.get("OPENAI_BASE_URL"),
            "api_key": env.get("OPENAI_API_KEY"),
            "cache": env.get("POVSUM_CACHE"),
        }
        values: dict[str, object] = {"model": DEFAULT_MODEL, **(config or {})}
        values.update({k: v for k, v in from_env.items() if v})
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["cache"] = None if no_cache else values.get("cache") or cache_default
        return cls(**_with_provider(values, overrides))

    @property
    def llm_configured(self) -> bool:
        return self.base_url is not None or self.api_key is not None

    def resolved_extractor(self) -> Literal["llm", "rules", "both"]:
        """Which extractor ``auto`` stands for with these settings.

        >>> Settings().resolved_extractor()
        'rules'
        >>> Settings(base_url="http://127.0.0.1:11434/v1").resolved_extractor()
        'llm'
        """
        if self.extractor == "auto":
            return "llm" if self.llm_configured else "rules"
        return self.extractor


def load_config(start: Path) -> tuple[dict[str, object], Path | None]:
    """Settings written in ``povsum.toml``, or ``[tool.povsum]`` of ``pyproject.toml``, in
    ``start`` or the nearest folder above it: (values, the file), or ({}, None) when there is none.
    Keys are Settings fields; an unknown key or a secret written in the file is a ConfigError."""
    for folder in (start, *start.parents):
        for name, table in ((CONFIG_FILE, ()), ("pyproject.toml", ("tool", "povsum"))):
            path = folder / name
            if not path.is_file():
                continue
            import tomllib  # here: most runs find no file, and the parser is ~4 ms to import

            try:
                data: object = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{path}: not readable as TOML ({exc})") from None
            for key in table:
                data = data.get(key, {}) if isinstance(data, dict) else {}
            if not isinstance(data, dict) or (not data and table):
                continue
            return _checked_config(data, path), path
    return {}, None


def _checked_config(data: dict[str, object], path: Path) -> dict[str, object]:
    if "api_key" in data:
        raise ConfigError(f"{path}: keep api_key out of files; set OPENAI_API_KEY instead")
    unknown = sorted(set(data) - set(Settings.model_fields))
    if unknown:
        known = ", ".join(sorted(set(Settings.model_fields) - {"api_key"}))
        raise ConfigError(f"{path}: unknown setting {', '.join(unknown)} (known: {known})")
    try:
        Settings(**data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return data


# A value of the wrong kind, in words, by pydantic's error type.
_WRONG_KIND = {
    "int_parsing": "is not a whole number",
    "int_type": "is not a whole number",
    "int_from_float": "is not a whole number",
    "float_parsing": "is not a number",
    "float_type": "is not a number",
    "bool_parsing": "is not true or false",
    "bool_type": "is not true or false",
    "string_type": "is not a string",
    "path_type": "is not a path",
}


def refused(exc: ValidationError) -> str:
    """One line naming each setting ``exc`` refused, the value given (never a key's) and why.

    >>> Settings(timeout=-1, max_bytes="big")
    Traceback (most recent call last):
    ...
    povsum.errors.ConfigError: timeout: -1 must be greater than 0; max_bytes: 'big' is not a whole number
    """
    return "; ".join(_refusal(error) for error in exc.errors())


def _refusal(error: ErrorDetails) -> str:
    name = ".".join(map(str, error["loc"]))
    if error["type"] == "extra_forbidden":
        return f"unknown setting {name}"
    given = "the value given" if name == "api_key" else repr(error["input"])
    if error["type"] == "literal_error":
        choices = get_args(Settings.model_fields[name].annotation)
        return f"{name}: {given} is not one of {', '.join(choices)}"
    why = _WRONG_KIND.get(error["type"]) or error["msg"].replace("Input should be", "must be")
    return f"{name}: {given} {why}"
