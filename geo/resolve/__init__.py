"""Resolution: stages that give each mention of a Doc a place.

One module per stage (geo.pipeline lists them in order): hierarchy (links), candidates, solver
(solve), places, approximate; with the weights they use (weights.toml, read by weights.py)."""
