"""What the hard rules read, for the filters' fast path (geo.recognize.select.filters).

A span's own facts are its key and candidates (with the language), whether a cue word marks it,
how it was found, its proclitics, its token count, its first token's key, and which of its
candidates' countries the document names (facts.own_key).  OWN rules read nothing else, so their
verdict is memoised per such facts.  Each other hard rule reads the words around the span too;
NEEDS gives it a test of own facts that it implies (when the test fails, so does the rule), so
that the rule itself runs only for the spans that pass.  Changing a rule means checking its line
here: tests/test_recognize_fast.py compares the fast path with hard_rule over real documents."""
from __future__ import annotations

from .calendar import is_calendar_word
from .common_words import is_common_english_word
from .cue_words import is_cue_word
from .definite_adjective import is_definite_adjective
from .first_names import follows_first_name, is_first_name
from .frequent_words import (is_common_word_for_a_hamlet, is_function_word_name, is_very_common_alternate,
                             is_word_with_far_fetched_places)
from .joined_word import is_joined_word
from .nisba import is_nisba_adjective, stem_places
from .organisation_heads import in_organisation_name
from .outlets import told_outlet
from .people import is_people_plural, is_person_name
from .sentence_case import is_sentence_case_word
from .streets import names_a_street
from .teams import city_only, in_team_name
from .titles import follows_title

OWN = frozenset((is_calendar_word, is_cue_word, is_joined_word, is_common_english_word, is_person_name,
                 is_very_common_alternate, is_common_word_for_a_hamlet, is_people_plural, is_function_word_name,
                 is_word_with_far_fetched_places))


def _one_arabic_word_in_i(span) -> bool:
    """سوري، روسيه: one indefinite word without proclitics, in ي or يه (the indefinite nisbas)."""
    key = span.key
    return span.j - span.i == 1 and not span.proclitics and key.endswith(('ي', 'يه')) and not key.startswith('ال')


NEEDS = {
    is_nisba_adjective: lambda span, doc: doc.lang == 'ar' and not span.cue and span.how == 'gazetteer'
    and (_one_arabic_word_in_i(span) or bool(stem_places(span.key))),
    is_definite_adjective: lambda span, doc: doc.lang == 'ar' and not span.cue and span.how == 'gazetteer'
    and not span.proclitics and span.key.startswith('ال'),
    in_organisation_name: lambda span, doc: doc.lang == 'ar' and not span.cue and not span.proclitics,
    follows_title: lambda span, doc: not span.cue,
    is_first_name: lambda span, doc: not span.cue and span.j - span.i == 1 and span.key in doc.lex.first_names,
    follows_first_name: lambda span, doc: not span.cue and span.j - span.i == 1,
    told_outlet: lambda span, doc: doc.lang == 'ar' and not span.cue,
    is_sentence_case_word: lambda span, doc: doc.lang == 'en' and not span.cue and span.j - span.i == 1,
    in_team_name: lambda span, doc: doc.lang == 'ar' and not span.cue and (
        span.key in doc.lex.organisation_tails or city_only(span, doc)
        or bool(span.proclitics) and doc.tokens[span.i].key in doc.lex.words('team_words')),
    names_a_street: lambda span, doc: doc.lang == 'en' and not span.cue,
}
