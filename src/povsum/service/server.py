"""Start uvicorn on the app, with the service's log lines: JSON access lines on stdout, the rest
(start-up, errors with their tracebacks) on stderr."""

from __future__ import annotations

import copy
from typing import Any

from povsum.config import Settings
from povsum.errors import ConfigError
from povsum.pipeline import Summarizer
from povsum.service.options import ServiceOptions

__all__ = ["serve"]


def serve(settings: Settings, options: ServiceOptions) -> None:
    """Serve until interrupted. ``ConfigError`` before listening when the extra is missing or the
    settings are unusable (e.g. ``--extractor llm`` with no endpoint)."""
    try:
        import uvicorn

        from povsum.service.app import create_app
    except ImportError as exc:
        raise ConfigError(f"povsum serve needs {exc.name}: pip install 'povsum[serve]'") from None
    app = create_app(Summarizer(settings), options)
    uvicorn.run(
        app,
        host=options.host,
        port=options.port,
        log_config=_log_config(uvicorn.config.LOGGING_CONFIG),
        access_log=False,  # uvicorn's line has the query string; ours is JSON without it
        server_header=False,
    )


def _log_config(uvicorn_config: dict[str, Any]) -> dict[str, Any]:
    config = copy.deepcopy(uvicorn_config)
    config["formatters"]["line"] = {"format": "%(message)s"}
    config["handlers"]["access_json"] = {
        "class": "logging.StreamHandler",
        "formatter": "line",
        "stream": "ext://sys.stdout",
    }
    config["loggers"]["povsum.access"] = {"handlers": ["access_json"], "level": "INFO", "propagate": False}
    config["loggers"]["povsum.service"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
