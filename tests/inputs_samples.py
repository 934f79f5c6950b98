"""Documents we make ourselves for the input readers' tests and benchmark: PDFs (fpdf2: a text
layer in logical order, or of Arabic presentation forms; matplotlib: shaped Arabic whose text
layer is in visual order, as most PDF writers leave it; an image only, like a scan), a DOCX
(python-docx: a header, a table, a right-to-left paragraph), e-mails (.eml with a PDF
attachment, .msg as an OLE file) and hostile files (a PDF bomb, a DOCX zip bomb).  The texts
are our own examples (examples/*.txt)."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AR_TEXT = (ROOT / 'examples' / 'idlib-floods.ar.txt').read_text(encoding='utf-8')
EN_TEXT = (ROOT / 'examples' / 'nineveh-convoy.en.txt').read_text(encoding='utf-8')


def fonts() -> dict[str, str]:
    from geo.maps.fonts import register
    return {k: str(getattr(v, 'path', v)) for k, v in register().items()}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split('\n') if p.strip()]


# --- Arabic presentation forms (the inverse of the NFKC fold the reader does) ---------------

def _forms() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for cp in range(0xFE70, 0xFEFD):
        d = unicodedata.decomposition(chr(cp)).split()
        if len(d) == 2 and d[0] in ('<isolated>', '<final>', '<initial>', '<medial>'):
            table.setdefault(chr(int(d[1], 16)), {})[d[0].strip('<>')] = chr(cp)
    return table


_FORMS = _forms()
FORMS_RE = re.compile('[\ufb50-\ufdff\ufe70-\ufeff]')


def presentation_forms(text: str) -> str:
    """Each Arabic letter as the presentation form its neighbours give it (no lam-alef
    ligatures), in logical order: what old PDF writers put in the text layer."""
    def joins_next(ch: str) -> bool:      # the letter takes an initial/medial form
        f = _FORMS.get(ch, {})
        return 'initial' in f or 'medial' in f

    out = []
    for i, ch in enumerate(text):
        f = _FORMS.get(ch)
        if not f:
            out.append(ch)
            continue
        prev = text[i - 1] if i else ''
        nxt = text[i + 1] if i + 1 < len(text) else ''
        after = joins_next(prev) and prev in _FORMS
        before = nxt in _FORMS and joins_next(ch)
        form = ('medial' if after and before else 'final' if after else 'initial' if before else 'isolated')
        out.append(f.get(form) or f.get('isolated') or ch)
    return ''.join(out)


# --- PDFs ---------------------------------------------------------------------------------

def fpdf_pdf(pages: list[list[str]], arabic: bool = True) -> bytes:
    """A PDF (fpdf2, no shaping): each page's lines written as given, so its text layer holds
    them in logical order."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title('')
    pdf.add_font('body', fname=fonts()['Noto Sans Arabic' if arabic else 'Noto Sans'])
    pdf.set_font('body', size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 8, line)
            pdf.ln(2)
    return bytes(pdf.output())


def matplotlib_pdf(pages: list[list[str]]) -> bytes:
    """A PDF drawn by matplotlib (Arabic shaped by libraqm), its text layer written glyph by glyph
    left to right: a text extractor reads Arabic lines in visual (reversed) order."""
    import textwrap

    import matplotlib
    matplotlib.use('Agg')
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from geo.maps.fonts import pdf_text_layer, text_style

    buf = io.BytesIO()
    with pdf_text_layer(), PdfPages(buf) as pdf:
        for lines in pages:
            fig = Figure(figsize=(8.27, 11.69))
            y = 0.95
            for para in lines:
                for line in textwrap.wrap(para, 70):
                    fig.text(0.92, y, line, ha='right', va='top', **text_style(line, 11))
                    y -= 0.02
                y -= 0.015
            pdf.savefig(fig)
    return buf.getvalue()


