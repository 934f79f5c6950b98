"""What the two HTML maps (one document's, html.py; a corpus's, combined.py) share: Leaflet and
jQuery inlined from their registry packages (django-js-lib-leaflet, XStatic-jQuery), so a page
asks the network for nothing, and the escaping of every string that comes from a document or a
gazetteer."""
from __future__ import annotations

import base64
import html
import json
import re
from functools import lru_cache
from pathlib import Path


def safe(text) -> str:
    """HTML-escape text for an attribute or element, and neutralise what the layers around it would
    interpret: backticks, ${ and backslashes (folium puts popups and tooltips in JS template
    literals) and braces (folium renders popups and tooltips as Jinja templates: "{{ 7*7 }}" in a
    document would print 49, and worse)."""
    return (html.escape(str(text), quote=True).replace('\\', '&#92;').replace('`', '&#96;').replace('$', '&#36;')
            .replace('{', '&#123;').replace('}', '&#125;'))


def script_json(data) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left raw, and no '{{', '{%'
    or '{#' either, for a script that goes through folium, which renders it as a Jinja template (a
    document title "{{ cycler.__init__.__globals__.os... }}" would run Python).  A '{' followed by
    one of those is always inside a JSON string, where \\u007b is the same character."""
    s = (json.dumps(data, ensure_ascii=False, separators=(',', ':'))
         .replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
         .replace('\u2028', '\\u2028').replace('\u2029', '\\u2029'))
    return re.sub(r'\{(?=[{%#])', r'\\u007b', s)


@lru_cache(maxsize=1)
def assets() -> tuple[str, str, str]:
    """(leaflet.js, jquery.min.js, leaflet.css with its images as data: URIs) from the packages."""
    import js_lib_leaflet
    import xstatic.pkg.jquery as xq

    leaf = Path(js_lib_leaflet.__file__).parent / 'static' / 'js_lib_leaflet'
    css = (leaf / 'leaflet.css').read_text(encoding='utf-8')

    def data_uri(m: re.Match) -> str:
        img = leaf / m.group(1)
        if not img.exists():
            return 'url()'
        return 'url(data:image/png;base64,' + base64.b64encode(img.read_bytes()).decode() + ')'

    css = re.sub(r'url\((images/[^)]+)\)', data_uri, css)
    js = (leaf / 'leaflet.js').read_text(encoding='utf-8')
    jq = (Path(xq.BASE_DIR) / 'jquery.min.js').read_text(encoding='utf-8')
    return js, jq, css


def inline(tag: str, body: str) -> str:
    """An inline <script> or <style> element; a script's body cannot close it early."""
    if tag == 'script':
        body = body.replace('</', '<\\/')
    return f'<{tag}>\n{body}\n</{tag}>'
