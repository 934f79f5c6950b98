"""The tokenizer's fast path (one re.split, a per-word memo, the language counted from the words)
gives what the plain reading gives: TOKEN_RE's matches, and geo.text.lang.detect's language."""
import random

from geo.text.lang import SAMPLE, detect
from geo.text.tokens import TOKEN_RE, scan, tokenize

ODD = ["Syria's east", "U.S. D.C. U.A.E.x", 'a\u0670b \u0670\u0670 ×× ÷ x', '#مرفأ_بيروت', "O'Neil’s l’Aquila",
       '', ' ', 'ب\u064e\u064e\u200d\u200dت', 'e\u0301t\u00e9', '\ufeffسوريا\u200f', '2020م ١٢٣', '×' * 5 + ' ab',
       '\u06fd\u06fe\u0670 ab']


def _texts():
    rng = random.Random(7)
    alphabet = "abXY.'’s _#-×÷ \u0670\u064eسوريادمشق\u200c\u200d\u200b\u0301١2\n"
    return ODD + [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]


def test_tokens_are_the_matches_of_token_re():
    for text in _texts():
        toks, matches = tokenize(text), list(TOKEN_RE.finditer(text))
        assert [t.start for t in toks] == [m.start() for m in matches], text
        for t, m in zip(toks, matches):     # a possessive 's is cut off
            assert t.text == text[t.start:t.end] and m.group() in (t.text, t.text + "'s", t.text + '’s'), text


def test_language_is_detects_answer():
    for text in _texts():
        assert scan(text)[1] == detect(text), text
    # signs in the gaps count as detect counts them (× is in its Latin range)
    assert scan('××××× ب')[1] == detect('××××× ب') == 'en'
    # past the sample, detect itself is asked
    long = 'ب' * SAMPLE + ' abc' * 3000
    assert scan(long)[1] == detect(long) == 'ar'


def test_a_given_language_is_kept():
    assert scan('قصف دمشق', 'en')[1] == 'en'


def test_scan_lists_the_text_and_key_of_every_token():
    got = scan("Syria's east; وبالرقة U.S.")
    assert got.words == [t.text for t in got.tokens] == ['Syria', 'east', 'وبالرقة', 'U.S.']
    assert got.keys == [t.key for t in got.tokens]


def test_a_full_word_memo_starts_a_new_generation_and_keeps_the_words_in_use():
    import geo.text.tokens as tokens
    memo = tokens._WordMemo(3)
    first = memo['حلب']
    for w in ('a', 'b', 'c'):           # the memo fills: 'حلب', 'a', 'b', then 'c' starts a new generation
        memo[w]
    assert len(memo) == 1 and 'حلب' in memo.previous
    assert memo['حلب'] is first          # read back from the last generation, not worked out again
    assert memo['حلب'] == memo.read('حلب') and len(memo) == 2


def test_either_reads_both_generations_and_keeps_nothing():
    from geo.text.memo import Generations
    memo = Generations(2)
    memo.keep('a', 1)
    memo.keep('b', 0)
    memo.keep('c', 3)                    # 'a' and 'b' are the previous generation now
    assert memo.either('c') == 3 and memo.either('a') == 1 and memo.either('b', 7) == 0
    assert memo.either('z') is None and memo.either('z', 0) == 0
    assert dict(memo) == {'c': 3}


def test_the_quick_split_finds_the_words_of_token_re():
    import re

    from geo.text.tokens import _SPLIT_RE
    plain = re.compile(f'({TOKEN_RE.pattern})')
    rng = random.Random(11)
    alphabet = ("aBzSs..'’_-#1٣ بيروتةًّ\n\u00a0\u0640\u200c\u200d\u200b\u200e\u00ad\u0301\ufeff\u2066\u0670\u06d6"
                "éß\u00b2Ⅷ١")
    for text in ODD + [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]:
        assert _SPLIT_RE.split(text) == plain.split(text), text


def test_a_words_balance_is_its_letters_counted():
    from geo.text.lang import _AR, _LATIN, balance
    rng = random.Random(13)
    for text in ['', 'abc', 'سوريا', 'Ⅷ', 'é'] + [''.join(rng.choice('aZسةي\u064e\u0670éß×1 ') for _ in range(rng.randint(0, 6)))
                                               for _ in range(5000)]:
        assert balance(text) == sum(map(len, _AR.findall(text))) - sum(map(len, _LATIN.findall(text))), text


def test_tokens_are_made_when_read_and_act_as_a_list():
    got = scan("Syria's east; وبالرقة U.S.")
    toks, plain = got.tokens, tokenize("Syria's east; وبالرقة U.S.")
    assert toks[2] is toks[2] and toks[-1] is toks[3] and toks[-1].text == 'U.S.'
    assert list(toks) == plain and toks[1:3] == plain[1:3] and toks[::-1] == plain[::-1] and len(toks) == 4
    assert got.starts == [t.start for t in plain] and got.ends == [t.end for t in plain]
    assert plain[0].end == 5 and toks.index(plain[2]) == 2
    import pytest
    with pytest.raises(IndexError):
        toks[4]


def test_a_word_of_arabic_letters_alone_is_read_as_fold_and_balance_read_it():
    import re

    from gazetteer.keys import ARABIC_LETTERS, fold_uncached
    from geo.text.lang import balance
    from geo.text.tokens import _WORDS
    letters = [c for c in map(chr, range(0x600, 0x700)) if ARABIC_LETTERS.fullmatch(c)]
    assert len(letters) == 41 and not re.search('[\u064b-\u065f\u0670\u0640]', ''.join(letters))
    for c in letters:          # folding is letter by letter here: so is the fast path
        assert _WORDS.read(c)[2] == fold_uncached(c) and _WORDS.read(c)[6] == balance(c) == 1, c
    rng = random.Random(5)
    for _ in range(2000):
        w = ''.join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
        assert _WORDS.read(w) == (0, w, fold_uncached(w), True, False, False, balance(w)), w
    # (a possessive after Arabic letters is no word of Arabic letters alone: its 's counts against them)
    assert _WORDS.read("دمشق's") == (2, 'دمشق', 'دمشق', True, False, False, balance("دمشق's"))


def test_what_may_stand_between_two_words_of_one_name():
    from geo.text.tokens import gap_is_joinable, gap_joins
    assert gap_joins(' ', 'New', True) and gap_joins('-', 'Saint', True) and gap_joins(' \u200f', 'دير', False)
    assert not gap_joins('', 'New', True)                  # no gap: one word
    assert not gap_joins(', ', 'Paris', True)              # a comma ends the name
    assert not gap_joins('    ', 'New', True)              # more than three characters
    assert gap_joins('. ', 'St', True)                     # St. Louis: an abbreviation's dot
    assert not gap_joins('. ', 'Street', True)             # a sentence's full stop
    assert not gap_joins('. ', 'st', False)
    # the Token form asks the same of the text between them
    text = 'St. Louis, Missouri'
    toks = tokenize(text)
    assert gap_is_joinable(text, toks[0], toks[1]) and not gap_is_joinable(text, toks[1], toks[2])
