"""English: a single capitalised word at the start of a sentence that the same document also
writes in lower case ("Police said ..." / "the police") is a common word, not a place."""
from __future__ import annotations

import re

_START = re.compile(r'(?:^|[.!?:"“\n])\s*$')


def is_sentence_case_word(span, doc) -> bool:
    if doc.lang != 'en' or span.cue or span.j - span.i != 1:
        return False
    tok = doc.tokens[span.i]
    if tok.arabic or tok.upper:
        return False
    if not _START.search(doc.text[max(0, tok.start - 3):tok.start]):
        return False
    # whether the document writes the word in lower case somewhere: a token so written is Latin
    # (as this one is), and doc.words is there already (the names stage reads it)
    word = tok.text.lower()
    return word.islower() and word in doc.words
