"""The place inside a unit the text names that a name means when the gazetteer knows the name only
elsewhere, or not at all: مطار سان خوسه بولاية كاليفورنيا, منطقة سالزبيري في بريطانيا.

Two readings, tried only inside the place the text links the name to (never anywhere on Earth,
where a loose reading is more often a namesake than the place meant):
- the same name in another language: the gazetteer's سان خوسه is San José in Costa Rica, and
  California has a San Jose (its Arabic name there is another spelling, سان هوزيه);
- a spelling with one long vowel more or fewer (geo.recognize.vowel_variants): سالزبيري is the
  gazetteer's سالزبري, Salisbury in England.
The most populous place found wins."""
from __future__ import annotations

from gazetteer.geodesy import km
from gazetteer.index import Index
from gazetteer.keys import fold

from ..model import Place
from ..recognize.vowel_variants import one_vowel_apart

# how far from the point of the place the text puts a name in that name's place may lie (km)
LINKED_KM = {'admin1': 800.0, 'admin2': 150.0, 'region': 1500.0, 'city': 40.0}


def within(core, place: Place) -> bool:
    """Does a candidate lie in the place the text puts it in (its country; a province's reach;
    a city's)?"""
    if core.country != place.country:
        return False
    if place.type == 'country':
        return True
    reach = LINKED_KM.get(place.type, LINKED_KM['city'])
    return km(core.lat, core.lon, place.lat, place.lon) <= reach


def named_inside(index: Index, key: str, rows, parent: Place) -> int | None:
    """The row of the place inside `parent` that `key` names by another language's name of one of
    its candidates `rows` (none inside `parent`), or by a spelling one long vowel apart; None."""
    found: set[int] = set()
    for other in {fold(index.label(r).name) for r, _ in rows} - {key}:
        found.update(r for r, _ in index.rows(other) if within(index.core(r), parent))
    if not found and key.count(' ') < 3:     # (a name of up to three words)
        words = key.split(' ')
        for n, w in enumerate(words):
            for v in one_vowel_apart(w):
                spelt = ' '.join(words[:n] + [v] + words[n + 1:])
                if spelt in index:
                    found.update(r for r, _ in index.rows(spelt) if within(index.core(r), parent))
    if not found:
        return None
    return max(found, key=lambda r: (index.core(r).population, index.core(r).nnames, -r))
