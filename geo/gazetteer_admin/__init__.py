"""What `geo gazetteer` does, with plain parameters (the arguments are read in geo.cli.gazetteer):
lookup.py (candidates for a name), info.py (what the index holds), manage.py (build the index,
add, import and download the user's own places)."""
