"""Arabic names of the first-level units of the whole world (أوهايو، إلينوي، البنجاب، كيرلا،
سنجان): Natural Earth 10m admin-1 (public domain), as the `giso` package ships it, a GeoParquet
file read with pyarrow (giso's own code, and the engines it depends on, are not imported).  Names
only: each is merged into the GeoNames unit of Natural Earth's `gn_id`; a unit the index does not
have is skipped.

Natural Earth often writes the unit's type first (محافظة حضرموت، ولاية أنديجان، مقاطعة كونيو) or
"autonomous" last (منطقة التبت ذاتية الحكم): the name without them is added too, as the text
writes it after its own cue word (في ولاية أوهايو، في التبت).

Only GeoNames' first-level units (Natural Earth gives France's departments, Britain's counties)
that Natural Earth ranks as major (scalerank <= MAX_SCALERANK: the states of the US and India, the
provinces of China and Pakistan, the Länder, Nigeria's states ...; not Venezuela's Falcón, a
rocket's name in the news), only names that no area, no place of SMALL_HOLDER people and no place
inside the unit has yet (نيويورك stays the city's, تمبكتو the town's; لويزيانا, a town of 3,000
in Missouri, becomes the state's too), and no common word: none whose folded key
a common word of the language also has (ميه is Mie and مئة "hundred"; wordfreq Zipf >=
COMMON_ZIPF), none that is another word with an affix (الصومالية "Somali", the nisba), none made
of common words only (الساحل الغربي "the west coast") and no plural of one (البحيرات).  This
reads the other sources' places, so it runs last (derive)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from ..keys import fold, is_arabic
from ..place import AREA_TYPES, Place
from .base import Source, package_dir, package_fingerprint

log = logging.getLogger(__name__)

PACKAGE = 'giso'
DATA = ('data', 'ne_10m_admin_1_states_provinces.parquet')
# words Natural Earth puts before a unit's own name, and after it
TYPE_WORDS = frozenset(('مقاطعة', 'محافظة', 'المحافظة', 'بلدية', 'ولاية', 'إقليم', 'إدارة', 'منطقة', 'المنطقة',
                        'مديرية', 'كانتون', 'أوبلاست', 'جهة', 'شعبية', 'أبرشية', 'ضاحية', 'إمارة', 'دائرة'))
TAILS = ('ذاتية الحكم', 'ذات الحكم الذاتي', 'أوبلاست')
MAX_SCALERANK = 4
SMALL_HOLDER = 100_000    # a place this small outside the unit does not keep a name from it
COMMON_ZIPF = 4.0         # a one-word name this common is a word of the language
COMMON_WORDS_ZIPF = 3.5   # a longer name whose every word is this common is a phrase
MIN_LETTERS = 3


def data_path() -> Path | None:
    """The parquet file inside the installed package (None when the package is not installed)."""
    try:
        path = package_dir(PACKAGE).joinpath(*DATA)
    except ModuleNotFoundError:
        return None
    return path if path.exists() else None


def forms(name: str) -> tuple[str, ...]:
    """The name as Natural Earth writes it, and without its type word and its tail."""
    out = [name.strip()]
    short = out[0]
    for tail in TAILS:
        if short.endswith(' ' + tail):
            short = short[:-len(tail) - 1].strip()
    words = short.split()
    if len(words) > 1 and words[0] in TYPE_WORDS:
        short = ' '.join(words[1:])
    if short and short not in out:
        out.append(short)
    return tuple(out)


class NaturalEarthAdmin1(Source):
    name = 'naturalearth-admin1'
    licence = 'public domain (Natural Earth), packaged by giso (MIT)'
    url = 'https://www.naturalearthdata.com/'
    merge_only = True  # adds names to the units other sources made; creates none

    def __init__(self, path: Path | None = None):
        self.path = path if path is not None else data_path()    # (tests give a file of their own)

    def fingerprint(self) -> str:
        return package_fingerprint(PACKAGE, *([self.path] if self.path else []))

    def places(self) -> Iterator[Place]:
        return iter(())   # what it gives depends on the names the other sources gave: see derive()

    def derive(self, places: Iterable[Place]) -> Iterator[Place]:
        """Name-only records (merged by id) with the Arabic names no place has yet."""
        path = self.path
        if path is None:
            log.warning("package %s is not installed: the index gets no Arabic names of the world's "
                        'first-level units from Natural Earth (make demo installs it)', PACKAGE)
            return
        import pyarrow.parquet as pq
        from wordfreq import zipf_frequency

        from .crossscript_names import default_words, derived

        frequent = {w: z for w, z in default_words() if z >= 2.5}
        by_key: dict[str, float] = {}
        for w, z in frequent.items():
            k = fold(w)
            by_key[k] = max(by_key.get(k, 0.0), z)
        places = list(places)
        by_id = {p.id: p for p in places}
        holders: dict[str, list[Place]] = {}      # Arabic key -> the places that have it
        for p in places:
            for n in {fold(n) for n in (p.name_ar, *p.aliases, *p.names) if n and is_arabic(n)}:
                holders.setdefault(n, []).append(p)
        table = pq.read_table(path, columns=['gn_id', 'name_ar', 'scalerank'])
        for gid, name_ar, rank in zip(*(table.column(c).to_pylist() for c in ('gn_id', 'name_ar', 'scalerank'))):
            pid = f'gn:{int(gid)}' if gid and gid > 0 else ''
            unit = by_id.get(pid)
            if unit is None or unit.type != 'admin1' or not name_ar or not name_ar.strip() or rank is None or rank > MAX_SCALERANK:
                continue
            new = []
            for form in forms(name_ar):
                key = fold(form)
                if len(key.replace(' ', '')) < MIN_LETTERS or not all(_may_share(h, unit) for h in holders.get(key, ())):
                    continue
                if by_key.get(key, 0.0) >= COMMON_ZIPF or _common(form, zipf_frequency) or (
                        ' ' not in form and (derived(form, frequent) or _plural_of_a_word(key, by_key))):
                    continue
                holders.setdefault(key, []).append(unit)
                new.append(form)
            if new:
                yield Place(id=pid, name='', lat=0.0, lon=0.0, names=tuple(new), source=self.name)


def _may_share(holder: Place, unit: Place) -> bool:
    """A unit may take a name another place has when that place is small and lies outside it
    (لويزيانا, a town of 3,000 in Missouri, for the state), never a town inside it (تمبكتو stays
    Timbuktu's, not the Tombouctou region's) nor an area or a big place (نيويورك)."""
    return (holder.type not in AREA_TYPES and holder.population < SMALL_HOLDER
            and not (holder.country == unit.country and holder.admin1 in (unit.name, *unit.aliases, *unit.names)))


def _common(form: str, zipf) -> bool:
    words = form.split()
    if len(words) == 1:
        return zipf(form, 'ar') >= COMMON_ZIPF
    return all(zipf(w, 'ar') >= COMMON_WORDS_ZIPF for w in words)


def _plural_of_a_word(key: str, by_key: dict[str, float]) -> bool:
    """البحيرات "the lakes": the plural (ات) of a common noun (بحيرة)."""
    stem = key[2:] if key.startswith('ال') else key
    return stem.endswith('ات') and len(stem) > 4 and by_key.get(stem[:-2] + 'ه', 0.0) >= COMMON_WORDS_ZIPF
