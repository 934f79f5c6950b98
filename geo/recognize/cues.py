"""Stage `cues`: cue words: a word such as مدينة، بلدة، حي، أحياء، مطار، حقل (city, province, airport) marks the
next name as a place even when no gazetteer has it, tells resolution which type the text means,
and carries over a list joined by و (أحياء الحويقة الغربية والصناعة والرصافة)."""
from __future__ import annotations

import bisect
from dataclasses import replace

from ..doc import Doc, Span
from ..text.arabic import MARK_CHARS
from ..text.dictionary import is_feminine_adjective
from ..text.frequency import zipf
from ..text.tokens import Token
from .names import longest_match
from .rules.nisba import is_nisba_word
from .rules.people import notable_place
from .words import scan

_QUOTES = ' "\'«»“”()_#'
_PRONOUN_SUFFIXES = ('ها', 'هم', 'هما', 'هن', 'كم', 'نا')
_ADJ_ENDINGS = ('يه', 'ي', 'ى')
FEMININE_ADJECTIVE_ZIPF = 2.8
_VERB_ENDINGS = tuple('ون' + p for p in ('ها', 'هم', 'ه', 'هما', 'هن', 'نا'))


def _joined(doc: Doc, a: Token, b: Token) -> bool:
    return _joining(doc.text[a.end:b.start])


def _joining(gap: str) -> bool:
    """Only spaces and quotes, at most 4 characters, stand between two words."""
    return 0 < len(gap) <= 4 and all(ch in _QUOTES for ch in gap)


def _cue_at(doc: Doc, i: int) -> tuple[str, str, int, int] | None:
    """(cue key, implied type, number of cue tokens, proclitic shift) when token i starts a cue."""
    lex, text, keys, starts, ends = doc.lex, doc.text, doc.keys, doc.starts, doc.ends    # (no Token made)
    word = scan(doc).words[i]
    for shift, key in (word.cues if word else ()):
        best, cur, j = None, key, i
        while True:
            if cur in lex.cues:
                best = (cur, lex.cues[cur], j + 1 - i, shift)
            if j + 1 >= len(keys) or not _joining(text[ends[j]:starts[j + 1]]):
                break
            j += 1
            cur = f'{cur} {keys[j]}'
            if cur not in lex.cue_prefixes:
                break
        if best:
            return best
    return None


def _name_at(doc: Doc, k: int) -> int:
    """End (exclusive) of the place name starting at token k, or k when none starts there."""
    toks = doc.tokens
    if k >= len(toks) or k in doc.blocked:
        return k
    t = toks[k]
    if _cue_at(doc, k):
        return k  # another cue follows (ريف محافظة إدلب): that one names the place
    if doc.lang == 'ar':
        lex = doc.lex
        stops = lex.words('cue_name_stops')
        if not t.arabic or t.key in stops or t.key in doc.lex.weekdays or t.key in doc.lex.months or len(t.key) < 2:
            return k
        if _is_nisba(doc, t.key):
            return k                      # an adjective (الليبية, فلسطينية) is not a name
        word = scan(doc).words[k]         # its first name start, when the word as it is begins a key
        unsplit = [word.names[0]] if word and word.names and not word.names[0].proclitics else []
        known = longest_match(doc, k, unsplit) if unsplit else None
        if known is not None:
            return known.j        # a name the index knows (جسر الشغور): no adjective belongs to it
        if word and _preposition_and_notable_place(doc, k, word.names):
            return k              # مستشفى بالضفة الغربية: "a hospital in" the West Bank
        if _common_indefinite(t, lex.words('compound_starts')) or _feminine_adjective(doc, k):
            return k              # قاعدة عسكرية, منطقة خاضعة, قنصلية بلاده: a noun phrase, not a name
        end = k + 1
        if t.key in lex.words('compound_starts') and end < len(toks) and _joined(doc, t, toks[end]) and toks[end].arabic \
                and toks[end].key not in stops:
            end += 1              # كفر لوسين, تل جموع, وادي عقاب, أبو كمال
        # a following definite adjective belongs to an unknown name (الحويقة الغربية)
        if end < len(toks) and _joined(doc, toks[end - 1], toks[end]) and (
                toks[end].key in lex.words('name_adjectives') or
                (toks[end].key.startswith('ال') and toks[end].key.endswith(_ADJ_ENDINGS) and toks[end].key not in stops)):
            end += 1
        return end
    if not (t.cap or t.upper):
        return k
    end = k + 1
    while end < len(toks) and (toks[end].cap or toks[end].upper) and _joined(doc, toks[end - 1], toks[end]):
        end += 1
    return end


