"""Results for the map tests, built from texts written for these tests: a Result is plain data, so
the maps can be tested on exactly the places, approximations and confidences they must handle,
whatever recognition and resolution make of a text today."""
from __future__ import annotations

import re

from geo.model import Mention, Place, Result

AR_TEXT = (
    'قالت مصادر محلية إن غارات جوية استهدفت مدينة دير الزور شرقي سوريا مساء الثلاثاء.\n'
    'وطال القصف حي الجبيلة وحي العمال قرب دوار المدلجي، كما سقطت قذائف على قرية حطلة عبر النهر.\n'
    'وفي الريف الشرقي تعرضت بلدة الميادين وبلدة القورية لقصف مدفعي، واشتعلت النيران قرب حقل العمر النفطي.\n'
    'وأكد مسؤول في موسكو أن الطائرات أقلعت من قاعدة في سوريا، فيما دعت بكين إلى التهدئة.\n'
    'وقال سكان من دير الزور إن عائلات نزحت نحو الحدود مع تركيا.\n'
)

EN_TEXT = (
    'Flooding cut the road between Kafr Alpha and Kafr Beta on Monday, and water reached the centre of Tell Gamma.\n'
    'Families from Tell Delta, Ain Epsilon, Ain Zeta and Qasr Eta moved to schools in Madina Theta.\n'
    'A convoy left Madina Theta for Kafr Alpha, passing Tell Gamma and Ain Zeta.\n'
)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r'[.\n]', text):
        if m.end() - start > 1:
            out.append((start, m.end()))
        start = m.end()
    return out


def build(doc_id: str, text: str, lang: str, specs: list[dict], unresolved: tuple[str, ...] = ()) -> Result:
    """A Result whose places are `specs` (Place fields plus `surface`, the name as written, found
    in the text every time it occurs)."""
    r = Result(id=doc_id, text=text, lang=lang)
    sents = _sentences(text)

    def sentence_of(pos: int) -> tuple[int, int]:
        return next((s for s in sents if s[0] <= pos < s[1]), (0, len(text)))

    for spec in specs:
        spec = dict(spec)
        surface = spec.pop('surface')
        place = Place(**spec)
        for m in re.finditer(re.escape(surface), text):
            r.mentions.append(Mention(m.start(), m.end(), surface, surface, place=len(r.places),
                                      sentence=sentence_of(m.start())))
            place.mentions.append(len(r.mentions) - 1)
        assert place.mentions, surface
        r.places.append(place)
    for surface in unresolved:
        i = text.index(surface)
        r.mentions.append(Mention(i, i + len(surface), surface, surface, place=None, sentence=sentence_of(i)))
    return r


DZ = (35.336, 40.141)
DZ_SPECS = [
    dict(surface='دير الزور', id='gn:170794', name='Deir ez-Zor', name_ar='دير الزور', lat=DZ[0], lon=DZ[1],
         type='city', country='SY', admin1='Deir ez-Zor', confidence=0.97, geonameid=170794),
    dict(surface='سوريا', id='gn:163843', name='Syria', name_ar='سوريا', lat=35.0, lon=38.5, type='country',
         country='SY', confidence=0.99),
    dict(surface='الجبيلة', id='approx:jubayla', name='الجبيلة', name_ar='الجبيلة', lat=DZ[0], lon=DZ[1],
         type='neighbourhood', country='SY', admin1='Deir ez-Zor', confidence=0.55, approximate=True,
         uncertainty_km=4.0),
    dict(surface='العمال', id='approx:ummal', name='العمال', name_ar='العمال', lat=DZ[0], lon=DZ[1],
         type='neighbourhood', country='SY', admin1='Deir ez-Zor', confidence=0.5, approximate=True,
         uncertainty_km=4.0),
    dict(surface='دوار المدلجي', id='approx:mudlaji', name='دوار المدلجي', name_ar='دوار المدلجي', lat=DZ[0],
         lon=DZ[1], type='landmark', country='SY', admin1='Deir ez-Zor', confidence=0.4, approximate=True,
         uncertainty_km=5.0),
    dict(surface='حطلة', id='gn:hatla', name='Hatla', name_ar='حطلة', lat=35.366, lon=40.183, type='village',
         country='SY', admin1='Deir ez-Zor', confidence=0.8),
    dict(surface='الميادين', id='gn:173480', name='Al Mayadin', name_ar='الميادين', lat=35.0198, lon=40.4515,
         type='town', country='SY', admin1='Deir ez-Zor', confidence=0.95),
    dict(surface='القورية', id='gn:quriyah', name='Al Quriyah', name_ar='القورية', lat=34.98, lon=40.52,
         type='town', country='SY', admin1='Deir ez-Zor', confidence=0.8),
    dict(surface='حقل العمر', id='x:omar', name='Al-Omar oil field', name_ar='حقل العمر', lat=35.06, lon=40.72,
         type='oilfield', country='SY', admin1='Deir ez-Zor', confidence=0.7),
    dict(surface='موسكو', id='gn:524901', name='Moscow', name_ar='موسكو', lat=55.752, lon=37.616, type='city',
         country='RU', admin1='Moscow', confidence=0.99),
    dict(surface='بكين', id='gn:1816670', name='Beijing', name_ar='بكين', lat=39.906, lon=116.397, type='city',
         country='CN', admin1='Beijing', confidence=0.99),
    dict(surface='تركيا', id='gn:298795', name='Turkey', name_ar='تركيا', lat=39.0, lon=35.0, type='country',
         country='TR', confidence=0.99),
]


