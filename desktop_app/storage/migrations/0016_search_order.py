"""Search at any size (issue 16): the full-text tables keyed by each entry's date, newest
greatest, and the body beside the words, so that a search ranks the newest matches and pages
on to older ones instead of ranking every match (storage/search_index.py, `ORDERED`). The
index is written again from its entries, once."""

from desktop_app.storage.search_index import ORDERED


def migrate(db) -> None:
    for statement in ORDERED:
        db.execute_sql(statement)
