"""The numpy tokenizer (geo.text.word_runs) finds exactly TOKEN_RE's matches: the same starts,
ends and strings, on texts that exercise every rule of the pattern, and on random texts over an
alphabet of all the characters that make a rule special."""
import random
import re

from geo.text import tokens
from geo.text.tokens import TOKEN_RE, _RUNS, scan

RULES = [
    # Arabic with marks, tatweel, zero-width (non-)joiners, marks after a word and between words
    'قَصَفَ الطَّيرانُ مدينةَ حلبٍ أيضاً، ومـــدينة دمشق\u200cية \u064b\u064b سوريا\u200d',
    # hashtags and underscores, hyphens, numbers written both ways
    '#مرفأ_بيروت #Beirut_Port deir-ez-zor 2020م ١٢٣ ۴۵ 10:30 3.5',
    # dotted initials: inside, at the end, failing (a letter after, one letter only, a word before)
    'the U.S. and D.C. and U.A.E.x and A.B.C.d and e.g. x.Y.Z and xU.S. and U.S.é and J. Smith',
    # possessives and apostrophes: before a letter, before a digit, doubled, at the end, curly
    "Syria's east, O'Neil’s l’Aquila, the '90s, rock'n'roll, don''t, Assad' 's ’s",
    # mixed scripts, Latin accents composed and decomposed, superscripts and Roman numerals
    'Zürich وZürich e\u0301te\u0301 x² Ⅷ ß Ωmega Москва',
    # emoji and other astral characters (a math letter is a word character, an emoji is not)
    'حلب😀دمشق 😀 𝐀𝐁c x𝐀 𐌰𐌱 👍🏽ok',
    # invisible characters: before a letter (kept), before a gap (dropped), runs of them
    'سوريا\u200f \u202bحلب\u202c x\u200by a\u00adb c\u00ad \ufeffd e\u2066\u2069f g\u200e\u200e',
    # no space at all, only gaps, empty
    'ابc\u0301d\u064eه.U.S.x\u200bسوريا\'s', ' .,;! ', '', ' ', '\n\n',
]


def _check(text):
    bounds, words, redone = _RUNS.split(text)
    assert bounds == [x for m in TOKEN_RE.finditer(text) for x in m.span()], repr(text)
    assert words == [m.group() for m in TOKEN_RE.finditer(text)], repr(text)
    # the possessive 's is looked for in these only: every match with an apostrophe is among them
    assert [k for k, w in enumerate(words) if "'" in w or '’' in w] == [k for k in redone if "'" in words[k] or '’' in words[k]], repr(text)


def test_the_rules_texts_give_token_res_matches():
    for text in RULES:
        _check(text)


def test_random_texts_give_token_res_matches():
    rng = random.Random(17)
    alphabet = ("aBzSsU.'’_-#1٣ بيروتة\u064b\u0651\u064e\n\u00a0\u0640\u200c\u200d\u200b\u200e\u00ad\u0301"
                "\ufeff\u2066\u0670\u06d6éß\u00b2Ⅷ١×😀𝐀\ud800")
    for _ in range(20000):
        text = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        _check(text)


def test_marks_and_apostrophes_beside_letters_are_told_without_the_regex(monkeypatch):
    """The commonest special characters (a mark or tatweel after a letter, an apostrophe between
    letters, and either after a gap, as in a quote mark '') are told from the characters either
    side: the regex is not asked for them, and the words are still its matches."""
    text = "أيضاً تـــم نشرُ الخبرَ Syria's don't l’Aquila ''quoted'' rock'n'roll 'x 2020ً x'9 Jones' "

    def no_regex(*args):
        raise AssertionError('the regex was asked')
    monkeypatch.setattr(_RUNS, '_redo', no_regex)
    bounds, words, _ = _RUNS.split(text)
    monkeypatch.undo()
    assert words == [m.group() for m in TOKEN_RE.finditer(text)]
    assert bounds == [x for m in TOKEN_RE.finditer(text) for x in m.span()]
    assert "Syria's" in words and 'أيضاً' in words and 'تـــم' in words and "rock'n'roll" in words


def test_no_word_character_is_a_space():
    """The words are the runs `str.split` finds once every non-word character is a space: so no
    word character may be one str.split splits at."""
    import re
    word = re.compile(r'[^\W_]')
    assert not [c for c in map(chr, range(0x110000)) if c.isspace() and word.match(c)]
    assert ' '.isspace() and '\x1f'.isspace() and min(filter(word.match, map(chr, range(0x10000)))) == '0'


def test_a_long_text_is_split_by_the_regex_and_gives_the_same(monkeypatch):
    text = ' '.join(RULES) * 3
    monkeypatch.setattr(tokens, 'RUNS_MAX', 10)
    assert len(text) > tokens.RUNS_MAX
    long = scan(text)
    monkeypatch.undo()
    short = scan(text)
    assert long[1:] == short[1:] and list(long.tokens) == list(short.tokens)
    assert long.starts == [m.start() for m in TOKEN_RE.finditer(text)]
