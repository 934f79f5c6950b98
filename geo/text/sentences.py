"""Sentence spans (offsets into the original text), for mention snippets and context rules."""
from __future__ import annotations

import bisect
import re

# a sentence ends at . ! ? ؟ ؛ or a line break, followed by space; abbreviations (U.S., Gov.)
# are not ends when the next word starts in lower case (the abbreviation is looked for at the end
# of the sentence only: it is anchored there, and runs of initials repeat within the window)
_END = re.compile(r'(?<=[.!?؟؛…])[\'"”»)]*\s+(?=[^\s])|\n+')
# between two words, any of these ends a sentence (a quick test on the gap between tokens; the
# splitter below also asks for white space after the mark and knows abbreviations)
END_MARKS = frozenset('.!?؟\n')
# ... and with these, a clause
CLAUSE_ENDS = END_MARKS | frozenset(';؛')
_ABBREV = re.compile(r'(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+)\.$')
# where an _END match can begin: just after an end mark that a quote or a space follows (its
# look-behind), or at a run of line breaks; one character class first, so the scan is quick
_MAY_END = re.compile('[.!?؟؛…\n](?:(?<=\n)\n*|(?=[\'"”»)\\s]))')


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _ends(text):
        end = m.start()
        if m.group().strip('\n') and m.end() < len(text) and text[m.end()].islower() \
                and _ABBREV.search(text, max(start, end - 64), end):
            continue
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans or [(0, len(text))]


def _ends(text: str):
    """The matches of _END, as _END.finditer finds them.  Fast path: _END is tried only where a
    match can begin (_MAY_END: after an end mark, at a line break), instead of at every offset of
    the text."""
    pos = 0
    for c in _MAY_END.finditer(text):
        at = c.start() if text[c.start()] == '\n' else c.end()
        if at >= pos:
            m = _END.match(text, at)
            if m:
                yield m
                pos = m.end()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class SentenceIndex:
    """Find the sentence around an offset in O(log n)."""

    def __init__(self, text: str):
        self.spans = sentences(text)
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[i]
