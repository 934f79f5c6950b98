"""How common a word is in running text (Zipf scale, from the `wordfreq` package), looked up by
folded key.  The folded table is built once per wordfreq version and language into the cache
directory (a few seconds), then memory-mapped."""
from __future__ import annotations

import importlib.metadata
import os
import tempfile
from functools import lru_cache

import marisa_trie

from gazetteer.keys import fold_uncached


def _path(lang: str):
    """In the user's cache (shared by every index, tests included: it only depends on wordfreq)."""
    import platformdirs
    from pathlib import Path

    version = importlib.metadata.version('wordfreq')
    base = os.environ.get('GEO_TEXTMAP_WORDFREQ') or platformdirs.user_cache_dir('geo-textmap')
    return Path(base) / f'wordfreq-{lang}-{version}.marisa'


def build(lang: str) -> marisa_trie.RecordTrie:
    import math

    from wordfreq import get_frequency_dict

    best: dict[str, int] = {}
    for word, freq in get_frequency_dict(lang).items():
        z = int(round((math.log10(freq) + 9) * 10)) if freq > 0 else 0
        if z < 10:
            continue
        k = fold_uncached(word)
        if k and best.get(k, 0) < z:
            best[k] = z
    return marisa_trie.RecordTrie('<B', ((k, (v,)) for k, v in best.items()))


@lru_cache(maxsize=None)
def table(lang: str) -> marisa_trie.RecordTrie:
    path = _path(lang)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        trie = build(lang)
        fd, tmp = tempfile.mkstemp(prefix='.wordfreq-', dir=path.parent)
        os.close(fd)
        trie.save(tmp)
        os.replace(tmp, path)
    trie = marisa_trie.RecordTrie('<B')
    trie.mmap(str(path))
    return trie


@lru_cache(maxsize=131072)    # asked about the same words over and over
def zipf(key: str, lang: str) -> float:
    """Zipf frequency (0 = unseen, 7 = 'the') of a folded word in the language."""
    got = table(lang).get(key)
    return got[0][0] / 10 if got else 0.0
