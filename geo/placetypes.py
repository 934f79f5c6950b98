"""The one table of place types and of the sets of them that the stages share.

The types themselves, their rank and the name kinds are the gazetteer's (gazetteer.place);
this module names the groups that recognition, resolution and the maps speak of."""
from __future__ import annotations

from gazetteer.place import AREA_TYPES, KIND_NAMES, NAME_KINDS, TYPES

__all__ = ['TYPES', 'AREA_TYPES', 'NAME_KINDS', 'KIND_NAMES', 'ADMIN_UNITS', 'WIDE_AREAS', 'BIG_UNITS',
           'SETTLEMENTS', 'SETTLEMENT_CUES', 'PLACE_CUES', 'IMPLIED_COMPATIBLE', 'TYPE_GROUPS', 'ARAB_WORLD']

ADMIN_UNITS = frozenset({'admin1', 'admin2'})
# areas far from everything: they neither give nor take proximity, and have no single point
WIDE_AREAS = frozenset({'country', 'continent', 'region'})
# units that outweigh a common word of the same spelling
BIG_UNITS = WIDE_AREAS | {'admin1'}
SETTLEMENTS = frozenset({'city', 'town', 'village'})

# implied types (what a cue word says: مدينة -> city, ريف -> countryside) that name settlements
# and their parts, and, with the admin units, every implied type that names an inhabited place
SETTLEMENT_CUES = frozenset({'city', 'town', 'village', 'neighbourhood', 'countryside', 'camp'})
PLACE_CUES = SETTLEMENT_CUES | ADMIN_UNITS
# the candidate types a cue's implied type accepts
IMPLIED_COMPATIBLE = {
    'admin1': {'admin1'}, 'admin2': {'admin2', 'admin1'}, 'countryside': {'admin1', 'admin2'},
    'city': {'city', 'town'}, 'town': {'town', 'village', 'city'}, 'village': {'village', 'town'},
    'neighbourhood': {'neighbourhood', 'village', 'town'}, 'airport': {'airport'}, 'water': {'water'},
    'mountain': {'mountain'}, 'island': {'island'}, 'camp': {'camp', 'village', 'neighbourhood'},
    'oilfield': {'oilfield'}, 'facility': {'facility'}, 'crossing': {'crossing', 'village', 'town'},
}
# coarse type classes the recognition scorer sees
TYPE_GROUPS = {'country': 'country', 'continent': 'area', 'region': 'area', 'admin1': 'admin', 'admin2': 'admin',
               'city': 'city', 'town': 'town', 'village': 'village', 'airport': 'poi', 'facility': 'poi',
               'landmark': 'poi', 'neighbourhood': 'poi', 'water': 'nature', 'mountain': 'nature', 'island': 'nature'}
# the member states of the Arab League: Arabic text prefers a candidate there
ARAB_WORLD = frozenset('DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split())
