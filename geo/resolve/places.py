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
    # Place's fields in order (positional: a fifth less time than by name): id, name, lat, lon,
    # type, country, admin1, name_ar, geonameid, population, confidence, approximate,
    # uncertainty_km, bbox, mentions, alternatives, source
    return Place(p.id, p.name, p.lat, p.lon, p.type, p.country, p.admin1, p.name_ar, p.geonameid, p.population,
                 round(confidence, 3), False, 0.0, p.bbox, [], [], p.source)


def candidate_of(index: Index, c: Scored) -> Candidate:
    p, core = index.label(c.row), c.core
    # id, name, type, country, lat, lon, population, score, geonameid
    return Candidate(p.id, p.name, core.type, core.country, core.lat, core.lon, core.population, round(c.prob, 3),
                     p.geonameid)


def places(doc: Doc, max_alternatives: int = MAX_ALTERNATIVES) -> None:
    """Stage: Span.place of every mention that has candidates."""
    index, mentions, arabic = doc.index, doc.mentions, doc.lang == 'ar'
    for g in doc.groups:
        cands = g.cands
        top = cands[0]
        p = place_of(index, top.row, top.prob)
        if len(cands) > 1:
            p.alternatives = [candidate_of(index, c) for c in cands[1:1 + max_alternatives]]
        for i in g.spans:
            mentions[i].place = p
        if arabic and not p.name_ar:
            p.name_ar = arabic_label(doc, [mentions[i] for i in g.spans])


def arabic_label(doc: Doc, spans) -> str:
    """The first of the spans written in Arabic, as the text writes it ('' when none is)."""
    for s in spans:
        surface = doc.text[s.start:s.end]
        if is_arabic(surface):
            return surface.strip(LABEL_QUOTES + '#')
    return ''
