"""What the hard rules read, for the filters' fast path (geo.recognize.select.filters).

A span's own facts are its key and candidates (with the language), whether a cue word marks it,
how it was found, its proclitics, its token count, its first token's key, and which of its
candidates' countries the document names (facts.own_verdicts).  OWN rules read nothing else, so
their verdict is memoised per such facts.  Each other hard rule reads the words around the span
too; LEFT_TO_TEST gives what is left of it once the own facts are known: False when the rule
cannot hold, True when they decide it, else the function to run on the span (the rule itself, or
the part of it that reads the context).  Changing a rule means checking its line here:
tests/test_recognize_fast.py compares the fast path with hard_rule over real documents."""
from __future__ import annotations

from .calendar import is_calendar_word
from .channels import names_a_channel
from .common_words import is_common_english_word
from .cue_words import is_cue_word
from .definite_adjective import is_definite_adjective
from .first_names import (after_unknown_word, follows_first_name, follows_unknown_name, is_first_name, is_theophoric,
                          may_follow_unknown_name)
from .frequent_words import (is_common_word_for_a_hamlet, is_function_word_name, is_very_common_alternate,
                             is_word_for_a_place_elsewhere, is_word_with_far_fetched_places,
                             may_be_word_for_a_place_elsewhere, not_named_in_the_text)
from .joined_word import is_joined_word
from .name_prefixes import in_name_after_prefix, prefix_left_to_test
from .nisba import is_nisba_adjective, nisba_left_to_test
from .organisation_heads import head_before, in_organisation_name
from .outlets import told_outlet
from .people import is_people_plural, is_person_name
from .sentence_case import is_sentence_case_word
from .streets import names_a_street
from .teams import in_team_name, team_left_to_test
from .titles import follows_title
from .verbal_nouns import after_passive_auxiliary

OWN = frozenset((is_calendar_word, is_cue_word, is_joined_word, is_common_english_word, is_person_name,
                 is_very_common_alternate, is_common_word_for_a_hamlet, is_people_plural, is_function_word_name,
                 is_word_with_far_fetched_places, names_a_channel))


LEFT_TO_TEST = {
    is_nisba_adjective: nisba_left_to_test,
    is_definite_adjective: lambda span, doc: doc.lang == 'ar' and not span.cue and span.how == 'gazetteer'
    and not span.proclitics and span.key.startswith('ال') and is_definite_adjective,
    in_organisation_name: lambda span, doc: doc.lang == 'ar' and not span.cue and not span.proclitics
    and head_before,
    follows_title: lambda span, doc: not span.cue and follows_title,
    is_first_name: lambda span, doc: not span.cue and span.j - span.i == 1 and span.key in doc.lex.first_names
    and is_first_name,
    follows_first_name: lambda span, doc: not span.cue and (span.j - span.i == 1 or is_theophoric(span, doc))
    and follows_first_name,
    told_outlet: lambda span, doc: doc.lang == 'ar' and not span.cue and told_outlet,
    is_sentence_case_word: lambda span, doc: doc.lang == 'en' and not span.cue and span.j - span.i == 1
    and is_sentence_case_word,
    in_team_name: team_left_to_test,
    names_a_street: lambda span, doc: doc.lang == 'en' and not span.cue and names_a_street,
    in_name_after_prefix: prefix_left_to_test,
    is_word_for_a_place_elsewhere: lambda span, doc: may_be_word_for_a_place_elsewhere(span, doc)
    and not_named_in_the_text,
    follows_unknown_name: lambda span, doc: may_follow_unknown_name(span, doc) and after_unknown_word,
    after_passive_auxiliary: lambda span, doc: doc.lang == 'ar' and not span.cue and after_passive_auxiliary,
}
