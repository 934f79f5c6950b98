"""What each address of the review app does (server.py guards them first).  Plain functions
(state, request, body) -> Response, run in a worker thread."""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from urllib.parse import quote

from starlette.responses import FileResponse, JSONResponse, Response

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / 'static'
FILE_NAME = re.compile(r'[\w.-]{1,200}', re.UNICODE)      # a file of the export folder, by name only
TYPES = {'.png': 'image/png', '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.html': 'text/html',
         '.geojson': 'application/geo+json', '.csv': 'text/csv', '.jsonl': 'application/x-ndjson'}
OWN_STATIC = {'review.js': 'text/javascript', 'review.css': 'text/css'}
SIZES = ('A4', 'A3', 'A5', 'letter')


class Bad(Exception):
    def __init__(self, why: str, status: int = 400):
        super().__init__(why)
        self.status = status


def _n(state, request) -> int:
    n = request.path_params['n']
    if not 0 <= n < len(state.review.documents) or state.review.documents[n].text is None:
        raise Bad('no such document', 404)
    return n


def _int(body: dict, key: str) -> int:
    v = body.get(key)
    if isinstance(v, bool) or not isinstance(v, int):
        raise Bad(f'{key} must be a whole number')
    return v


def file_response(path: Path) -> Response:
    return FileResponse(path, media_type=TYPES.get(path.suffix.lower(), 'application/octet-stream'))


def page(state, request, body) -> Response:
    return file_response(STATIC / 'review.html')


def static(state, request, body) -> Response:
    name = request.path_params['name']
    if name in OWN_STATIC:
        return Response((STATIC / name).read_bytes(), media_type=OWN_STATIC[name])
    if name in ('leaflet.js', 'leaflet.css'):
        from ..maps.web import assets
        js, _, css = assets()
        return Response(js if name == 'leaflet.js' else css,
                        media_type='text/javascript' if name == 'leaflet.js' else 'text/css')
    raise Bad('not found', 404)


def docs(state, request, body) -> Response:
    return JSONResponse({'documents': state.review.summary(), 'job': state.job})


def doc(state, request, body) -> Response:
    return JSONResponse(state.review.view(_n(state, request)))


def decide(state, request, body) -> Response:
    n = _n(state, request)
    action = body.get('action')
    if action not in ('place', 'not_place'):
        raise Bad('action must be place or not_place')
    try:
        state.review.decide(n, _int(body, 'start'), _int(body, 'end'), action, body.get('place'),
                            str(body.get('via') or ''), every=body.get('every') is True)
    except ValueError as e:
        raise Bad(str(e)) from None
    return JSONResponse(state.review.view(n))


def undo(state, request, body) -> Response:
    n = _n(state, request)
    state.review.undo(n)
    return JSONResponse(state.review.view(n))


def search(state, request, body) -> Response:
    q = request.query_params.get('q', '')
    if len(q) > 200:
        raise Bad('a name of at most 200 characters')
    return JSONResponse({'results': state.review.search(q)})


def basemap(state, request, body) -> Response:
    from .basemap import around, snap_box

    try:
        w, s, e, n = (float(x) for x in request.query_params.get('box', '').split(','))
    except ValueError:
        raise Bad('box: W,S,E,N in degrees') from None
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise Bad('box: W,S,E,N in degrees')
    return Response(around(snap_box(w, s, e, n)), media_type='application/json')


def job(state, request, body) -> Response:
    return JSONResponse(state.job)


def remember(state, request, body) -> Response:
    """Put the span's decided place in the user's gazetteer: at once in the open index, and for
    good in the user folder (the index rebuilt in a thread; GET /api/job says when it is done)."""
    from . import remember as rem

    n = _n(state, request)
    start, end = _int(body, 'start'), _int(body, 'end')
    doc_id = state.review.documents[n].id
    d = next((d for d in state.review.store.active(doc_id) if (d.start, d.end) == (start, end)), None)
    if d is None or d.action != 'place':
        raise Bad('place the name first (a candidate, a search or the map), then remember it')
    row = rem.row_of(d.surface, d.place)
    try:
        place = rem.place(row)
    except Exception as e:         # a row the gazetteer refuses (GazetteerError): say why
        raise Bad(f'cannot remember this place: {e}') from None
    state.review.remember(place)
    state.review.store.mark_remembered(d.id)
    with state.job_lock:
        state.pending.append(row)
        if state.job['state'] != 'running':
            state.job = {'state': 'running', 'message': f'remembering {d.surface}: rebuilding the gazetteer index'}
            threading.Thread(target=_drain, args=(state,), name='geo-review-remember', daemon=True).start()
    return JSONResponse({'job': state.job, 'view': state.review.view(n)})


def _drain(state) -> None:
    """Store the remembered places one after the other (each rebuilds the index)."""
    from . import remember as rem

    result = {'state': 'done', 'message': ''}
    while True:
        with state.job_lock:
            if not state.pending:
                state.job = result
                return
            row = state.pending.pop(0)
        try:
            built = rem.store(row)
            result = {'state': 'done', 'message': f'remembered {row["name"]}; index rebuilt ({Path(built).name})'}
        except Exception as e:        # shown on the page; the place stays laid over this session's index
            log.exception('remembering a place failed')
            result = {'state': 'failed', 'message': f'could not store {row["name"]}: {e}'}


def export(state, request, body) -> Response:
    from ..errors import InputError
    from ..maps.page import parse_size
    from .exports import FORMATS, export as write

    n = _n(state, request)
    formats = body.get('formats') or []
    if not isinstance(formats, list) or not formats or any(f not in FORMATS for f in formats):
        raise Bad(f'formats: some of {", ".join(FORMATS)}')
    size = str(body.get('size') or 'A4')
    try:
        parse_size(size)
    except InputError as e:
        raise Bad(str(e)) from None
    label_lang = body.get('label_lang') or None
    if label_lang not in (None, 'ar', 'en', 'both'):
        raise Bad('label_lang: ar, en or both')
    title, subtitle = (str(body.get(k) or '')[:300] for k in ('title', 'subtitle'))
    review = state.review
    result = review.reviewed(n)
    gold = None
    if 'gold' in formats:
        gold = [review.reviewed(d.n) for d in review.documents if d.text is not None]
    with state.export_lock:           # one export at a time (matplotlib draws one figure at a time)
        written = write(result, state.exports, formats, title=title, subtitle=subtitle, size=size,
                        label_lang=label_lang, meta=review.documents[n].meta, gold=gold,
                        decided_only=bool(body.get('decided_only')), gazetteer=review.gp.index)
    return JSONResponse({'files': [{'name': p.name, 'url': f'/files/{p.name}'} for p in written]})


def download(state, request, body) -> Response:
    name = request.path_params['name']
    if not FILE_NAME.fullmatch(name) or name.startswith('.'):
        raise Bad('not found', 404)
    folder = state.exports.resolve()
    path = (folder / name).resolve()
    if path.parent != folder or not path.is_file():
        raise Bad('not found', 404)
    resp = file_response(path)
    # saved, never shown on the app's own origin (an exported HTML map runs its own scripts)
    resp.headers['Content-Disposition'] = 'attachment; filename*=UTF-8\'\'' + quote(path.name)
    return resp
