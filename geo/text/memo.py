"""A bounded memo that forgets in generations, for answers that depend on a word alone.

When the memo is full it becomes the previous generation and starts empty; a word still in use
comes back from the previous generation instead of being worked out again.  A long run never
starts cold again (emptying a full memo would make it), and memory stays within two generations."""
from __future__ import annotations


class Generations(dict):
    """The current generation is the dict itself (lookups stay C-level dict lookups); `previous`
    holds the last one.  Add answers with `keep`."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.previous: dict = {}

    def keep(self, key, value):
        """Store an answer (starting a new generation first when this one is full); returns it."""
        if len(self) >= self.limit:
            self.previous = dict(self)
            self.clear()
        self[key] = value
        return value

    def either(self, key, default=None):
        """The answer of the current generation or, else, of the previous one; else `default`
        (nothing is kept: for a caller that merges what it finds with more, then keeps it)."""
        got = self.get(key)
        return got if got is not None else self.previous.get(key, default)

    def recall(self, key, work):
        """The answer for a key the current generation lacks: the previous generation's, else
        work(key); kept either way (call it after `get` missed: lookups stay C-level)."""
        got = self.previous.get(key)
        return self.keep(key, work(key) if got is None else got)
