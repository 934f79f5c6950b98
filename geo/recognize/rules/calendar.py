"""Weekdays and months (الخميس, أيلول, March) are never places on their own."""


def is_calendar_word(span, doc) -> bool:
    if span.cue:
        return False
    lex = doc.lex
    return span.key in lex.weekdays or span.key in lex.months
