"""A source's fingerprint names its data files by their place inside sys.path, not by where the
environment is or when pip wrote them: two environments with the same versions share one index."""
import os
import sys

from gazetteer.sources.base import package_fingerprint


def _install(root, mtime):
    """A package folder with one data file, as pip would write it into one environment."""
    data = root / 'site-packages' / 'somepkg' / 'data'
    data.mkdir(parents=True)
    f = data / 'places.json'
    f.write_text('{"a": 1}', encoding='utf-8')
    os.utime(f, (mtime, mtime))
    return root / 'site-packages', f


def test_the_same_package_in_two_environments_has_one_fingerprint(tmp_path, monkeypatch):
    first, f1 = _install(tmp_path / 'env1', 1_000_000)
    second, f2 = _install(tmp_path / 'env2', 2_000_000)
    monkeypatch.setattr(sys, 'path', [str(tmp_path), str(first), str(second)])
    assert package_fingerprint('somepkg', f1) == package_fingerprint('somepkg', f2)


def test_a_changed_data_file_changes_the_fingerprint(tmp_path, monkeypatch):
    site, f = _install(tmp_path / 'env', 1_000_000)
    monkeypatch.setattr(sys, 'path', [str(site)])
    before = package_fingerprint('somepkg', f)
    f.write_text('{"a": 1, "b": 2}', encoding='utf-8')
    assert package_fingerprint('somepkg', f) != before


def test_a_file_outside_sys_path_keeps_its_path_and_time(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, 'path', [str(tmp_path / 'elsewhere')])
    f = tmp_path / 'mine.json'
    f.write_text('{}', encoding='utf-8')
    os.utime(f, (1_000_000, 1_000_000))
    before = package_fingerprint('somepkg', f)
    os.utime(f, (2_000_000, 2_000_000))
    assert package_fingerprint('somepkg', f) != before
    assert package_fingerprint('somepkg', tmp_path / 'absent.json') != before
