"""The readers of binary documents (PDF, DOCX, e-mail) run in a child process with a bound on its
memory (address space) and CPU time, so a hostile file (a PDF bomb, a zip bomb, objects nested a
million deep) costs at most that and ends in one clear error; the parent and the other documents
of a batch carry on.

    run('pdf', data, where) -> [{'suffix': '', 'text': ..., 'meta': {...}} | {'suffix': ..., 'error': ...}]

The bounds: GEO_TEXTMAP_READ_SECONDS (default 60) and GEO_TEXTMAP_READ_MB (default 1024).  The
child is `python -m geo.inputs.sandbox KIND WHERE MB SECONDS`, the document's bytes on stdin and
one JSON object on stdout.  Where the platform has no `resource` module (Windows) the reader runs
in this process, unbounded."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..errors import InputError

KINDS = ('pdf', 'docx', 'eml', 'msg')
SECONDS = 60
MEMORY_MB = 1024


# The child loads the readers alone: the packages geo, geo.inputs and gazetteer are entered as
# bare namespaces, so their __init__ (the parser, the index, numpy) is not run: it starts in about
# a tenth of a second instead of half a second.
BOOT = """import sys, types
root = sys.argv.pop(1)
for name, sub in (('gazetteer', 'gazetteer'), ('geo', 'geo'), ('geo.inputs', 'geo/inputs')):
    m = types.ModuleType(name)
    m.__path__ = [root + '/' + sub]
    sys.modules[name] = m
from geo.inputs.sandbox import main
sys.exit(main(sys.argv[1:]))
"""


def limits() -> tuple[int, int]:
    """(MB, seconds) from the environment, else the defaults."""
    def num(name: str, default: int) -> int:
        try:
            return max(1, int(os.environ.get(name, default)))
        except ValueError:
            return default
    return num('GEO_TEXTMAP_READ_MB', MEMORY_MB), num('GEO_TEXTMAP_READ_SECONDS', SECONDS)


def read_here(kind: str, data: bytes, where: str) -> list[dict]:
    """The reader itself, in this process: documents, or raises ReaderError."""
    if kind == 'pdf':
        from .pdftext import read
        docs = read(data, where)
    elif kind == 'docx':
        from .word import read
        docs = read(data, where)
    elif kind in ('eml', 'msg'):
        from .mail import read
        docs = read(data, where, kind)
    else:
        raise ValueError(kind)
    for d in docs:
        d.setdefault('suffix', '')
    return docs


def _hostile(where: str, what: str) -> InputError:
    return InputError(f'{where}: {what}: a damaged or hostile file (nothing read from it)')


def run(kind: str, data: bytes, where: str) -> list[dict]:
    """Read a document's bytes in the sandbox.  Raises InputError when the file as a whole
    cannot be read (the reader's message, or the bound it hit)."""
    mb, seconds = limits()
    try:
        import resource  # noqa: F401
    except ImportError:
        return _in_process(kind, data, where)
    root = str(Path(__file__).resolve().parents[2])
    cmd = [sys.executable, '-c', BOOT, root, kind, where, str(mb), str(seconds)]
    try:
        p = subprocess.run(cmd, input=data, capture_output=True, timeout=seconds + 5)
    except subprocess.TimeoutExpired:
        raise _hostile(where, f'reading it took more than {seconds} s') from None
    try:
        out = json.loads(p.stdout.decode('utf-8', 'surrogatepass'))
    except ValueError:
        out = None
    if p.returncode == 0 and isinstance(out, dict):
        if out.get('error'):
            raise InputError(out['error'])
        return out['documents']
    if p.returncode in (-9, -24, 152, 137):          # SIGKILL / SIGXCPU
        raise _hostile(where, f'reading it took more than {seconds} s of CPU')
    err = p.stderr.decode('utf-8', 'replace')
    tail = err.strip().splitlines()[-1:] or ['no message']
    if 'MemoryError' in err:
        raise _hostile(where, f'reading it needs more than {mb} MB of memory')
    if p.returncode < 0:
        raise _hostile(where, f'it crashed the {kind} reader (signal {-p.returncode})')
    raise InputError(f'{where}: the {kind} reader failed ({tail[0][:200]})')


def _in_process(kind: str, data: bytes, where: str) -> list[dict]:
    from .base import ReaderError
    try:
        return read_here(kind, data, where)
    except ReaderError as e:
        raise InputError(str(e)) from None


def main(argv: list[str]) -> int:
    import resource

    kind, where, mb, seconds = argv[0], argv[1], int(argv[2]), int(argv[3])
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (mb * 1024 * 1024, mb * 1024 * 1024))
    sys.setrecursionlimit(5000)
    from .base import ReaderError

    data = sys.stdin.buffer.read()
    try:
        out = {'documents': read_here(kind, data, where)}
    except ReaderError as e:
        out = {'error': str(e)}
    except MemoryError:
        out = {'error': str(_hostile(where, f'reading it needs more than {mb} MB of memory'))}
    except RecursionError:
        out = {'error': str(_hostile(where, 'its objects are nested too deeply'))}
    except Exception as e:      # a reader's library tripped on a malformed file
        out = {'error': f'{where}: cannot read this {kind} file ({type(e).__name__}: {str(e)[:160]})'}
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode('utf-8', 'surrogatepass'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
