"""Surnames of people in the news (أوباما، كيري، ميتشل) that some gazetteer lists as a place
(Obama in Japan, County Kerry): never a place on their own.  A cue word still makes one
(مدينة جاكسون)."""


def is_person_name(span, doc) -> bool:
    return not span.cue and span.j - span.i == 1 and span.key in doc.lex.words('person_names')


def is_people_plural(span, doc) -> bool:
    """روس "Russians", أكراد "Kurds": the plural of a people, which some source lists as a
    spelling of its country."""
    return not span.cue and span.j - span.i == 1 and span.key in doc.lex.words('people_plurals')
