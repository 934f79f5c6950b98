"""Issue 8, proof beyond examples: properties that hold for any input (hypothesis), run against the
real parser, folding, decoding and readers with the fixture index.

- parse never raises on arbitrary Unicode (lone surrogates, controls, every script), and every
  span it returns satisfies text[start:end] == surface;
- folding is idempotent, and invisible characters, tatweel and vowel marks never change a key;
- names written with such characters inside them are still found, their offsets into the
  original (not the normalised) text; so are names in NFC, NFD and NFKC text;
- HTML extraction keeps every visible word in order, drops scripts, styles and comments, and the
  offsets of a parse of the extracted text are exact;
- decoding: UTF-8/16/32 round-trip; Arabic in Windows-1256 or ISO-8859-6 comes back exactly or
  is refused, never as other text;
- readers: one item per JSONL line that holds anything, never an exception; a user gazetteer is
  read into valid places or refused with FILE:LINE lines; file names from ids stay in the folder.
"""
from __future__ import annotations

import codecs
import html
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from gazetteer.errors import GazetteerError
from gazetteer.keys import fold, fold_uncached
from gazetteer.textio import DecodeError, decode

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.function_scoped_fixture])

ANY_CHAR = st.characters(exclude_categories=())            # surrogates and controls included
AR_NAMES = {'حلب': 'Aleppo', 'الموصل': 'Mosul', 'أربيل': 'Erbil', 'الرقة': 'Raqqa', 'الميادين': 'Al Mayadin',
            'بكين': 'Beijing', 'جنيف': 'Geneva', 'موسكو': 'Moscow'}
EN_NAMES = ['Aleppo', 'Mosul', 'Erbil', 'Raqqa', 'Beijing', 'Geneva', 'Moscow', 'Iraq', 'Syria', 'Deir ez-Zor']
MARKS = ['\u0640', '\u064e', '\u0650', '\u0651', '\u0652', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u200b',
         '\u2060', '\u00ad']
INVISIBLE = ['\u200b', '\u200e', '\u200f', '\u2060', '\u00ad', '\u061c']
FRAGMENTS = st.one_of(
    st.text(ANY_CHAR, max_size=30),
    st.sampled_from(list(AR_NAMES) + EN_NAMES),
    st.sampled_from(['مدينة ', 'بلدة ', 'محافظة ', 'حي ', 'ريف ', 'و', 'ب', 'لل', 'ال', 'city of ', 'province',
                     'U.S.', "'s", '#', '_', '-', '،', '.', ', ', ' ', '\n', '\r\n', '\u2028', '\t', '"', '«', '»']),
    st.sampled_from(MARKS + ['\ufeff', '\u202b', '\u202c', '\u2067', '\u2069', '\ud800', '\udfff', '\x00', '\x1b',
                             '٣', '١٢', '۴', 'ﺣﻠﺐ', '𝐌𝐨𝐬𝐮𝐥', 'Ｍｏｓｕｌ', 'ß', 'İ', 'ǅ', '\u0301', '\u0345']),
)
TEXTS = st.lists(FRAGMENTS, max_size=25).map(''.join)


def assert_spans_exact(result, text: str) -> None:
    assert result.text is text or result.text == text
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.surface, m
        assert 0 <= m.sentence[0] <= m.start and m.end <= m.sentence[1] <= len(text)
        assert m.place is None or 0 <= m.place < len(result.places)


@SETTINGS
@given(text=TEXTS, lang=st.sampled_from([None, 'ar', 'en']))
def test_parse_never_raises_and_every_span_is_exact(geoparser, text, lang):
    from geo.export.jsonl import dumps

    result = geoparser.parse(text, 'doc', lang=lang)
    assert_spans_exact(result, text)
    json.loads(dumps(result))                # the record is JSON, whatever the text


@SETTINGS
@given(text=st.text(ANY_CHAR, max_size=200))
def test_parse_of_raw_unicode(geoparser, text):
    assert_spans_exact(geoparser.parse(text), text)


@settings(max_examples=2000, deadline=None)
@given(name=st.one_of(st.text(ANY_CHAR, max_size=40), TEXTS))
def test_folding_is_idempotent(name):
    key = fold(name)
    assert fold(key) == key
    assert fold_uncached(name) == key
    assert key == key.strip() and '  ' not in key


