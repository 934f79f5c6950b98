"""Fuzzy blocking: the sorted key tables behind Index.fuzzy_keys.

Every index key is stored twice, read forwards and read backwards, sorted by (direction, length,
text) and written as one UTF-8 blob (one key a line) with its line offsets and a fixed-width
"head" column (direction byte, length byte, first HEAD bytes of the text) that numpy can
binary-search without touching the blob.  A fuzzy lookup asks, for each target length that the
score cutoff allows, for the keys that share a long enough head or tail with the query: by the
pigeonhole principle one edit (or a swap of two neighbours) cannot spoil a head and a tail that
do not overlap, so a near miss always finds its target.  Each answer is one contiguous run of
the blob, taken with one slice and one split, and scored by rapidfuzz in C.

Files of a build: blocks.txt (the blob), blocks.off.npy (offsets), blocks.head.npy (heads).
"""
from __future__ import annotations

import bisect
import mmap
import sys
from pathlib import Path
from typing import Iterable

import numpy as np

FORWARD, BACKWARD = 1, 2
MAX_LEN = 99            # longer keys share the last length group
HEAD = 8                # bytes of text in the head column
ARTICLE = 'ال'
_REFINE = 32            # refine a run longer than this when the probe is longer than HEAD bytes


def _sorted_by_length(texts: Iterable[str]) -> tuple[list[bytes], np.ndarray]:
    """Texts encoded and ordered by (length group, UTF-8 bytes), which is the order of the text
    itself; with the length group of each.  Bytes sort twice as fast as str."""
    buckets: dict[int, list[bytes]] = {}
    for t in texts:
        buckets.setdefault(min(len(t), MAX_LEN), []).append(t.encode('utf-8'))
    out: list[bytes] = []
    groups, counts = sorted(buckets), []
    for n in groups:
        b = buckets.pop(n)
        b.sort()
        out.extend(b)
        counts.append(len(b))
    return out, np.repeat(np.array(groups, dtype=np.uint8), counts)


def write(keys: Iterable[str], dest: Path) -> None:
    """Write the blocking tables of `keys` (folded index keys, no newlines) into `dest`.  The
    per-key work is sorting; offsets and heads are computed by numpy over the encoded blob."""
    unique = set(keys)
    fw, fw_len = _sorted_by_length(unique)
    bw, bw_len = _sorted_by_length(k[::-1] for k in unique)
    del unique
    n = len(fw) + len(bw)
    blob = b'\n'.join(fw + bw) + b'\n' if n else b''
    del fw, bw
    raw = np.frombuffer(blob, dtype=np.uint8)
    ends = np.flatnonzero(raw == 10)                       # the newline after each entry
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    off = np.concatenate((starts, [len(blob)])).astype('<u4' if len(blob) < 2 ** 32 else '<u8')
    head = np.zeros((n, HEAD + 2), dtype=np.uint8)
    head[:len(fw_len), 0] = FORWARD
    head[len(fw_len):, 0] = BACKWARD
    head[:, 1] = np.concatenate((fw_len, bw_len))
    for j in range(HEAD):                                   # the first HEAD bytes of each entry
        pos = starts + j
        inside = pos < ends
        head[inside, 2 + j] = raw[pos[inside]]
    with open(dest / 'blocks.txt', 'wb') as f:
        f.write(blob)
    np.save(dest / 'blocks.off.npy', off)
    np.save(dest / 'blocks.head.npy', head.view(f'S{HEAD + 2}').ravel())


def main(argv: list[str] | None = None) -> int:
    """main([KEYS, DEST]): write the tables of the keys in the file KEYS (one a line, UTF-8) into
    DEST; run by the index build in a fresh process."""
    keys_file, dest = (argv or sys.argv[1:])[:2]
    with open(keys_file, encoding='utf-8') as f:
        keys = f.read().split('\n')
    write((k for k in keys if k), Path(dest))
    return 0


def target_lengths(n: int, cutoff: float, ratio: bool = True) -> list[int]:
    """Key lengths that can reach `cutoff` against a query of length n.  For rapidfuzz's
    fuzz.ratio (normalised InDel similarity) the distance between lengths n and m is at least
    |n - m| and has the parity of n + m; other scorers get a plain window of two either side."""
    if not ratio:
        return list(range(max(1, n - 2), min(MAX_LEN, n + 2) + 1))
    out = []
    for m in range(max(1, n - 8), n + 9):
        least = abs(n - m) or 2           # equal lengths differ by a substitution at least
        if 100.0 * (1 - least / (n + m)) >= cutoff - 1e-9:
            out.append(min(m, MAX_LEN))
    return sorted(set(out))