def cue_spans(doc: Doc) -> list[Span]:
    """Spans of names that follow a cue word, including the rest of a list joined by و / and."""
    out: list[Span] = []
    toks = doc.tokens       # (a Token made only for the words of a list, below)
    text, keys, starts, ends = doc.text, doc.keys, doc.starts, doc.ends
    resume = 0
    for i in scan(doc).where('cues'):     # the tokens where a cue may begin, in order
        if i < resume:
            continue
        cue = _cue_at(doc, i) if i not in doc.blocked else None
        if cue is None:
            continue
        key, ptype, n, shift = cue
        if i > 0 and f'{keys[i - 1]} {key}' in doc.lex.words('cue_idioms'):
            continue                      # عن طريق تركيا: "by way of", no road
        k = i + n
        if doc.lang == 'ar' and k + 1 < len(keys) and _is_nisba(doc, keys[k]) and _joining(text[ends[k]:starts[k + 1]]):
            k += 1                        # العاصمة الليبية طرابلس: the name is طرابلس
        if k >= len(keys) or not _joining(text[ends[k - 1]:starts[k]]):
            continue
        end = _name_at(doc, k)
        if end == k or (key in doc.lex.words('cues_of_known_names')
                        and ' '.join(keys[k:end]) not in doc.index):
            continue                      # العاصمة وضواحيها: the capital names a known place or none
        if ptype in doc.lex.cue_in_name:   # حقل التنك: the cue word is part of the name
            first = Span(i, end, starts[i] + shift, ends[end - 1],
                         ' '.join([key, *keys[k:end]]), how='cue', cue=key, implied_type=ptype,
                         score=0.75, name_i=k)
        else:                              # بلدة القورية: the name follows the cue
            first = Span(k, end, starts[k], ends[end - 1], ' '.join(keys[k:end]),
                         how='cue', cue=key, implied_type=ptype, score=0.75, name_i=k)
        out.append(first)
        # a list joined by و / ، continues with the same cue (أحياء الحويقة والصناعة والرصافة)
        m = end
        plural = key in doc.lex.plural_cues
        while plural and m < len(toks) and doc.lang == 'ar' and _list_next(doc, toks[m - 1], toks[m]):
            t = toks[m]
            stripped = t.key[1:] if t.key.startswith('و') and len(t.key) > 3 else t.key
            if _cue_at(doc, m) or stripped in doc.lex.words('cue_name_stops') or not _list_member(doc, stripped, t.key != stripped):
                break
            e = _name_at(doc, m)
            if e == m:
                break
            shift = 1 if stripped != t.key else 0
            out.append(Span(m, e, t.start + shift, toks[e - 1].end, ' '.join([stripped] + [x.key for x in toks[m + 1:e]]),
                            how='cue', cue=key, implied_type=ptype, score=0.6, name_i=m, from_list=True))
            m = e
        resume = max(i + 1, end)
    return out


def _common_indefinite(word: Token, compound_starts: frozenset[str]) -> bool:
    """An unknown word after a cue that is an indefinite adjective in -ية or -ي (قاعدة عسكرية، أحياء
    سكنية، مستشفى محلي), a verb in the future tense, or a common noun with a pronoun suffix (قنصلية بلاده، مدينته): the cue noun is a common
    noun here.  (Names are often common words, صباح، جابر، جملة: commonness alone decides nothing;
    the surface tells the pronoun ه from a folded ة.)"""
    key, text = word.key, word.text.rstrip(MARK_CHARS)
    if key.startswith('ال') or key in compound_starts:
        return False
    if text.endswith('ية') and zipf(key, 'ar') >= 3.0:
        return True
    if text.endswith('ي') and zipf(key, 'ar') >= 3.5:
        return True           # مستشفى محلي، مطار دولي: a masculine adjective
    if text.startswith(('سي', 'ست', 'سن')) and text.endswith(('ون', 'ين', 'ان')) and len(text) >= 6:
        return True           # العاصمة الفرنسية سيستقبلون: a verb in the future tense
    if text.startswith('ي') and zipf(key, 'ar') >= 3.0:
        return True           # منطقة يقطنها، مدينة يضرب: a verb (no unknown name is that common)
    if text.startswith(('ي', 'ت')) and text.endswith(_VERB_ENDINGS) and len(text) >= 7:
        return True           # منطقة يختارونها: a verb in the plural with a pronoun after it
    if key.startswith('ل') and len(key) > 3 and zipf(key[1:], 'ar') >= 4.0:
        return True           # ساحة لتطبيق: ل + a common word
    for suffix in _PRONOUN_SUFFIXES + ('ه',):
        stem = key[:-len(suffix)]
        if text.endswith(suffix) and len(stem) >= 3 and max(
                zipf(stem, 'ar'), zipf(stem[:-1] + 'ه', 'ar') if stem.endswith('ت') else 0.0) >= 4.0:
            return True       # بلاده (بلاد + ه), مدينته (مدينة + ه)
    return False


def _preposition_and_notable_place(doc: Doc, k: int, starts) -> bool:
    """Token k is ب / ل and a notable place (rules.people.notable_place: a country or province, a
    capital, a city of 100,000) that is a country or lies in one the document names: the cue noun
    before it is indefinite, the place stands alone.  (Not a namesake abroad: بليون, a village
    of Idlib, is not ب + León.)"""
    joined = [p for p in starts if p.proclitics[-1:] in ('ب', 'ل')]
    span = longest_match(doc, k, joined) if joined else None
    if span is None:
        return False
    cores = [doc.index.core(r) for r, _ in span.rows]
    return any(notable_place(c) and (c.type == 'country' or c.country in doc.focus) for c in cores)


