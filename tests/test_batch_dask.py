"""The Dask engine on a real LocalCluster on loopback: the same records as the local engine, each
worker opening the index once."""
import json
import subprocess

import pytest

pytest.importorskip('distributed')

from test_batch import GEO, batch, corpus  # noqa: E402

OUTPUTS = ('places.jsonl', 'errors.jsonl', 'places.csv', 'places.geojson')


@pytest.fixture(scope='module')
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol='tcp', host='127.0.0.1',
                      dashboard_address=None) as c:
        yield c


def test_dask_gives_the_same_records_as_the_local_engine(tmp_path, tiny_index, cluster):
    from distributed import Client

    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    local, dask = tmp_path / 'local', tmp_path / 'dask'
    batch(tiny_index, input=src, output=local, workers=1, maps=False)
    s = batch(tiny_index, input=src, output=dask, engine='dask', scheduler=cluster.scheduler_address, chunk=2,
              maps=False)
    assert (s.records, s.errors) == (records, errors)
    for n in OUTPUTS:
        assert (local / n).read_bytes() == (dask / n).read_bytes(), n
    # the plugin opened one Geoparser in the worker, and was taken off the cluster afterwards
    with Client(cluster.scheduler_address) as c:
        assert not [k for k in c.run(lambda dask_worker: list(dask_worker.plugins)).popitem()[1]
                    if k.startswith('geo-textmap-')]
    # --resume on the Dask engine redoes nothing either
    s = batch(tiny_index, input=src, output=dask, engine='dask', scheduler=cluster.scheduler_address, maps=False,
              resume=True)
    assert (s.parsed, s.skipped) == (0, records)


def test_dask_workers_parse_with_the_run_settings(tmp_path, tiny_index, cluster):
    """--bias-bbox and --no-fuzzy reach the Dask workers: their records are what a Geoparser
    opened from the same settings gives, and differ from the defaults'."""
    from geo.export.jsonl import dumps
    from geo.settings import ParseSettings, open_geoparser

    docs = [('springfield', 'Storm damage was reported in Springfield on Monday.'),
            ('typo', 'Shelling hit Aleppp in Syria on Monday.')]
    src = tmp_path / 'docs.jsonl'
    src.write_text(''.join(json.dumps({'id': i, 'text': t}) + '\n' for i, t in docs), encoding='utf-8')
    settings = ParseSettings(bias_bbox=(-92, 37, -87, 43), fuzzy=False)     # Illinois
    out = tmp_path / 'out'
    batch(tiny_index, settings, input=src, output=out, engine='dask', scheduler=cluster.scheduler_address,
          maps=False)
    got = (out / 'places.jsonl').read_text(encoding='utf-8').splitlines()
    for settings_used, same in ((settings, True), (ParseSettings(), False)):
        gp = open_geoparser(settings_used, index=tiny_index)
        assert (got == [dumps(gp.parse(t, i)) for i, t in docs]) is same
    assert [t['id'] for t in json.loads(got[0])['toponyms']] == ['u:springfield-il']


def test_cli_starts_its_own_local_cluster(tmp_path, geo_env):
    src, records, errors = corpus(tmp_path / 'corpus.jsonl')
    out = tmp_path / 'out'
    p = subprocess.run(GEO + ['batch', str(src), '-o', str(out), '--engine', 'dask', '--workers', '1', '--no-maps'],
                       capture_output=True, text=True, env=geo_env, timeout=180)
    assert p.returncode == 2, p.stderr
    assert 'Traceback' not in p.stderr
    assert len((out / 'places.jsonl').read_text().splitlines()) == records - errors
    assert len([json.loads(l) for l in (out / 'errors.jsonl').read_text().splitlines()]) == errors


def test_unreachable_scheduler_is_one_line(tmp_path, geo_env):
    src, _, _ = corpus(tmp_path / 'corpus.jsonl', hostile=False)
    geo_env = dict(geo_env, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT='2s')
    p = subprocess.run(GEO + ['batch', str(src), '-o', str(tmp_path / 'out'), '--engine', 'dask',
                              '--scheduler', 'tcp://127.0.0.1:9', '--no-maps'],
                       capture_output=True, text=True, env=geo_env, timeout=120)
    assert p.returncode == 2
    assert 'Traceback' not in p.stderr and 'scheduler' in p.stderr
