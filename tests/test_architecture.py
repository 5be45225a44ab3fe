"""The house shows its architecture (docs/ARCHITECTURE.md): no import cycles, ui/ above the
services and never below them, desktop_app/ never reaching up into ui/.

Imports are read from the source (every import, at the top, inside a function or under
TYPE_CHECKING: a deferred import is still a dependency), so nothing is imported to check."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop_app", "ui")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(module: str, path: Path) -> dict[str, int]:
    """Every name `module` imports (a module, or module.name for `from module import name`),
    with its line."""
    names: dict[str, int] = {}
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.setdefault(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                names.setdefault(f"{base}.{alias.name}", node.lineno)
    return names


def _ours(name: str) -> str | None:
    """The project module `name` is, or is in (a name imported from it)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _graph() -> dict[str, dict[str, int]]:
    graph: dict[str, dict[str, int]] = {}
    for module, path in MODULES.items():
        edges = graph.setdefault(module, {})
        for name, line in _imported(module, path).items():
            target = _ours(name)
            if target and target != module:
                edges.setdefault(target, line)
    return graph


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _described(groups: list[list[str]], graph) -> str:
    lines = []
    for group in groups:
        for module in group:
            for other, line in sorted(graph[module].items()):
                if other in group:
                    lines.append(f"{module} -> {other} (line {line})")
        lines.append("")
    return "\n".join(lines)


def test_no_module_of_the_project_imports_itself_round_a_cycle():
    graph = _graph()
    cycles = _cycles(graph)
    assert not cycles, "import cycles (move the shared piece down a floor):\n" + _described(
        cycles, graph
    )


def test_the_checker_finds_a_cycle_made_by_a_deferred_import():
    graph = {"a": {"b": 1}, "b": {"c": 3}, "c": {"a": 9}, "d": {"a": 2}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_ui_reaches_the_database_only_through_the_services():
    found = [
        f"{module} imports {name} (line {line})"
        for module, path in MODULES.items()
        if module.startswith("ui.")
        for name, line in _imported(module, path).items()
        if name.split(".")[0] == "peewee" or name.startswith("desktop_app.storage")
    ]
    assert not found, "ui/ calls services, never storage or peewee:\n" + "\n".join(found)


def test_desktop_app_never_reaches_up_into_ui():
    """Only the command line, whose commands open the window or picture it, may."""
    found = [
        f"{module} imports {name} (line {line})"
        for module, path in MODULES.items()
        if module.startswith("desktop_app") and not module.startswith("desktop_app.cli")
        for name, line in _imported(module, path).items()
        if name.split(".")[0] == "ui"
    ]
    assert not found, "\n".join(found)
