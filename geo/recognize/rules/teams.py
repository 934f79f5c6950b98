"""Arabic: a city inside a club, paper or company name is not a place.

- a masculine adjective of a country right after a city (روما الإيطالي، ليفربول الإنجليزي): Arabic
  treats a city as feminine (روما الإيطالية), so the masculine adjective agrees with a club (نادي);
- a team word before it (ريال مدريد، أتلتيكو مدريد، إنتر ميلان);
- an organisation tail after it (مانشستر يونايتد، نيويورك تايمز), or the span is such a tail
  itself (باريس سان جرمان);
- a team word read as a proclitic and a place: باير (ب + Ayr) always, بروسيا (ب + روسيا) only
  before a city (بروسيا دورتموند; بروسيا alone is "in Russia").
Countries, first-level units and regions are exempt: they are masculine as often as not."""
from __future__ import annotations

from functools import lru_cache

from ...placetypes import BIG_UNITS
from .nisba import is_nisba_word

MASCULINE = ('ي', 'يين', 'يون')


def city_only(span, doc) -> bool:
    return bool(span.rows) and not any(doc.index.core(r).type in BIG_UNITS for r, _ in span.rows)


def _masculine_country_adjective(key: str, doc) -> bool:
    if not key.startswith('ال') or key.endswith(('يه', 'يات')) or not key.endswith(MASCULINE):
        return False
    return key in doc.lex.words('irregular_nisba') or is_nisba_word(key, doc, countries_only=True)


@lru_cache(maxsize=8)
def _first_words(tails: frozenset[str]) -> frozenset[str]:
    """The first word of every two-word organisation tail (نيويورك تايمز: نيويورك)."""
    return frozenset(t.split(' ')[0] for t in tails if ' ' in t)


def _tail_after(span, doc) -> bool:
    toks, tails = doc.tokens, doc.lex.organisation_tails
    k = span.j
    if k >= len(toks):
        return False
    key = toks[k].key       # (the lists first, the gaps after: the same verdict, less slicing)
    if not (key in tails or k + 1 < len(toks) and key in _first_words(tails)
            and f'{key} {toks[k + 1].key}' in tails and doc.one_space_between(k, k + 1)):
        return False
    return doc.one_space_between(k - 1, k)


def is_team_tail(span, doc) -> bool:
    """باريس [سان جرمان]: the span is a club's tail."""
    return span.key in doc.lex.organisation_tails


def _team_word_read_with_proclitic(span, doc) -> bool:
    """[ب]روسيا، [ب]اير: a team word (بروسيا، باير) read as a proclitic and a place."""
    return bool(span.proclitics) and doc.tokens[span.i].key in doc.lex.words('team_words')


def _city_follows(span, doc) -> bool:
    """بروسيا دورتموند: the next word, joined by a space, is a city the index knows."""
    k = span.j
    if k >= len(doc.tokens) or not doc.one_space_between(k - 1, k):
        return False
    key = doc.tokens[k].key
    return key in doc.index and any(doc.index.core(r).type not in BIG_UNITS for r, _ in doc.index.rows(key))


def team_word_names_club(span, doc) -> bool:
    """A team word read as proclitic + place: a town so read (باير: ب + Ayr) is always the club's
    word; a country (بروسيا: ب + روسيا, "in Russia") only when a city follows (بروسيا دورتموند)."""
    return city_only(span, doc) or _city_follows(span, doc)


def in_team_name(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue:
        return False
    if is_team_tail(span, doc):
        return True
    if _team_word_read_with_proclitic(span, doc):
        return team_word_names_club(span, doc)
    if not city_only(span, doc):
        return False
    return city_in_team_name(span, doc)


def city_in_team_name(span, doc) -> bool:
    """The words around a city (not a country, unit or region) that make it part of a team name."""
    toks = doc.tokens
    if span.i > 0 and not span.proclitics:
        prev, team_words = toks[span.i - 1].key, doc.lex.words('team_words')
        if (prev in team_words or prev[1:] in team_words) and doc.one_space_between(span.i - 1, span.i):
            return True
    if _tail_after(span, doc):
        return True
    return span.j < len(toks) and _masculine_country_adjective(toks[span.j].key, doc) \
        and doc.one_space_between(span.j - 1, span.j)


def team_left_to_test(span, doc):
    """What is left of in_team_name after the span's own facts (rules/own.py): True when they
    decide it, the test of the words around when that decides, False when it cannot hold."""
    if doc.lang != 'ar' or span.cue:
        return False
    if is_team_tail(span, doc):
        return True
    if _team_word_read_with_proclitic(span, doc):
        return True if city_only(span, doc) else _city_follows
    return city_in_team_name if city_only(span, doc) else False


def team_word_before(key: str, doc) -> bool:
    """Can the word before a city (its key) make city_in_team_name hold?  A team word, also
    behind a proclitic (rules/gates.py keeps the answer per word)."""
    team_words = doc.lex.words('team_words')
    return key in team_words or key[1:] in team_words


def team_word_after(key: str, doc) -> bool:
    """Can the word after a city (its key) make city_in_team_name hold?  An organisation's tail
    (or a two-word tail's first word) or a masculine adjective of a country."""
    tails = doc.lex.organisation_tails
    return key in tails or key in _first_words(tails) or _masculine_country_adjective(key, doc)
