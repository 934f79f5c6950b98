"""`geo review [FILE|FOLDER|JSONL]`: check and correct the places in a browser (geo.review)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from .common import add_command, add_parse_flags, build_progress, parse_settings, quiet

DB_NAME = '.geo-review.sqlite'


def add_parser(sub) -> None:
    p = add_command(sub, 'review', help='check and correct the places of documents in a browser, then export',
                    description='Start a local web app to review the places of INPUT (a document, a folder of '
                    '.txt/.html files, a JSONL or CSV of documents): pick other candidates, search the gazetteer, '
                    'put names on the map, mark false places, add missed names, remember places in your own '
                    'gazetteer, and export the corrected maps, data and gold JSONL.',
                    epilog='The decisions are kept in an SQLite file; `geo map --review-db DB` and `geo batch '
                    '--review-db DB` draw with them applied.  The server listens on 127.0.0.1 only, and every '
                    'request needs the token in the printed address.')
    p.add_argument('input', type=Path, metavar='FILE|FOLDER|JSONL', help='the documents to review')
    p.add_argument('--db', type=Path, metavar='FILE',
                   help=f'the decisions file (default: {DB_NAME} in the input\'s folder)')
    p.add_argument('-o', '--output', type=Path, metavar='DIR',
                   help='where exports are written (default: review-exports in the input\'s folder)')
    p.add_argument('--port', type=int, default=0, help='the port (default: 0, a free one)')
    p.add_argument('--host', default='127.0.0.1',
                   help='the address to listen on; anything but 127.0.0.1 / ::1 lets other machines reach '
                        'the app (with the token)')
    p.add_argument('--no-browser', action='store_true', help='print the address, do not open a browser')
    add_parse_flags(p)


def run(args) -> int:
    from ..review.server import App, serve
    from ..review.session import Review
    from ..review.store import Store
    from ..settings import open_geoparser

    if not args.input.exists():
        raise InputError(f'{args.input}: no such file or folder')
    if not 0 <= args.port <= 65535:
        raise InputError(f'--port {args.port}: give a port from 0 to 65535')
    folder = (args.input if args.input.is_dir() else args.input.parent).resolve()
    settings = parse_settings(args)
    store = Store(args.db or folder / DB_NAME)
    gp = open_geoparser(settings, progress=build_progress(quiet(args)))
    review = Review.from_input(args.input, store, gp, lang=settings.lang)
    if not review.documents:
        raise InputError(f'{args.input}: no documents to review')
    state = App(review, args.output or folder / 'review-exports')

    def ready(url: str) -> None:
        print(url, flush=True)
        if not quiet(args):
            print(f'reviewing {len(review.documents)} document(s); decisions in {store.path}; Ctrl-C stops',
                  file=sys.stderr, flush=True)
        if not args.no_browser:
            import webbrowser
            webbrowser.open(url)

    try:
        serve(state, host=args.host, port=args.port, ready=ready)
    except OSError as e:
        raise InputError(f'--host {args.host} --port {args.port}: cannot listen ({e.strerror or e})') from None
    finally:
        store.close()
    return 0