def _sprinkle(name: str, marks: list[str], draw) -> str:
    """The name with marks drawn into it after some of its letters (never before the first)."""
    out = [name[0]]
    for ch in name[1:]:
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(marks)))
        out.append(ch)
    return ''.join(out)


@st.composite
def marked_arabic(draw):
    name = draw(st.sampled_from(list(AR_NAMES)))
    return name, _sprinkle(name, MARKS, draw)


@st.composite
def marked_latin(draw):
    name = draw(st.sampled_from(['Aleppo', 'Mosul', 'Erbil', 'Beijing', 'Moscow', 'Iraq']))
    return name, _sprinkle(name, INVISIBLE + ['\u0301'], draw)     # and a combining accent (decomposed text)


@settings(max_examples=500, deadline=None)
@given(pair=st.one_of(marked_arabic(), marked_latin()))
def test_marks_inside_a_name_do_not_change_its_key(pair):
    name, written = pair
    assert fold(written) == fold(name)


@SETTINGS
@given(pair=marked_arabic(), proclitic=st.sampled_from(['', 'و', 'ب']))
def test_arabic_names_with_marks_are_found_at_their_exact_offsets(geoparser, pair, proclitic):
    name, written = pair
    text = f'قالت مصادر محلية إن الوفد وصل إلى {proclitic}{written} مساء الثلاثاء.'
    result = geoparser.parse(text)
    assert_spans_exact(result, text)
    at = text.index(written)
    found = [m for m in result.mentions if m.place is not None and m.start <= at + 1 and m.end == at + len(written)]
    assert found, [(m.surface, m.start, m.end) for m in result.mentions]
    assert result.places[found[0].place].name == AR_NAMES[name]


@SETTINGS
@given(pair=marked_latin())
def test_latin_names_with_invisible_characters_are_found_at_their_exact_offsets(geoparser, pair):
    name, written = pair
    text = f'Aid convoys reached {written} on Monday, officials said.'
    result = geoparser.parse(text)
    assert_spans_exact(result, text)
    at = text.index(written)
    found = [m for m in result.mentions if m.place is not None and (m.start, m.end) == (at, at + len(written))]
    assert found and result.places[found[0].place].name == name


@SETTINGS
@given(names=st.lists(st.sampled_from(['Genève', 'Mosul', 'Erbil', 'حلب', 'الموصل', 'Beijing']), min_size=1, max_size=4),
       form=st.sampled_from(['NFC', 'NFD', 'NFKC', 'NFKD']))
def test_normalisation_forms_keep_names_and_offsets(geoparser, names, form):
    """The same report in any Unicode normalisation form names the same places, each span
    pointing into that form of the text."""
    base = 'The delegation visited ' + ', then '.join(names) + ' last week.'
    text = unicodedata.normalize(form, base)
    r = geoparser.parse(text, lang='en')
    assert_spans_exact(r, text)
    want = geoparser.parse(base, lang='en')
    assert [r.places[m.place].id for m in r.mentions if m.place is not None] == \
        [want.places[m.place].id for m in want.mentions if m.place is not None]


# ---- HTML ------------------------------------------------------------------------------------------

WORDS = st.sampled_from(['Aid', 'reached', 'Mosul', 'and', 'Erbil', 'وصل', 'الوفد', 'إلى', 'حلب', 'convoy',
                         'a&b', '<tag>', '"q"', "it's", '٣', 'Genève', 'x<y', '{{7*7}}', '${x}'])
HIDDEN = st.sampled_from(['<script>var Raqqa = "<p>Beijing</p>";</script>', '<style>.Raqqa{color:red}</style>',
                          '<!-- Beijing -->', '<noscript>Raqqa</noscript>', '<template><p>Beijing</p></template>',
                          '<svg><text>Raqqa</text></svg>'])
INLINE = st.sampled_from([('<b>', '</b>'), ('<i>', '</i>'), ('<span class="x">', '</span>'), ('<a href="#">', '</a>')])
BLOCK = st.sampled_from(['<p>', '</p>', '<br>', '<div>', '</div>', '<li>', '<h2>', '</h2>', '<tr><td>'])


