"""A cue word on its own (بلدة, حي, مدينة, province) is a common noun, not the place some
gazetteer names after it."""


def is_cue_word(span, doc) -> bool:
    return not span.cue and span.key in doc.lex.cues
