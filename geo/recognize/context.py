"""What a document and a sentence are about, as counts of topic words (sport: مباراة، الدوري,
match, league).  A city in a sentence about a match is as often a team as a place (برشلونة,
Liverpool), so the learned scorer sees these counts beside a span's other features."""
from __future__ import annotations

import bisect
from itertools import compress, count

from ..doc import Doc
from ..lexicon import Lexicon

TOPICS = ('sport',)
_PROCLITICS = ('', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك')


def _forms(lex: Lexicon, topic: str) -> frozenset[str]:
    """Every written form of the topic's words: in Arabic behind one or two proclitics, لل
    standing for ل + ال (والمباراة، للفريق).  Kept with the lexicon's other derived sets."""
    key = (topic, lex.words(f'{topic}_words'))
    got = _FORMS.get(key)
    if got is None:
        got = _FORMS[key] = _all_forms(lex.lang, key[1])
    return got


_FORMS: dict = {}


def _all_forms(lang: str, words: frozenset[str]) -> frozenset[str]:
    if lang != 'ar':
        return frozenset(words)
    out = set()
    for w in words:
        for p in _PROCLITICS:
            out.add(p + w)
            if w.startswith('ال') and p.endswith('ل'):
                out.add(p + w[1:])           # ل + الفريق -> للفريق
    return frozenset(out)


def topic_positions(doc: Doc) -> dict[str, list[int]]:
    """{topic: the start offsets of its words in the text}, in order."""
    out = {}
    for topic in TOPICS:
        forms = _forms(doc.lex, topic)
        if not forms or forms.isdisjoint(doc.keys):     # most documents: one C-level pass
            out[topic] = []
        else:                                           # (the positions found C-level too)
            toks = doc.tokens
            out[topic] = [toks[i].start for i in compress(count(), map(forms.__contains__, doc.keys))]
    return out


def in_range(starts: list[int], lo: int, hi: int) -> int:
    return bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)
