"""The parse settings a command runs with, and the one way to open a Geoparser from them.

`geo parse`, `map`, `batch` and `eval` share these settings (their common flags); the CLI turns
its arguments into a ParseSettings once, and everything below it (batch workers included)
opens its Geoparser with `open_geoparser(settings)`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import InputError

BBox = tuple[float, float, float, float]


def parse_bbox(value: str | tuple | list) -> BBox:
    """W,S,E,N in degrees, from a string such as '35,32,43,38' or a sequence of four numbers."""
    try:
        parts = value.split(',') if isinstance(value, str) else list(value)
        bbox = tuple(float(x) for x in parts)
        if not (len(bbox) == 4 and all(-180 <= v <= 180 for v in bbox[::2])
                and all(-90 <= v <= 90 for v in bbox[1::2])):
            raise ValueError(bbox)
    except (TypeError, ValueError):
        raise InputError(f'--bias-bbox {value!r}: give W,S,E,N in degrees') from None
    return bbox


def _country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, or None for none."""
    from gazetteer.sources.geonames_cities import country_code_problem

    code = str(value or '').strip().upper()
    if not code:
        return None
    problem = country_code_problem(code)
    if problem:
        raise InputError(f'--bias-country {value}: {problem}')
    return code


@dataclass(frozen=True)
class ParseSettings:
    """How documents are parsed.  Checked when made: a bad value raises InputError with the
    message the CLI prints (naming the flag)."""
    gazetteers: tuple[str | Path, ...] = ()   # extra places for this run (CSV or GeoJSON files)
    min_confidence: float | None = None       # None: the threshold tuned per language
    bias_country: str | None = None           # ISO code of a country to prefer
    bias_bbox: BBox | None = None             # W,S,E,N (a 'W,S,E,N' string is accepted)
    lang: str | None = None                   # None: detected per document
    fuzzy: bool = True
    demonyms: bool | None = None              # None: on for English, off for Arabic

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f'--min-confidence {self.min_confidence}: give a number between 0 and 1')
        object.__setattr__(self, 'gazetteers', tuple(self.gazetteers))
        object.__setattr__(self, 'bias_bbox', parse_bbox(self.bias_bbox) if self.bias_bbox else None)
        object.__setattr__(self, 'bias_country', _country(self.bias_country))


def open_geoparser(settings: ParseSettings, progress: Callable[[str, int], None] | None = None, index=None):
    """A Geoparser with these settings, the settings' gazetteers laid over its index.
    progress(source, places) is called while the index is built (its first use).  `index`: an
    index already open (tests; batch workers reopen their client's), instead of the user's."""
    from .pipeline import Geoparser

    return Geoparser(index=index, gazetteers=settings.gazetteers, min_confidence=settings.min_confidence,
                     bias_country=settings.bias_country, bias_bbox=settings.bias_bbox, demonyms=settings.demonyms,
                     fuzzy=settings.fuzzy, progress=progress)
