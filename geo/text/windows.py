"""Long texts are parsed in windows: cut points at paragraph ends (a blank line, else a line end,
else a sentence end, else a space), so that no window is longer than a given size.  A book or a
month of a newspaper pasted as one file then takes time and memory in proportion to its length."""
from __future__ import annotations

SEPARATORS = ('\n\n', '\n', '. ', '؟ ', '? ', '! ', ' ')


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) offsets covering the text in order, each at most `size` characters long and
    cut, where it can be, in the second half of the window at the strongest separator there."""
    out, start, n = [], 0, len(text)
    while n - start > size:
        limit, cut = start + size, -1
        for sep in SEPARATORS:
            k = text.rfind(sep, start + size // 2, limit - len(sep) + 1)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out
