"""What the fuzzing harnesses share: a real index built by the real build code from the test
fixture (tests/fixtures/places.csv) into a temporary folder, and the invariants every result must
keep.  Imported by fuzz/fuzz_*.py (under atheris) and by tests/test_hostile_fuzz_corpus.py (which
replays the kept inputs without atheris)."""
from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))       # run from a checkout: `python fuzz/fuzz_parse.py`

FIXTURE = ROOT / 'tests' / 'fixtures' / 'places.csv'
_ROOT_CACHE: list[Path] = []


def index_root() -> Path:
    """The fixture index, built once per process into a temporary folder."""
    if not _ROOT_CACHE:
        from gazetteer.build import build
        from gazetteer.sources.user import UserFile

        home = Path(tempfile.mkdtemp(prefix='geo-fuzz-'))
        atexit.register(shutil.rmtree, home, True)
        build(home / 'index', sources=[UserFile(FIXTURE)])
        _ROOT_CACHE.append(home / 'index')
    return _ROOT_CACHE[0]


def scratch() -> Path:
    d = Path(tempfile.mkdtemp(prefix='geo-fuzz-files-'))
    atexit.register(shutil.rmtree, d, True)
    return d


def check_result(result, text: str) -> None:
    """Every span points into the text it came from; the record is JSON."""
    import json

    from geo.export.jsonl import dumps

    assert result.text == text
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text), ('span outside the text', m.start, m.end, len(text))
        assert text[m.start:m.end] == m.surface, ('surface is not text[start:end]', m.surface, m.start, m.end)
        assert m.place is None or 0 <= m.place < len(result.places), ('bad place index', m.place)
        assert 0 <= m.sentence[0] <= m.start and m.end <= m.sentence[1] <= len(text), ('sentence', m.sentence)
    for p in result.places:
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, ('coordinates', p.lat, p.lon)
    json.loads(dumps(result))
