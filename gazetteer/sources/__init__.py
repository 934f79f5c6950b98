"""One reader per source; each yields Place records and nothing else."""
from __future__ import annotations

from .base import Source


def default_sources() -> list[Source]:
    """The embedded sources, in merge order (later records with the same id add names)."""
    from .aliases import Aliases
    from .countries import NaturalEarthCountries
    from .geonames_cities import GeoNamesCities

    return [NaturalEarthCountries(), GeoNamesCities(), Aliases()]


__all__ = ['Source', 'default_sources']
