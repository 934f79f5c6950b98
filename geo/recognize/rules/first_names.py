"""A first name right before another name-like word starts a person's name (سيرجي رودسكوي,
Paris Hilton), even when some gazetteer lists the first name as a place."""
from ...placetypes import ARAB_WORLD
from ...text.arabic import proclitic_variants
from ...text.dictionary import is_function_word, is_word
from ...text.frequency import zipf
from .people import joined_to_notable_place, notable_place


def is_preposition_spelling(tok, doc) -> bool:
    """على "on" folds to علي "Ali": a word written with a final ى that folds to a particle of the
    language is the particle, not the first name (هجوم على حلب)."""
    return doc.lang == 'ar' and tok.text.endswith('ى') and is_function_word(tok.key, 'ar')


def is_first_name(span, doc) -> bool:
    if span.cue or span.j - span.i != 1 or span.key not in doc.lex.first_names or span.j >= len(doc.tokens):
        return False
    nxt = doc.tokens[span.j]
    if not doc.one_space_between(span.i, span.j):
        return False
    if doc.lang == 'ar':
        if not nxt.arabic or nxt.key.startswith(('و', 'في')):
            return False
        # بشار الأسد، دونالد ترامب: a family name (with the article, or a known person's name)
        return nxt.key.startswith('ال') or nxt.key in doc.lex.words('person_names') or nxt.key not in doc.index
    return nxt.cap and nxt.key not in doc.lex.common_words


def is_theophoric(span, doc) -> bool:
    """نصر الله، فضل الله: a two-word name ending in الله, as family names are."""
    return span.j - span.i == 2 and doc.keys[span.j - 1] == 'الله'


def follows_first_name(span, doc) -> bool:
    """مصطفى بكري, John Kerry, حسن نصر الله: a name right after a first name is a surname."""
    if span.cue or span.i == 0 or span.j - span.i > 1 and not is_theophoric(span, doc):
        return False
    if doc.keys[span.i - 1] not in doc.lex.first_names:
        return False          # (most spans: the word before is no first name)
    if is_preposition_spelling(doc.tokens[span.i - 1], doc) or not doc.one_space_between(span.i - 1, span.i):
        return False
    if doc.lang != 'ar':
        return doc.tokens[span.i].cap
    return not joined_to_notable_place(span, doc)     # فهد بجدة (but مصطفى بكري: a surname, not ب + Creil)


UNKNOWN_ZIPF = 3.0     # a word rarer than this, that neither the index nor the dictionary knows ...


def follows_unknown_name(span, doc) -> bool:
    """بوب وودوارد, سيلاهاتين دميرتاش: a foreign place name right next to a word that no gazetteer,
    dictionary or word list knows is part of a person's name: the family name after a first name
    no list holds, or the first name before such a family name (جوزيف ميسفود، فيكتوريا مارينوفا).
    Not for a notable place or one of the Arab world, where names of places stand next to names
    of people, groups and things."""
    return may_follow_unknown_name(span, doc) and after_unknown_word(span, doc)


def may_follow_unknown_name(span, doc) -> bool:
    """follows_unknown_name on the span's own facts (rules/own.py)."""
    if doc.lang != 'ar' or span.cue or span.proclitics or span.j - span.i != 1 or not span.rows:
        return False
    index = doc.index
    return not any(notable_place(c) or c.country in ARAB_WORLD for c in (index.core(r) for r, _ in span.rows))


def after_unknown_word(span, doc) -> bool:
    """The word before the span, or the word after it, one space apart, is Arabic and known to
    no list (rarer than UNKNOWN_ZIPF, in no gazetteer, not in the dictionary)."""
    i = span.i
    if i > 0 and _unknown(doc.tokens[i - 1], doc) and doc.one_space_between(i - 1, i):
        return True
    j = span.j
    return j < len(doc.tokens) and _unknown(doc.tokens[j], doc) and doc.one_space_between(j - 1, j)


_SUFFIXES = ('هما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه')    # pronouns joined at a word's end
KNOWN_STEM_ZIPF = 3.5     # a stem this common, once a proclitic is off, makes the word known (بفلوريدا)


def _unknown(tok, doc) -> bool:
    """A word of no list, also once a proclitic (بفلوريدا, بولاية: a common stem) or a pronoun
    (تفنيده) is taken off; بايزلي stays unknown though ب + ايزلي reads as a rare word."""
    key = tok.key
    if not tok.arabic or not unknown_key(key, doc):
        return False
    return not any(zipf(k, 'ar') >= KNOWN_STEM_ZIPF for _, k, pre in proclitic_variants(tok.text, key) if pre)


def unknown_key(key: str, doc) -> bool:
    """The part of _unknown that reads the word's key alone (rules/gates.py keeps it per word): rare,
    in no gazetteer, not in the dictionary, also once a pronoun is taken off."""
    if len(key) < 3 or zipf(key, 'ar') >= UNKNOWN_ZIPF or key in doc.index or is_word(key, 'ar'):
        return False
    return not any(key.endswith(suf) and len(key) - len(suf) >= 3 and is_word(key[:-len(suf)], 'ar')
                   for suf in _SUFFIXES)
