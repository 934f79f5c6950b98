"""The map and export code is a one-way stack: its modules import each other in no circle
(function-level imports included), never import a private name of another module, and never
reach up into recognition, resolution, the pipeline, batch or the CLI: they read Results."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / 'geo' / 'maps').glob('*.py')) + sorted((ROOT / 'geo' / 'export').glob('*.py')) \
    + [ROOT / 'geo' / 'outputs.py']
# what the outputs may read besides themselves: the Result's classes, the errors, and the gazetteer
# package below all of geo (the batch's per-place aggregate reaches them as an argument)
BELOW = ('geo.maps', 'geo.export', 'geo.outputs', 'geo.model', 'geo.placetypes', 'geo.errors', 'gazetteer')


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix('').parts)
    return '.'.join(parts[:-1] if parts[-1] == '__init__' else parts)


def _imports(path: Path):
    """(imported module or module.name, line, private?) of every import in the file."""
    mod = _module(path)
    package = mod if path.name == '__init__.py' else mod.rsplit('.', 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, node.lineno, False
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split('.')[:len(package.split('.')) - node.level + 1]
                full = '.'.join(base + ([node.module] if node.module else []))
            else:
                full = node.module
            yield full, node.lineno, False
            for a in node.names:
                yield f'{full}.{a.name}', node.lineno, a.name.startswith('_')


def _graph():
    mods = {_module(p): p for p in FILES}
    edges, problems = {m: set() for m in mods}, []
    for mod, path in mods.items():
        for target, line, private in _imports(path):
            ours = target == 'geo' or target.startswith(('geo.', 'gazetteer.')) or target == 'gazetteer'
            if not ours:
                continue
            if private:
                problems.append(f'{mod}:{line} imports the private {target}')
            if not target.startswith(BELOW):
                problems.append(f'{mod}:{line} imports {target}, above the outputs')
            for m in mods:
                if m != mod and (target == m or target.startswith(m + '.')) and m not in ('geo.maps', 'geo.export'):
                    edges[mod].add(m)
    return edges, problems


def test_outputs_import_nothing_above_them_and_no_private_names():
    _, problems = _graph()
    assert not problems, '\n'.join(problems)


def test_no_import_circles_in_maps_and_export():
    edges, _ = _graph()
    seen, on_path, circles = set(), [], []

    def visit(m):
        if m in on_path:
            circles.append(on_path[on_path.index(m):] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        on_path.append(m)
        for n in sorted(edges[m]):
            visit(n)
        on_path.pop()

    for m in sorted(edges):
        visit(m)
    assert not circles, ' ; '.join(' -> '.join(c) for c in circles)


def test_modules_stay_short():
    long = [f'{p.relative_to(ROOT)}: {n}' for p in FILES if (n := len(p.read_text(encoding='utf-8').splitlines())) > 500]
    assert not long, long
