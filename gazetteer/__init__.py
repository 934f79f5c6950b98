"""The place index: sources -> an on-disk index -> exact, fuzzy, by-id and spatial lookups.
Knows nothing of documents or maps."""
from .index import Index, Match
from .keys import fold
from .place import Place

__all__ = ['Index', 'Match', 'Place', 'fold']
