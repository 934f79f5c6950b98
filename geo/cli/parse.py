"""`geo parse FILE...`: the places of documents as JSON Lines on stdout, one line a document."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from .common import add_parse_flags, build_progress, parse_settings


def add_parser(sub) -> None:
    p = sub.add_parser('parse', help='print the places of documents as JSON Lines (scorer format)')
    p.add_argument('files', nargs='+', type=Path, metavar='FILE', help='.txt, .html or .jsonl (id, text)')
    add_parse_flags(p)


def run(args) -> int:
    from ..export.jsonl import dumps
    from ..inputs import iter_items, note_offsets
    from ..settings import open_geoparser

    settings = parse_settings(args)
    gp = open_geoparser(settings, progress=build_progress())
    failed = 0
    out = sys.stdout
    for path in args.files:
        if path.is_dir():
            raise InputError(f'{path}: is a directory; give files (or use `geo batch {path} -o DIR`)')
        for item in iter_items(path):
            if not item.ok:
                failed += 1
                print(item.error, file=sys.stderr)
                out.write(json.dumps({'id': item.id, 'error': item.error, 'toponyms': []}, ensure_ascii=False) + '\n')
                continue
            result = note_offsets(gp.parse(item.text, item.id, lang=settings.lang), item.meta)
            out.write(dumps(result) + '\n')
    out.flush()
    return 2 if failed else 0
