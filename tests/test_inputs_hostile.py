"""Hostile documents: a PDF bomb (a stream that inflates to 400 MB, objects nested 200,000 deep,
a page tree that holds itself), a DOCX zip bomb (1 GB of XML), malformed e-mails and files that
are not what their suffix says.  Each is one clear line and exit 2 (the reader runs in a child
process bounded in memory and CPU: geo.inputs.sandbox), and in a batch an error record while
the other documents are parsed."""
from __future__ import annotations

import json

import pytest

import inputs_samples as S
from hostile_helpers import AR, AR_PLACES, geo, refused


@pytest.fixture()
def env(geo_env):
    return dict(geo_env, GEO_TEXTMAP_READ_SECONDS='20', GEO_TEXTMAP_READ_MB='768')


def page_loop() -> bytes:
    pdf = S._raw_pdf(b'<< /Length 0 >>\nstream\n\nendstream')
    return pdf.replace(b'/Kids [3 0 R]', b'/Kids [2 0 R]')


HOSTILE = {
    'stream-bomb.pdf': (lambda: S.pdf_bomb_stream(400), 'inflates to more than'),
    'nested.pdf': (lambda: S.pdf_bomb_nesting(200_000), 'no text layer'),
    'page-loop.pdf': (page_loop, 'no text layer'),
    'truncated.pdf': (lambda: S.fpdf_pdf([['حلب']])[:300], 'damaged'),
    'not-a.pdf': (lambda: b'hello, this is text', 'not a PDF'),
    'zip-bomb.docx': (lambda: S.docx_bomb(1024), 'zip bomb'),
    'not-a.docx': (lambda: b'PK\x03\x04 broken', 'not a Word'),
    'garbage.eml': (lambda: b'\x00\x01\x02 binary junk', 'not an e-mail'),
    'empty.eml': (lambda: b'From: a@example.org\nTo: b@example.org\n\n', 'neither a subject nor a body'),
    'not-a.msg': (lambda: b'From: x\n\nhello', 'not an Outlook'),
}


@pytest.mark.parametrize('name', sorted(HOSTILE))
def test_a_hostile_file_is_one_clear_line(env, tmp_path, name):
    make, says = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(make())
    line = refused(geo(['parse', path], env, timeout=120), str(path))
    assert says in line


def test_a_bad_attachment_is_an_error_for_it_alone(env, tmp_path):
    path = tmp_path / 'm.eml'
    path.write_bytes(S.eml_file('حلب', AR, {'bomb.docx': S.docx_bomb(300), 'ok.pdf': S.fpdf_pdf([[AR]])}))
    p = geo(['parse', path], env, timeout=120)
    assert p.returncode == 2
    recs = {r['id']: r for r in map(json.loads, p.stdout.splitlines())}
    assert set(recs) == {'m', 'm#bomb.docx', 'm#ok.pdf'}
    assert 'zip bomb' in recs['m#bomb.docx']['error']
    assert set(AR_PLACES) <= {t['text'] for t in recs['m#ok.pdf']['toponyms']}
    assert [ln for ln in p.stderr.splitlines() if ln.strip()] == [recs['m#bomb.docx']['error']]


def test_hostile_files_in_a_batch_lose_nothing_else(env, tmp_path):
    src = tmp_path / 'in'
    (src / 'sub').mkdir(parents=True)
    for name in ('stream-bomb.pdf', 'zip-bomb.docx', 'garbage.eml'):
        (src / 'sub' / name).write_bytes(HOSTILE[name][0]())
    (src / 'a.txt').write_text(AR, encoding='utf-8')
    (src / 'b.pdf').write_bytes(S.fpdf_pdf([[AR]]))
    (src / 'sub' / 'c.docx').write_bytes(S.docx_file('', [AR], [['']], []))
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--no-maps', '--workers', '1'], env, timeout=300)
    assert p.returncode == 2, p.stderr
    done = [json.loads(ln) for ln in (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()]
    errors = [json.loads(ln) for ln in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert [d['id'] for d in done] == ['a', 'b', 'sub/c']
    assert all(set(AR_PLACES) <= {t['text'] for t in d['toponyms']} for d in done)
    assert sorted(e['id'] for e in errors) == ['sub/garbage', 'sub/stream-bomb', 'sub/zip-bomb']


def test_the_memory_bound_stops_a_reader(geo_env, tmp_path):
    """A stream under the inflate cap that still takes more memory than the sandbox allows
    (here lowered to 300 MB) stops the reader, not the command."""
    path = tmp_path / 'heavy.pdf'
    path.write_bytes(S.pdf_bomb_stream(90))
    line = refused(geo(['parse', path], dict(geo_env, GEO_TEXTMAP_READ_MB='300'), timeout=180), str(path))
    assert 'more than 300 MB of memory' in line
