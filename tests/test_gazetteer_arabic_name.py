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


def test_a_unit_named_like_its_capital_takes_the_capitals_spelling():
    from gazetteer.build import _spell_units_like_their_capitals
    from gazetteer.place import Place

    city = Place(id='gn:1', name='Idlib', lat=35.93, lon=36.63, type='city', name_ar='إدلب')
    unit = Place(id='gn:2', name='Idlib', lat=35.8, lon=36.6, type='admin1', name_ar='ادلب',
                 extra={'capital': 'gn:1'})
    other = Place(id='gn:3', name='Rif Dimashq', lat=33.5, lon=36.5, type='admin1', name_ar='ريف دمشق',
                  extra={'capital': 'gn:4'})
    capital = Place(id='gn:4', name='Douma', lat=33.57, lon=36.4, type='city', name_ar='دوما')
    places = {p.id: p for p in (city, unit, other, capital)}
    _spell_units_like_their_capitals(places)
    assert unit.name_ar == 'إدلب' and other.name_ar == 'ريف دمشق' and city.name_ar == 'إدلب'
