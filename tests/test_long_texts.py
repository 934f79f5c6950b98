"""Long texts: parsed window by window (cut at paragraph ends) and solved in runs of groups, so
that time and memory grow with the length; offsets always point into the whole text."""
import random

from doc_helpers import doc_after

from geo.pipeline import Geoparser
from geo.resolve.solver import solve, solve_groups
from geo.text.windows import windows


def test_windows_cover_the_text_in_order_and_cut_at_paragraph_ends():
    rng = random.Random(7)
    for _ in range(200):
        text = ''.join(rng.choice(['a', 'b ', '.', '\n', '\n\n', 'ح', '؟ ']) for _ in range(rng.randint(0, 2000)))
        size = rng.randint(5, 400)
        w = windows(text, size)
        assert w[0][0] == 0 and w[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(w, w[1:]))
        assert all(e - s <= size for s, e in w)
    assert windows('aaaa bbbb cc.\n\ndddd eeee', 20) == [(0, 15), (15, 24)]      # after the blank line
    assert windows('aaaa bbbb cc dd ee ff gg', 20) == [(0, 19), (19, 24)]           # else after a space


def test_a_long_text_gives_the_places_of_its_windows_with_offsets_into_the_whole(tiny_index):
    para = 'وصل الوفد إلى حلب ثم عاد إلى دير الزور.'
    text = '\n\n'.join([para] * 30)
    whole = Geoparser(index=tiny_index).parse(text, 'long')
    windowed = Geoparser(index=tiny_index, window_chars=100).parse(text, 'long')
    assert len(windows(text, 100)) > 10
    assert [(m.start, m.end) for m in windowed.mentions] == [(m.start, m.end) for m in whole.mentions]
    assert all(text[m.start:m.end] == m.surface for m in windowed.mentions)
    assert all(windowed.sentence_of(m) == para for m in windowed.mentions)
    assert sorted(p.id for p in windowed.places) == sorted(p.id for p in whole.places)
    aleppo = next(p for p in windowed.places if p.id == 'u:alp')
    assert len(aleppo.mentions) == 30 and all(windowed.mentions[k].surface == 'حلب' for k in aleppo.mentions)


def test_many_groups_are_solved_in_runs(tiny_index):
    text = 'Talks in Paris and Geneva. Flooding in Springfield. Aid reached Mosul and Erbil.'
    doc = doc_after(tiny_index, text, 'candidates')
    assert len(doc.groups) == 5
    solve(doc, max_groups=2)
    runs = doc_after(tiny_index, text, 'candidates').groups
    for k in range(0, 5, 2):
        solve_groups(runs[k:k + 2])
    assert [[c.prob for c in g.cands] for g in doc.groups] == [[c.prob for c in g.cands] for g in runs]
