"""The `geo` command: thin, and the only code that reads argparse arguments.  Each command is a
module here (parse, map, batch, eval, gazetteer, review) with its `add_parser(subparsers)` and
`run(args)`; it turns the arguments into settings (geo.settings) and plain parameters once and
calls the API.  This package owns the progress bars, stdout and the exit codes (0 done, 2 the
user's input is wrong: one line on stderr saying what and where, 130 interrupted)."""
from __future__ import annotations

import argparse
import logging
import sys

from gazetteer.errors import GazetteerError

from ..errors import GeoError
from . import batch, eval, gazetteer, map, parse, review
from .common import HelpFormatter, add_verbosity

COMMANDS = {'parse': parse, 'map': map, 'batch': batch, 'eval': eval, 'gazetteer': gazetteer, 'review': review}


def version() -> str:
    from gazetteer.versions import version as installed

    return installed('geo-textmap') or 'unknown (not installed)'   # (a source tree never installed)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog='geo', description='Find the places a news report names and map them.',
                                 formatter_class=HelpFormatter)
    ap.add_argument('--version', action='version', version=f'%(prog)s {version()}')
    add_verbosity(ap, top=True)
    sub = ap.add_subparsers(dest='command', required=True)
    for command in COMMANDS.values():
        command.add_parser(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    level = {1: logging.INFO, -1: logging.ERROR}.get(args.verbosity, logging.WARNING)
    logging.basicConfig(level=level, format='%(levelname)s %(name)s: %(message)s')
    try:
        return COMMANDS[args.command].run(args)
    except (GeoError, GazetteerError) as e:
        print(str(e), file=sys.stderr)  # messages start with FILE[:LINE]: what is wrong
        return 2
    except KeyboardInterrupt:
        print('geo: interrupted', file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
