"""Fonts of the static maps (and the font settings of one label), and keeping their text real
text in PDF and SVG.

Labels use Noto Sans (Latin) and Noto Sans Arabic, installed as Python packages
(fontpkg-noto-sans, fontpkg-noto-sans-arabic).  matplotlib (>= 3.11, libraqm) shapes Arabic
itself: nothing here reshapes text.

PDF: matplotlib embeds the fonts (Type 42, subset) and writes each glyph with a ToUnicode entry.
Noto Sans Arabic draws the dots and marks of a letter as separate glyphs, which matplotlib maps
back to the letter as well, so a text extractor reads every dotted letter twice (ديير ال ززور) and
puts raised dots on lines of their own.  `pdf_text_layer()` maps those mark glyphs (GDEF class 3)
to no text while a PDF is written; the drawing is unchanged and `pdftotext` reads دير الزور.

matplotlib 3.11's PDF writer also misplaces words: a string is written in chunks, one per font
subset, and where a chunk starts it moves to the glyph's laid-out x, which already holds the
glyph's kerning/mark offset, and then adds that offset again.  Arabic text changes subset at
every space, colon and parenthesis (ASCII keeps its own subset), and the first glyph after one is
often a dot placed back over its letter, several points away: the whole next word slid by that
much, one space vanished and the next doubled ("موقعتقريبي"), in the PDF only.
`pdf_text_layer()` hands the PDF writer each glyph's x less that offset, so it lands where the
PNG puts it.

SVG: text stays text (svg.fonttype 'none'), so it can be searched, selected and edited, and the
viewer shapes the Arabic; the two fonts are embedded, subset to the characters the map uses, as
@font-face rules, so a browser shows exactly the letters the PNG shows.
"""
from __future__ import annotations

import base64
import io
import logging
import re
import threading
from contextlib import contextmanager
from functools import lru_cache

from .style import LABEL_INK, has_arabic

log = logging.getLogger(__name__)

LATIN = 'Noto Sans'
ARABIC = 'Noto Sans Arabic'
_lock = threading.Lock()


@lru_cache(maxsize=1)
def register() -> dict[str, str]:
    """Register the fonts with matplotlib; {family name: file} of the regular faces."""
    import fontpkg.mpl
    from matplotlib import font_manager

    files = {}
    for name in (LATIN, ARABIC):
        try:
            fontpkg.mpl.use(name)
        except Exception as e:  # a missing font package: fall back to DejaVu Sans, and say so
            log.warning('font %s is not installed (%s); labels fall back to DejaVu Sans', name, e)
            continue
        path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        files[name] = path
    return files


def families(text: str) -> list[str]:
    """Font family list for one text: Arabic first when the text has Arabic letters."""
    register()
    return [ARABIC, LATIN, 'DejaVu Sans'] if has_arabic(text) else [LATIN, ARABIC, 'DejaVu Sans']


def text_style(text: str, size: float, colour: str = LABEL_INK, italic: bool = False) -> dict:
    """Font settings of one label: Arabic text in Noto Sans Arabic first, Latin in Noto Sans."""
    return dict(fontsize=size, color=colour, fontfamily=families(text),
                fontstyle='italic' if italic and not has_arabic(text) else 'normal')


