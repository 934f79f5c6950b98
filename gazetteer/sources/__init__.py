"""One reader per source; each yields Place records and nothing else."""
from __future__ import annotations

from .base import Source


def default_sources() -> list[Source]:
    """The embedded sources, in merge order (later records with the same id add names)."""
    from .admin import AdminUnits
    from .airports import Airports
    from .aliases import Aliases
    from .countries import NaturalEarthCountries
    from .crossscript_names import CrossScriptNames
    from .geonames_cities import GeoNamesCities
    from .ne_admin1 import NaturalEarthAdmin1
    from .regions import Continents, Regions

    return [NaturalEarthCountries(), GeoNamesCities(), AdminUnits(), NaturalEarthAdmin1(), Continents(), Regions(),
            Airports(), Aliases(), CrossScriptNames()]


__all__ = ['Source', 'default_sources']
