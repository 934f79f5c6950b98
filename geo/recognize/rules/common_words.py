"""Common words that a gazetteer somewhere lists as a place (المدينة, وحدة, The, Police) are
never tagged on their own: only a cue word or a longer name makes them places."""


def is_common_word(span, doc) -> bool:
    return not span.cue and span.key in doc.lex.common_words


def is_common_english_word(span, doc) -> bool:
    """In English the list is capitalised words that start sentences and names (Police, Court,
    Union): they never name a place alone.  Arabic ones (الخليج، الجزيرة) are evidence only."""
    return doc.lang == 'en' and span.j - span.i == 1 and is_common_word(span, doc)
