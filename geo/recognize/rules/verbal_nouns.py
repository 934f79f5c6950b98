"""Arabic: the word right after a passive auxiliary (تم رصد "was detected", جرى كشف, يتم تحرير) is
the verbal noun the auxiliary carries, never a place, whatever gazetteer lists it (رصد -> Raşad,
Yemen).  The place, if any, comes after it (تم تحرير الرقة)."""


def after_passive_auxiliary(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.i == 0:
        return False
    return doc.keys[span.i - 1] in doc.lex.words('passive_auxiliaries') and doc.one_space_between(span.i - 1, span.i)
