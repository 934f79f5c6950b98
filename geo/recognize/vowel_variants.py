"""Arabic spelling variants of the next word of a name already begun: the same word written with
one more or one fewer long vowel (لوس انجلس / لوس انجلوس، ساو باولو / ساو باولوا is not one).

Arabic writers add or leave out و and ي in foreign names freely, and the gazetteer holds one or
two spellings.  Once the first word of a name matched, the next word may be taken for an index
word that differs from it only by و / ي added or dropped: never an alef (that changes the word
more often than not), never a changed letter, never a common word (Zipf 4 and up), never a short
one (under four letters), and only inside the word: a first و / ي is a consonant or the
conjunction (أن ياربر is not Ann Arbor), a last ي the nisba of a person's name (نوش آبادي)."""
from __future__ import annotations

from functools import lru_cache

from ..text.frequency import zipf

VOWELS = frozenset('وي')
_DROP = str.maketrans('', '', 'وي')
MIN_LENGTH = 4
MAX_ZIPF = 4.0


def skeleton(word: str) -> str:
    """The word without و and ي."""
    return word.translate(_DROP)


def with_more_vowels(short: str, long: str) -> bool:
    """True when `long` is `short` with one or more و / ي put in inside the word (its first and
    last letters kept), and nothing else changed."""
    if len(long) <= len(short) or long[0] != short[0] or long[-1] != short[-1]:
        return False
    i = 0
    for c in long:
        if i < len(short) and c == short[i]:
            i += 1
        elif c not in VOWELS:
            return False
    return i == len(short)


def vowel_variant(word: str, words: frozenset[str]) -> str | None:
    """The word of `words` that is `word` with the fewest و / ي added or dropped (انجيلوس: انجلوس
    before انجلس), or None (none, two as near, or `word` too short or too common to be read so)."""
    skel = bare(word)
    if skel is None:
        return None
    group = by_skeleton(words).get(skel)
    if not group or zipf(word, 'ar') >= MAX_ZIPF:     # (the frequency last: most words have no group)
        return None
    found = [w for w in group if with_more_vowels(word, w) or with_more_vowels(w, word)]
    if len(found) > 1:
        found.sort(key=lambda w: abs(len(w) - len(word)))
        if abs(len(found[1]) - len(word)) == abs(len(found[0]) - len(word)):
            return None
    return found[0] if found else None


@lru_cache(maxsize=65536)
def bare(word: str) -> str | None:
    """The skeleton of an Arabic word long enough to be read as a variant, else None.  (Memoised
    per word: the same next word is looked up in many sets of next words.  A word whose bare
    skeleton is not a key of by_skeleton(words) is no variant of any of them: the longest match
    asks that first, without a call of vowel_variant.)"""
    if len(word) < MIN_LENGTH or not ('\u0621' <= word[0] <= '\u064a'):
        return None
    return skeleton(word)


@lru_cache(maxsize=4096)
def by_skeleton(words: frozenset[str]) -> dict[str, list[str]]:
    """The words of a set (the next words of an index key: a few sets answer most lookups) of at
    least MIN_LENGTH letters by their skeleton, each list in the set's order: every word is
    stripped once per set rather than once per word looked up in it."""
    out: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= MIN_LENGTH:
            out.setdefault(skeleton(w), []).append(w)
    return out


def one_vowel_apart(word: str) -> list[str]:
    """The spellings of `word` with one و / ي more or one fewer inside it (its first and last
    letters kept): سالزبيري -> سالزبري, ...  None for a word too short or too common to vary."""
    if bare(word) is None or zipf(word, 'ar') >= MAX_ZIPF:
        return []
    out = {word[:p] + v + word[p:] for p in range(1, len(word)) for v in VOWELS}
    out.update(word[:p] + word[p + 1:] for p in range(1, len(word) - 1) if word[p] in VOWELS)
    out.discard(word)
    return sorted(out)
