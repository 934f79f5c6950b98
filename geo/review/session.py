"""The documents of a review and what the page shows of each.

A Review reads its input once (a document, a folder of them, a JSON Lines file), parses each
document the first time it is asked for (then keeps the parser's Result), and lays the stored
decisions over it (geo.review.apply) every time it is shown, so a decision is on the page as soon
as it is stored.  Documents are named by their number in the input, never by a path."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Result
from .apply import apply, pin_id
from .store import Decision, Store, clean_place

LOW_CONFIDENCE = 0.6        # a place the resolver is less sure of is an open question
MAX_SEARCH = 12


@dataclass
class Document:
    n: int
    id: str
    text: str | None
    meta: dict = field(default_factory=dict)
    error: str | None = None


def is_open(result: Result, k: int, decided: set) -> bool:
    """Is the k-th mention an open question: not decided yet, and unresolved, approximate or
    resolved with a low confidence."""
    m = result.mentions[k]
    if (m.start, m.end) in decided:
        return False
    if m.place is None:
        return True
    p = result.places[m.place]
    return p.approximate or p.confidence < LOW_CONFIDENCE


def country_at(lat: float, lon: float) -> str:
    """The ISO code of the country at a point (Natural Earth's outlines), '' at sea or on a border."""
    from ..maps.basemap import countries_in

    d = 1e-4
    codes = {str(c) for c in countries_in((lon - d, lat - d, lon + d, lat + d)).iso2 if c and str(c) != '-99'}
    return codes.pop() if len(codes) == 1 else ''


class Review:
    def __init__(self, documents: list[Document], store: Store, geoparser, lang: str | None = None):
        self.documents = documents
        self.store = store
        self.gp = geoparser
        self.lang = lang
        self._parsed: dict[int, Result] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_input(cls, source: Path, store: Store, geoparser, lang: str | None = None) -> 'Review':
        from ..inputs import iter_items

        docs = [Document(n, it.id, it.text, dict(it.meta), it.error) for n, it in enumerate(iter_items(source))]
        return cls(docs, store, geoparser, lang)

    # --- the parser's and the reviewed Results ---------------------------------------------------

    def document(self, n: int) -> Document:
        if not 0 <= n < len(self.documents):
            raise KeyError(n)
        return self.documents[n]

    def parsed(self, n: int) -> Result:
        doc = self.document(n)
        if doc.text is None:
            raise KeyError(n)
        with self._lock:
            got = self._parsed.get(n)
            if got is None:
                got = self._parsed[n] = self.gp.parse(doc.text, doc.id, lang=self.lang)
                if doc.meta.get('offsets'):     # what the offsets count (an HTML file's text), as geo parse says
                    got.meta['offsets'] = doc.meta['offsets']
        return got

    def remember(self, place) -> None:
        """Lay a gazetteer Place over the open index at once (the user's store gets it for good
        aside, geo.review.remember) and forget the parser's Results: the next views parse again."""
        with self._lock:
            self.gp.index.add_places([place])
            self._parsed.clear()

    def reviewed(self, n: int) -> Result:
        return apply(self.parsed(n), self.store.active(self.document(n).id))

    # --- what the page shows ---------------------------------------------------------------------

    def summary(self) -> list[dict]:
        counts = self.store.counts()
        out = []
        for doc in self.documents:
            row = {'n': doc.n, 'id': doc.id, 'title': doc.meta.get('title') or doc.id, 'error': doc.error}
            if doc.text is not None:
                r = self.reviewed(doc.n)
                decided = {(d['start'], d['end']) for d in r.meta['review']['decisions']}
                row.update(places=len(r.places), names=len(r.mentions), decisions=counts.get(doc.id, 0),
                           open=sum(is_open(r, k, decided) for k in range(len(r.mentions))))
                from ..outputs import map_title
                row['title'] = map_title(r, doc.meta)
            out.append(row)
        return out

    def view(self, n: int) -> dict:
        from ..maps import style
        from ..maps.html_panel import symbol_svg
        from ..maps.spelling import as_written
        from ..outputs import map_title

        doc = self.document(n)
        r = as_written(self.reviewed(n))
        review = r.meta['review']
        by_span = {(d['start'], d['end']): d for d in review['decisions']}
        from gazetteer.keys import fold

        same: dict[str, int] = {}
        for m in r.mentions:
            same[fold(m.surface)] = same.get(fold(m.surface), 0) + 1
        mentions = []
        for k, m in enumerate(r.mentions):
            mentions.append({'k': k, 'start': m.start, 'end': m.end, 'text': m.surface, 'place': m.place,
                             'same': same[fold(m.surface)],
                             'score': m.score, 'how': m.how, 'open': is_open(r, k, set(by_span)),
                             'decision': by_span.get((m.start, m.end))})
        places = []
        for i, p in enumerate(r.places):
            size = round(style.size_pt(p) * 1.45)
            places.append({
                'i': i, 'id': p.id, 'name': p.name, 'name_ar': p.name_ar, 'type': p.type,
                'type_name': style.type_name(p.type, 'ar' if r.lang == 'ar' else 'en'), 'country': p.country,
                'admin1': p.admin1, 'lat': p.lat, 'lon': p.lon, 'confidence': round(p.confidence, 3),
                'approximate': p.approximate, 'uncertainty_km': p.uncertainty_km, 'geonameid': p.geonameid,
                'population': p.population, 'source': p.source, 'colour': style.colour(p.type),
                'rank': style.TYPE_RANK.get(p.type, 9),
                'label': style.area_label(p, style.resolve_label_lang(None, r.lang)).replace('\n', ' / '),
                'size': size, 'svg': symbol_svg(p.type, size, style.colour(p.type), hollow=p.approximate,
                                                opacity=style.alpha(p)),
                'mentions': list(p.mentions),
                'candidates': [dict(a.to_dict(), score=round(a.score, 3)) for a in p.alternatives[:8]],
            })
        rejected = [{'start': s, 'end': e, 'text': r.text[s:e]} for s, e in review['not_place']]
        return {'n': n, 'id': doc.id, 'title': map_title(r, doc.meta), 'lang': r.lang,
                'dir': 'rtl' if r.lang == 'ar' else 'ltr', 'text': r.text, 'mentions': mentions, 'places': places,
                'rejected': rejected, 'lost': len(review['lost']), 'decisions': len(review['decisions']),
                'can_undo': any(not d.undone for d in self.store.history(doc.id))}

    # --- what the analyst does -------------------------------------------------------------------

    def decide(self, n: int, start: int, end: int, action: str, place: dict | None = None,
               via: str = '', every: bool = False) -> list[Decision]:
        """Store a decision on a span of document n, and with `every` on each other mention of the
        same name (the same folded words).  Raises ValueError for a span outside the text, a span
        of white space, or a bad place."""
        from gazetteer.keys import fold

        doc = self.document(n)
        if doc.text is None:
            raise KeyError(n)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text)):
            raise ValueError('the span is not in the text')
        surface = doc.text[start:end]
        if not surface.strip():
            raise ValueError('the span holds no word')
        if action == 'place':
            place = clean_place(place)
            if not place['country']:
                place['country'] = country_at(place['lat'], place['lon'])
            if not place.get('id'):
                place['id'] = pin_id(place['name'] or place['name_ar'], place['lat'], place['lon'])
        spans = [(start, end, surface)]
        if every:
            key = fold(surface)
            spans += [(m.start, m.end, m.surface) for m in self.reviewed(n).mentions
                      if (m.start, m.end) != (start, end) and fold(m.surface) == key]
        return self.store.add_many(doc.id, spans, action, place, via)

    def undo(self, n: int) -> Decision | None:
        return self.store.undo(self.document(n).id)

    def search(self, query: str, limit: int = MAX_SEARCH) -> list[dict]:
        """The gazetteer's best places for a name, in either script, exact first then fuzzy."""
        from ..gazetteer_admin.lookup import lookup

        query = ' '.join(str(query).split())[:100]
        if not query:
            return []
        with self._lock:            # the index's memos are not shared with a parse in another thread
            return lookup(self.gp.index, query, limit)
