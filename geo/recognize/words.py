"""Words and their readings: what depends on a word alone is worked out once per word.

An Arabic token may carry proclitics (و ف ب ل ك، ال، لل): its readings are the words it can be
with them split off, each with the number of characters they took (geo.text.arabic)."""
from __future__ import annotations

from functools import lru_cache

from gazetteer.index import Index

from ..doc import Doc
from ..text.arabic import proclitic_variants
from ..text.frequency import zipf
from ..text.tokens import Token

WORD_MEMO_MAX = 100_000


@lru_cache(maxsize=16384)   # ~6 MB when full; frequent words stay in it
def word_readings(text: str, key: str) -> tuple[tuple[int, str, str], ...]:
    return tuple(proclitic_variants(text, key))   # the same words recur: read each once


def token_readings(tok: Token) -> tuple[tuple[int, str, str], ...]:
    """(characters the proclitics take, key, proclitics) for each reading of a token."""
    if tok.arabic:
        return word_readings(tok.text, tok.key)
    return ((0, tok.key, ''),)


@lru_cache(maxsize=65536)
def lone_function_word(key: str) -> bool:
    """A function word alone, or after و / ف, is never a one-word name."""
    return _function_word(key) or (key[:1] in 'وف' and _function_word(key[1:]))


@lru_cache(maxsize=65536)
def _function_word(key: str) -> bool:
    """The commonest Arabic words (في، من، أن، إلى، كان: Zipf 6 and up) name no place, though
    some gazetteer lists them (Ans, Ely, Cannes); no place name reaches that frequency (مصر, the
    commonest, is 5.8).  Nor do they after و or ف (وأن is "and that", not Van).  Skipping them
    early saves scoring dozens of spans per article."""
    return zipf(key, 'ar') >= 6.0


def per_word(doc: Doc, memo: dict, compute) -> list:
    """memo[word] for every token, computing (and keeping) the missing answers: what depends on
    the word alone is worked out once per word, not once per token.  Answers are never None."""
    got = list(map(memo.get, doc.words))
    if None in got:
        toks = doc.tokens
        for k, g in enumerate(got):
            if g is None:
                got[k] = per_token(memo, toks[k], compute)
    return got


def per_token(memo: dict, tok: Token, compute):
    """memo[word] for one token (see per_word)."""
    got = memo.get(tok.text)
    if got is None:
        if len(memo) >= WORD_MEMO_MAX:
            memo.clear()
        got = memo[tok.text] = compute(tok)
    return got


def starting_readings(index: Index, tok: Token) -> tuple[tuple[int, str, str], ...]:
    """The readings of a token with which some index key begins (most words have none)."""
    return tuple(r for r in token_readings(tok) if index.begins_key(r[1]))
