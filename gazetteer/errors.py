"""Errors the gazetteer raises for bad input.  Messages name the file and line."""


class GazetteerError(Exception):
    """A gazetteer file or index the user supplied cannot be used (exit code 2 in the CLI)."""


class RowError(GazetteerError):
    def __init__(self, path, line: int, what: str):
        self.path, self.line, self.what = str(path), line, what
        super().__init__(f'{path}:{line}: {what}')
