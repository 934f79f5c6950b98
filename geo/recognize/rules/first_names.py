"""A first name right before another name-like word starts a person's name (سيرجي رودسكوي,
Paris Hilton), even when some gazetteer lists the first name as a place."""
from ...text.dictionary import is_function_word
from .people import joined_to_notable_place


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
    if joined_to_notable_place(span, doc):
        return False          # فهد بجدة (but مصطفى بكري: a surname, not ب + Creil)
    if doc.keys[span.i - 1] not in doc.lex.first_names:
        return False          # (most spans: the word before is no first name)
    if is_preposition_spelling(doc.tokens[span.i - 1], doc):
        return False
    if not doc.one_space_between(span.i - 1, span.i):
        return False
    return doc.lang == 'ar' or doc.tokens[span.i].cap