@st.composite
def pages(draw):
    words = draw(st.lists(WORDS, min_size=1, max_size=30))
    parts = ['<html><head>', draw(HIDDEN), '</head><body>']
    for w in words:
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(draw(BLOCK))
        elif kind == 1:
            parts.append(draw(HIDDEN))
        if draw(st.booleans()):
            a, b = draw(INLINE)
            parts.append(f'{a}{html.escape(w)}{b}')
        else:
            parts.append(html.escape(w, quote=draw(st.booleans())))
        parts.append(draw(st.sampled_from([' ', '\n', ' \u00a0', '&nbsp;', '  \t'])))
    parts.append('</body></html>')
    return words, ''.join(parts)


@SETTINGS
@given(page=pages())
def test_html_extraction_keeps_the_visible_words_and_exact_offsets(geoparser, page):
    from geo.text.html import html_to_text

    words, markup = page
    text = html_to_text(markup)
    assert text.split() == words                       # every visible word, in order, nothing else
    result = geoparser.parse(text)
    assert_spans_exact(result, text)
    assert not {'Raqqa', 'Beijing'} & {result.places[m.place].name for m in result.mentions if m.place is not None}


# ---- decoding --------------------------------------------------------------------------------------

PLAIN = st.text(st.characters(exclude_categories=('Cs', 'Cc'), include_characters='\n\t\r'), min_size=1, max_size=200)


@settings(max_examples=500, deadline=None)
@given(text=PLAIN)
def test_utf8_utf16_utf32_round_trip(text):
    assume(not text.startswith('\ufeff'))
    assert decode(text.encode('utf-8')) == text
    assert decode(codecs.BOM_UTF8 + text.encode('utf-8')) == text
    assert decode(text.encode('utf-16')) == text
    assert decode(text.encode('utf-32')) == text


AR_WORDS = ['قصفت', 'الطائرات', 'مدينة', 'حلب', 'الموصل', 'أربيل', 'وصل', 'الوفد', 'إلى', 'من', 'في', 'على', 'قرية',
            'بلدة', 'محافظة', 'دير', 'الزور', 'الميادين', 'سوريا', 'العراق', 'قالت', 'مصادر', 'محلية', 'اليوم',
            'صباح', 'مساء', 'النهر', 'عائلات', 'نزحت', 'نحو', 'الحدود', 'كل', 'هذا', 'هي', 'حطلة', 'جنيف', 'بكين']
SHARED_LETTERS = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي'      # letters both code pages have


