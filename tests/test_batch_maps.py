"""The combined map of a batch: offline HTML with escaped document strings and a date filter,
markers sized by documents; a PNG that is not blank."""
import re

from test_batch import batch, corpus


def test_combined_maps(tmp_path, tiny_index):
    import numpy as np
    from PIL import Image

    src, _, _ = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    batch(tiny_index, input=src, output=out, workers=1, title='Corpus <b>"test"</b>')
    page = (out / 'map.html').read_text(encoding='utf-8')
    for tag in re.findall(r'<(?:script|link|img|iframe)\b[^>]*>', page, flags=re.I):
        assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', tag, flags=re.I), tag
    # a title holding <script>alert(1)</script> is data, never markup
    assert '<script>alert(1)</script>' not in page
    assert '\\u003cscript\\u003ealert(1)' in page
    assert '<b>"test"</b>' not in page and '&lt;b&gt;' in page
    assert 'type="date"' in page and 'min="2024-03-01"' in page and 'max="2024-03-05"' in page
    assert 'GeoNames' in page and 'Natural Earth' in page
    data = re.search(r'<script type="application/json" id="geo-corpus-data">(.*?)</script>', page, re.S).group(1)
    import json
    places = json.loads(data)['places']
    mosul = [p for p in places if p['name'] == 'Mosul'][0]
    assert mosul['docs'] == 3          # e1, the line with a list for an id, ../../escape
    img = np.asarray(Image.open(out / 'map.png').convert('L'))
    assert img.shape[0] > 500 and img.std() > 10


def test_the_colour_legend_shows_each_colour_once():
    """Types drawn in one colour (country and region; province and district) share one legend
    entry; water has a colour of its own, not the provinces' blue."""
    from geo.maps.style import TYPE_COLOURS, colour_legend

    entries = colour_legend(['region', 'city', 'country', 'admin2', 'admin1', 'water', 'city', 'place'])
    colours = [c for c, _ in entries]
    assert len(colours) == len(set(colours))
    assert ('#6a3d9a', 'country / region') in entries and ('#1f78b4', 'province / district') in entries
    assert (TYPE_COLOURS['water'], 'water') in entries and ('#444444', 'place') in entries
    assert [label for _, label in entries][:2] == ['country / region', 'province / district']
