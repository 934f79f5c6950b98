"""`geo batch INPUT -o DIR`: a progress bar and one line per failed record on stderr, the files
written on stdout; exit code 0, or 2 when any input record failed (see DIR/errors.jsonl)."""
from __future__ import annotations

import sys
from pathlib import Path

from .common import add_command, add_parse_flags, build_progress, parse_settings, quiet

MAX_ERROR_LINES = 20


def add_parser(sub) -> None:
    p = add_command(sub, 'batch', help='parse a corpus (folder, JSONL or CSV) into places and combined maps',
                       description='Parse every document of INPUT (a folder of .txt, .html, .pdf, .docx, .eml and '
                       '.msg files, subfolders too; a JSONL file with id, text and optional date, title, url, a '
                       'record with a url and no text being fetched; or a CSV with those columns) into DIR: places.jsonl, '
                       'errors.jsonl, and the files of --formats: places.csv, places.geojson, places.gpkg, map.html, '
                       'map.png.',
                       epilog='Every input record ends up in places.jsonl or in errors.jsonl.  Exit code: 0 when '
                       'every document was parsed, 2 when any failed (see DIR/errors.jsonl) or the input or '
                       'options are wrong; 130 when interrupted (run again with --resume).')
    p.add_argument('input', type=Path, metavar='INPUT', help='a folder of documents, a .jsonl or a .csv file')
    p.add_argument('-o', '--output', type=Path, required=True, metavar='DIR', help='folder for the files (required)')
    p.add_argument('--workers', type=int, default=0, metavar='N', help='worker processes (default: 0, all cores)')
    p.add_argument('--resume', action='store_true', help='continue an interrupted run')
    p.add_argument('--engine', choices=('local', 'dask'), default='local',
                   help='local processes, or Dask (pip install "geo-textmap[dask]")')
    p.add_argument('--scheduler', metavar='ADDRESS', help='Dask scheduler (default: a LocalCluster)')
    p.add_argument('--formats', default='csv,geojson,html,png', metavar='LIST',
                   help='comma-separated, of: csv, geojson, gpkg (GeoPackage), html, png (default: csv,geojson,html,png); '
                   'places.jsonl and errors.jsonl are always written')
    p.add_argument('--no-maps', action='store_true', help='skip the combined maps (html, png)')
    p.add_argument('--title', help='title of the combined maps (default: a generic one)')
    p.add_argument('--review-db', type=Path, metavar='DB',
                   help='apply the decisions of `geo review` kept in DB (its .geo-review.sqlite): they win over '
                        'the parser for their names (default: none)')
    add_parse_flags(p)


class Bar:
    """The documents bar, opened once the input is counted (after any index build's own bar),
    and the first MAX_ERROR_LINES error lines written above it."""

    def __init__(self, quiet: bool = False):
        self.bar = None
        self.quiet = quiet
        self.errors = 0

    def total(self, n: int | None, done: int) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0   # no monitor thread (worker processes are forked)
        self.bar = tqdm(desc='geo batch', unit=' docs', file=sys.stderr, disable=True if self.quiet else None,
                        dynamic_ncols=True, smoothing=0.1, total=n)
        if done:
            self.bar.update(done)

    def update(self, k: int) -> None:
        self.bar.update(k)

    def error(self, msg: str) -> None:
        self.errors += 1
        if self.errors <= MAX_ERROR_LINES:
            self.bar.write(' '.join(msg.split()), file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args) -> int:
    from ..batch import Options, run as run_batch

    settings = parse_settings(args)
    opts = Options(input=args.input, output=args.output, workers=args.workers, resume=args.resume,
                   engine=args.engine, scheduler=args.scheduler, maps=not args.no_maps, formats=args.formats,
                   title=args.title, review_db=args.review_db)
    bar = Bar(quiet(args))
    try:
        s = run_batch(settings, opts, build_progress=build_progress(quiet(args)), progress=bar.update,
                      on_error=bar.error, total=bar.total)
    finally:
        bar.close()
    if bar.errors > MAX_ERROR_LINES:
        print(f'... and {bar.errors - MAX_ERROR_LINES} more errors: see {opts.output / "errors.jsonl"}', file=sys.stderr)
    for p in s.written:
        print(p)
    if quiet(args):
        return 2 if s.errors else 0
    rate = s.parsed / s.seconds if s.seconds else 0.0
    where = f' (in {opts.output / "errors.jsonl"})' if s.errors else ''
    print(f'{s.records} records: {s.records - s.errors} documents, {s.errors} errors{where}; {s.places} places; '
          f'parsed {s.parsed} now ({rate:.1f} docs/s), {s.skipped} were done already'
          + (f'; {s.changed} had changed since the last run' if s.changed else '')
          + (f'; {s.dropped} no longer in the input' if s.dropped else ''), file=sys.stderr)
    return 2 if s.errors else 0
