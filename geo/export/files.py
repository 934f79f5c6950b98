"""Writing output files so that none is ever left half-written: write a temporary file in the
same folder, then rename it over the target."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f'.{path.name}.', suffix='.tmp', dir=path.parent)
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    # a lone surrogate (an undecodable file name, a JSON escape) is written as its escape \udcff,
    # which JSON reads back as the same character, rather than failing the whole file
    return atomic_write_bytes(path, text.encode('utf-8', 'backslashreplace'))


def safe_stem(doc_id: str, max_len: int = 80) -> str:
    """A file name made from a document id that cannot leave the output folder."""
    import hashlib
    import re

    stem = re.sub(r'[^\w\-.]+', '_', str(doc_id), flags=re.UNICODE).strip('._') or 'doc'
    if stem != str(doc_id) or len(stem) > max_len or len(stem.encode('utf-8', 'surrogatepass')) > 3 * max_len:
        digest = hashlib.sha1(str(doc_id).encode('utf-8', 'surrogatepass')).hexdigest()[:8]
        stem = stem[:max_len - 9]
        while len(stem.encode('utf-8', 'surrogatepass')) > 2 * max_len:   # file names are bytes (255 at most)
            stem = stem[:-1]
        stem = f'{stem}-{digest}'
    return stem
