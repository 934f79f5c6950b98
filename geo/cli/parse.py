"""`geo parse FILE...`: the places of documents as JSON Lines on stdout, one line a document
(`-` reads one text document from stdin)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from .common import STDIN, add_command, add_parse_flags, build_progress, parse_settings, path_or_stdin, quiet


def add_parser(sub) -> None:
    p = add_command(sub, 'parse', help='print the places of documents as JSON Lines (scorer format)')
    p.add_argument('files', nargs='+', type=path_or_stdin, metavar='FILE',
                   help='.txt, .html, .pdf, .docx, .eml/.msg (with their PDF and Word attachments), .jsonl (id, '
                        'text or url) or .csv; an http(s) URL is fetched (its article); - reads one text document '
                        'from stdin (id "stdin")')
    add_parse_flags(p)


def run(args) -> int:
    from ..export.jsonl import dumps
    from ..inputs import iter_items, note_offsets, stream_item
    from ..settings import open_geoparser

    if args.files.count(STDIN) > 1:
        raise InputError('-: stdin is one document; give - once')
    settings = parse_settings(args)
    gp = open_geoparser(settings, progress=build_progress(quiet(args)))
    failed = 0
    out = sys.stdout
    for path in args.files:
        if isinstance(path, Path) and path.is_dir():
            raise InputError(f'{path}: is a directory; give files (or use `geo batch {path} -o DIR`)')
        for item in [stream_item(sys.stdin.buffer)] if path == STDIN else iter_items(path):
            if not item.ok:
                failed += 1
                print(item.error, file=sys.stderr)
                out.write(json.dumps({'id': item.id, 'error': item.error, 'toponyms': []}, ensure_ascii=False) + '\n')
                continue
            result = note_offsets(gp.parse(item.text, item.id, lang=settings.lang), item.meta)
            out.write(dumps(result) + '\n')
    out.flush()
    return 2 if failed else 0
