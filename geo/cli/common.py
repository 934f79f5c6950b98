"""What the commands share: the help format (every option names its default), -v/-q, `-` for
stdin, the parse flags of parse, map, batch and eval turned into a ParseSettings once, and the
progress bar of an index build."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..settings import ParseSettings

STDIN = '-'
LANGS = ('ar', 'en')


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Each option's help ends with its default.  A help that already says its default (what
    None means, for instance) is left as written; an on/off flag's default reads 'off'."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ''
        if ('default' in text or action.required or not action.option_strings
                or action.default is None or action.default is argparse.SUPPRESS):
            return text
        if action.default is False:
            return f'{text} (default: off)'
        return f'{text} (default: %(default)s)'


def add_command(sub, name: str, **kw) -> argparse.ArgumentParser:
    """A (sub)command's parser: our help format, and -v/-q after the command name too."""
    p = sub.add_parser(name, formatter_class=HelpFormatter, **kw)
    add_verbosity(p, top=False)
    return p


def add_verbosity(p: argparse.ArgumentParser, top: bool) -> None:
    """-v / -q, before or after the command name (`geo -q parse F`, `geo parse -q F`); the
    command's copy sets args.verbosity only when given, so it never undoes the top one."""
    default = 0 if top else argparse.SUPPRESS
    g = p.add_mutually_exclusive_group()
    g.add_argument('-v', '--verbose', dest='verbosity', action='store_const', const=1, default=default,
                   help='say what each step does (INFO log lines on stderr; default: warnings and errors only)')
    g.add_argument('-q', '--quiet', dest='verbosity', action='store_const', const=-1, default=default,
                   help='no progress bars, no summary line and no warnings on stderr, only errors '
                        '(default: progress bars on a terminal, and a summary line)')


def quiet(args: argparse.Namespace) -> bool:
    return getattr(args, 'verbosity', 0) < 0


def path_or_stdin(value: str) -> Path | str:
    """An input argument: `-` is stdin (a file named - is ./-), an http(s):// address a URL (kept
    as text, fetched by the command), anything else a path."""
    if value == STDIN or value[:8].lower().startswith(('http://', 'https://')):
        return value
    return Path(value)


def doc_lang(value: str) -> str:
    if value in LANGS:
        return value
    hint = '; the labels of `geo map` take --label-lang' if value == 'both' else ''
    raise argparse.ArgumentTypeError(f'{value!r}: the document\'s language is ar or en{hint}')


def add_parse_flags(p: argparse.ArgumentParser, old_lang_flag: str | None = None) -> None:
    """The flags of parsing.  old_lang_flag: a former name of --lang still accepted, unlisted."""
    p.add_argument('--gazetteer', action='append', default=[], metavar='FILE',
                   help='extra places for this run (CSV or GeoJSON); repeatable (default: none)')
    p.add_argument('--min-confidence', type=float, default=None, metavar='X',
                   help='keep a name when its score (the probability that it names a place) is at '
                        'least X, 0..1, or X/2 for famous names and names the document surely uses for a '
                        'place elsewhere; lower for recall, higher for precision (default: the threshold '
                        'tuned for the language, about 0.35-0.45)')
    p.add_argument('--bias-country', metavar='CC',
                   help='prefer places in this country (ISO code, e.g. SY; default: none)')
    p.add_argument('--bias-bbox', metavar='W,S,E,N', help='prefer places inside this box (degrees; default: none)')
    old = f'; {old_lang_flag}, its former name here, still works' if old_lang_flag else ''
    p.add_argument('--lang', type=doc_lang, metavar='{ar,en}',
                   help=f'the document\'s language (default: detected from its script{old})')
    if old_lang_flag:
        p.add_argument(old_lang_flag, dest='lang', type=doc_lang, help=argparse.SUPPRESS)
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


def build_progress(quiet: bool = False):
    """A progress callback for index builds (first use), printed to stderr; silent when quiet, its
    `notice` too (the lines saying that a build starts, ends or waits for another process)."""
    if quiet:
        def silent(source: str, n: int) -> None:
            return None
        silent.notice = lambda message: None
        return silent
    state = {'bar': None}

    def cb(source: str, n: int) -> None:
        if state['bar'] is None:
            from tqdm import tqdm
            state['bar'] = tqdm(desc='building the gazetteer index', unit=' places', file=sys.stderr,
                                disable=not sys.stderr.isatty())
        state['bar'].set_postfix_str(source)
        state['bar'].update(n - state['bar'].n if n > state['bar'].n else 0)
    return cb
