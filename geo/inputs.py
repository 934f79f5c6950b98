"""Reading documents: a .txt file (one document, id = file stem), a .jsonl file (one document a
line: id, text, optional date, title, url), an .html file (its visible text), a CSV with those
columns, or a folder of .txt files.  Every input line or file yields exactly one Item: a
document or an error saying what is wrong and where."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from gazetteer.textio import DecodeError, decode

from .errors import InputError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class Item:
    id: str
    text: str | None = None         # None when the item is an error
    error: str | None = None
    where: str = ''                 # file and line, for error messages
    meta: dict = field(default_factory=dict)   # date, title, url when given

    @property
    def ok(self) -> bool:
        return self.error is None


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f'{path}: no such file')
    if path.is_dir():
        raise InputError(f'{path}: is a directory; give a file (or use `geo batch` for a folder)')
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f'{path}: {size // (1024 * 1024)} MB is more than the {MAX_BYTES // (1024 * 1024)} MB a document may have')
        return path.read_bytes()
    except PermissionError:
        raise InputError(f'{path}: permission denied') from None
    except OSError as e:
        raise InputError(f'{path}: cannot read ({e.strerror})') from None


def read_text_file(path: Path) -> str:
    try:
        text = decode(read_bytes(path), str(path))
    except DecodeError as e:
        raise InputError(str(e)) from None
    if path.suffix.lower() in ('.html', '.htm'):
        from .text.html import html_to_text
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f'{path}: the document is empty')
    return text


def _check_text(text, where: str) -> str | None:
    if not isinstance(text, str):
        return f'{where}: "text" is missing or not a string'
    if not text.strip():
        return f'{where}: the text is empty'
    if '\x00' in text:
        return f'{where}: the text holds binary data (NUL characters)'
    return None


def _doc_id(value, fallback: str) -> str:
    if value is None or value == '':
        return fallback
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    return fallback


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, error) for each line, streamed: one line in memory at a time, and
    each line decoded on its own so that one binary or mis-encoded line is an error for that
    line only.  UTF-16 files (rare for JSONL) are decoded whole."""
    if not path.exists():
        raise InputError(f'{path}: no such file')
    if path.is_dir():
        raise InputError(f'{path}: is a directory; give a file')
    try:
        f = open(path, 'rb')
    except OSError as e:
        raise InputError(f'{path}: cannot read ({e.strerror})') from None
    with f:
        head = f.read(2)
        f.seek(0)
        if head in (b'\xff\xfe', b'\xfe\xff'):
            try:
                data = decode(read_bytes(path), str(path))
            except DecodeError as e:
                raise InputError(str(e)) from None
            for n, line in enumerate(data.split('\n'), start=1):  # not splitlines(): U+2028
                yield n, line, None
            return
        for n, raw in enumerate(f, start=1):
            if n == 1 and raw.startswith(b'\xef\xbb\xbf'):
                raw = raw[3:]
            if raw.endswith(b'\n'):
                raw = raw[:-1]
            if len(raw) > MAX_BYTES:
                yield n, None, f'{path}:{n}: the line is longer than {MAX_BYTES // (1024 * 1024)} MB'
                continue
            try:
                yield n, raw.decode('utf-8'), None
            except UnicodeDecodeError:
                try:
                    yield n, decode(raw, f'{path}:{n}'), None
                except DecodeError as e:
                    yield n, None, str(e)


def iter_jsonl(path: Path) -> Iterator[Item]:
    seen: dict[str, int] = {}
    for n, line, bad in _jsonl_lines(path):
        where = f'{path}:{n}'
        fallback = f'{path.stem}:{n}'
        if bad is not None:
            yield Item(id=fallback, error=bad, where=where)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Item(id=fallback, error=f'{where}: not valid JSON ({e.msg})', where=where)
            continue
        if not isinstance(obj, dict):
            yield Item(id=fallback, error=f'{where}: a JSON object with "id" and "text" was expected', where=where)
            continue
        doc_id = _doc_id(obj.get('id'), fallback)
        if doc_id in seen:
            doc_id = f'{doc_id}#{n}'
        seen[doc_id] = n
        err = _check_text(obj.get('text'), where)
        meta = {k: obj[k] for k in ('date', 'title', 'url') if isinstance(obj.get(k), str)}
        if err:
            yield Item(id=doc_id, error=err, where=where, meta=meta)
        else:
            yield Item(id=doc_id, text=obj['text'], where=where, meta=meta)


def iter_csv(path: Path) -> Iterator[Item]:
    try:
        data = decode(read_bytes(path), str(path))
    except DecodeError as e:
        raise InputError(str(e)) from None
    reader = csv.DictReader(io.StringIO(data, newline=''))
    if not reader.fieldnames or 'text' not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError(f'{path}:1: the CSV header needs a "text" column (and "id"; optional date, title, url)')
    seen: set[str] = set()
    for row in reader:
        row = {(k or '').strip().lower(): v for k, v in row.items()}
        n = reader.line_num
        where = f'{path}:{n}'
        doc_id = _doc_id(row.get('id'), f'{path.stem}:{n}')
        if doc_id in seen:
            doc_id = f'{doc_id}#{n}'
        seen.add(doc_id)
        err = _check_text(row.get('text'), where)
        meta = {k: row[k] for k in ('date', 'title', 'url') if row.get(k)}
        yield Item(id=doc_id, text=None if err else row['text'], error=err, where=where, meta=meta)


def iter_folder(path: Path) -> Iterator[Item]:
    for p in sorted(path.iterdir()):
        if p.suffix.lower() not in ('.txt', '.html', '.htm') or not p.is_file():
            continue
        try:
            yield Item(id=p.stem, text=read_text_file(p), where=str(p))
        except InputError as e:
            yield Item(id=p.stem, error=str(e), where=str(p))


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
        yield Item(id=path.stem, text=read_text_file(path), where=str(path))
