"""Fuzzing harness for parsing (atheris, coverage-guided).  Run by `make fuzz` for a bounded time;
by hand: `.venv/bin/python fuzz/fuzz_parse.py fuzz/work/parse fuzz/seeds/parse -max_total_time=60`.

One input is one document.  Its first byte picks how the rest is read (and the language):
  0 unicode  the bytes as UTF-8, invalid bytes as lone surrogates (every code point reachable)
  1 bytes    decoded as a file would be (gazetteer.textio.decode: BOMs, UTF-16, code pages)
  2 html     decoded, then the visible text extracted (geo.text.html)
  3 jsonl    written to a .jsonl file and read by geo.inputs.iter_jsonl, each document parsed
Allowed outcomes: a Result whose spans are exact, or the one error each reader may raise for bad
input (DecodeError, InputError).  Anything else is a finding: libFuzzer keeps the input in
fuzz/crashes/; fix the code and copy the input to tests/fixtures/fuzz/parse/, where
tests/test_hostile_fuzz_corpus.py replays it for good."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _harness  # noqa: E402

LANGS = (None, 'ar', 'en')


def make_parser():
    from gazetteer.index import Index
    from geo.pipeline import Geoparser

    return Geoparser(index=Index.open(_harness.index_root(), check_fresh=False))


def check(gp, data: bytes, folder: Path) -> None:
    from gazetteer.textio import DecodeError, decode
    from geo.errors import InputError

    if not data:
        return
    mode, lang, payload = data[0] % 4, LANGS[data[0] // 4 % 3], data[1:]
    if mode == 0:
        texts = [payload.decode('utf-8', 'surrogateescape')]
    elif mode in (1, 2):
        try:
            text = decode(payload, 'fuzz', damaged='replace')
        except DecodeError:
            return
        if mode == 2:
            from geo.text.html import html_to_text
            text = html_to_text(text)
        texts = [text]
    else:
        from geo.inputs import iter_jsonl
        path = folder / 'docs.jsonl'
        path.write_bytes(payload)
        try:
            items = list(iter_jsonl(path))
        except InputError:
            return
        lines = payload.count(b'\n') + 1
        for it in items:
            assert (it.text is None) != (it.error is None), it
            it.id.encode('utf-8')                 # ids and texts are valid Unicode (no lone surrogate)
            it.ok and it.text.encode('utf-8')
            assert it.error is None or it.error.startswith(f'{path}:'), it.error
            assert 1 <= int(it.where.rsplit(':', 1)[1]) <= lines, it.where
        texts = [it.text for it in items if it.ok]
    for text in texts:
        _harness.check_result(gp.parse(text, 'fuzz', lang=lang), text)


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=['geo', 'gazetteer']):
        import gazetteer.build  # noqa: F401
        import gazetteer.textio  # noqa: F401
        import geo.export.jsonl  # noqa: F401
        import geo.inputs  # noqa: F401
        import geo.pipeline  # noqa: F401
        import geo.text.html  # noqa: F401
    gp = make_parser()
    folder = _harness.scratch()
    atheris.Setup(sys.argv, lambda data: check(gp, data, folder))
    atheris.Fuzz()


if __name__ == '__main__':
    main()
