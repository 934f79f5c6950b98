"""Stage `links`: the parents the text names: "Paris, Texas"; "حي X في مدينة Y"; "قرية X بريف Y";
"X شمال Y"; and the country an Arabic adjective right after a name gives (مدينة ليون الفرنسية:
Lyon in France, not León in Nicaragua), as Span.country_hint.

For each mention, Span.parent is the mention the text places it in (or None); resolution rewards
candidates inside or near that parent's likely place (geo.resolve.candidates groups them), and
approximate placement puts a name no gazetteer knows at its parent."""
from __future__ import annotations

from ..doc import Doc, Span
from ..recognize.demonyms import demonym_row
from ..recognize.rules.nisba import definite_nisba_form
from ..text.sentences import CLAUSE_ENDS

MAX_GAP_TOKENS = 3


def _parent_after(doc: Doc, spans: list[Span], i: int) -> int | None:
    """The next span, when only linking words (or, in English, a comma) stand between."""
    if i + 1 >= len(spans):
        return None
    a, b = spans[i], spans[i + 1]
    if b.i - a.j > MAX_GAP_TOKENS:
        return None                   # too far apart (the commonest case: decided before reading the gap)
    links = doc.lex.words('parent_links')   # words that may stand between
    between = doc.keys[a.j:b.i]             # their keys (no Token made)
    gap = doc.text[a.end:b.start]
    if not CLAUSE_ENDS.isdisjoint(gap):      # a sentence or clause ends between the two
        return None
    if doc.lang == 'en':
        if gap.strip() == ',' and len(between) == 0:
            # Paris, Texas: only a state, province or country after the comma is a parent
            area = any(doc.index.core(r).type in ('admin1', 'admin2', 'country') for r, _ in b.rows)
            return i + 1 if area else None
        if len(between) <= MAX_GAP_TOKENS and between and all(k in links for k in between) and ',' not in gap:
            return i + 1
        return None
    if len(between) > MAX_GAP_TOKENS or ',' in gap or '،' in gap:
        return None
    if between and b.cue and _cue_with_link(doc, between[-1]):
        return i + 1                  # باريس بولاية تكساس، X في محافظة Y: the parent's own cue word carries the link
    if not between:
        # the parent's own proclitic may carry the link (بريف حلب, في-less بحلب)
        return i + 1 if b.proclitics[-1:] in ('ب', 'ل') or (b.cue in ('ريف', 'باديه')) else None
    return i + 1 if all(k in links or k.lstrip('وب') in links for k in between) else None


def _cue_with_link(doc: Doc, key: str) -> bool:
    """بولاية, بمحافظة: the parent's cue word behind ب ("X في محافظة Y" links through the list of
    linking words instead)."""
    return key[:1] == 'ب' and key[1:] in doc.lex.cues


def links(doc: Doc) -> None:
    """Stage: Span.parent of every mention (None without looking further when the next mention
    is more than MAX_GAP_TOKENS tokens on: the commonest case)."""
    spans = doc.mentions
    for i, (a, b) in enumerate(zip(spans, spans[1:])):
        a.parent = None if b.i - a.j > MAX_GAP_TOKENS else _parent_after(doc, spans, i)
    if spans:
        spans[-1].parent = None
    if doc.lang == 'ar':
        keys = doc.keys     # (read without making a Token)
        n = len(keys)
        for s in spans:     # (a definite word after it, or no country: most spans)
            s.country_hint = _country_after(doc, s) if s.j < n and keys[s.j].startswith('ال') else ''


def _country_after(doc: Doc, span: Span) -> str:
    """The country a definite nisba adjective right after the span names (الفرنسية، السوري), ''
    when none does."""
    keys = doc.keys
    if span.j >= len(keys):
        return ''
    key = keys[span.j]
    if not definite_nisba_form(key):
        return ''
    if not doc.one_space_between(span.j - 1, span.j):
        return ''
    row = demonym_row(doc, key)
    return doc.index.core(row).country if row is not None else ''
