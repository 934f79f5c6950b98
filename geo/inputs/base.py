"""What every input reader shares: the Item a reader yields for each document (or error), the
size bound, reading a file's bytes, decoding a text file, file ids, and copying what an input
says of its text (offsets, pages) onto the document's Result."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from gazetteer.textio import DecodeError, decode

from ..errors import InputError
from ..model import Result

MAX_BYTES = 200 * 1024 * 1024
HTML_SUFFIXES = ('.html', '.htm', '.xhtml')
SURROGATE = re.compile('[\ud800-\udfff]')


class ReaderError(Exception):
    """What is wrong with a document file, said to the user (a reader raises it; the sandbox
    turns it into an InputError)."""


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
    """Copy what an input says of its text onto the document's Result: the offsets note
    (meta['offsets']: 'html-text' for an HTML file, 'pdf-text', 'docx-text', 'email-text',
    'article-text') and the source's address (meta['url']), so that the JSON record says them;
    and, for a paged source (meta['pages']: the offset where each page starts), each mention's
    page number (1 = the first page).  Returns the Result."""
    for k in ('offsets', 'url'):
        if meta.get(k):
            result.meta[k] = meta[k]
    starts = meta.get('pages')
    if starts:
        for m in result.mentions:
            m.page = max(1, bisect_right(starts, m.start))
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
        from ..text.html import html_to_text
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
    return stem.encode('utf-8', 'surrogateescape').decode('utf-8', 'backslashreplace') if SURROGATE.search(stem) else stem


_BLANK = re.compile('[\\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*')


def is_blank(text: str) -> bool:
    """Nothing but white space and invisible marks (bidi, zero-width, soft hyphen)."""
    return _BLANK.fullmatch(text) is not None
