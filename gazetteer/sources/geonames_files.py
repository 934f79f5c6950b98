"""GeoNames dump files as users download them from the GeoNames export: a country file (SY.zip
or SY.txt), allCountries.zip or cities500.zip (19 tab-separated columns), and
alternateNamesV2.zip (names in other languages, tagged with their language).

classify() tells which a file is; DumpFile.lines() streams its lines (allCountries is 1.5 GB
unzipped) with progress by bytes.
"""
from __future__ import annotations

import contextlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..errors import GazetteerError

Progress = Callable[[str, int, 'int | None'], None]   # label, done, total (bytes)

PLACE_COLUMNS = 19
NAME_COLUMNS = (10, 8)          # alternateNamesV2, and the older alternateNames without from/to
MAX_ERRORS = 20


@dataclass
class DumpFile:
    """One data file: a plain .txt, or the data member of a .zip."""
    path: Path
    member: str | None
    kind: str                   # 'places' or 'names'
    size: int                   # uncompressed bytes, for progress

    @property
    def label(self) -> str:
        return f'{self.path.name}' + (f'[{self.member}]' if self.member and Path(self.member).stem != self.path.stem else '')

    @property
    def where(self) -> str:
        """The file as error messages name it."""
        if self.member is None or Path(self.member).stem == self.path.stem:
            return str(self.path)
        return f'{self.path}[{self.member}]'

    @property
    def stem(self) -> str:
        return Path(self.member or self.path.name).stem

    def lines(self, progress: Progress | None = None) -> Iterator[tuple[int, bytes]]:
        """(line number, raw line without its end) with progress by bytes."""
        done = last = 0
        try:
            with contextlib.ExitStack() as stack:
                if self.member is None:
                    f = stack.enter_context(open(self.path, 'rb', buffering=1 << 20))
                else:
                    zf = stack.enter_context(zipfile.ZipFile(self.path))
                    f = stack.enter_context(io.BufferedReader(zf.open(self.member), buffer_size=1 << 20))
                for no, line in enumerate(f, start=1):
                    done += len(line)
                    if progress and done - last >= 1 << 22:
                        progress(self.label, done, self.size)
                        last = done
                    yield no, line.rstrip(b'\r\n')
        except (OSError, EOFError, zipfile.BadZipFile) as e:
            raise GazetteerError(f'{self.where}: cannot read past byte {done} ({e}); download it again') from None
        if progress:
            progress(self.label, self.size, self.size)


def _columns(first: bytes) -> int:
    return first.rstrip(b'\r\n').count(b'\t') + 1


def classify(path: str | Path) -> DumpFile:
    """What a file the user gave is: GeoNames places or alternate names, plain or zipped."""
    path = Path(path)
    if path.is_dir():
        raise GazetteerError(f'{path}: is a directory; give the GeoNames files (SY.zip, alternateNamesV2.zip)')
    if not path.exists():
        raise GazetteerError(f'{path}: no such file')
    member = None
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                data = [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith('.txt')
                        and Path(i.filename).name.lower() not in ('readme.txt', 'iso-languagecodes.txt')]
                if len(data) != 1:
                    names = ', '.join(i.filename for i in zf.infolist()) or 'nothing'
                    raise GazetteerError(f'{path}: expected one GeoNames data file in the zip, found {names}')
                member, size = data[0].filename, data[0].file_size
                with zf.open(member) as f:
                    first = f.readline()
        else:
            size = path.stat().st_size
            with open(path, 'rb') as f:
                first = f.readline()
    except (OSError, zipfile.BadZipFile) as e:
        raise GazetteerError(f'{path}: cannot read ({e})') from None
    if not first.strip():
        raise GazetteerError(f'{path}:1: the file is empty')
    cols = _columns(first)
    if cols == PLACE_COLUMNS:
        kind = 'places'
    elif cols in NAME_COLUMNS:
        kind = 'names'
    else:
        where = f'{path}' + (f' ({member})' if member else '')
        raise GazetteerError(
            f'{where}:1: {cols} tab-separated fields; a GeoNames dump line has {PLACE_COLUMNS} '
            f'(alternate names: {NAME_COLUMNS[0]}).  For a CSV of your own places use `geo gazetteer add`')
    return DumpFile(path, member, kind, size)
