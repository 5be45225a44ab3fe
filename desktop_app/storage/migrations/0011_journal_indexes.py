"""Two indexes that nothing reads, dropped (issue 13): every change applied from the share
paid for them, about a fifth of writing its journal and audit rows (bench/).

- `journal_entry_table_name_row_id`: a row's history is found by `journal_entry_row`
  (row id, then stamp), row ids being unique across tables.
- `audit_entry_row_id`: nothing looks an audit entry up by its row.
"""


def migrate(db) -> None:
    db.execute_sql('DROP INDEX IF EXISTS "journal_entry_table_name_row_id"')
    db.execute_sql('DROP INDEX IF EXISTS "audit_entry_row_id"')
