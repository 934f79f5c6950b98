"""Language of a document, from its script: Arabic letters against Latin letters."""
from __future__ import annotations

import re

_AR = re.compile('[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]+')    # runs: fewer objects
_LATIN = re.compile('[A-Za-z\u00c0-\u024f]+')
_PLAIN_AR = re.compile('[\u0621-\u064a]+')      # within _AR
_PLAIN_LATIN = re.compile('[A-Za-z]+')          # within _LATIN
SUPPORTED = ('ar', 'en')
SAMPLE = 20000    # characters read from the start of a text


def detect(text: str, sample: int = SAMPLE) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (our two languages)."""
    return by_balance(balance(text[:sample]))


def balance(s: str) -> int:
    """Arabic letters minus Latin letters in s (what detect weighs).  The tokenizer asks for every
    new word: one of plain Arabic or ASCII letters (most words) is counted by one match."""
    if _PLAIN_AR.fullmatch(s):
        return len(s)
    if _PLAIN_LATIN.fullmatch(s):
        return -len(s)
    return sum(map(len, _AR.findall(s))) - sum(map(len, _LATIN.findall(s)))


def by_balance(arabic_minus_latin: int) -> str:
    """The language of a text with that balance of letters (see detect)."""
    return 'ar' if arabic_minus_latin > 0 else 'en'
