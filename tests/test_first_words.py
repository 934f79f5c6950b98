"""The first words of the index keys (gazetteer/first_words.py), written by the build and read by
Index.key_start: the same answers as asking the name trie, with or without the user's places."""
from __future__ import annotations

from gazetteer.first_words import KEY, LONGER, FirstWords, flags_of, write
from gazetteer.index import Index
from gazetteer.keys import fold
from gazetteer.place import Place


def reference(ix: Index, key: str) -> int:
    """What key_start answers, asked of every key of the index and its user places."""
    keys = [*ix._names.keys(), *ix._overlay_keys]
    return (KEY if key in keys else 0) | (LONGER if any(k.startswith(key + ' ') for k in keys) else 0)


def words_to_ask(ix: Index) -> set[str]:
    keys = [*ix._names.keys(), *ix._overlay_keys]
    return ({k.split(' ')[0] for k in keys} | {k[:-1] for k in keys} | {' '.join(k.split(' ')[:2]) for k in keys}
            | {'qqqzzz', 'دير الز', ''})


def test_flags_of_words():
    assert flags_of(['a b', 'a', 'c d e', 'f']) == {'a': KEY | LONGER, 'c': LONGER, 'f': KEY}


def test_written_files_answer_each_word(tmp_path):
    write({'deir ez zor', 'deir', 'homs', 'abu kamal'}, tmp_path)
    got = FirstWords(tmp_path)
    assert [got.flags(w) for w in ('deir', 'homs', 'abu', 'abu kamal', 'de', 'zor', '')] == \
        [KEY | LONGER, KEY, LONGER, 0, 0, 0, 0]


def test_an_empty_index_has_no_first_words(tmp_path):
    write([], tmp_path)
    assert FirstWords(tmp_path).flags('x') == 0


def test_key_start_is_what_the_name_trie_says(tiny_index):
    asked = words_to_ask(tiny_index)
    assert any(tiny_index.key_start(w) == LONGER for w in asked)       # (the fixture has both kinds)
    assert any(tiny_index.key_start(w) == KEY for w in asked)
    for w in asked:
        assert tiny_index.key_start(w) == reference(tiny_index, w), w


def test_user_places_are_first_words_too(tiny_index):
    ix = Index(tiny_index.path, overlay=[Place('u:q', 'Qaryat Zuhur', 34.98, 40.52, type='town',
                                               names=('دير زهور', 'حمص'))])
    assert ix.key_start('qaryat') == LONGER and tiny_index.key_start('qaryat') == 0
    assert ix.key_start(fold('حمص')) == tiny_index.key_start(fold('حمص')) | KEY
    assert ix.key_start(fold('دير')) == tiny_index.key_start(fold('دير')) | LONGER
    for w in words_to_ask(ix):
        assert ix.key_start(w) == reference(ix, w), w
