"""How ``povsum serve`` listens and guards itself; the extractor's own settings stay in ``Settings``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class ServiceOptions(BaseModel):
    """The HTTP side of the service, with the defaults ``povsum serve --help`` shows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = Field("127.0.0.1", description="Address to listen on.")
    port: int = Field(8000, ge=1, le=65535, description="Port to listen on.")
    workers: int | None = Field(
        None,
        ge=1,
        le=64,
        description="Articles at once; None: a process per core (rules), 4 threads (llm).",
    )
    max_body: int = Field(10_000_000, gt=0, description="Largest request body, in bytes.")
    request_timeout: float = Field(120.0, gt=0, description="Seconds an article may take, queueing included.")
    token: SecretStr | None = Field(None, description="Bearer token required on /v1/ routes; never logged.")

    @classmethod
    def given(cls, **values: object) -> ServiceOptions:
        """Options from the command line: a value left out (None) keeps its default.

        >>> ServiceOptions.given(port=9000, token=None).port, ServiceOptions.given().port
        (9000, 8000)
        """
        return cls.model_validate({name: value for name, value in values.items() if value is not None})
