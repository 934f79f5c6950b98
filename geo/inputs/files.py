"""Document files by their suffix: .txt (and any unknown suffix) and .html read here; .pdf,
.docx, .eml and .msg read in the sandbox (geo.inputs.sandbox) by their readers.  A file gives
one Item, or several (an e-mail and its attachments: ids MESSAGE#ATTACHMENT); a folder gives the
documents of every file in it and in its subfolders (hidden ones and the batch state left out)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .base import HTML_SUFFIXES, Item, file_id, is_html, read_bytes, read_text_file

BINARY_KINDS = {'.pdf': 'pdf', '.docx': 'docx', '.eml': 'eml', '.msg': 'msg'}
DOC_SUFFIXES = ('.txt',) + HTML_SUFFIXES + tuple(BINARY_KINDS)     # the documents of a folder


def file_items(path: Path, doc_id: str) -> list[Item]:
    """The documents of one file; a file that cannot be read is one error Item."""
    kind = BINARY_KINDS.get(path.suffix.lower())
    try:
        if kind is None:
            text = read_text_file(path)
            return [Item(id=doc_id, text=text, where=str(path), meta={'offsets': 'html-text'} if is_html(path) else {})]
        from .sandbox import run
        docs = run(kind, read_bytes(path), str(path))
    except InputError as e:
        return [Item(id=doc_id, error=str(e), where=str(path))]
    items = []
    for d in docs:
        where = f'{path}{d["suffix"]}'
        if d.get('error'):
            items.append(Item(id=doc_id + d['suffix'], error=d['error'], where=where))
        else:
            items.append(Item(id=doc_id + d['suffix'], text=d['text'], where=where, meta=d['meta']))
    return items


def folder_files(path: Path) -> list[Path]:
    """The document files of a folder and its subfolders, sorted by their path in it; hidden
    files and folders (.geo-batch, .git) left out, symbolic links to folders not followed."""
    try:
        os.listdir(path)
    except OSError as e:
        raise InputError(f'{path}: cannot list the folder ({e.strerror})') from None
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for name in files:
            p = Path(root) / name
            if not name.startswith('.') and p.suffix.lower() in DOC_SUFFIXES and p.is_file():
                out.append(p)
    return sorted(out, key=lambda p: p.relative_to(path).parts)


def folder_id(path: Path, root: Path) -> str:
    """A file's id in a folder: its name without the suffix, with its subfolders before it
    (sub/report)."""
    rel = path.relative_to(root)
    return '/'.join([file_id(Path(part)) if i == len(rel.parts) - 1 else file_id(Path(part + '.x'))
                     for i, part in enumerate(rel.parts)])


def iter_folder(path: Path) -> Iterator[Item]:
    for p in folder_files(path):
        yield from file_items(p, folder_id(p, path))
