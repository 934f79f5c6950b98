"""Write the files `geo map` produces for one Result: maps and data, named after the document.
`meta` is what the input says of the document (date, title, url), for the data files."""
from __future__ import annotations

from pathlib import Path

from .export.files import atomic_write_text, safe_stem
from .model import Result


def write_outputs(result: Result, folder: Path, formats: list[str], title: str | None = None, dpi: int = 200,
                  size: str = 'A4', label_lang: str | None = None, meta: dict | None = None) -> list[Path]:
    folder = Path(folder)
    stem = safe_stem(result.id)
    written: list[Path] = []
    for fmt in formats:
        target = folder / f'{stem}.{fmt}'
        if fmt == 'geojson':
            from .export.geojson import dumps
            written.append(atomic_write_text(target, dumps([result], [meta or {}])))
        elif fmt == 'jsonl':
            from .export.jsonl import dumps
            written.append(atomic_write_text(target, dumps(result) + '\n'))
        elif fmt == 'html':
            from .maps import html
            written.append(html.write(result, target, title=title, label_lang=label_lang))
        elif fmt in ('png', 'svg', 'pdf'):
            from .maps import static
            written.append(static.write(result, target, title=title, dpi=dpi, size=size, label_lang=label_lang))
        elif fmt == 'csv':
            from .export.csv import write
            written.append(write([result], target, [meta or {}]))
        elif fmt == 'gpkg':
            from .export.gpkg import write
            written.append(write([result], target, [meta or {}]))
    return written
