"""Stage `approximate`: names no gazetteer knows, placed at the known place the text ties them to.

The parent is, in order: the known name inside the span (مطار دير الزور -> دير الزور); the place
the text links it to (حي X في مدينة Y, قرية X بريف Y); the city the text means by "the city"
(في المدينة), and for a neighbourhood or a landmark the document's most-mentioned city; the
known place named nearest to it in the same sentence; the document's most-mentioned city or
unit.  A name met twice is one place.  An airport cue at a known city becomes the airport that serves it.
The place is flagged approximate, with the parent's extent as its uncertainty radius."""
from __future__ import annotations

import bisect
import math
from collections import Counter
from functools import cached_property
from itertools import accumulate

from gazetteer.index import Index
from gazetteer.keys import fold

from ..doc import Doc, Span
from ..model import Place
from .candidates import score_candidates
from .inside import named_inside, within
from .places import LABEL_QUOTES, arabic_label, place_of

# uncertainty radius (km) of a place somewhere inside a parent of this type
RADIUS_KM = {'neighbourhood': 2.0, 'village': 3.0, 'town': 5.0, 'city': 8.0, 'admin2': 30.0, 'admin1': 80.0,
             'region': 300.0, 'country': 300.0, 'airport': 3.0, 'landmark': 2.0, 'facility': 2.0}
PARENT_TYPES = frozenset({'city', 'town', 'village', 'admin1', 'admin2', 'neighbourhood'})
SETTLEMENTS = frozenset({'city', 'town', 'village'})
# a cue of these types names the place a name inside its parent means, not something in it
THE_PLACE = PARENT_TYPES | {'', 'countryside'}
# what lies inside a settlement: its parent must be one (the document's city when none is near)
URBAN = frozenset({'neighbourhood', 'landmark'})
# how far from its parent a feature of this kind may lie (km): an oil field is not in the town
# that gives it its name
FEATURE_KM = {'oilfield': 40.0, 'airport': 15.0, 'camp': 10.0, 'crossing': 20.0, 'mountain': 20.0,
              'water': 30.0, 'facility': 5.0, 'island': 20.0}


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


class _Where:
    """Where the mentions are, for lookups that must not scan every mention (long texts): their
    starts, the running maximum of their ends, and the mentions of each key."""

    def __init__(self, spans: list[Span]):
        self.starts = [s.start for s in spans]
        self.max_end = list(accumulate([s.end for s in spans], max))
        self.by_key: dict[str, list[int]] = {}
        for k, s in enumerate(spans):
            self.by_key.setdefault(s.key, []).append(k)

    def between(self, lo: int, hi: int) -> range:
        """Indices of the mentions that may overlap [lo, hi), in order."""
        return range(bisect.bisect_right(self.max_end, lo), bisect.bisect_left(self.starts, hi))


class _Known:
    """What the places found before this stage say, worked out when first asked: where the
    mentions are, and the document's most-mentioned city and unit."""

    def __init__(self, spans: list[Span], places: list[Place | None]):
        self.spans, self.places = spans, list(places)

    @cached_property
    def where(self) -> _Where:
        return _Where(self.spans)

    @cached_property
    def city(self) -> Place | None:
        return main_place(self.places)

    @cached_property
    def unit(self) -> Place | None:
        return main_place(self.places, ('admin1', 'admin2'))


def _nearest_in_sentence(doc: Doc, places: list[Place | None], spans: list[Span], i: int,
                         types: frozenset[str], where: _Where) -> Place | None:
    """The known place of the requested types named closest to span i in its sentence."""
    lo, hi = doc.sentence(spans[i].start)
    best, gap = None, None
    for k in where.between(lo, hi):
        p = places[k]
        if k == i or p is None or p.approximate or p.type not in types:
            continue
        s = spans[k]
        if s.end <= lo or s.start >= hi:
            continue
        d = spans[i].start - s.end if s.end <= spans[i].start else s.start - spans[i].end
        if gap is None or d < gap:
            best, gap = p, d
    return best


def nearest_airport(index: Index, parent: Place) -> Place | None:
    """"The airport of X": of the airports within 40 km of X, the one that serves X by name, else
    one with an IATA code (a civil airport, not an air strip or a base), else the nearest.  Its
    row is kept in index.derived per (point, names) of X: the same cities' airports recur."""
    memo = index.derived.get(_AIRPORTS)
    if memo is None or len(memo) >= AIRPORTS_MAX:
        memo = index.derived[_AIRPORTS] = {}
    key = (parent.lat, parent.lon, parent.name, parent.name_ar)
    row = memo.get(key, False)
    if row is False:
        row = memo[key] = _airport_row(index, parent)
    return place_of(index, row, 0.7) if row is not None else None


# the most cities whose airport is kept, and its key in index.derived
AIRPORTS_MAX = 10_000
_AIRPORTS = (__name__, 'airports')


