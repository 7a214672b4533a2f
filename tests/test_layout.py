"""The layout holds: the core never imports the edges, and no two modules import each other.

The import graph is read from the source (every `import` and `from ... import`, also those
inside functions), so a lazy import cannot hide a cycle. `from pkg import name` counts as an
import of `pkg.name` when that is a module, else of `pkg` (its `__init__`); a package's
`__init__` imports its submodules, so a module that imports its own package's `__init__`
is in a cycle: siblings import each other by their full module path.
"""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator_app

EDGES = ("gui", "cli", "demo", "importers", "exporters")  # the package's parts the core serves
QT = ("PySide6", "shiboken6")


def module_files(root: Path, package: str) -> dict[str, Path]:
    out = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return {name: p for name, p in out.items() if name == package or name.startswith(package + ".")}


def imports_of(name: str, path: Path, modules: set[str]) -> list[tuple[str, int]]:
    """(imported module, line) for every import statement of the file, resolved to our modules."""
    is_pkg = path.name == "__init__.py"
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in modules else target, node.lineno))
    return found


def graph(root: Path, package: str) -> tuple[dict[str, list[tuple[str, int]]], dict[str, Path]]:
    files = module_files(root, package)
    names = set(files)
    return {n: imports_of(n, p, names) for n, p in files.items()}, files


def forbidden_imports(root: Path, package: str) -> list[str]:
    edges, files = graph(root, package)
    core = f"{package}.core"
    forbidden = [f"{package}.{edge}" for edge in EDGES] + list(QT)
    bad = []
    for mod, targets in sorted(edges.items()):
        if mod != core and not mod.startswith(core + "."):
            continue
        for target, line in targets:
            if any(target == f or target.startswith(f + ".") for f in forbidden):
                bad.append(f"{files[mod]}:{line}: {mod} imports {target}")
    return bad


def import_cycles(root: Path, package: str) -> list[str]:
    """Each cycle once, as 'a -> b -> a' with the line of every import on it."""
    edges, files = graph(root, package)
    internal = {m: [(t, line) for t, line in ts if t in edges and t != m] for m, ts in edges.items()}
    cycles, seen = [], set()
    state: dict[str, int] = {}
    stack: list[tuple[str, int]] = []

    def visit(m: str) -> None:
        state[m] = 1
        for t, line in internal[m]:
            stack.append((m, line))
            if state.get(t) == 1:
                start = next(i for i, (s, _) in enumerate(stack) if s == t)
                ring = stack[start:]
                key = frozenset(s for s, _ in ring)
                if key not in seen:
                    seen.add(key)
                    cycles.append(" -> ".join(f"{s} (line {ln})" for s, ln in ring) + f" -> {t}")
            elif t not in state:
                visit(t)
            stack.pop()
        state[m] = 2

    for m in sorted(internal):
        if m not in state:
            visit(m)
    return cycles


ROOT = Path(facilitator_app.__file__).resolve().parent


def test_core_never_imports_the_edges():
    bad = forbidden_imports(ROOT, "facilitator_app")
    assert not bad, "the core must not import these:\n" + "\n".join(bad)


def test_no_import_cycles():
    cycles = import_cycles(ROOT, "facilitator_app")
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_every_core_package_says_what_it_owns():
    for init in sorted((ROOT / "core").glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 8, f"{init} needs a docstring saying what the package owns"


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for rel, text in {"__init__.py": "", "core/__init__.py": "", **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_checks_name_the_offending_import(tmp_path):
    root = _tree(tmp_path, {
        "gui/__init__.py": "",
        "core/a/__init__.py": "from pkg.core.a.x import f\n",
        "core/a/x.py": "def f():\n    from pkg.core.a import y\n",   # a lazy import still counts
        "core/a/y.py": "import pkg.core.a.x\n",
        "core/b.py": "\n\nfrom pkg.gui import window\n",
        "core/c.py": "from pkg.core.a import f\n",                   # the package's API: fine
    })
    bad = forbidden_imports(root, "pkg")
    assert len(bad) == 1 and "b.py:3: pkg.core.b imports pkg.gui" in bad[0]
    cycles = import_cycles(root, "pkg")
    assert len(cycles) == 1 and "pkg.core.a.x (line 2) -> pkg.core.a.y (line 1) -> pkg.core.a.x" in cycles[0]


def test_a_module_importing_its_own_package_is_a_cycle(tmp_path):
    root = _tree(tmp_path, {
        "core/a/__init__.py": "from pkg.core.a.x import f\n",
        "core/a/x.py": "from pkg.core.a import helper\n",
    })
    assert import_cycles(root, "pkg") == ["pkg.core.a (line 1) -> pkg.core.a.x (line 1) -> pkg.core.a"]
