"""How places look on every map: colour, symbol and size by type, label text by language, the
legend's words in English and Arabic.  Shared by the static maps, the HTML map and the combined
(batch) maps, so one place looks the same everywhere."""
from __future__ import annotations

from ..model import Place
from ..placetypes import ADMIN_UNITS

TYPE_COLOURS = {'country': '#6a3d9a', 'admin1': '#1f78b4', 'admin2': '#1f78b4', 'region': '#6a3d9a',
                'continent': '#6a3d9a', 'city': '#e31a1c', 'town': '#ff7f00', 'village': '#33a02c',
                'neighbourhood': '#b15928', 'airport': '#000000', 'facility': '#555555', 'landmark': '#555555',
                'oilfield': '#8c6d31', 'camp': '#c51b7d', 'crossing': '#01665e', 'water': '#0aa3b5',
                'mountain': '#7f4f24'}
DEFAULT_COLOUR = '#444444'
_LEGEND_WORDS = {'admin1': 'province', 'admin2': 'district'}


def colour_legend(types, lang: str | None = None) -> list[tuple[str, str]]:
    """(colour, label) per colour the given place types use, in TYPE_COLOURS order: types of one
    colour share an entry (country / region), so a legend never shows one colour twice.  With a
    `lang`, the labels are that language's type names (TYPE_NAMES)."""
    out: dict[str, list[str]] = {}
    for t in sorted(set(types), key=lambda t: list(TYPE_COLOURS).index(t) if t in TYPE_COLOURS else 99):
        word = _LEGEND_WORDS.get(t, t) if lang is None else type_name(t, lang).split(' / ')[0]
        out.setdefault(TYPE_COLOURS.get(t, DEFAULT_COLOUR), []).append(word)
    return [(c, ' / '.join(words)) for c, words in out.items()]

# The sets of types are geo.placetypes': a wide area (WIDE_AREAS: country, continent, region) is
# never a point of a map's focus and is drawn as an outline or not at all; an admin unit
# (ADMIN_UNITS) is outlined where the basemap has it, a point otherwise, its label saying it is
# an area.  The areas the basemap has outlines of:
OUTLINED = ('country', 'admin1')

# The basemap and the inks of the page.  The HTML maps use the same land and water.
LAND = '#f3f0e8'
NAMED_LAND = '#ece3f3'
WATER = '#d6e6f2'
WATER_EDGE = '#8fb4d6'
RIVER = '#7fa9d1'
BORDER = '#8c8c8c'          # international borders and coasts, printed
SCREEN_BORDER = '#9a9a9a'   # the same on screen, lighter
ADMIN_LINE = '#b3b3b3'
LABEL_INK = '#1a1a1a'
APPROX_INK = '#6b5440'      # labels of approximate places: a lighter, browner ink
FRAME_RED = '#d7301f'       # the main map's frame, drawn on the locator
DETAIL_INK = '#333333'      # the detail map's frame, and its outline on the main map

# The symbol of each type: a matplotlib marker (static maps) and a short SVG shape name (HTML).
MARKERS = {'country': 'o', 'continent': 'o', 'region': 'o', 'admin1': 'D', 'admin2': 's',
           'city': 'o', 'town': 'o', 'village': 'o', 'neighbourhood': 's', 'airport': '^',
           'facility': 's', 'landmark': '*', 'oilfield': 'h', 'camp': 'p', 'crossing': 'X',
           'water': 'v', 'mountain': '^'}
MARKER_SCALE = {'*': 1.55, 'h': 1.1, 'p': 1.1, '^': 1.1, 'v': 1.1, 'D': 0.85}   # equal visual weight
SHAPES = {'o': 'circle', 'D': 'diamond', 's': 'square', '^': 'triangle', '*': 'star', 'h': 'hexagon',
          'p': 'pentagon', 'X': 'cross', 'v': 'triangle-down'}

# Marker sizes (points of diameter) before the mention bonus: bigger places, bigger marks.
BASE_SIZE = {'city': 9.0, 'town': 7.5, 'village': 6.5, 'neighbourhood': 6.0, 'admin1': 7.0, 'admin2': 7.0}

