"""Language of a document, from its script: Arabic letters against Latin letters."""
from __future__ import annotations

import re

_AR = re.compile('[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]+')    # runs: fewer objects
_LATIN = re.compile('[A-Za-z\u00c0-\u024f]+')
SUPPORTED = ('ar', 'en')


def detect(text: str, sample: int = 20000) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (our two languages)."""
    s = text[:sample]
    return 'ar' if sum(map(len, _AR.findall(s))) > sum(map(len, _LATIN.findall(s))) else 'en'
