"""Result -> files: the scorer's JSON Lines, GeoJSON, CSV, GeoPackage.  Reads only a Result."""
