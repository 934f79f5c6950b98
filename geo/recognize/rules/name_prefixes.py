"""Arabic: the first word of a foreign name ("New", "San", "Saint", "Los": نيو، سان، سانت، لوس) alone,
before another word, is the start of a name the index does not hold in that spelling (نيو جيرزي,
نيو ساوث ويلز), never a place of its own (Niue); nor is the word after it (جيرزي: Jersey).  The
name written apart is still found when the index has it joined (geo.recognize.names: نيو جيرسي is
نيوجيرسي).  A cue word before the first word does not make it a place either (ولاية نيو جيرزي)."""
from __future__ import annotations

from ...text.token_list import ARABIC


def in_name_after_prefix(span, doc) -> bool:
    if doc.lang != 'ar':
        return False
    prefixes, keys, i, j = doc.lex.words('name_prefixes'), doc.keys, span.i, span.j
    last = span.key if j - i == 1 else keys[j - 1]
    if last in prefixes and j < len(keys) and doc.tokens.infos[j][ARABIC] and doc.one_space_between(j - 1, j):
        return True        # [نيو] جيرزي، [ولاية نيو] جيرزي: the name goes on past the span
    if span.cue or j - i != 1 or span.proclitics:
        return False
    return after_name_prefix(span, doc)     # نيو [جيرزي]


def after_name_prefix(span, doc) -> bool:
    """A name prefix right before the span, one space apart (what is left of the rule for a
    one-word span that is no prefix itself, rules/own.py)."""
    i = span.i
    return i > 0 and doc.keys[i - 1] in doc.lex.words('name_prefixes') and doc.one_space_between(i - 1, i)


def prefix_left_to_test(span, doc):
    """What is left of in_name_after_prefix after the span's own facts: the whole rule for a
    span of several words or a prefix itself, else the test of the word before."""
    if doc.lang != 'ar':
        return False
    if span.j - span.i != 1 or span.key in doc.lex.words('name_prefixes'):
        return in_name_after_prefix
    return not span.cue and not span.proclitics and after_name_prefix
