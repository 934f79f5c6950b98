""""Remember this place": a place the analyst pinned goes into the user's own gazetteer, the store
of `geo gazetteer add` (and of `--gazetteer` files kept for good), so the next article finds it by
itself.

The review's places are one CSV in the user folder, `review-places.csv` (the columns of `geo
gazetteer add`: name, names, lat, lon, type, country, parent, id); remembering a place writes the
file again with one more row (a place remembered again under the same name and country replaces
its row) and stores it the way `geo gazetteer add` does: validated, staged, the index rebuilt, the
folder put back if the rebuild fails.  A rebuild of the full index takes a minute or so; the
caller runs it aside, and lays the place over the index it has open meanwhile (`place()`)."""
from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

STORE_NAME = 'review-places.csv'
COLUMNS = ('id', 'name', 'names', 'lat', 'lon', 'type', 'country', 'parent')


def stored_rows() -> list[dict]:
    from gazetteer.paths import user_places_dir

    path = user_places_dir() / STORE_NAME
    if not path.is_file():
        return []
    with open(path, encoding='utf-8', newline='') as f:
        return [dict(r) for r in csv.DictReader(f)]


def bare_name(words: str) -> str:
    """The name in the words decided on, without a leading cue word that is not part of names
    (حي الحويقة -> الحويقة; مخيم الهول and جبل الشيخ keep theirs)."""
    from gazetteer.keys import fold

    from ..lexicon import load

    lex = load('ar' if any('\u0600' <= c <= '\u06ff' for c in words) else 'en')
    parts = ' '.join(words.split()).split(' ')
    for k in (2, 1):
        head = fold(' '.join(parts[:k]))
        if len(parts) > k and head in lex.cues and lex.cues[head] not in lex.cue_in_name:
            rest = parts[k:]
            if len(rest) > 1 and rest[0].lower() == 'of':       # city of Hope
                rest = rest[1:]
            return ' '.join(rest)
    return ' '.join(parts)


def row_of(name: str, place: dict, parent: str = '') -> dict:
    """The CSV row of a place remembered under `name` (the text's spelling, a leading cue word
    left out); the place's other names (the gazetteer's, another script's) become its other
    spellings."""
    from gazetteer.keys import fold

    name = bare_name(name)

    others = [n for n in (place.get('name'), place.get('name_ar')) if n and fold(n) != fold(name)]
    key = f"{fold(name)}|{place.get('country') or ''}"
    import hashlib
    rid = 'review-' + hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:10]
    return {'id': rid, 'name': name, 'names': '|'.join(dict.fromkeys(others)), 'lat': f"{place['lat']:.6f}",
            'lon': f"{place['lon']:.6f}", 'type': place.get('type') or 'landmark', 'country': place.get('country') or '',
            'parent': parent or place.get('admin1') or ''}


def csv_text(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction='ignore', lineterminator='\n')
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def place(row: dict):
    """The gazetteer Place of a row, as an index build would read it (validated: raises
    GazetteerError for a bad row)."""
    from gazetteer.sources.user import read_places

    with tempfile.TemporaryDirectory(prefix='geo-review-') as tmp:
        path = Path(tmp) / STORE_NAME
        path.write_text(csv_text([row]), encoding='utf-8')
        return read_places(path)[0]


def store(row: dict, progress=None) -> Path:
    """Add (or replace) the row in the user's review places and rebuild the index; returns the
    new build's folder."""
    from gazetteer.store import add_file

    rows = [r for r in stored_rows() if r.get('id') != row['id']] + [row]
    with tempfile.TemporaryDirectory(prefix='geo-review-') as tmp:
        path = Path(tmp) / STORE_NAME
        path.write_text(csv_text(rows), encoding='utf-8')
        _, built = add_file(path, progress=progress)
    return built
