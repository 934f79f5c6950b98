"""Arabic: a definite word right after a definite noun agrees with it as an adjective
(المناطق الخارجة, الحكومة السعودية): not a place, even when a gazetteer lists the word."""


def is_definite_adjective(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.how != 'gazetteer' or span.i == 0 or span.proclitics:
        return False
    toks = doc.tokens
    word, prev = toks[span.i], toks[span.i - 1]
    if not (span.key.startswith('ال') and word.start == span.start):
        return False
    if doc.text[prev.end:word.start] != ' ' or not prev.arabic:
        return False
    pk = prev.key
    if not (pk.startswith('ال') and len(pk) > 3) or pk in doc.lex.cues or pk in doc.lex.titles:
        return False
    return not (pk in doc.index and pk not in doc.lex.common_words)
