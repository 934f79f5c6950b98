"""Language of a document, from its script: Arabic letters against Latin letters."""
from __future__ import annotations

import re

_AR = re.compile('[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]+')    # runs: fewer objects
_LATIN = re.compile('[A-Za-z\u00c0-\u024f]+')
SUPPORTED = ('ar', 'en')
SAMPLE = 20000    # characters read from the start of a text


def detect(text: str, sample: int = SAMPLE) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (our two languages)."""
    return by_letters(*letters(text[:sample]))


def letters(s: str) -> tuple[int, int]:
    """(Arabic letters, Latin letters) in s."""
    return sum(map(len, _AR.findall(s))), sum(map(len, _LATIN.findall(s)))


def by_letters(arabic: int, latin: int) -> str:
    """The language of a text with so many Arabic and Latin letters (see detect)."""
    return 'ar' if arabic > latin else 'en'
