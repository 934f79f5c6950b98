"""English: a single capitalised word at the start of a sentence that the same document also
writes in lower case ("Police said ..." / "the police") is a common word, not a place."""
from __future__ import annotations

_ENDS = '.!?:"“'     # what may stand before a sentence's first word (then only white space)


def is_sentence_case_word(span, doc) -> bool:
    if doc.lang != 'en' or span.cue or span.j - span.i != 1:
        return False
    k = span.i
    _, text, _, arabic, _, upper, _ = doc.tokens.infos[k]     # (the token's memo entry: no Token made)
    if arabic or upper:
        return False
    # a sentence start: the (up to) 3 characters before the word are white space, or end in one of
    # _ENDS and white space, or their white space holds a line break (str.rstrip strips what the
    # regular expression's \s matches)
    start = doc.starts[k]
    before = doc.text[max(0, start - 3):start]
    stripped = before.rstrip()
    if stripped and stripped[-1] not in _ENDS and '\n' not in before[len(stripped):]:
        return False
    # whether the document writes the word in lower case somewhere: a token so written is Latin
    # (as this one is)
    word = text.lower()
    return word.islower() and word in doc.word_set
