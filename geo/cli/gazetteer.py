"""`geo gazetteer build | lookup | info | add | import | download` (geo.gazetteer_admin)."""
from __future__ import annotations

from pathlib import Path

from .common import add_command, build_progress, quiet


def add_parser(sub) -> None:
    g = add_command(sub, 'gazetteer', help='build, inspect and extend the place index')
    gsub = g.add_subparsers(dest='gcommand', required=True)
    b = add_command(gsub, 'build', help='build the index now (it is built on first use anyway)')
    b.add_argument('--force', action='store_true', help='rebuild even when nothing changed')
    lk = add_command(gsub, 'lookup', help='the best candidates for a name')
    lk.add_argument('name', help='a place name, in any script')
    lk.add_argument('--json', action='store_true', help='print the candidates as JSON')
    lk.add_argument('--limit', type=int, default=10, help='how many candidates to show')
    lk.add_argument('--gazetteer', action='append', default=[], metavar='FILE',
                    help='extra places for this lookup (CSV or GeoJSON); repeatable (default: none)')
    add_command(gsub, 'info', help='sources, entry counts, languages')
    ad = add_command(gsub, 'add', help='add a CSV or GeoJSON of your own places for good')
    ad.add_argument('file', type=Path, help='a CSV (name, names, lat, lon, type, country, parent) or GeoJSON')
    im = add_command(gsub, 'import', help='import downloaded GeoNames dump files')
    im.add_argument('kind', choices=('geonames',), help='the kind of files')
    im.add_argument('files', nargs='+', type=Path, help='country files (SY.zip, allCountries.zip) and alternate names')
    dl = add_command(gsub, 'download', help='download GeoNames country files (needs the network)')
    dl.add_argument('countries', nargs='+', metavar='CC', help='ISO country codes, e.g. SY IQ')
    dl.add_argument('--base-url', default='https://download.geonames.org/export/dump/',
                    help='where the dump files are')
    dl.add_argument('--no-alternate-names', action='store_true', help='skip the alternate names file')


def run(args) -> int:
    from ..gazetteer_admin import info, lookup, manage

    cmd, progress = args.gcommand, build_progress(quiet(args))
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
