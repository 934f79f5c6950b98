"""Documents given as records: a .jsonl file (one document a line: id, text, optional date,
title, url) or a CSV with those columns.  Every line or row yields exactly one Item, a document
or an error saying what is wrong and where (`FILE:LINE`).  The offsets of a record's result
count its "text" value as given; a lone surrogate (JSON allows "\\ud800", Unicode does not)
becomes U+FFFD, one character for one, so offsets do not move.

Ids: a string, or a number written as JSON writes it; anything else (null, true, a list, an
object) gives the record the id FILE_STEM:LINE.  A repeated id gets '#LINE' appended, so every
record keeps its own id.  A record with a "url" and no "text" is fetched (geo.inputs.web): the
user gave that address to be read."""
from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Iterator

from gazetteer.textio import DecodeError, decode

from ..errors import InputError
from .base import MAX_BYTES, SURROGATE, Item, file_id, is_blank, read_bytes
from .web import is_url, read_url


def _clean(s: str) -> str:
    """A string from JSON with any lone surrogate replaced by U+FFFD (same length)."""
    return SURROGATE.sub('\ufffd', s) if SURROGATE.search(s) else s


def _fetched(url: str, doc_id: str, where: str, meta: dict, cache: Path | None, reuse: bool) -> Item:
    """The record's document fetched from its url (it has no text)."""
    item = read_url(url, doc_id, cache=cache, reuse=reuse, meta=meta)
    if not item.ok:
        item.error = f'{where}: {item.error}'
    item.where = where
    return item


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


def iter_jsonl(path: Path, cache: Path | None = None, reuse: bool = False) -> Iterator[Item]:
    """The documents of a JSON Lines file; `cache`, `reuse`: for records fetched by their url
    (geo.inputs.web.read_url)."""
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
        if obj.get('text') is None and is_url(meta.get('url')):
            yield _fetched(meta['url'], doc_id, where, meta, cache, reuse)
        elif err:
            yield Item(id=doc_id, error=err, where=where, meta=meta)
        else:
            yield Item(id=doc_id, text=_clean(obj['text']), where=where, meta=meta)


_CSV_DELIMITERS = (',', ';', '\t', '|')


def _csv_delimiter(header: str, suffix: str) -> str:
    """The delimiter of a documents CSV: the one that makes a "text" (or "url") column of the header (a
    .tsv file: tab first)."""
    order = ('\t',) + _CSV_DELIMITERS if suffix == '.tsv' else _CSV_DELIMITERS
    for d in order:
        try:
            cells = next(csv.reader([header], delimiter=d))
        except (csv.Error, StopIteration):
            continue
        if {'text', 'url'} & {c.strip().lower() for c in cells}:
            return d
    return order[0]


def iter_csv(path: Path, cache: Path | None = None, reuse: bool = False) -> Iterator[Item]:
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
    if 'text' not in header and 'url' not in header:
        raise InputError(f'{path}:1: the CSV header needs a "text" column (or a "url" column of articles to fetch; and "id"; optional date, title, url)')
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
        if not (row.get('text') or '').strip() and is_url(row.get('url', '').strip()):
            yield _fetched(row['url'].strip(), doc_id, where, meta, cache, reuse)
            continue
        yield Item(id=doc_id, text=None if err else row['text'], error=err, where=where, meta=meta)
