"""Write one of our example texts as a PDF report, for `make demo` to map a PDF:
`python examples/text_to_pdf.py examples/idlib-floods.ar.txt outputs/idlib-floods.ar.report.pdf [TITLE]`
(TITLE: the PDF's Title property, which `geo map` takes as the maps' title).

matplotlib draws the text (Arabic shaped by libraqm, in the fonts the maps use) and writes its
text layer glyph by glyph from left to right, as most PDF writers do: a text extractor reads the
Arabic lines backwards, which `geo` detects and puts back in order.  Each paragraph of the text
goes on the page; a long text runs on to a second page."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use('Agg')
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from geo.maps.fonts import pdf_text_layer, text_style  # noqa: E402

LINES_PER_PAGE = 40


def main(src: str, dst: str, title: str = '') -> None:
    text = Path(src).read_text(encoding='utf-8')
    lines: list[str] = []
    for para in (p.strip() for p in text.split('\n')):
        if para:
            lines += textwrap.wrap(para, 70) + ['']
    rtl = any('\u0600' <= ch <= '\u06ff' for ch in text)
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    with pdf_text_layer(), PdfPages(dst, metadata={'Title': title} if title else None) as pdf:
        for start in range(0, len(lines), LINES_PER_PAGE):
            fig = Figure(figsize=(8.27, 11.69))
            for k, line in enumerate(lines[start:start + LINES_PER_PAGE]):
                if line:
                    fig.text(0.9 if rtl else 0.1, 0.94 - k * 0.02, line, ha='right' if rtl else 'left', va='top',
                             **text_style(line, 11))
            pdf.savefig(fig)
    print(dst)


if __name__ == '__main__':
    main(*sys.argv[1:4])
