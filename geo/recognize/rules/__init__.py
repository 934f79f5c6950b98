"""False-friend filters: small named units, each tested alone.

Each filter is a function `(span, doc) -> bool` that is True when the span is NOT a place.
HARD filters always drop a span.  SOFT filters are evidence: with a trained scorer
(geo/recognize/scorer.py) their verdicts are features among others; without one they drop the span too.
"""
from __future__ import annotations

from .calendar import is_calendar_word
from .channels import names_a_channel
from .common_words import is_common_english_word, is_common_word
from .cue_words import is_cue_word
from .definite_adjective import is_definite_adjective
from .first_names import follows_first_name, follows_unknown_name, is_first_name
from .gates import gate_of, roles_around
from .frequent_words import (is_common_word_for_a_hamlet, is_frequent_word, is_function_word_name,
                             is_very_common_alternate, is_word_for_a_place_elsewhere,
                             is_word_with_far_fetched_places)
from .joined_word import is_joined_word
from .name_prefixes import in_name_after_prefix
from .nisba import is_nisba_adjective
from .organisation_heads import in_organisation_name
from .outlets import told_outlet
from .own import LEFT_TO_TEST, OWN
from .people import is_people_plural, is_person_name
from .sentence_case import is_sentence_case_word
from .streets import names_a_street
from .teams import in_team_name
from .titles import follows_title
from .verbal_nouns import after_passive_auxiliary

HARD = (is_calendar_word, is_cue_word, is_nisba_adjective, is_definite_adjective, in_organisation_name,
        follows_title, is_first_name, follows_first_name, told_outlet, is_sentence_case_word, in_team_name,
        is_joined_word, names_a_street, is_common_english_word, is_person_name, is_very_common_alternate,
        is_common_word_for_a_hamlet, is_people_plural, is_function_word_name, is_word_with_far_fetched_places,
        in_name_after_prefix, names_a_channel, is_word_for_a_place_elsewhere, follows_unknown_name,
        after_passive_auxiliary)
SOFT = (is_common_word, is_frequent_word)
FILTERS = HARD + SOFT


def hard_rule(span, doc) -> str:
    """The name of the first hard rule that rules the span out ('' when none does)."""
    for f in HARD:
        if f(span, doc):
            return f.__name__
    return ''


class OwnVerdicts:
    """The rules' verdicts on a span's own facts (rules/own.py), memoised per such facts
    (geo.recognize.facts.own_verdicts).  `hard`: in HARD order, the hard rules that may rule the
    span out, as (name, None, None) for a rule that does on own facts alone and (name, test, gate)
    for one whose test of the span's context is still to run (gate: the roles of the words around
    one of which the test needs, rules/gates.py, or None); `maybe`: the rules that read context and
    may hold; `common_word`, `frequent_word`: the soft rules' verdicts (own rules both); `before`,
    `after`: the roles the gates ask of the words around (rules/gates.py); `logits`: a memo the
    score stage fills."""
    __slots__ = ('hard', 'maybe', 'common_word', 'frequent_word', 'before', 'after', 'logits', 'model', 'logit')

    def __init__(self, span, doc):
        hard, maybe, sure = [], set(), False
        for f in HARD:
            left = bool(f(span, doc)) if f in OWN else LEFT_TO_TEST[f](span, doc)
            if not left:
                continue
            if f not in OWN:
                maybe.add(f)
            if not sure:
                hard.append((f.__name__, None, None) if left is True else (f.__name__, left, gate_of(left, doc.lang)))
                sure = left is True         # no later rule can be the first
        self.hard = tuple(hard)
        self.before = self.after = 0        # the roles the gates ask of the words around
        for _, _, gate in hard:
            if gate is not None:
                self.before |= gate[0]
                self.after |= gate[1]
        self.maybe = frozenset(maybe)
        self.common_word = is_common_word(span, doc)
        self.frequent_word = is_frequent_word(span, doc)
        self.logits: dict = {}              # the scorer's memo (geo.recognize.features._own_part) ...
        self.model = self.logit = None      # ... and its commonest entry, kept inline


def first_rule(span, doc, verdicts: OwnVerdicts, roles=None) -> str:
    """hard_rule(span, doc), the same name, from the span's own verdicts: only the tests of
    context that are left run, and of those only the ones the words around may let hold (roles:
    gates.roles_memo(doc), when the caller fetched it)."""
    around = None
    for name, test, gate in verdicts.hard:
        if test is None:
            return name
        if gate is not None:
            if around is None:
                around = roles_around(span, doc, verdicts.before, verdicts.after, roles)
            if not (around[0] & gate[0] or around[1] & gate[1]):
                continue
        if test(span, doc):
            return name
    return ''


assert set(HARD) == OWN | set(LEFT_TO_TEST) and not OWN & set(LEFT_TO_TEST), \
    'rules/own.py must list every hard rule once'
