"""Surnames of people in the news (أوباما، كيري، ميتشل) that some gazetteer lists as a place
(Obama in Japan, County Kerry): never a place on their own.  A cue word still makes one
(مدينة جاكسون)."""
from __future__ import annotations

from ...placetypes import BIG_UNITS


def is_person_name(span, doc) -> bool:
    return not span.cue and span.j - span.i == 1 and span.key in doc.lex.words('person_names')


def is_people_plural(span, doc) -> bool:
    """روس "Russians", أكراد "Kurds": the plural of a people, which some source lists as a
    spelling of its country."""
    return not span.cue and span.j - span.i == 1 and span.key in doc.lex.words('people_plurals')


# the hard rules that rule a span out because it names a person there
PERSON_RULES = frozenset(('follows_title', 'follows_first_name', 'follows_unknown_name', 'is_person_name'))
# a place this notable is not given up for a namesake (جورج واشنطن does not make واشنطن a person)
NOTABLE_NAMES, NOTABLE_POPULATION, NOTABLE_SEAT = 30, 100_000, 2


def same_person(doc) -> None:
    """One sense per discourse, for people: a name the document gives a person (القس برانسون,
    لورا ريتشاردسون, حسن نصر الله) names that person wherever it stands alone in the document
    (قال برانسون ..., قال نصر الله ...).  Not for a name that a notable place answers (a country
    or province, a capital, a city of 100,000, a place known in 30 languages), and never for a span
    a cue word marks (مدينة جاكسون).  Sets Span.dropped to 'same_person'."""
    people = {s.key for s in doc.spans if s.dropped in PERSON_RULES}
    people.update(doc.keys[s.j] for s in doc.spans if s.dropped == 'is_first_name' and s.j < len(doc.tokens))
    if not people:
        return
    index = doc.index
    for s in doc.spans:
        if s.dropped or s.cue or s.key not in people or not s.rows:
            continue
        if not any(notable_place(index.core(r)) for r, _ in s.rows):
            s.dropped = 'same_person'


def notable_place(c) -> bool:
    """A country or province, a capital, a city of 100,000 or a place known in 30 languages."""
    return (c.type in BIG_UNITS or c.nnames >= NOTABLE_NAMES or c.population >= NOTABLE_POPULATION
            or c.seat >= NOTABLE_SEAT)


def joined_to_notable_place(span, doc) -> bool:
    """بالولايات المتحدة, لليمن: a notable place read with a preposition joined (ب ل ك) is the place
    the preposition governs, not a person's name, whatever word stands before it."""
    p = span.proclitics
    return (bool(p) and ('ب' in p or 'ل' in p or 'ك' in p) and doc.lang == 'ar'
            and any(notable_place(doc.index.core(r)) for r, _ in span.rows))
