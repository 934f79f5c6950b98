"""The layout holds: no import circles, no import from a lower layer to a higher one (imports
inside functions included), outputs never reach back into parsing, nothing imports the CLI, no
module takes another's private names, and no module is over 500 lines."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ('gazetteer', 'geo')
MAX_LINES = 500

# Layers, low to high: a module may import its own layer and the ones below, never one above.
LAYERS = [
    ('gazetteer',),
    ('geo.errors', 'geo.model', 'geo.placetypes', 'geo.text', 'geo.lexicon'),
    ('geo.doc', 'geo.export', 'geo.maps'),
    ('geo.recognize',),
    ('geo.resolve',),
    ('geo.pipeline', 'geo.inputs', 'geo.outputs', 'geo.settings', 'geo.gazetteer_admin', 'geo.gc_policy'),
    ('geo.batch', 'geo.evaluate', 'geo.review', 'geo.models'),
    ('geo.cli',),
    ('geo',),                                      # the package's face re-exports the API
]
# what reads a Result never reaches back into parsing
NEVER = {
    'geo.export': ('geo.doc', 'geo.recognize', 'geo.resolve', 'geo.pipeline', 'geo.batch', 'geo.cli'),
    'geo.maps': ('geo.doc', 'geo.recognize', 'geo.resolve', 'geo.pipeline', 'geo.batch', 'geo.cli'),
}


def modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob('*.py'):
            parts = list(path.relative_to(ROOT).with_suffix('').parts)
            if parts[-1] == '__init__':
                parts.pop()
            out['.'.join(parts)] = path
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules a module imports, anywhere in it (functions included)."""
    is_pkg = path.name == '__init__.py'
    here = name.split('.') if is_pkg else name.split('.')[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            mod = '.'.join(base + ([node.module] if node.module else []))
            # `from pkg import sub` imports the submodule when there is one
            targets = [f'{mod}.{a.name}' if f'{mod}.{a.name}' in known else mod for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition('.')[0]
            if t and t != name:
                found.add(t)
    return found


def private_imports() -> list[str]:
    """`from x import _name` across modules: a private name is its module's own business."""
    out = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            if isinstance(node, ast.ImportFrom):
                ours = node.level or (node.module or '').split('.')[0] in PACKAGES
                out += [f'{name}:{node.lineno} {node.module or "."}.{a.name}' for a in node.names
                        if ours and a.name.startswith('_') and not a.name.startswith('__')]
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def layer(name: str) -> int:
    best, rank = -1, None
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (name == p or name.startswith(p + '.')) and len(p) > best:
                best, rank = len(p), i
    assert rank is not None, f'{name}: in no layer; add it to LAYERS'
    return rank


def circles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
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

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles():
    assert circles(graph()) == []


def test_imports_point_down():
    bad = [f'{a} -> {b}' for a, deps in sorted(graph().items()) for b in sorted(deps) if layer(b) > layer(a)]
    assert bad == []


def test_outputs_never_reach_back_into_parsing():
    bad = [f'{a} -> {b}' for a, deps in sorted(graph().items()) for b in sorted(deps)
           for top, banned in NEVER.items() if (a == top or a.startswith(top + '.'))
           and any(b == x or b.startswith(x + '.') for x in banned)]
    assert bad == []


ENTRY_POINTS = {'geo.__main__'}          # `python -m geo` runs the command, as the console script does


def test_nothing_imports_the_cli():
    """Neither the package nor the benchmarks and fuzzers: they run the `geo` command or the API.
    Only an entry point (`python -m geo`) starts the CLI."""
    known = modules()
    scripts = {f'{p.parent.name}.{p.stem}': p for d in ('benchmarks', 'fuzz') for p in (ROOT / d).glob('*.py')}
    deps = graph() | {name: imports(name, path, known) for name, path in scripts.items()}
    bad = [a for a, d in deps.items() if not a.startswith('geo.cli') and a not in ENTRY_POINTS
           and any(b.startswith('geo.cli') for b in d)]
    assert bad == []


def test_no_module_takes_another_s_private_names():
    assert private_imports() == []


@pytest.mark.parametrize('folder', ['gazetteer', 'geo', 'benchmarks', 'fuzz'])
def test_no_module_over_500_lines(folder):
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / folder).rglob('*.py')
            if (n := len(p.read_text(encoding='utf-8').splitlines())) > MAX_LINES}
    assert long == {}


def test_the_walk_sees_function_level_imports():
    """The checks above would be blind without this: an import inside a function is an arrow."""
    g = graph()
    assert 'gazetteer.sources.geonames_cities' in g['geo.recognize.demonyms']   # imported in a function
    assert circles({'a': {'b'}, 'b': {'c'}, 'c': {'a'}, 'd': {'a'}}) == [['a', 'b', 'c']]
