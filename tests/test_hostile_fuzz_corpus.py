"""Issue 8: what the fuzzers found, kept for good.  Every input under tests/fixtures/fuzz/ (each
one crashed an earlier version: a traceback, or a broken invariant) and every hand-written seed
under fuzz/seeds/ is replayed through the same check the fuzzing harness runs (fuzz/fuzz_parse.py,
fuzz/fuzz_gazetteer_csv.py), without atheris.  `make fuzz` runs the harnesses themselves."""
from __future__ import annotations

import gc
import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / 'fuzz'
KEPT = Path(__file__).parent / 'fixtures' / 'fuzz'


def _load(name: str):
    sys.path.insert(0, str(FUZZ))
    try:
        spec = importlib.util.spec_from_file_location(name, FUZZ / f'{name}.py')
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(FUZZ))


fuzz_parse = _load('fuzz_parse')
fuzz_gazetteer = _load('fuzz_gazetteer_csv')


def _inputs(kind: str) -> list[Path]:
    return sorted([*(KEPT / kind).iterdir(), *(FUZZ / 'seeds' / kind).iterdir()])


@pytest.fixture(scope='module')
def parser():
    return fuzz_parse.make_parser()


@pytest.mark.parametrize('path', _inputs('parse'), ids=lambda p: f'{p.parent.name}/{p.name}')
def test_parse_inputs(parser, tmp_path, path):
    fuzz_parse.check(parser, path.read_bytes(), tmp_path)


@pytest.mark.parametrize('path', _inputs('gazetteer'), ids=lambda p: f'{p.parent.name}/{p.name}')
def test_gazetteer_inputs(tmp_path, path):
    fuzz_gazetteer.check(path.read_bytes(), tmp_path)


def test_the_kept_inputs_are_there():
    assert len(list((KEPT / 'parse').iterdir())) >= 3 and len(list((KEPT / 'gazetteer').iterdir())) >= 3


def test_opening_many_indexes_does_not_run_out_of_open_files(index_root):
    """Found by fuzz_gazetteer_csv (tests/fixtures/fuzz/gazetteer/open-files-exhausted-after-many-
    indexes): a module-level cache of name features was keyed by the Index, so every index ever
    opened stayed alive with its files open, until `Too many open files` made a good index look
    damaged.  A program that opens a Geoparser per request or per user file must not leak."""
    from gazetteer.index import Index
    from geo.pipeline import Geoparser

    def open_files() -> int:
        return len(os.listdir('/proc/self/fd'))

    if not Path('/proc/self/fd').is_dir():
        pytest.skip('needs /proc to count open files')
    gc.collect()
    before = open_files()
    for _ in range(200):
        gp = Geoparser(index=Index.open(index_root, check_fresh=False))
        gp.parse('Aid reached Mosul and Erbil; وصل الوفد إلى حلب')
    del gp
    gc.collect()
    assert open_files() <= before + 10