def _feminine_adjective(doc: Doc, k: int) -> bool:
    """Token k, after a cue, is an indefinite feminine adjective or participle (منطقة آمنة، منطقة
    خاضعة، قاعدة دائمة) as common as Zipf 2.8 (rarer forms are more often names: قانية، منيفة) and
    not followed by a definite word (مسجد رابعة العدوية is a name)."""
    t, toks = doc.tokens[k], doc.tokens
    if not t.text.rstrip(MARK_CHARS).endswith('ة') or not is_feminine_adjective(t.key) \
            or zipf(t.key, 'ar') < FEMININE_ADJECTIVE_ZIPF:
        return False
    return not (k + 1 < len(toks) and toks[k + 1].key.startswith('ال') and _joined(doc, t, toks[k + 1]))


def _is_nisba(doc: Doc, key: str) -> bool:
    """A relational adjective (الليبية, فلسطينية) rather than a name."""
    if not key.startswith('ال') and key.endswith(('يه', 'ي', 'يين', 'يون')):
        key = 'ال' + key
    return is_nisba_word(key, doc)


def _list_member(doc: Doc, key: str, joined_by_wa: bool) -> bool:
    """A list item after a cue is a name: definite or rare words after و, known names after a comma."""
    if key.endswith(_PRONOUN_SUFFIXES):
        return False              # وريفها: "its countryside", not a name
    z = zipf(key, 'ar')
    if key in doc.index and z < 5.0:
        return True
    return joined_by_wa and ((key.startswith('ال') and z < 5.0) or z < 4.0)


def _list_next(doc: Doc, a: Token, b: Token) -> bool:
    gap = doc.text[a.end:b.start]
    if gap.strip(' ') in ('', '،', ',') and len(gap) <= 3:
        return b.key.startswith('و') or gap.strip(' ') in ('،', ',')
    return False


def merge(names: list[Span], cues: list[Span]) -> list[Span]:
    """Combine name spans with cue spans: a cue before a known name annotates it (محافظة
    دير الزور -> admin1: the name span is replaced by an annotated copy); a cue name that contains
    known names (مطار دير الزور) replaces them and remembers the last as its parent; a cue name
    nobody knows is added.

    In linear time: the name spans are sorted and do not overlap (greedy longest match), so those
    a cue overlaps are found by bisection; the cue spans come in text order, and an added one
    can overlap a later cue only while the running maximum of their ends says so."""
    kept: list[Span | None] = list(names)              # None: replaced by a cue span
    ends = [g.end for g in names]
    added: list[Span] = []
    added_max_end: list[int] = []
    for c in cues:
        k = bisect.bisect_right(ends, c.start)        # the first name that ends after the cue starts
        inside_names = []
        while k < len(names) and names[k].start < c.end:
            if kept[k] is not None:
                inside_names.append(k)
            k += 1
        j = len(added)
        while j > 0 and added_max_end[j - 1] > c.start:
            j -= 1
        inside = [kept[k] for k in inside_names] + [a for a in added[j:] if a is not None and a.start < c.end]
        if not inside:
            _add(added, added_max_end, c)
            continue
        g = inside[0]
        if len(inside) == 1 and g.start <= c.start and c.end <= g.end:
            if not g.cue:
                copy = replace(g, cue=c.cue, implied_type=c.implied_type)
                if inside_names:
                    kept[inside_names[0]] = copy
                else:
                    added[added.index(g)] = copy
            continue
        if all(c.start <= x.start and x.end <= c.end for x in inside):
            last = inside[-1]
            if last.end == c.end and last.i == c.name_i and c.name_i > c.i:
                # the name after the cue is a known place: مطار دير الزور is at دير الزور
                c.parent_key, c.parent_rows = last.key, last.rows
            c.rows = []
            for k in inside_names:
                kept[k] = None
            gone = {id(x) for x in inside[len(inside_names):]}
            added[:] = [None if a is not None and id(a) in gone else a for a in added]
            _add(added, added_max_end, c)
    out = [g for g in kept if g is not None] + [a for a in added if a is not None]
    out.sort(key=lambda s: s.start)
    return out


def _add(added: list, max_end: list[int], c: Span) -> None:
    added.append(c)
    max_end.append(max(max_end[-1], c.end) if max_end else c.end)


def cues(doc: Doc) -> None:
    """Stage: cue spans merged into doc.spans; a cue name gets the candidates of its own key
    (a cue name around a known name is placed at that name instead: see geo.resolve.approximate)."""
    found = cue_spans(doc)
    if found:                 # (without any, merge would give the name spans as they are)
        doc.spans = merge(doc.spans, found)
    for s in doc.spans:
        if s.how == 'cue' and not s.rows and not s.parent_rows:
            s.rows = doc.index.rows(s.key)
