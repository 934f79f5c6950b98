"""`geo gazetteer build | lookup | info | add | import | download` (geo.gazetteer_admin)."""
from __future__ import annotations

from pathlib import Path

from .common import build_progress


def add_parser(sub) -> None:
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


def run(args) -> int:
    from ..gazetteer_admin import info, lookup, manage

    cmd, progress = args.gcommand, build_progress()
    if cmd == 'build':
        return manage.build(force=args.force, progress=progress)
    if cmd == 'lookup':
        return lookup.show_lookup(args.name, args.gazetteer, limit=args.limit, as_json=args.json, progress=progress)
    if cmd == 'info':
        return info.info(progress=progress)
    if cmd == 'add':
        return manage.add(args.file, progress=progress)
    if cmd == 'import':
        return manage.import_geonames(args.files, progress=progress)
    return manage.download(args.countries, base_url=args.base_url, alternate_names=not args.no_alternate_names,
                           progress=progress)
