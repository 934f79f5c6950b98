"""A name right after a person's title (الوزير, اللواء, Gov., Sgt) is a person's name.

In Arabic the title may carry its adjectives, and a comma, before the name: الرئيس الأمريكي
الأسبق، بيل كلينتون; رئيس الوزراء الكندي، جاستن ترودو; نظيره الروسي فلاديمير بوتين.  The adjectives
are nisba words (الأمريكي، الخارجية: definite, ending in ي / ية) or words of the
`title_adjectives` list (السابق، العام), at most MAX_ADJECTIVES of them, one space apart; a title
written with a proclitic counts too (للسفيرة هايلي, والقس برانسون).  A place the walk reaches that
is notable (rules.people.notable_place) stays a place: زار وزير الخارجية القطري بغداد.

Never after a title that governs a genitive (رئيس تشاد, زعيم كوريا الشمالية, محافظ جدة: an Arabic
title without the article or a pronoun), nor for a notable place with a preposition joined (السفير
السعودي بالولايات المتحدة; but الوزير بكري is a surname, not ب + Creil)."""
from functools import lru_cache

from .nisba import definite_nisba_form
from .people import joined_to_notable_place, notable_place

MAX_ADJECTIVES = 3
_BEFORE_NAME = frozenset((' ', ', ', '، ', ' ، ', ' , '))     # between the title's last word and the name


@lru_cache(maxsize=8)
def _last_words(titles: frozenset[str]) -> frozenset[str]:
    """The last word of every two-word title (ولي العهد: العهد)."""
    return frozenset(t.split(' ')[-1] for t in titles if ' ' in t)


_CLITIC_FIRST = frozenset('وفل')


def _unclitic(key: str) -> str:
    """والقس -> القس, للسفيرة -> السفيرة, وزوجته -> زوجته: an Arabic title without its proclitic."""
    if key[:1] in 'وف' and len(key) > 3:
        key = key[1:]
    return 'ال' + key[2:] if key.startswith('لل') and len(key) > 4 else key


# name parts that take a name after them though written without the article (أبو محمد, بن سلمان)
_NAME_PARTS = frozenset(('ابو', 'بن', 'ابن', 'د'))


def _names_follow(word: str, text: str) -> bool:
    """An Arabic one-word title is followed by a name when it is definite (الرئيس), has a pronoun
    (نظيره, written with ه, not ة) or is a name part; رئيس, زعيم, محافظ govern a genitive."""
    return word.startswith('ال') or word in _NAME_PARTS or text.endswith(('ه', 'ها', 'هم'))


def _title_ends_at(doc, k: int) -> bool:
    """A title (or a two-word one: ولي العهد, Prime Minister) that a name follows ends at token k."""
    keys, titles = doc.keys, doc.lex.titles
    word = keys[k]
    if word not in titles and word[:1] in _CLITIC_FIRST and doc.lang == 'ar':
        word = _unclitic(word)
    if word in titles:
        return doc.lang != 'ar' or _names_follow(word, doc.tokens[k].text)
    if k == 0 or word not in _last_words(titles):
        return False
    first = keys[k - 1] if doc.lang != 'ar' else _unclitic(keys[k - 1])
    return f'{keys[k - 1]} {word}' in titles or f'{first} {word}' in titles


def title_word_before(key: str, doc) -> bool:
    """Can a word (its key) right before a name let follows_title hold?  Only when it may end a
    title (_title_ends_at) or, in Arabic, is one of a title's adjectives (rules/gates.py keeps
    the answer per word)."""
    titles, word = doc.lex.titles, key
    if word not in titles and word[:1] in _CLITIC_FIRST and doc.lang == 'ar':
        word = _unclitic(word)
    return word in titles or word in _last_words(titles) \
        or doc.lang == 'ar' and _title_adjective(key, doc.lex.words('title_adjectives'))


def _title_adjective(key: str, adjectives: frozenset[str]) -> bool:
    return key in adjectives or definite_nisba_form(key)


def follows_title(span, doc) -> bool:
    if span.cue or span.i == 0:
        return False
    starts, ends, text, i = doc.starts, doc.ends, doc.text, span.i     # (no Token made)
    if _title_ends_at(doc, i - 1) and text[ends[i - 1]:starts[i]].strip(' .') == '':
        return not joined_to_notable_place(span, doc)
    if doc.lang != 'ar':
        return False
    # الرئيس الأمريكي الأسبق، بيل: back over the title's adjectives to the title
    keys, adjectives = doc.keys, doc.lex.words('title_adjectives')
    k = i - 1
    if not _title_adjective(keys[k], adjectives) or text[ends[k]:starts[i]] not in _BEFORE_NAME:
        return False
    for _ in range(MAX_ADJECTIVES):
        if k == 0 or not _title_adjective(keys[k], adjectives) or text[ends[k - 1]:starts[k]] != ' ':
            return False
        if _title_ends_at(doc, k - 1):
            return not any(notable_place(doc.index.core(r)) for r, _ in span.rows)
        k -= 1
    return False