def probes(key: str) -> tuple[tuple[str, str], tuple[str, str] | None]:
    """(head, tail) probes of a query key: a tail is given reversed.  Short keys are cut in two
    (head and tail of about half each, a character apart where there is room).  Longer keys are cut in three parts P1 P2 P3: the probes
    are P1P2 (less its last character) and P2P3 (less its first), which cover one edit or swap
    anywhere but in the middle, and the second pair (P1, P3) covers the middle.  An Arabic article
    at the start does not count towards the head (it is too common to tell keys apart).  Queries
    of fewer than 4 characters have overlapping probes: one edit may spoil both."""
    n = len(key)
    o = 2 if key.startswith(ARTICLE) and n - 2 >= 5 else 0   # leave 5 to split: head, a gap, tail
    s = n - o
    r = key[::-1]
    if s <= 6:  # head and tail with a gap of one character between them where there is room
        p = max(2, s // 2)
        return (key[:o + p], r[:max(2, s - 1 - p)]), None
    a, b = s // 3, (2 * s) // 3
    return (key[:o + b - 1], r[:s - a - 1]), (key[:o + a], r[:s - b])


class Blocks:
    """The blocking tables of one build, memory-mapped."""

    def __init__(self, path: Path):
        self.path = Path(path)
        with open(self.path / 'blocks.txt', 'rb') as f:
            self._blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if f.seek(0, 2) else b''
        off = np.load(self.path / 'blocks.off.npy', mmap_mode='r')
        if sys.byteorder == 'little':
            self._off = memoryview(off).cast('B').cast('I' if off.dtype.itemsize == 4 else 'Q')
        else:  # pragma: no cover - big-endian hosts take the slower numpy path
            self._off = [int(x) for x in off]
        self._head = np.load(self.path / 'blocks.head.npy', mmap_mode='r')

    def _text(self, i: int) -> bytes:
        return self._blob[self._off[i]:self._off[i + 1] - 1]

    def ranges(self, wanted: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """[start, end) rows of every (direction, length, prefix) asked for, in one search."""
        if not wanted:
            return []
        probes = [p.encode('utf-8') for _, _, p in wanted]
        lo_keys = [bytes((d, ln)) + p[:HEAD] for (d, ln, _), p in zip(wanted, probes)]
        hi_keys = [bytes((d, ln)) + p[:HEAD].ljust(HEAD, b'\xff') for (d, ln, _), p in zip(wanted, probes)]
        lo = np.searchsorted(self._head, np.array(lo_keys, dtype=self._head.dtype), 'left').tolist()
        hi = np.searchsorted(self._head, np.array(hi_keys, dtype=self._head.dtype), 'right').tolist()
        out = []
        for a, b, p in zip(lo, hi, probes):
            if len(p) > HEAD and b - a > _REFINE:  # the head column saw only HEAD bytes: finish on the blob
                a = bisect.bisect_left(range(a, b), p, key=self._text) + a
                b = bisect.bisect_left(range(a, b), p + b'\xff', key=self._text) + a
            out.append((a, b))
        return out

    def texts(self, a: int, b: int) -> list[str]:
        """The stored texts of rows a..b-1 (keys, or keys reversed for backward rows)."""
        if a >= b:
            return []
        return self._blob[self._off[a]:self._off[b] - 1].decode('utf-8').split('\n')

    def candidates(self, key: str, lengths: list[int]) -> tuple[list[str], list[str]]:
        """(keys read forwards, keys read backwards) that may be near `key`."""
        (head, tail), middle = probes(key)
        wanted = []
        for m in lengths:
            wanted += [(FORWARD, m, head), (BACKWARD, m, tail)]
            if middle:
                wanted += [(FORWARD, m, middle[0]), (BACKWARD, m, middle[1])]
        got = self.ranges(wanted)
        fw: list[str] = []
        bw: list[str] = []
        step = 4 if middle else 2
        for i in range(0, len(got), step):
            h, t = got[i], got[i + 1]
            if middle:
                mh, mt = got[i + 2], got[i + 3]
                # the short middle head contains the long head's rows (and likewise for tails):
                # take whichever pair is smaller
                if (mh[1] - mh[0]) + (t[1] - t[0]) <= (h[1] - h[0]) + (mt[1] - mt[0]):
                    h = mh
                else:
                    t = mt
            fw += self.texts(*h)
            bw += self.texts(*t)
        return fw, bw
