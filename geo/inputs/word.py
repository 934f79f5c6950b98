"""A Word file (.docx) as text, in reading order (python-docx): the page headers first (each
distinct one once), then the body's paragraphs and tables as they come, a table row by row and
each cell on a line of its own (a merged cell once; tables in cells too).  One line a paragraph.
Right-to-left paragraphs are stored in logical order and stay so.  The offsets of the result
count this text (meta['offsets'] = 'docx-text').  The title and creation date of the document's
properties, when set, become its title and date.

The package is checked before it is opened: a part that inflates to more than MAX_PART_BYTES,
or a package to more than MAX_TOTAL_BYTES, is a zip bomb and refused."""
from __future__ import annotations

import io
import zipfile

from .base import ReaderError

MAX_PART_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_PARTS = 10_000


def check_package(data: bytes, where: str) -> None:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ReaderError(f'{where}: not a Word (.docx) file (not a zip package); '
                          'an old .doc file must be saved as .docx first') from None
    infos = z.infolist()
    if len(infos) > MAX_PARTS:
        raise ReaderError(f'{where}: {len(infos)} parts in the package: a zip bomb? (nothing read from it)')
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise ReaderError(f'{where}: {info.filename} inflates to {info.file_size // (1024 * 1024)} MB: '
                              'a zip bomb? (nothing read from it)')
    if 'word/document.xml' not in z.namelist():
        raise ReaderError(f'{where}: not a Word document (no word/document.xml in the package)')


def _cells(row) -> list:
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _blocks(container) -> list[str]:
    """The lines of a body, header or cell: paragraphs, and tables cell by cell."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in _cells(row):
                    lines.extend(_blocks(cell))
        else:
            lines.append(block.text)
    return lines


def read(data: bytes, where: str) -> list[dict]:
    """The one document of a .docx: [{'text', 'meta'}], or raises ReaderError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_package(data, where)
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise ReaderError(f'{where}: a damaged Word file ({type(e).__name__}: {str(e)[:120]})') from None
    lines: list[str] = []
    seen_headers: set[str] = set()
    for section in d.sections:
        for header in (section.first_page_header, section.header):
            if header.is_linked_to_previous and section is not d.sections[0]:
                continue
            text = '\n'.join(ln for ln in _blocks(header) if ln.strip())
            if text and text not in seen_headers:
                seen_headers.add(text)
                lines.append(text)
    lines.extend(_blocks(d))
    text = '\n'.join(ln.rstrip() for ln in lines).strip('\n')
    if not text.strip():
        raise ReaderError(f'{where}: the Word document has no text')
    meta: dict = {'offsets': 'docx-text'}
    props = d.core_properties
    if props.title and props.title.strip():
        meta['title'] = ' '.join(props.title.split())[:300]
    if props.created is not None:
        meta['date'] = props.created.date().isoformat()
    return [{'text': text, 'meta': meta}]
