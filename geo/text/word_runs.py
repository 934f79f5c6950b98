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
the table leaves to the regex) or in dotted initials (U.S., found by a hint pattern).  The
commonest cases are told from the characters either side, as the regex would: a mark right after
a word character (or a mark it joined) joins the word (أيضاً, تـــم), an apostrophe between a word
character and a letter joins it (Syria's, don't), and either after a gap is a gap.  Around every
other one, from the space before to the space after (a space never joins or ends a token
differently), the tokenizer's own regex finds the tokens and they replace the runs there; so the
result is exactly the regex's, and tests compare the two on every rule and on random texts.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np

_GAP, _SPECIAL = 0x20, 0x1F      # what a character becomes (both are spaces to str.split)
_POINTS = np.dtype(np.uint32)


class WordRuns:
    """`split(text)` -> (bounds, words, redone): bounds = [start, end, start, end, ...] of every
    match of `token_re` and words the matched strings, in order; redone: the indices of the matches
    the regex found or that hold an apostrophe (the only ones that can end in a possessive 's).
    `special`: a character class body of the characters near which a token can differ from a run
    of word characters ([^\\W_]+); of them, `marks` join the word before them whatever follows,
    and `apostrophes` join it when a letter follows (token_re's rules: the others are left to
    token_re); `hint`: a pattern found wherever else a token can differ from a run (initials)."""

    def __init__(self, token_re: re.Pattern, special: str, hint: re.Pattern, marks: str = '', apostrophes: str = ''):
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
        specials = ''.join(map(chr, (table[:0xFFFF] == _SPECIAL).nonzero()[0].tolist()))
        self.marks = frozenset(re.findall(f'[{marks}]', specials) if marks else ())
        self.apostrophes = frozenset(re.findall(f'[{apostrophes}]', specials) if apostrophes else ())
        self.letter = re.compile(r'[^\W\d_]')

    def split(self, text: str) -> tuple[list[int], list[str], list[int]]:
        # one space each side: every run starts and ends where word and non-word characters meet
        points = np.frombuffer((' ' + text + ' ').encode('utf-32-le', 'surrogatepass'), _POINTS)
        runs = self.table.take(points, mode='clip')
        spaced = runs.tobytes().decode('utf-32-le')
        near, joins, apostrophes = [], [], []
        if '\x1f' in spaced:
            near, joins, apostrophes = self._join(text, spaced, runs, points)
            if joins:
                spaced = runs.tobytes().decode('utf-32-le')
        word = runs > _GAP
        bounds = np.not_equal(word[1:], word[:-1]).nonzero()[0].tolist()
        words = spaced.split()
        hints = [m.start() + 1 for m in self.hint.finditer(text)]
        if hints:
            near = sorted(near + hints)
        redone = []
        if near:
            bounds, words, redone = self._redo(text, bounds, words, near)
        if apostrophes:                 # the words that hold an apostrophe joined here (offset + 1 in bounds)
            redone = sorted({*redone, *(bisect_right(bounds, q - 1) // 2 for q in apostrophes)})
        return bounds, words, redone

    def _join(self, text: str, spaced: str, runs: np.ndarray, points: np.ndarray) -> tuple[list[int], list[int], list[int]]:
        """Where the characters either side tell, as token_re would, the special characters that
        join the word before them become word characters (themselves) in `runs`, and the ones that
        are gaps stay specials (spaces to str.split); in text order, so that a mark after a mark
        it joined joins too.  (The offsets + 1 of the others, left to the regex; of the ones
        joined; of the apostrophes joined.)  Read from `spaced` (runs as a str: a space, a special
        '\\x1f' or the word character itself): numpy's scalars would cost more than the decisions."""
        marks, apostrophes, letter = self.marks, self.apostrophes, self.letter
        joins, left, joined_apostrophes, decided = [], [], [], {}
        q = spaced.find('\x1f')
        while q >= 0:
            before = spaced[q - 1]
            if before == '\x1f':                     # after another special: as it was told
                joined = decided.get(q - 1)
            else:
                joined = before != ' '               # (a word character: the word goes on)
            c = text[q - 1]
            if joined is None or (c not in apostrophes and c not in marks):
                left.append(q)
            else:
                if c in apostrophes and joined:      # (joins when a letter follows, in any plane)
                    joined = letter.match(text, q) is not None
                    if joined:
                        joined_apostrophes.append(q)
                decided[q] = joined                  # (a mark joins whatever follows)
                if joined:
                    joins.append(q)
            q = spaced.find('\x1f', q + 1)
        if joins:
            runs[joins] = points[joins]
        return left, joins, joined_apostrophes

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
