"""The Arabic dictionary sets, read from the installed arramooz package: words and function words."""
import pytest

from gazetteer.keys import fold
from geo.text.dictionary import is_function_word, is_word


@pytest.mark.parametrize('word', ['منها', 'علينا', 'بأي', 'منا', 'عنا'])
def test_prepositions_with_their_pronouns_are_function_words(word):
    # منا "from us" and عنا are written with the ن doubled, not as the dictionary's مننا / عننا
    assert is_function_word(fold(word), 'ar')


@pytest.mark.parametrize('word', ['حطلة', 'مينا', 'دمشق'])
def test_names_are_no_function_words(word):
    assert not is_function_word(fold(word), 'ar')


def test_the_dictionary_knows_words_with_and_without_the_article():
    assert is_word(fold('الظاهرة'), 'ar') and is_word(fold('ظاهرة'), 'ar')
    assert not is_word(fold('حطلة'), 'ar')


@pytest.mark.parametrize('word', ['آمنة', 'خاضعة', 'منزوعة', 'مأهولة'])
def test_feminine_adjectives_and_participles(word):
    from geo.text.dictionary import is_feminine_adjective
    assert is_feminine_adjective(fold(word))


@pytest.mark.parametrize('word', ['مدينة', 'جامعة', 'حلب', 'آمن'])
def test_nouns_in_their_own_right_are_no_feminine_adjectives(word):
    from geo.text.dictionary import is_feminine_adjective
    assert not is_feminine_adjective(fold(word))    # مدينة, جامعة: nouns, though their stems are participles
