"""Result -> maps: html.py (folium, self-contained), static.py (geopandas + matplotlib),
basemap.py (Natural Earth layers from installed packages), extent.py (the document's focus)."""
