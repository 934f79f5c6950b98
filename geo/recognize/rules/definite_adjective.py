"""Arabic: a definite word right after a definite noun agrees with it as an adjective
(المناطق الخارجة, الحكومة السعودية, للمرأة الغربية): not a place, even when a gazetteer lists
the word."""
import re

# a definite noun, behind و / ف and a preposition: المرأة, والمرأة, بالمرأة, للمرأة, وللمرأة
_DEFINITE = re.compile('^[وف]?(?:[بك]?ال|(لل))(.{2,})$')   # group 1: the لل of ل + ال


def is_definite_adjective(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.how != 'gazetteer' or span.i == 0 or span.proclitics:
        return False
    toks = doc.tokens
    word, prev = toks[span.i], toks[span.i - 1]
    if not (span.key.startswith('ال') and word.start == span.start):
        return False
    if not doc.one_space_between(span.i - 1, span.i) or not prev.arabic:
        return False
    return definite_noun_before(prev.key, doc)


def definite_noun_before(pk: str, doc) -> bool:
    """The part of the rule that reads the word before (its key pk) alone: a definite noun, not a
    place word, a title or a name the index holds (rules/gates.py keeps it per word)."""
    m = _DEFINITE.match(pk)
    if m is None:
        return False
    stem = m.group(2)
    if any(w in doc.lex.cues or w in doc.lex.titles for w in (pk, stem, 'ال' + stem)) \
            and stem not in doc.lex.words('channel_cues'):
        return False      # بالمدينة الرقة, للوزير الأحمد: a place word or a title, then a name
                          # (but القناة السعودية is the Saudi channel: القناة names no place)
    if m.group(1) and _indefinite_l_word(stem):
        return False      # للجنة: ل + لجنة "for a committee" (idafa: لجنة الأحمدي), not ل + الجنة
    return not (pk in doc.index and pk not in doc.lex.common_words)


def _indefinite_l_word(stem: str) -> bool:
    """After لل, is the word ل + (a word of its own that starts with ل) rather than ل + ال + stem?
    The commoner of the two readings decides."""
    from ...text.frequency import zipf
    return zipf('ل' + stem, 'ar') > zipf('ال' + stem, 'ar')
