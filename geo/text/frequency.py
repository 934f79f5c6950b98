"""How common a word is in running text (Zipf scale, from the `wordfreq` package), looked up by
folded key.  The folded table is built once per wordfreq version and language into the cache
directory (a few seconds), then memory-mapped."""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache

import marisa_trie

from gazetteer.keys import fold_uncached
from gazetteer.versions import version


def cache_dir():
    """Where word tables derived from installed packages go: the user's cache (shared by every
    index, tests included: they only depend on the packages), or GEO_TEXTMAP_WORDFREQ."""
    import platformdirs
    from pathlib import Path

    return Path(os.environ.get('GEO_TEXTMAP_WORDFREQ') or platformdirs.user_cache_dir('geo-textmap'))


def _path(lang: str):
    return cache_dir() / f"wordfreq-{lang}-{version('wordfreq')}.marisa"


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


def cached_trie(path, make, empty):
    """The trie saved at `path`, memory-mapped into `empty`; `make()` builds it first when it is
    not there (written beside it and renamed into place, so a reader never sees half a file)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        trie = make()
        fd, tmp = tempfile.mkstemp(prefix=f'.{path.stem}-', dir=path.parent)
        os.close(fd)
        trie.save(tmp)
        os.replace(tmp, path)
    empty.mmap(str(path))
    return empty


@lru_cache(maxsize=None)
def table(lang: str) -> marisa_trie.RecordTrie:
    return cached_trie(_path(lang), lambda: build(lang), marisa_trie.RecordTrie('<B'))


@lru_cache(maxsize=131072)    # asked about the same words over and over
def zipf(key: str, lang: str) -> float:
    """Zipf frequency (0 = unseen, 7 = 'the') of a folded word in the language."""
    got = table(lang).get(key)
    return got[0][0] / 10 if got else 0.0
