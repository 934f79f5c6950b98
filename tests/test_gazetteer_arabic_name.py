"""Which of a place's names is shown in Arabic (gazetteer.sources.base.arabic_name).  GeoNames
lists alternate names in no useful order, mixed with Persian, Uyghur and romanised spellings."""
from gazetteer.sources.base import arabic_name


def test_a_famous_place_shows_its_commonest_arabic_spelling():
    # the order is GeoNames-like: an Uyghur-Latin mix first, then rare and marked forms
    names = ['Jerusalem', 'qۇds', 'أورسالم', 'أُورشَليم', 'القُدس', 'القدس', 'بیت المقدس']
    assert arabic_name(names, famous=True) == 'القدس'
    assert arabic_name(['د مشق', 'دمشق', 'دیمەشق'], famous=True) == 'دمشق'


def test_a_small_place_keeps_its_first_arabic_proper_name():
    # its commonest spelling is more often a word: حربية "military" for the village Harbiyat
    assert arabic_name(['Harbiyat', 'حربيات', 'حربية']) == 'حربيات'
    assert arabic_name(['qۇds', 'اورشلیم', 'أورسالم', 'القدس']) == 'أورسالم'


def test_without_arabic_proper_a_name_without_latin_letters_comes_first():
    assert arabic_name(['gwjranwalہ', 'گوجرانوالہ'], famous=True) == 'گوجرانوالہ'
    assert arabic_name(['Paris', 'París']) == ''
