"""The tokens of a text found with numpy: runs of word characters, and a regex only around the
few characters that make a token more than a run.

Why: one `re.split` over an article was the floor of tokenizing (about 60% of make_doc's
instructions; it makes a string for every gap as well as every word).  Most tokens are plain runs
of letters and digits, and finding runs is a vector job: one table lookup per character (the
text as UTF-32 code points) gives the text with every non-word character made a space; where
word and non-word characters meet are the runs' bounds (nonzero), and one `str.split` of that
text makes the words (C all the way).

A token is more than a run only next to a special character (an Arabic mark, zero-width joiner,
invisible character or apostrophe: what a run can carry on through; an astral character, which
the table leaves to the regex) or in dotted initials (U.S., found by a hint pattern).  Around
each of them, from the space before to the space after (a space never joins or ends a token
differently), the tokenizer's own regex finds the tokens and they replace the runs there; so
the result is exactly the regex's, and tests compare the two on every rule and every corpus text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np

_GAP, _SPECIAL = 0x20, 0x1F      # what a character becomes (both are spaces to str.split)
_POINTS = np.dtype(np.uint32)


class WordRuns:
    """`split(text)` -> (bounds, words, redone): bounds = [start, end, start, end, ...] of every
    match of `token_re` and words the matched strings, in order; redone: the indices of the
    matches the regex found (the only ones that can hold a special character).  `special`: a
    character class body of the characters near which a token can differ from a run of word
    characters ([^\\W_]+); `hint`: a pattern found wherever else one can (dotted initials)."""

    def __init__(self, token_re: re.Pattern, special: str, hint: re.Pattern):
        self.token_re, self.hint = token_re, hint
        # (every BMP character once, made from code points: a join of 65,536 chr() calls costs 17 ms
        # of start-up, this 3)
        bmp = np.arange(0x10000, dtype=_POINTS).tobytes().decode('utf-32-le', 'surrogatepass')
        table = np.full(0x10000, _GAP, np.uint32)
        for m in re.finditer(r'[^\W_]+', bmp):       # (no word character is below '0')
            table[m.start():m.end()] = np.arange(m.start(), m.end())
        for m in re.finditer(f'[{special}]', bmp):
            if table[m.start()] == _GAP:             # (a word character in the class stays one)
                table[m.start()] = _SPECIAL
        table[0xFFFF] = _SPECIAL     # stands for every astral character too (take(mode='clip'))
        self.table = table

    def split(self, text: str) -> tuple[list[int], list[str], list[int]]:
        # one space each side: every run starts and ends where word and non-word characters meet
        points = np.frombuffer((' ' + text + ' ').encode('utf-32-le', 'surrogatepass'), _POINTS)
        runs = self.table.take(points, mode='clip')
        word = runs > _GAP
        bounds = np.not_equal(word[1:], word[:-1]).nonzero()[0].tolist()
        spaced = runs.tobytes().decode('utf-32-le')
        words = spaced.split()
        near = (runs == _SPECIAL).nonzero()[0].tolist() if '\x1f' in spaced else []   # (offset + 1)
        hints = [m.start() + 1 for m in self.hint.finditer(text)]
        if hints:
            near = sorted(near + hints)
        if not near:
            return bounds, words, []
        return self._redo(text, bounds, words, near)

    def _redo(self, text: str, bounds: list[int], words: list[str], near: list[int]):
        """The runs, with the regex's tokens in place of the runs from the space before to the
        space after each offset of `near` (+1); and the indices of the regex's tokens."""
        out, out_words, redone, done, end = [], [], [], 0, -1
        for q in near:
            q -= 1
            if q < end:
                continue          # (in the last region)
            start = text.rfind(' ', 0, q) + 1
            end = text.find(' ', q)
            if end < 0:
                end = len(text)
            k = bisect_left(bounds, start, done)      # an even index: no run crosses a space
            out += bounds[done:k]
            out_words += words[done // 2:k // 2]
            first = len(out_words)
            for m in self.token_re.finditer(text, start, end):
                out += m.span()
                out_words.append(m.group())
            redone += range(first, len(out_words))
            done = bisect_right(bounds, end, k)       # (a run may end at the space)
        out += bounds[done:]
        out_words += words[done // 2:]
        return out, out_words, redone
