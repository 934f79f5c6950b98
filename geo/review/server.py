"""The review app: a Starlette application served by uvicorn on 127.0.0.1.

Guards, on every request:
- the token: the printed address carries `?token=...`; the first request with it gets the token
  as a cookie (HttpOnly, SameSite=Strict) and is sent on without it; any request with neither
  the token nor the cookie is refused (403);
- Host must be the address the server was started on (a DNS-rebinding page's Host is its own
  name), and an Origin, when sent, must be that same origin; a request that changes anything
  (POST) must carry the page's own header (X-Geo-Review), which no other site can send without a
  CORS preflight this server never answers;
- request bodies are small JSON (at most MAX_BODY bytes), and no request names a path: documents
  are numbers, files to download are names looked up in the export folder only;
- every page and script is our own (Content-Security-Policy: 'self' only), and the page puts
  every string of a document into the DOM as text, never as markup."""
from __future__ import annotations

import hmac
import json
import logging
import secrets
import threading
from pathlib import Path
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024
COOKIE = 'geo_review'
HEADER = 'x-geo-review'
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class Refused(Exception):
    def __init__(self, status: int, why: str):
        self.status, self.why = status, why


class App:
    """The app's state: the Review, where exports go, the token and the allowed hosts."""

    def __init__(self, review, exports: Path, token: str | None = None):
        self.review = review
        self.exports = Path(exports)
        self.token = token or secrets.token_urlsafe(24)
        self.hosts: set[str] = set()
        self.export_lock = threading.Lock()
        self.job = {'state': 'idle', 'message': ''}
        self.job_lock = threading.Lock()
        self.pending: list[dict] = []

    def allow(self, host: str, port: int) -> None:
        names = {host, 'localhost'} if host in ('127.0.0.1', '::1') else {host}
        self.hosts = {f'{h}:{port}' if ':' not in h else f'[{h}]:{port}' for h in names}

    def url(self, host: str, port: int) -> str:
        h = f'[{host}]' if ':' in host else host
        return f'http://{h}:{port}/?' + urlencode({'token': self.token})

    # --- guards ----------------------------------------------------------------------------------

    def check(self, request: Request) -> Response | None:
        """None when the request may go on; a redirect that sets the cookie; else raises Refused."""
        host = request.headers.get('host', '')
        if host not in self.hosts:
            raise Refused(403, 'unknown Host')
        origin = request.headers.get('origin')
        if origin is not None and origin not in {f'http://{h}' for h in self.hosts}:
            raise Refused(403, 'foreign Origin')
        if request.method not in ('GET', 'HEAD') and request.headers.get(HEADER) != '1':
            raise Refused(403, 'missing the page\'s header')
        given = request.query_params.get('token')
        if given is not None:
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                raise Refused(403, 'wrong token')
            query = [(k, v) for k, v in request.query_params.multi_items() if k != 'token']
            target = request.url.path + ('?' + urlencode(query) if query else '')
            resp = RedirectResponse(target, status_code=303)
            resp.set_cookie(COOKIE, self.token, httponly=True, samesite='strict', path='/')
            return resp
        cookie = request.cookies.get(COOKIE, '')
        if not hmac.compare_digest(cookie.encode(), self.token.encode()):
            raise Refused(403, 'no token: open the address `geo review` printed')
        return None


async def body_json(request: Request) -> dict:
    size = request.headers.get('content-length')
    if size is not None and (not size.isdigit() or int(size) > MAX_BODY):
        raise Refused(413, f'request larger than {MAX_BODY} bytes')
    data = b''
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise Refused(413, f'request larger than {MAX_BODY} bytes')
    try:
        got = json.loads(data or b'{}')
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, 'the body is not JSON') from None
    if not isinstance(got, dict):
        raise Refused(400, 'the body must be a JSON object')
    return got


def make_app(state: App) -> Starlette:
    from starlette.concurrency import run_in_threadpool

    from . import handlers

    async def guarded(request: Request, handler, with_body: bool):
        try:
            early = state.check(request)
            if early is not None:
                return early
            body = await body_json(request) if with_body else None
            resp = await run_in_threadpool(handler, state, request, body)
        except Refused as e:
            resp = JSONResponse({'error': e.why}, status_code=e.status)
        except handlers.Bad as e:
            resp = JSONResponse({'error': str(e)}, status_code=e.status)
        except Exception as e:           # a bug of ours, or a file that cannot be written: said on the page
            log.exception('%s %s failed', request.method, request.url.path)
            resp = JSONResponse({'error': f'{type(e).__name__}: {str(e)[:300]}'}, status_code=500)
        resp.headers['Content-Security-Policy'] = CSP
        resp.headers['X-Content-Type-Options'] = 'nosniff'
        resp.headers['Referrer-Policy'] = 'no-referrer'
        resp.headers['Cache-Control'] = 'no-store'
        return resp

    def route(path: str, handler, method: str = 'GET') -> Route:
        async def endpoint(request: Request):
            return await guarded(request, handler, method == 'POST')
        return Route(path, endpoint, methods=[method])

    routes = [
        route('/', handlers.page),
        route('/static/{name}', handlers.static),
        route('/api/docs', handlers.docs),
        route('/api/doc/{n:int}', handlers.doc),
        route('/api/doc/{n:int}/decide', handlers.decide, 'POST'),
        route('/api/doc/{n:int}/undo', handlers.undo, 'POST'),
        route('/api/doc/{n:int}/remember', handlers.remember, 'POST'),
        route('/api/doc/{n:int}/export', handlers.export, 'POST'),
        route('/api/search', handlers.search),
        route('/api/basemap', handlers.basemap),
        route('/api/job', handlers.job),
        route('/files/{name}', handlers.download),
    ]

    async def not_found(request: Request, exc):
        try:
            state.check(request)        # the guards first: an unknown path says nothing to a stranger
        except Refused as e:
            return JSONResponse({'error': e.why}, status_code=e.status)
        return JSONResponse({'error': 'not found'}, status_code=404)

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})


def serve(state: App, host: str = '127.0.0.1', port: int = 0, ready=None) -> None:
    """Serve until interrupted.  port 0: a free port; ready(url) is called once listening."""
    import socket

    import uvicorn

    # IPPROTO_TCP said outright: asyncio turns Nagle off only on sockets that say it, and with
    # Nagle on every answer waited 40 ms for the client's delayed ACK
    sock = socket.socket(socket.AF_INET6 if ':' in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)         # connections wait in the backlog until uvicorn accepts them
    port = sock.getsockname()[1]
    state.allow(host, port)
    config = uvicorn.Config(make_app(state), log_level='warning', access_log=False, lifespan='off',
                            limit_concurrency=64, timeout_keep_alive=5, h11_max_incomplete_event_size=16 * 1024)
    server = uvicorn.Server(config)
    if ready is not None:
        ready(state.url(host, port))
    server.run(sockets=[sock])
