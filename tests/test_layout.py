"""The house's layout: families as subpackages, no import circles, each family importing only
the families below it, and no module name shadowed by a function (issue #10)."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "discourse"

#: family -> the families it may import (besides itself and the base modules ``errors``,
#: ``_validation``, ``_version`` and the data package). Stated in each family's docstring.
ALLOWED = {
    "corpus": set(),
    # scale (issue #13) sits on corpus alone: the analysis families call its hook
    # (scale.engine.plan) with their own per-document functions, it never imports them
    "scale": {"corpus"},
    "text": {"corpus"},
    "keywords": {"corpus", "text", "scale"},
    "rhetoric": {"corpus", "text", "keywords", "scale"},
    "actors": {"corpus", "text", "keywords", "rhetoric", "scale"},
    "topics": {"corpus", "text", "keywords", "scale"},
    "scaling": {"corpus", "text", "keywords", "topics"},
    "plots": set(),
    "compare": {"corpus", "text", "keywords", "rhetoric", "actors", "topics", "scaling", "plots"},
    "paper": {"corpus", "text", "keywords", "rhetoric", "actors", "topics", "scaling", "plots",
              "compare"},
    "cli": {"corpus", "text", "keywords", "rhetoric", "actors", "topics", "scaling", "plots",
            "compare", "paper", "scale"},
}
BASE = {"errors", "_validation", "_version", "data"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports, anywhere in its body (function-level imports
    too: a lazy import is still a dependency)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("discourse"):
                    continue
                for alias in node.names:  # `from . import module`
                    sub = f"{target}.{alias.name}"
                    deps.add(sub if sub in modules else target)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("discourse"))
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _family(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_no_import_circles():
    graph = import_graph()
    # the package's own __init__ re-exports lazily (by name, through importlib): no edges
    assert graph["discourse"] == {"discourse._version"}
    assert _cycles(graph) == []


def test_the_checker_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_each_family_imports_only_the_families_below_it():
    wrong = []
    for module, deps in import_graph().items():
        family = _family(module)
        if family is None or family in BASE:
            continue
        assert family in ALLOWED, f"{module}: family {family!r} is not in the layout table"
        for dep in deps:
            other = _family(dep)
            if other is None or other == family or other in BASE:
                continue
            if other not in ALLOWED[family]:
                wrong.append(f"{module} -> {dep}")
    assert wrong == []


def test_every_family_says_what_it_holds_and_may_import():
    for family in ALLOWED:
        init = PACKAGE / family / "__init__.py"
        if not init.exists():
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "May import" in doc, f"{init}: no docstring saying what it may import"


def test_no_top_level_module_but_the_base():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == {"__init__", "errors", "_validation", "_version"}


def test_no_public_name_shadows_a_module():
    import discourse

    for info in pkgutil.walk_packages(discourse.__path__, "discourse."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        parent, _, leaf = info.name.rpartition(".")
        assert getattr(importlib.import_module(parent), leaf) is module, (
            f"{parent}.{leaf} is not the module {info.name}")


@pytest.mark.parametrize("name", ["readability", "profile", "kwic"])
def test_public_functions_named_like_modules_stay_functions(name):
    import discourse

    assert callable(getattr(discourse, name))
    assert not hasattr(getattr(discourse, name), "__path__")


def test_every_public_name_resolves():
    import discourse

    for name in discourse.__all__:
        assert getattr(discourse, name) is not None
    with pytest.raises(AttributeError):
        discourse.no_such_function  # noqa: B018


def test_import_discourse_loads_no_heavy_dependency():
    import subprocess
    import sys

    code = ("import sys, discourse; print(sorted(m for m in ('gensim', 'matplotlib', 'pandas', "
            "'nltk', 'scipy', 'dask', 'distributed', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_line_parser_imports_no_analysis_module():
    """``discourse --help`` builds every verb's parser: it must not load pandas, NLTK, gensim,
    matplotlib or SciPy (the verbs import them when they run)."""
    import subprocess
    import sys

    code = ("import sys; from discourse.cli.app import build_parser; build_parser(); "
            "print(sorted(m for m in ('gensim', 'matplotlib', 'pandas', 'nltk', 'scipy', 'numpy', "
            "'dask', 'distributed') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_verbs_choices_are_the_librarys():
    from discourse.cli import devices as cli_devices
    from discourse.cli import keyness as cli_keyness
    from discourse.keywords.keyness import MEASURES
    from discourse.rhetoric.devices import DEVICES

    assert cli_keyness.MEASURES == MEASURES
    assert cli_devices.DEVICES == DEVICES
