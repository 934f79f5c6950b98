"""A news article at a URL: fetched only because the user gave the address (`geo map URL`,
`geo parse URL`, a record with a "url" and no "text" in `geo batch`), its main text, title and
date extracted with trafilatura (htmldate finds the date), leaving out navigation, comments
and boilerplate.

The text of the document, which the offsets count (meta['offsets'] = 'article-text'): the
headline, a blank line, the article's text as trafilatura gives it.  meta: url (the address
given, also when it redirected), title, date, and `cached`, the file the fetched page was saved
to when a cache folder is given (so the page can be read again as it
was; `geo batch --resume` reads it instead of fetching again).

What fails, each with one line naming the address: a timeout (GEO_TEXTMAP_FETCH_SECONDS, default
20), more than MAX_REDIRECTS redirects or a redirect to something other than http(s), an HTTP
error status, a page that is not HTML (a PDF, an image, a zip ...), a page larger than MAX_BYTES,
a page with no article text."""
from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from .base import Item

URL = re.compile(r'^https?://[^\s/$.?#][^\s]*$', re.I)
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ('text/html', 'application/xhtml+xml')
USER_AGENT = 'geo-textmap (article reader; +https://pypi.org/project/geo-textmap/)'


def is_url(value) -> bool:
    return isinstance(value, str) and URL.match(value) is not None


def timeout() -> float:
    try:
        return max(0.1, float(os.environ.get('GEO_TEXTMAP_FETCH_SECONDS', 20)))
    except ValueError:
        return 20.0


@lru_cache(maxsize=1)
def _redirects():
    """The redirect handler class (urllib is imported on the first fetch, not by every command:
    it costs a short `geo parse` 30 ms)."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not is_url(newurl):
                raise InputError(f'{req.full_url}: redirected to {newurl[:200]!r}, which is not an http(s) address')
            return super().redirect_request(req, fp, code, msg, headers, newurl)
    return Redirects


def fetch(url: str) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a web page.  Raises InputError."""
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(_redirects()())
    req = urllib.request.Request(url, headers={'User-Agent': USER_AGENT, 'Accept': 'text/html,application/xhtml+xml'})
    secs = timeout()
    try:
        with opener.open(req, timeout=secs) as resp:
            ctype = resp.headers.get_content_type()
            final = resp.geturl()
            if ctype not in HTML_TYPES:
                raise InputError(f'{url}: not a web page ({ctype}); save the file and give it instead')
            body = resp.read(MAX_BYTES + 1)
    except InputError:
        raise
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307, 308):
            raise InputError(f'{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)') from None
        raise InputError(f'{url}: the server answered HTTP {e.code} {e.reason}') from None
    except urllib.error.URLError as e:
        why = e.reason
        if isinstance(why, (socket.timeout, TimeoutError)):
            raise InputError(f'{url}: no answer within {secs:g} s') from None
        raise InputError(f'{url}: cannot fetch ({why})') from None
    except (socket.timeout, TimeoutError):
        raise InputError(f'{url}: no answer within {secs:g} s') from None
    except (OSError, ValueError) as e:
        raise InputError(f'{url}: cannot fetch ({e})') from None
    if len(body) > MAX_BYTES:
        raise InputError(f'{url}: the page is larger than {MAX_BYTES // (1024 * 1024)} MB')
    return body, ctype, final


def article(html: bytes | str, url: str) -> tuple[str, dict]:
    """(text, meta) of a page's article: the headline, a blank line, the main text."""
    import trafilatura

    for name in ('trafilatura', 'htmldate', 'courlan'):      # their notes are not the user's business
        logging.getLogger(name).setLevel(logging.ERROR)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    body = (getattr(doc, 'text', None) or '').strip() if doc is not None else ''
    if not body:
        raise InputError(f'{url}: no article text found on the page')
    meta: dict = {'offsets': 'article-text', 'url': url}
    title = ' '.join((getattr(doc, 'title', None) or '').split())
    if title:
        meta['title'] = title[:300]
    date = getattr(doc, 'date', None)
    if date and re.match(r'\d{4}-\d{2}-\d{2}', str(date)):
        meta['date'] = str(date)[:10]
    text = body if not title or body.startswith(title) else f'{title}\n\n{body}'
    return text, meta


def page_file(url: str) -> str:
    """The name under which a page fetched from `url` is cached."""
    return hashlib.sha1(url.encode('utf-8', 'surrogatepass')).hexdigest()[:16] + '.html'


def url_id(url: str) -> str:
    """A document id for a URL: the address without its scheme and a final slash."""
    return re.sub(r'^https?://', '', url, flags=re.I).rstrip('/') or url


def read_url(url: str, doc_id: str | None = None, cache: Path | None = None, reuse: bool = False,
             meta: dict | None = None) -> Item:
    """The Item of an article at `url` (an error Item when it cannot be read).  With `cache`, the
    fetched page is saved there (and read from there instead of fetched when `reuse`)."""
    doc_id = doc_id or url_id(url)
    saved = cache / page_file(url) if cache is not None else None
    try:
        if reuse and saved is not None and saved.is_file():
            body = saved.read_bytes()
        else:
            body, _, _ = fetch(url)
            if saved is not None:
                from ..export.files import atomic_write_bytes
                saved.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(saved, body)
        text, found = article(body, url)      # the address given: a resume reads the same
    except InputError as e:
        return Item(id=doc_id, error=str(e), where=url, meta=dict(meta or {}, url=url))
    found['url'] = url
    if saved is not None:
        found['cached'] = str(saved)
    for k, v in (meta or {}).items():        # what the record says wins over what the page says
        if v:
            found[k] = v
    return Item(id=doc_id, text=text, where=url, meta=found)
