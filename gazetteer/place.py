"""The one record every gazetteer source yields."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Place types, coarse to fine.  The number is a rank used as a prior by resolution: larger units
# and settlements outrank features of the same name.
TYPES = {
    'continent': 10, 'region': 9, 'country': 9, 'admin1': 8, 'admin2': 7, 'city': 6, 'town': 5,
    'village': 4, 'neighbourhood': 3, 'airport': 3, 'camp': 3, 'crossing': 3, 'oilfield': 3,
    'mountain': 3, 'water': 3, 'island': 4, 'facility': 2, 'landmark': 2, 'place': 1,
}
AREA_TYPES = frozenset({'continent', 'region', 'country', 'admin1', 'admin2'})

# How a name belongs to a place; stored with every key in the index.
NAME_KINDS = {'name': 0, 'alt': 1, 'alias': 2, 'code': 3, 'squashed': 4, 'fuzzy': 5}  # fuzzy: never stored
KIND_NAMES = {v: k for k, v in NAME_KINDS.items()}


@dataclass(slots=True)
class Place:
    id: str                      # source-prefixed id: gn:170794, ap:OSDZ, rg:middle-east, u:...
    name: str                    # display name (English / Latin script where known)
    lat: float
    lon: float
    type: str = 'place'          # one of TYPES
    country: str = ''            # ISO 3166-1 alpha-2
    admin1: str = ''             # first-level unit name
    population: int = 0
    geonameid: int | None = None
    name_ar: str = ''            # Arabic display name
    names: tuple[str, ...] = ()  # every other name, any language
    aliases: tuple[str, ...] = ()  # curated short forms and variant spellings
    codes: tuple[str, ...] = ()  # exact upper-case codes (IATA, ICAO)
    seat: int = 0                # 3 national capital, 2 first-level seat, 1 second-level seat
    source: str = ''
    parent: str = ''             # name or id of the enclosing place, where known
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """A JSON-ready dict (tuples become lists when serialised)."""
        d = {k: getattr(self, k) for k in self.__slots__}
        d['extra'] = dict(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> 'Place':
        d = dict(d)
        for k in ('names', 'aliases', 'codes'):
            d[k] = tuple(d.get(k) or ())
        if d.get('bbox'):
            d['bbox'] = tuple(d['bbox'])
        return cls(**{k: v for k, v in d.items() if k in cls.__slots__})

    def merge(self, other: 'Place') -> None:
        """Fold a later record with the same id into this one (names union, empty fields filled)."""
        seen = set(self.names)
        self.names = self.names + tuple(n for n in other.names if n not in seen)
        self.aliases = tuple(dict.fromkeys(self.aliases + other.aliases))
        self.codes = tuple(dict.fromkeys(self.codes + other.codes))
        for k in ('name_ar', 'country', 'admin1', 'parent', 'bbox'):
            if not getattr(self, k) and getattr(other, k):
                setattr(self, k, getattr(other, k))
        self.population = max(self.population, other.population)
        self.seat = max(self.seat, other.seat)
        for k, v in other.extra.items():
            if k != 'merge_only':
                self.extra.setdefault(k, v)
