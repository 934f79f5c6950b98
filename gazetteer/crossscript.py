"""Comparing an Arabic spelling with a Latin one: both become a rough sound sketch in one
alphabet, so that تكساس and Texas, كاليفورنيا and California, اسكتلندا and Scotland meet.

`skeleton` keeps the consonants (classes that Arabic spelling of foreign names and Latin
romanisations both keep apart); `sketch` keeps the vowels too (Arabic long vowels, every Latin
vowel), for a finer score between two names whose skeletons agree.  Neither is a
transliteration to show anyone: they are keys for matching only.
"""
from __future__ import annotations

import re
import unicodedata

# Arabic letter -> sound class.  '' drops the letter (hamza seats, ain: romanisations write
# them as apostrophes or not at all).  Vowel letters give a vowel class in the sketch only.
_AR = {
    'ب': 'b', 'ت': 't', 'ط': 't', 'ث': 's', 'ج': 'g', 'ح': 'h', 'خ': 'k', 'د': 'd', 'ذ': 'z',
    'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'x', 'ص': 's', 'ض': 'd', 'ظ': 'z', 'ع': '', 'غ': 'g',
    'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ة': 'a',
    'ء': '', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ؤ': 'u', 'ئ': 'i', 'ا': 'a', 'و': 'u', 'ي': 'i', 'ى': 'a',
}
_AR_VOWELS = frozenset('aiu')
_AR_MARKS = re.compile('[\u064b-\u065f\u0670\u0640]')

# Latin letter groups -> sound class, longest first
_LATIN_GROUPS = [
    ('sch', 'x'), ('tch', 'x'), ('sh', 'x'), ('ch', 'x'), ('ph', 'f'), ('th', 't'), ('dh', 'z'),
    ('kh', 'k'), ('gh', 'g'), ('ck', 'k'), ('qu', 'k'), ('x', 'ks'), ('ts', 's'), ('tz', 's'),
]
_LATIN = {
    'b': 'b', 'p': 'b', 't': 't', 'd': 'd', 'k': 'k', 'q': 'k', 'g': 'g', 'j': 'g', 'f': 'f',
    'v': 'f', 's': 's', 'z': 'z', 'h': 'h', 'l': 'l', 'r': 'r', 'm': 'm', 'n': 'n',
    'a': 'a', 'e': 'i', 'i': 'i', 'o': 'u', 'u': 'u', 'y': 'i', 'w': 'u',
}
_VOWELS = frozenset('aiu')
_ARTICLE_LATIN = re.compile(r'^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath|ad)[\s\-‘’\']+')


def _ar_classes(word: str) -> list[str]:
    w = _AR_MARKS.sub('', word).replace(' ', '').replace('-', '')
    if w.startswith('ال') and len(w) > 4:
        w = w[2:]
    w = w.replace('تش', 'ش')
    out = []
    for i, ch in enumerate(w):
        c = _AR.get(ch)
        if c is None:
            return []          # not Arabic proper: never compared
        if i == 0 and ch in 'اإ' and len(w) > 2 and w[1] == 'س' and w[2] not in 'اويى':
            continue           # prosthetic alef before s + consonant (اسكتلندا, Scotland)
        if c:
            out.append(c)
    return out


def _latin_classes(name: str) -> list[str]:
    s = unicodedata.normalize('NFD', name.lower())
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = _ARTICLE_LATIN.sub('', s)
    s = re.sub(r'[^a-z]', '', s)
    s = re.sub(r'(?<=[aeiou])h$', '', s)   # Raqqah: a final h after a vowel is not said
    s = re.sub(r'(?<=[^aeiou])e$', '', s)  # Bretagne, Centre: nor a final e after a consonant
    out = []
    i = 0
    while i < len(s):
        for g, c in _LATIN_GROUPS:
            if s.startswith(g, i):
                out.extend(c)
                i += len(g)
                break
        else:
            ch = s[i]
            if ch == 'c':
                out.append('s' if s[i + 1:i + 2] in ('e', 'i', 'y') else 'k')
            elif ch in _LATIN:
                out.append(_LATIN[ch])
            i += 1
    return out


def _collapse(classes: list[str]) -> str:
    out = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return ''.join(out)


def _consonants(classes: list[str]) -> str:
    return _collapse([c for c in classes if c not in _VOWELS])


def arabic_skeleton(word: str) -> str:
    return _consonants(_ar_classes(word))


def latin_skeleton(name: str) -> str:
    return _consonants(_latin_classes(name))


def arabic_sketch(word: str) -> str:
    return _collapse(_ar_classes(word))


def latin_sketch(name: str) -> str:
    """Latin vowels written as Arabic writes foreign names: a vowel between consonants counts
    once, like the long vowel Arabic spells for it."""
    return _collapse(_latin_classes(name))


def ends_agree(a: str, l: str) -> bool:
    """Arabic spells a foreign name's first and last vowels: a name that begins with a vowel
    begins with one in Arabic too, and one that ends with a vowel ends with the same vowel
    (Victoria is no فيكتور); a name ending with a consonant may gain a final alef in Arabic
    (Scotland, اسكتلندا)."""
    if not a or not l or (a[0] in _VOWELS) != (l[0] in _VOWELS):
        return False
    if l[-1] in _VOWELS:
        return a[-1] == l[-1]
    return a[-1] == l[-1] or (a[-1] == 'a' and len(a) > 1 and a[-2] == l[-1])


def similarity(arabic: str, latin: str) -> float:
    """0..100: how well an Arabic spelling renders a Latin name (0 unless the consonant skeletons
    and the ends agree)."""
    from rapidfuzz import fuzz

    sk = arabic_skeleton(arabic)
    if not sk or sk != latin_skeleton(latin):
        return 0.0
    a, l = arabic_sketch(arabic), latin_sketch(latin)
    if not ends_agree(a, l):
        return 0.0
    return float(fuzz.ratio(a, l))
