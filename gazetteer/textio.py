"""Decoding user files: UTF-8 (with or without BOM), UTF-16 and UTF-32 (with a BOM; UTF-16
without one when its zero bytes give it away), and the legacy code pages reports still come in:
Windows-1256 and ISO-8859-6 for Arabic, Windows-1252 / Latin-1 for Western text.  Shared by the
gazetteer readers and the document readers.

Never mojibake: bytes that are not text are refused ("binary data"), and so are legacy bytes
whose encoding cannot be told apart reliably.  Windows-1256 and ISO-8859-6 put the same Arabic
letters on different bytes, so a file that decodes in both is read both ways and each reading
is scored by how many of its words are real Arabic words (`wordfreq`, shipped offline) and how
many are impossible (Latin letters or a vowel mark glued to Arabic letters); when neither
reading wins clearly, the file is refused with a request to save it as UTF-8.

UTF-8 with a few damaged bytes (a file cut in the middle of a character, one stray Latin-1
byte) is read with each damaged sequence replaced by U+FFFD when the caller asks for it
(documents: `damaged='replace'`), and refused with FILE:LINE otherwise (gazetteer files,
whose names must be exact)."""
from __future__ import annotations

import codecs
import re
from pathlib import Path


class DecodeError(ValueError):
    """The bytes are not text in an encoding we can tell apart reliably."""


_BOMS = ((codecs.BOM_UTF32_LE, 'utf-32'), (codecs.BOM_UTF32_BE, 'utf-32'), (codecs.BOM_UTF8, 'utf-8-sig'),
         (codecs.BOM_UTF16_LE, 'utf-16'), (codecs.BOM_UTF16_BE, 'utf-16'))
