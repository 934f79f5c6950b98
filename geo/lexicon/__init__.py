"""Per-language word lists (ar.toml, en.toml), folded once and cached."""
from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from gazetteer.keys import fold

from ..text.frequency import cache_dir

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Lexicon:
    lang: str
    weekdays: frozenset[str]
    months: frozenset[str]
    common_words: frozenset[str]
    titles: frozenset[str]
    organisations: frozenset[str]          # folded multi-word names
    organisation_prefixes: frozenset[str]  # every folded prefix of an organisation name
    organisation_firsts: frozenset[str]    # the first word of every organisation name
    demonyms: dict[str, str]                # folded demonym -> ISO code or place id
    first_names: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_tails: frozenset[str]
    connectors: frozenset[str]
    cues: dict[str, str] = field(default_factory=dict)  # folded cue word -> implied type
    cue_prefixes: frozenset[str] = frozenset()
    cue_in_name: frozenset[str] = frozenset()   # cue types whose word belongs to the name
    plural_cues: frozenset[str] = frozenset()   # cue words that carry a list over (أحياء, قرى)
    lists: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)   # the [lists] table

    def words(self, name: str) -> frozenset[str]:
        """A word list of the [lists] table by name (empty when the language has none)."""
        return self.lists.get(name, frozenset())


def _folded(words) -> frozenset[str]:
    return frozenset(k for k in (fold(w) for w in words) if k)


def _prefixes(keys) -> frozenset[str]:
    out = set()
    for k in keys:
        parts = k.split(' ')
        for i in range(1, len(parts) + 1):
            out.add(' '.join(parts[:i]))
    return frozenset(out)


def read_tables(path: Path) -> dict:
    """A lexicon file's tables, parsed once per content: tomllib takes ~40 ms over ar.toml, a
    tenth of a short `geo parse`, so the parsed tables are kept (marshal) in the word-table cache
    under the file's hash, the copy of an older content removed."""
    raw = path.read_bytes()
    folder = cache_dir()
    kept = folder / f'lexicon-{path.stem}-{hashlib.sha1(raw).hexdigest()[:16]}.marshal'
    try:
        return marshal.loads(kept.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    tables = tomllib.loads(raw.decode('utf-8'))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f'.{kept.stem}-', dir=folder)
        with os.fdopen(fd, 'wb') as f:
            f.write(marshal.dumps(tables))
        os.replace(tmp, kept)
        for old in folder.glob(f'lexicon-{path.stem}-*.marshal'):
            if old != kept:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass          # (a read-only cache, or a value marshal cannot write: parsed each time)
    return tables


@lru_cache(maxsize=None)
def load(lang: str) -> Lexicon:
    path = HERE / f'{lang}.toml'
    if not path.exists():
        path = HERE / 'en.toml'
    d = read_tables(path)
    cues: dict[str, str] = {}
    for ptype, words in d.get('cues', {}).items():
        for w in words:
            cues.setdefault(fold(w), ptype)
    orgs = _folded(d.get('organisations', ()))
    for other in HERE.glob('*.toml'):           # outlets appear in any script (CNN in Arabic text)
        if other != path:
            orgs |= _folded(read_tables(other).get('organisations', ()))
    return Lexicon(
        lang=lang, weekdays=_folded(d.get('weekdays', ())), months=_folded(d.get('months', ())),
        common_words=_folded(d.get('common_words', ())), titles=_folded(d.get('titles', ())),
        organisations=orgs, organisation_prefixes=_prefixes(orgs),
        organisation_firsts=frozenset(o.split(' ')[0] for o in orgs), demonyms={fold(k): v for k, v in d.get('demonyms', {}).items()},
        first_names=_folded(d.get('first_names', ())),
        organisation_heads=_folded(d.get('organisation_heads', ())),
        organisation_tails=_folded(d.get('organisation_tails', ())),
        connectors=_folded(d.get('connectors', ())), cues=cues, cue_prefixes=_prefixes(cues),
        cue_in_name=frozenset(d.get('cue_in_name', ())),
        plural_cues=_folded(d.get('plural_cues', ())),
        lists={name: _folded(words) for name, words in d.get('lists', {}).items()},
    )
