"""Decoding user files: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Arabic code
pages (Windows-1256, ISO-8859-6) detected by charset-normalizer.  Binary data is refused, never
turned into mojibake.  Shared by the gazetteer readers and the document readers."""
from __future__ import annotations

import codecs
from pathlib import Path


class DecodeError(ValueError):
    """The bytes are not text in an encoding we can tell apart reliably."""


_LEGACY = ('cp1256', 'iso8859_6', 'utf_16', 'utf_16_le', 'utf_16_be', 'cp1252', 'latin_1', 'ascii')


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b'\x00' in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def decode(data: bytes, where: str = 'input') -> str:
    """Bytes -> str, or DecodeError saying why."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], 'utf-8', where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, 'utf-16', where)
    if looks_binary(data):
        raise DecodeError(f'{where}: binary data, not text')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None or best.encoding not in {codecs.lookup(e).name for e in _LEGACY} | {'cp1256', 'iso8859_6'}:
        raise DecodeError(f'{where}: not UTF-8 and no known encoding fits; save it as UTF-8')
    text = str(best)
    if best.encoding in ('cp1252', 'latin_1') and _arabic_mojibake(text):
        raise DecodeError(f'{where}: encoding unclear (Arabic in an unknown code page?); save it as UTF-8')
    return text


def _strict(data: bytes, enc: str, where: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise DecodeError(f'{where}: invalid {enc} at byte {e.start}') from None


def _arabic_mojibake(text: str) -> bool:
    # cp1256 Arabic read as cp1252 turns into runs of accented capitals
    odd = sum(1 for ch in text if '\u00c0' <= ch <= '\u00ff')
    return odd > len(text) * 0.3


def read_text(path: str | Path) -> str:
    p = Path(path)
    with open(p, 'rb') as f:
        data = f.read()
    return decode(data, str(p))
