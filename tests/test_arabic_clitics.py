from gazetteer.keys import fold
from geo.text.arabic import proclitic_variants
from geo.text.tokens import tokenize


def readings(word):
    return {k: shift for shift, k, _ in proclitic_variants(word, fold(word))}


def test_conjunction_and_preposition_split_keep_offsets():
    text = 'قصف وبالرقة أمس'
    tok = [t for t in tokenize(text) if t.text == 'وبالرقة'][0]
    got = {k: tok.start + shift for shift, k, _ in proclitic_variants(tok.text, tok.key)}
    assert fold('الرقة') in got
    start = got[fold('الرقة')]
    assert text[start:tok.end] == 'الرقة'


def test_lam_lam_becomes_the_article():
    r = readings('للمدينة')
    assert fold('المدينة') in r
    assert r[fold('المدينة')] == 2


def test_marks_after_a_proclitic_are_skipped():
    word = 'وَبِدمشق'
    r = readings(word)
    shift = r[fold('دمشق')]
    assert word[shift:] == 'دمشق'


def test_short_words_are_not_split():
    assert list(readings('بلد')) == [fold('بلد')]


def test_hashtag_and_underscore_split_tokens():
    toks = tokenize('انفجار #مرفأ_بيروت اليوم')
    assert [t.text for t in toks] == ['انفجار', 'مرفأ', 'بيروت', 'اليوم']
    text = 'U.S. forces left Syria\'s east'
    toks = tokenize(text)
    assert toks[0].text == 'U.S.' and toks[0].key == 'us'
    syria = [t for t in toks if t.text == 'Syria'][0]
    assert text[syria.start:syria.end] == 'Syria'


def test_a_proclitic_letter_before_a_hamza_alef_begins_no_word():
    # لأول is ل + أول "first" (never Laval's لاول), وأدى is و + أدى "led to" (never وادي "valley"),
    # فإن "for indeed" is no word a name can be
    assert [k for _, k, _ in proclitic_variants('لأول', fold('لأول'))] == ['اول']
    assert [k for _, k, _ in proclitic_variants('وأدى', fold('وأدى'))] == ['ادي']
    assert proclitic_variants('فإن', fold('فإن')) == []
    assert [k for _, k, _ in proclitic_variants('بإدلب', fold('بإدلب'))] == ['ادلب']
    assert [k for _, k, _ in proclitic_variants('وادي', fold('وادي'))] == ['وادي', 'ادي']