def _airport_row(index: Index, parent: Place) -> int | None:
    found = index.near(parent.lat, parent.lon, radius_km=40.0, limit=8, types=('airport',))
    if not found:
        return None
    names = {fold(n) for n in (parent.name, parent.name_ar) if n}

    def rank(item):
        ap, d = item
        serves = bool(ap.parent) and fold(ap.parent) in names
        return (not serves, not ap.extra.get('iata'), d)
    ap, _ = min(found, key=rank)
    return index.row_of(ap.id)


def approximate(doc: Doc) -> None:
    """Stage: Span.place of the mentions without candidates that the text ties to a known place."""
    spans = doc.mentions
    places = [s.place for s in spans]
    if all(p is not None for p in places):      # every mention placed (most texts): nothing to do
        return
    _place_unresolved(doc.index, doc, spans, places)
    for s, p in zip(spans, places):
        s.place = p


def _place_unresolved(index: Index, doc: Doc, spans: list[Span], places: list[Place | None]) -> None:
    """Fill places[i] for spans without candidates that the text ties to a known place."""
    placed: dict[str, Place] = {}
    known = _Known(spans, places)
    for i, span in enumerate(spans):
        if places[i] is not None:
            continue
        if span.key in placed:           # the same name twice in a text is one place (named as last written)
            places[i] = placed[span.key]
            if places[i].approximate:
                places[i].name = doc.text[span.start:span.end].strip(LABEL_QUOTES)
                if doc.lang == 'ar':
                    places[i].name_ar = places[i].name
            continue
        parent = None
        if span.parent_rows:
            inner = Span(0, 0, 0, 0, span.parent_key, rows=span.parent_rows)
            same = next((places[k] for k in known.where.by_key.get(span.parent_key, ()) if places[k] is not None), None)
            if same is not None:
                parent = same
            else:
                cands = score_candidates(index, inner, doc.lang)
                linked = places[span.parent] if span.parent is not None else None
                if linked is not None:   # مطار سان خوسه بولاية كاليفورنيا: the one inside the place the text names
                    cands = [c for c in cands if within(c.core, linked)]
                    if not cands:        # (none there: San Jose, as California's is called in English)
                        row = named_inside(index, span.parent_key, span.parent_rows, linked)
                        parent = place_of(index, row, 0.5) if row is not None else None
                if cands:
                    focus = {p.country for p in places if p is not None}
                    top = max(cands, key=lambda c: c.prior + (3.0 if c.core.country in focus else 0.0))
                    parent = place_of(index, top.row, 0.5)
            if parent is not None and span.implied_type == 'airport':
                airport = nearest_airport(index, parent)
                if airport is not None:
                    if doc.lang == 'ar' and not airport.name_ar:
                        airport.name_ar = arabic_label(doc, [span])
                    places[i] = airport
                    continue
        kind = span.implied_type
        link = span.parent
        if parent is None and link is not None and places[link] is not None:
            parent = places[link]
        if link is not None and parent is not None and parent is places[link] and not span.parent_rows:
            row = named_inside(index, _name_key(doc, span), (), parent)    # منطقة سالزبيري في بريطانيا
            if row is not None:
                found = place_of(index, row, 0.6 * max(parent.confidence, 0.5))
                if kind in THE_PLACE:
                    places[i] = placed[span.key] = found
                    continue
                parent = found          # سجن ليفينوورث بولاية كانساس: the prison is at the town
        if parent is None and (kind in URBAN or _mentions_the_city(doc, span)) and known.city is not None:
            parent = known.city          # a neighbourhood is in the document's city unless linked
        if parent is None:
            types = SETTLEMENTS if kind in URBAN else PARENT_TYPES
            parent = _nearest_in_sentence(doc, places, spans, i, types, known.where)
        if parent is None and span.cue:
            parent = known.city or known.unit
        if parent is None:
            continue
        name = doc.text[span.start:span.end].strip(LABEL_QUOTES)     # as the text writes it
        places[i] = Place(
            id=f'approx:{span.key}@{parent.id}', name=name, name_ar=name if doc.lang == 'ar' else '', lat=parent.lat, lon=parent.lon,
            type=span.implied_type if span.implied_type not in ('countryside', '') else 'place',
            country=parent.country, admin1=parent.admin1, confidence=round(0.6 * max(parent.confidence, 0.5), 3),
            approximate=True, uncertainty_km=max(radius_km(parent), FEATURE_KM.get(kind, 0.0)),
            source=f'near {parent.name}')
        placed[span.key] = places[i]


def _name_key(doc: Doc, span: Span) -> str:
    """The key of a cue span's name, without its cue word."""
    return ' '.join(doc.keys[span.name_i:span.j]) if span.i < span.name_i < span.j else span.key


def _mentions_the_city(doc: Doc, span: Span) -> bool:
    """"... في المدينة" right after the span: the document's city is meant."""
    after = doc.text[span.end:span.end + 40]
    return any(w in after for w in ('المدينة', 'the city'))