def scan_pdf() -> bytes:
    """A page that is only a picture (no text layer), as a scanner writes it."""
    import matplotlib
    matplotlib.use('Agg')
    import numpy as np
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 5))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(np.random.default_rng(1).random((60, 50)), cmap='gray')
    ax.axis('off')
    buf = io.BytesIO()
    fig.savefig(buf, format='pdf')
    return buf.getvalue()


def pdf_bomb_nesting(depth: int = 200_000) -> bytes:
    """A PDF whose page dictionary holds an array nested `depth` deep."""
    deep = b'[' * depth + b']' * depth
    return _raw_pdf(b'<< /Length 0 >>\nstream\n\nendstream', extra=b' /Junk ' + deep)


def pdf_bomb_stream(mb: int = 400) -> bytes:
    """A PDF whose one page's content stream inflates to `mb` MB of text-drawing operators."""
    z = zlib.compressobj(9)
    chunk = b'BT /F1 12 Tf 72 720 Td (Aleppo Aleppo Aleppo Aleppo) Tj ET\n' * 16384
    parts = [z.compress(chunk) for _ in range(mb * 1024 * 1024 // len(chunk))]
    data = b''.join(parts) + z.flush()
    head = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data)
    return _raw_pdf(head + data + b'\nendstream')


def _raw_pdf(content_obj: bytes, extra: bytes = b'') -> bytes:
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
            b'/Resources << /Font << /F1 5 0 R >> >>' + extra + b' >>',
            content_obj,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = io.BytesIO()
    out.write(b'%PDF-1.7\n')
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b'%d 0 obj\n' % i + body + b'\nendobj\n')
    xref = out.tell()
    out.write(b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1))
    for off in offsets:
        out.write(b'%010d 00000 n \n' % off)
    out.write(b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref))
    return out.getvalue()


# --- DOCX ---------------------------------------------------------------------------------

