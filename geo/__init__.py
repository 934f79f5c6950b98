"""geo-textmap: text -> places -> maps.

>>> from geo import Geoparser
>>> result = Geoparser().parse('قصفت الطائرات مدينة دير الزور')
>>> [(p.name, p.lat, p.lon) for p in result.places]
"""
from .model import Candidate, Mention, Place, Result
from .pipeline import Geoparser

__all__ = ['Geoparser', 'Result', 'Mention', 'Place', 'Candidate']
