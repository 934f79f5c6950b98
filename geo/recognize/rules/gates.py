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
from .streets import names_a_street
from .teams import city_in_team_name, team_word_after, team_word_before
from .titles import follows_title, title_word_before
from .verbal_nouns import after_passive_auxiliary

TITLE, FIRST_NAME, DEFINITE, TEAM_BEFORE, PASSIVE, UNKNOWN, TEAM_AFTER, STREET = (1 << k for k in range(8))

# a context test -> (the roles of the word before, the roles of the word after) one of which it needs
GATES = {
    follows_title: (TITLE, 0),
    follows_first_name: (FIRST_NAME, 0),
    is_definite_adjective: (DEFINITE, 0),
    city_in_team_name: (TEAM_BEFORE, TEAM_AFTER),
    after_passive_auxiliary: (PASSIVE, 0),
    after_unknown_word: (UNKNOWN, UNKNOWN),
    names_a_street: (0, STREET),
}


def _roles(key: str, doc) -> int:
    lex = doc.lex
    got = (TITLE if title_word_before(key, doc) else 0) | (FIRST_NAME if key in lex.first_names else 0)
    if doc.lang == 'ar':
        got |= (DEFINITE if definite_noun_before(key, doc) else 0) \
            | (TEAM_BEFORE if team_word_before(key, doc) else 0) \
            | (PASSIVE if key in lex.words('passive_auxiliaries') else 0) \
            | (UNKNOWN if unknown_key(key, doc) else 0) \
            | (TEAM_AFTER if team_word_after(key, doc) else 0)
    else:
        got |= STREET if key in lex.words('street_words') else 0
    return got


def roles_around(span, doc) -> tuple[int, int]:
    """The roles of the word before the span and of the word after it (0 where there is none)."""
    memo = word_memo(doc.index, (__name__, doc.lang))
    keys = doc.keys
    i, j = span.i, span.j
    before = after = 0
    if i > 0:
        k = keys[i - 1]
        before = memo.get(k)
        if before is None:
            before = memo.recall(k, lambda k: _roles(k, doc))
    if j < len(keys):
        k = keys[j]
        after = memo.get(k)
        if after is None:
            after = memo.recall(k, lambda k: _roles(k, doc))
    return before, after
