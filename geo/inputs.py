"""Reading documents: a .txt file (one document, id = file stem), a .jsonl file (one document a
line: id, text, optional date, title, url), an .html file (its visible text), a CSV with those
columns, or a folder of .txt/.html files.  Every input line or file yields exactly one Item: a
document or an error saying what is wrong and where (`FILE:LINE` for JSONL lines and CSV rows).

What the offsets of a result refer to:
- .txt (and any other suffix): the decoded text (UTF-8, UTF-16/32 with or without BOM, or a
  legacy code page, see gazetteer.textio), with a leading BOM dropped and line ends kept as they
  are (a CRLF counts two characters); a few damaged UTF-8 bytes each become one U+FFFD.
- .html / .htm: the visible text extracted by geo.text.html.html_to_text, which
  `read_text_file` returns; the item's meta then says {"offsets": "html-text"} and the JSON
  record carries it.
- JSONL / CSV: the "text" value as given.  A lone surrogate (JSON allows "\\ud800", Unicode
  does not) becomes U+FFFD, one character for one, so offsets do not move.

Ids: a string, or a number written as JSON writes it; anything else (null, true, a list, an
object) gives the record the id FILE_STEM:LINE.  A repeated id gets '#LINE' appended, so every
record keeps its own id."""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from gazetteer.textio import DecodeError, decode

from .errors import InputError
from .model import Result

MAX_BYTES = 200 * 1024 * 1024
HTML_SUFFIXES = ('.html', '.htm', '.xhtml')
TEXT_SUFFIXES = ('.txt',) + HTML_SUFFIXES     # the documents of a folder


@dataclass(slots=True)
class Item:
    id: str
    text: str | None = None         # None when the item is an error
    error: str | None = None
    where: str = ''                 # file and line, for error messages
    meta: dict = field(default_factory=dict)   # date, title, url when given; offsets for HTML

    @property
    def ok(self) -> bool:
        return self.error is None


def note_offsets(result: Result, meta: dict) -> Result:
    """Copy the offsets note of an input record (meta['offsets']: 'html-text' for an HTML file)
    onto its Result, so that the JSON record says what the offsets count.  Returns the Result."""
    if meta.get('offsets'):
        result.meta['offsets'] = meta['offsets']
    return result


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f'{path}: no such file')
    if path.is_dir():
        raise InputError(f'{path}: is a directory; give a file (or use `geo batch` for a folder)')
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f'{path}: {size // (1024 * 1024)} MB is more than the {MAX_BYTES // (1024 * 1024)} MB a document may have')
        with open(path, 'rb') as f:       # bounded: a device or a pipe (/dev/zero) has no size
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f'{path}: more than the {MAX_BYTES // (1024 * 1024)} MB a document may have')
        return data
    except PermissionError:
        raise InputError(f'{path}: permission denied') from None
    except OSError as e:
        raise InputError(f'{path}: cannot read ({e.strerror})') from None


def is_html(path: Path) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES


def read_text_file(path: Path) -> str:
    """The text of a document file, the one its results' offsets refer to (for HTML: the
    extracted visible text)."""
    return text_of_bytes(read_bytes(path), str(path), html=is_html(path))


def text_of_bytes(data: bytes, where: str, html: bool = False) -> str:
    """A document's bytes decoded as a text file's are (`where` starts the error messages)."""
    try:
        text = decode(data, where, damaged='replace')
    except DecodeError as e:
        raise InputError(str(e)) from None
    if html:
        from .text.html import html_to_text
        text = html_to_text(text)
    if is_blank(text):
        raise InputError(f'{where}: the document is empty')
    if '\x00' in text:
        raise InputError(f'{where}: the text holds binary data (NUL characters)')
    return text