_LATIN = ('cp1252', 'latin_1')
_ARABIC_CODE_PAGES = ('cp1256', 'iso8859_6')
_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b'\x00' in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def decode(data: bytes, where: str = 'input', damaged: str = 'refuse') -> str:
    """Bytes -> str, or DecodeError saying why (messages start with `where`).

    damaged: what to do with UTF-8 that has a few invalid bytes: 'refuse' (DecodeError naming
    the line) or 'replace' (each damaged sequence becomes U+FFFD)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _check_controls(_strict(data, enc, where), where)
    if not data:
        return ''
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise DecodeError(f'{where}: binary data, not text')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError as e:
        first_bad = e.start
    if _mostly_utf8(data):
        if damaged == 'replace':
            return data.decode('utf-8', errors='replace')
        line = data.count(b'\n', 0, first_bad) + 1
        raise DecodeError(f'{where}:{line}: invalid UTF-8 (byte {first_bad}); fix the file or save it as UTF-8 again')
    return _legacy(data, where)


def _strict(data: bytes, enc: str, where: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise DecodeError(f'{where}: invalid {enc.replace("-sig", "").upper()} at byte {e.start}') from None


_CONTROLS = re.compile('[\x00-\x08\x0e-\x1f]')


def _check_controls(text: str, where: str) -> str:
    """Text decoded from a BOM'd file is refused when it is mostly control characters (a BOM
    followed by binary data)."""
    sample = text[:_SAMPLE]
    if sample and ('\x00' in sample or len(_CONTROLS.findall(sample)) > len(sample) * 0.05):
        raise DecodeError(f'{where}: binary data, not text')
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: every zero byte on the same side of its pair (the high byte
    of ASCII spaces, digits and punctuation), and the decoded text readable."""
    sample = data[:_SAMPLE - _SAMPLE % 2]
    if len(data) % 2 or len(sample) < 4 or b'\x00' not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even and odd:
        return None
    if max(even, odd) < len(sample) // 2 * 0.05:   # a few zeros: binary, not spaces
        return None
    enc = 'utf-16-le' if odd else 'utf-16-be'
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    head = text[:_SAMPLE // 2]
    if '\x00' in head or len(_CONTROLS.findall(head)) > len(head) * 0.01:
        return None
    if sum(ch.isprintable() or ch in '\t\r\n' for ch in head) < len(head) * 0.95:
        return None
    if sum(ch.isspace() for ch in head) < len(head) * 0.02:     # text has spaces or line breaks
        return None
    return text


_HIGH = bytes(range(0x80, 0x100))
_UTF8_SEQ = re.compile(rb'[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}')


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes: at least three in four bytes above 0x7F form valid UTF-8
    sequences (in legacy Arabic or Latin text, at most one letter in two can: the one before a
    comma or a no-break space)."""
    high = len(data) - len(data.translate(None, _HIGH))
    if not high:
        return False
    rest = _UTF8_SEQ.sub(b'', data)
    stray = len(rest) - len(rest.translate(None, _HIGH))
    return stray <= high * 0.25


def _legacy(data: bytes, where: str) -> str:
    readings = {}
    for enc in _ARABIC_CODE_PAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) >= 0.5:
            readings[enc] = text
    if readings:
        text = _pick_arabic(readings, where)
        if text is not None:
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LATIN) + list(_ARABIC_CODE_PAGES)).best()
    if best is None:
        raise DecodeError(f'{where}: not UTF-8 and no known encoding fits; save it as UTF-8')
    for enc in _LATIN:      # Western text: the code page the detector found, or the closest we know
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _arabic_mojibake(text):
            raise DecodeError(f'{where}: encoding unclear (Arabic in an unknown code page?); save it as UTF-8')
        return text
    raise DecodeError(f'{where}: not UTF-8 and no known encoding fits; save it as UTF-8')


_ARABIC_LETTER = re.compile('[\u0621-\u064a\u0671-\u06d3]')
_NON_ASCII_LETTER = re.compile(r'[^\x00-\x7f\W\d_]|[\u064b-\u0652×÷]')


def _arabic_share(text: str) -> float:
    letters = _NON_ASCII_LETTER.findall(text)
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _ARABIC_LETTER.match(ch)) / len(letters)


_WORD = re.compile('[A-Za-z\u0600-\u06ff\u00c0-\u00ff\u00d7\u00f7]+')
_MARK = re.compile('[\u064b-\u0652]')
_LATIN_IN_WORD = re.compile('[A-Za-z\u00c0-\u00ff\u00d7\u00f7]')


def _plausibility(text: str) -> tuple[float, float, int]:
    """How Arabic a reading looks: (mean Zipf frequency of its words, share of impossible words,
    how many words of three letters or more are common words).  A real word scores 3 to 7 and
    letter salad 0 (`wordfreq`); a word that glues Latin letters, × or ÷ to Arabic letters, or
    begins with a vowel mark, is impossible.  Single letters are abbreviations more often than
    words: they decide nothing."""
    from wordfreq import zipf_frequency

    words = [w for w in _WORD.findall(text[:20000]) if _ARABIC_LETTER.search(w) and len(_MARK.sub('', w)) > 1]
    if not words:
        return 0.0, 0.0, 0
    total, impossible, common = 0.0, 0, 0
    for w in words:
        if _LATIN_IN_WORD.search(w) or _MARK.match(w):
            impossible += 1
            continue
        bare = _MARK.sub('', w)
        z = zipf_frequency(bare, 'ar')
        if not z and len(bare) > 3 and bare[0] in 'وفبلك':
            z = zipf_frequency(bare[1:], 'ar')
        total += z
        common += z >= 3.0 and len(bare) >= 3
    return total / len(words), impossible / len(words), common


def _pick_arabic(readings: dict[str, str], where: str) -> str | None:
    """The reading that is Arabic text; None when no reading is (the bytes are Western text).
    Of two readings that differ, one wins only with clear evidence: a higher mean word score by
    a point or more, and more than twice as many common words as the other (at least two)."""
    scored = {enc: _plausibility(t) for enc, t in readings.items()}
    fit = {enc: s for enc, s in scored.items() if s[1] <= 0.2}
    if not fit:
        return None
    texts = {readings[enc] for enc in fit}
    if len(texts) == 1:
        return texts.pop()
    (best, enc), (second, other) = sorted(((s[0], enc) for enc, s in fit.items()), reverse=True)[:2]
    common, rival = fit[enc][2], fit[other][2]
    if best - second >= 1.0 and common >= max(2, 2 * rival + 1):
        return readings[enc]
    raise DecodeError(f'{where}: Arabic in Windows-1256 or in ISO-8859-6? The two readings differ and '
                      'neither is clearly right; save the file as UTF-8')


def _arabic_mojibake(text: str) -> bool:
    # cp1256 Arabic read as cp1252 turns into runs of accented capitals
    odd = sum(1 for ch in text if '\u00c0' <= ch <= '\u00ff')
    return odd > len(text) * 0.3


def read_text(path: str | Path) -> str:
    p = Path(path)
    with open(p, 'rb') as f:
        data = f.read()
    return decode(data, str(p))
