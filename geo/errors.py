"""One small hierarchy of errors for things the user can fix.  The CLI prints the message as one
line on stderr and exits with code 2; messages name the file (and line) and say what to do."""
from gazetteer.errors import GazetteerError, RowError  # noqa: F401  (re-exported)


class GeoError(Exception):
    """Base of every error caused by the user's input rather than by a bug."""


class InputError(GeoError):
    """A document or input file cannot be read: missing, a directory, binary, undecodable,
    empty, malformed JSON Lines or CSV."""


class OutputError(GeoError):
    """An output cannot be written where the user asked."""


class ModelError(GeoError):
    """A shipped model or weights file does not fit the code (features renamed, version changed)."""
