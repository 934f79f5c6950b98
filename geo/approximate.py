"""Names no gazetteer knows, placed at the known place the text ties them to.

The parent is, in order: the known name inside the span (مطار دير الزور -> دير الزور); the place
the text links it to (حي X في مدينة Y, قرية X بريف Y); the city the text means by "the city"
(في المدينة); the last settlement or unit named before it in the same sentence; the document's
most-mentioned city or unit.  An airport cue at a known city becomes the nearest real airport.
The place is flagged approximate, with the parent's extent as its uncertainty radius."""
from __future__ import annotations

import math
from collections import Counter

from gazetteer.index import Index

from .hierarchy import links
from .model import Place
from .recognize import Doc, Span

# uncertainty radius (km) of a place somewhere inside a parent of this type
RADIUS_KM = {'neighbourhood': 2.0, 'village': 3.0, 'town': 5.0, 'city': 8.0, 'admin2': 30.0, 'admin1': 80.0,
             'region': 300.0, 'country': 300.0, 'airport': 3.0, 'landmark': 2.0, 'facility': 2.0}
PARENT_TYPES = frozenset({'city', 'town', 'village', 'admin1', 'admin2', 'neighbourhood'})
CITY_WORDS = frozenset({'المدينه', 'للمدينه', 'بالمدينه', 'والمدينه', 'المدينة', 'the city', 'city'})


def radius_km(parent: Place) -> float:
    r = RADIUS_KM.get(parent.type, 10.0)
    if parent.type == 'city' and parent.population > 500_000:
        r = 12.0 + 4.0 * math.log10(parent.population / 500_000 + 1)
    return r


def main_place(places: list[Place | None], types=('city', 'town')) -> Place | None:
    count = Counter(p.id for p in places if p is not None and p.type in types and not p.approximate)
    if not count:
        return None
    best = count.most_common(1)[0][0]
    return next(p for p in places if p is not None and p.id == best)


def _previous(places: list[Place | None], spans: list[Span], i: int, sentence_start: int) -> Place | None:
    for k in range(i - 1, -1, -1):
        if spans[k].end < sentence_start:
            break
        p = places[k]
        if p is not None and not p.approximate and p.type in PARENT_TYPES:
            return p
    return None


def _sentence_start(doc: Doc, pos: int) -> int:
    cut = max(doc.text.rfind(ch, 0, pos) for ch in '.!?؟\n')
    return cut + 1


def nearest_airport(index: Index, parent: Place) -> Place | None:
    from .resolve import to_place

    found = index.near(parent.lat, parent.lon, radius_km=40.0, limit=1, types=('airport',))
    if not found:
        return None
    ap, _ = found[0]
    row = index.row_of(ap.id)
    return to_place(index, row, 0.7) if row is not None else None


def place_unresolved(index: Index, doc: Doc, spans: list[Span], places: list[Place | None]) -> None:
    """Fill places[i] for spans without candidates that the text ties to a known place."""
    from .resolve import score_candidates, to_place

    link = links(doc, spans)
    city = main_place(places)
    unit = main_place(places, ('admin1', 'admin2'))
    for i, span in enumerate(spans):
        if places[i] is not None:
            continue
        parent = None
        if span.parent_rows:
            inner = Span(0, 0, 0, 0, span.parent_key, rows=span.parent_rows)
            same = [p for s, p in zip(spans, places) if p is not None and s.key == span.parent_key]
            if same:
                parent = same[0]
            else:
                cands = score_candidates(index, inner, doc.lang)
                if cands:
                    focus = {p.country for p in places if p is not None}
                    top = max(cands, key=lambda c: c.prior + (3.0 if c.core.country in focus else 0.0))
                    parent = to_place(index, top.row, 0.5)
            if parent is not None and span.implied_type == 'airport':
                airport = nearest_airport(index, parent)
                if airport is not None:
                    places[i] = airport
                    continue
        if parent is None and link[i] is not None and places[link[i]] is not None:
            parent = places[link[i]]
        if parent is None and _mentions_the_city(doc, span) and city is not None:
            parent = city
        if parent is None:
            parent = _previous(places, spans, i, _sentence_start(doc, span.start))
        if parent is None and span.cue:
            parent = city or unit
        if parent is None:
            continue
        places[i] = Place(
            id=f'approx:{span.key}@{parent.id}', name=span.key, lat=parent.lat, lon=parent.lon,
            type=span.implied_type if span.implied_type not in ('countryside', '') else 'place',
            country=parent.country, admin1=parent.admin1, confidence=round(0.6 * max(parent.confidence, 0.5), 3),
            approximate=True, uncertainty_km=radius_km(parent), source=f'near {parent.name}')


def _mentions_the_city(doc: Doc, span: Span) -> bool:
    """"... في المدينة" right after the span: the document's city is meant."""
    after = doc.text[span.end:span.end + 40]
    return any(w in after for w in ('المدينة', 'the city'))
