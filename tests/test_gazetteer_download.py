"""`geo gazetteer download`: a real HTTP server on loopback serves hand-made GeoNames files."""
import http.server
import json
import threading
from functools import partial

import pytest

from gazetteer_helpers import GEONAMES, geo, listing, live_build, make_home, zipped


class Recorder(http.server.SimpleHTTPRequestHandler):
    log: list = []

    def log_request(self, code='-', size='-'):
        self.log.append((self.path, int(code) if str(code).isdigit() else code))

    def log_message(self, *args):
        pass


@pytest.fixture()
def server(tmp_path):
    root = tmp_path / 'export'
    root.mkdir()
    zipped(GEONAMES / 'SY.txt', root, 'SY.zip')
    zipped(GEONAMES / 'alternateNamesV2.txt', root)
    (root / 'XX.zip').write_text('<html>not a zip</html>', encoding='utf-8')
    Recorder.log = []
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), partial(Recorder, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f'http://127.0.0.1:{httpd.server_address[1]}/', Recorder.log
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_download_fetches_imports_and_rebuilds(tmp_path, server):
    url, log = server
    home = tmp_path / 'home'
    env = make_home(home)
    p = geo(['gazetteer', 'download', 'sy', '--base-url', url], env)
    assert p.returncode == 0, p.stderr
    assert log == [('/SY.zip', 200), ('/alternateNamesV2.zip', 200)]
    assert sorted(x.name for x in (home / 'downloads').iterdir()) == ['SY.zip', 'alternateNamesV2.zip']
    top = json.loads(geo(['gazetteer', 'lookup', 'مطار دير الزور', '--json'], env).stdout)[0]
    assert (top['id'], top['type']) == ('gn:99000004', 'airport')
    # again: the server has nothing newer, the files are not fetched twice
    log.clear()
    p = geo(['gazetteer', 'download', 'SY', '--base-url', url.rstrip('/')], env)
    assert p.returncode == 0, p.stderr
    assert log == [('/SY.zip', 304), ('/alternateNamesV2.zip', 304)]


def test_download_without_alternate_names(tmp_path, server):
    url, log = server
    env = make_home(tmp_path / 'home')
    assert geo(['gazetteer', 'download', 'SY', '--base-url', url, '--no-alternate-names'], env).returncode == 0
    assert log == [('/SY.zip', 200)]
    rows = json.loads(geo(['gazetteer', 'lookup', 'Deir ez-Zor Air Base', '--json'], env).stdout)
    assert all(r['match'] != 'exact' for r in rows)      # that name is in the alternate names only
    assert json.loads(geo(['gazetteer', 'lookup', 'Deir ez-Zor Airport', '--json'], env).stdout)[0]['match'] == 'exact'


@pytest.mark.parametrize('country, message', [
    ('IQ', 'IQ.zip: HTTP 404'),                       # the server has no such file
    ('XX', 'XX.zip: the server sent something that is not a zip file'),
    ('Syria', "'Syria' is not a country code"),
])
def test_download_failures_exit_2_and_change_nothing(tmp_path, server, country, message):
    url, _ = server
    home = tmp_path / 'home'
    env = make_home(home)
    before = live_build(home)
    p = geo(['gazetteer', 'download', country, '--base-url', url, '--no-alternate-names'], env)
    assert p.returncode == 2
    assert message in p.stderr and 'Traceback' not in p.stderr
    assert live_build(home) == before
    assert listing(home / 'user') == {}
    assert not list((home / 'downloads').glob('*.part'))


def test_download_when_nobody_listens(tmp_path):
    env = make_home(tmp_path / 'home')
    import socket
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()                                          # a port on loopback with no server
    p = geo(['gazetteer', 'download', 'SY', '--base-url', f'http://127.0.0.1:{port}/'], env)
    assert p.returncode == 2 and 'cannot download' in p.stderr
