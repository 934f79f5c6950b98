"""One JSON object per document, in the prediction format of the evaluation scorer, with our
own fields added per toponym (name, type, country, confidence, geonameid, alternatives...)."""
from __future__ import annotations

import json

from ..model import Result


def toponyms(result: Result) -> list[dict]:
    out = []
    for m in result.mentions:
        t = {'start': m.start, 'end': m.end, 'text': m.surface, 'lat': None, 'lon': None,
             'resolved': m.place is not None, 'score': m.score, 'how': m.how}
        if m.page is not None:          # a paged source (PDF): the page the name is on
            t['page'] = m.page
        if m.cue:
            t['cue'] = m.cue
        if m.place is not None:
            p = result.places[m.place]
            t.update(lat=round(p.lat, 6), lon=round(p.lon, 6), name=p.name, name_ar=p.name_ar, type=p.type,
                     country=p.country, admin1=p.admin1, confidence=p.confidence, id=p.id)
            if p.geonameid:
                t['geonameid'] = p.geonameid
            if p.approximate:
                t['approximate'] = True
                t['uncertainty_km'] = p.uncertainty_km
            if p.alternatives:
                t['alternatives'] = [{'id': a.id, 'name': a.name, 'type': a.type, 'country': a.country,
                                      'lat': round(a.lat, 6), 'lon': round(a.lon, 6), 'score': a.score}
                                     for a in p.alternatives]
        out.append(t)
    return out


def record(result: Result) -> dict:
    rec = {'id': result.id, 'lang': result.lang, 'toponyms': toponyms(result)}
    if result.meta.get('offsets'):      # 'html-text', 'pdf-text' ...: what text the offsets count
        rec['offsets'] = result.meta['offsets']
    if result.meta.get('url'):          # where the document came from (a fetched article, a record's url)
        rec['url'] = result.meta['url']
    return rec


def dumps(result: Result) -> str:
    return json.dumps(record(result), ensure_ascii=False)
