"""Places named as the text writes them.  An English report says Bartella and Shaqlawa where the
gazetteer says Barţalah and Shaqlāwah; its maps use the report's spelling, as an Arabic report's
maps use its Arabic names, and keep the gazetteer's name as the secondary one (popups, lists).

`as_written(result)` is the maps' view of a Result: a copy whose places are WrittenPlaces, `name`
the text's Latin spelling when it has one and `gazetteer_name` the index's.  The Result itself,
and every data file written from it, keep the gazetteer's names."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields, replace

from ..model import Place, Result

QUOTES = '"\'«»“”‘’# '
SPELLED_BY = ('gazetteer', 'cue')     # not a fuzzy near miss (a typo), a code or a demonym (Syrian)


@dataclass(slots=True)
class WrittenPlace(Place):
    gazetteer_name: str = ''        # the index's name, when `name` is the text's spelling


def _latin(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, '').startswith('LATIN') for c in letters)


def written_name(result: Result, place: Place) -> str:
    """The first spelling of `place` in the text that is written in Latin letters as a name is
    (not all lower case; not in capitals, as a dateline's "ERBIL, Iraq —", unless an
    abbreviation of three letters or fewer); '' when there is none."""
    for k in place.mentions:
        if not 0 <= k < len(result.mentions):
            continue
        m = result.mentions[k]
        s = ' '.join(m.surface.split()).strip(QUOTES)
        if m.how not in SPELLED_BY or not _latin(s) or s.islower() or (s.isupper() and len(s) > 3):
            continue
        return s
    return ''


def as_written(result: Result) -> Result:
    """A copy of `result` for the maps: each place named as the text first writes it in Latin
    letters (its gazetteer name when the text does not); mentions and text are shared."""
    if all(isinstance(p, WrittenPlace) for p in result.places):
        return result
    places = []
    for p in result.places:
        values = {f.name: getattr(p, f.name) for f in fields(Place)}
        values['name'] = written_name(result, p) or p.name
        places.append(WrittenPlace(**values, gazetteer_name=p.name))
    return replace(result, places=places)


def gazetteer_name(place: Place) -> str:
    """The gazetteer's name of a place when the maps name it otherwise, else ''."""
    if isinstance(place, WrittenPlace) and place.gazetteer_name != place.name:
        return place.gazetteer_name
    return ''
