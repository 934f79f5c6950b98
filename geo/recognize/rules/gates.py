"""The words a span's context tests hinge on, for the filters' fast path (rules.first_rule).

Most context tests (rules/own.py LEFT_TO_TEST) can only hold when the word right before the span,
or right after it, plays a role: a title, a first name, a team word, a passive auxiliary ...  What
role a word may play depends on its key, the language and the index alone, so the roles are kept
per word (a bit each, in a memo of the index, emptied when places are added) and a test whose
word plays no role is not run: it could not hold, and the first rule's name stays the same.
Each role is a necessary condition of its test, stated by the rule's own module beside the rule
(definite_noun_before, title_word_before ...); tests/test_recognize_fast.py compares first_rule
with hard_rule."""
from __future__ import annotations

from ..words import word_memo
from .definite_adjective import definite_noun_before, is_definite_adjective
from .first_names import after_unknown_word, follows_first_name, unknown_key
from .name_prefixes import after_name_prefix
from .outlets import lam_before, told_outlet
from .teams import city_in_team_name, team_word_after, team_word_before
from .titles import follows_title, title_word_before
from .verbal_nouns import after_passive_auxiliary


def _first_name(key: str, doc) -> bool:
    return key in doc.lex.first_names


def _passive_auxiliary(key: str, doc) -> bool:
    return key in doc.lex.words('passive_auxiliaries')


def _name_prefix(key: str, doc) -> bool:
    return key in doc.lex.words('name_prefixes')


# the roles, a bit each: whether a word plays one is worked out when a test first asks
ROLES = (title_word_before, _first_name, definite_noun_before, team_word_before, _passive_auxiliary, unknown_key,
         team_word_after, _name_prefix, lam_before)
TITLE, FIRST_NAME, DEFINITE, TEAM_BEFORE, PASSIVE, UNKNOWN, TEAM_AFTER, PREFIX, LAM = (1 << k for k in range(len(ROLES)))
KNOWN = len(ROLES)          # a memo entry: the roles played, then (shifted by KNOWN) the roles asked about
_BITS = tuple((1 << k, role) for k, role in enumerate(ROLES))

# a context test -> (the roles of the word before, the roles of the word after) one of which it needs
GATES = {
    follows_title: (TITLE, 0),
    follows_first_name: (FIRST_NAME, 0),
    is_definite_adjective: (DEFINITE, 0),
    city_in_team_name: (TEAM_BEFORE, TEAM_AFTER),
    after_passive_auxiliary: (PASSIVE, 0),
    after_unknown_word: (UNKNOWN, UNKNOWN),
    after_name_prefix: (PREFIX, 0),
    told_outlet: (LAM, 0),
}


def gate_of(test, lang: str):
    """The gate of a context test in a language, or None (the test always runs).  Only Arabic
    tests are gated: English ones are about as cheap as a look-up in the memo (measured: English
    filters no faster with gates), which a cold run would fill for nothing."""
    return GATES.get(test) if lang == 'ar' else None


def _roles(memo, key: str, need: int, doc) -> int:
    """The roles of a word among `need` (a mask), from the memo or worked out and kept."""
    got = memo.get(key)
    if got is None:
        got = memo.either(key, 0)
    missing = need & ~(got >> KNOWN)
    if not missing:
        return got & need
    for bit, role in _BITS:
        if missing & bit:
            got |= bit << KNOWN | (bit if role(key, doc) else 0)
    memo.keep(key, got)
    return got & need


def roles_memo(doc):
    """The memo of words' roles for the Doc's index and language (fetch it once per Doc)."""
    return word_memo(doc.index, (__name__, doc.lang))


def roles_around(span, doc, before: int, after: int, memo=None) -> tuple[int, int]:
    """Of the roles `before` and `after` (masks), those the word before the span and the word after
    it play (0 where there is none)."""
    if memo is None:
        memo = roles_memo(doc)
    keys = doc.keys
    i, j = span.i, span.j
    return (_roles(memo, keys[i - 1], before, doc) if before and i > 0 else 0,
            _roles(memo, keys[j], after, doc) if after and j < len(keys) else 0)
