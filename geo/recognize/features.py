"""Features of a candidate span, for the learned recognition scorer (geo/recognize/scorer.py)
and its training script (geo/models/train.py).  Only non-lexical evidence: how common the word is, what
the gazetteer knows of it, the words around it as classes, the soft rules' verdicts.  No feature
names a place, so the model cannot learn a dev document's names."""
from __future__ import annotations

import math
from collections import Counter
from operator import attrgetter, mul

from ..doc import Doc, Span
from ..placetypes import PLACE_CUES, TYPE_GROUPS
from ..text.frequency import zipf
from ..text.sentences import END_MARKS
from ..text.token_list import CAP, UPPER
from .context import in_range, topic_positions
from .facts import name_facts, own_verdicts
from .rules.common_words import is_common_word
from .rules.definite_adjective import is_definite_adjective
from .rules.frequent_words import is_frequent_word
from .rules.sentence_case import is_sentence_case_word
from .words import word_memo

_CLAUSE_MARKS = frozenset(',،;:')
_COMMAS = frozenset(',،')


def _prev_class(doc: Doc, span: Span) -> str:
    i = span.i
    if i == 0:
        return 'start'
    gap = doc.text[doc.ends[i - 1]:doc.starts[i]]
    if gap != ' ':              # (the usual one space is no mark)
        if not END_MARKS.isdisjoint(gap):
            return 'start'
        if not _CLAUSE_MARKS.isdisjoint(gap):
            return 'comma'
    return _prev_word(doc, doc.keys[i - 1])


def _prev_word(doc: Doc, key: str) -> str:
    """The class of the word before a span when no mark stands between: it depends on the word
    and the language alone (span_logits keeps it per word)."""
    preps = doc.lex.words('place_words_before')
    if doc.lang == 'ar':
        if key in preps or (key[:1] in 'وف' and key[1:] in preps):
            return 'prep'
        directions = doc.lex.words('directions')
        if key in directions or key[1:] in directions:
            return 'direction'
    else:
        if key in preps:
            return 'prep'
    if key in doc.lex.cues:
        return 'cue'
    if key in doc.lex.titles:
        return 'title'
    if key in doc.lex.connectors and doc.lang == 'en':
        return 'connector'
    return 'word'


_SAID = ('said', 'says', 'told', 'added', 'wrote', 'announced')


def _next_class(doc: Doc, span: Span) -> str:
    j = span.j
    if j >= len(doc.keys):
        return 'end'
    key = doc.keys[j]
    _, _, _, arabic, cap, upper, _ = doc.tokens.infos[j]    # (the word's memo entry: no Token made)
    gap = doc.text[doc.ends[j - 1]:doc.starts[j]]
    if gap != ' ':              # (the usual one space is no mark)
        if not END_MARKS.isdisjoint(gap):
            return 'end'
        if not _COMMAS.isdisjoint(gap):
            return 'comma_place' if key in doc.index and (cap or arabic) else 'comma'
    word = _next_key(doc, key)
    return _next_word(word, cap, upper) if doc.lang == 'en' else word


def _next_word(word: str, cap: bool, upper: bool) -> str:
    """English: a capitalised word after a span (no acronym, no organisation tail) is its class,
    whatever its key says (`word`: _next_key's answer)."""
    return 'cap' if cap and not upper and word != 'org_tail' else word


def _next_key(doc: Doc, key: str) -> str:
    """What the key alone says of the word after a span (span_logits keeps it per word): an
    organisation's tail word, in English a verb of saying, or a word."""
    if key in doc.lex.organisation_tails:
        return 'org_tail'
    if doc.lang == 'en' and key in _SAID:
        return 'said'
    return 'word'


def _in_compound_hashtag(text: str, start: int, end: int) -> bool:
    """#أمطار_الكويت, #Beirut_blast: the name is one word of a topic hashtag, not the hashtag."""
    left = start
    while left > 0 and not text[left - 1].isspace() and text[left - 1] != '#':
        left -= 1
    if left == 0 or text[left - 1] != '#':
        return False
    right = end
    while right < len(text) and not text[right].isspace() and text[right] != '#':
        right += 1
    return (left < start or right > end) and '_' in text[left:right]


_KEY = attrgetter('key')


def counts(doc: Doc) -> None:
    """Stage: doc.key_counts, how often each candidate key occurs (before any is ruled out), and
    doc.topics, where the words of each topic are (geo.recognize.context)."""
    doc.key_counts = Counter(map(_KEY, doc.spans))
    doc.topics = topic_positions(doc)


