"""Which writing system a name is in, and per-source name statistics for `geo gazetteer info`."""
from __future__ import annotations

import bisect
from collections import Counter

from .place import Place

# (first code point, script) of the blocks we tell apart; anything else is 'other'
_BLOCKS = [
    (0x0041, 'Latin'), (0x0250, 'other'), (0x0370, 'Greek'), (0x0400, 'Cyrillic'), (0x0530, 'Armenian'),
    (0x0590, 'Hebrew'), (0x0600, 'Arabic'), (0x0700, 'Syriac'), (0x0750, 'Arabic'), (0x0780, 'Thaana'),
    (0x07C0, 'other'), (0x08A0, 'Arabic'), (0x0900, 'Indic'), (0x0E00, 'Thai'), (0x0E80, 'Lao'),
    (0x0F00, 'Tibetan'), (0x1000, 'Myanmar'), (0x10A0, 'Georgian'), (0x1100, 'Hangul'), (0x1200, 'Ethiopic'),
    (0x13A0, 'other'), (0x1780, 'Khmer'), (0x1800, 'Mongolian'), (0x18B0, 'other'), (0x1E00, 'Latin'),
    (0x1F00, 'Greek'), (0x2000, 'other'), (0x2D30, 'Tifinagh'), (0x2D80, 'other'), (0x3040, 'Kana'),
    (0x3100, 'other'), (0x3400, 'Han'), (0xA000, 'other'), (0xAC00, 'Hangul'), (0xD7B0, 'other'),
    (0xF900, 'Han'), (0xFB00, 'other'), (0xFB50, 'Arabic'), (0xFE00, 'other'), (0xFE70, 'Arabic'),
    (0xFF00, 'other'), (0x20000, 'Han'), (0x2FA20, 'other'),
]
_STARTS = [b[0] for b in _BLOCKS]
_CACHE: dict[str, str] = {}


def _char_script(ch: str) -> str:
    s = _CACHE.get(ch)
    if s is None:
        i = bisect.bisect_right(_STARTS, ord(ch)) - 1
        s = _CACHE[ch] = _BLOCKS[i][1] if i >= 0 else 'other'
    return s


def script_of(name: str) -> str:
    """The script of the first letter of a name ('Latin', 'Arabic', 'Cyrillic', 'Han' ...)."""
    if name.isascii():
        return 'Latin' if any(c.isalpha() for c in name) else 'other'
    for ch in name:
        if ch.isalpha():
            return _char_script(ch)
    return 'other'


class NameStats:
    """Counts, for one source, its records, their names by script, and the records that carry
    at least one Arabic-script name."""

    def __init__(self) -> None:
        self.records = 0
        self.with_arabic = 0
        self.scripts: Counter[str] = Counter()

    def add(self, p: Place) -> None:
        self.records += 1
        arabic = bool(p.name_ar)
        latin = 0
        scripts = self.scripts
        names = (p.name, *p.names)
        if p.aliases or p.name_ar:  # curated forms are often among the names already: count once
            seen = set(names)
            names += tuple(n for n in dict.fromkeys((*p.aliases, p.name_ar)) if n and n not in seen)
        for n in names:
            if n.isascii():
                latin += n != ''
                continue
            s = script_of(n)
            scripts[s] += 1
            arabic = arabic or s == 'Arabic'
        if latin:
            scripts['Latin'] += latin
        self.with_arabic += arabic

    def as_dict(self) -> dict:
        return {'names': sum(self.scripts.values()), 'with_arabic': self.with_arabic,
                'scripts': dict(self.scripts.most_common())}
