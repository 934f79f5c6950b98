"""The PDF of a static map, as poppler reads and draws it: Arabic text keeps its word spaces
(pdftotext, the word boxes, and a 300-dpi render against the PNG of the same map)."""
from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

from maps_samples import deir_ez_zor

pytestmark = pytest.mark.skipif(
    not (shutil.which('pdftotext') and shutil.which('pdftoppm')),
    reason='pdftotext and pdftoppm (Debian poppler-utils) are not installed: apt-get install poppler-utils')

DPI = 300
LRE, PDF_MARK = '\u202a', '\u202c'
BIDI_CONTROLS = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069]')


@pytest.fixture(scope='module')
def phrase():
    from geo.maps import style
    return style.WORDS['ar']['approximate']         # موقع تقريبي (الدائرة: هامش الخطأ)


@pytest.fixture(scope='module')
def files(tmp_path_factory):
    """The PDF and the PNG (at 300 dpi) of one Arabic map with approximate places."""
    from geo.outputs import write_outputs
    out = tmp_path_factory.mktemp('pdf')
    pdf, png = write_outputs(deir_ez_zor(), out, ['pdf', 'png'], dpi=DPI)
    assert pdf.suffix == '.pdf' and png.suffix == '.png'
    return pdf, png


def _logical(line: str) -> str:
    """pdftotext's line of Arabic in reading order.  It writes an Arabic line in logical order,
    but a run it takes for left-to-right (digits, and the punctuation and spaces around them)
    in display order between LRE and PDF marks; inside an Arabic line such a run reads backwards
    (its digit groups excepted)."""
    def run(m):
        return re.sub(r'[0-9]+', lambda d: d.group(0)[::-1], m.group(1)[::-1])
    line = re.sub(f'{LRE}([^{PDF_MARK}]*){PDF_MARK}', run, line)
    return ' '.join(BIDI_CONTROLS.sub('', line).split())


def test_logical_reads_pdftotexts_embedded_runs():
    assert _logical('\u202bمرات الذكر\u202a2 ،1 :\u202c\u202c') == 'مرات الذكر: 1، 2'
    assert _logical('\u202bالأماكن على الخريطة\u202a10 :\u202c\u202c') == 'الأماكن على الخريطة: 10'


def test_pdftotext_reads_the_arabic_legend_with_its_spaces(files, phrase):
    pdf, _ = files
    text = subprocess.run(['pdftotext', str(pdf), '-'], capture_output=True, text=True, check=True).stdout
    lines = [_logical(ln) for ln in text.splitlines() if phrase.split()[0] in ln]
    assert phrase in lines, lines


def _legend_line(pdf, phrase) -> list[tuple[float, float, float, float]]:
    """Word boxes (x0, y0, x1, y1, in points from the top left) of the legend's line, left to right."""
    xml = subprocess.run(['pdftotext', '-bbox-layout', str(pdf), '-'], capture_output=True, text=True,
                         check=True).stdout
    first = phrase.split()[0]
    for line in re.findall(r'<line[^>]*>(.*?)</line>', xml, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                           line)
        if any(w[-1][::-1] == first for w in words):      # pdftotext boxes hold glyphs in display order
            return sorted(tuple(float(v) for v in w[:4]) for w in words)
    raise AssertionError(f'no line of {first!r} in the PDF')


def test_the_legend_words_do_not_overlap_and_are_a_space_apart(files, phrase):
    """Each word sits where the layout put it: no two overlap (before the fix a word slid onto the
    colon), and the gaps between them are the phrase's spaces, each about one space wide."""
    pdf, _ = files
    boxes = _legend_line(pdf, phrase)
    gaps = [b[0] - a[2] for a, b in zip(boxes, boxes[1:])]
    assert min(gaps) > -0.3, gaps
    height = boxes[0][3] - boxes[0][1]
    spaces = [g for g in gaps if g > 0.05 * height]
    assert len(spaces) == phrase.count(' '), gaps
    assert max(spaces) < 1.5 * min(spaces), gaps


def _ink_columns(img: np.ndarray) -> np.ndarray:
    return (img.min(axis=2) < 128).any(axis=0) if img.ndim == 3 else (img < 128).any(axis=0)


def _gaps(columns: np.ndarray, min_px: int) -> list[tuple[int, int]]:
    """(start, end) of the runs of blank columns at least `min_px` wide between inked columns."""
    ink = np.flatnonzero(columns)
    return [(int(a) + 1, int(b)) for a, b in zip(ink, ink[1:]) if b - a - 1 >= min_px]


def test_a_300_dpi_render_of_the_pdf_spaces_the_legend_as_the_png_does(files, phrase, tmp_path):
    """poppler's 300-dpi render of the legend line shows the word gaps where the PNG shows them."""
    from PIL import Image

    pdf, png = files
    subprocess.run(['pdftoppm', '-r', str(DPI), '-png', '-singlefile', str(pdf), str(tmp_path / 'page')],
                   check=True)
    drawn = np.asarray(Image.open(tmp_path / 'page.png').convert('L'))
    made = np.asarray(Image.open(png).convert('L'))
    assert abs(drawn.shape[0] - made.shape[0]) <= 1 and abs(drawn.shape[1] - made.shape[1]) <= 1
    boxes = _legend_line(pdf, phrase)
    px = DPI / 72
    x0, x1 = int(boxes[0][0] * px) - 4, int(boxes[-1][2] * px) + 4
    y0, y1 = int(min(b[1] for b in boxes) * px), int(max(b[3] for b in boxes) * px)
    space_px = min(g for g in (b[0] - a[2] for a, b in zip(boxes, boxes[1:])) if g > 0.3) * px
    min_px = max(3, round(space_px))          # wider than a gap between letters of one word
    in_pdf = _gaps(_ink_columns(drawn[y0:y1, x0:x1]), min_px)
    in_png = _gaps(_ink_columns(made[y0:y1, x0:x1]), min_px)
    assert len(in_pdf) >= phrase.count(' '), (in_pdf, in_png)
    assert len(in_pdf) == len(in_png), (in_pdf, in_png)
    for (a0, a1), (b0, b1) in zip(in_pdf, in_png):
        assert abs(a0 - b0) <= 3 and abs(a1 - b1) <= 3, (in_pdf, in_png)


def test_pdfs_written_at_once_by_two_threads_leave_matplotlib_as_it_was():
    """The PDF text layer patches matplotlib while a PDF is written; a second thread that starts
    one meanwhile waits, and neither keeps the other's patch when it ends."""
    import threading
    import time

    from matplotlib import _text_helpers
    from matplotlib.backends import _backend_pdf_ps, backend_pdf

    from geo.maps import fonts
    original = _backend_pdf_ps.CharacterTracker
    inside, release = threading.Event(), threading.Event()

    def first():
        with fonts.pdf_text_layer():
            inside.set()
            release.wait(10)

    def second():
        with fonts.pdf_text_layer():
            pass

    a = threading.Thread(target=first)
    a.start()
    assert inside.wait(10)
    b = threading.Thread(target=second)
    b.start()
    time.sleep(0.2)                   # the second is waiting for the first
    release.set()
    a.join(10)
    b.join(10)
    assert _backend_pdf_ps.CharacterTracker is original
    assert backend_pdf._text_helpers is _text_helpers
