"""The tree shows the flow, and imports only point down.

    core (jixiao/*.py) < xlsx/ < read/ < checks/ < recalc/ < template/ < report/
        < pipeline.py < batch/ < cli/

Every ``import`` and ``from … import`` of every module under jixiao/ is read from its
source (lazy imports inside functions too), so a layer cannot lean on a higher one even
where the import only runs on some paths. The core is pure: it imports the standard
library and other core modules only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "jixiao"
LAYERS = ["core", "xlsx", "read", "checks", "recalc", "template", "report", "pipeline",
          "batch", "cli"]


def layer_of(module: str) -> str:
    """``jixiao.read.grid`` → ``read``; ``jixiao.rules`` → ``core``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "core"                       # the package face jixiao/__init__.py
    if parts[1] == "__main__":
        return "cli"                        # python -m jixiao: a front end
    if parts[1] in LAYERS:
        return parts[1]
    return "core"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, relative ones made absolute."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text("utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            if node.module is None or target == "jixiao":  # from jixiao import rules
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_layers_are_folders_and_every_module_belongs_to_one():
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders == set(LAYERS) - {"core", "pipeline"}
    assert (PACKAGE / "pipeline.py").is_file()


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_down(path):
    here = LAYERS.index(layer_of(module_name(path)))
    upward = []
    for line, target in imports_of(path):
        if target == "jixiao" or not target.startswith("jixiao."):
            continue
        if module_name(target_path(target)) is None:
            continue
        there = LAYERS.index(layer_of(target))
        if there > here:
            upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {target} ({layer_of(target)})")
    assert not upward, "\n".join(upward)


def target_path(target: str) -> Path:
    parts = target.split(".")[1:]
    candidate = PACKAGE.joinpath(*parts)
    return candidate / "__init__.py" if candidate.is_dir() else candidate.with_suffix(".py")


@pytest.mark.parametrize("path", [path for path in SOURCES if layer_of(module_name(path)) == "core"],
                         ids=lambda path: path.name)
def test_the_core_imports_only_the_standard_library_and_itself(path):
    foreign = [f"{line}: {target}" for line, target in imports_of(path)
               if target.split(".")[0] not in sys.stdlib_module_names
               and target.split(".")[0] != "jixiao"]
    assert not foreign, foreign


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for path in SOURCES:
        name = module_name(path)
        graph[name] = {target for _, target in imports_of(path)
                       if target.startswith("jixiao.") and target_path(target).is_file()
                       and target != name}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.endswith("__init__") or nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, cycles


def test_the_reading_sees_lazy_and_relative_imports():
    """The check itself can fail: an import hidden in a function, or written relative,
    is still seen, and ranked above the module that makes it."""
    source = "def f():\n    from ..cli import main\n    import jixiao.batch.run\n"
    targets = {target for _, target in imports_in(source, "jixiao.checks")}
    assert targets == {"jixiao.cli", "jixiao.batch.run"}
    assert LAYERS.index(layer_of("jixiao.cli")) > LAYERS.index(layer_of("jixiao.checks.base"))
