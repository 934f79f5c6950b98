"""The decisions of a review as gold JSON Lines, the format `geo eval` reads (the evaluation
scorer's): one document a line, {"id", "text", "toponyms": [{"start", "end", "text", "lat", "lon",
"geonameid"?, "tolerance_km"?}], "not_toponyms": [{"start", "end", "text"}], "optional": [...]}.

From a document's reviewed Result (geo.review.apply):
- a name the analyst placed (a candidate, a search, the map, a name added) is a toponym at that
  place; one placed only approximately (a neighbourhood at its city) carries its uncertainty as
  `tolerance_km`;
- a name marked "Not a place" is a not_toponym (a false friend the parser should not tag);
- a name the parser placed and the analyst left as it was is a toponym where the parser put it
  (the analyst saw it and let it stand), or, with `decided_only`, an optional span (neither
  credited nor penalised); a name the parser found but could not place is optional.
Only documents with at least one decision are written: the others were not reviewed."""
from __future__ import annotations

import json
from typing import Iterable

from ..model import Result


def gold_record(result: Result, decided_only: bool = False) -> dict:
    review = result.meta.get('review', {})
    decided = {(d['start'], d['end']) for d in review.get('decisions', [])}
    toponyms, optional = [], []
    for m in result.mentions:
        span = {'start': m.start, 'end': m.end, 'text': m.surface}
        ours = (m.start, m.end) in decided
        if m.place is None or (decided_only and not ours):
            optional.append(span)
            continue
        p = result.places[m.place]
        t = dict(span, lat=round(p.lat, 6), lon=round(p.lon, 6))
        if p.geonameid:
            t['geonameid'] = p.geonameid
        if p.approximate and p.uncertainty_km:
            t['tolerance_km'] = round(max(p.uncertainty_km, 1.0), 1)
        toponyms.append(t)
    not_toponyms = [{'start': s, 'end': e, 'text': result.text[s:e]} for s, e in review.get('not_place', [])]
    return {'id': result.id, 'text': result.text, 'toponyms': toponyms, 'not_toponyms': not_toponyms,
            'optional': optional}


def dumps(results: Iterable[Result], decided_only: bool = False) -> str:
    """The gold JSON Lines of the reviewed documents (those with decisions)."""
    lines = [json.dumps(gold_record(r, decided_only), ensure_ascii=False) for r in results
             if r.meta.get('review', {}).get('decisions')]
    return ''.join(line + '\n' for line in lines)
