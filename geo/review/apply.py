"""Decisions laid over a parser's Result: a decision always wins over the parser for its span.

`apply(result, decisions)` returns a new Result (the parser's is left as it was):
- the parser's mentions that overlap a decided span are dropped;
- a `place` decision puts its mention back with the decided place (confidence 1, source
  'review'), keeping the parser's other candidates as alternatives;
- a `not_place` decision leaves its span without a mention;
- every other mention keeps the parser's place.

A decision is found in the text at its offsets when the words there are the words it was made
on; a text edited since (a newer version of the article) is searched for those words, the
occurrence nearest the old offsets taken; a decision whose words are gone is listed in
`result.meta['review']['lost']` and changes nothing.  Later decisions win over earlier ones they
overlap.  Used by the review app, `geo map --review-db` and `geo batch --review-db`: plain data,
no web code."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Iterable

from gazetteer.keys import fold

from ..model import Candidate, Mention, Place, Result
from ..text.sentences import sentences
from .store import Decision


def locate(text: str, d: Decision) -> tuple[int, int] | None:
    """Where a decision's words are in `text`: at its offsets, else their nearest occurrence."""
    n = len(d.surface)
    if not n:
        return None
    if text[d.start:d.end] == d.surface:
        return d.start, d.end
    best, at = None, text.find(d.surface)
    while at >= 0:
        if best is None or abs(at - d.start) < abs(best - d.start):
            best = at
        at = text.find(d.surface, at + 1)
    return (best, best + n) if best is not None else None


def pin_id(name: str, lat: float, lon: float) -> str:
    """The id of a place the analyst put on the map (not a gazetteer's)."""
    return 'review:' + hashlib.sha1(f'{name}|{lat:.5f}|{lon:.5f}'.encode('utf-8', 'surrogatepass')).hexdigest()[:12]


def decided_place(d: dict, alternatives: Iterable[Candidate] = ()) -> Place:
    """The Place of a decision (a dict checked by store.clean_place)."""
    name = d.get('name') or d.get('name_ar') or ''
    pid = d.get('id') or pin_id(name, d['lat'], d['lon'])
    alts = [a for a in alternatives                 # not the place itself, nor one at its very spot
            if a.id != pid and (abs(a.lat - d['lat']) > 1e-5 or abs(a.lon - d['lon']) > 1e-5)]
    return Place(id=pid, name=name, lat=d['lat'], lon=d['lon'], type=d.get('type') or 'landmark',
                 country=d.get('country') or '', admin1=d.get('admin1') or '', name_ar=d.get('name_ar') or '',
                 geonameid=d.get('geonameid'), population=d.get('population') or 0, confidence=1.0,
                 approximate=bool(d.get('approximate')), uncertainty_km=float(d.get('uncertainty_km') or 0.0),
                 alternatives=alts, source='review')


def _arabic(s: str) -> bool:
    return any('\u0600' <= ch <= '\u06ff' for ch in s)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    return next((s for s in spans if s[0] <= start < s[1]), (start, end))


def apply(result: Result, decisions: Iterable[Decision]) -> Result:
    """A copy of `result` with the decisions applied (see the module's docstring)."""
    text = result.text
    decided: list[tuple[int, int, Decision]] = []
    lost = []
    for d in sorted(decisions, key=lambda d: d.id):
        at = locate(text, d)
        if at is None:
            lost.append(d.id)
            continue
        decided = [x for x in decided if not _overlaps((x[0], x[1]), at)] + [(at[0], at[1], d)]
    out = Result(id=result.id, text=text, lang=result.lang, meta=dict(result.meta))
    entries: list[tuple[int, Mention, Place | None]] = []
    copies: dict[int, Place] = {}
    for m in result.mentions:
        if any(_overlaps((m.start, m.end), (s, e)) for s, e, _ in decided):
            continue
        place = None
        if m.place is not None:
            if m.place not in copies:
                copies[m.place] = replace(result.places[m.place], mentions=[],
                                          alternatives=list(result.places[m.place].alternatives))
            place = copies[m.place]
        entries.append((m.start, replace(m, place=None), place))
    sents = None
    review = {'decisions': [], 'not_place': [], 'lost': lost}
    for s, e, d in decided:
        review['decisions'].append({'id': d.id, 'start': s, 'end': e, 'action': d.action, 'via': d.via,
                                    'time': d.time, 'remembered': d.remembered})
        if d.action != 'place':
            review['not_place'].append([s, e])
            continue
        was = next((m for m in result.mentions if _overlaps((m.start, m.end), (s, e))), None)
        before = result.places[was.place] if was is not None and was.place is not None else None
        alts = ([Candidate(before.id, before.name, before.type, before.country, before.lat, before.lon,
                           before.population, before.confidence, before.geonameid)] + before.alternatives
                if before is not None else [])
        if was is not None and was.start == s and was.end == e:
            sentence = was.sentence
        else:
            sents = sents if sents is not None else sentences(text)
            sentence = _sentence(sents, s, e)
        m = Mention(start=s, end=e, surface=text[s:e], key=fold(text[s:e]), score=1.0, how='review',
                    cue=was.cue if was is not None else '', sentence=sentence)
        place = decided_place(d.place, alts)
        if not place.name_ar and _arabic(m.surface):    # the text's spelling labels it on Arabic maps
            place.name_ar = m.surface
        entries.append((s, m, place))
    entries.sort(key=lambda x: (x[0], x[1].end))
    by_id: dict[str, int] = {}
    for _, m, place in entries:
        out.add(m, place, by_id)
    out.meta['review'] = review
    return out


def place_decisions(result: Result) -> dict[int, list[dict]]:
    """For each place of an applied Result, the decisions on its mentions: {place index: [decision]}."""
    spans = {(d['start'], d['end']): d for d in result.meta.get('review', {}).get('decisions', [])}
    out: dict[int, list[dict]] = {}
    for i, p in enumerate(result.places):
        got = [spans[(result.mentions[k].start, result.mentions[k].end)] for k in p.mentions
               if (result.mentions[k].start, result.mentions[k].end) in spans]
        if got:
            out[i] = got
    return out


def with_decisions(result: Result, store) -> Result:
    """`result` with the decisions a review store (geo.review.store.Store, or None) holds for its
    document applied: what `geo map --review-db` and `geo batch --review-db` draw."""
    if store is None:
        return result
    return apply(result, store.active(result.id))


class Reviewed:
    """A Geoparser whose Results come with a review's decisions applied ({document id:
    [Decision]}, from Store.by_document()); `geo batch --review-db` parses with one."""

    def __init__(self, geoparser, decisions: dict[str, list[Decision]]):
        self.geoparser = geoparser
        self.decisions = decisions

    @property
    def index(self):
        return self.geoparser.index

    def parse(self, text: str, doc_id: str = 'doc', lang: str | None = None) -> Result:
        result = self.geoparser.parse(text, doc_id, lang=lang)
        return apply(result, self.decisions.get(doc_id, [])) if doc_id in self.decisions else result


def digest(decisions: dict[str, list[Decision]]) -> str:
    """A fingerprint of a review's decisions (a batch's --resume refuses when they changed)."""
    h = hashlib.sha1()
    for doc in sorted(decisions):
        for d in decisions[doc]:
            h.update(f'{doc}\x00{d.id}\x00{d.start}\x00{d.end}\x00{d.action}\n'.encode('utf-8', 'surrogatepass'))
    return h.hexdigest()[:16]
