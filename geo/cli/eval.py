"""`geo eval GOLD.jsonl`: score the parser on a gold file (geo.evaluate)."""
from __future__ import annotations

from pathlib import Path

from .common import add_command, add_parse_flags, build_progress, parse_settings, quiet


def add_parser(sub) -> None:
    p = add_command(sub, 'eval', help='score the parser on a gold file (the evaluation scorer\'s metrics)')
    p.add_argument('gold', type=Path, metavar='GOLD.jsonl', help='documents with their gold toponyms')
    p.add_argument('--show-errors', action='store_true', help='list the spans and places the parser got wrong')
    p.add_argument('--json', action='store_true', help='print the metrics as JSON')
    add_parse_flags(p)


def run(args) -> int:
    from ..evaluate import run_eval

    return run_eval(parse_settings(args), args.gold, show_errors=args.show_errors, as_json=args.json,
                    progress=build_progress(quiet(args)))
