"""English: a place name right before a street word names the street (Clarksville Street, Paris
Road), not the place."""


def names_a_street(span, doc) -> bool:
    if doc.lang != 'en' or span.cue or span.j >= len(doc.tokens):
        return False
    nxt = doc.tokens[span.j]
    return nxt.cap and doc.one_space_between(span.j - 1, span.j) \
        and nxt.key in doc.lex.words('street_words')
