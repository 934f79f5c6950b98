"""Tokens with offsets into the original text.

A token is a run of letters and digits; Arabic marks, tatweel and zero-width joiners inside a
word stay in it (folding removes them later), so offsets always point into the original string.
Dotted initials (U.S., D.C.) are one token.  Underscores and hashtags separate tokens
(#مرفأ_بيروت -> مرفأ, بيروت).  A Latin possessive 's is split off (Syria's -> Syria).
"""
from __future__ import annotations

import re
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from gazetteer.keys import ARABIC_LETTERS, fold_letters, fold_uncached

from .lang import SAMPLE, balance, by_balance, detect
from .memo import Generations
from .token_list import Token, Tokens
from .word_runs import WordRuns

_MARKS = '\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d'
# invisible characters that folding drops (bidi marks and isolates, zero-width space, word joiner,
# soft hyphen, BOM) and Latin combining accents (decomposed text): part of a word when a letter follows
_INVISIBLE = '\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u0300-\u036f'
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"                          # U.S.  D.C.  U.A.E.
    # words: a run of letters and digits, then inner marks / invisible characters / apostrophes,
    # each with the letters after it; possessive (*+): no backtracking state, so a 20 MB run of
    # letters takes no memory (the runs [^\W_]+ are what makes the scan fast)
    rf"|[^\W_]+(?:(?:[{_MARKS}]|[{_INVISIBLE}]+(?=[^\W_])|['’](?=[^\W\d_]))[^\W_]*)*+"
)
# the same matches, as one group: re.split gives gap, word, gap, word, ..., gap (no match is
# empty, so the words are exactly what TOKEN_RE.finditer finds).  Written to be quick, about a
# quarter less time than TOKEN_RE's own pattern: it begins with one character class (so the
# engine skips the gaps without trying a match at each offset), initials are only tried after an
# ASCII letter, and the inner-mark loop is only entered at one of its characters
# (tests/test_text_tokens.py checks that both find the same words)
_SPLIT_RE = re.compile(
    r"([^\W_](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+(?![A-Za-z])"
    rf"|[^\W_]*(?:(?=[{_MARKS}{_INVISIBLE}'’])(?:[{_MARKS}]|[{_INVISIBLE}]+(?=[^\W_])|['’](?=[^\W\d_]))[^\W_]*)*+))"
)
_ARABIC_LETTER = re.compile('[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]')
# the letters geo.text.lang counts that are not word characters (× ÷ and three Arabic marks): the
# only ones a gap between tokens can hold, since every word character is inside a token; looked
# for one by one (`in` on a str is a C search: five of them take a tenth of one regex search)
_GAP_LETTERS = tuple(c for c in map(chr, range(0x800)) if balance(c) and not re.match(r'[^\W_]', c))
# the matches, found as runs of word characters (geo.text.word_runs) but near the characters
# that can join a run to more (marks, invisible characters, apostrophes) and dotted initials
_RUNS = WordRuns(TOKEN_RE, f"{_MARKS}{_INVISIBLE}'’", re.compile(r'\.[A-Za-z]\.'), marks=_MARKS, apostrophes="'’")
RUNS_MAX = 1_000_000


def tokenize(text: str) -> list[Token]:
    """The tokens of a text (scan gives its language and word lists too)."""
    return list(_words(text)[0])


class Scan(NamedTuple):
    tokens: Tokens      # made on demand (geo.text.token_list)
    lang: str
    words: list[str]    # the text of every token
    keys: list[str]     # the key of every token
    starts: list[int]   # where every token starts
    ends: list[int]     # ... and ends


def scan(text: str, lang: str | None = None) -> Scan:
    """The tokens of a text, its language (`lang`, or what geo.text.lang.detect answers), and the
    text and key of every token as lists.  The language of a text of at most SAMPLE characters is
    weighed from its words' letters (each word's balance is in the per-word memo) and, when the
    text holds one of the few letters a gap can hold (_GAP_LETTERS), from its gaps' letters too:
    detect's answer without two more scans of the text.  A longer text asks detect."""
    tokens, infos, words, bounds = _words(text)
    if not lang:
        if len(text) > SAMPLE:
            lang = detect(text)
        else:
            arabic_minus_latin = sum(map(itemgetter(6), infos))
            if any(map(text.__contains__, _GAP_LETTERS)):
                gaps = map(slice, [0, *bounds[1::2]], [*bounds[0::2], len(text)])
                arabic_minus_latin += balance(''.join(map(text.__getitem__, gaps)))
            lang = by_balance(arabic_minus_latin)
    return Scan(tokens, lang, words, list(map(itemgetter(2), infos)), tokens.starts, tokens.ends)


