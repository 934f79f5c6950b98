"""Fuzzing harness for reading user gazetteer files (atheris, coverage-guided).  Run by
`make fuzz` for a bounded time; by hand:
`.venv/bin/python fuzz/fuzz_gazetteer_csv.py fuzz/work/gazetteer fuzz/seeds/gazetteer -max_total_time=60`.

One input is one file.  Its first byte picks the name it is saved under (places.csv, .tsv or
.geojson); gazetteer.sources.user.read_places reads it.  Allowed outcomes: valid places (latitude
-90..90, longitude -180..180 with the antimeridian as 180, a name that folds to a key, unique
ids), each then laid over the fixture index and found in a sentence with exact offsets; or a
GazetteerError whose every line is `FILE:LINE: what` or `FILE: what`.  Anything else is a
finding: libFuzzer keeps the input in fuzz/crashes/; fix the code and copy the input to
tests/fixtures/fuzz/gazetteer/, where tests/test_hostile_fuzz_corpus.py replays it for good."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _harness  # noqa: E402

SUFFIXES = ('.csv', '.tsv', '.geojson')


def check(data: bytes, folder: Path) -> None:
    from gazetteer.errors import GazetteerError
    from gazetteer.index import Index
    from gazetteer.keys import fold
    from gazetteer.sources.user import read_places
    from geo.pipeline import Geoparser

    if not data:
        return
    path = folder / f'places{SUFFIXES[data[0] % 3]}'
    path.write_bytes(data[1:])
    try:
        places = read_places(path)
    except GazetteerError as e:
        for line in str(e).splitlines():
            assert line.startswith(f'{path}:'), line
        return
    assert places
    assert len({p.id for p in places}) == len(places), 'duplicate ids'
    for p in places:
        assert -90 <= p.lat <= 90 and -180 < p.lon <= 180, (p.lat, p.lon)
        assert fold(p.name) or any(fold(n) for n in p.names), p
    gp = Geoparser(index=Index.open(_harness.index_root(), overlay=places, check_fresh=False))
    for p in places[:3]:
        for template in ('وصل الوفد إلى {} صباح اليوم.', 'Aid reached {} on Monday.'):
            text = template.format(p.name)
            _harness.check_result(gp.parse(text, 'fuzz'), text)


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=['geo', 'gazetteer']):
        import gazetteer.index  # noqa: F401
        import gazetteer.sources.user  # noqa: F401
        import gazetteer.textio  # noqa: F401
        import geo.pipeline  # noqa: F401
    _harness.index_root()
    folder = _harness.scratch()
    atheris.Setup(sys.argv, lambda data: check(data, folder))
    atheris.Fuzz()


if __name__ == '__main__':
    main()
