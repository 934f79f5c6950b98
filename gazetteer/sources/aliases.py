"""The curated alias file (gazetteer/aliases.toml): short forms and variant spellings that no
shipped source has.  Yields partial records that the build merges into existing places."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..place import Place
from .base import TomlFile
from .geonames_cities import data_file, load_countries


def load_us_states() -> dict:
    import json
    with open(data_file('us_states.json'), encoding='utf-8') as f:
        return json.load(f)

ALIAS_FILE = Path(__file__).resolve().parent.parent / 'aliases.toml'


class Aliases(TomlFile):
    name = 'aliases'
    licence = 'ours (geo-textmap)'
    url = 'gazetteer/aliases.toml'
    merge_only = True  # adds names to places other sources made; creates none

    def __init__(self, path: Path = ALIAS_FILE):
        super().__init__(path)

    def places(self) -> Iterator[Place]:
        data = self.data()
        countries = load_countries()
        for iso, names in data.get('countries', {}).items():
            gid = countries.get(iso, {}).get('geonameid')
            if gid:
                yield Place(id=f'gn:{gid}', name='', lat=0.0, lon=0.0, aliases=tuple(names), source=self.name)
        states = load_us_states()
        for code, names in data.get('us_states', {}).items():
            gid = states.get(code, {}).get('geonameid')
            if gid:
                yield Place(id=f'gn:{gid}', name='', lat=0.0, lon=0.0, aliases=tuple(names), source=self.name)
        for pid, names in data.get('places', {}).items():
            yield Place(id=pid, name='', lat=0.0, lon=0.0, aliases=tuple(names), source=self.name)
