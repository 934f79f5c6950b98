"""English: a place name right before a street word names the street (Clarksville Street, Paris
Road), not the place."""
from ...text.token_list import CAP


def names_a_street(span, doc) -> bool:
    if doc.lang != 'en' or span.cue or span.j >= len(doc.tokens):
        return False
    j = span.j
    return doc.tokens.infos[j][CAP] and doc.one_space_between(j - 1, j) \
        and doc.keys[j] in doc.lex.words('street_words')     # (the word's memo entry: no Token made)
