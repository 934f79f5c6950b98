"""Stages `filters` and `select`: the hard rules rule spans out (each span keeps the rule's name,
so a reviewer can see why), then the spans whose score reaches the threshold become mentions.

With a scorer a span is kept from `threshold` up (default: the threshold tuned with the model,
which maximises F1 on held-out documents), or from half of it when the name is famous, comes from
the user's own gazetteer, or the same document surely uses it for a place elsewhere; without a
scorer the soft rules decide, and a threshold, when given, applies to the scores the stages gave."""
from __future__ import annotations

from ..doc import Doc, Span
from ..text.frequency import zipf
from .facts import keep_verdicts, name_facts, own_verdicts
from .rules import SOFT, first_rule
from .rules.gates import roles_memo
from .rules.people import same_person
from .scorer import load

SURE = 0.7          # a score the document's surest use of a name must reach
FAMOUS_NAMES = 40
NEWS_CHARS = 600
COMMON_WORD = 5.5     # Zipf frequency from which a name is a common word first


def filters(doc: Doc) -> None:
    """Stage: Span.dropped names the hard rule that rules the span out (rules.hard_rule, the same
    name: the verdicts on the span's own facts come memoised, then the rules that read the span's
    context run); then a name the document gives a person is that person wherever it stands alone
    (rules.people.same_person)."""
    index, lang, roles = doc.index, doc.lang, roles_memo(doc)
    pairs = []
    for s in doc.spans:
        facts = name_facts(index, s.key, s.rows, lang)
        verdicts = own_verdicts(s, doc, facts)
        pairs.append((facts, verdicts))
        s.dropped = first_rule(s, doc, verdicts, roles)
    keep_verdicts(doc, pairs)         # (the score stage reads them again)
    same_person(doc)


def select(doc: Doc, threshold: float | None = None, use_model: bool = True) -> None:
    """Stage: the spans that name places become doc.mentions, in text order."""
    spans = [s for s in doc.spans if not s.dropped]
    scorer = load(doc.lang) if use_model else None
    if scorer is None:
        doc.mentions = [s for s in spans if not any(f(s, doc) for f in SOFT)
                        and (threshold is None or s.score >= threshold)]
        return
    t = scorer.threshold if threshold is None else threshold
    best: dict[str, float] = {}
    for s in spans:
        best[s.key] = max(best.get(s.key, 0.0), s.score)
    doc.mentions = [s for s in spans
                    if s.score >= t or (s.score >= t / 2 and (well_known(doc, s) or users_own(doc, s)
                                                              or one_sense(s, best, t)))]


def one_sense(span: Span, best: dict[str, float], t: float) -> bool:
    """A name the document surely uses for a place elsewhere (Fargo ... Fargo Mayor) names it here
    too, at half the threshold: one sense per discourse."""
    return best.get(span.key, 0.0) >= max(SURE, t) and span.how == 'gazetteer'


def users_own(doc: Doc, span: Span) -> bool:
    """A name from the user's own gazetteer (--gazetteer) is strong evidence: it is taken at half
    the usual threshold, unless it is a frequent word of the language or a split word."""
    return _plain_name(doc, span) and any(doc.index.is_user(r) for r, _ in span.rows)


def _plain_name(doc: Doc, span: Span) -> bool:
    """A gazetteer name that may be taken at half the threshold: not a split word (بكيل
    "(tribes of) Bakil" is not ب + Kiel) and not a frequent word of the language."""
    return bool(span.rows) and span.how == 'gazetteer' and not any(c in span.proclitics for c in 'بلك') \
        and zipf(span.key, doc.lang) < COMMON_WORD


def well_known(doc: Doc, span: Span) -> bool:
    """A name that only a country, a first-level unit or a place known in forty names answers is
    taken at half the usual threshold (محادثات جنيف), except in short Arabic posts."""
    if (doc.lang == 'ar' and len(doc.text) < NEWS_CHARS) or not _plain_name(doc, span):
        return False      # Arabic posts: the tweet corpora say famous names there are often topics
    cores = [doc.index.core(r) for r, _ in span.rows]
    best = max(cores, key=lambda c: c.nnames)
    return best.nnames >= FAMOUS_NAMES or best.type in ('country', 'admin1')
