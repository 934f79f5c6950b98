"""Arabic text as PDF text layers give it back: presentation forms folded to letters, and lines
extracted in visual (left-to-right display) order put back in logical order.

- Presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF: ﺇﺩﻟﺐ) are folded by NFKC one character at a
  time (ﻻ becomes لا, two letters); an isolated vowel mark written with a space (U+FE70 ...)
  becomes the mark alone.  Nothing else in the text changes.
- A page is in visual order when its Arabic words read backwards: they end with لا (a reversed
  ال) and start with ة or ى (letters that only end a word) more often than they start with ال and
  end with ة or ى.  Each line holding Arabic is then reversed, grapheme by grapheme (a letter
  keeps its vowel marks), brackets mirrored, and the runs of Latin letters and digits inside it
  turned back to read left to right.
"""
from __future__ import annotations

import re
import unicodedata

FORMS = re.compile('[\ufb50-\ufdff\ufe70-\ufeff]')
ARABIC_WORD = re.compile('[\u0621-\u064a\u0671-\u06d3]{3,}')
ARABIC = re.compile('[\u0600-\u06ff\u0750-\u077f]')
LTR_RUN = re.compile('[A-Za-z0-9\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]'
                     '(?:[^\u0600-\u06ff\u0750-\u077f\n]*[A-Za-z0-9\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9])?')
MIRROR = str.maketrans('()[]{}<>«»', ')(][}{><»«')
MIN_EVIDENCE = 2


def fold_forms(text: str) -> str:
    """Arabic presentation forms as the letters they show (NFKC), the rest untouched."""
    if not FORMS.search(text):
        return text

    def one(m: re.Match) -> str:
        folded = unicodedata.normalize('NFKC', m.group())
        return folded.lstrip(' ') or folded if len(folded) > 1 else folded
    return FORMS.sub(one, text)


def order_evidence(text: str) -> tuple[int, int]:
    """(logical, visual): how many Arabic words read as written, and how many read backwards."""
    logical = visual = 0
    for w in ARABIC_WORD.findall(text):
        logical += w.startswith('ال') + (w[-1] in 'ةى')
        visual += w.endswith('لا') + (w[0] in 'ةى')
    return logical, visual


def is_visual(text: str) -> bool:
    logical, visual = order_evidence(text)
    return visual >= MIN_EVIDENCE and visual > logical


def _graphemes(line: str) -> list[str]:
    out: list[str] = []
    for ch in line:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def visual_to_logical(line: str) -> str:
    """One line of visual-order text in logical order (see the module doc)."""
    if not ARABIC.search(line):
        return line
    rev = ''.join(g.translate(MIRROR) for g in reversed(_graphemes(line)))
    return LTR_RUN.sub(lambda m: ''.join(reversed(_graphemes(m.group()))).translate(MIRROR), rev)


def logical_page(text: str) -> tuple[str, bool]:
    """A page's text with presentation forms folded and, when it reads backwards, every line put
    in logical order; and whether it did read backwards."""
    text = fold_forms(text)
    if not is_visual(text):
        return text, False
    return '\n'.join(visual_to_logical(line) for line in text.split('\n')), True
