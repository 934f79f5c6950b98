"""Many documents: `geo batch INPUT -o DIR` without the command line.

  runner.py       run(settings, options): input records -> engine -> journal -> outputs
  engines.py      where documents are parsed: this process or local worker processes
  dask_engine.py  ... or a Dask cluster
  worker.py       how a worker opens its Geoparser (the run's settings, the client's index)
  journal.py      the resume journal, one line per finished record
  outputs.py      places.jsonl, errors.jsonl, places.csv, places.geojson and the map aggregate
"""
from .runner import Options, Summary, run, run_options

__all__ = ['Options', 'Summary', 'run', 'run_options']
