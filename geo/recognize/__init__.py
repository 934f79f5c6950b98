"""Recognition: stages that add candidate spans to a Doc and decide which name places.

One module per stage (geo.pipeline lists them in order): organisations, names (and focus),
cues, fuzzy, select (filters and select), scorer (score), demonyms; with their helpers: words
(readings of a word, memoised per word), features (what the scorer sees) and rules/ (the
false-friend rules, one per file)."""
