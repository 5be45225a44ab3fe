"""Which values an approval froze (issue 13): an approved minutes version keeps the stamp of
every frozen field, so a laptop that edited those minutes while another approved them puts
the approved values back when the approval arrives, keeping its edits as conflicts."""


def migrate(db) -> None:
    db.execute_sql(
        """ALTER TABLE "minutes_version" ADD COLUMN "frozen_stamps" TEXT NOT NULL DEFAULT ''"""
    )
