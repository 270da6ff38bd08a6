"""The package's import graph: no circle, no arrow up, and the llm extractor kept to itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "povsum"
# Lower layers first; a module may import only from its own layer or those before it.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "contract", "data", "precompiled"}),
    frozenset({"models", "numbers", "normalize", "furniture", "regions", "config", "wrapping"}),
    frozenset({"summaries"}),
    frozenset({"document"}),
    frozenset({"verify", "sentences", "schema", "planted"}),
    frozenset({"extractors"}),
    frozenset({"pipeline", "evaluate", "explain"}),
    frozenset({"outputs", "report", "writers", "panel", "engines"}),
    frozenset({"runner", "console", "service", "batch"}),
    frozenset({"cli", "__main__", "__init__"}),
)


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """povsum modules imported anywhere in ``path`` (lazy imports inside functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("povsum")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("povsum"):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / child.replace(".", "/")).with_suffix(".py").exists() or (
                    PACKAGE.parent / child.replace(".", "/") / "__init__.py"
                ).exists()
                found.add(child if is_module else node.module)
    return found


GRAPH = {_module(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    return next(i for i, layer in enumerate(LAYERS) if top in layer)


def test_every_module_has_a_layer() -> None:
    for module in GRAPH:
        _layer(module)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    upward = [m for m in GRAPH[module] if _layer(m) > _layer(module)]
    assert not upward, f"{module} imports {upward}"


def test_there_is_no_import_circle() -> None:
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            raise AssertionError(" -> ".join((*path[path.index(module) :], module)))
        if module in done:
            return
        for target in GRAPH.get(module, ()):
            # ``from povsum.x import y`` runs povsum/x/__init__ first; a package importing its
            # own submodules is not a circle.
            if not target.startswith(module + "."):
                visit(target, (*path, module))
        done.add(module)

    for module in GRAPH:
        visit(module, ())


def test_only_the_pipeline_batch_and_cache_command_reach_the_llm_extractor_and_only_its_front() -> None:
    outside = {
        module: sorted(m for m in targets if m.startswith("povsum.extractors.llm"))
        for module, targets in GRAPH.items()
        if not module.startswith("povsum.extractors.llm")
    }
    reaching = {m: t for m, t in outside.items() if t}
    # povsum.batch is the Batch API's run: it drives the llm extractor's requests and replay
    # where the pipeline drives its synchronous calls.
    assert set(reaching) == {"povsum.pipeline", "povsum.cli", "povsum.batch"}
    assert all(t == ["povsum.extractors.llm"] for t in reaching.values()), reaching
