// Generated from graphmodel/store/mapping.py by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number), $rows or $ids.
// Every node and relationship is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets
// the (dataset, id) uniqueness index serve a look-up by dataset alone.

// name: dataset_key
CREATE CONSTRAINT graphmodel_dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;

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

// name: MEMBER_OF_key
CREATE CONSTRAINT graphmodel_member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: REPORTS_TO_key
CREATE CONSTRAINT graphmodel_reports_to_key IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: SCRUTINISES_key
CREATE CONSTRAINT graphmodel_scrutinises_key IF NOT EXISTS FOR ()-[r:SCRUTINISES]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: NOMINATES_TO_key
CREATE CONSTRAINT graphmodel_nominates_to_key IF NOT EXISTS FOR ()-[r:NOMINATES_TO]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: SUCCEEDED_BY_key
CREATE CONSTRAINT graphmodel_succeeded_by_key IF NOT EXISTS FOR ()-[r:SUCCEEDED_BY]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: RESOURCES_key
CREATE CONSTRAINT graphmodel_resources_key IF NOT EXISTS FOR ()-[r:RESOURCES]-() REQUIRE (r.dataset, r.id) IS UNIQUE;

// name: ASSESSES_key
CREATE CONSTRAINT graphmodel_assesses_key IF NOT EXISTS FOR ()-[r:ASSESSES]-() REQUIRE (r.dataset, r.id) IS UNIQUE;
