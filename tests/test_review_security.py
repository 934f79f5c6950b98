"""The review server's guards, on the real `geo review` server on loopback: no token, a foreign
Origin or Host (DNS rebinding), a change without the page's header, a path outside the folder
and an oversized body are refused; the token in the address becomes a cookie."""
from __future__ import annotations

import http.client
import json
import shutil
from urllib.parse import urlsplit

import pytest

from review_helpers import EXAMPLE, Server, make_home


@pytest.fixture(scope='module')
def server(tmp_path_factory):
    env = make_home(tmp_path_factory.mktemp('review-sec-home'))
    folder = tmp_path_factory.mktemp('review-sec-docs') / 'docs'
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    (folder.parent / 'secret.txt').write_text('outside the folder', encoding='utf-8')
    s = Server(folder, env)
    yield s
    s.stop()


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            cookie: bool = True) -> tuple[int, dict, bytes]:
    u = urlsplit(server.base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = {'Host': u.netloc}
    if cookie:
        h['Cookie'] = f'geo_review={server.token}'
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, dict(r.getheaders()), data


def decide(server, **headers):
    body = json.dumps({'start': 0, 'end': 5, 'action': 'not_place'}).encode()
    return request(server, 'POST', '/api/doc/0/decide', body, {'Content-Type': 'application/json', **headers})


def test_the_token_in_the_address_becomes_a_cookie_and_nothing_goes_without_it(server):
    status, headers, _ = request(server, 'GET', f'/?token={server.token}', cookie=False)
    assert status == 303 and headers['location'] == '/'
    assert f'geo_review={server.token}' in headers['set-cookie'] and 'HttpOnly' in headers['set-cookie']
    assert 'samesite=strict' in headers['set-cookie'].lower()
    assert request(server, 'GET', '/api/docs')[0] == 200
    for path in ('/', '/api/docs', '/api/doc/0', '/static/review.js', '/no/such/page'):
        assert request(server, 'GET', path, cookie=False)[0] == 403, path
    assert request(server, 'GET', '/?token=wrong', cookie=False)[0] == 403
    assert request(server, 'GET', '/api/docs', cookie=False, headers={'Cookie': 'geo_review=wrong'})[0] == 403


def test_a_foreign_origin_or_host_is_refused(server):
    assert decide(server, **{'X-Geo-Review': '1', 'Origin': 'http://evil.example'})[0] == 403
    assert decide(server, **{'X-Geo-Review': '1', 'Origin': 'null'})[0] == 403
    u = urlsplit(server.base)
    assert request(server, 'GET', '/api/docs', headers={'Host': f'evil.example:{u.port}'})[0] == 403   # DNS rebinding
    assert request(server, 'GET', '/api/docs', headers={'Origin': 'http://evil.example'})[0] == 403
    # a change without the page's own header (a form posted by another site) is refused
    assert decide(server)[0] == 403
    assert request(server, 'GET', '/api/doc/0')[0] == 200
    doc = json.loads(request(server, 'GET', '/api/doc/0')[2])
    assert doc['decisions'] == 0             # none of the refused requests decided anything


def test_no_request_reaches_outside_the_folder(server):
    for path in ('/files/..%2Fsecret.txt', '/files/%2e%2e%2f%2e%2e%2fsecret.txt', '/files/../secret.txt',
                 '/files/.geo-review.sqlite', '/static/..%2F..%2Fsettings.py', '/static/__init__.py',
                 '/files/%2Fetc%2Fpasswd', '/api/doc/-1', '/api/doc/99'):
        status, _, data = request(server, 'GET', path)
        assert status == 404, path
        assert b'outside the folder' not in data and b'root:' not in data


def test_an_export_is_downloaded_never_shown_on_the_apps_origin(server):
    status, _, data = request(server, 'POST', '/api/doc/0/export', b'{"formats": ["html", "geojson"]}',
                              {'X-Geo-Review': '1'})
    assert status == 200
    names = [f['name'] for f in json.loads(data)['files']]
    for name in names:
        status, headers, body = request(server, 'GET', f'/files/{name}')
        assert status == 200 and headers['content-disposition'].startswith('attachment') and body


def test_bodies_are_small_json(server):
    big = json.dumps({'start': 0, 'end': 5, 'action': 'not_place', 'pad': 'x' * 100_000}).encode()
    assert request(server, 'POST', '/api/doc/0/decide', big,
                   {'X-Geo-Review': '1', 'Content-Type': 'application/json'})[0] == 413
    assert request(server, 'POST', '/api/doc/0/decide', b'[1, 2]', {'X-Geo-Review': '1'})[0] == 400
    assert request(server, 'POST', '/api/doc/0/decide', b'{"start": 0, "end": 99999, "action": "not_place"}',
                   {'X-Geo-Review': '1'})[0] == 400
    bad_place = json.dumps({'start': 0, 'end': 5, 'action': 'place', 'place': {'name': 'x', 'lat': 500, 'lon': 0}})
    status, _, data = request(server, 'POST', '/api/doc/0/decide', bad_place.encode(), {'X-Geo-Review': '1'})
    assert status == 400 and b'out of range' in data


def test_every_answer_forbids_other_sites_scripts(server):
    _, headers, _ = request(server, 'GET', '/')
    csp = headers['content-security-policy']
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert headers['x-content-type-options'] == 'nosniff'


def test_a_failure_is_said_on_the_page_not_a_traceback(tmp_path):
    env = make_home(tmp_path / 'home')
    folder = tmp_path / 'docs'
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    (tmp_path / 'a-file').write_text('not a folder', encoding='utf-8')
    s = Server(folder, env, '-o', str(tmp_path / 'a-file' / 'exports'))
    try:
        request(s, 'GET', '/api/docs')
        status, headers, data = request(s, 'POST', '/api/doc/0/export', b'{"formats": ["geojson"]}',
                                        {'X-Geo-Review': '1'})
        assert status == 500 and headers['content-type'] == 'application/json'
        assert 'Error' in json.loads(data)['error'] and b'Traceback' not in data
    finally:
        s.stop()