def docx_file(header: str, before: list[str], table: list[list[str]], after: list[str], rtl: bool = True) -> bytes:
    """A Word file: a page header, paragraphs, a table, more paragraphs; the paragraphs marked
    right to left (w:bidi) when `rtl`."""
    import datetime

    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.core_properties.created = datetime.datetime(2026, 3, 2, 8, 0)
    d.sections[0].header.paragraphs[0].text = header

    def para(text: str) -> None:
        p = d.add_paragraph(text)
        if rtl:
            p._p.get_or_add_pPr().append(OxmlElement('w:bidi'))
            for r in p.runs:
                r._r.get_or_add_rPr().append(OxmlElement('w:rtl'))

    for t in before:
        para(t)
    tab = d.add_table(rows=len(table), cols=len(table[0]))
    for i, row in enumerate(table):
        for j, cell in enumerate(row):
            tab.cell(i, j).text = cell
    for t in after:
        para(t)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_bomb(mb: int = 1024) -> bytes:
    """A DOCX whose word/document.xml inflates to `mb` MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            block = b' ' * (1 << 20)
            for _ in range(mb):
                f.write(block)
    return buf.getvalue()


# --- e-mail -------------------------------------------------------------------------------

def eml_file(subject: str, body: str, attachments: dict[str, bytes], html: bool = False) -> bytes:
    from email.message import EmailMessage

    m = EmailMessage()
    m['From'] = 'desk@example.org'
    m['To'] = 'analyst@example.org'
    m['Subject'] = subject
    m['Date'] = 'Tue, 03 Mar 2026 09:30:00 +0000'
    if html:
        m.set_content('<html><body><p>' + body.replace('\n', '</p><p>') + '</p></body></html>', subtype='html')
    else:
        m.set_content(body)
    for name, data in attachments.items():
        maintype, subtype = {'.pdf': ('application', 'pdf'), '.png': ('image', 'png')}.get(
            name[name.rfind('.'):], ('application', 'vnd.openxmlformats-officedocument.wordprocessingml.document'))
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m.as_bytes()


# --- Outlook .msg (an OLE compound file) ---------------------------------------------------

def _cfb(storages: dict[str, dict[str, bytes]]) -> bytes:
    """A compound file (version 3, 512-byte sectors) with a root stream set and storages of
    streams ({'': root streams, 'NAME': streams}); every stream padded to 4096 bytes or more so
    that none lives in the mini stream (trailing NULs, which the .msg reader strips)."""
    import struct

    END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    entries = [{'name': 'Root Entry', 'type': 5, 'kids': []}]
    sectors: list[bytes] = []
    fat: list[int] = []

    def put(data: bytes) -> int:
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b'\x00')
        first = len(sectors)
        for i in range(0, len(data), 512):
            sectors.append(data[i:i + 512])
            fat.append(len(sectors) if i + 512 < len(data) else END)
        return first

    for storage, streams in storages.items():
        parent = 0
        if storage:
            entries.append({'name': storage, 'type': 1, 'kids': []})
            entries[0]['kids'].append(len(entries) - 1)
            parent = len(entries) - 1
        for name, data in streams.items():
            padded = data.ljust(4096, b'\x00')
            entries.append({'name': name, 'type': 2, 'kids': [], 'start': put(padded), 'size': len(padded)})
            entries[parent]['kids'].append(len(entries) - 1)
    dir_first = len(sectors)
    records = []
    for e in entries:
        kids = e['kids']
        for a, b in zip(kids, kids[1:]):
            entries[a]['right'] = b
    for e in entries:
        name = e['name'].encode('utf-16-le') + b'\x00\x00'
        records.append(struct.pack('<64sHBBIII16sIQQIQ', name, len(name), e['type'], 1, NOSTREAM,
                                   e.get('right', NOSTREAM), e['kids'][0] if e['kids'] else NOSTREAM,
                                   b'\x00' * 16, 0, 0, 0, e.get('start', END), e.get('size', 0)))
    blob = b''.join(records)
    blob = blob.ljust(-(-len(blob) // 512) * 512, b'\x00')
    for i in range(0, len(blob), 512):
        sectors.append(blob[i:i + 512])
        fat.append(len(sectors) if i + 512 < len(blob) else END)
    n_fat = 1
    while len(fat) + n_fat > n_fat * 128:
        n_fat += 1
    fat_first = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * 128 - len(fat))
    fat_bytes = struct.pack(f'<{len(fat)}I', *fat)
    sectors += [fat_bytes[i:i + 512] for i in range(0, len(fat_bytes), 512)]
    difat = [fat_first + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = struct.pack('<8s16sHHHHH6sIIIIIIIII', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', b'\x00' * 16, 0x3E, 3,
                         0xFFFE, 9, 6, b'\x00' * 6, 0, n_fat, dir_first, 0, 4096, END, 0, END, 0)
    header += struct.pack('<109I', *difat)
    return header + b''.join(sectors)


def msg_file(subject: str, body: str, attachments: dict[str, bytes], sent: str = '2026-03-04') -> bytes:
    """An Outlook .msg: subject (0x0037), plain body (0x1000), the time it was sent (0x0039, in the
    property stream) and each attachment's long file name (0x3707) and bytes (0x3701)."""
    import datetime
    import struct

    when = datetime.datetime.fromisoformat(sent).replace(tzinfo=datetime.timezone.utc)
    ticks = int((when - datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)).total_seconds() * 10_000_000)
    props = b'\x00' * 32 + struct.pack('<IIQ', (0x0039 << 16) | 0x0040, 0, ticks)
    storages = {'': {'__substg1.0_001A001F': 'IPM.Note'.encode('utf-16-le'),
                     '__substg1.0_0037001F': subject.encode('utf-16-le'),
                     '__substg1.0_1000001F': body.encode('utf-16-le'),
                     '__properties_version1.0': props}}
    for k, (name, data) in enumerate(attachments.items()):
        storages[f'__attach_version1.0_#{k:08X}'] = {'__substg1.0_3707001F': name.encode('utf-16-le'),
                                                     '__substg1.0_37010102': data}
    return _cfb(storages)
