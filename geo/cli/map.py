"""`geo map FILE`: maps of one document (HTML, PNG, SVG, PDF) and its data (GeoJSON, CSV, ...)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError, OutputError
from .common import STDIN, add_command, add_parse_flags, build_progress, parse_settings, path_or_stdin, quiet

FORMATS = ('html', 'png', 'svg', 'pdf', 'geojson', 'csv', 'gpkg', 'jsonl')


def add_parser(sub) -> None:
    p = add_command(sub, 'map', help='draw maps of a document (HTML, PNG, SVG, PDF) and write its data')
    p.add_argument('file', type=path_or_stdin, metavar='FILE',
                   help='one document: .txt, .html, .pdf, .docx, .eml/.msg (the message, and each PDF or Word '
                        'attachment mapped as a document of its own), a one-line .jsonl, or an http(s) URL (its '
                        'article is fetched, the page saved in DIR/pages/); - reads a text document from stdin '
                        '(id "stdin", so the files are named stdin.*)')
    p.add_argument('-o', '--output', type=Path, default=Path('outputs'), metavar='DIR', help='folder for the files')
    p.add_argument('--formats', default='html,png,geojson', help=f'comma-separated, of: {",".join(FORMATS)}')
    p.add_argument('--title', help='map title (default: the record\'s title in a .jsonl or .csv, else the text\'s '
                                   'headline, its first line when it reads like one: at most 120 characters and '
                                   '20 words, no final full stop, more text after it; else the file name without '
                                   'its extension)')
    p.add_argument('--label-lang', choices=('ar', 'en', 'both'),
                   help='language of the labels on the maps (default: the document\'s); places are named as '
                        'the text spells them, the gazetteer\'s name beside it in the HTML map')
    p.add_argument('--dpi', type=int, default=200, help='dots per inch of the static maps')
    p.add_argument('--size', default='A4', help='page of the static maps: A3, A4, A5, letter or WxH in inches')
    p.add_argument('--review-db', type=Path, metavar='DB',
                   help='apply the decisions of `geo review` kept in DB (its .geo-review.sqlite): they win over '
                        'the parser for their names (default: none)')
    add_parse_flags(p, old_lang_flag='--doc-lang')


def _formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(',') if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise InputError(f'--formats: unknown format(s) {", ".join(bad)}; use {", ".join(FORMATS)}')
    if not formats:
        raise InputError(f'--formats: give at least one of {", ".join(FORMATS)}')
    return formats


def run(args) -> int:
    from ..inputs import iter_items, note_offsets, stream_item
    from ..outputs import write_outputs
    from ..review.apply import with_decisions
    from ..settings import open_geoparser

    settings = parse_settings(args)
    formats = _formats(args.formats)
    if not 10 <= args.dpi <= 1200:
        raise InputError(f'--dpi {args.dpi}: give the dots per inch of the static maps, from 10 to 1200')
    if {'png', 'svg', 'pdf'} & set(formats):
        from ..maps.page import parse_size
        parse_size(args.size)          # a bad --size is refused before any output is written
    if isinstance(args.file, Path) and args.file.is_dir():
        raise InputError(f'{args.file}: is a directory; `geo map` takes one document (use `geo batch` for a folder)')
    if args.output.exists() and not args.output.is_dir():
        raise OutputError(f'{args.output}: exists and is not a folder; give a folder for the outputs')
    items = ([stream_item(sys.stdin.buffer)] if args.file == STDIN
             else list(iter_items(args.file, cache=args.output / 'pages')))
    mail = isinstance(args.file, Path) and args.file.suffix.lower() in ('.eml', '.msg')
    if len(items) != 1 and not mail:
        raise InputError(f'{args.file}: `geo map` takes one document; use `geo batch` for {len(items)}')
    item = items[0]
    if not item.ok:
        raise InputError(item.error)
    review = _review_store(args)
    gp = open_geoparser(settings, progress=build_progress(quiet(args)))
    result = with_decisions(note_offsets(gp.parse(item.text, item.id, lang=settings.lang), item.meta), review)
    try:
        written = write_outputs(result, args.output, formats, title=args.title, dpi=args.dpi,
                                size=args.size, label_lang=args.label_lang, meta=item.meta, gazetteer=gp.index)
    except OSError as e:
        raise OutputError(f'{e.filename or args.output}: cannot write ({e.strerror or e})') from None
    failed = _attachments(items[1:], gp, settings, args, formats, written, review)
    for p in written:
        print(p)
    n = len(result.places)
    if not quiet(args):
        print(f'{n} place{"s" if n != 1 else ""}, {len(result.unresolved)} unresolved name(s)', file=sys.stderr)
    return 2 if failed else 0


def _review_store(args):
    """The decisions of --review-db (read only), or None."""
    if not args.review_db:
        return None
    from ..review.store import Store
    return Store(args.review_db, readonly=True)


def _attachments(items: list, gp, settings, args, formats: list[str], written: list, review=None) -> int:
    """Map the attachments of an e-mail (documents MESSAGE#NAME) as documents of their own; one
    that cannot be read is one line on stderr.  Returns how many failed."""
    from ..inputs import note_offsets
    from ..outputs import write_outputs
    from ..review.apply import with_decisions

    failed = 0
    for item in items:
        if not item.ok:
            print(item.error, file=sys.stderr)
            failed += 1
            continue
        result = with_decisions(note_offsets(gp.parse(item.text, item.id, lang=settings.lang), item.meta), review)
        try:
            written += write_outputs(result, args.output, formats, title=args.title, dpi=args.dpi,
                                     size=args.size, label_lang=args.label_lang, meta=item.meta, gazetteer=gp.index)
        except OSError as e:
            raise OutputError(f'{e.filename or args.output}: cannot write ({e.strerror or e})') from None
    return failed
