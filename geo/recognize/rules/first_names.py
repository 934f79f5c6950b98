"""A first name right before another name-like word starts a person's name (سيرجي رودسكوي,
Paris Hilton), even when some gazetteer lists the first name as a place."""


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


def follows_first_name(span, doc) -> bool:
    """مصطفى بكري, John Kerry: a name right after a first name is a surname."""
    if span.cue or span.i == 0 or span.j - span.i > 1:
        return False
    if doc.keys[span.i - 1] not in doc.lex.first_names:
        return False          # (most spans: the word before is no first name)
    if not doc.one_space_between(span.i - 1, span.i):
        return False
    return doc.lang == 'ar' or doc.tokens[span.i].cap
