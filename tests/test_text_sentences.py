"""Sentence spans: the splitter looks for ends only after an end mark or at a line break (its fast
path); these are the spans the plain scan of every offset gives."""
import pytest

from geo.text.sentences import SentenceIndex, sentences

CASES = [
    ('قصف دمشق. ثم حلب؟ نعم', [(0, 9), (10, 17), (18, 21)]),
    ('He left the U.S. in May. Then he came back.\n\nNew line', [(0, 24), (25, 43), (45, 53)]),
    ('Gov. smith said: "go." Then.', [(0, 21), (23, 28)]),     # no end after an abbreviation
    ('a.\n.\nb', [(0, 2), (3, 4), (5, 6)]),
    ('x...  y', [(0, 4), (6, 7)]),
    ('end.\n\n', [(0, 4)]),
    ('\n\nstart\n', [(2, 7)]),
    ('. . .', [(0, 1), (2, 3), (4, 5)]),
    ('no end', [(0, 6)]),
    ('a.b. c', [(0, 4), (5, 6)]),
    ('“Stop!” she said.', [(0, 6), (8, 17)]),
    ('....x', [(0, 5)]),
]


@pytest.mark.parametrize('text,spans', CASES)
def test_sentence_spans(text, spans):
    assert sentences(text) == spans


def test_around_an_offset():
    text, spans = CASES[0]
    index = SentenceIndex(text)
    assert [index.around(s) for s, _ in spans] == spans
    assert index.around(spans[1][1]) == spans[1]      # the gap after a sentence belongs to it


def _plain(text):
    """The splitter as first written: _END tried at every offset (what the fast scan must give)."""
    from geo.text.sentences import _ABBREV, _END

    def trim(s, e):             # white space as str.isspace says, one character at a time
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    spans, start = [], 0
    for m in _END.finditer(text):
        end = m.start()
        if m.group().strip('\n') and m.end() < len(text) and text[m.end()].islower() \
                and _ABBREV.search(text, max(start, end - 64), end):
            continue
        if text[start:end].strip():
            spans.append(trim(start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(trim(start, len(text)))
    return spans or [(0, len(text))]


def test_the_fast_scan_gives_the_plain_scans_spans():
    import random
    rng = random.Random(5)
    alphabet = list('aA bB.. !?؟؛…\n\n  \t\'"”»)U.S. Gov. xم') + ['\u00a0', '\u2029', '\r']
    for text in [t for t, _ in CASES] + [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
                                         for _ in range(20000)]:
        assert sentences(text) == _plain(text), text
