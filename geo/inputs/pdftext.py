"""A PDF's text layer, page by page (pdfminer.six; benchmarks/bench_input_readers.py says why it and
not pypdf or pypdfium2: they reverse Arabic written in logical order and misread the text layers
matplotlib writes).

The text we return, which the offsets of the result count: the pages in order, a blank line
between two pages (meta['pages'] holds the offset where each page starts, so each mention gets
its page); on a page, pdfminer's text boxes (paragraphs, in its reading order) a blank line
apart, the lines of a box joined by a space (a word split with a hyphen at a line end is joined).
Arabic: presentation forms folded, a page read backwards (visual order) put in logical order
(geo.inputs.rtl).  A PDF with no text on any page (a scan) is an error: no OCR.

Runs in the reader sandbox (geo.inputs.sandbox): a hostile PDF costs bounded time and memory."""
from __future__ import annotations

import io
import re

from .base import ReaderError as PdfError
from .rtl import logical_page

MAX_PAGES = 5000
MAX_STREAM_BYTES = 100 * 1024 * 1024      # what one stream may inflate to
PAGE_BREAK = '\n\n'
HYPHEN_END = re.compile(r'[A-Za-z\u00c0-\u024f]-$')
FILE_TITLE = re.compile(r'\.(docx?|pdf|odt|rtf|txt|indd)$|^Microsoft (Word|PowerPoint) - |^untitled$', re.I)


def _bounded_zlib(where: str):
    """A stand-in for the zlib module in pdfminer: decompress() stops at MAX_STREAM_BYTES with a
    clear error instead of inflating a bomb into all the memory there is."""
    import types
    import zlib

    def decompress(data: bytes, *args) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES:
            raise PdfError(f'{where}: a stream inflates to more than {MAX_STREAM_BYTES // (1024 * 1024)} MB: '
                           'a damaged or hostile PDF (nothing read from it)')
        return out + d.flush() if not d.unconsumed_tail else out

    return types.SimpleNamespace(decompress=decompress, decompressobj=zlib.decompressobj, error=zlib.error)


def fix_page(text: str) -> tuple[str, bool]:
    """A page's raw text with presentation forms folded and visual order undone (rtl)."""
    return logical_page(text)


def _aggregator(rsrc, laparams):
    """pdfminer's page aggregator, leaving out glyphs that map to no text (the dots and marks a
    font draws as glyphs of their own: their boxes would split the word around them)."""
    from pdfminer.converter import PDFPageAggregator

    class Aggregator(PDFPageAggregator):
        def render_char(self, *args, **kw):
            adv = super().render_char(*args, **kw)
            objs = getattr(self.cur_item, '_objs', None)
            if objs and not objs[-1].get_text():
                objs.pop()
            return adv

    return Aggregator(rsrc, laparams=laparams)


def _box_lines(layout) -> list[list[str]]:
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = []
    for obj in layout:
        if isinstance(obj, LTTextBox):
            lines = [ln.get_text().replace('\n', ' ').strip() for ln in obj if isinstance(ln, LTTextLine)]
            lines = [' '.join(ln.split()) for ln in lines if ln.strip()]
            if lines:
                boxes.append(lines)
    return boxes


def _join_box(lines: list[str]) -> str:
    out = lines[0]
    for ln in lines[1:]:
        if HYPHEN_END.search(out) and ln[:1].islower():
            out = out[:-1] + ln
        else:
            out += ' ' + ln
    return out


def page_text(boxes: list[list[str]]) -> tuple[str, bool]:
    """One page's text from its boxes of lines, Arabic folded and put in logical order first."""
    raw = '\n'.join('\n'.join(b) for b in boxes)
    fixed, visual = fix_page(raw)
    lines = iter(fixed.split('\n'))
    return '\n\n'.join(_join_box([next(lines) for _ in b]) for b in boxes), visual


def _info(doc) -> dict:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    meta = {}
    for info in doc.info[:1]:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        title = resolve1(info.get('Title'))
        if isinstance(title, bytes):
            title = ' '.join(decode_text(title).split())
            if title and re.search(r'\w', title) and not FILE_TITLE.search(title):
                meta['title'] = title[:300]
        made = resolve1(info.get('CreationDate'))
        if isinstance(made, bytes):
            m = re.match(rb'(?:D:)?(\d{4})(\d{2})(\d{2})', made)
            if m and '1900' < m.group(1).decode() < '2200':
                meta['date'] = '-'.join(g.decode() for g in m.groups())
    return meta


def read(data: bytes, where: str) -> list[dict]:
    """The one document of a PDF: [{'text', 'meta'}] (meta: offsets, pages, title, date, and
    'visual_pages' when any page was read backwards), or raises PdfError."""
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError
    from pdfminer.psparser import PSException

    if not data.lstrip()[:1024].find(b'%PDF-') >= 0:
        raise PdfError(f'{where}: not a PDF file (no %PDF- header)')
    from pdfminer import pdftypes
    pdftypes.zlib = _bounded_zlib(where)
    laparams = LAParams(word_margin=0.5, char_margin=6.0, line_margin=1.0, all_texts=True)
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        rsrc = PDFResourceManager(caching=True)
        device = _aggregator(rsrc, laparams)
        interp = PDFPageInterpreter(rsrc, device)
        pages, visual = [], []
        for n, page in enumerate(PDFPage.create_pages(doc), start=1):
            if n > MAX_PAGES:
                raise PdfError(f'{where}: more than {MAX_PAGES} pages; split the file')
            interp.process_page(page)
            text, backwards = page_text(_box_lines(device.get_result()))
            pages.append(text)
            if backwards:
                visual.append(n)
        meta = _info(doc)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfError(f'{where}: the PDF is encrypted; save a copy without a password') from None
    except (PDFSyntaxError, PSException) as e:
        raise PdfError(f'{where}: a damaged PDF ({type(e).__name__}: {str(e)[:120]})') from None
    except RecursionError:
        raise PdfError(f'{where}: a damaged or hostile PDF (objects nested too deeply)') from None
    if not pages:
        raise PdfError(f'{where}: the PDF has no pages')
    if not any(p.strip() for p in pages):
        raise PdfError(f'{where}: no text layer on any of its {len(pages)} page(s): a scanned PDF? '
                       'geo does not do OCR; run OCR first (e.g. ocrmypdf) and give the result')
    starts, pos = [], 0
    for p in pages:
        starts.append(pos)
        pos += len(p) + len(PAGE_BREAK)
    meta.update(offsets='pdf-text', pages=starts)
    if visual:
        meta['visual_pages'] = visual
    return [{'text': PAGE_BREAK.join(pages), 'meta': meta}]
