"""GeoNames feature codes (class P, code PPLA2, ...) -> our place types (gazetteer/place.py
TYPES) and seat ranks.  Codes not listed fall back on their class; settlements are typed by
population."""
from __future__ import annotations

from .geonames_cities import settlement_type

FEATURE_TYPES = {
    # countries, units, regions (class A and L)
    **dict.fromkeys(('PCLI', 'PCL', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'TERR'), 'country'),
    **dict.fromkeys(('ADM1', 'ADM1H'), 'admin1'),
    **dict.fromkeys(('ADM2', 'ADM2H'), 'admin2'),
    **dict.fromkeys(('ZN', 'ZNB', 'LTER', 'RGN', 'RGNE', 'RGNH', 'AREA', 'DSRT', 'PEN', 'PLN', 'PLAT'), 'region'),
    'CONT': 'continent',
    # settlements (class P): the rest are typed by population
    'PPLX': 'neighbourhood',
    # fields, camps, airports, crossings
    **dict.fromkeys(('OILF', 'GASF'), 'oilfield'),
    **dict.fromkeys(('CMP', 'CMPRF', 'CMPL', 'CMPMN', 'CMPO', 'CMPQ'), 'camp'),
    **dict.fromkeys(('AIRP', 'AIRB', 'AIRF', 'AIRH', 'AIRQ', 'AIRS'), 'airport'),
    **dict.fromkeys(('PSTB', 'PSTC'), 'crossing'),
    # relief
    **dict.fromkeys(('MT', 'MTS', 'HLL', 'HLLS', 'PK', 'PKS', 'RDGE', 'MESA', 'VLC', 'PASS', 'CLF', 'SPUR',
                     'UPLD', 'CRTR', 'HMCK'), 'mountain'),
    **dict.fromkeys(('ISL', 'ISLS', 'ISLT', 'ISLET', 'ISLF', 'ISLM', 'ISLX', 'ATOL'), 'island'),
    # landmarks and facilities
    **dict.fromkeys(('SQR', 'RDCR', 'BDG', 'MNMT', 'RUIN', 'ANS', 'HSTS', 'CSTL', 'FT', 'MSQE', 'CH', 'SHRN',
                     'TMB', 'MKT', 'CAPE', 'PRK', 'RD', 'RDJCT', 'TNL', 'GATE'), 'landmark'),
    **dict.fromkeys(('DAM', 'HSP', 'HSPC', 'HSPD', 'HSPL', 'UNIV', 'SCH', 'STDM', 'PRN', 'MILB', 'INSM', 'PRT',
                     'OILR', 'OILT', 'OILW', 'OILJ', 'OILQ', 'PS', 'PSH', 'PSN', 'RSTN', 'BLDG', 'HTL',
                     'INDS', 'MFG', 'FCL', 'PO', 'GOVL', 'ADMF', 'CTRM', 'PP', 'NVB'), 'facility'),
}
CLASS_TYPES = {'A': 'place', 'H': 'water', 'L': 'place', 'R': 'landmark', 'S': 'facility', 'T': 'place',
               'U': 'water', 'V': 'place', '': 'place'}
FEATURE_CLASSES = frozenset('AHLPRSTUV')
SEATS = {'PPLC': 3, 'PPLG': 3, 'PPLA': 2, 'PPLA2': 1}


def feature_type(fclass: str, fcode: str, population: int) -> str:
    t = FEATURE_TYPES.get(fcode)
    if t:
        return t
    if fclass == 'P':
        if population == 0 and SEATS.get(fcode, 0) >= 2:
            return 'city' if SEATS[fcode] == 3 else 'town'
        return settlement_type(population)
    return CLASS_TYPES.get(fclass, 'place')
