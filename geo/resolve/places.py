"""Stage `places`: each mention of a group gets the group's best candidate as its Place (one
object per group: one decision), with its confidence and the next candidates as alternatives.
In Arabic text a place whose source has no Arabic name is labelled as the text writes it
(مطار دمشق: airportsdata has no Arabic names).

`place_of` is the one conversion from an index row to the Place a Result carries."""
from __future__ import annotations

from gazetteer.index import Index
from gazetteer.keys import is_arabic

from ..doc import Doc
from ..model import Candidate, Place
from .candidates import Scored

MAX_ALTERNATIVES = 3
LABEL_QUOTES = '"\'«» '


def place_of(index: Index, row: int, confidence: float) -> Place:
    p = index.label(row)     # not index.place: the name lists are not shown and cost most to read
    return Place(id=p.id, name=p.name, lat=p.lat, lon=p.lon, type=p.type, country=p.country, admin1=p.admin1,
                 name_ar=p.name_ar, geonameid=p.geonameid, population=p.population,
                 confidence=round(confidence, 3), bbox=p.bbox, source=p.source)


def candidate_of(index: Index, c: Scored) -> Candidate:
    p = index.label(c.row)
    return Candidate(id=p.id, name=p.name, type=c.core.type, country=c.core.country, lat=c.core.lat,
                     lon=c.core.lon, population=c.core.population, score=round(c.prob, 3), geonameid=p.geonameid)


def places(doc: Doc, max_alternatives: int = MAX_ALTERNATIVES) -> None:
    """Stage: Span.place of every mention that has candidates."""
    for g in doc.groups:
        top = g.cands[0]
        p = place_of(doc.index, top.row, top.prob)
        p.alternatives = [candidate_of(doc.index, c) for c in g.cands[1:1 + max_alternatives]]
        for i in g.spans:
            doc.mentions[i].place = p
        if doc.lang == 'ar' and not p.name_ar:
            p.name_ar = arabic_label(doc, [doc.mentions[i] for i in g.spans])


def arabic_label(doc: Doc, spans) -> str:
    """The first of the spans written in Arabic, as the text writes it ('' when none is)."""
    for s in spans:
        surface = doc.text[s.start:s.end]
        if is_arabic(surface):
            return surface.strip(LABEL_QUOTES + '#')
    return ''
