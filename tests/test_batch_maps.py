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


# --- the combined map of a corpus built here: Results of texts written for these tests, through
# the batch's own rows and aggregate (geo.export.csv.rows, geo.batch.outputs.Aggregate)

PLACES = [  # name, Arabic name, lat, lon, type, country
    ('Aleppo', 'حلب', 36.2021, 37.1343, 'city', 'SY'), ('Idlib', 'إدلب', 35.9306, 36.6339, 'city', 'SY'),
    ('Homs', 'حمص', 34.7268, 36.7234, 'city', 'SY'), ('Deir ez-Zor', 'دير الزور', 35.336, 40.141, 'city', 'SY'),
    ('Al Mayadin', 'الميادين', 35.0198, 40.4515, 'town', 'SY'), ('Raqqa', 'الرقة', 35.9528, 39.0079, 'city', 'SY'),
    ('Mosul', 'الموصل', 36.335, 43.1189, 'city', 'IQ'), ('Erbil', 'أربيل', 36.19, 44.0089, 'city', 'IQ'),
    ('Kirkuk', 'كركوك', 35.4681, 44.3922, 'city', 'IQ'), ('Baghdad', 'بغداد', 33.3406, 44.4009, 'city', 'IQ'),
    ('Al-Qaim', 'القائم', 34.3688, 41.0945, 'town', 'IQ'), ('Nineveh', 'نينوى', 36.2, 42.9, 'admin1', 'IQ'),
]


def corpus_aggregate(n_docs: int, lang: str = 'ar', title_len: int = 40, per_doc: int = 5):
    from maps_samples import build

    from geo.batch.outputs import Aggregate
    from geo.export import csv as csv_export

    agg = Aggregate()
    for k in range(n_docs):
        chosen = [PLACES[(k * 3 + j) % len(PLACES)] for j in range(per_doc)]
        names = [(ar if lang == 'ar' else en) for en, ar, *_ in chosen]
        text = ('وصلت قافلة إلى ' if lang == 'ar' else 'A convoy reached ') + '، '.join(names) + '.\n'
        specs = [dict(surface=(ar if lang == 'ar' else en), id=f'gn:{en}', name=en, name_ar=ar, lat=lat, lon=lon,
                      type=t, country=c, confidence=0.9) for en, ar, lat, lon, t, c in chosen]
        r = build(f'doc{k}', text, lang, specs)
        title = (f'Report {k:03d} ' + 'x' * title_len)[:title_len]
        agg.add(lang, csv_export.rows(r, {'title': title, 'date': f'2024-03-{1 + k % 28:02d}'}))
    return agg


def _all_texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
    for leg in fig.legends:
        out += [t.get_text() for t in leg.get_texts()] + [leg.get_title().get_text()]
    return out


def test_the_batch_png_speaks_the_corpus_language_and_has_a_scale_bar_and_north_arrow():
    import matplotlib.pyplot as plt
    from matplotlib_scalebar.scalebar import ScaleBar

    from geo.maps import combined, style

    for lang, other in (('ar', 'en'), ('en', 'ar')):
        fig = combined.draw(corpus_aggregate(12, lang), dpi=60)
        try:
            texts = _all_texts(fig)
            words = style.WORDS[lang]
            assert words['docs_naming'] in texts and style.WORDS[other]['docs_naming'] not in texts
            assert style.type_name('city', lang) in ' '.join(texts)
            ax = fig.axes[0]
            assert any(isinstance(a, ScaleBar) for a in ax.artists)
            assert any(t.get_text() == 'N' for t in ax.texts)
        finally:
            plt.close(fig)


def test_batch_png_labels_sit_by_their_symbols():
    """Every label is an annotation of its place's point, and its box starts within a few points
    of the symbol's edge (or on a leader line when the ring is crowded)."""
    import math

    import matplotlib.pyplot as plt

    from geo.maps import combined

    agg = corpus_aggregate(12, 'ar')
    fig = combined.draw(agg, dpi=72)
    try:
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        labels = {p.name_ar: p for p in agg.places.values()}
        labels.update({'محافظة ' + p.name_ar: p for p in agg.places.values()})
        found = 0
        for t in ax.texts:
            p = labels.get(t.get_text())
            if p is None or not t.get_path_effects():   # each label once: its halo
                continue
            found += 1
            sx, sy = ax.transData.transform(t.xy)
            box = t.get_window_extent(renderer=renderer)
            dx = max(box.x0 - sx, 0, sx - box.x1)
            dy = max(box.y0 - sy, 0, sy - box.y1)
            gap = math.hypot(dx, dy)
            assert gap < 90, (t.get_text(), gap)
            if t.arrow_patch is None:   # beside its symbol: within the symbol's radius and a few points
                assert gap < 40, (t.get_text(), gap)
        assert found == len(agg.places)
    finally:
        plt.close(fig)


def test_two_runs_give_the_same_png(tmp_path):
    from geo.maps import combined

    agg = corpus_aggregate(15, 'ar')
    a = combined.write_png(agg, tmp_path / 'a.png', dpi=60).read_bytes()
    b = combined.write_png(agg, tmp_path / 'b.png', dpi=60).read_bytes()
    assert a == b


def test_the_batch_html_writes_each_document_once():
    """Places and documents are written once each: a long title shared by every place of its
    document appears once, and the data grows with the documents, not with documents x places."""
    import json

    from geo.maps import combined

    n, title_len = 20, 1500
    agg = corpus_aggregate(n, 'ar', title_len=title_len, per_doc=8)
    page = combined.render_html(agg)
    data = re.search(r'<script type="application/json" id="geo-corpus-data">(.*?)</script>', page, re.S).group(1)
    parsed = json.loads(data)
    assert 0 < len(parsed['records']) <= n and len(parsed['places']) == len(PLACES)
    shared = 0      # the documents a popup samples, each written once however many places name it
    for title in (r[1] for r in parsed['records']):
        assert page.count(title) == 1
        shared += sum(1 for p in parsed['places'] for i, _ in p['s'] if parsed['records'][i][1] == title) > 1
    assert shared
    # one title per document and a few hundred bytes per place: never a title per marker
    assert len(data.encode()) < n * (title_len + 150) + len(PLACES) * 1200
    assert len(page.encode()) < 1_600_000      # 5.3 MB before: the basemap is rounded GeoJSON now
