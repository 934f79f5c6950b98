"""A one-word name that is also a frequent word of the language (أن, إلى, كان, حصار; Reading,
Split) names a place only when the place is famous enough to outweigh the word, or lies in a
country the document is about.  Frequencies come from `wordfreq` (Zipf scale)."""
from __future__ import annotations

from ...placetypes import ARAB_WORLD, BIG_UNITS, NAME_KINDS
from ...text.dictionary import is_function_word, is_word
from ...text.frequency import zipf
from .nisba import after_nisba_preposition

# (minimum Zipf frequency, population a place needs to outweigh the word, applies at home too).
# English frequencies count proper-noun uses as well (wordfreq lower-cases), so its tiers are
# gentler than Arabic ones.
TIERS = {
    'ar': ((5.5, 10**12, True), (4.0, 500_000, False), (3.5, 20_000, False)),   # no Arabic city name is that common
    'en': ((5.5, 1_000_000, True), (4.5, 200_000, False), (3.5, 10_000, False)),
}
FAMOUS_NAMES = 40


USUAL = (NAME_KINDS['name'], NAME_KINDS['alias'])     # a place's own name, not some source's spelling


def _one_gazetteer_word(span) -> bool:
    """A one-word span the gazetteer found, with candidates and no cue word."""
    return not span.cue and span.how == 'gazetteer' and span.j - span.i == 1 and bool(span.rows)


def best_candidate(span, doc):
    index = doc.index
    cores = [index.core(r) for r, _ in span.rows]
    if not cores:
        return None
    return max(cores, key=lambda c: (c.type in BIG_UNITS, c.population))


def is_frequent_word(span, doc) -> bool:
    if not _one_gazetteer_word(span):
        return False
    z = zipf(span.key, doc.lang)
    if z < 3.5:
        return False
    best = best_candidate(span, doc)
    if best.type in BIG_UNITS:
        return z >= 6.5
    if any(doc.index.is_user(r) for r, _ in span.rows):
        return z >= 6.0
    pop, home = best.population, best.country in doc.focus
    if z < 5.5 and best.nnames >= FAMOUS_NAMES:
        return False              # a place known in many languages (جنيف, Geneva) outweighs the word
    tiers = TIERS.get(doc.lang, TIERS['en'])
    for zmin, popmin, anywhere in tiers:
        if z >= zmin:
            return pop < popmin and (anywhere or not home)
    return False


VERY_COMMON = 4.5
VERY_COMMON_BIG = 5.5


def is_very_common_alternate(span, doc) -> bool:
    """كيف "how" -> Kyiv (كييف), مليشيا "militia" -> Malaysia: a common word of the language that a
    gazetteer has only as an alternate spelling of a place (never as its usual name) is the word."""
    if not _one_gazetteer_word(span):
        return False
    if any(k in USUAL for _, k in span.rows):
        return False
    big = any(c.type in BIG_UNITS and (c.country in ARAB_WORLD or c.country in doc.focus)
              for c in (doc.index.core(r) for r, _ in span.rows))
    # the spellings of a country or province of the region are common words themselves (سورية):
    # only the commonest lose; مليشيا "militia" as a spelling of Malaysia loses from 4.5
    return zipf(span.key, doc.lang) >= (VERY_COMMON_BIG if big or doc.lang != 'ar' else VERY_COMMON)


HAMLET = 10_000      # people: places this small, far from the Arab world ...
HAMLET_ZIPF = 4.0    # ... whose name is an Arabic word this common
FAR_FETCHED_ZIPF = 2.5   # (a dictionary word this common, as the name of far-fetched places only)
DICTIONARY_ZIPF = 3.0   # (or a word of the dictionary this common)
TOWN, TOWN_ZIPF = 200_000, 5.0   # a dictionary word this common outweighs a foreign town this big


def is_common_word_for_a_hamlet(span, doc) -> bool:
    """أشار "he pointed out" -> Āshār (a village in Iran), ترى "you see" -> Tri-City (Oregon), لا بأس
    "no harm" -> La Passe: Arabic words that only small places outside the Arab world and the
    countries the text names answer are the words."""
    if doc.lang != 'ar' or span.cue or span.how != 'gazetteer' or not span.rows:
        return False
    keys = span.key.split(' ')       # لا بأس -> La Passe, دي ليون -> De Leon: every word common
    z = min(zipf(k, doc.lang) for k in keys)
    # a word this common is a word of the language though the dictionary lacks its form (يقولون
    # "they say": verbs are listed by their lemma)
    word = all(_dictionary_word(k) for k in keys) or span.key in doc.lex.first_names or z >= TOWN_ZIPF
    if (z < HAMLET_ZIPF and not (word and z >= DICTIONARY_ZIPF)) or any(doc.index.is_user(r) for r, _ in span.rows):
        return False
    # a word of the dictionary (or a first name) loses even where the text names the country (أشار
    # in a text on Iran, دونالد in one on the United States); the commonest words outweigh towns too
    bar = TOWN if word and z >= TOWN_ZIPF else HAMLET
    # (a landmark has no people: البيت الأبيض is no hamlet)
    return all(c.population < bar and c.type not in BIG_UNITS and c.type != 'landmark' and c.country not in ARAB_WORLD
               and (word or c.country not in doc.focus) for c in (doc.index.core(r) for r, _ in span.rows))