def _context(span: Span, doc: Doc, f: dict[str, float]) -> None:
    """Topic words in the span's sentence and in the whole document (per 100 words)."""
    sport = doc.topics.get('sport', ())
    if not sport:
        return
    s0, s1 = doc.sentence(span.start)
    f['sport_sentence'] = min(in_range(sport, s0, s1), 3) / 3.0
    f['sport_doc'] = min(len(sport) * 100.0 / max(len(doc.tokens), 1) / 5.0, 1.0)


def _cue_name(span: Span, doc: Doc, f: dict[str, float]) -> None:
    """A cue word before common words (سوق العمل، مستشفى محلي) rather than a name."""
    if span.cue and span.implied_type in CUE_TYPES:
        f[f'cue_type_{span.implied_type}'] = 1.0
    if span.how != 'cue' or span.rows or span.parent_rows:
        return
    zs = [zipf(t.key, doc.lang) for t in doc.tokens[max(span.name_i, span.i):span.j]] or [0.0]
    f['cue_name_zipf'] = min(zs) / 7.0
    f['cue_name_first_zipf'] = zs[0] / 7.0


def span_features(span: Span, doc: Doc) -> dict[str, float]:
    facts = name_facts(doc.index, span.key, span.rows, doc.lang)
    countries = facts.countries
    f: dict[str, float] = dict(facts.known)
    if span.proclitics:     # بحجة: the joined form itself is a frequent word (an idiom)
        f['zipf_joined'] = zipf(doc.tokens[span.i].key, doc.lang) / 7.0
    f['multi_token'] = float(span.j - span.i > 1)
    if span.rows:
        f['home'] = float(bool(countries & doc.focus))
    if span.cue:
        f['cue'] = 1.0
        f['cue_list'] = float(span.from_list)
        f['cue_settlement'] = float(span.implied_type in PLACE_CUES)
    f['cue_only'] = float(span.how == 'cue' and not span.rows)
    f['fuzzy_span'] = float(span.how == 'fuzzy')
    f['inner_known'] = float(bool(span.parent_rows))
    pre = span.proclitics
    f['conj'] = float(pre[:1] in ('و', 'ف'))
    f['prep_clitic'] = float(any(c in pre for c in 'بلك'))
    f['definite'] = float(span.key.startswith('ال'))
    prev = _prev_class(doc, span)
    f[f'prev_{prev}'] = 1.0
    nxt = _next_class(doc, span)
    f[f'next_{nxt}'] = 1.0
    f['prep_said'] = float(prev == 'prep' and nxt == 'said')
    tok = doc.tokens[span.i]
    f['hashtag'] = float(doc.text[max(0, span.start - 1):span.start] == '#' or doc.text[max(0, tok.start - 1):tok.start] == '#')
    f['hashtag_compound'] = float(_in_compound_hashtag(doc.text, span.start, span.end))
    if doc.lang == 'en':
        f['all_caps'] = float(tok.upper)
        f['sentence_start'] = float(prev == 'start')
        f['sentence_case'] = float(is_sentence_case_word(span, doc))
    f['common_word'] = float(is_common_word(span, doc))
    f['frequent_word'] = float(is_frequent_word(span, doc))
    f['definite_adjective'] = float(is_definite_adjective(span, doc))
    short = len(doc.text) < 400
    f['short_doc'] = float(short)
    f['famous_prev_word'] = f.get('famous', 0.0) * f.get('prev_word', 0.0)
    f['short_prev_word'] = float(short) * f.get('prev_word', 0.0)
    f['short_known'] = float(short) * f['known']
    f['repeats'] = math.log1p(doc.key_counts.get(span.key, 1) - 1) / 3.0
    _context(span, doc, f)
    _cue_name(span, doc, f)
    f['doc_len'] = math.log10(len(doc.text) + 10) / 5.0
    if short:
        # short texts (posts, tweets) are another genre: every feature gets a second weight there
        f.update({f's_{k}': v for k, v in list(f.items()) if k not in ('short_doc', 'doc_len')})
    return f


class LogitWeights:
    """A model's weights as span_logits reads them: `base`, every feature's weight (0.0 when the
    model gives it none); `short`, the weight of its copy in short documents (s_NAME)."""

    def __init__(self, weights: dict[str, float]):
        self.base = {k: weights.get(k, 0.0) for k in FEATURES}
        self.short = {k: weights.get(f's_{k}', 0.0) for k in _BASE}
        self.short['short_doc'] = self.short['doc_len'] = 0.0     # (they have no short copy)


def _known_terms(facts, w: LogitWeights) -> tuple[float, tuple[float, ...]]:
    """The name's part of the logit, memoised per name and model: the sum of its own features'
    terms, in span_features' order, and the terms of their short-document copies."""
    got = facts.logits.get(w)
    if got is None:
        got = facts.logits[w] = (sum(map(mul, map(w.base.__getitem__, facts.values), facts.values.values())),
                                 tuple(w.short[k] * v for k, v in facts.known))
    return got


