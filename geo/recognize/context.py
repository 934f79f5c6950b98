"""What a document and a sentence are about, as counts of topic words (sport: مباراة، الدوري،
match, league).  A city in a sentence about a match is as often a team as a place (برشلونة،
Liverpool), so the learned scorer sees these counts beside a span's other features."""
from __future__ import annotations

import bisect

from ..doc import Doc

TOPICS = ('sport',)


def topic_positions(doc: Doc) -> dict[str, list[int]]:
    """{topic: the start offsets of its words in the text}, in order (a proclitic or two and
    a definite article are looked through: والمباراة، للفريق)."""
    out = {}
    for topic in TOPICS:
        words = doc.lex.words(f'{topic}_words')
        if not words:
            out[topic] = []
            continue
        starts = []
        for t in doc.tokens:
            k = t.key
            if k in words or (doc.lang == 'ar' and any(r in words for r in _readings(k))):
                starts.append(t.start)
        out[topic] = starts
    return out


def _readings(k: str):
    """The word behind one or two proclitics (و ف ب ل ك), لل standing for ل + ال."""
    for n in (1, 2):
        if len(k) > n + 2 and all(c in 'وفبلك' for c in k[:n]):
            yield k[n:]
            if k[n - 1] == 'ل' and k[n] == 'ل':
                yield 'ا' + k[n:]


def in_range(starts: list[int], lo: int, hi: int) -> int:
    return bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)