def stream_item(stream: BinaryIO, doc_id: str = 'stdin', where: str = 'stdin') -> Item:
    """The one document of a byte stream (`geo parse -` reads stdin), decoded as a text file is;
    its offsets count that text.  Raises InputError when it cannot be read as a document."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f'{where}: more than the {MAX_BYTES // (1024 * 1024)} MB a document may have')
    return Item(id=doc_id, text=text_of_bytes(data, where), where=where)


def file_id(path: Path) -> str:
    """The id of a document file: its name without the suffix; bytes of the name that are not
    UTF-8 are written as escapes (\\xff), so that the id is text and stays unique."""
    stem = path.stem
    return stem.encode('utf-8', 'surrogateescape').decode('utf-8', 'backslashreplace') if _SURROGATE.search(stem) else stem


def _item_of_file(path: Path, doc_id: str) -> Item:
    try:
        text = read_text_file(path)
    except InputError as e:
        return Item(id=doc_id, error=str(e), where=str(path))
    return Item(id=doc_id, text=text, where=str(path), meta={'offsets': 'html-text'} if is_html(path) else {})


_SURROGATE = re.compile('[\ud800-\udfff]')
_BLANK = re.compile('[\\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*')


def is_blank(text: str) -> bool:
    """Nothing but white space and invisible marks (bidi, zero-width, soft hyphen)."""
    return _BLANK.fullmatch(text) is not None


def _clean(s: str) -> str:
    """A string from JSON with any lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub('\ufffd', s) if _SURROGATE.search(s) else s


def _check_text(text, where: str) -> str | None:
    if not isinstance(text, str):
        return f'{where}: "text" is missing or not a string'
    if is_blank(text):
        return f'{where}: the text is empty'
    if '\x00' in text:
        return f'{where}: the text holds binary data (NUL characters)'
    return None


def _doc_id(value, fallback: str) -> str:
    if value is None or value == '' or isinstance(value, bool):
        return fallback
    if isinstance(value, str):
        return _clean(value) if value.strip() else fallback
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return json.dumps(value)
    return fallback


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, error) for each line, streamed: one line in memory at a time, and
    each line decoded on its own so that one binary or mis-encoded line is an error for that
    line only.  UTF-16 and UTF-32 files (rare for JSONL) are decoded whole."""
    if not path.exists():
        raise InputError(f'{path}: no such file')
    if path.is_dir():
        raise InputError(f'{path}: is a directory; give a file')
    try:
        f = open(path, 'rb')
    except OSError as e:
        raise InputError(f'{path}: cannot read ({e.strerror})') from None
    with f:
        head = f.read(4)
        f.seek(0)
        bom = head.startswith((b'\xff\xfe', b'\xfe\xff', b'\x00\x00\xfe\xff'))
        if bom or b'\x00' in head:      # UTF-16 or UTF-32: decoded whole
            try:
                data = decode(read_bytes(path), str(path), damaged='replace')
            except DecodeError:
                data = None             # not UTF-16/32 after all: each line on its own below
            if data is not None:
                for n, line in enumerate(data.split('\n'), start=1):  # not splitlines(): U+2028
                    yield n, line.removesuffix('\r'), None
                return
        for n, raw in enumerate(_bounded_lines(f), start=1):
            if raw is None:
                yield n, None, f'{path}:{n}: the line is longer than {MAX_BYTES // (1024 * 1024)} MB'
                continue
            if n == 1 and raw.startswith(b'\xef\xbb\xbf'):
                raw = raw[3:]
            if raw.endswith(b'\n'):
                raw = raw[:-1]
            if b'\x00' in raw:
                yield n, None, f'{path}:{n}: binary data (NUL bytes), not a line of text'
                continue
            try:
                yield n, raw.decode('utf-8'), None
            except UnicodeDecodeError:
                try:
                    yield n, decode(raw, f'{path}:{n}', damaged='replace'), None
                except DecodeError as e:
                    yield n, None, str(e)


def _bounded_lines(f) -> Iterator[bytes | None]:
    """The lines of a binary file, each read with a bound: a line longer than MAX_BYTES is None
    (and skipped to its end without being kept), so a file with no line break takes no memory."""
    while True:
        raw = f.readline(MAX_BYTES + 1)
        if not raw:
            return
        if len(raw) <= MAX_BYTES or raw.endswith(b'\n'):
            yield raw
            continue
        while raw and not raw.endswith(b'\n'):
            raw = f.readline(1 << 20)
        yield None


def _load_json(line: str):
    """json.loads, with every way it can fail turned into a message."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as e:
        return None, f'not valid JSON ({e.msg}, column {e.colno})'
    except RecursionError:
        return None, 'not usable JSON (nested too deeply)'
    except ValueError as e:          # an integer of more than 4300 digits
        return None, f'not usable JSON ({str(e).split(";")[0]})'


