"""Write the files `geo map` produces for one Result: maps and data, named after the document.
`meta` is what the input says of the document (date, title, url), for the data files and the
maps' title.  The maps label each place as the text spells it (geo.maps.spelling); the data
files keep the gazetteer's names."""
from __future__ import annotations

import re
from pathlib import Path

from .export.files import atomic_write_text, safe_stem
from .model import Result

HEADLINE_CHARS = 120
HEADLINE_WORDS = 20
# a first line ending with one of these runs on into the next: hard-wrapped text, not a headline
RUN_ON = {'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by',
          'between', 'near', 'as', 'that', 'في', 'من', 'على', 'إلى', 'عن', 'مع', 'بين', 'قرب'}


def map_title(result: Result, meta: dict | None = None) -> str:
    """The title of a document's maps when none is given: the input's title (a JSONL or CSV
    record's), else the text's headline, its first line when it reads like one (at most 120
    characters and 20 words, not ending a sentence with a full stop nor running on into the next
    line, and followed by more text), else the document's id (a file's name without its
    extension)."""
    given = ' '.join(str((meta or {}).get('title') or '').split())
    if given:
        return given
    lines = [ln.strip() for ln in result.text.lstrip('\ufeff').strip().splitlines()]
    first = ' '.join(lines[0].lstrip('#').split()) if lines else ''
    rest = next((ln for ln in lines[1:] if ln), '')
    if (first and rest and len(first) <= HEADLINE_CHARS and len(first.split()) <= HEADLINE_WORDS
            and not re.search(r'(?<!\.)[.۔]$|[,،;:\-–—]$', first) and not rest[:1].islower()
            and first.split()[-1].lower() not in RUN_ON):
        return first
    return result.id


def write_outputs(result: Result, folder: Path, formats: list[str], title: str | None = None, dpi: int = 200,
                  size: str = 'A4', label_lang: str | None = None, meta: dict | None = None,
                  gazetteer=None, subtitle: str = '') -> list[Path]:
    """`gazetteer` (the parser's Index): the static maps' reference places, the largest places in
    their frame that the text does not name; None draws none.  `subtitle`: a line under the static
    maps' title."""
    from .maps.spelling import as_written

    folder = Path(folder)
    stem = safe_stem(result.id)
    title = title or map_title(result, meta)
    labelled = as_written(result)       # the maps' view: places named as the text writes them
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
            written.append(html.write(labelled, target, title=title, label_lang=label_lang))
        elif fmt in ('png', 'svg', 'pdf'):
            from .maps import static
            written.append(static.write(labelled, target, title=title, dpi=dpi, size=size, label_lang=label_lang,
                                        gazetteer=gazetteer, subtitle=subtitle))
        elif fmt == 'csv':
            from .export.csv import write
            written.append(write([result], target, [meta or {}]))
        elif fmt == 'gpkg':
            from .export.gpkg import write
            written.append(write([result], target, [meta or {}]))
    return written
