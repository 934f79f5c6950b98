"""Issue 8: hostile and broken documents.  Every case runs the real `geo` command (against the
fixture index) or the real reader, and ends in a correct result or in one line on stderr that
says what and where, with exit code 2; never a traceback, never mojibake places.

The texts are written for these tests; the legacy-encoded files are made here from them."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

GEO = [sys.executable, '-m', 'geo.cli']

AR = 'قصفت الطائرات مدينة حلب، ثم وصل الوفد إلى الموصل قادماً من أربيل.'
AR_PLACES = ['حلب', 'الموصل', 'أربيل']
EN = 'Aid convoys reached Mosul and Erbil in Iraq on Monday.'
EN_PLACES = ['Mosul', 'Erbil', 'Iraq']


def geo(args, env, timeout=300):
    # paths with bytes that are not UTF-8 are printed as those bytes: read them back the same way
    return subprocess.run(GEO + [str(a) for a in args], capture_output=True, text=True, errors='surrogateescape',
                          env=env, timeout=timeout)


def refused(p: subprocess.CompletedProcess, where: str) -> str:
    """The run failed the way the house rules say: exit 2, one line on stderr naming `where`."""
    assert p.returncode == 2, (p.returncode, p.stdout[:300], p.stderr[-2000:])
    assert 'Traceback' not in p.stderr
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, p.stderr
    assert where in lines[0], lines[0]
    return lines[0]


def records(p: subprocess.CompletedProcess) -> list[dict]:
    assert 'Traceback' not in p.stderr, p.stderr
    return [json.loads(l) for l in p.stdout.splitlines()]


def parse_one(path: Path, env) -> dict:
    p = geo(['parse', path], env)
    assert p.returncode == 0, p.stderr
    (rec,) = records(p)
    return rec


def surfaces(rec: dict) -> list[str]:
    return [t['text'] for t in rec['toponyms']]


def check_offsets(rec: dict, text: str) -> None:
    for t in rec['toponyms']:
        assert 0 <= t['start'] < t['end'] <= len(text)
        assert text[t['start']:t['end']] == t['text'], t


# ---- empty, blank, binary --------------------------------------------------------------------------

@pytest.mark.parametrize('data', [b'', b'   ', b' \r\n\t\n \xc2\xa0 ', codecs.BOM_UTF8, codecs.BOM_UTF8 + b'\r\n'],
                         ids=['empty', 'spaces', 'whitespace-and-nbsp', 'bom-only', 'bom-and-crlf'])
def test_empty_or_blank_document_is_refused(tmp_path, geo_env, data):
    f = tmp_path / 'blank.txt'
    f.write_bytes(data)
    assert 'is empty' in refused(geo(['parse', f], geo_env), 'blank.txt')


@pytest.mark.parametrize('kind', ['random', 'png', 'zip', 'nul-in-text', 'bom-then-binary', 'elf'])
def test_binary_file_is_refused(tmp_path, geo_env, kind):
    import os
    import zipfile

    f = tmp_path / f'{kind}.txt'
    if kind == 'random':
        f.write_bytes(os.urandom(4096))
    elif kind == 'png':
        f.write_bytes(b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' + bytes(range(256)) * 4)
    elif kind == 'zip':
        with zipfile.ZipFile(f, 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('a.txt', EN * 50)
    elif kind == 'nul-in-text':
        f.write_bytes(EN.encode() + b'\x00\x00\x00' + EN.encode())
    elif kind == 'bom-then-binary':
        f.write_bytes(codecs.BOM_UTF16_LE + bytes([1, 2, 3, 4, 0, 0, 7, 8]) * 64)
    else:
        f.write_bytes(b'\x7fELF\x02\x01\x01\x00' + bytes(8) + bytes(range(64)) * 16)
    line = refused(geo(['parse', f], geo_env), f.name)
    assert 'binary' in line or 'invalid' in line


# ---- encodings -------------------------------------------------------------------------------------

def test_utf8_with_bom_and_crlf_keeps_offsets_into_the_decoded_text(tmp_path, geo_env):
    f = tmp_path / 'bom.txt'
    text = f'{EN}\r\n{AR}\r\n'
    f.write_bytes(codecs.BOM_UTF8 + text.encode())
    rec = parse_one(f, geo_env)
    assert set(EN_PLACES + AR_PLACES) <= set(surfaces(rec))
    check_offsets(rec, text)          # the BOM is not part of the text; each CR counts one


@pytest.mark.parametrize('encoding', ['utf-16', 'utf-16-le-bom', 'utf-16-be-bom', 'utf-16-le', 'utf-16-be', 'utf-32'])
def test_utf16_and_utf32_are_decoded(tmp_path, geo_env, encoding):
    text = f'{AR}\r\n{EN}\n'
    data = {'utf-16': text.encode('utf-16'), 'utf-16-le-bom': codecs.BOM_UTF16_LE + text.encode('utf-16-le'),
            'utf-16-be-bom': codecs.BOM_UTF16_BE + text.encode('utf-16-be'),
            'utf-16-le': text.encode('utf-16-le'), 'utf-16-be': text.encode('utf-16-be'),    # no BOM at all
            'utf-32': text.encode('utf-32')}[encoding]
    f = tmp_path / 'wide.txt'
    f.write_bytes(data)
    rec = parse_one(f, geo_env)
    assert set(EN_PLACES + AR_PLACES) <= set(surfaces(rec))
    check_offsets(rec, text)


# Arabic sentences written for these tests, each naming places of the fixture index
LEGACY = [
    'قصفت الطائرات مدينة حلب، ثم وصل الوفد إلى الموصل قادماً من أربيل.',
    'قالت مصادر محلية إن قصفاً مدفعياً استهدف أطراف بلدة الميادين شرقي دير الزور صباح اليوم.',
    'عقد وزير الخارجية مؤتمراً صحفياً في جنيف، وتحدث عن الأوضاع في الرقة وحلب.',
    'نزح السكان من قرية حطلة نحو المدينة بعد ارتفاع منسوب النهر.',
    'وصل الوفد إلى حلب.',
    'أعلنت بكين وموسكو دعمهما للمحادثات.',
]


@pytest.mark.parametrize('encoding', ['cp1256', 'iso8859_6'])
@pytest.mark.parametrize('n', range(len(LEGACY)))
def test_legacy_arabic_code_pages_give_the_places_of_the_utf8_text(tmp_path, geo_env, geoparser, encoding, n):
    text = LEGACY[n]
    if encoding == 'iso8859_6':
        text = text.replace('،', ',')       # ISO-8859-6 has the Arabic comma at another byte
    f = tmp_path / 'legacy.txt'
    f.write_bytes(text.encode(encoding))
    rec = parse_one(f, geo_env)
    want = [m.surface for m in geoparser.parse(text).mentions]
    assert want and surfaces(rec) == want
    check_offsets(rec, text)


@pytest.mark.parametrize('text', ['من', 'حطلة'])
def test_arabic_that_reads_as_words_in_both_code_pages_is_refused_not_guessed(tmp_path, geo_env, text):
    # 'من' in Windows-1256 is 'كل' in ISO-8859-6: both are common words; a village name alone is
    # no common word in either reading: no guess is safe
    f = tmp_path / 'ambiguous.txt'
    f.write_bytes(text.encode('cp1256'))
    line = refused(geo(['parse', f], geo_env), 'ambiguous.txt')
    assert 'UTF-8' in line


def test_western_code_page_is_not_read_as_arabic(tmp_path, geo_env):
    f = tmp_path / 'latin.txt'
    text = 'Talks in Genève ended; the delegation left Genève for Moscow. Café owners in MÜNCHEN À LA CARTE.'
    f.write_bytes(text.encode('cp1252'))
    rec = parse_one(f, geo_env)
    assert 'Genève' in surfaces(rec) and 'Moscow' in surfaces(rec)
    check_offsets(rec, text)


def test_damaged_utf8_document_keeps_its_places(tmp_path, geo_env):
    """A document cut in the middle of a character, or holding one stray byte, is read with the
    damaged bytes replaced (U+FFFD): the rest of the text and its places are not lost."""
    f = tmp_path / 'damaged.txt'
    raw = AR.encode() + b'\xff ' + EN.encode() + 'حلب'.encode()[:-1]
    f.write_bytes(raw)
    rec = parse_one(f, geo_env)
    text = raw.decode('utf-8', errors='replace')
    assert set(AR_PLACES + EN_PLACES) <= set(surfaces(rec))
    check_offsets(rec, text)


# ---- scripts, marks, invisible characters, digits --------------------------------------------------

MARKED = {
    # name as written in the text: the place it must be found as (the fixture index's name)
    'tatweel': ('حـــلب', 'Aleppo'),
    'harakat': ('حَلَب', 'Aleppo'),
    'zwj': ('ح\u200dلب', 'Aleppo'),
    'zwnj': ('ح\u200cلب', 'Aleppo'),
    'rlm-inside': ('ح\u200fلب', 'Aleppo'),
    'lrm-inside': ('الموص\u200eل', 'Mosul'),
    'alm-inside': ('أربي\u061cل', 'Erbil'),
    'rlm-between-words': ('دير\u200f الزور', ('Deir ez-Zor', 'Deir ez-Zor Governorate')),
    'isolates-around': ('\u2067الميادين\u2069', 'Al Mayadin'),
    'embedding-around': ('\u202bالرقة\u202c', 'Raqqa'),
    'tatweel-after-article': ('الـموصل', 'Mosul'),
    'presentation-forms': ('ﺣﻠﺐ', 'Aleppo'),
    'proclitic-and-rlm': ('و\u200fحلب', 'Aleppo'),
    'soft-hyphen': ('Mo\u00adsul', 'Mosul'),
    'zero-width-space': ('Er\u200bbil', 'Erbil'),
    'word-joiner': ('Mo\u2060sul', 'Mosul'),
    'decomposed-accent': (unicodedata.normalize('NFD', 'Genève'), 'Geneva'),
    'fullwidth': ('ＭＯＳＵＬ', 'Mosul'),
}


@pytest.mark.parametrize('case', MARKED)
def test_marks_and_invisible_characters_inside_names(tmp_path, geo_env, case):
    written, place = MARKED[case]
    if any('\u0600' <= ch <= '\u06ff' or '\ufe70' <= ch <= '\ufeff' for ch in written):
        text = f'قالت مصادر محلية إن الوفد وصل إلى {written} مساء الثلاثاء.'
    else:
        text = f'The delegation arrived in {written} on Tuesday evening.'
    f = tmp_path / 'marked.txt'
    f.write_text(text, encoding='utf-8')
    rec = parse_one(f, geo_env)
    check_offsets(rec, text)
    found = [t for t in rec['toponyms'] if t.get('name') in (place if isinstance(place, tuple) else (place,))]
    assert found, rec
    # the span is the name as written, invisible characters inside it included
    core = written.strip('\u2067\u2069\u202b\u202c')
    assert found[0]['text'] in (core, core.removeprefix('و\u200f'), core.removeprefix('و'))


def test_mixed_scripts_in_one_document(tmp_path, geo_env):
    text = ('Mosul (الموصل) and حلب/Aleppo — وصل الوفد إلى Erbil قادماً من جنيف; '
            'Beijing بكين, Москва Moscow, Ελλάδα, 東京, עברית Raqqa.')
    f = tmp_path / 'mixed.txt'
    f.write_text(text, encoding='utf-8')
    rec = parse_one(f, geo_env)
    check_offsets(rec, text)
    names = {t.get('name') for t in rec['toponyms']}
    assert {'Mosul', 'Aleppo', 'Erbil', 'Geneva', 'Beijing', 'Moscow', 'Raqqa'} <= names


def test_arabic_indic_digits_are_numbers_not_places(tmp_path, geo_env):
    text = 'في ٣ آذار ٢٠٢٤ وصل ١٢ شخصاً إلى حلب، و۴۵ عائلة إلى الموصل عند الساعة ١٠:٣٠.'
    f = tmp_path / 'digits.txt'
    f.write_text(text, encoding='utf-8')
    rec = parse_one(f, geo_env)
    check_offsets(rec, text)
    assert surfaces(rec) == ['حلب', 'الموصل']


def test_a_20_mb_single_line_text(tmp_path, geo_env):
    """One line of more than 20 MB (a scraped page with no line breaks): parsed, every place
    found, offsets exact.  How fast is measured in benchmarks/, not here."""
    chunk = ('The committee met for several hours without reaching an agreement on the budget, and members '
             'said that further talks would be needed before the end of the month; ') * 20
    doc = []
    size = 0
    while size < 20 * 1024 * 1024:
        doc.append(chunk)
        doc.append('a convoy left Mosul for Erbil. ')
        size += len(chunk) + 31
    text = ''.join(doc)
    f = tmp_path / 'huge.txt'
    f.write_text(text, encoding='utf-8')
    assert f.stat().st_size > 20 * 1024 * 1024 and '\n' not in text
    p = geo(['parse', f], geo_env, timeout=1800)
    assert p.returncode == 0, p.stderr[-2000:]
    (rec,) = records(p)
    assert len(rec['toponyms']) == 2 * (len(doc) // 2)
    check_offsets(rec, text)


# ---- HTML ------------------------------------------------------------------------------------------

PAGE = '''<!doctype html>
<html><head><meta charset="utf-8"><title>Convoys &amp; floods</title>
<style>.Raqqa { color: red }</style>
<script>var place = "Beijing"; document.write("Moscow");</script><noscript>Beijing</noscript></head>
<body><nav><ul><li>Home</li></ul></nav>
<article><h1>Aid reached <b>Mo</b>sul</h1>
<p>Trucks left Erbil&nbsp;at dawn &amp; arrived in &#x062D;&#x0644;&#x0628; by night.</p>
<!-- Geneva is only in a comment -->
<p>وصل الوفد إلى <a href="/x">الموصل</a> قادماً من أربيل.</p>
<noscript>Beijing</noscript><template><p>Moscow</p></template>
</article></body></html>'''


def test_html_input_is_parsed_as_its_visible_text_with_offsets_into_it(tmp_path, geo_env):
    from geo.inputs import read_text_file

    f = tmp_path / 'page.html'
    f.write_text(PAGE, encoding='utf-8')
    rec = parse_one(f, geo_env)
    assert rec['offsets'] == 'html-text'     # the record says what its offsets refer to
    text = read_text_file(f)                 # the extracted text the offsets point into
    check_offsets(rec, text)
    assert surfaces(rec) == ['Mosul', 'Erbil', 'حلب', 'الموصل', 'أربيل']
    names = {t.get('name') for t in rec['toponyms']}
    assert not names & {'Beijing', 'Moscow', 'Raqqa', 'Geneva'}   # scripts, styles, comments, templates
    # a plain text file's records say nothing: their offsets are into the file's own text
    g = tmp_path / 'plain.txt'
    g.write_text(EN, encoding='utf-8')
    assert 'offsets' not in parse_one(g, geo_env)


def test_html_in_a_legacy_code_page_and_broken_markup(tmp_path, geo_env):
    f = tmp_path / 'old.htm'
    f.write_bytes(('<html><body><p>وصل الوفد إلى حلب قادماً من الموصل<div><p><b>اليوم</i></table>'
                   '<p>Erbil <<< >>> &bogus; &#0; &#xD800;').encode('cp1256'))
    rec = parse_one(f, geo_env)
    from geo.inputs import read_text_file
    check_offsets(rec, read_text_file(f))
    assert {'حلب', 'الموصل', 'Erbil'} <= set(surfaces(rec))


@pytest.mark.parametrize('html', ['', '<html><head><script>Mosul</script></head></html>', '<!-- Mosul -->',
                                  '<p>\u200f \u00a0 </p>'])
def test_html_without_visible_text_is_empty(tmp_path, geo_env, html):
    f = tmp_path / 'blank.html'
    f.write_text(html, encoding='utf-8')
    assert 'is empty' in refused(geo(['parse', f], geo_env), 'blank.html')


def test_batch_of_html_files_carries_the_offsets_field(tmp_path, geo_env):
    folder = tmp_path / 'pages'
    folder.mkdir()
    (folder / 'a.html').write_text(PAGE, encoding='utf-8')
    (folder / 'b.txt').write_text(EN, encoding='utf-8')
    (folder / 'c.html').write_bytes(b'\x00\x01\x02' * 100)
    (folder / 'sub.txt').mkdir()                      # a folder named like a document: not one
    out = tmp_path / 'out'
    p = geo(['batch', folder, '-o', out, '--workers', '1', '--no-maps'], geo_env)
    assert p.returncode == 2 and 'Traceback' not in p.stderr
    recs = {r['id']: r for r in map(json.loads, (out / 'places.jsonl').read_text(encoding='utf-8').splitlines())}
    assert recs['a']['offsets'] == 'html-text' and 'offsets' not in recs['b']
    errors = [json.loads(l) for l in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert [e['id'] for e in errors] == ['c'] and 'binary' in errors[0]['error']


# ---- JSON Lines ------------------------------------------------------------------------------------

def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b'\n'.join(lines) + b'\n')
    return path


HOSTILE_LINES = [
    # (line, expected id, error fragment or None)
    (json.dumps({'id': 'ok', 'text': EN}).encode(), 'ok', None),
    (b'{"id": "cut", "text": "Mosul', 'lines:2', 'not valid JSON'),
    (b'{"id": "deep", "text": ' + b'[' * 100000 + b']' * 100000 + b'}', 'lines:3', 'nested too deeply'),
    (b'{"id": "bigint", "text": "Mosul", "n": 1' + b'0' * 5000 + b'}', 'lines:4', 'not usable JSON'),
    (json.dumps({'id': 'notext'}).encode(), 'notext', '"text" is missing'),
    (json.dumps({'id': 'numtext', 'text': 42}).encode(), 'numtext', '"text" is missing or not a string'),
    (json.dumps({'id': 'blank', 'text': ' \n\t '}).encode(), 'blank', 'the text is empty'),
    (b'"just a string"', 'lines:8', 'a JSON object'),
    (b'null', 'lines:9', 'a JSON object'),
    (b'\xff\xfe\x00\x01binary\x00\x9c\x00', 'lines:10', 'binary'),
    (json.dumps({'id': 3.5, 'text': 'Erbil today'}).encode(), '3.5', None),             # a number id
    (json.dumps({'id': True, 'text': 'Erbil today'}).encode(), 'lines:12', None),       # not an id: the line
    (json.dumps({'id': None, 'text': 'Erbil today'}).encode(), 'lines:13', None),
    (json.dumps({'id': {'a': 1}, 'text': 'Erbil today'}).encode(), 'lines:14', None),
    (json.dumps({'id': 'ok', 'text': 'Mosul again'}).encode(), 'ok#15', None),           # a duplicate id
    (b'{"id": "lone\\ud800", "text": "Mosul \\udc00 Erbil"}', 'lone\ufffd', None),     # lone surrogates
    ('{"id": "cp", "text": "وصل الوفد إلى حلب"}'.encode('cp1256'), 'cp', None),         # one legacy line
    (b'{"id": "crlf", "text": "Raqqa, Syria"}\r', 'crlf', None),
    (b'{"id": "nul", "text": "Mosul\\u0000"}', 'nul', 'binary data'),
    (json.dumps({'id': 'sep', 'text': 'Mosul\u2028Erbil\u2029Raqqa'}, ensure_ascii=False).encode(), 'sep', None),
]


def test_jsonl_with_every_kind_of_broken_line(tmp_path, geo_env):
    src = _jsonl(tmp_path / 'lines.jsonl', [l for l, _, _ in HOSTILE_LINES] + [b'', b'   '])
    p = geo(['parse', src], geo_env)
    assert p.returncode == 2
    recs = records(p)
    assert [r['id'] for r in recs] == [i for _, i, _ in HOSTILE_LINES]     # one record per line, in order
    failed = [(n, err) for n, (_, _, err) in enumerate(HOSTILE_LINES, start=1) if err]
    assert len(p.stderr.splitlines()) == len(failed)                       # one stderr line per bad line
    for (n, err), line in zip(failed, p.stderr.splitlines()):
        assert line.startswith(f'{src}:{n}: ') and err in line, line
    for r, (_, _, err) in zip(recs, HOSTILE_LINES):
        assert ('error' in r) == bool(err)
    by_id = {r['id']: r for r in recs}
    assert surfaces(by_id['lone\ufffd']) == ['Mosul', 'Erbil']
    assert by_id['lone\ufffd']['toponyms'][1]['start'] == 8     # the surrogate still counts one character
    assert surfaces(by_id['cp']) == ['حلب']
    assert surfaces(by_id['sep']) == ['Mosul', 'Erbil', 'Raqqa']


def test_batch_isolates_the_same_broken_lines(tmp_path, geo_env):
    src = _jsonl(tmp_path / 'lines.jsonl', [l for l, _, _ in HOSTILE_LINES])
    out = tmp_path / 'out'
    p = geo(['batch', src, '-o', out, '--workers', '1', '--no-maps'], geo_env)
    assert p.returncode == 2 and 'Traceback' not in p.stderr
    places = [json.loads(l) for l in (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()]
    errors = [json.loads(l) for l in (out / 'errors.jsonl').read_text(encoding='utf-8').splitlines()]
    assert len(places) + len(errors) == len(HOSTILE_LINES)
    assert len(errors) == sum(1 for _, _, e in HOSTILE_LINES if e)
    assert [r['id'] for r in places] == [i for _, i, e in HOSTILE_LINES if not e]


def test_utf16_jsonl(tmp_path, geo_env):
    text = '\r\n'.join(json.dumps({'id': f'd{i}', 'text': t}, ensure_ascii=False) for i, t in enumerate([AR, EN]))
    src = tmp_path / 'wide.jsonl'
    src.write_bytes(text.encode('utf-16'))
    p = geo(['parse', src], geo_env)
    assert p.returncode == 0, p.stderr
    assert [set(AR_PLACES) <= set(surfaces(r)) or set(EN_PLACES) <= set(surfaces(r)) for r in records(p)] == [True, True]


# ---- CSV documents ---------------------------------------------------------------------------------

def test_csv_with_missing_columns_and_broken_rows(tmp_path, geo_env):
    src = tmp_path / 'docs.csv'
    src.write_bytes(codecs.BOM_UTF8 + (
        'id,title,text\r\n'
        f'a,first,"{EN}"\r\n'
        'b,only a title\r\n'                                  # a row without its text column
        f'a,same id,"{AR}"\r\n'                               # a repeated id
        'c,garbage after quote,"Erbil"x\r\n'                  # broken quoting
        f'd,multi-line,"{EN}\r\n{AR}"\r\n'                    # a quoted field across lines
        ',no id,Raqqa is here\r\n'
        'e,never closed,"Mosul and\r\nErbil\r\n'              # a quote that is never closed
    ).encode())
    p = geo(['parse', src], geo_env)
    assert p.returncode == 2
    recs = records(p)
    assert [r['id'] for r in recs] == ['a', 'b', 'a#4', 'docs:5', 'd', 'docs:8', 'docs:9']
    errs = p.stderr.splitlines()
    assert len(errs) == 3
    assert errs[0].startswith(f'{src}:3: ') and 'no "text"' in errs[0]
    assert errs[1].startswith(f'{src}:5: ') and 'broken CSV' in errs[1]
    assert errs[2].startswith(f'{src}:9: ') and 'never closed' in errs[2]
    assert set(EN_PLACES + AR_PLACES) <= set(surfaces(recs[4]))


@pytest.mark.parametrize('delimiter,suffix', [(';', '.csv'), ('\t', '.tsv'), ('\t', '.csv'), ('|', '.csv')])
def test_csv_delimiters_are_recognised(tmp_path, geo_env, delimiter, suffix):
    src = tmp_path / f'docs{suffix}'
    src.write_text(f'id{delimiter}text\n1{delimiter}{EN}\n2{delimiter}{AR}\n', encoding='utf-8')
    p = geo(['parse', src], geo_env)
    assert p.returncode == 0, p.stderr
    assert [r['id'] for r in records(p)] == ['1', '2']


def test_csv_without_a_text_column_is_one_line(tmp_path, geo_env):
    src = tmp_path / 'docs.csv'
    src.write_text('id,body\n1,Mosul\n', encoding='utf-8')
    assert 'needs a "text" column' in refused(geo(['parse', src], geo_env), 'docs.csv:1')


def test_csv_with_a_field_larger_than_the_csv_module_default(tmp_path, geo_env):
    src = tmp_path / 'long.csv'
    filler = 'word ' * 60000                              # 300 kB in one field (the csv default is 128 kB)
    src.write_text(f'id,text\nlong,"{filler}Mosul"\n', encoding='utf-8')
    (rec,) = records(geo(['parse', src], geo_env))
    assert surfaces(rec) == ['Mosul'] and rec['toponyms'][0]['start'] == len(filler)


# ---- output paths ----------------------------------------------------------------------------------

EVIL_IDS = ['../../x', '/etc/x', '..', '.', 'a/../../b', '~/x', 'C:\\Windows\\x', 'x' * 300, '𠀀' * 100,
            '.hidden', 'nul\x00byte', 'line\nbreak', 'con', '']


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob('*')}


@pytest.mark.parametrize('doc_id', EVIL_IDS, ids=range(len(EVIL_IDS)))
def test_map_outputs_stay_inside_the_output_folder(tmp_path, geoparser, doc_id):
    """write_outputs (what `geo map` calls) names files after the id, made safe."""
    from geo.outputs import write_outputs

    work = tmp_path / 'deep' / 'deeper'
    out = work / 'out'
    before = _tree(tmp_path)
    result = geoparser.parse(EN, doc_id)
    written = write_outputs(result, out, ['geojson', 'jsonl', 'csv'])
    assert len(written) == 3
    for p in written:
        assert p.resolve().parent == out.resolve() and p.exists()
        assert len(p.name.encode()) < 255 and not p.name.startswith('.')
    assert _tree(tmp_path) - before == {'deep', 'deep/deeper', 'deep/deeper/out'} | {
        f'deep/deeper/out/{p.name}' for p in written}


def test_geo_map_with_path_ids_writes_only_inside_dir(tmp_path, geo_env):
    work = tmp_path / 'a' / 'b'
    work.mkdir(parents=True)
    for doc_id in ('../../x', '/etc/x'):
        src = work / 'doc.jsonl'
        src.write_text(json.dumps({'id': doc_id, 'text': EN}) + '\n', encoding='utf-8')
        p = geo(['map', src, '-o', work / 'out', '--formats', 'geojson,csv'], geo_env)
        assert p.returncode == 0, p.stderr
        for line in p.stdout.splitlines():
            assert Path(line).resolve().parent == (work / 'out').resolve()
    assert sorted(x.name for x in tmp_path.iterdir()) == ['a']
    assert sorted(x.name for x in (tmp_path / 'a').iterdir()) == ['b']
    assert not Path('/etc/x.geojson').exists()


@pytest.mark.parametrize('case', ['output-is-a-file', 'output-under-a-file', 'target-is-a-folder'])
def test_map_output_problems_are_one_line_and_leave_no_partial_file(tmp_path, geo_env, case):
    src = tmp_path / 'note.txt'
    src.write_text(EN, encoding='utf-8')
    out = tmp_path / 'out'
    if case == 'output-is-a-file':
        out.write_text('not a folder')
    elif case == 'output-under-a-file':
        (tmp_path / 'file').write_text('x')
        out = tmp_path / 'file' / 'out'
    else:
        (out / 'note.html').mkdir(parents=True)      # the HTML cannot replace a folder
    p = geo(['map', src, '-o', out, '--formats', 'geojson,html'], geo_env)
    refused(p, str(tmp_path))
    if case == 'target-is-a-folder':
        assert not list(out.glob('.*.tmp'))           # the temporary file is gone
        assert (out / 'note.html').is_dir()


def test_geo_batch_with_path_ids_writes_only_inside_dir(tmp_path, geo_env):
    work = tmp_path / 'a' / 'b'
    work.mkdir(parents=True)
    src = work / 'docs.jsonl'
    src.write_text(''.join(json.dumps({'id': i, 'text': EN}) + '\n' for i in EVIL_IDS if '\x00' not in i),
                   encoding='utf-8')
    p = geo(['batch', src, '-o', work / 'out', '--workers', '1'], geo_env)
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ['a'] and sorted(x.name for x in work.parent.iterdir()) == ['b']
    assert sorted(x.name for x in (work / 'out').iterdir()) == ['.geo-batch', 'errors.jsonl', 'map.html', 'map.png',
                                                                'places.csv', 'places.geojson', 'places.jsonl']
    ids = [json.loads(l)['id'] for l in (work / 'out' / 'places.jsonl').read_text(encoding='utf-8').split('\n') if l]
    assert len(ids) == len([i for i in EVIL_IDS if '\x00' not in i]) and ids[:2] == ['../../x', '/etc/x']


@pytest.mark.parametrize('args', [['--dpi', '0'], ['--dpi', '-5'], ['--formats', ''], ['--formats', 'png,exe'],
                                  ['--size', '0x0'], ['--bias-bbox', 'nan,nan,nan,nan'], ['--bias-bbox', '1,2,3'],
                                  ['--min-confidence', 'nan']], ids=lambda a: ' '.join(a) or 'empty')
def test_bad_map_options_are_one_line(tmp_path, geo_env, args):
    src = tmp_path / 'note.txt'
    src.write_text(EN, encoding='utf-8')
    refused(geo(['map', src, '-o', tmp_path / 'out', *args], geo_env), args[0])
    assert not (tmp_path / 'out').exists() or not any((tmp_path / 'out').iterdir())


def test_file_and_folder_names_that_are_not_utf8(tmp_path, geo_env):
    """Names made of bytes that are not UTF-8 (an archive unpacked from an old system): the id
    shows those bytes as escapes, and every writer copes."""
    import os

    base = os.fsencode(tmp_path)
    folder = os.fsdecode(base + b'/docs-\xff')
    os.mkdir(folder)
    doc = Path(os.fsdecode(base + b'/docs-\xff/report-\xe9\xfe.txt'))
    doc.write_text(EN, encoding='utf-8')
    (rec,) = records(geo(['parse', doc], geo_env))
    assert rec['id'] == 'report-\\xe9\\xfe' and set(EN_PLACES) <= set(surfaces(rec))
    out = tmp_path / 'maps'
    p = geo(['map', doc, '-o', out, '--formats', 'geojson,html,csv'], geo_env)
    assert p.returncode == 0, p.stderr
    gj = json.loads(next(out.glob('*.geojson')).read_text(encoding='utf-8'))
    assert gj['features'] and all(f['properties'].get('document', 'report-\\xe9\\xfe') == 'report-\\xe9\\xfe'
                                  for f in gj['features'])
    out2 = Path(os.fsdecode(base + b'/out-\xff'))
    for resume in ([], ['--resume']):
        p = geo(['batch', folder, '-o', out2, '--workers', '1', *resume], geo_env)
        assert p.returncode == 0, p.stderr
    assert [json.loads(l)['id'] for l in (out2 / 'places.jsonl').read_text(encoding='utf-8').split('\n') if l] == \
        ['report-\\xe9\\xfe']


def test_a_device_that_never_ends_is_refused(geo_env):
    if not Path('/dev/zero').exists():
        pytest.skip('no /dev/zero here')
    assert 'more than the 200 MB' in refused(geo(['parse', '/dev/zero'], geo_env), '/dev/zero')


def test_a_pipe_is_read(geo_env):
    p = subprocess.run(GEO + ['parse', '/dev/stdin'], input=EN, capture_output=True, text=True, env=geo_env,
                       timeout=300)
    assert p.returncode == 0, p.stderr
    (rec,) = records(p)
    assert set(EN_PLACES) <= set(surfaces(rec))


def test_an_overlong_jsonl_line_is_an_error_for_that_line_only(tmp_path, monkeypatch):
    """A line longer than the limit (200 MB; here lowered to 1000 bytes) is not kept in memory:
    it is an error record, and the lines after it carry on with their own numbers."""
    import geo.inputs as inputs

    monkeypatch.setattr(inputs, 'MAX_BYTES', 1000)
    src = _jsonl(tmp_path / 'long.jsonl', [json.dumps({'id': 'a', 'text': EN}).encode(),
                                            json.dumps({'id': 'b', 'text': 'x ' * 3000}).encode(),
                                            json.dumps({'id': 'c', 'text': AR}).encode()])
    items = list(inputs.iter_jsonl(src))
    assert [(i.id, i.ok) for i in items] == [('a', True), ('long:2', False), ('c', True)]
    assert items[1].error == f'{src}:2: the line is longer than 0 MB'
