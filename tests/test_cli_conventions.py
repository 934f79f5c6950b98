"""The conventions of the `geo` command: --version, `-` for stdin, `python -m geo`, -v/-q after
the command, --lang as the document's language everywhere, every option's default in its help;
and the API's refusal of bytes."""
import argparse
import importlib.metadata
import json
import logging
import re
import subprocess
import sys

import pytest

from geo.cli import main, parser

GEO = [sys.executable, '-m', 'geo']
AR = 'وصل الوفد إلى حلب قادماً من أربيل.'
EN = 'Aid reached Mosul and Erbil in Iraq.'


def run(args, env, stdin: bytes | None = None):
    return subprocess.run(GEO + [str(a) for a in args], input=stdin, capture_output=True, env=env, timeout=120)


def test_version_is_the_package_metadata(geo_env):
    p = run(['--version'], geo_env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().split() == ['geo', importlib.metadata.version('geo-textmap')]


def test_python_m_geo_is_the_geo_command(tmp_path, geo_env):
    doc = tmp_path / 'report.txt'
    doc.write_text(AR, encoding='utf-8')
    p = run(['parse', doc], geo_env)
    q = subprocess.run([sys.executable, '-m', 'geo.cli', 'parse', str(doc)], capture_output=True, env=geo_env,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout == q.stdout and json.loads(p.stdout)['toponyms']
    assert b'usage: geo ' in run(['--help'], geo_env).stdout


def test_parse_stdin_is_the_file_decoded_the_same_way(tmp_path, geo_env):
    data = AR.encode('utf-16')                     # bytes, with a BOM: decoded as a text file is
    doc = tmp_path / 'report.txt'
    doc.write_bytes(data)
    from_file = run(['parse', doc], geo_env)
    from_stdin = run(['parse', '-'], geo_env, stdin=data)
    assert from_file.returncode == from_stdin.returncode == 0, from_stdin.stderr
    a, b = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    assert (a.pop('id'), b.pop('id')) == ('report', 'stdin')
    assert a == b and [t['text'] for t in b['toponyms']] == ['حلب', 'أربيل']


def test_map_stdin_writes_what_the_file_gives(tmp_path, geo_env):
    doc = tmp_path / 'note.txt'
    doc.write_text(EN, encoding='utf-8')
    p = run(['map', doc, '-o', tmp_path / 'f', '--formats', 'geojson,jsonl'], geo_env)
    q = run(['map', '-', '-o', tmp_path / 's', '--formats', 'geojson,jsonl'], geo_env, stdin=EN.encode())
    assert p.returncode == q.returncode == 0, q.stderr
    assert sorted(x.name for x in (tmp_path / 's').iterdir()) == ['stdin.geojson', 'stdin.jsonl']
    for fmt in ('geojson', 'jsonl'):
        a = (tmp_path / 'f' / f'note.{fmt}').read_text(encoding='utf-8')
        b = (tmp_path / 's' / f'stdin.{fmt}').read_text(encoding='utf-8')
        assert a.replace('"note"', '"stdin"') == b and 'Mosul' in b


@pytest.mark.parametrize('args, stdin, says', [
    (['parse', '-'], b' \n', 'stdin: the document is empty'),
    (['parse', '-'], bytes(range(256)) * 8, 'stdin: binary'),
    (['parse', '-', '-'], b'Mosul', 'give - once'),
    (['map', '-'], b'', 'stdin: the document is empty'),
])
def test_bad_stdin_is_one_line_and_exit_2(geo_env, tmp_path, args, stdin, says):
    p = run(args + ['-o', tmp_path] if args[0] == 'map' else args, geo_env, stdin=stdin)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and says in err and 'Traceback' not in err


def test_verbosity_before_or_after_the_command():
    def verbosity(*argv):
        return parser().parse_args(list(argv)).verbosity
    assert verbosity('parse', 'F') == 0
    assert verbosity('-v', 'parse', 'F') == verbosity('parse', '-v', 'F') == verbosity('parse', 'F', '--verbose') == 1
    assert verbosity('-q', 'map', 'F') == verbosity('map', 'F', '-q') == verbosity('batch', 'D', '-o', 'X', '-q') == -1
    assert verbosity('gazetteer', 'build', '-q') == verbosity('-v', 'parse', '-q', 'F') == -1


def test_parse_v_after_the_command_logs_info(tmp_path, geo_env, monkeypatch):
    doc = tmp_path / 'report.txt'
    doc.write_text(EN, encoding='utf-8')
    monkeypatch.setenv('GEO_TEXTMAP_HOME', geo_env['GEO_TEXTMAP_HOME'])
    levels = []
    monkeypatch.setattr(logging, 'basicConfig', lambda **kw: levels.append(kw['level']))
    assert main(['parse', '-v', str(doc)]) == 0
    assert main(['parse', str(doc), '-q']) == 0
    assert main(['parse', str(doc)]) == 0
    assert levels == [logging.INFO, logging.ERROR, logging.WARNING]


def test_q_after_the_command_silences_the_summary(tmp_path, geo_env):
    doc = tmp_path / 'note.txt'
    doc.write_text(EN, encoding='utf-8')
    loud = run(['map', doc, '-o', tmp_path / 'a', '--formats', 'jsonl'], geo_env)
    quiet = run(['map', doc, '-q', '-o', tmp_path / 'b', '--formats', 'jsonl'], geo_env)
    assert loud.returncode == quiet.returncode == 0
    assert b'places' in loud.stderr and quiet.stderr == b''
    assert quiet.stdout.strip().endswith(b'note.jsonl')          # the files written still go to stdout
    src = tmp_path / 'docs.jsonl'
    src.write_text(json.dumps({'id': 'a', 'text': EN}) + '\n', encoding='utf-8')
    b = run(['batch', src, '-o', tmp_path / 'c', '--no-maps', '--workers', '1', '-q'], geo_env)
    assert b.returncode == 0 and b.stderr == b'', b.stderr


@pytest.mark.parametrize('flags, lang, legend', [
    (['--lang', 'ar'], 'ar', 'مفتاح الخريطة'),               # the document's language; labels follow it
    (['--doc-lang', 'ar'], 'ar', 'مفتاح الخريطة'),           # the old name still works
    (['--lang', 'ar', '--label-lang', 'en'], 'ar', 'Legend'),
    ([], 'en', 'Legend'),
])
def test_map_lang_is_the_document_language_and_label_lang_the_labels(tmp_path, geo_env, flags, lang, legend):
    doc = tmp_path / 'note.txt'
    doc.write_text(EN, encoding='utf-8')
    p = run(['map', doc, '-o', tmp_path, '--formats', 'jsonl,html'] + flags, geo_env)
    assert p.returncode == 0, p.stderr
    assert json.loads((tmp_path / 'note.jsonl').read_text(encoding='utf-8'))['lang'] == lang
    assert legend in (tmp_path / 'note.html').read_text(encoding='utf-8')


def test_map_lang_both_points_to_label_lang(tmp_path, geo_env):
    p = run(['map', tmp_path / 'x.txt', '--lang', 'both'], geo_env)
    assert p.returncode == 2 and b'--label-lang' in p.stderr


def commands(ap, path=()):
    """Every (sub)command's argv prefix, the top one included."""
    yield path
    for action in ap._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, path + (name,))


def option_blocks(help_text: str) -> list[str]:
    """The help of each option: from a line that starts with '  -' to the next such line."""
    body = help_text.split('options:', 1)[1].split('\n\n', 1)[0]
    return [' '.join(b.split()) for b in re.split(r'\n(?=  -)', body) if b.strip()]


@pytest.mark.parametrize('command', list(commands(parser())), ids=lambda c: ' '.join(c) or 'geo')
def test_every_option_names_its_default(command, capsys):
    with pytest.raises(SystemExit):
        main(list(command) + ['--help'])
    text = capsys.readouterr().out
    for noise in ('default: None', 'default: []', 'default: False', 'default: True'):
        assert noise not in text
    blocks = option_blocks(text)
    assert blocks
    for block in blocks:
        if block.startswith(('-h, --help', '--version')):
            continue
        assert 'default' in block or '(required)' in block, block


def test_parse_of_bytes_says_to_decode_first(geoparser):
    with pytest.raises(TypeError, match=r'not bytes: decode it first'):
        geoparser.parse(AR.encode('utf-8'))
