"""Tokens with offsets into the original text.

A token is a run of letters and digits; Arabic marks, tatweel and zero-width joiners inside a
word stay in it (folding removes them later), so offsets always point into the original string.
Dotted initials (U.S., D.C.) are one token.  Underscores and hashtags separate tokens
(#مرفأ_بيروت -> مرفأ, بيروت).  A Latin possessive 's is split off (Syria's -> Syria).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.keys import fold

_MARKS = '\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d'
# invisible characters that folding drops (bidi marks and isolates, zero-width space, word joiner,
# soft hyphen, BOM) and Latin combining accents (decomposed text): part of a word when a letter follows
_INVISIBLE = '\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u0300-\u036f'
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"                          # U.S.  D.C.  U.A.E.
    # words, with inner marks / invisible characters / apostrophes; possessive (*+): no
    # backtracking state per character, so a 20 MB run of letters takes no memory
    rf"|[^\W_](?:[^\W_]|[{_MARKS}]|[{_INVISIBLE}]+(?=[^\W_])|['’](?=[^\W\d_]))*+"
)
_POSSESSIVE = re.compile(r"['’][sS]$")
_ARABIC_LETTER = re.compile('[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]')


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    arabic: bool
    cap: bool      # Latin, first letter upper-case
    upper: bool    # Latin, every letter upper-case (NATO, U.S.)


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append, word = out.append, _word
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        w, cut, key, arabic, cap, upper = word(m.group())
        append(Token(s, e - cut, w, key, arabic, cap, upper))
    return out


@lru_cache(maxsize=65536)   # news repeats its words: each is read once
def _word(w: str) -> tuple[str, int, str, bool, bool, bool]:
    """(word, characters cut off its end, key, arabic, cap, upper) of a matched word."""
    cut = 0
    if len(w) > 3 and _POSSESSIVE.search(w):
        cut, w = 2, w[:-2]
    arabic = _ARABIC_LETTER.match(w) is not None
    cap = not arabic and w[0].isupper()
    upper = cap and w.isupper() and len(w) > 1
    return w, cut, fold(w), arabic, cap, upper


def gap_is_joinable(text: str, a: Token, b: Token, max_gap: int = 3) -> bool:
    """Two tokens can be parts of one name when only spaces, hyphens, underscores, dots of an
    abbreviation, apostrophes, a hashtag sign or invisible marks stand between them (no comma,
    no full stop)."""
    gap = text[a.end:b.start]
    if len(gap) > max_gap or not gap:
        return False
    return all(ch in _GAP for ch in gap) or (gap == '. ' and len(a.text) <= 3 and a.cap)


# spaces, hyphens, underscores, apostrophes, a hashtag sign, and invisible bidi / zero-width marks
_GAP = frozenset(' \u00a0-_\u2010\u2011#\'’\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e'
                 '\u2060\u2066\u2067\u2068\u2069\ufeff')
