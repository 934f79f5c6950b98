"""Shared fixtures: a real index built by the real build code from tiny hand-made data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / 'fixtures'
SHARED = Path(__file__).resolve().parents[2] / 'shared'


@pytest.fixture(scope='session')
def index_root(tmp_path_factory) -> Path:
    from gazetteer.build import build
    from gazetteer.sources.user import UserFile

    root = tmp_path_factory.mktemp('home') / 'index'
    build(root, sources=[UserFile(FIXTURES / 'places.csv')])
    return root


@pytest.fixture(scope='session')
def tiny_index(index_root):
    from gazetteer.index import Index
    return Index.open(index_root)


@pytest.fixture(scope='session')
def geoparser(tiny_index):
    from geo.pipeline import Geoparser
    return Geoparser(index=tiny_index)


@pytest.fixture()
def geo_env(index_root):
    """Environment for running the real `geo` command against the fixture index."""
    env = dict(os.environ)
    env['GEO_TEXTMAP_HOME'] = str(index_root.parent)
    return env


def shared_or_skip(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f'{p} is not here (the shared evaluation data is optional)')
    return p