def _feminine_of_word(key: str) -> bool:
    """سعيدة "happy" (f.): the feminine of a word of the dictionary (سعيد), which lists adjectives
    in the masculine."""
    return key.endswith('ه') and len(key) > 4 and is_word(key[:-1], 'ar')


def _dictionary_word(key: str) -> bool:
    """A word of the Arabic dictionary, also in the accusative (يوما "a day": يوم + ا)."""
    return is_word(key, 'ar') or (key.endswith('ا') and len(key) > 3 and is_word(key[:-1], 'ar'))


def is_function_word_name(span, doc) -> bool:
    """بأي "with any" -> Bay (Somalia), أن "that" -> Ans: a particle, pronoun or preposition of the
    language (with its clitics) is never a place."""
    if doc.lang != 'ar' or span.cue or span.j - span.i != 1 or not span.rows:
        return False
    return is_function_word(doc.tokens[span.i].key, doc.lang)


def is_word_with_far_fetched_places(span, doc) -> bool:
    """نووي "nuclear": a word of the Arabic dictionary whose every reading as a place is far-fetched
    (a small place outside the Arab world, or a place outside it that the gazetteer spells so only
    as an alternate: Niue) is the word."""
    if doc.lang != 'ar' or not _one_gazetteer_word(span):
        return False
    z = zipf(span.key, doc.lang)
    if not _dictionary_word(span.key) or z < FAR_FETCHED_ZIPF:
        return False
    for r, kind in span.rows:
        c = doc.index.core(r)
        if c.country in ARAB_WORLD or doc.index.is_user(r):
            return False
        small = c.population < HAMLET and c.type not in BIG_UNITS
        if (kind in USUAL and not small) or (c.type == 'country' and z < HAMLET_ZIPF):
            return False      # (a rarer word names a country by any spelling: وملاوي is Malawi)
    return True


ABROAD_ZIPF = 4.0             # a word of the dictionary this common ...
ABROAD_POPULATION = 200_000   # ... names a place smaller than this only where the text is
CAPITAL = 3                   # (unless it is a national capital: المنامة)


def is_word_for_a_place_elsewhere(span, doc) -> bool:
    """الظاهرة "the phenomenon" -> Ad Dhahirah (Oman), كشف "revealed" -> Kashaf (Iran), ميل "mile" ->
    Milagro (Ecuador): a common word of the Arabic dictionary names a place only in a text that
    names, with another name, the place's country or a place that lies only in it (doc.area_keys),
    unless the word is the usual name of a country, a capital or a place of 200,000 (حلب، المنامة are
    words too; الأمانة "honesty" is only another spelling of Yemen's Amanat al-Asimah, الجزيرة "the
    island" one of Algeria's); another spelling of a country still names it where a place goes
    (في سورية)."""
    return may_be_word_for_a_place_elsewhere(span, doc) and not_named_in_the_text(span, doc)


def may_be_word_for_a_place_elsewhere(span, doc) -> bool:
    """is_word_for_a_place_elsewhere on the span's own facts (rules/own.py): the word, its
    frequency, its candidates."""
    if doc.lang != 'ar' or not _one_gazetteer_word(span):
        return False
    key = span.key
    if zipf(key, 'ar') < ABROAD_ZIPF or not (_dictionary_word(key) or _feminine_of_word(key)):
        return False
    index = doc.index
    for r, kind in span.rows:
        c = index.core(r)
        if index.is_user(r) or kind in USUAL and (c.type == 'country' or c.population >= ABROAD_POPULATION
                                                  or c.seat >= CAPITAL):
            return False
        if c.type == 'country' and any(p in span.proclitics for p in 'بل'):
            return False          # بسورية: another spelling of a country, where a place goes
    return True


def not_named_in_the_text(span, doc) -> bool:
    """The rest of is_word_for_a_place_elsewhere, which reads the text: no other name of it lies in
    a candidate's country, and no country is a candidate right after في, إلى ..."""
    index, named, key = doc.index, doc.area_keys, span.key
    for r, _ in span.rows:
        c = index.core(r)
        if c.type == 'country' and after_nisba_preposition(span, doc):
            return False          # في سورية
        if len(named.get(c.country, ())) > (key in named.get(c.country, ())):
            return False          # another name of the text is in that country
    return True

