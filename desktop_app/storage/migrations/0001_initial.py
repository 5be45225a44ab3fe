"""The first schema: every entity of DESIGN.md §2, the change journal and the audit log.

Foreign keys are DEFERRABLE INITIALLY DEFERRED because an import or a sync applies rows in
an order that need not be parent-before-child; SQLite checks them at commit instead.
"""

STATEMENTS = [
    (
        'CREATE TABLE "body" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "name" TEXT NOT NULL, "kind" TEXT NOT NULL, '
        '"parent_id" TEXT, "quorum" TEXT NOT NULL, "venue" TEXT NOT NULL, '
        '"numbering_pattern" TEXT NOT NULL, "numbering_restart" TEXT NOT NULL, '
        '"numbering_year_starts" TEXT NOT NULL, "numbering_next" INTEGER NOT NULL, '
        '"archived_at" TEXT, '
        'FOREIGN KEY ("parent_id") REFERENCES "body" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "body_parent_id" ON "body" ("parent_id")',
    (
        'CREATE TABLE "organisation" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "name" TEXT NOT NULL, "archived_at" TEXT)'
    ),
    (
        'CREATE TABLE "person" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "key" TEXT NOT NULL, "title" TEXT NOT NULL, '
        '"name" TEXT NOT NULL, "organisation_id" TEXT, "position" TEXT NOT NULL, '
        '"email" TEXT NOT NULL, "phone" TEXT NOT NULL, "archived_at" TEXT, '
        'FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE UNIQUE INDEX "person_key" ON "person" ("key")',
    'CREATE INDEX "person_organisation_id" ON "person" ("organisation_id")',
    (
        'CREATE TABLE "meeting" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "body_id" TEXT NOT NULL, "date" DATE NOT NULL, '
        '"start_time" TEXT NOT NULL, "end_time" TEXT NOT NULL, "venue" TEXT NOT NULL, '
        '"kind" TEXT NOT NULL, "status" TEXT NOT NULL, "status_reason" TEXT NOT NULL, '
        '"is_public" INTEGER NOT NULL, "previous_id" TEXT, "chair_id" TEXT, '
        '"public_attendees" INTEGER, '
        'FOREIGN KEY ("body_id") REFERENCES "body" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("previous_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("chair_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "meeting_body_id" ON "meeting" ("body_id")',
    'CREATE INDEX "meeting_previous_id" ON "meeting" ("previous_id")',
    'CREATE INDEX "meeting_chair_id" ON "meeting" ("chair_id")',
    (
        'CREATE TABLE "agenda_item" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "meeting_id" TEXT NOT NULL, "parent_id" TEXT, '
        '"position" INTEGER NOT NULL, "number" TEXT NOT NULL, "title" TEXT NOT NULL, '
        '"kind" TEXT NOT NULL, "presenter_person_id" TEXT, '
        '"presenter_organisation_id" TEXT, "purpose" TEXT NOT NULL, '
        '"confidential" INTEGER NOT NULL, "exempt_paragraph" TEXT NOT NULL, '
        'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("parent_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("presenter_person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("presenter_organisation_id") REFERENCES "organisation" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "agenda_item_meeting_id" ON "agenda_item" ("meeting_id")',
    'CREATE INDEX "agenda_item_parent_id" ON "agenda_item" ("parent_id")',
    ('CREATE INDEX "agenda_item_presenter_person_id" ON "agenda_item" ("presenter_person_id")'),
    (
        'CREATE INDEX "agenda_item_presenter_organisation_id" ON "agenda_item" ("presenter_organisation_id")'
    ),
    (
        'CREATE TABLE "action" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "item_id" TEXT NOT NULL, "position" INTEGER NOT NULL, '
        '"text" TEXT NOT NULL, "owner_person_id" TEXT, "owner_organisation_id" TEXT, '
        '"due" DATE, "status" TEXT NOT NULL, "progress" TEXT NOT NULL, '
        'FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("owner_person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "action_item_id" ON "action" ("item_id")',
    'CREATE INDEX "action_owner_person_id" ON "action" ("owner_person_id")',
    ('CREATE INDEX "action_owner_organisation_id" ON "action" ("owner_organisation_id")'),
    (
        'CREATE TABLE "attendance" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "meeting_id" TEXT NOT NULL, "person_id" TEXT NOT NULL, '
        '"status" TEXT NOT NULL, "substitute_for_id" TEXT, "capacity" TEXT NOT NULL, '
        '"arrived" TEXT NOT NULL, "left" TEXT NOT NULL, '
        'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("substitute_for_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "attendance_meeting_id" ON "attendance" ("meeting_id")',
    'CREATE INDEX "attendance_person_id" ON "attendance" ("person_id")',
    ('CREATE INDEX "attendance_substitute_for_id" ON "attendance" ("substitute_for_id")'),
    (
        'CREATE TABLE "audit_entry" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"at" TEXT NOT NULL, "actor" TEXT NOT NULL, "machine" TEXT NOT NULL, '
        '"action" TEXT NOT NULL, "table_name" TEXT NOT NULL, "row_id" TEXT NOT NULL, '
        '"summary" TEXT NOT NULL)'
    ),
    (
        'CREATE TABLE "declaration" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "meeting_id" TEXT NOT NULL, "item_id" TEXT, '
        '"person_id" TEXT NOT NULL, "kind" TEXT NOT NULL, "description" TEXT NOT NULL, '
        '"left_room" INTEGER NOT NULL, '
        'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "declaration_meeting_id" ON "declaration" ("meeting_id")',
    'CREATE INDEX "declaration_item_id" ON "declaration" ("item_id")',
    'CREATE INDEX "declaration_person_id" ON "declaration" ("person_id")',
    (
        'CREATE TABLE "document" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "item_id" TEXT NOT NULL, "title" TEXT NOT NULL, '
        '"author" TEXT NOT NULL, "date" DATE, "confidential" INTEGER NOT NULL, '
        '"filename" TEXT NOT NULL, "sha256" TEXT NOT NULL, "size" INTEGER NOT NULL, '
        'FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "document_item_id" ON "document" ("item_id")',
    (
        'CREATE TABLE "journal_entry" ("seq" INTEGER NOT NULL PRIMARY KEY, '
        '"change_id" TEXT NOT NULL, "device_id" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"table_name" TEXT NOT NULL, "row_id" TEXT NOT NULL, "op" TEXT NOT NULL, '
        '"fields" TEXT NOT NULL)'
    ),
    'CREATE UNIQUE INDEX "journal_entry_change_id" ON "journal_entry" ("change_id")',
    ('CREATE TABLE "local_setting" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)'),
    (
        'CREATE TABLE "membership" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "body_id" TEXT NOT NULL, "person_id" TEXT NOT NULL, '
        '"role" TEXT NOT NULL, "organisation_id" TEXT, "voting" INTEGER NOT NULL, '
        '"from_date" DATE, "to_date" DATE, '
        'FOREIGN KEY ("body_id") REFERENCES "body" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "membership_body_id" ON "membership" ("body_id")',
    'CREATE INDEX "membership_person_id" ON "membership" ("person_id")',
    'CREATE INDEX "membership_organisation_id" ON "membership" ("organisation_id")',
    (
        'CREATE TABLE "minute" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "item_id" TEXT NOT NULL, "overview" TEXT NOT NULL, '
        '"key_points" TEXT NOT NULL, "recommendations" TEXT NOT NULL, '
        '"decision" TEXT NOT NULL, "notes" TEXT NOT NULL, '
        'FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "minute_item_id" ON "minute" ("item_id")',
    (
        'CREATE TABLE "signer" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "person_id" TEXT NOT NULL, '
        '"certificate_pem" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, '
        '"key_hint" TEXT NOT NULL, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "signer_person_id" ON "signer" ("person_id")',
    (
        'CREATE TABLE "minutes_version" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "meeting_id" TEXT NOT NULL, "version" INTEGER NOT NULL, '
        '"state" TEXT NOT NULL, "pdf_sha256" TEXT NOT NULL, '
        '"approved_at_meeting_id" TEXT, "approved_minute" TEXT NOT NULL, '
        '"signed_by_id" TEXT, "signed_at" TEXT, '
        'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("approved_at_meeting_id") REFERENCES "meeting" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("signed_by_id") REFERENCES "signer" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "minutes_version_meeting_id" ON "minutes_version" ("meeting_id")',
    (
        'CREATE INDEX "minutes_version_approved_at_meeting_id" ON "minutes_version" ("approved_at_meeting_id")'
    ),
    ('CREATE INDEX "minutes_version_signed_by_id" ON "minutes_version" ("signed_by_id")'),
    (
        'CREATE TABLE "resolution" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "item_id" TEXT NOT NULL, "position" INTEGER NOT NULL, '
        '"text" TEXT NOT NULL, "outcome" TEXT NOT NULL, "proposer_id" TEXT, '
        '"seconder_id" TEXT, "votes_for" INTEGER, "votes_against" INTEGER, '
        '"votes_abstain" INTEGER, "approves_sha256" TEXT NOT NULL, '
        'FOREIGN KEY ("item_id") REFERENCES "agenda_item" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("proposer_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("seconder_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "resolution_item_id" ON "resolution" ("item_id")',
    'CREATE INDEX "resolution_proposer_id" ON "resolution" ("proposer_id")',
    'CREATE INDEX "resolution_seconder_id" ON "resolution" ("seconder_id")',
    (
        'CREATE TABLE "named_vote" ("id" TEXT NOT NULL PRIMARY KEY, '
        '"created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "hlc" TEXT NOT NULL, '
        '"deleted_at" TEXT, "resolution_id" TEXT NOT NULL, "person_id" TEXT NOT NULL, '
        '"vote" TEXT NOT NULL, '
        'FOREIGN KEY ("resolution_id") REFERENCES "resolution" ("id") DEFERRABLE INITIALLY DEFERRED, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") DEFERRABLE INITIALLY DEFERRED)'
    ),
    'CREATE INDEX "named_vote_resolution_id" ON "named_vote" ("resolution_id")',
    'CREATE INDEX "named_vote_person_id" ON "named_vote" ("person_id")',
    'CREATE INDEX "meeting_body_id_date" ON "meeting" ("body_id", "date")',
    ('CREATE INDEX "journal_entry_table_name_row_id" ON "journal_entry" ("table_name", "row_id")'),
    'CREATE INDEX "audit_entry_row_id" ON "audit_entry" ("row_id")',
]


def migrate(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