def _own_part(span: Span, doc: Doc, facts, rules, w: LogitWeights) -> tuple[float, tuple, tuple[float, ...]]:
    """The part of the logit that reads only the span's own facts, memoised per own facts and model
    (in its rules.OwnVerdicts: the same own facts, and for a cue span or one with a known name
    inside, the cue's list and type and that name): the name's terms (_known_terms) plus the terms
    span_features gives next (zipf_joined ... definite), summed in that order; those terms, for
    their short-document copies; and the name's short-document terms."""
    cue, inner = span.cue, bool(span.parent_rows)
    if not (cue or inner) and rules.model is w:
        return rules.logit
    key = (w, span.from_list, span.implied_type in PLACE_CUES, inner) if cue or inner else w
    got = rules.logits.get(key)
    if got is not None:
        return got
    known, short_known = _known_terms(facts, w)
    pre, rows = span.proclitics, span.rows
    terms = []
    add = terms.append
    if pre:
        add(('zipf_joined', zipf(doc.keys[span.i], doc.lang) / 7.0))
    if span.j - span.i > 1:
        add(('multi_token', 1.0))
    if rows and not facts.countries.isdisjoint(doc.focus):
        add(('home', 1.0))
    if cue:
        add(('cue', 1.0))
        if span.from_list:
            add(('cue_list', 1.0))
        if span.implied_type in PLACE_CUES:
            add(('cue_settlement', 1.0))
    if span.how == 'cue' and not rows:
        add(('cue_only', 1.0))
    if span.how == 'fuzzy':
        add(('fuzzy_span', 1.0))
    if inner:
        add(('inner_known', 1.0))
    if pre:
        if pre[:1] in ('و', 'ف'):
            add(('conj', 1.0))
        if any(c in pre for c in 'بلك'):
            add(('prep_clitic', 1.0))
    if span.key.startswith('ال'):
        add(('definite', 1.0))
    x, base = known, w.base
    for k, v in terms:
        x += base[k] * v
    got = rules.logits[key] = (x, tuple(terms), short_known)
    if key is w:
        rules.model, rules.logit = w, got
    return got


