"""Arabic: a proclitic reading (و+لاية, ك+ريم, ل+لحج, ك+بار) loses to the whole word when the
whole word is itself a common word at least about as common as the name it would hide: ولاية
"state", كريم "generous", للحج "for the pilgrimage", كبار "senior".  A famous name read after a
proclitic (لسوريا، وسوريا) is far more common than the joined form, and stays."""
from __future__ import annotations

from ...text.frequency import zipf

WORD_ZIPF = 3.5      # the joined form must be a word of the language
MARGIN = 0.3         # and not much rarer than the name behind the proclitic


def is_joined_word(span, doc) -> bool:
    if doc.lang != 'ar' or not span.proclitics or span.cue or span.j - span.i != 1:
        return False
    joined = zipf(doc.tokens[span.i].key, 'ar')
    return joined >= WORD_ZIPF and joined >= zipf(span.key, 'ar') - MARGIN