def deir_ez_zor() -> Result:
    """An Arabic report: a city, its neighbourhoods placed approximately at it, a village across the
    river, towns and an oil field in the countryside, the country, and far places (Moscow, Beijing)."""
    return build('deir-ez-zor-test.ar', AR_TEXT, 'ar', DZ_SPECS, unresolved=('قاعدة',))


def dense_villages() -> Result:
    """An English report naming nine villages a few km apart: a stress test for label placement."""
    base = (36.0, 36.6)
    offsets = [(0.0, 0.0), (0.03, 0.04), (-0.02, 0.05), (0.05, -0.03), (-0.04, -0.02), (0.01, 0.09),
               (0.07, 0.06), (-0.06, 0.07), (0.08, 0.0)]
    names = ['Kafr Alpha', 'Kafr Beta', 'Tell Gamma', 'Tell Delta', 'Ain Epsilon', 'Ain Zeta', 'Qasr Eta',
             'Madina Theta', 'Tell Gamma']
    specs = []
    for k, (name, (dy, dx)) in enumerate(zip(names[:8], offsets)):
        specs.append(dict(surface=name, id=f'x:{k}', name=name, lat=base[0] + dy, lon=base[1] + dx,
                          type='town' if name.startswith('Madina') else 'village', country='SY', confidence=0.9))
    return build('dense-villages.en', EN_TEXT, 'en', specs)


OIL_TEXT = (
    'اندلعت اشتباكات قرب حقل التنك النفطي شرق بلدة الميادين، وقالت مصادر إن التعزيزات وصلت من مدينة دير الزور.\n'
    'وتعرضت بلدة القورية وقرية حطلة وبلدة البوكمال لقصف مدفعي.\n'
)


def oilfield_at_town() -> Result:
    """An Arabic report naming an oil field the gazetteer does not know, placed approximately at the
    town it is near (الميادين) with a 40 km uncertainty, and the city, towns and village around."""
    mayadin = next(sp for sp in DZ_SPECS if sp['surface'] == 'الميادين')
    specs = [
        dict(surface='حقل التنك', id='approx:tanak', name='حقل التنك', name_ar='حقل التنك', lat=mayadin['lat'],
             lon=mayadin['lon'], type='oilfield', country='SY', admin1='Deir ez-Zor', confidence=0.5, approximate=True,
             uncertainty_km=40.0),
        *(sp for name in ('الميادين', 'دير الزور', 'القورية', 'حطلة') for sp in DZ_SPECS if sp['surface'] == name),
        dict(surface='البوكمال', id='gn:abukamal', name='Abu Kamal', name_ar='البوكمال', lat=34.4523, lon=40.9185,
             type='town', country='SY', admin1='Deir ez-Zor', confidence=0.9),
    ]
    return build('oilfield-at-town.ar', OIL_TEXT, 'ar', specs)