def span_logits(doc: Doc, spans, w: LogitWeights, own: list | None = None) -> list[float]:
    """For each span, sum(weight * value over span_features(span, doc)), the same float, without
    building the dict: the terms of the span's own facts come memoised (_own_part), the others are
    added in span_features' order (a term whose value is 0.0 adds nothing and is skipped), what
    depends only on the document is worked out once.  `own`: each span's (NameFacts, OwnVerdicts)
    as the filters stage kept them (geo.recognize.facts.kept_verdicts) for spans it let through:
    such a span failed every hard rule, so the two that are features too (sentence_case,
    definite_adjective) are not tested again.  Keep the two in step:
    tests/test_recognize_fast.py compares them over realistic documents."""
    lang, text, toks, index = doc.lang, doc.text, doc.tokens, doc.index
    keys, starts, ends = doc.keys, doc.starts, doc.ends     # (read without making a Token)
    infos = toks.infos      # each token's memo entry (geo.text.tokens: cut, text, key, arabic, cap, upper, balance)
    short = len(text) < 400
    doc_len = math.log10(len(text) + 10) / 5.0
    hashes = '#' in text                 # (no hashtag features without one)
    sport = bool(doc.topics.get('sport'))
    base, ws = w.base, w.short
    prev_words = word_memo(index, (__name__, 'word before', lang))
    next_words = word_memo(index, (__name__, 'word after', lang))
    n_toks, en = len(toks), lang == 'en'
    out = []
    for n, span in enumerate(spans):
        if own is None:
            facts = name_facts(index, span.key, span.rows, lang)
            rules = own_verdicts(span, doc, facts)      # (the rules' own tests: only a passing one runs)
        else:
            facts, rules = own[n]
        x, own_terms, short_known = _own_part(span, doc, facts, rules, w)
        terms = []                      # (feature, value), value != 0.0, in span_features' order
        add = terms.append
        # the classes of the words around: by the word alone when a space stands between
        i, j = span.i, span.j
        if i == 0:
            prev = 'start'
        else:
            if text[ends[i - 1]:starts[i]] == ' ':
                k = keys[i - 1]
                prev = prev_words.get(k) or prev_words.recall(k, lambda k: _prev_word(doc, k))
            else:
                prev = _prev_class(doc, span)
        if j >= n_toks:
            nxt = 'end'
        else:
            if text[ends[j - 1]:starts[j]] == ' ':
                k = keys[j]
                nxt = next_words.get(k) or next_words.recall(k, lambda k: _next_key(doc, k))
                if en:
                    info = infos[j]
                    if info[CAP]:       # (most next words are not)
                        nxt = _next_word(nxt, True, info[UPPER])
            else:
                nxt = _next_class(doc, span)
        add(('prev_' + prev, 1.0))
        add(('next_' + nxt, 1.0))
        if prev == 'prep' and nxt == 'said':
            add(('prep_said', 1.0))
        if hashes:
            t0 = starts[span.i]
            if text[max(0, span.start - 1):span.start] == '#' or text[max(0, t0 - 1):t0] == '#':
                add(('hashtag', 1.0))
            if _in_compound_hashtag(text, span.start, span.end):
                add(('hashtag_compound', 1.0))
        if lang == 'en':
            if infos[span.i][UPPER]:
                add(('all_caps', 1.0))
            if prev == 'start':
                add(('sentence_start', 1.0))
            if own is None and is_sentence_case_word in rules.maybe and is_sentence_case_word(span, doc):
                add(('sentence_case', 1.0))
        if rules.common_word:
            add(('common_word', 1.0))
        if rules.frequent_word:
            add(('frequent_word', 1.0))
        if own is None and is_definite_adjective in rules.maybe and is_definite_adjective(span, doc):
            add(('definite_adjective', 1.0))
        if short:
            add(('short_doc', 1.0))
        if prev == 'word':
            if facts.values.get('famous'):
                add(('famous_prev_word', facts.values['famous']))
            if short:
                add(('short_prev_word', 1.0))
        if short and span.rows:
            add(('short_known', 1.0))
        repeats = doc.key_counts.get(span.key, 1)
        if repeats != 1:
            add(('repeats', math.log1p(repeats - 1) / 3.0))
        if sport or span.cue or span.how == 'cue':
            f: dict[str, float] = {}
            if sport:
                _context(span, doc, f)
            _cue_name(span, doc, f)
            terms.extend(f.items())
        add(('doc_len', doc_len))
        for k, v in terms:
            x += base[k] * v
        if short:
            for t in short_known:
                x += t
            for k, v in own_terms:
                x += ws[k] * v
            for k, v in terms:
                x += ws[k] * v
        out.append(x)
    return out


# Every feature span_features can give, by name: the model file lists the names it was trained
# with, and a model whose names differ from these is refused (geo.recognize.scorer), so that a
# renamed feature can never weigh silently as 0.  Raise FEATURE_VERSION when a feature keeps its
# name but changes its meaning.
FEATURE_VERSION = 2
CUE_TYPES = ('admin1', 'admin2', 'countryside', 'city', 'town', 'village', 'neighbourhood', 'landmark', 'airport',
             'camp', 'crossing', 'oilfield', 'mountain', 'water', 'facility', 'island')
PREV_CLASSES = ('start', 'comma', 'prep', 'direction', 'cue', 'title', 'connector', 'word')
NEXT_CLASSES = ('end', 'comma_place', 'comma', 'org_tail', 'cap', 'said', 'word')
_BASE = ('zipf', 'zipf_high', 'zipf_mid', 'key_len', 'short_key', 'known', 'log_pop', 'log_names', 'n_cands',
         'seat', 'capital', 'famous', 'very_famous', 'big_pop', 'kind_name', 'kind_alt_only',
         'kind_squashed_only', 'kind_fuzzy', 'user', 'zipf_joined', 'multi_token', 'home', 'cue', 'cue_list',
         'cue_settlement', 'cue_only', 'fuzzy_span', 'inner_known', 'conj', 'prep_clitic', 'definite',
         'prep_said', 'hashtag', 'hashtag_compound', 'all_caps', 'sentence_start', 'sentence_case',
         'common_word', 'frequent_word', 'definite_adjective', 'famous_prev_word', 'short_prev_word',
         'short_known', 'repeats', 'sport_sentence', 'sport_doc', 'cue_name_zipf', 'cue_name_first_zipf', 'flip_zipf', 'flip_high', 'dictionary_word') \
    + tuple(f'type_{t}' for t in sorted(set(TYPE_GROUPS.values()) | {'other'})) \
    + tuple(f'cue_type_{t}' for t in CUE_TYPES) + tuple(f'prev_{c}' for c in PREV_CLASSES) + tuple(f'next_{c}' for c in NEXT_CLASSES)
FEATURES = tuple(sorted(_BASE + ('short_doc', 'doc_len') + tuple(f's_{k}' for k in _BASE)))
