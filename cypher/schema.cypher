// Generated from the schema (graphmodel/model.py's relationships, through
// graphmodel/store/mapping.py) by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.

// name: dataset_key
CREATE CONSTRAINT graphmodel_dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;

// name: load_lock_key
// one load lock per dataset, even when two loads begin at once
CREATE CONSTRAINT graphmodel_load_lock_key IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.dataset IS UNIQUE;

// name: Document_key
CREATE CONSTRAINT graphmodel_document_key IF NOT EXISTS FOR (n:Document) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Organisation_key
CREATE CONSTRAINT graphmodel_organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Area_key
CREATE CONSTRAINT graphmodel_area_key IF NOT EXISTS FOR (n:Area) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Theme_key
CREATE CONSTRAINT graphmodel_theme_key IF NOT EXISTS FOR (n:Theme) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Body_key
CREATE CONSTRAINT graphmodel_body_key IF NOT EXISTS FOR (n:Body) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Person_key
CREATE CONSTRAINT graphmodel_person_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Post_key
CREATE CONSTRAINT graphmodel_post_key IF NOT EXISTS FOR (n:Post) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Meeting_key
CREATE CONSTRAINT graphmodel_meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE (n.dataset, n.id) IS UNIQUE;

// name: Attendance_key
CREATE CONSTRAINT graphmodel_attendance_key IF NOT EXISTS FOR (n:Attendance) REQUIRE (n.dataset, n.id) IS UNIQUE;

// Relationships have no uniqueness constraint: it costs every relationship
// written an index entry and a check. The loader keeps them unique (see
// graphmodel/store/diff.py); the constraints earlier versions made are dropped.

// name: MEMBER_OF_key_dropped
DROP CONSTRAINT graphmodel_member_of_key IF EXISTS;

// name: REPORTS_TO_key_dropped
DROP CONSTRAINT graphmodel_reports_to_key IF EXISTS;

// name: SCRUTINISES_key_dropped
DROP CONSTRAINT graphmodel_scrutinises_key IF EXISTS;

// name: NOMINATES_TO_key_dropped
DROP CONSTRAINT graphmodel_nominates_to_key IF EXISTS;

// name: SUCCEEDED_BY_key_dropped
DROP CONSTRAINT graphmodel_succeeded_by_key IF EXISTS;

// name: RESOURCES_key_dropped
DROP CONSTRAINT graphmodel_resources_key IF EXISTS;

// name: ASSESSES_key_dropped
DROP CONSTRAINT graphmodel_assesses_key IF EXISTS;
