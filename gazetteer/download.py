"""Fetching GeoNames dump files, for `geo gazetteer download SY IQ ...`: the only place where
this project goes to the network, and only when the user asks.

Files land in <home>/downloads/ (written as .part and renamed when complete, so an interrupted
download never passes for a whole file).  A file already there is fetched again only when the
server has a newer one (If-Modified-Since), so adding a country later does not fetch the
alternate names (about 180 MB) again.
"""
from __future__ import annotations

import contextlib
import email.utils
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path
from typing import Callable

from .errors import GazetteerError
from .paths import home

DEFAULT_BASE_URL = 'https://download.geonames.org/export/dump/'
ALTERNATE_NAMES = 'alternateNamesV2.zip'
# files of the export that are not countries but can be asked for by name
SPECIAL = {'allcountries': 'allCountries', 'cities500': 'cities500', 'cities1000': 'cities1000',
           'cities5000': 'cities5000', 'cities15000': 'cities15000'}
CHUNK = 1 << 20

Progress = Callable[[str, int, 'int | None'], None]


def downloads_dir() -> Path:
    return home() / 'downloads'


def file_names(countries: list[str], alternate_names: bool = True) -> list[str]:
    """SY -> SY.zip; allCountries, cities500 ... as named; bad codes raise GazetteerError."""
    out = []
    for c in countries:
        c = c.strip()
        name = SPECIAL.get(c.lower().removesuffix('.zip'))
        if name is None:
            if not re.fullmatch(r'[A-Za-z]{2}', c):
                raise GazetteerError(f'{c!r} is not a country code (two letters, such as SY or IQ) '
                                     f'nor one of {", ".join(SPECIAL.values())}')
            name = c.upper()
        if f'{name}.zip' not in out:
            out.append(f'{name}.zip')
    if alternate_names:
        out.append(ALTERNATE_NAMES)
    return out


def fetch(url: str, dest: Path, progress: Progress | None = None, timeout: float = 60.0) -> Path:
    """Download `url` to `dest`.  When `dest` exists it is kept if the server says it has
    nothing newer (HTTP 304)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    req = urllib.request.Request(url, headers={'User-Agent': 'geo-textmap (gazetteer download)'})
    if dest.exists():
        req.add_header('If-Modified-Since', email.utils.formatdate(dest.stat().st_mtime, usegmt=True))
    part = dest.with_name(dest.name + '.part')
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            total = resp.headers.get('Content-Length')
            total = int(total) if total and total.isdigit() else None
            done = 0
            with open(part, 'wb') as f:
                while True:
                    chunk = resp.read(CHUNK)
                    if not chunk:
                        break
                    f.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(dest.name, done, total)
            if total is not None and done != total:
                raise GazetteerError(f'{url}: the download stopped at {done} of {total} bytes; try again')
            modified = resp.headers.get('Last-Modified')
        os.replace(part, dest)
        if modified:
            with contextlib.suppress(ValueError, TypeError, OverflowError, OSError):
                t = email.utils.parsedate_to_datetime(modified).timestamp()
                os.utime(dest, (t, t))
    except urllib.error.HTTPError as e:
        part.unlink(missing_ok=True)
        if e.code == 304 and dest.exists():
            if progress:
                size = dest.stat().st_size
                progress(dest.name, size, size)
            return dest
        hint = ' (is the country code right?)' if e.code == 404 else ''
        raise GazetteerError(f'{url}: HTTP {e.code} {e.reason}{hint}') from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        part.unlink(missing_ok=True)
        reason = getattr(e, 'reason', e)
        raise GazetteerError(f'{url}: cannot download ({reason}); check the connection or --base-url') from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    if dest.suffix == '.zip' and not zipfile.is_zipfile(dest):
        dest.unlink(missing_ok=True)
        raise GazetteerError(f'{url}: the server sent something that is not a zip file')
    return dest


def download(countries: list[str], base_url: str = DEFAULT_BASE_URL, alternate_names: bool = True,
             progress: Progress | None = None, folder: Path | None = None) -> list[Path]:
    """Fetch the GeoNames files of `countries` (and the alternate names) into the downloads
    folder; returns their paths, ready for gazetteer.store.import_geonames."""
    base = base_url if base_url.endswith('/') else base_url + '/'
    if urllib.parse.urlsplit(base).scheme not in ('http', 'https'):
        raise GazetteerError(f'--base-url {base_url!r}: give an http(s) URL')
    folder = folder or downloads_dir()
    return [fetch(urllib.parse.urljoin(base, name), folder / name, progress) for name in file_names(countries, alternate_names)]
