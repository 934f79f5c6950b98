"""Arabic nisba adjectives: السوري، السورية، الروسية، الصيني، العراقيين are adjectives made from
place names (Syrian, Russian, Chinese), not the places.  A definite word ending in ي / ية / يون /
يين / يات whose stem names a country or city is dropped, unless the word itself is that place's
own name (السعودية، الإمارات are handled by context in resolution)."""
from __future__ import annotations

from ...placetypes import NAME_KINDS

SUFFIXES = ('يين', 'يون', 'يات', 'يه', 'ي')
# its key in index.derived (a tuple: the scanning stages' memos there have str keys, geo.recognize.words)
_MEMO = (__name__, 'nisba words')


def stem_places(key: str) -> list[str]:
    """Place-name keys an adjective could derive from: السوريه -> سوريا, سوريه, السور ..."""
    if not key.startswith('ال') or ' ' in key:
        return []
    body = key[2:]
    for suf in SUFFIXES:
        if body.endswith(suf) and len(body) - len(suf) >= 2:
            stem = body[:-len(suf)]
            return [stem + 'يا', stem + 'يه', stem, 'ال' + stem, stem + 'ا', stem + 'ه']
    return []


def definite_nisba_form(key: str) -> bool:
    """الأمريكي، الفرنسية: a definite word shaped like a nisba adjective (-ي, -ية), the form alone."""
    return key.startswith('ال') and len(key) > 4 and key.endswith(('ي', 'يه'))


def after_nisba_preposition(span, doc) -> bool:
    """في سورية: a word right after a preposition that takes a place."""
    return span.i > 0 and doc.tokens[span.i - 1].key in doc.lex.words('nisba_prepositions')


def may_be_indefinite_nisba(span, doc) -> bool:
    """is_indefinite_nisba on the span's own facts: all of it but the word before."""
    key = span.key
    if not (key.endswith('يه') and not key.startswith('ال') and span.j - span.i == 1):
        return False
    usual = any(kind in (NAME_KINDS['name'], NAME_KINDS['alias']) for _, kind in span.rows)
    return not (usual or span.proclitics)


def is_indefinite_nisba(span, doc) -> bool:
    """روسية in طائرات روسية: an indefinite adjective whose form some source also lists as the
    country's name.  Kept only after a preposition, or when it is the country's usual name."""
    return may_be_indefinite_nisba(span, doc) and not after_nisba_preposition(span, doc)


def is_nisba_word(key: str, doc, countries_only: bool = False) -> bool:
    """True when a definite word is an adjective made from a country or big place name (from a
    country's name only, with countries_only).  Memoised in index.derived (emptied when places
    are added to the index)."""
    index = doc.index
    memo = index.derived.get(_MEMO)
    if memo is None or len(memo) >= 50_000:
        memo = index.derived[_MEMO] = {}
    got = memo.get((key, countries_only))
    if got is None:
        got = memo[(key, countries_only)] = _is_nisba_word(key, index, countries_only)
    return got


def _is_nisba_word(key: str, index, countries_only: bool) -> bool:
    for k in stem_places(key):
        for r, _ in index.rows(k):
            c = index.core(r)
            if c.type == 'country' or not countries_only and (
                    c.type in ('admin1', 'region', 'continent') or c.population >= 100_000):
                return True
    return False


def may_be_masculine_nisba(span, doc) -> bool:
    """is_masculine_nisba on the span's own facts: all of it but the word before."""
    key = span.key
    if not (key.endswith('ي') and not key.startswith('ال') and span.j - span.i == 1) or span.proclitics:
        return False
    usual = (NAME_KINDS['name'], NAME_KINDS['alias'])
    if any(kind in usual and doc.index.core(r).type in ('country', 'admin1') for r, kind in span.rows):
        return False              # مالي، دبي: the usual name; تركي، ليبي only some source's spelling
    return is_nisba_word('ال' + key, doc, countries_only=True)


def is_masculine_nisba(span, doc) -> bool:
    """سوري in مسؤول حكومي سوري: an indefinite masculine adjective made from a country's name
    (سوريا), though a gazetteer lists the word (Surrey).  Only countries: many names and words end
    in ي (هراري، أدى).  Kept after a preposition, or when the word itself is the usual name of a
    country or province (مالي، دبي)."""
    return may_be_masculine_nisba(span, doc) and not after_nisba_preposition(span, doc)


def is_definite_nisba(span, doc) -> bool:
    """السوري، الروسية: a definite word with a nisba ending whose stem names a country or big
    place, unless the word is itself a country's or province's name (السعودية)."""
    if not stem_places(span.key):
        return False
    own = {doc.index.core(r).type for r, _ in span.rows}
    if own & {'country', 'admin1'}:
        return False  # the word is itself a country / province name (السعودية)
    return is_nisba_word(span.key, doc)


def is_nisba_adjective(span, doc) -> bool:
    if span.cue or span.how != 'gazetteer' or doc.lang != 'ar':
        return False
    return is_indefinite_nisba(span, doc) or is_masculine_nisba(span, doc) or is_definite_nisba(span, doc)


def nisba_left_to_test(span, doc):
    """What is left of is_nisba_adjective after the span's own facts (rules/own.py): True when
    they decide it, the test of the word before when that decides, False when it cannot hold."""
    if span.cue or span.how != 'gazetteer' or doc.lang != 'ar':
        return False
    if is_definite_nisba(span, doc):
        return True
    if may_be_indefinite_nisba(span, doc) or may_be_masculine_nisba(span, doc):
        return not_after_nisba_preposition
    return False


def not_after_nisba_preposition(span, doc) -> bool:
    return not after_nisba_preposition(span, doc)
