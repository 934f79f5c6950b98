"""What the commands share: the parse flags of parse, map, batch and eval, turned into a
ParseSettings once; the progress bar of an index build."""
from __future__ import annotations

import argparse
import sys

from ..settings import ParseSettings


def add_parse_flags(p: argparse.ArgumentParser, lang_flag: str = '--lang') -> None:
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


def parse_settings(args: argparse.Namespace) -> ParseSettings:
    """The flags of add_parse_flags as settings (checked there: a bad value raises InputError)."""
    return ParseSettings(gazetteers=args.gazetteer, min_confidence=args.min_confidence,
                         bias_country=args.bias_country, bias_bbox=args.bias_bbox, lang=args.lang,
                         fuzzy=args.fuzzy, demonyms=args.demonyms)


def build_progress():
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
