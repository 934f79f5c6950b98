"""Arabic: a city inside a club, paper or company name is not a place.

- a masculine adjective of a country right after a city (روما الإيطالي، ليفربول الإنجليزي): Arabic
  treats a city as feminine (روما الإيطالية), so the masculine adjective agrees with a club (نادي);
- a team word before it (ريال مدريد، أتلتيكو مدريد، إنتر ميلان);
- an organisation tail after it (مانشستر يونايتد، نيويورك تايمز), or the span is such a tail
  itself (باريس سان جرمان).
Countries, first-level units and regions are exempt: they are masculine as often as not."""
from __future__ import annotations

from ...placetypes import BIG_UNITS
from .nisba import is_nisba_word

MASCULINE = ('ي', 'يين', 'يون')


def _joined(doc, a, b) -> bool:
    return doc.text[doc.tokens[a].end:doc.tokens[b].start] == ' '


def city_only(span, doc) -> bool:
    return bool(span.rows) and not any(doc.index.core(r).type in BIG_UNITS for r, _ in span.rows)


def _masculine_country_adjective(key: str, doc) -> bool:
    if not key.startswith('ال') or key.endswith(('يه', 'يات')) or not key.endswith(MASCULINE):
        return False
    return key in doc.lex.words('irregular_nisba') or is_nisba_word(key, doc, countries_only=True)


def _tail_after(span, doc) -> bool:
    toks, tails = doc.tokens, doc.lex.organisation_tails
    k = span.j
    if k >= len(toks) or not _joined(doc, k - 1, k):
        return False
    if toks[k].key in tails:
        return True
    return k + 1 < len(toks) and _joined(doc, k, k + 1) and f'{toks[k].key} {toks[k + 1].key}' in tails


def is_team_tail(span, doc) -> bool:
    """باريس [سان جرمان]؛ [ب]روسيا دورتموند: the span is a club's tail, or a team word wears its
    proclitic."""
    return span.key in doc.lex.organisation_tails or bool(
        span.proclitics and doc.tokens[span.i].key in doc.lex.words('team_words'))


def in_team_name(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue:
        return False
    if is_team_tail(span, doc):
        return True
    if not city_only(span, doc):
        return False
    return city_in_team_name(span, doc)


def city_in_team_name(span, doc) -> bool:
    """The words around a city (not a country, unit or region) that make it part of a team name."""
    toks = doc.tokens
    if span.i > 0 and not span.proclitics and _joined(doc, span.i - 1, span.i):
        prev = toks[span.i - 1].key
        if prev in doc.lex.words('team_words') or prev[1:] in doc.lex.words('team_words'):
            return True
    if _tail_after(span, doc):
        return True
    return span.j < len(toks) and _joined(doc, span.j - 1, span.j) \
        and _masculine_country_adjective(toks[span.j].key, doc)


def team_left_to_test(span, doc):
    """What is left of in_team_name after the span's own facts (rules/own.py): True when they
    decide it, the test of the words around when that decides, False when it cannot hold."""
    if doc.lang != 'ar' or span.cue:
        return False
    if is_team_tail(span, doc):
        return True
    return city_in_team_name if city_only(span, doc) else False
