"""The `geo` command: thin.  Parses arguments, calls the API, owns progress bars, stdout and exit
codes (0 done, 2 the user's input is wrong; one line on stderr saying what and where)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from gazetteer.errors import GazetteerError

from .errors import GeoError, InputError, OutputError

FORMATS = ('html', 'png', 'svg', 'pdf', 'geojson', 'csv', 'gpkg', 'jsonl')


def _common(p: argparse.ArgumentParser, lang_flag: str = '--lang') -> None:
    p.add_argument('--gazetteer', action='append', default=[], metavar='FILE',
                   help='extra places for this run (CSV or GeoJSON); repeatable')
    p.add_argument('--min-confidence', type=float, default=None, metavar='X',
                   help='keep a name when its score (the probability that it names a place) is at '
                        'least X, 0..1, or X/2 for famous names and names the document surely uses for a '
                        'place elsewhere; lower for recall, higher for precision (default: the threshold '
                        'tuned for the language, about 0.35-0.45)')
    p.add_argument('--bias-country', metavar='CC', help='prefer places in this country (ISO code, e.g. SY)')
    p.add_argument('--bias-bbox', metavar='W,S,E,N', help='prefer places inside this box (degrees)')
    p.add_argument(lang_flag, dest='lang', choices=('ar', 'en'), help='document language (default: detected)')
    p.add_argument('--fuzzy', action=argparse.BooleanOptionalAction, default=True,
                   help='also match near misses of gazetteer names (default: on)')
    p.add_argument('--demonyms', action=argparse.BooleanOptionalAction, default=None,
                   help='tag demonyms (Russian, السوري) as the places they name '
                        '(default: on for English, off for Arabic)')


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog='geo', description='Find the places a news report names and map them.')
    ap.add_argument('-v', '--verbose', action='store_true')
    sub = ap.add_subparsers(dest='command', required=True)

    p = sub.add_parser('parse', help='print the places of documents as JSON Lines (scorer format)')
    p.add_argument('files', nargs='+', type=Path, metavar='FILE', help='.txt, .html or .jsonl (id, text)')
    _common(p)

    p = sub.add_parser('map', help='draw maps of a document (HTML, PNG, SVG, PDF) and write its data')
    p.add_argument('file', type=Path, metavar='FILE')
    p.add_argument('-o', '--output', type=Path, default=Path('outputs'), metavar='DIR')
    p.add_argument('--formats', default='html,png,geojson', help=f'comma-separated, of: {",".join(FORMATS)}')
    p.add_argument('--title', help='map title (default: the document id)')
    p.add_argument('--lang', dest='label_lang', choices=('ar', 'en', 'both'),
                   help='label language (default: the document\'s)')
    p.add_argument('--dpi', type=int, default=200)
    p.add_argument('--size', default='A4', help='A4, A5 or WxH in inches (static maps)')
    _common(p, lang_flag='--doc-lang')

    p = sub.add_parser('batch', help='parse a corpus (folder, JSONL or CSV) into places and combined maps',
                       description='Parse every document of INPUT (a folder of .txt/.html files, a JSONL file with '
                       'id, text and optional date, title, url, or a CSV with those columns) into DIR: places.jsonl, '
                       'errors.jsonl, places.csv, places.geojson, map.html, map.png.',
                       epilog='Every input record ends up in places.jsonl or in errors.jsonl.  Exit code: 0 when '
                       'every document was parsed, 2 when any failed (see DIR/errors.jsonl) or the input or '
                       'options are wrong; 130 when interrupted (run again with --resume).')
    p.add_argument('input', type=Path, metavar='INPUT')
    p.add_argument('-o', '--output', type=Path, required=True, metavar='DIR')
    p.add_argument('--workers', type=int, default=0, help='processes (default: all cores)')
    p.add_argument('--resume', action='store_true', help='continue an interrupted run')
    p.add_argument('--engine', choices=('local', 'dask'), default='local')
    p.add_argument('--scheduler', metavar='ADDRESS', help='Dask scheduler (default: a LocalCluster)')
    p.add_argument('--no-maps', action='store_true', help='skip the combined maps')
    p.add_argument('--title', help='title of the combined maps')
    _common(p)

    p = sub.add_parser('eval', help='score the parser on a gold file (the evaluation scorer\'s metrics)')
    p.add_argument('gold', type=Path, metavar='GOLD.jsonl')
    p.add_argument('--show-errors', action='store_true')
    p.add_argument('--json', action='store_true')
    _common(p)

    g = sub.add_parser('gazetteer', help='build, inspect and extend the place index')
    gsub = g.add_subparsers(dest='gcommand', required=True)
    b = gsub.add_parser('build', help='build the index now (it is built on first use anyway)')
    b.add_argument('--force', action='store_true', help='rebuild even when nothing changed')
    lk = gsub.add_parser('lookup', help='the best candidates for a name')
    lk.add_argument('name')
    lk.add_argument('--json', action='store_true')
    lk.add_argument('--limit', type=int, default=10)
    lk.add_argument('--gazetteer', action='append', default=[], metavar='FILE')
    gsub.add_parser('info', help='sources, entry counts, languages')
    ad = gsub.add_parser('add', help='add a CSV or GeoJSON of your own places for good')
    ad.add_argument('file', type=Path)
    im = gsub.add_parser('import', help='import downloaded GeoNames dump files')
    im.add_argument('kind', choices=('geonames',))
    im.add_argument('files', nargs='+', type=Path)
    dl = gsub.add_parser('download', help='download GeoNames country files (needs the network)')
    dl.add_argument('countries', nargs='+', metavar='CC')
    dl.add_argument('--base-url', default='https://download.geonames.org/export/dump/')
    dl.add_argument('--no-alternate-names', action='store_true')
    return ap


def _geoparser(args):
    from .pipeline import Geoparser
    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise InputError(f'--min-confidence {args.min_confidence}: give a number between 0 and 1')
    bbox = None
    if getattr(args, 'bias_bbox', None):
        try:
            bbox = tuple(float(x) for x in args.bias_bbox.split(','))
            assert len(bbox) == 4 and all(-180 <= v <= 180 for v in bbox[::2]) and all(-90 <= v <= 90 for v in bbox[1::2])
        except (ValueError, AssertionError):
            raise InputError(f'--bias-bbox {args.bias_bbox!r}: give W,S,E,N in degrees') from None
    return Geoparser(gazetteers=args.gazetteer, min_confidence=args.min_confidence,
                     bias_country=args.bias_country, bias_bbox=bbox, demonyms=args.demonyms, fuzzy=args.fuzzy,
                     progress=_build_progress())


def _build_progress():
    """A progress callback for index builds (first use), printed to stderr."""
    state = {'bar': None}

    def cb(source: str, n: int) -> None:
        if state['bar'] is None:
            from tqdm import tqdm
            state['bar'] = tqdm(desc='building the gazetteer index', unit=' places', file=sys.stderr,
                                disable=not sys.stderr.isatty())
        state['bar'].set_postfix_str(source)
        state['bar'].update(n - state['bar'].n if n > state['bar'].n else 0)
    return cb


def cmd_parse(args) -> int:
    from .export.jsonl import dumps
    from .inputs import iter_items

    gp = _geoparser(args)
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
            result = gp.parse(item.text, item.id, lang=args.lang)
            if item.meta.get('offsets'):
                result.meta['offsets'] = item.meta['offsets']
            out.write(dumps(result) + '\n')
    out.flush()
    return 2 if failed else 0


def cmd_map(args) -> int:
    from .inputs import iter_items
    from .outputs import write_outputs

    formats = [f.strip().lower() for f in args.formats.split(',') if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise InputError(f'--formats: unknown format(s) {", ".join(bad)}; use {", ".join(FORMATS)}')
    if not formats:
        raise InputError(f'--formats: give at least one of {", ".join(FORMATS)}')
    if not 10 <= args.dpi <= 1200:
        raise InputError(f'--dpi {args.dpi}: give the dots per inch of the static maps, from 10 to 1200')
    if {'png', 'svg', 'pdf'} & set(formats):
        from .maps.static import parse_size
        parse_size(args.size)          # a bad --size is refused before any output is written
    if args.file.is_dir():
        raise InputError(f'{args.file}: is a directory; `geo map` takes one document (use `geo batch` for a folder)')
    items = list(iter_items(args.file))
    if len(items) != 1:
        raise InputError(f'{args.file}: `geo map` takes one document; use `geo batch` for {len(items)}')
    item = items[0]
    if not item.ok:
        raise InputError(item.error)
    if args.output.exists() and not args.output.is_dir():
        raise OutputError(f'{args.output}: exists and is not a folder; give a folder for the outputs')
    gp = _geoparser(args)
    result = gp.parse(item.text, item.id, lang=args.lang)
    if item.meta.get('offsets'):
        result.meta['offsets'] = item.meta['offsets']
    try:
        written = write_outputs(result, args.output, formats, title=args.title, dpi=args.dpi,
                                size=args.size, label_lang=args.label_lang)
    except OSError as e:
        raise OutputError(f'{e.filename or args.output}: cannot write ({e.strerror or e})') from None
    for p in written:
        print(p)
    n = len(result.places)
    print(f'{n} place{"s" if n != 1 else ""}, {len(result.unresolved)} unresolved name(s)', file=sys.stderr)
    return 0


def cmd_batch(args) -> int:
    from .batch import run_batch
    return run_batch(args, _geoparser)


def cmd_eval(args) -> int:
    from .evaluate import run_eval
    return run_eval(args)


def cmd_gazetteer(args) -> int:
    from . import gazetteer_cli
    return gazetteer_cli.run(args, _build_progress)


COMMANDS = {'parse': cmd_parse, 'map': cmd_map, 'batch': cmd_batch, 'eval': cmd_eval, 'gazetteer': cmd_gazetteer}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format='%(levelname)s %(name)s: %(message)s')
    try:
        return COMMANDS[args.command](args)
    except (GeoError, GazetteerError) as e:
        print(str(e), file=sys.stderr)  # messages start with FILE[:LINE]: what is wrong
        return 2
    except KeyboardInterrupt:
        print('geo: interrupted', file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == '__main__':
    sys.exit(main())
