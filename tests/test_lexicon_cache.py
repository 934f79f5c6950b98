"""Lexicon files are parsed once per content: the parsed tables are kept in the word-table cache,
and a changed file is parsed again (its old copy removed)."""
import tomllib

from geo.lexicon import read_tables


def test_the_parsed_tables_are_kept_and_follow_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv('GEO_TEXTMAP_WORDFREQ', str(tmp_path / 'cache'))
    path = tmp_path / 'xx.toml'
    path.write_text('[lists]\nwords = ["مدينة", "حي"]\n', encoding='utf-8')
    first = read_tables(path)
    assert first == tomllib.loads(path.read_text(encoding='utf-8'))
    kept = list((tmp_path / 'cache').glob('lexicon-xx-*.marshal'))
    assert len(kept) == 1
    assert read_tables(path) == first                   # read back from the cache
    path.write_text('[lists]\nwords = ["قرية"]\n', encoding='utf-8')
    assert read_tables(path) == {'lists': {'words': ['قرية']}}
    now = list((tmp_path / 'cache').glob('lexicon-xx-*.marshal'))
    assert len(now) == 1 and now != kept


def test_a_damaged_cache_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv('GEO_TEXTMAP_WORDFREQ', str(tmp_path / 'cache'))
    path = tmp_path / 'xx.toml'
    path.write_text('a = 1\n', encoding='utf-8')
    read_tables(path)
    (kept,) = (tmp_path / 'cache').glob('lexicon-xx-*.marshal')
    kept.write_bytes(b'\x00garbage')
    assert read_tables(path) == {'a': 1}