# Which label wins a tight spot: a lower rank is placed first.
TYPE_RANK = {'country': 0, 'city': 1, 'admin1': 2, 'town': 3, 'airport': 4, 'admin2': 5, 'village': 6,
             'oilfield': 7, 'crossing': 7, 'camp': 7, 'facility': 8, 'landmark': 8, 'neighbourhood': 9}

TYPE_NAMES = {
    'en': {'country': 'country', 'continent': 'continent', 'region': 'region', 'admin1': 'province / governorate',
           'admin2': 'district', 'city': 'city', 'town': 'town', 'village': 'village',
           'neighbourhood': 'neighbourhood', 'airport': 'airport', 'facility': 'facility', 'landmark': 'landmark',
           'oilfield': 'oil field', 'camp': 'camp', 'crossing': 'border crossing', 'water': 'water',
           'mountain': 'mountain'},
    'ar': {'country': 'دولة', 'continent': 'قارة', 'region': 'منطقة', 'admin1': 'محافظة',
           'admin2': 'منطقة إدارية', 'city': 'مدينة', 'town': 'بلدة', 'village': 'قرية',
           'neighbourhood': 'حي', 'airport': 'مطار', 'facility': 'منشأة', 'landmark': 'معلم',
           'oilfield': 'حقل نفط', 'camp': 'مخيم', 'crossing': 'معبر', 'water': 'مسطح مائي', 'mountain': 'جبل'},
}

WORDS = {
    'en': {'legend': 'Legend', 'approximate': 'approximate location (circle: uncertainty)',
           'mentions': 'mentions', 'low_confidence': 'pale: low confidence', 'elsewhere': 'Elsewhere',
           'named_area': 'area named in the text', 'reference': 'other place, for reference',
           'frame': 'main map', 'places': 'Places',
           'river': 'river', 'admin_line': 'province boundary', 'border': 'international border',
           'detail': 'enlarged on the detail map', 'detail_title': 'Detail',
           'confidence': 'confidence', 'approx_within': 'approximate location: within about {km} km',
           'not_located': 'Named but not located', 'more': 'more', 'in_text': 'In the text',
           'page': 'p. {n}', 'source': 'Source',
           'offline': 'Offline basemap (Natural Earth)', 'overlay_places': 'Places',
           'overlay_areas': 'Named countries and areas', 'overlay_approx': 'Approximate locations',
           'overlay_water': 'Rivers and lakes', 'overlay_admin': 'Province boundaries',
           'list_hint': 'Click a name to zoom to it.',
           'named_country': 'country named in the text', 'docs_naming': 'documents naming the place (circle area)',
           'corpus_summary': '{docs} documents · {places} places', 'outside_view': '{n} more places outside this view (see map.html)'},
    'ar': {'legend': 'مفتاح الخريطة', 'approximate': 'موقع تقريبي (الدائرة: هامش الخطأ)',
           'mentions': 'مرات الذكر', 'low_confidence': 'باهت: ثقة منخفضة', 'elsewhere': 'أماكن أخرى',
           'named_area': 'منطقة ورد اسمها في النص', 'reference': 'مكان آخر للاستدلال',
           'frame': 'الخريطة الرئيسية', 'places': 'الأماكن',
           'river': 'نهر', 'admin_line': 'حدود محافظة', 'border': 'حدود دولية',
           'detail': 'منطقة مكبّرة في الخريطة التفصيلية', 'detail_title': 'تفصيل',
           'confidence': 'الثقة', 'approx_within': 'موقع تقريبي: في حدود {km} كم تقريبًا',
           'not_located': 'أسماء لم يُحدَّد موقعها', 'more': 'أخرى', 'in_text': 'في النص',
           'page': 'ص {n}', 'source': 'المصدر',
           'offline': 'خريطة أساس دون اتصال (Natural Earth)', 'overlay_places': 'الأماكن',
           'overlay_areas': 'دول ومناطق ورد اسمها', 'overlay_approx': 'مواقع تقريبية',
           'overlay_water': 'أنهار وبحيرات', 'overlay_admin': 'حدود المحافظات',
           'list_hint': 'انقر على اسم للانتقال إليه.',
           'named_country': 'دولة ورد اسمها في النص', 'docs_naming': 'الوثائق التي تذكر المكان (مساحة الدائرة)',
           'corpus_summary': 'الوثائق: {docs} · الأماكن: {places}', 'outside_view': 'أماكن أخرى خارج هذا الإطار: {n} (انظر map.html)'},
}

