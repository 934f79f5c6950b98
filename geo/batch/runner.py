"""Many documents: `geo batch INPUT -o DIR`.

INPUT is a folder of documents (.txt, .html, .pdf, .docx, .eml, .msg; subfolders too), a JSONL
file (id, text, optional date, title, url; a record with a url and no text is fetched, the page
saved in DIR/pages/) or a CSV with those columns.  Every input record (a line, a row, a file) ends up as exactly one
record: a line of DIR/places.jsonl (as `geo parse` prints it) or of DIR/errors.jsonl (id, line,
why).  Then the files of the run's formats are written: DIR/places.csv, places.geojson and
places.gpkg (one row per place per document) and the combined maps DIR/map.html and map.png.

How it stays safe and small:
- documents stream from the input to the workers and back; at most a few tasks are in flight,
  and no Result is kept: each one becomes its journal line at once (geo.batch.journal);
- the journal is what --resume reads: finished documents are never parsed again, unless their
  record changed in the input (its id, text, date, title or url: each record's fingerprint is
  in the journal), and records appended to the input are parsed;
- at most one worker per document, and no more than the machine's cores;
- the outputs are made from the journal at the end, each into a temporary file renamed over
  the target, so no output file is ever half-written; file names never come from document
  ids, so an id such as ../../x cannot put anything outside DIR.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .. import gc_policy
from ..errors import InputError, OutputError
from ..export.files import atomic_write_text
from ..settings import ParseSettings, open_geoparser
from .engines import InlineEngine, ProcessEngine, default_workers, error_line
from .journal import FORMAT, RUN, STATE_DIR, Journal, fingerprint
from .outputs import ALWAYS, FILES
from .worker import worker_blob

log = logging.getLogger(__name__)

DEFAULT_FORMATS = ('csv', 'geojson', 'html', 'png')     # besides places.jsonl and errors.jsonl, always written


@dataclass
class Options:
    input: Path
    output: Path
    workers: int = 0               # 0: all cores
    resume: bool = False
    engine: str = 'local'          # local or dask
    scheduler: str | None = None   # Dask scheduler address; None: a LocalCluster
    maps: bool = True              # False: no map.html, map.png whatever the formats say
    formats: tuple[str, ...] | str = DEFAULT_FORMATS   # of FILES: csv, geojson, gpkg, html, png
    chunk: int = 0                 # documents per task; 0: chosen by the engine
    title: str | None = None
    dask_processes: bool = True    # LocalCluster with worker processes (False: threads, for tests)
    review_db: Path | None = None  # decisions of `geo review` to apply (its SQLite file)


@dataclass
class Summary:
    records: int = 0               # input records (documents + errors), this run and earlier ones
    parsed: int = 0                # documents parsed in this run
    skipped: int = 0               # finished by an earlier run (--resume)
    changed: int = 0               # records done again because they changed in the input (--resume)
    dropped: int = 0               # records of an earlier run past the end of the input now (--resume)
    workers: int = 0               # worker processes (or Dask workers) used
    errors: int = 0                # error records in total
    new_errors: list[str] = field(default_factory=list)
    places: int = 0                # distinct places on the combined map
    seconds: float = 0.0           # parsing (the outputs and maps are made afterwards)
    written: list[Path] = field(default_factory=list)


def run_options(settings: ParseSettings, index, opts: Options, review: dict | None = None) -> dict:
    """What must not change between a run and its --resume: every parse setting, the index and
    the number of the user's places laid over it (--gazetteer files count through these), and the
    review's decisions when there are any (--review-db)."""
    out = {'format': FORMAT, 'input': str(Path(opts.input).resolve()),
           'index': index.meta.get('fingerprint'), 'overlay': index.info().get('user_overlay', 0)}
    if review is not None:
        from ..review.apply import digest
        out['review'] = digest(review)
    for k, v in dataclasses.asdict(settings).items():
        if k != 'gazetteers':
            out[k] = list(v) if isinstance(v, tuple) else v
    return out


def output_formats(opts: Options) -> tuple[str, ...]:
    """The formats to write, checked (a 'csv,gpkg' string or a sequence of names)."""
    given = opts.formats.split(',') if isinstance(opts.formats, str) else list(opts.formats)
    formats = [f.strip().lower() for f in given if f.strip()]
    bad = [f for f in formats if f not in FILES]
    if bad:
        raise InputError(f'--formats: unknown format(s) {", ".join(bad)}; use {", ".join(FILES)} '
                         '(places.jsonl and errors.jsonl are always written)')
    if not opts.maps:
        formats = [f for f in formats if f not in ('html', 'png')]
    return tuple(f for f in FILES if f in formats)


