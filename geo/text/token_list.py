"""Tokens: the tokens of a text as a sequence that makes a Token object only when asked for one.

Tokenizing keeps what it finds as parallel lists (where each token starts and ends, and its memo
entry: text, key, script, case); a Token is made from them the first time a stage reads index k,
and kept (the same object every time after).  Most stages look at tokens only around the spans
they find, so most tokens are never made: making one object per token was the largest single
cost of parsing an article (issue 17).  Stages that read every token read the lists instead
(Doc.words, Doc.keys, Doc.starts, Doc.ends)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    arabic: bool
    cap: bool      # Latin, first letter upper-case
    upper: bool    # Latin, every letter upper-case (NATO, U.S.)


# the fields of a word's memo entry (Tokens.infos[k]), for readers that take one without a Token
CUT, TEXT, KEY, ARABIC, CAP, UPPER, BALANCE = range(7)


class Tokens(Sequence):
    """A read-only sequence of Token, made on demand from `starts`, `ends` and `infos` (the word
    memo's entries: (cut, text, key, arabic, cap, upper, balance), see geo.text.tokens)."""

    __slots__ = ('starts', 'ends', 'infos', '_made')

    def __init__(self, starts: list[int], ends: list[int], infos: list[tuple]):
        self.starts, self.ends, self.infos = starts, ends, infos
        self._made: list = [None] * len(starts)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k):
        t = self._made[k]         # (a negative index or a slice works as on a list; so does IndexError)
        if t.__class__ is Token:
            return t
        if t is None:
            return self._make(k if k >= 0 else k + len(self.starts))
        return [self[i] for i in range(*k.indices(len(self.starts)))]     # a slice

    def _make(self, k: int) -> Token:
        _, text, key, arabic, cap, upper, _ = self.infos[k]
        t = self._made[k] = Token(self.starts[k], self.ends[k], text, key, arabic, cap, upper)
        return t

    def __iter__(self):
        made = self._made
        for k in range(len(made)):
            t = made[k]
            yield t if t is not None else self._make(k)

    def __repr__(self) -> str:
        return f'Tokens({list(self)!r})'
