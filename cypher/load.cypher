// Generated from graphmodel/store/mapping.py by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.

// Rows are lists: a record's columns in schema order after the leading values named
// in each query. Nodes and relationships already known are addressed by elementId.

// name: begin_load
// Marks the dataset as loading, numbers this load and remembers earlier loads
// that never finished. The dataset's first load is its bulk load: the records
// it writes carry no _load of their own, the dataset's bulk_load stands for it.
MERGE (d:Dataset {id: $dataset})
WITH d, coalesce(d.incomplete_loads, []) +
     CASE WHEN d.load_state = 'loading' THEN [d.load_id] ELSE [] END AS unfinished
SET d.incomplete_loads = unfinished, d.load_state = 'loading',
    d.load_id = coalesce(d.load_id, 0) + 1, d.load_started = toString(datetime())
SET d.bulk_load = coalesce(d.bulk_load, d.load_id)
RETURN unfinished, d.load_id AS load, d.bulk_load AS bulk_load;

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

// name: create_Document
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Document {
    id: row[1],
    title: row[2],
    publisher: row[3],
    date: row[4],
    reference: row[5],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Document
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.title = row[3],
    n.publisher = row[4],
    n.date = row[5],
    n.reference = row[6],
    n._hash = row[1], n._load = $load;

// name: create_Organisation
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Organisation {
    id: row[1],
    name: row[2],
    kind: row[3],
    parent: row[4],
    notes: row[5],
    source_document: row[6],
    source_section: row[7],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Organisation
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.kind = row[4],
    n.parent = row[5],
    n.notes = row[6],
    n.source_document = row[7],
    n.source_section = row[8],
    n._hash = row[1], n._load = $load;

// name: unlink_Organisation
UNWIND $ids AS eid
MATCH (n:Organisation)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Organisation_parent
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF]->(t);

// name: create_Area
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Area {
    id: row[1],
    name: row[2],
    kind: row[3],
    parent: row[4],
    source_document: row[5],
    source_section: row[6],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Area
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.kind = row[4],
    n.parent = row[5],
    n.source_document = row[6],
    n.source_section = row[7],
    n._hash = row[1], n._load = $load;

// name: unlink_Area
UNWIND $ids AS eid
MATCH (n:Area)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Area_parent
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF]->(t);

// name: create_Theme
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Theme {
    id: row[1],
    name: row[2],
    source_document: row[3],
    source_section: row[4],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Theme
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.source_document = row[4],
    n.source_section = row[5],
    n._hash = row[1], n._load = $load;

// name: create_Body
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Body {
    id: row[1],
    name: row[2],
    kind: row[3],
    category: row[4],
    organisation: row[5],
    areas: row[6],
    themes: row[7],
    declared_size: row[8],
    declared_composition: row[9],
    established: row[10],
    dissolved: row[11],
    terms_of_reference: row[12],
    review_date: row[13],
    notes: row[14],
    source_document: row[15],
    source_section: row[16],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Body
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.kind = row[4],
    n.category = row[5],
    n.organisation = row[6],
    n.areas = row[7],
    n.themes = row[8],
    n.declared_size = row[9],
    n.declared_composition = row[10],
    n.established = row[11],
    n.dissolved = row[12],
    n.terms_of_reference = row[13],
    n.review_date = row[14],
    n.notes = row[15],
    n.source_document = row[16],
    n.source_section = row[17],
    n._hash = row[1], n._load = $load;

// name: unlink_Body
UNWIND $ids AS eid
MATCH (n:Body)-[old:COVERS|HOSTED_BY|WORKS_ON]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Body_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HOSTED_BY]->(t);

// name: link_Body_areas
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:COVERS]->(t);

// name: link_Body_themes
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_ON]->(t);

// name: create_Person
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Person {
    id: row[1],
    name: row[2],
    kind: row[3],
    organisation: row[4],
    notes: row[5],
    source_document: row[6],
    source_section: row[7],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Person
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.kind = row[4],
    n.organisation = row[5],
    n.notes = row[6],
    n.source_document = row[7],
    n.source_section = row[8],
    n._hash = row[1], n._load = $load;

// name: unlink_Person
UNWIND $ids AS eid
MATCH (n:Person)-[old:WORKS_FOR]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Person_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_FOR]->(t);

// name: create_Post
// row: [hash, columns...]; only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Post {
    id: row[1],
    name: row[2],
    organisation: row[3],
    holder: row[4],
    notes: row[5],
    source_document: row[6],
    source_section: row[7],
    dataset: $dataset, _hash: row[0], _load: $load})
RETURN n.id AS id, elementId(n) AS eid;

// name: update_Post
// row: [elementId, hash, columns...]; a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.organisation = row[4],
    n.holder = row[5],
    n.notes = row[6],
    n.source_document = row[7],
    n.source_section = row[8],
    n._hash = row[1], n._load = $load;

// name: unlink_Post
UNWIND $ids AS eid
MATCH (n:Post)-[old:HELD_BY|POST_IN]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Post_organisation
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:POST_IN]->(t);

// name: link_Post_holder
// row: [elementId of the node, elementId of the target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HELD_BY]->(t);

// name: create_MEMBER_OF
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:MEMBER_OF {
    id: row[3],
    post: row[4],
    role: row[5],
    on_behalf_of: row[6],
    nominated_by: row[7],
    start: row[8],
    end: row[9],
    notes: row[10],
    source_document: row[11],
    source_section: row[12],
    _hash: row[2], _load: $load}]->(b);

// name: create_REPORTS_TO
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:REPORTS_TO {
    id: row[3],
    kind: row[4],
    start: row[5],
    end: row[6],
    notes: row[7],
    source_document: row[8],
    source_section: row[9],
    _hash: row[2], _load: $load}]->(b);

// name: create_SCRUTINISES
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:SCRUTINISES {
    id: row[3],
    start: row[4],
    end: row[5],
    notes: row[6],
    source_document: row[7],
    source_section: row[8],
    _hash: row[2], _load: $load}]->(b);

// name: create_NOMINATES_TO
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:NOMINATES_TO {
    id: row[3],
    seats: row[4],
    start: row[5],
    end: row[6],
    notes: row[7],
    source_document: row[8],
    source_section: row[9],
    _hash: row[2], _load: $load}]->(b);

// name: create_SUCCEEDED_BY
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:SUCCEEDED_BY {
    id: row[3],
    date: row[4],
    notes: row[5],
    source_document: row[6],
    source_section: row[7],
    _hash: row[2], _load: $load}]->(b);

// name: create_RESOURCES
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:RESOURCES {
    id: row[3],
    officer_hours_per_month: row[4],
    money_per_year: row[5],
    lead_post: row[6],
    estimate: row[7],
    start: row[8],
    end: row[9],
    notes: row[10],
    source_document: row[11],
    source_section: row[12],
    _hash: row[2], _load: $load}]->(b);

// name: create_ASSESSES
// row: [elementId of the source node, elementId of the target node, hash,
//       the columns below...]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:ASSESSES {
    id: row[3],
    value: row[4],
    risk: row[5],
    recommendation: row[6],
    date: row[7],
    notes: row[8],
    source_document: row[9],
    source_section: row[10],
    _hash: row[2], _load: $load}]->(b);