def _prepare_output(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError(f'{out}: exists and is not a folder; give a folder for the outputs')
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / STATE_DIR).mkdir(exist_ok=True)
    except OSError as e:
        raise OutputError(f'{out}: cannot create the output folder ({e.strerror})') from None
    return out / STATE_DIR


def _open_journal(wanted: dict, opts: Options, state: Path) -> Journal:
    run_file = state / RUN
    if opts.resume and run_file.exists():
        try:
            had = json.loads(run_file.read_text(encoding='utf-8'))
        except ValueError:
            had = None
        if isinstance(had, dict):
            had_core = had.get('settings') or {}
            if had_core.get('format') != FORMAT:
                raise InputError(f'{opts.output}: holds a run of another version of geo-textmap (batch journal '
                                 f'format {had_core.get("format", "unknown")}, this version writes {FORMAT}), '
                                 'which --resume cannot continue; drop --resume to start afresh, or give another -o DIR')
            if had_core != wanted:
                diff = ', '.join(sorted(k for k in wanted if had_core.get(k) != wanted[k])) or 'format'
                raise InputError(f'{opts.output}: holds a run with other settings ({diff} differ); '
                                 'drop --resume to start afresh, or give another -o DIR')
            journal = Journal.reopen(state)
            journal.finalized = had.get('finalized')
            return journal
    atomic_write_text(run_file, json.dumps({'settings': wanted}, ensure_ascii=False, indent=1))
    return Journal.fresh(state)


def worker_count(requested: int, documents: int | None, local: bool = True) -> int:
    """The workers to start: `requested` (0: all cores), at most one per document (when the
    count is known) and, for processes on this machine, at most its cores.  Says once (a
    warning) when a request was capped."""
    cores = default_workers()
    n = requested or cores
    if local:
        n = min(n, cores)
    if documents is not None:
        n = min(n, max(1, documents))
    if requested and n < requested:
        why = ' and '.join(w for w, hit in ((f'the {documents} document{"s" if documents != 1 else ""}', documents is not None and n == max(1, documents)),
                                            (f'the {cores} cores', local and n == cores)) if hit)
        log.warning('--workers %d: using %d worker process%s (no more than %s)', requested, n, 'es' if n > 1 else '', why)
    return max(1, n)


def _review(opts: Options) -> dict | None:
    """The decisions of opts.review_db by document, or None."""
    if not opts.review_db:
        return None
    from ..review.store import Store
    store = Store(opts.review_db, readonly=True)
    try:
        return store.by_document()
    finally:
        store.close()


def _make_engine(gp, settings: ParseSettings, opts: Options, documents: int | None = None, review: dict | None = None):
    workers = worker_count(opts.workers, documents, local=not (opts.engine == 'dask' and opts.scheduler))
    if opts.engine == 'dask':
        from .dask_engine import DaskEngine
        return DaskEngine(worker_blob(settings, gp.index, review), workers=workers, scheduler=opts.scheduler,
                          lang=settings.lang, processes=opts.dask_processes)
    if workers <= 1:
        return InlineEngine(gp, lang=settings.lang)
    return ProcessEngine(worker_blob(settings, gp.index, review), workers=workers, lang=settings.lang)


def _clean(s: str) -> str:
    """A string that can be written as UTF-8: lone surrogates (from JSON escapes such as \\udc80 or
    undecodable file names) become visible escapes."""
    try:
        s.encode('utf-8')
        return s
    except UnicodeEncodeError:
        return s.encode('utf-8', 'backslashreplace').decode('utf-8')


def _valid_unicode(item):
    """The item with an id and meta that can be written out; a text holding lone surrogates is
    an error record (it cannot be parsed into offsets anyone can use)."""
    item.id = _clean(item.id)
    item.meta = {k: _clean(v) if isinstance(v, str) else v for k, v in item.meta.items()}
    if item.error is not None:
        item.error = _clean(item.error)
    elif item.text is not None and _clean(item.text) is not item.text:
        bad = next(i for i, ch in enumerate(item.text) if '\ud800' <= ch <= '\udfff')
        item.error = f'{item.where}: the text holds invalid Unicode (a lone surrogate at character {bad})'
        item.text = None
    return item


