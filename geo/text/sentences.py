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
# _END's matches, found in one scan: the pattern begins with one character class (the engine skips
# to the next end mark or line break without trying a match at each offset) and takes the end mark
# itself in, so an _END match is this match less its first character unless that is a line break
# (an end mark is never a line break, so the two branches never begin at the same character)
_FAST_END = re.compile(r'[.!?؟؛…\n](?:(?<=\n)\n*|(?<=[.!?؟؛…])[\'"”»)]*\s+(?=[^\s]))')


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start, n = [], 0, len(text)
    for m in _FAST_END.finditer(text):
        end, after = m.span()
        if text[end] != '\n':
            end += 1                # the end mark stays in its sentence: the _END match is text[end:after]
        if after < n and text[after].islower() and text[end:after].strip('\n') \
                and _ABBREV.search(text, max(start, end - 64), end):
            continue
        _add_trimmed(spans, text, start, end)
        start = after
    _add_trimmed(spans, text, start, n)
    return spans or [(0, n)]


def _add_trimmed(spans: list, text: str, s: int, e: int) -> None:
    """Add text[s:e] without the white space at either end, as offsets, unless nothing is left
    (str.strip drops exactly what str.isspace calls space)."""
    seg = text[s:e]
    core = len(seg.strip())
    if core:
        s += len(seg) - len(seg.lstrip())
        spans.append((s, s + core))


class SentenceIndex:
    """Find the sentence around an offset in O(log n)."""

    def __init__(self, text: str):
        self.spans = sentences(text)
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.spans[i]
