"""The paper of a static map: its size from the user's words, and where the parts of the page go
(title, main map, locator, legend, credits), in inches from the lower left."""
from __future__ import annotations

import re

from ..errors import InputError

PAPER = {'A3': (16.54, 11.69), 'A4': (11.69, 8.27), 'A5': (8.27, 5.83), 'LETTER': (11.0, 8.5)}


def parse_size(size) -> tuple[float, float, bool]:
    """'A4', 'A5', 'A3', 'letter' -> (long side, short side, False): the orientation follows the
    map; 'WxH' in inches (or a (w, h) pair) -> (w, h, True), exactly that."""
    if size is None or size == '':
        size = 'A4'
    if isinstance(size, (tuple, list)) and len(size) == 2:
        return float(size[0]), float(size[1]), True
    key = str(size).strip().upper()
    if key in PAPER:
        w, h = PAPER[key]
        return w, h, False
    m = re.fullmatch(r'\s*(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*(?:in)?\s*', str(size))
    if m:
        w, h = float(m.group(1)), float(m.group(2))
        if 3.0 <= w <= 60.0 and 3.0 <= h <= 60.0:
            return w, h, True
    raise InputError(f'--size {size!r}: use A3, A4, A5, letter or WxH in inches, each from 3 to 60 (e.g. 10x7)')


class Page:
    """Where the parts of the page go, in inches from the lower left."""

    def __init__(self, w: float, h: float):
        self.w, self.h = w, h
        self.scale = max(0.72, min(1.35, min(w, h) / 8.27))   # type and lines follow the paper
        m = 0.32 * self.scale
        title_h = 0.62 * self.scale
        credits_h = 0.36 * self.scale
        gap = 0.18 * self.scale
        top, bottom = h - m - title_h, m + credits_h
        self.title_top = h - m
        self.margin = m
        if w / h >= 1.12:      # landscape: the map on the left, locator and legend on the right
            side = max(2.3 * self.scale, 0.27 * w)
            self.main = (m, bottom, w - 2 * m - side - gap, top - bottom)
            inset_h = min(side * 0.82, (top - bottom) * 0.45)
            self.inset = (w - m - side, top - inset_h, side, inset_h)
            self.legend = (w - m - side, bottom, side, top - inset_h - gap - bottom)
        else:                  # portrait: the map on top, locator and legend side by side below
            below = max(2.4 * self.scale, 0.3 * (top - bottom))
            self.main = (m, bottom + below + gap, w - 2 * m, top - bottom - below - gap)
            inset_w = min((w - 2 * m) * 0.45, below * 1.3)
            self.inset = (m, bottom, inset_w, below)
            self.legend = (m + inset_w + gap, bottom, w - 2 * m - inset_w - gap, below)

    def frac(self, rect):
        x, y, w, h = rect
        return [x / self.w, y / self.h, w / self.w, h / self.h]