def count_records(path: Path) -> int | None:
    """A quick count of the input's records, for the progress bar (None when unknown)."""
    try:
        if path.is_dir():
            from ..inputs import folder_files
            return len(folder_files(path))
        if path.suffix.lower() in ('.jsonl', '.ndjson'):
            n = 0
            with open(path, 'rb') as f:
                for line in f:
                    n += bool(line.strip())
            return n
    except (OSError, InputError):
        return None
    return None


def run(settings: ParseSettings, opts: Options, *, index=None, build_progress: Callable | None = None,
        progress: Callable[[int], None] | None = None, on_error: Callable[[str], None] | None = None,
        total: Callable[[int, int], None] | None = None) -> Summary:
    """Run a batch: this process and every worker open their Geoparser from `settings`
    (geo.settings.open_geoparser; `index` and `build_progress` are passed on to it).
    progress(k) is called as k more records finish; on_error(message) for each new error
    record; total(n, done) once the input is counted."""
    from ..inputs import iter_items

    t0 = time.monotonic()
    opts.input, opts.output = Path(opts.input), Path(opts.output)
    if opts.workers < 0:
        raise InputError(f'--workers {opts.workers}: give a number of processes (0: all cores)')
    if not opts.input.exists():
        raise InputError(f'{opts.input}: no such file or folder')
    formats = output_formats(opts)
    review = _review(opts)
    gp = open_geoparser(settings, progress=build_progress, index=index)
    gc_policy.for_long_runs()
    if review:
        from ..review.apply import Reviewed
        gp = Reviewed(gp, review)
    state = _prepare_output(opts.output)
    journal = _open_journal(run_options(settings, gp.index, opts, review), opts, state)
    summary = Summary(skipped=0)
    progress = progress or (lambda k: None)
    on_error = on_error or (lambda m: None)
    records = count_records(opts.input)
    if total:
        total(records, journal.count)
    chunk = opts.chunk or (32 if opts.engine == 'dask' else 8)
    seen = 0          # input records read

    def tasks() -> Iterator[list]:
        nonlocal seen
        buf: list = []
        for n, item in enumerate(iter_items(opts.input, cache=opts.output / 'pages', reuse=opts.resume)):
            item = _valid_unicode(item)
            seen = n + 1
            fp = None
            if journal.has(n):          # made by an earlier run: the same record, or one that changed
                fp = fingerprint(item.id, item.text, item.meta, item.error)
                if journal.state_of(n, fp) == 'done':
                    summary.skipped += 1
                    continue
                summary.changed += 1
            if not item.ok:
                fp = fp or fingerprint(item.id, item.text, item.meta, item.error)
                journal.append_line(n, item.id, True, error_line(n, item.id, fp, item.where, item.error))
                summary.new_errors.append(item.error)
                on_error(item.error)
                progress(1)
                continue
            buf.append((n, item.id, item.text, dict(item.meta), item.where))
            if len(buf) >= chunk:
                yield buf
                buf = []
        if buf:
            yield buf

    engine = _make_engine(gp, settings, opts, records, review)
    summary.workers = getattr(engine, 'workers', 1)
    try:
        for done in engine.run(tasks()):
            for n, doc_id, is_error, line in done:
                journal.append_line(n, doc_id, is_error, line)
                if is_error:
                    msg = json.loads(line)['error']
                    summary.new_errors.append(msg)
                    on_error(msg)
                else:
                    summary.parsed += 1
            progress(len(done))
    finally:
        engine.close()
        journal.close()
    summary.dropped = journal.forget_from(seen)       # the input is shorter than it was
    if summary.dropped or journal.dead_lines > max(1000, journal.count // 4):
        journal.compact()     # forgotten lines must go (a reopen would read them); replaced ones may wait
    summary.seconds = time.monotonic() - t0

    summary.records, summary.errors = journal.count, journal.errors
    wanted = [opts.output / f for f in ALWAYS + tuple(FILES[f] for f in formats)]
    fresh = (journal.finalized == journal.count and not summary.parsed and not summary.new_errors
             and not summary.dropped and all(p.exists() for p in wanted))
    if fresh:
        summary.written = wanted
        summary.places = json.loads((state / RUN).read_text(encoding='utf-8')).get('places', 0)
    else:
        from .outputs import finalize
        summary.written, summary.places = finalize(journal, opts.output, formats=formats, title=opts.title)
        run_file = state / RUN
        meta = json.loads(run_file.read_text(encoding='utf-8'))
        meta.update(finalized=journal.count, places=summary.places)
        atomic_write_text(run_file, json.dumps(meta, ensure_ascii=False, indent=1))
    return summary
