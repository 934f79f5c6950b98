"""Reading documents, one reader per format:

    base.py      Item, reading bytes, decoding a text file (.txt), file ids, note_offsets
    records.py   .jsonl (one document a line) and .csv/.tsv (one a row)
    files.py     a file by its suffix, and folders with their subfolders
    pdftext.py   .pdf: the text layer page by page (rtl.py: presentation forms, visual order)
    word.py      .docx: headers, paragraphs and tables in reading order
    mail.py      .eml and .msg: subject and body; PDF and Word attachments as documents
    sandbox.py   the child process the binary readers run in (bounded memory and time)
    web.py       a URL: the article's text, title and date

Every input line, row or file yields Items: a document, or an error saying what is wrong and
where (`FILE:LINE` for JSONL lines and CSV rows).  What the offsets of a result refer to is the
text of the Item (the README's "What the offsets refer to" and each reader's doc say which);
an Item's meta says it ('offsets': 'html-text', 'pdf-text', ...) and, for a PDF, where each page
starts, which `note_offsets` turns into each mention's page."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .base import (HTML_SUFFIXES, MAX_BYTES, Item, ReaderError, file_id, is_blank, is_html, note_offsets,
                   read_bytes, read_text_file, stream_item, text_of_bytes)
from .files import DOC_SUFFIXES, file_items, folder_files, iter_folder
from .records import iter_csv, iter_jsonl
from .web import is_url, read_url

TEXT_SUFFIXES = DOC_SUFFIXES        # the documents of a folder (its former name)

__all__ = ['Item', 'ReaderError', 'MAX_BYTES', 'HTML_SUFFIXES', 'TEXT_SUFFIXES', 'DOC_SUFFIXES', 'file_id',
           'is_blank', 'is_html', 'note_offsets', 'read_bytes', 'read_text_file', 'stream_item', 'text_of_bytes',
           'file_items', 'folder_files', 'iter_folder', 'iter_csv', 'iter_jsonl', 'is_url', 'read_url', 'iter_items']


def iter_items(path: str | Path, cache: Path | None = None, reuse: bool = False) -> Iterator[Item]:
    """Every document of an input (a file, a folder or a URL), as Items (errors included).
    `cache`: the folder fetched pages are saved in (`reuse`: read a page from there when it is
    already saved).  Raises InputError when the input as a whole cannot be read."""
    if is_url(path):
        item = read_url(str(path), cache=cache, reuse=reuse)
        if not item.ok:
            raise InputError(item.error)
        yield item
        return
    path = Path(path)
    if path.is_dir():
        yield from iter_folder(path)
        return
    suffix = path.suffix.lower()
    if suffix in ('.jsonl', '.ndjson'):
        yield from iter_jsonl(path, cache=cache, reuse=reuse)
    elif suffix in ('.csv', '.tsv'):
        yield from iter_csv(path, cache=cache, reuse=reuse)
    else:
        items = file_items(path, file_id(path))
        if len(items) == 1 and not items[0].ok:
            raise InputError(items[0].error)
        yield from items
