"""The first words of the index keys, each with what a reader of running text asks of it first:
is it a key alone (KEY), do longer keys begin with it and a space (LONGER)?

Every new word of a text is asked whether some key begins with it (geo.recognize.words), and
nearly all begin none.  In the name trie (14 MB, every key) that answer takes a prefix search
that rebuilds the first key found; here (about 1.1M words, under 5 MB) it is one exact look-up,
and a word that begins a key learns in the same look-up whether it is one and whether a longer
key follows.  Making it when the index is opened would cost seconds and some 80 MB, so the
build writes it (a trie of the words and one byte of flags per word, in the trie's order), and
the index memory-maps both."""
from __future__ import annotations

import mmap
from pathlib import Path
from typing import Iterable

import marisa_trie

KEY, LONGER = 1, 2      # the flags of a first word
TRIE, FLAGS = 'firsts.marisa', 'firsts.flags'


def add(flags: dict[str, int], key: str) -> None:
    """Count a key in `flags`: its first word is a key alone, or begins a longer one."""
    first, space, _ = key.partition(' ')
    flags[first] = flags.get(first, 0) | (LONGER if space else KEY)


def flags_of(keys: Iterable[str]) -> dict[str, int]:
    """The first word of each key with its flags."""
    out: dict[str, int] = {}
    for k in keys:
        add(out, k)
    return out


def write(keys: Iterable[str], dest: Path) -> None:
    """firsts.marisa (the first words) and firsts.flags (the flags of word id i at byte i)."""
    flags = flags_of(keys)
    trie = marisa_trie.Trie(flags)
    trie.save(str(dest / TRIE))
    out = bytearray(len(trie))
    for word, i in trie.iteritems():
        out[i] = flags[word]
    (dest / FLAGS).write_bytes(bytes(out))


class FirstWords:
    """The two files of a build, memory-mapped: `flags(word)` is 0 for a word no key begins."""

    def __init__(self, folder: Path):
        self._trie = marisa_trie.Trie()
        self._trie.mmap(str(folder / TRIE))
        with open(folder / FLAGS, 'rb') as f:
            size = f.seek(0, 2)
            self._flags = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b''
        if size != len(self._trie):
            raise ValueError(f'{FLAGS} holds {size} flags for {len(self._trie)} words')

    def flags(self, word: str) -> int:
        i = self._trie.get(word)    # the word's id, or None: no key begins with it
        return 0 if i is None else self._flags[i]