# the corpus map's page (geo batch's map.html): its controls, legend and popups; {n} and the like
# are filled in by the page's script
CORPUS_UI = {
    'en': {'circle_area': 'circle area: documents naming the place', 'from': 'from', 'to': 'to',
           'undated': 'documents without a date', 'all_dates': 'all dates',
           'shown': '{n} places shown; largest: {top} documents', 'docs': '{n} documents',
           'in_dates': 'in these dates ({all} in all)', 'mentions_all': '{n} mentions in all',
           'approx': 'approximate', 'sample': '{k} of {n} documents shown; all are in places.csv',
           'no_sample': 'no sample document in these dates; all are in places.csv',
           'heading': 'geo-textmap: places named in a corpus', 'online': 'OpenStreetMap (online)'},
    'ar': {'circle_area': 'مساحة الدائرة: عدد الوثائق التي تذكر المكان', 'from': 'من', 'to': 'إلى',
           'undated': 'وثائق بلا تاريخ', 'all_dates': 'كل التواريخ',
           'shown': 'الأماكن المعروضة: {n}؛ أكبرها في {top} وثيقة', 'docs': 'الوثائق: {n}',
           'in_dates': 'في هذه التواريخ (من أصل {all})', 'mentions_all': 'مرات الذكر: {n}',
           'approx': 'موقع تقريبي', 'sample': 'معروض {k} من {n} وثيقة؛ كلها في places.csv',
           'no_sample': 'لا وثيقة معروضة في هذه التواريخ؛ كلها في places.csv',
           'heading': 'geo-textmap: الأماكن المذكورة في مجموعة وثائق', 'online': 'OpenStreetMap (عبر الإنترنت)'},
}


def colour(place_type: str) -> str:
    return TYPE_COLOURS.get(place_type, DEFAULT_COLOUR)


def marker(place_type: str) -> str:
    return MARKERS.get(place_type, 'o')


def size_pt(place: Place) -> float:
    """Marker diameter in points: by type, growing with the number of mentions (capped)."""
    n = max(1, len(place.mentions))
    return BASE_SIZE.get(place.type, 6.5) * (1.0 + 0.22 * (min(n, 6) - 1))


def alpha(place: Place) -> float:
    """Opacity from confidence: a doubtful place is drawn pale, never invisible."""
    c = min(1.0, max(0.0, float(place.confidence or 0.0)))
    return 0.35 + 0.65 * c


def legend_lang(label_lang: str) -> str:
    return 'ar' if label_lang == 'ar' else 'en'


def label(place: Place, lang: str) -> str:
    """The label of a place: 'ar' the Arabic name (English when there is none), 'en' the English
    name, 'both' Arabic over English (one of them when they are the same)."""
    ar = place.name_ar or ''
    en = place.name or ar
    if lang == 'ar':
        return ar or en
    if lang == 'both' and ar and ar != en:
        return f'{ar}\n{en}'
    return en


def area_label(place: Place, lang: str) -> str:
    """The label of an admin area says it is one: محافظة دير الزور / Deir ez-Zor province, so
    that it is not read as the city of the same name."""
    base = label(place, lang)
    if place.type not in ADMIN_UNITS:
        return base
    ar_word = 'محافظة' if place.type == 'admin1' else 'منطقة'
    en_word = 'province' if place.type == 'admin1' else 'district'
    lines = base.split('\n')
    out = []
    for line in lines:
        if has_arabic(line):
            out.append(line if line.startswith(ar_word) else f'{ar_word} {line}')
        else:
            low = line.lower()
            out.append(line if any(w in low for w in ('province', 'governorate', 'district', 'region', 'state'))
                       else f'{line} {en_word}')
    return '\n'.join(out)


def resolve_label_lang(label_lang: str | None, doc_lang: str) -> str:
    if label_lang in ('ar', 'en', 'both'):
        return label_lang
    return 'ar' if doc_lang == 'ar' else 'en'


def type_name(place_type: str, lang: str) -> str:
    return TYPE_NAMES[legend_lang(lang)].get(place_type, place_type)


def has_arabic(text: str) -> bool:
    return any('\u0600' <= ch <= '\u06ff' or '\u0750' <= ch <= '\u077f' or '\ufb50' <= ch <= '\ufeff'
               for ch in text)
