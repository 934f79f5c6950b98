"""`geo review`: check and correct the places of documents in a local web app, then export.

The parser proposes, the analyst disposes, and the tool remembers:

  store.py     the decisions, one row per decision in an embedded SQLite file (undo included)
  apply.py     decisions laid over a parser's Result: a decision wins over the parser for its span
               (geo map --review-db and geo batch --review-db use it too; no web code here)
  gold.py      the decisions as gold JSON Lines in the format of `geo eval`
  remember.py  "Remember this place": a pinned place in the user's own gazetteer store
  session.py   the documents of a review, parsed once and kept, what the page shows of each
  exports.py   the corrected maps and data of a document (geo.outputs' writers)
  server.py    the Starlette app and its guards (token, Host, Origin, sizes); static/: the page
"""
