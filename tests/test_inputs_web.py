"""Article URLs against a local HTTP server on 127.0.0.1 serving pages we wrote: an article with
navigation, a comment section and a related-links box around the story; a redirect to it; a
redirect loop; a redirect to another scheme; a 404; a binary file; a page that never answers.
The article's text, title and date are found and the boilerplate left out; each failure is one
line and exit 2 (an error record in a batch).  No request leaves loopback."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hostile_helpers import geo, records, refused

ARTICLE = '''<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وصول قافلة مساعدات إلى الموصل | موقع الأخبار</title>
<meta property="og:title" content="وصول قافلة مساعدات إلى الموصل">
<meta property="article:published_time" content="2026-02-14T08:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">أخبار باريس</a></li><li><a href="/t">جنيف</a></li></ul></nav>
<article>
<h1>وصول قافلة مساعدات إلى الموصل</h1>
<p class="date">14 فبراير 2026</p>
<p>وصلت قافلة مساعدات إنسانية صباح السبت إلى مدينة الموصل في شمال العراق قادمة من أربيل، بحسب ما قاله مسؤولون محليون للصحفيين في المدينة.</p>
<p>وقال مسؤول في المنظمة إن القافلة حملت مواد غذائية وبطانيات لمئات العائلات التي نزحت من قراها خلال الأسابيع الماضية بسبب الأمطار الغزيرة.</p>
<p>وأضاف أن قافلة ثانية ستنطلق الأسبوع المقبل من حلب نحو الرقة إذا سمحت الظروف الجوية بذلك، وأن الفرق الطبية مستعدة.</p>
</article>
<aside class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/m">زيارة رسمية إلى موسكو</a></li><li><a href="/b">معرض في بكين</a></li></ul></aside>
<section id="comments" class="comments"><h3>التعليقات</h3>
<div class="comment"><p>تعليق من قارئ في عمان: شكراً على الخبر.</p></div>
<div class="comment"><p>قارئ من تكساس: متى تصل القافلة الثانية؟</p></div>
</section>
<footer><p>جميع الحقوق محفوظة © موقع الأخبار، باريس</p></footer>
</body></html>'''

ARTICLE_PLACES = {'الموصل', 'العراق', 'أربيل', 'حلب'}
BOILERPLATE_PLACES = {'باريس', 'جنيف', 'موسكو', 'بكين', 'عمان', 'تكساس'}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def send(self, code: int, body: bytes, ctype: str = 'text/html; charset=utf-8', **headers):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):      # the client gave up waiting (/slow)
            pass

    def do_GET(self):
        path = self.path
        if path == '/news/convoy':
            self.send(200, ARTICLE.encode('utf-8'))
        elif path == '/cp1256':        # an Arabic page in the Windows code page, said by the header only
            body = ARTICLE.replace('<meta charset="utf-8">', '').replace('©', '(c)').encode('cp1256')
            self.send(200, body, 'text/html; charset=windows-1256')
        elif path == '/old':
            self.send(301, b'', Location='/news/convoy')
        elif path == '/loop':
            self.send(302, b'', Location='/loop')
        elif path == '/ftp':
            self.send(302, b'', Location='ftp://127.0.0.1/file')
        elif path == '/file.zip':
            self.send(200, b'PK\x03\x04' + bytes(range(256)) * 8, 'application/zip')
        elif path == '/empty':
            self.send(200, b'<html><head><title>app</title></head><body><div id="app"></div>'
                           b'<script>render()</script></body></html>')
        elif path == '/slow':
            time.sleep(6)           # never answers within the client's timeout
            try:
                self.send(200, ARTICLE.encode('utf-8'))
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.send(404, b'<h1>not found</h1>')


@pytest.fixture(scope='module')
def site():
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f'http://127.0.0.1:{server.server_address[1]}'
    server.shutdown()
    server.server_close()


@pytest.fixture()
def env(geo_env):
    return dict(geo_env, GEO_TEXTMAP_FETCH_SECONDS='2', NO_PROXY='*', no_proxy='*', http_proxy='', HTTP_PROXY='')


def test_the_article_text_title_and_date_are_read(site, env):
    from geo.inputs import read_url
    item = read_url(f'{site}/news/convoy')
    assert item.ok, item.error
    assert item.meta['title'] == 'وصول قافلة مساعدات إلى الموصل' and item.meta['date'] == '2026-02-14'
    assert item.text.startswith('وصول قافلة مساعدات إلى الموصل\n')
    assert 'قادمة من أربيل' in item.text and 'التعليقات' not in item.text and 'اقرأ أيضاً' not in item.text
    p = geo(['parse', f'{site}/news/convoy'], env)
    (rec,) = records(p)
    names = {t['text'] for t in rec['toponyms']}
    assert ARTICLE_PLACES <= names and not names & BOILERPLATE_PLACES
    assert rec['url'] == f'{site}/news/convoy' and rec['offsets'] == 'article-text'


def test_geo_map_url_caches_the_page_and_records_the_url(site, env, tmp_path):
    out = tmp_path / 'out'
    p = geo(['map', f'{site}/old', '-o', out, '--formats', 'geojson,csv,jsonl'], env)
    assert p.returncode == 0, p.stderr
    (page,) = (out / 'pages').glob('*.html')
    assert page.read_text(encoding='utf-8') == ARTICLE
    (gj,) = out.glob('*.geojson')
    feats = json.loads(gj.read_text(encoding='utf-8'))['features']
    assert {f['properties']['url'] for f in feats} == {f'{site}/old'}
    assert {f['properties']['date'] for f in feats} == {'2026-02-14'}
    assert all(f['properties']['title'] == 'وصول قافلة مساعدات إلى الموصل' for f in feats)
    (rows,) = out.glob('*.csv')
    assert f'{site}/old' in rows.read_text(encoding='utf-8-sig')
    (rec,) = [json.loads(ln) for ln in next(out.glob('*.jsonl')).read_text(encoding='utf-8').splitlines()]
    assert rec['url'] == f'{site}/old'


@pytest.mark.parametrize('path, says', [
    ('/missing', 'HTTP 404'),
    ('/loop', 'redirects'),
    ('/ftp', 'not an http(s) address'),
    ('/file.zip', 'not a web page (application/zip)'),
    ('/empty', 'no article text'),
    ('/slow', 'no answer within 2 s'),
])
def test_each_failure_is_one_line_and_exit_2(site, env, tmp_path, path, says):
    line = refused(geo(['map', f'{site}{path}', '-o', tmp_path / 'out'], env, timeout=60), f'{site}{path}')
    assert says in line


def test_a_batch_fetches_records_with_a_url_and_no_text(site, env, tmp_path):
    src = tmp_path / 'links.jsonl'
    src.write_text('\n'.join(json.dumps(r, ensure_ascii=False) for r in [
        {'id': 'story', 'url': f'{site}/news/convoy'},
        {'id': 'gone', 'url': f'{site}/missing'},
        {'id': 'given', 'url': f'{site}/file.zip', 'text': 'وصل الوفد إلى حلب.', 'date': '2026-01-02'},
    ]) + '\n', encoding='utf-8')
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--formats', 'geojson', '--workers', '1'], env, timeout=120)
    assert p.returncode == 2, p.stderr
    done = {json.loads(ln)['id']: json.loads(ln) for ln in (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()}
    (err,) = [json.loads(ln) for ln in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert set(done) == {'story', 'given'} and err['id'] == 'gone' and 'HTTP 404' in err['error']
    assert ARTICLE_PLACES <= {t['text'] for t in done['story']['toponyms']}
    assert len(list((out / 'pages').glob('*.html'))) == 1
    feats = json.loads((out / 'places.geojson').read_text(encoding='utf-8'))['features']
    dates = {f['properties']['document']: f['properties'].get('date') for f in feats}
    assert dates == {'story': '2026-02-14', 'given': '2026-01-02'}
    # --resume reads the saved page: the server is not asked again
    p = geo(['batch', src, '-o', out, '--formats', 'geojson', '--workers', '1', '--resume'],
            dict(env, GEO_TEXTMAP_FETCH_SECONDS='0.1'), timeout=120)
    assert 'parsed 0 now' in p.stderr and '3 were done already' in p.stderr and 'had changed' not in p.stderr


def test_a_page_in_windows_1256_is_read(site):
    from geo.inputs import read_url
    item = read_url(f'{site}/cp1256')
    assert item.ok and item.meta['title'] == 'وصول قافلة مساعدات إلى الموصل' and 'قادمة من أربيل' in item.text
