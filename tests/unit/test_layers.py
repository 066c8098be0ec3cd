"""The import rules of STYLE.md: layers import downward only, stages never import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "sitrep"

# What each top-level part may import from sitrep (besides itself).
ALLOWED = {
    "model": set(),
    "errors": set(),
    "config": {"errors", "model"},
    "lang": {"errors"},
    "extract": {"errors", "model", "config", "lang"},
    "resolve": {"errors", "model", "config"},
    "nlp": {"errors", "model", "config", "lang"},
    "ingest": {"errors", "model", "config", "lang"},  # which languages sitrep reads (lang.languages)
    "store": {"errors", "model", "config", "link"},
    "link": {"errors", "model", "config"},
    "eval": {"errors", "model", "config", "lang", "pipeline", "nlp", "ingest", "extract", "resolve", "engines", "link"},
    "pipeline": {"errors", "model", "config", "lang", "extract", "resolve", "nlp", "ingest"},
    "engines": {"errors", "model", "config", "pipeline", "nlp", "ingest", "store"},
}
LANGUAGE_FOLDERS = {p.name for p in (SRC / "lang").iterdir() if p.is_dir() and not p.name.startswith("_")}
HEAVY = ("spacy", "duckdb", "dask", "fastapi", "httpx", "uvicorn")
# Only these may import the heavy libraries.
HEAVY_HOMES = {"spacy": {"nlp"}, "duckdb": {"store"}}


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        yield rel.parts, ast.parse(path.read_text(), filename=str(path))


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.count(".") == 1 and node.module.startswith("sitrep."):
                yield from (f"{node.module}.{a.name}" for a in node.names)  # from sitrep.extract import _calendar
            else:
                yield node.module


@pytest.mark.parametrize(("parts", "tree"), list(_modules()), ids=lambda x: "/".join(x) if isinstance(x, tuple) else "")
def test_module_imports_only_lower_layers(parts, tree):
    part = parts[0] if len(parts) > 1 else parts[0]
    allowed = ALLOWED.get(part)
    for name in _imports(tree):
        top = name.split(".")[0]
        if top in HEAVY_HOMES:
            assert part in HEAVY_HOMES[top], f"{'/'.join(parts)} imports {name}: only {HEAVY_HOMES[top]} may"
        if top != "sitrep" or allowed is None:
            continue
        target = name.split(".")[1] if "." in name else ""
        if target == part:
            if part == "extract" and len(parts) > 1:
                _check_stage_import(parts, name)
            continue
        if target == "lang":
            assert name.count(".") == 1 or name.split(".")[2] not in LANGUAGE_FOLDERS, \
                f"{'/'.join(parts)} imports {name}: language data reaches code only as a Lexicon"
        assert target in allowed, f"{'/'.join(parts)} imports {name}, which is not below it"


def _check_stage_import(parts: tuple[str, ...], name: str) -> None:
    """Inside ``extract/``: a stage package imports itself and ``extract.common``, never another stage."""
    stage = parts[1] if len(parts) > 2 else None
    target = name.split(".")[2] if name.count(".") >= 2 else ""
    if target in ("common", stage):
        return
    raise AssertionError(f"extract/{'/'.join(parts[1:])} imports the sibling stage {name}")


def test_every_stage_is_a_package_and_no_module_is_over_400_lines():
    loose = [p.name for p in (SRC / "extract").glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"extract/ holds stage packages and common/ only, not {loose}"
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) > 400}
    assert not long, f"modules over 400 lines hold more than one idea: {long}"


def test_import_sitrep_stays_light():
    code = f"import sys, sitrep, sitrep.model; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _module_name(path: Path) -> str:
    parts = ("sitrep", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Module → the sitrep modules it imports, anywhere in its file (an import inside a function still ties the
    two modules together: it only hides the cycle until that function runs)."""
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*up, base] if base else up)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in paths else base for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in paths:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    deps.add(target)
        graph[name] = deps
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_cycle_finder_sees_a_cycle_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycles_between_sitrep_modules():
    cycles = _cycles(_import_graph())
    assert not cycles, "import cycles (move the shared piece down into a lower module): " + "; ".join(
        " <-> ".join(c) for c in cycles)
