"""Name folding: the one function that turns a place name (or a span of text) into its lookup key.

The index folds every name it stores with `fold`, and the text side folds every candidate span
with the same function, so both sides always agree.  Folding is idempotent: fold(fold(x)) == fold(x).

Arabic: diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel are
dropped; alef forms (أ إ آ ٱ) become ا; ى becomes ي; ة becomes ه; Persian/Urdu letter forms that
GeoNames uses for Arabic names (ی ک ە ۀ) become their Arabic twins; Arabic-Indic digits become ASCII.
Latin: case-folded, accents stripped, apostrophes dropped (Dar'a -> dara), other punctuation
(hyphens, dots, commas) becomes a space (Deir ez-Zor -> deir ez zor; U.S. -> u s -> "us" via
dotted-initial joining).  Whitespace (including zero-width and bidi marks) collapses to one space.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# characters removed outright: Arabic marks, tatweel, zero-width and bidi controls, soft hyphen
_DROP = dict.fromkeys(
    [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640,
     0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD, 0x2060, 0x061C],
)
_MAP = {
    ord('أ'): 'ا', ord('إ'): 'ا', ord('آ'): 'ا', ord('ٱ'): 'ا', ord('ٲ'): 'ا', ord('ٳ'): 'ا',
    ord('ى'): 'ي', ord('ی'): 'ي', ord('ې'): 'ي', ord('ۍ'): 'ي', ord('ئ'): 'ي',
    ord('ة'): 'ه', ord('ۀ'): 'ه', ord('ە'): 'ه', ord('ھ'): 'ه', ord('ہ'): 'ه',
    ord('ک'): 'ك', ord('ؤ'): 'و',
    # apostrophes and letter-like quote marks vanish inside names (Dar'a, N'Djamena)
    ord("'"): None, ord('’'): None, ord('‘'): None, ord('`'): None, ord('ʼ'): None,
    ord('ʻ'): None, ord('ʿ'): None, ord('ʾ'): None, ord('´'): None,
}
for _i in range(10):
    _MAP[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _MAP[0x06F0 + _i] = str(_i)  # Extended Arabic-Indic digits
_MAP.update(_DROP)

_NON_WORD = re.compile(r'[\W_]+')
_INITIALS = re.compile(r'(?<![a-z])((?:[a-z] ){1,}[a-z])(?![a-z])')


# combining accents of Latin, Greek and Cyrillic letters (Arabic marks are handled by _DROP)
_COMBINING = re.compile('[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]')


def _strip_latin_accents(s: str) -> str:
    if s.isascii():
        return s
    # recompose afterwards so Arabic letters with hamza etc. are single code points again
    return unicodedata.normalize('NFC', _COMBINING.sub('', unicodedata.normalize('NFD', s)))


def _join_initials(m: re.Match) -> str:
    return m.group(1).replace(' ', '')


_ASCII_MAP = {ord("'"): None, ord('`'): None}


# a word of plain Arabic letters, marks and tatweel: normalisation and accent stripping leave it
# alone (the letters a mark composes with map to the bare letter either way), so the tables do all
# (tests/test_keys.py checks this against the full path)
_PLAIN_ARABIC = re.compile('[\u0621-\u065f\u0670\u0640]+')
# ... and of its letters alone (most words of Arabic text): of them _MAP changes only a few (أ إ آ
# ى ئ ة ؤ), so a str.replace for each one the word holds makes its key, at a fraction of what
# translate costs (a dict look-up per character)
ARABIC_LETTERS = re.compile('[\u0621-\u063f\u0641-\u064a]+')
_LETTER_FOLDS = tuple((chr(c), to) for c, to in _MAP.items() if ARABIC_LETTERS.fullmatch(chr(c)))


def fold_uncached(name: str) -> str:
    """fold() without the cache, for bulk use (index builds, the tokenizer's per-word memo)."""
    if ARABIC_LETTERS.fullmatch(name):
        return fold_letters(name)
    if _PLAIN_ARABIC.fullmatch(name):
        return name.translate(_MAP)
    return _fold_general(name)


def fold_letters(name: str) -> str:
    """fold_uncached of a word that ARABIC_LETTERS matches whole (for a caller that has checked)."""
    for a, b in _LETTER_FOLDS:
        if a in name:
            name = name.replace(a, b)
    return name


def _fold_general(name: str) -> str:
    if name.isascii():
        s = name.translate(_ASCII_MAP).lower()
    else:
        s = unicodedata.normalize('NFKC', name).translate(_MAP).casefold()
        s = _strip_latin_accents(s).translate(_MAP)
    s = _NON_WORD.sub(' ', s).strip()
    if ' ' in s and len(s) <= 40:
        # single letters separated by dots or spaces are initials: "U.S." -> "us", "U. K." -> "uk"
        s = _INITIALS.sub(_join_initials, s)
    return s


fold = lru_cache(maxsize=200_000)(fold_uncached)
fold.__doc__ = """Return the lookup key of a name.  Empty string when nothing is left."""


def squash(key: str) -> str:
    """The key without spaces: run-together spellings (ديرالزور, حفرالباطن) share it."""
    return key.replace(' ', '')


_ARABIC = re.compile('[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]')


def is_arabic(s: str) -> bool:
    """True when the string has at least one Arabic letter."""
    return _ARABIC.search(s) is not None