def iter_jsonl(path: Path) -> Iterator[Item]:
    seen: set[str] = set()
    for n, line, bad in _jsonl_lines(path):
        where = f'{path}:{n}'
        fallback = f'{file_id(path)}:{n}'
        if bad is not None:
            yield Item(id=fallback, error=bad, where=where)
            continue
        if not line.strip():
            continue
        obj, err = _load_json(line)
        if err:
            yield Item(id=fallback, error=f'{where}: {err}', where=where)
            continue
        if not isinstance(obj, dict):
            yield Item(id=fallback, error=f'{where}: a JSON object with "id" and "text" was expected', where=where)
            continue
        doc_id = _doc_id(obj.get('id'), fallback)
        if doc_id in seen:
            doc_id = f'{doc_id}#{n}'
        seen.add(doc_id)
        err = _check_text(obj.get('text'), where)
        meta = {k: _clean(obj[k]) for k in ('date', 'title', 'url') if isinstance(obj.get(k), str)}
        if err:
            yield Item(id=doc_id, error=err, where=where, meta=meta)
        else:
            yield Item(id=doc_id, text=_clean(obj['text']), where=where, meta=meta)


_CSV_DELIMITERS = (',', ';', '\t', '|')


def _csv_delimiter(header: str, suffix: str) -> str:
    """The delimiter of a documents CSV: the one that makes a "text" column of the header (a
    .tsv file: tab first)."""
    order = ('\t',) + _CSV_DELIMITERS if suffix == '.tsv' else _CSV_DELIMITERS
    for d in order:
        try:
            cells = next(csv.reader([header], delimiter=d))
        except (csv.Error, StopIteration):
            continue
        if 'text' in (c.strip().lower() for c in cells):
            return d
    return order[0]


def iter_csv(path: Path) -> Iterator[Item]:
    try:
        data = decode(read_bytes(path), str(path), damaged='replace')
    except DecodeError as e:
        raise InputError(str(e)) from None
    csv.field_size_limit(MAX_BYTES)       # a long article is one field
    delim = _csv_delimiter(data.split('\n', 1)[0], path.suffix.lower())
    reader = csv.reader(io.StringIO(data, newline=''), delimiter=delim, strict=True)
    try:
        header = [(h or '').strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    if 'text' not in header:
        raise InputError(f'{path}:1: the CSV header needs a "text" column (and "id"; optional date, title, url)')
    seen: set[str] = set()
    last = reader.line_num
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            last = reader.line_num
            what = ('a quoted field opened on this line is never closed (the rest of the file is inside it)'
                    if 'end of data' in str(e) else f'broken CSV ({e})')
            yield Item(id=f'{file_id(path)}:{start}', error=f'{path}:{start}: {what}', where=f'{path}:{start}')
            continue
        last = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row: dict[str, str] = {}
        for k, v in zip(header, cells):
            row.setdefault(k, v)          # a repeated column: the first one counts
        where = f'{path}:{start}'
        doc_id = _doc_id(row.get('id'), f'{file_id(path)}:{start}')
        if doc_id in seen:
            doc_id = f'{doc_id}#{start}'
        seen.add(doc_id)
        err = _check_text(row.get('text'), where)
        if err and 'text' not in row:
            err = f'{where}: {len(cells)} field{"s" if len(cells) != 1 else ""} and no "text" (the header has {len(header)} columns)'
        meta = {k: row[k] for k in ('date', 'title', 'url') if row.get(k)}
        yield Item(id=doc_id, text=None if err else row['text'], error=err, where=where, meta=meta)


def iter_folder(path: Path) -> Iterator[Item]:
    try:
        entries = sorted(path.iterdir())
    except OSError as e:
        raise InputError(f'{path}: cannot list the folder ({e.strerror})') from None
    for p in entries:
        if p.suffix.lower() not in TEXT_SUFFIXES or not p.is_file():
            continue
        yield _item_of_file(p, file_id(p))


def iter_items(path: str | Path) -> Iterator[Item]:
    """Every document of an input, as Items (errors included).  Raises InputError when the
    input as a whole cannot be read."""
    path = Path(path)
    if path.is_dir():
        yield from iter_folder(path)
        return
    suffix = path.suffix.lower()
    if suffix in ('.jsonl', '.ndjson'):
        yield from iter_jsonl(path)
    elif suffix in ('.csv', '.tsv'):
        yield from iter_csv(path)
    else:
        item = _item_of_file(path, file_id(path))
        if not item.ok:
            raise InputError(item.error)
        yield item