@st.composite
def arabic_texts(draw):
    """Arabic made of real words, with some letter salad (names no dictionary knows) among them:
    at most one salad word for two real ones.  (A text of salad alone reads as well one way as
    the other: no decoder can be held to it.)"""
    words = draw(st.lists(st.sampled_from(AR_WORDS), min_size=1, max_size=12))
    salad = draw(st.lists(st.text(st.sampled_from(SHARED_LETTERS), min_size=1, max_size=7), max_size=len(words) // 2))
    order = draw(st.permutations(words + salad))
    return draw(st.sampled_from([' ', ' . ', '\n', ' 12 ', ', '])).join(order)


@settings(max_examples=500, deadline=None)
@given(text=arabic_texts(), encoding=st.sampled_from(['cp1256', 'iso8859_6']))
def test_legacy_arabic_is_decoded_exactly_or_refused(text, encoding):
    try:
        got = decode(text.encode(encoding))
    except DecodeError as e:
        assert 'UTF-8' in str(e)
        return
    assert got == text


def test_legacy_arabic_sentences_are_decoded(tmp_path):
    """Not everything is refused: sentences of a few words decode in both code pages."""
    for text in ['قصفت الطائرات مدينة حلب', 'نزحت عائلات من قرية حطلة نحو الحدود', 'وصل الوفد إلى الموصل']:
        for enc in ('cp1256', 'iso8859_6'):
            assert decode(text.encode(enc)) == text, (text, enc)


# ---- readers -----------------------------------------------------------------------------------------

LINE_CHUNKS = st.sampled_from([b'{', b'}', b'"id"', b'"text"', b':', b',', b' ', b'"Mosul"', b'1e999', b'[', b']',
                               b'null', b'\\ud800', b'\\u0000', b'"', b'\xff', b'\xd8\xad', b'\xc7\xe1', b'\x00', b'\r',
                               b'\xef\xbb\xbf', b'\xe2\x80\xa8', '"حلب"'.encode()])
LINES = st.lists(st.one_of(st.lists(LINE_CHUNKS, max_size=12).map(b''.join), st.binary(max_size=30),
                           st.builds(lambda i, t: json.dumps({'id': i, 'text': t}).encode(),
                                     st.one_of(st.none(), st.integers(), st.floats(), st.text(ANY_CHAR, max_size=5)),
                                     st.text(ANY_CHAR, max_size=20))),
                 max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_jsonl_reader_gives_one_item_per_line_and_never_raises(tmp_path_factory, lines):
    from geo.inputs import iter_jsonl

    lines = [l.replace(b'\n', b' ') for l in lines]
    # a file opening with a UTF-16/32 BOM or with NULs in its first four bytes (an empty first line
    # included) is decoded whole as UTF-16/32 (by design): its lines are not the byte lines
    data = b'\n'.join(lines)
    assume(not (b'\x00' in data[:4] or data.startswith((b'\xff\xfe', b'\xfe\xff'))))
    path = tmp_path_factory.mktemp('jsonl') / 'docs.jsonl'
    path.write_bytes(data)
    items = list(iter_jsonl(path))
    where = [int(i.where.rsplit(':', 1)[1]) for i in items]
    assert where == sorted(set(where))                    # at most one item per line, in order
    for n, line in enumerate(lines, start=1):
        if any(0x21 <= b <= 0x7e for b in line):          # a line with anything visible in it
            assert n in where, (n, line)
    ids = [i.id for i in items]
    assert len(set(ids)) == len(ids)                      # every record keeps its own id
    for i in items:
        assert (i.text is None) != (i.error is None)
        if i.error:
            assert i.error.startswith(f'{path}:')
        else:
            i.text.encode('utf-8')                        # no lone surrogate survives
        i.id.encode('utf-8')


CELL = st.one_of(st.text(ANY_CHAR, max_size=8), st.sampled_from(['35.3', '200', '-180', '180', 'nan', '٣٥٫٣', '40,5',
                                                                  '"', '""', ';', '\t', '|', '\n', 'city', 'SY', '']))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(['name', 'names', 'lat', 'lon', 'type', 'country', 'id', 'population', 'x']),
                       min_size=1, max_size=8),
       rows=st.lists(st.lists(CELL, max_size=9), max_size=6), delim=st.sampled_from([',', ';', '\t']),
       encoding=st.sampled_from(['utf-8', 'utf-8-sig', 'utf-16', 'cp1256']))
def test_user_gazetteer_is_valid_places_or_file_line_errors(tmp_path_factory, header, rows, delim, encoding):
    from gazetteer.sources.user import read_places

    text = '\n'.join(delim.join(r) for r in [header] + rows) + '\n'
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode('utf-8', 'surrogatepass')
    path = tmp_path_factory.mktemp('gaz') / 'places.csv'
    path.write_bytes(data)
    try:
        places = read_places(path)
    except GazetteerError as e:
        for line in str(e).splitlines():
            assert line.startswith(f'{path}:'), line
        return
    for p in places:
        assert -90 <= p.lat <= 90 and -180 < p.lon <= 180
        assert fold(p.name) or any(fold(n) for n in p.names)
        assert len({q.id for q in places}) == len(places)


@settings(max_examples=1000, deadline=None)
@given(doc_id=st.one_of(st.text(ANY_CHAR, max_size=300), st.sampled_from(['..', '.', '../../x', '/etc/x', '~', ''])))
def test_file_names_from_ids_stay_in_the_folder(doc_id):
    from geo.export.files import safe_stem

    stem = safe_stem(doc_id)
    name = f'.{stem}.geojson.abcdefgh.tmp'                # the longest name written (the temporary file)
    assert len(name.encode('utf-8')) <= 255
    assert '/' not in stem and '\x00' not in stem and stem not in ('', '.', '..') and not stem.startswith('.')
    out = Path('/tmp/out-folder')
    assert (out / f'{stem}.geojson').resolve().parent == out
