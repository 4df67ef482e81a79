// Generated from graphmodel/store/mapping.py by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's id), $rows or $ids.
// Every node and relationship is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets
// the (dataset, id) uniqueness index serve a look-up by dataset alone.

// Rows are lists: a record's columns in schema order after the leading values named
// in each query. Nodes and relationships already known are addressed by elementId.

// name: begin_load
// Marks the dataset as loading; remembers earlier loads that never finished.
MERGE (d:Dataset {id: $dataset})
WITH d, coalesce(d.incomplete_loads, []) +
     CASE WHEN d.load_state = 'loading' THEN [d.load_id] ELSE [] END AS unfinished
SET d.incomplete_loads = unfinished, d.load_state = 'loading', d.load_id = $load,
    d.load_started = toString(datetime())
RETURN unfinished;

// name: finish_load
MATCH (d:Dataset {id: $dataset})
SET d += $properties, d.load_state = 'complete', d.loaded_at = toString(datetime()),
    d.incomplete_loads = []
RETURN d.id AS id;

// name: delete_nodes
UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
DETACH DELETE n;

// name: delete_relationships
UNWIND $ids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
DELETE r;

// name: merge_Document
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Document {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.title = row[2],
    n.publisher = row[3],
    n.date = row[4],
    n.reference = row[5],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: merge_Organisation
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Organisation {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.kind = row[3],
    n.parent = row[4],
    n.notes = row[5],
    n.source_document = row[6],
    n.source_section = row[7],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: unlink_Organisation
UNWIND $ids AS eid
MATCH (n:Organisation)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Organisation_parent
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF {dataset: $dataset}]->(t);

// name: merge_Area
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Area {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.kind = row[3],
    n.parent = row[4],
    n.source_document = row[5],
    n.source_section = row[6],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: unlink_Area
UNWIND $ids AS eid
MATCH (n:Area)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Area_parent
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF {dataset: $dataset}]->(t);

// name: merge_Theme
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Theme {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.source_document = row[3],
    n.source_section = row[4],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: merge_Body
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Body {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.kind = row[3],
    n.category = row[4],
    n.organisation = row[5],
    n.areas = row[6],
    n.themes = row[7],
    n.declared_size = row[8],
    n.declared_composition = row[9],
    n.established = row[10],
    n.dissolved = row[11],
    n.terms_of_reference = row[12],
    n.review_date = row[13],
    n.notes = row[14],
    n.source_document = row[15],
    n.source_section = row[16],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: unlink_Body
UNWIND $ids AS eid
MATCH (n:Body)-[old:COVERS|HOSTED_BY|WORKS_ON]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Body_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HOSTED_BY {dataset: $dataset}]->(t);

// name: link_Body_areas
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:COVERS {dataset: $dataset}]->(t);

// name: link_Body_themes
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_ON {dataset: $dataset}]->(t);

// name: merge_Person
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Person {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.kind = row[3],
    n.organisation = row[4],
    n.notes = row[5],
    n.source_document = row[6],
    n.source_section = row[7],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: unlink_Person
UNWIND $ids AS eid
MATCH (n:Person)-[old:WORKS_FOR]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Person_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_FOR {dataset: $dataset}]->(t);

// name: merge_Post
// row: [hash, columns...]
UNWIND $rows AS row
MERGE (n:Post {dataset: $dataset, id: row[1]})
SET n.id = row[1],
    n.name = row[2],
    n.organisation = row[3],
    n.holder = row[4],
    n.notes = row[5],
    n.source_document = row[6],
    n.source_section = row[7],
    n._hash = row[0], n._load = $load
RETURN n.id AS id, elementId(n) AS eid;

// name: unlink_Post
UNWIND $ids AS eid
MATCH (n:Post)-[old:HELD_BY|POST_IN]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Post_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:POST_IN {dataset: $dataset}]->(t);

// name: link_Post_holder
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HELD_BY {dataset: $dataset}]->(t);

// name: create_MEMBER_OF
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:MEMBER_OF {
    id: row[3],
    body: row[4],
    person: row[5],
    post: row[6],
    role: row[7],
    on_behalf_of: row[8],
    nominated_by: row[9],
    start: row[10],
    end: row[11],
    notes: row[12],
    source_document: row[13],
    source_section: row[14],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_REPORTS_TO
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:REPORTS_TO {
    id: row[3],
    body: row[4],
    reports_to: row[5],
    kind: row[6],
    start: row[7],
    end: row[8],
    notes: row[9],
    source_document: row[10],
    source_section: row[11],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_SCRUTINISES
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:SCRUTINISES {
    id: row[3],
    scrutiny_body: row[4],
    body: row[5],
    start: row[6],
    end: row[7],
    notes: row[8],
    source_document: row[9],
    source_section: row[10],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_NOMINATES_TO
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:NOMINATES_TO {
    id: row[3],
    nominating_body: row[4],
    body: row[5],
    seats: row[6],
    start: row[7],
    end: row[8],
    notes: row[9],
    source_document: row[10],
    source_section: row[11],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_SUCCEEDED_BY
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:SUCCEEDED_BY {
    id: row[3],
    predecessor: row[4],
    successor: row[5],
    date: row[6],
    notes: row[7],
    source_document: row[8],
    source_section: row[9],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_RESOURCES
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:RESOURCES {
    id: row[3],
    organisation: row[4],
    body: row[5],
    officer_hours_per_month: row[6],
    money_per_year: row[7],
    lead_post: row[8],
    estimate: row[9],
    start: row[10],
    end: row[11],
    notes: row[12],
    source_document: row[13],
    source_section: row[14],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);

// name: create_ASSESSES
// row: [elementId of the source node, elementId of the target node, hash,
//       columns...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:ASSESSES {
    id: row[3],
    organisation: row[4],
    body: row[5],
    value: row[6],
    risk: row[7],
    recommendation: row[8],
    date: row[9],
    notes: row[10],
    source_document: row[11],
    source_section: row[12],
    dataset: $dataset, _hash: row[2], _load: $load}]->(b);
