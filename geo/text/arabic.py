"""Arabic proclitics: the conjunctions و ف, the prepositions ب ل ك and the article after ل (لل)
are written joined to the next word.  Splitting them off yields the word a gazetteer knows,
together with how many characters of the ORIGINAL token they took (marks included), so offsets
are never lost."""
from __future__ import annotations

CONJ = 'وف'
PREP = 'بلك'
_MARKS = set('\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a'
             '\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657'
             '\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u0640\u200c\u200d'
             # invisible characters a token may hold (geo.text.tokens): bidi marks, zero-width space
             '\u00ad\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff')
MARK_CHARS = ''.join(sorted(_MARKS))   # the same, as a string (for str.strip)
MIN_STEM = 3  # a stripped word keeps at least this many letters
_CLITIC_LETTERS = frozenset(CONJ + PREP)
# prepositional idioms that are never a preposition + a name (بحجة "under the pretext")
FIXED = frozenset({'بحجه', 'بحسب', 'بشان', 'بسبب', 'بفعل', 'بموجب', 'بخصوص', 'بصفه', 'بصوره', 'بمثابه',
                   'بواسطه', 'بجانب', 'بدلا', 'بدل', 'بحضور', 'بمناسبه', 'بقياده', 'برئاسه', 'بهدف', 'بغيه',
                   'لصالح', 'لدعم', 'لمواجهه', 'كذلك', 'كما', 'لذلك', 'لهذا', 'بهذا', 'بذلك'})


def skip_letters(surface: str, n: int) -> int:
    """Offset in `surface` just after its first n letters and the marks that follow them."""
    i = 0
    for _ in range(n):
        while i < len(surface) and surface[i] in _MARKS:
            i += 1
        i += 1
    while i < len(surface) and surface[i] in _MARKS:
        i += 1
    return i


def proclitic_variants(surface: str, key: str) -> list[tuple[int, str, str]]:
    """Readings of an Arabic token as (offset into the surface, lookup key, proclitics), the
    unsplit reading first.  `key` is the folded token (marks and tatweel already gone, so one
    letter of the key is one letter of the surface).  Every new word of a text is read here, so
    the common cases are cheap: a word no proclitic can begin has one reading, and a surface
    without marks is its own list of letters (an offset is then the number of letters)."""
    c0 = key[:1]
    if c0 not in _CLITIC_LETTERS:
        return [(0, key, '')]                 # most words: no proclitic can begin them
    out = [(0, key, '')]
    if c0 in CONJ:
        # و / ف and the stem after it, with the stem's preposition (or لل) split off first: the
        # stem keeps one letter more (وكالة is not و + ك + الة).  (The unsplit word begins with
        # و / ف, which is no preposition.)
        if len(key) > MIN_STEM:
            stem = key[1:]
            _split_preposition(out, 1, stem, c0, MIN_STEM + 1)
            out.append((1, stem, c0))
    else:
        _split_preposition(out, 0, key, '', MIN_STEM)
    # (the readings differ in length or in their first letters: no two are the same key)
    plain = _MARKS.isdisjoint(surface)
    letters = surface if plain else [c for c in surface if c not in _MARKS]
    uniq = []
    for n, k, pre in out:
        # a proclitic letter before a hamza-alef begins no word: لأول is ل + أول "first", not
        # Laval's لاول; وأدى is و + أدى "led to", not وادي "valley"
        if k[0] in _CLITIC_LETTERS and len(letters) > len(pre) + 1 and letters[len(pre) + 1] in 'أإآ':
            continue
        uniq.append((n if plain or not n else skip_letters(surface, n), k, pre))
    return uniq


def _split_preposition(out: list, n: int, k: str, pre: str, least: int) -> None:
    """Add the reading of stem k (n letters in) with ب ل ك, or ل + ال written لل, split off."""
    if len(k) > least + 1 and k.startswith('لل'):
        # ل + ال with the alef dropped: للمدينة -> المدينة (the span starts after لل)
        out.append((n + 2, 'ال' + k[2:], pre + 'لل'))
    elif len(k) > least and k[0] in PREP and k not in FIXED:
        out.append((n + 1, k[1:], pre + k[0]))


def definite(key: str) -> bool:
    return key.startswith('ال') and len(key) > 3
