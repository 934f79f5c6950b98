"""Issue 8: strings from documents reach the outputs as text, and nothing in them runs or breaks
a writer.  (XSS in the HTML maps is tested in a real browser in test_maps_browser.py; here, what
needs no browser: template injection into the combined map, and '$' in titles and names, which
matplotlib would read as formulas.)"""
from __future__ import annotations

import json
import re
import subprocess
import sys

GEO = [sys.executable, '-m', 'geo.cli']


def geo(args, env, cwd=None):
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=600, cwd=cwd)


def _corpus_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="geo-corpus-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_batch_titles_are_never_rendered_as_templates(tmp_path, geo_env):
    """The combined map goes through folium's Jinja rendering: a title such as
    {{ cycler.__init__.__globals__.os... }} was evaluated there, i.e. a document could run Python
    on the machine of whoever ran `geo batch`."""
    marker = tmp_path / 'ran'
    titles = ['{{ cycler.__init__.__globals__.os.getcwd() }}',
              "{{ cycler.__init__.__globals__.os.mkdir('" + str(marker) + "') }}",
              '{% for x in range(3) %}loop{% endfor %}', '{# a comment swallowing the rest', '{{7*7}}']
    src = tmp_path / 'docs.jsonl'
    src.write_text(''.join(json.dumps({'id': f'd{i}', 'text': 'Aid reached Mosul and Erbil.', 'title': t,
                                       'date': f'2024-03-0{i + 1}'}) + '\n' for i, t in enumerate(titles)),
                   encoding='utf-8')
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--workers', '1', '--title', '{{ 6*7 }} {% if 1 %}X{% endif %}'], geo_env,
            cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert not marker.exists()
    page = (out / 'map.html').read_text(encoding='utf-8')
    data = _corpus_data(page)
    shown = {data['records'][k][1] for place in data['places'] for k, _ in place['s']}   # (id, title, ...)
    assert shown == set(titles)                          # each title exactly as written
    assert str(tmp_path) not in {r[1] for r in data['records']}       # getcwd() was not called
    # the --title is escaped for HTML and for the template: shown as written, never rendered
    assert '&#123;&#123; 6*7 &#125;&#125; &#123;% if 1 %&#125;X&#123;% endif %&#125;' in page
    assert '42 X' not in page


def test_dollar_signs_in_ids_titles_and_names_are_text_in_static_maps(tmp_path, geo_env):
    """'$' pairs made matplotlib parse titles and labels as formulas: "$5m and $3m" came out
    garbled, and "$\\frac{" was a traceback."""
    g = tmp_path / 'places.csv'
    g.write_text('name,lat,lon,type,population\nZorava $5m,35.366,40.183,town,20000\n', encoding='utf-8')
    src = tmp_path / 'doc.jsonl'
    doc_id = r'Aid worth $5m and $\frac{ for $x^'
    src.write_text(json.dumps({'id': doc_id, 'text': 'Aid reached the town of Zorava $5m and Mosul.'}) + '\n',
                   encoding='utf-8')
    out = tmp_path / 'out'
    p = geo(['map', src, '--gazetteer', g, '-o', out, '--formats', 'png,svg,pdf'], geo_env)
    assert p.returncode == 0, p.stderr
    svg = next(out.glob('*.svg')).read_text(encoding='utf-8')
    assert r'Aid worth $5m and $\frac{ for $x^' in svg      # the title, as written
    assert next(out.glob('*.pdf')).stat().st_size > 1000 and next(out.glob('*.png')).stat().st_size > 10000
    src2 = tmp_path / 'docs.jsonl'
    src2.write_text(json.dumps({'id': 'a', 'text': 'Aid reached Mosul.', 'title': r'$\frac{'}) + '\n', encoding='utf-8')
    p = geo(['batch', src2, '-o', tmp_path / 'b', '--workers', '1', '--title', r'Aid: $5m and $\frac{'], geo_env)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / 'b' / 'map.png').stat().st_size > 10000
