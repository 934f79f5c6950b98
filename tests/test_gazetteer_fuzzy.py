"""Fuzzy lookup over the blocked candidate set: near misses find their place, and the blocking
never loses a key that one edit (or a swap of neighbours) away from the query reaches the cutoff."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from gazetteer import blocks
from gazetteer.keys import fold

NEAR_MISSES = [('Aleppp', 'aleppo'), ('Alepo', 'aleppo'), ('Damascis', 'damascus'), ('Damscus', 'damascus'),
               ('دير الزو', 'دير الزور'), ('ديرالزو', 'ديرالزور'), ('الميادن', 'الميادين'),
               ('الميادبن', 'الميادين'), ('محافظه دير الزوز', 'محافظه دير الزور'), ('Al Mayadinn', 'al mayadin')]


@pytest.fixture(scope='module')
def index(tmp_path_factory):
    from gazetteer.build import build
    from gazetteer.index import Index
    from gazetteer.sources.user import UserFile
    from gazetteer_helpers import FIXTURES, GEONAMES

    root = tmp_path_factory.mktemp('fuzzy') / 'index'
    build(root, sources=[UserFile(FIXTURES / 'places.csv'), UserFile(GEONAMES / 'base.csv')])
    return Index.open(root)


@pytest.mark.parametrize('query, target', NEAR_MISSES)
def test_near_misses_find_their_place(index, query, target):
    got = index.fuzzy_keys(fold(query), score_cutoff=80)
    assert target in [k for k, _ in got][:2], got
    assert all(m.kind == 'fuzzy' for m in index.fuzzy(query, score_cutoff=80) if m.key != fold(query))


def _edits(key):
    letters = 'aeilnorsuyاليمنرسهبد '
    for i in range(len(key) + 1):
        if i < len(key):
            yield key[:i] + key[i + 1:]                                  # deletion
            for c in letters[:4] + letters[10:13]:
                yield key[:i] + c + key[i + 1:]                          # substitution
        for c in letters[:3] + letters[10:12]:
            yield key[:i] + c + key[i:]                                  # insertion
        if i < len(key) - 1:
            yield key[:i] + key[i + 1] + key[i] + key[i + 2:]            # swap of neighbours


def test_every_single_edit_within_the_cutoff_finds_its_key(index):
    """Exhaustive over the small index: compare the blocked search with scoring every key."""
    keys = [k for k in index._names.iterkeys() if not k.startswith('\x01') and len(k) >= 4]
    assert len(keys) > 50
    checked = 0
    for key in keys:
        for q in set(_edits(key)):
            if q == key or len(q) < 3 or fuzz.ratio(q, key) < 85:
                continue
            checked += 1
            got = {k for k, _ in index.fuzzy_keys(q, score_cutoff=85, limit=1000)}
            assert key in got, (q, key)
    assert checked > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='abcdrstlmnoاليمنرسكدبو ', min_size=3, max_size=24), st.data())
def test_blocking_keeps_the_target_of_any_single_edit(tmp_path_factory, key, data):
    """Property of the blocking tables alone: for a key and any one edit of it, the key is among
    the candidates of the edited query (when the edit keeps the pair within the cutoff)."""
    key = ' '.join(key.split())
    if len(key) < 3:
        return
    i = data.draw(st.integers(0, len(key) - 1))
    kind = data.draw(st.sampled_from(['delete', 'insert', 'substitute', 'swap']))
    c = data.draw(st.sampled_from('xqzحخ'))
    q = {'delete': key[:i] + key[i + 1:], 'insert': key[:i] + c + key[i:],
         'substitute': key[:i] + c + key[i + 1:],
         'swap': key[:i] + key[i + 1:i + 2] + key[i] + key[i + 2:]}[kind]
    if len(q) < 4 or q == key or fuzz.ratio(q, key) < 80:
        return   # (queries of 2-3 characters are too short for two probes that do not overlap)
    folder = tmp_path_factory.mktemp('blocks')
    blocks.write([key, 'unrelated', 'something else'], folder)
    fw, bw = blocks.Blocks(folder).candidates(q, blocks.target_lengths(len(q), 80))
    assert key in fw or key[::-1] in bw, (key, q)


@pytest.mark.parametrize('n, cutoff, expected', [(8, 85, [6, 7, 8, 9, 10]), (5, 85, [4, 6]), (3, 85, [4]),
                                                  (5, 80, [4, 5, 6, 7])])
def test_target_lengths_follow_the_cutoff(n, cutoff, expected):
    assert blocks.target_lengths(n, cutoff) == expected


def test_answers_are_cached_and_overlay_places_are_searched(index):
    from gazetteer.index import Index
    from gazetteer.place import Place

    first = index.fuzzy_keys('aleppp', score_cutoff=80)
    assert index.fuzzy_keys('aleppp', score_cutoff=80) == first
    ix = Index(index.path, overlay=[Place('u:q', 'Quriyah', 34.98, 40.52, type='town', names=('القورية',))])
    assert [k for k, _ in ix.fuzzy_keys(fold('القوريه'), score_cutoff=80)][:1] == ['القوريه']
    assert [k for k, _ in ix.fuzzy_keys(fold('القوريا'), score_cutoff=80)][:1] == ['القوريه']
