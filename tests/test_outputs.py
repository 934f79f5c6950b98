import json
import re

import pytest


@pytest.fixture(scope='module')
def result(geoparser):
    text = 'قصفت طائرات مدينة دير الزور وبلدة الميادين في سوريا، ثم عاد الوفد إلى موسكو.'
    return geoparser.parse(text, 'sample')


def test_geojson_is_a_valid_feature_collection(result, tmp_path):
    from shapely.geometry import shape

    from geo.outputs import write_outputs

    (path,) = write_outputs(result, tmp_path, ['geojson'])
    data = json.loads(path.read_text(encoding='utf-8'))
    assert data['type'] == 'FeatureCollection'
    assert len(data['features']) == len(result.places) >= 3
    for f in data['features']:
        assert f['type'] == 'Feature' and f['geometry']['type'] == 'Point'
        lon, lat = f['geometry']['coordinates']          # RFC 7946: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert shape(f['geometry']).is_valid
        assert f['properties']['mentions'][0]['text']
    moscow = [f for f in data['features'] if f['properties']['name'] == 'Moscow'][0]
    assert moscow['geometry']['coordinates'][0] > 30   # lon of Moscow, not its lat


def test_html_has_no_external_reference(result, tmp_path):
    from geo.outputs import write_outputs

    (path,) = write_outputs(result, tmp_path, ['html'])
    page = path.read_text(encoding='utf-8')
    for tag in re.findall(r'<(?:script|link|img|iframe)\b[^>]*>', page, flags=re.I):
        assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', tag, flags=re.I), tag
    assert 'L.map(' in page or 'L.map (' in page
    assert page.count('"cls":"geo-place ') == len(result.places)     # one marker per place


def test_png_is_written_and_not_blank(result, tmp_path):
    from PIL import Image

    from geo.outputs import write_outputs

    (path,) = write_outputs(result, tmp_path, ['png'], dpi=80)
    img = Image.open(path).convert('RGB')
    assert img.size[0] > 400 and img.size[1] > 300
    colours = img.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20