@lru_cache(maxsize=8)
def _mark_glyphs(path: str, face_index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont
    try:
        font = TTFont(path, fontNumber=face_index, lazy=True)
        gdef = font['GDEF'].table if 'GDEF' in font else None
        if gdef is None or not gdef.GlyphClassDef:
            return frozenset()
        order = {name: i for i, name in enumerate(font.getGlyphOrder())}
        return frozenset(order[n] for n, cls in gdef.GlyphClassDef.classDefs.items() if cls == 3 and n in order)
    except Exception as e:
        log.warning('cannot read the glyph classes of %s: %s', path, e)
        return frozenset()


class _Glyph:
    """One laid-out glyph, as matplotlib's layout yields it, with x moved (see `_PdfLayout`)."""
    __slots__ = ('ft_object', 'char', 'glyph_index', 'x', 'y', 'prev_kern')

    def __init__(self, item, x: float):
        self.ft_object, self.char, self.glyph_index = item.ft_object, item.char, item.glyph_index
        self.x, self.y, self.prev_kern = x, item.y, item.prev_kern


class _PdfLayout:
    """Stands in for matplotlib._text_helpers in the PDF writer: `layout()` yields each glyph at
    x - prev_kern, because the writer adds prev_kern on top of x where a font chunk starts (and
    reads x nowhere else)."""

    def __init__(self, helpers):
        self._helpers = helpers

    def __getattr__(self, name):
        return getattr(self._helpers, name)

    def layout(self, string, font, **kw):
        for item in self._helpers.layout(string, font, **kw):
            yield _Glyph(item, item.x - item.prev_kern)


@lru_cache(maxsize=1)
def _pdf_adds_kern_twice() -> bool:
    """True when this matplotlib's PDF text writer is the one that counts a chunk's first kern
    twice (3.11): checked on its source, so a fixed matplotlib is left alone."""
    import inspect

    from matplotlib.backends import backend_pdf
    try:
        src = inspect.getsource(backend_pdf.RendererPdf.draw_text)
    except (OSError, TypeError, AttributeError):
        return False
    move = src.find('self._setup_textpos(item.x, 0, 0, prev_start_x')
    kern = src.find('singlebyte_chunk.append(item.prev_kern)')
    return 0 <= move < kern and 'prev_start_x = item.x' in src and hasattr(backend_pdf, '_text_helpers')


@contextmanager
def pdf_text_layer():
    """While active, PDFs written by matplotlib map mark glyphs to no text and place every glyph
    where the PNG does (see the module doc)."""
    try:
        from matplotlib import _text_helpers
        from matplotlib.backends import _backend_pdf_ps, backend_pdf
        assert hasattr(_backend_pdf_ps.CharacterTracker, 'subset_to_unicode')
        assert hasattr(backend_pdf, '_backend_pdf_ps')
    except (ImportError, AssertionError):  # another matplotlib: write the PDF as it comes
        yield
        return
    fix_layout = _pdf_adds_kern_twice()

    with _lock:     # read what is patched under the lock: another thread's patch is never kept
        base = _backend_pdf_ps.CharacterTracker

        class Tracker(base):
            def subset_to_unicode(self, fontname, subset, subset_charcode):
                chars = super().subset_to_unicode(fontname, subset, subset_charcode)
                try:
                    glyph = self.used[fontname][subset][subset_charcode]
                    path = getattr(fontname, 'path', fontname)
                    index = getattr(fontname, 'face_index', 0)
                    if glyph in _mark_glyphs(str(path), int(index or 0)):
                        return ''
                except (KeyError, IndexError, TypeError):
                    pass
                return chars

        _backend_pdf_ps.CharacterTracker = Tracker
        if fix_layout:
            backend_pdf._text_helpers = _PdfLayout(_text_helpers)
        try:
            yield
        finally:
            _backend_pdf_ps.CharacterTracker = base
            if fix_layout:
                backend_pdf._text_helpers = _text_helpers


def svg_with_fonts(svg: bytes, texts: list[str]) -> bytes:
    """Embed the label fonts, subset to `texts`' characters, as @font-face rules in the SVG."""
    from fontTools import subset as ftsubset

    chars = set(''.join(texts)) | set('0123456789 .,:;-–·()°kmNSEW')
    rules = []
    for family, path in register().items():
        try:
            opts = ftsubset.Options()
            opts.layout_features = ['*']
            opts.name_IDs = ['*']
            opts.notdef_outline = True
            font = ftsubset.load_font(path, opts)
            sub = ftsubset.Subsetter(opts)
            sub.populate(text=''.join(sorted(chars)))
            sub.subset(font)
            buf = io.BytesIO()
            font.save(buf)
        except Exception as e:
            log.warning('cannot subset %s for the SVG: %s', path, e)
            continue
        data = base64.b64encode(buf.getvalue()).decode('ascii')
        rules.append(f"@font-face {{ font-family: '{family}'; src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    if not rules:
        return svg
    style = ('<style type="text/css">' + ' '.join(rules) + '</style>').encode('ascii')
    # right after the opening <svg ...> tag
    m = re.search(rb'<svg\b[^>]*>', svg)
    if not m:
        return svg
    return svg[:m.end()] + b'\n' + style + svg[m.end():]