def _words(text: str) -> tuple[Tokens, list[tuple], list[str], list[int]]:
    """(tokens, the memo entry of each word, the text of each token: the matched words themselves
    unless a possessive 's was cut off one, [start, end, start, end, ...] of the matches).
    Fast path: geo.text.word_runs finds the matches (numpy; exactly TOKEN_RE's), and what depends
    on the word alone (its key, script and letters) is read from a per-word memo, worked out once
    per word.  No Token is made here (geo.text.token_list): only lists, each made by one C-level
    call.  A text longer than RUNS_MAX (a few bytes of numpy arrays per character) is split by
    _SPLIT_RE: the same matches, in no more memory than the parts."""
    if len(text) <= RUNS_MAX:
        bounds, words, redone = _RUNS.split(text)
    else:
        parts = _SPLIT_RE.split(text)
        bounds = list(accumulate(map(len, parts)))      # where each part ends
        bounds.pop()
        words = parts[1::2]
        redone = range(len(words))
    infos = list(map(_WORDS.__getitem__, words))
    ends = bounds[1::2]
    if "'" in text or '’' in text:      # (a possessive 's needs an apostrophe: most texts have none)
        for k in redone:                # (and a word with one is among those)
            cut = infos[k][0]
            if cut:
                ends[k] -= cut
                words[k] = infos[k][1]
    return Tokens(bounds[0::2], ends, infos), infos, words, bounds


class _WordMemo(Generations):
    """Matched word -> (characters cut off its end, word, key, arabic, cap, upper, Arabic letters
    minus Latin letters).  News repeats its words: each is read once, when first missing."""

    def read(self, m: str) -> tuple[int, str, str, bool, bool, bool, int]:
        """What depends on the matched word alone."""
        if ARABIC_LETTERS.fullmatch(m):     # (most new words of Arabic news: no possessive, and
            return (0, m, fold_letters(m), True, False, False, len(m))    # balance counts every letter)
        w, cut = m, 0
        if len(w) > 3 and w[-1] in 'sS' and w[-2] in "'’":      # a possessive 's
            cut, w = 2, w[:-2]
        arabic = _ARABIC_LETTER.match(w) is not None
        cap = not arabic and w[0].isupper()
        upper = cap and w.isupper() and len(w) > 1
        key = fold_uncached(w)      # (this memo is the cache: fold's own would hold every word twice)
        if key == w:
            key = w       # one object for both (most words): less memory to read per token
        return (cut, w, key, arabic, cap, upper, balance(m))

    def __missing__(self, m: str) -> tuple[int, str, str, bool, bool, bool, int]:
        return self.recall(m, self.read)     # a word of the previous generation comes back at once


WORD_MEMO_MAX = 100_000     # words per generation
_WORDS = _WordMemo(WORD_MEMO_MAX)


def gap_is_joinable(text: str, a: Token, b: Token, max_gap: int = 3) -> bool:
    """Two tokens can be parts of one name when only spaces, hyphens, underscores, dots of an
    abbreviation, apostrophes, a hashtag sign or invisible marks stand between them (no comma,
    no full stop)."""
    return gap_joins(text[a.end:b.start], a.text, a.cap, max_gap)


def gap_joins(gap: str, before: str, before_cap: bool, max_gap: int = 3) -> bool:
    """gap_is_joinable's test, given the gap and the text and case of the word before it (for a
    caller reading the token lists and memo entries, not Tokens)."""
    if len(gap) > max_gap or not gap:
        return False
    return gap == ' ' or _GAP.issuperset(gap) or (gap == '. ' and len(before) <= 3 and before_cap)


# spaces, hyphens, underscores, apostrophes, a hashtag sign, and invisible bidi / zero-width marks
_GAP = frozenset(' \u00a0-_\u2010\u2011#\'’\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e'
                 '\u2060\u2066\u2067\u2068\u2069\ufeff')
