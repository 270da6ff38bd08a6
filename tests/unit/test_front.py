"""The package front: `import povsum` loads nothing heavy, and every exported name resolves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import povsum

SRC = Path(povsum.__file__).parents[1]


def test_import_povsum_loads_no_model_and_no_llm_package() -> None:
    code = (
        "import sys, povsum\n"
        "heavy = {'pydantic', 'typer', 'rich', 'cn2an', 'instructor', 'openai', 'povsum.models'}\n"
        "print(sorted(heavy & sys.modules.keys()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(SRC)}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_every_exported_name_resolves_to_its_home() -> None:
    from povsum.models import ArticleSummary
    from povsum.pipeline import summarize_text

    assert all(getattr(povsum, name) is not None for name in povsum.__all__)
    assert povsum.ArticleSummary is ArticleSummary and povsum.summarize_text is summarize_text
    assert set(povsum.__all__) <= set(dir(povsum))


def test_verify_stays_the_function_once_its_submodule_is_imported() -> None:
    import povsum.verify as submodule_or_function
    from povsum.verify import verify

    assert povsum.verify is verify and submodule_or_function is verify
    assert callable(povsum.verify) and sys.modules["povsum.verify"].verify is verify


def test_dir_shows_the_public_api_not_the_helpers_imported_to_build_it() -> None:
    import povsum.config  # a submodule loaded is not part of the API either

    names = set(dir(povsum))
    assert set(povsum.__all__) <= names
    assert not names & {"sys", "Any", "Callable", "ModuleType", "import_module", "TYPE_CHECKING", "config"}
    assert {n for n in names if not n.startswith("__")} == set(povsum.__all__) - {"__version__"}
