"""Common words that a gazetteer somewhere lists as a place (المدينة, وحدة, The, Police) are
never tagged on their own: only a cue word or a longer name makes them places."""


def is_common_word(span, doc) -> bool:
    return not span.cue and span.key in doc.lex.common_words
