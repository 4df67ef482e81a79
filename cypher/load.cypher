// Generated from the schema (graphmodel/model.py's relationships, through
// graphmodel/store/mapping.py) by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.

// Rows are lists: a record's columns and the store's own values (names beginning
// with _) in the places graphmodel/store/mapping.py gives them; the comment
// before a query names them. Nodes and relationships already known are
// addressed by elementId.

// name: take_lock
// One load of a dataset at a time: its LoadLock node, made in a transaction of
// its own. It is taken when free, when its holder has given no heartbeat for
// $stale_after seconds (a load that was killed), when it is still held by
// $stale_token (a holder known to be gone), or when $take_over is true.
MERGE (l:LoadLock {dataset: $dataset})
ON CREATE SET l.token = $token, l.holder = $holder, l.host = $host, l.pid = $pid,
    l.since = datetime(), l.heartbeat = datetime()
WITH l, l.holder AS was_holder, toString(l.since) AS was_since,
     l.token IN [$token, coalesce($stale_token, $token)] OR $take_over OR
     l.heartbeat < datetime() - duration({seconds: $stale_after}) AS ours
FOREACH (_ IN CASE WHEN ours AND l.token <> $token THEN [1] ELSE [] END |
    SET l.token = $token, l.holder = $holder, l.host = $host, l.pid = $pid,
        l.since = datetime(), l.heartbeat = datetime())
RETURN ours AS taken, was_holder, was_since, l.holder AS holder, l.token AS token,
       l.host AS host, l.pid AS pid, toString(l.since) AS since,
       toString(l.heartbeat) AS heartbeat;

// name: heartbeat_lock
MATCH (l:LoadLock {dataset: $dataset, token: $token})
SET l.heartbeat = datetime()
RETURN count(l) AS held;

// name: release_lock
MATCH (l:LoadLock {dataset: $dataset, token: $token})
DELETE l;

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
// only for records the dataset does not hold yet
// row: [_hash, id, title, publisher, date, reference]
UNWIND $rows AS row
CREATE (n:Document {
    id: row[1],
    title: row[2],
    publisher: row[3],
    date: row[4],
    reference: row[5],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Document
// a column that is now empty is removed
// row: [_node, _hash, id, title, publisher, date, reference]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.title = row[3],
    n.publisher = row[4],
    n.date = row[5],
    n.reference = row[6],
    n._hash = row[1], n._load = $load;

// name: create_Organisation
// only for records the dataset does not hold yet
// row: [_hash, id, name, kind, parent, notes, source_document, source_section]
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
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Organisation
// a column that is now empty is removed
// row: [_node, _hash, id, name, kind, parent, notes, source_document, source_section]
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
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF]->(t);

// name: create_Area
// only for records the dataset does not hold yet
// row: [_hash, id, name, kind, parent, source_document, source_section]
UNWIND $rows AS row
CREATE (n:Area {
    id: row[1],
    name: row[2],
    kind: row[3],
    parent: row[4],
    source_document: row[5],
    source_section: row[6],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Area
// a column that is now empty is removed
// row: [_node, _hash, id, name, kind, parent, source_document, source_section]
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
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:PART_OF]->(t);

// name: create_Theme
// only for records the dataset does not hold yet
// row: [_hash, id, name, source_document, source_section]
UNWIND $rows AS row
CREATE (n:Theme {
    id: row[1],
    name: row[2],
    source_document: row[3],
    source_section: row[4],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Theme
// a column that is now empty is removed
// row: [_node, _hash, id, name, source_document, source_section]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.name = row[3],
    n.source_document = row[4],
    n.source_section = row[5],
    n._hash = row[1], n._load = $load;

// name: create_Body
// only for records the dataset does not hold yet
// row: [_hash, id, name, kind, category, organisation, areas, themes, declared_size,
//   declared_composition, membership_complete, no_seat_for, main_themes, established,
//   dissolved, terms_of_reference, review_date, notes, source_document, source_section]
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
    membership_complete: row[10],
    no_seat_for: row[11],
    main_themes: row[12],
    established: row[13],
    dissolved: row[14],
    terms_of_reference: row[15],
    review_date: row[16],
    notes: row[17],
    source_document: row[18],
    source_section: row[19],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Body
// a column that is now empty is removed
// row: [_node, _hash, id, name, kind, category, organisation, areas, themes,
//   declared_size, declared_composition, membership_complete, no_seat_for, main_themes,
//   established, dissolved, terms_of_reference, review_date, notes, source_document,
//   source_section]
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
    n.membership_complete = row[11],
    n.no_seat_for = row[12],
    n.main_themes = row[13],
    n.established = row[14],
    n.dissolved = row[15],
    n.terms_of_reference = row[16],
    n.review_date = row[17],
    n.notes = row[18],
    n.source_document = row[19],
    n.source_section = row[20],
    n._hash = row[1], n._load = $load;

// name: unlink_Body
UNWIND $ids AS eid
MATCH (n:Body)-[old:COVERS|DEDICATED_TO|HOSTED_BY|NO_SEAT_FOR|WORKS_ON]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Body_organisation
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HOSTED_BY]->(t);

// name: link_Body_areas
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:COVERS]->(t);

// name: link_Body_themes
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_ON]->(t);

// name: link_Body_main_themes
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:DEDICATED_TO]->(t);

// name: link_Body_no_seat_for
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:NO_SEAT_FOR]->(t);

// name: create_Person
// only for records the dataset does not hold yet
// row: [_hash, id, name, kind, organisation, notes, source_document, source_section]
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
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Person
// a column that is now empty is removed
// row: [_node, _hash, id, name, kind, organisation, notes, source_document,
//   source_section]
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
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:WORKS_FOR]->(t);

// name: create_Post
// only for records the dataset does not hold yet
// row: [_hash, id, name, organisation, holder, notes, source_document, source_section]
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
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Post
// a column that is now empty is removed
// row: [_node, _hash, id, name, organisation, holder, notes, source_document,
//   source_section]
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
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:POST_IN]->(t);

// name: link_Post_holder
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:HELD_BY]->(t);

// name: create_Meeting
// only for records the dataset does not hold yet
// row: [_hash, id, body, date, status, notes, source_document, source_section]
UNWIND $rows AS row
CREATE (n:Meeting {
    id: row[1],
    body: row[2],
    date: row[3],
    status: row[4],
    notes: row[5],
    source_document: row[6],
    source_section: row[7],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Meeting
// a column that is now empty is removed
// row: [_node, _hash, id, body, date, status, notes, source_document, source_section]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.body = row[3],
    n.date = row[4],
    n.status = row[5],
    n.notes = row[6],
    n.source_document = row[7],
    n.source_section = row[8],
    n._hash = row[1], n._load = $load;

// name: unlink_Meeting
UNWIND $ids AS eid
MATCH (n:Meeting)-[old:MEETING_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Meeting_body
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:MEETING_OF]->(t);

// name: create_Attendance
// only for records the dataset does not hold yet
// row: [_hash, id, meeting, person, role, status, absence_approved, notes,
//   source_document, source_section]
UNWIND $rows AS row
CREATE (n:Attendance {
    id: row[1],
    meeting: row[2],
    person: row[3],
    role: row[4],
    status: row[5],
    absence_approved: row[6],
    notes: row[7],
    source_document: row[8],
    source_section: row[9],
    dataset: $dataset, _hash: row[0], _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Attendance
// a column that is now empty is removed
// row: [_node, _hash, id, meeting, person, role, status, absence_approved, notes,
//   source_document, source_section]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
SET n.id = row[2],
    n.meeting = row[3],
    n.person = row[4],
    n.role = row[5],
    n.status = row[6],
    n.absence_approved = row[7],
    n.notes = row[8],
    n.source_document = row[9],
    n.source_section = row[10],
    n._hash = row[1], n._load = $load;

// name: unlink_Attendance
UNWIND $ids AS eid
MATCH (n:Attendance)-[old:AT|BY]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Attendance_meeting
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:AT]->(t);

// name: link_Attendance_person
// row: [_node, _target]
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
CREATE (n)-[:BY]->(t);

// name: create_MEMBER_OF
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ..., post: ..., role: ...,
//   on_behalf_of: ..., nominated_by: ..., start: ..., end: ..., notes: ...,
//   source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:MEMBER_OF {
    id: m[1],
    post: m[2],
    role: m[3],
    on_behalf_of: m[4],
    nominated_by: m[5],
    start: m[6],
    end: m[7],
    notes: m[8],
    source_document: m[9],
    source_section: m[10],
    _load: $load}]->(b);

// name: create_REPORTS_TO
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ..., kind: ..., start: ...,
//   end: ..., notes: ..., source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:REPORTS_TO {
    id: m[1],
    kind: m[2],
    start: m[3],
    end: m[4],
    notes: m[5],
    source_document: m[6],
    source_section: m[7],
    _load: $load}]->(b);

// name: create_SCRUTINISES
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ..., start: ..., end: ...,
//   notes: ..., source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:SCRUTINISES {
    id: m[1],
    start: m[2],
    end: m[3],
    notes: m[4],
    source_document: m[5],
    source_section: m[6],
    _load: $load}]->(b);

// name: create_NOMINATES_TO
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ...,
//   nominating_organisation: ..., seats: ..., places: ..., start: ..., end: ...,
//   notes: ..., source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:NOMINATES_TO {
    id: m[1],
    nominating_organisation: m[2],
    seats: m[3],
    places: m[4],
    start: m[5],
    end: m[6],
    notes: m[7],
    source_document: m[8],
    source_section: m[9],
    _load: $load}]->(b);

// name: create_SUCCEEDED_BY
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ..., date: ..., notes: ...,
//   source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:SUCCEEDED_BY {
    id: m[1],
    date: m[2],
    notes: m[3],
    source_document: m[4],
    source_section: m[5],
    _load: $load}]->(b);

// name: create_RESOURCES
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ...,
//   officer_hours_per_month: ..., money_per_year: ..., lead_post: ..., estimate: ...,
//   start: ..., end: ..., notes: ..., source_document: ..., source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:RESOURCES {
    id: m[1],
    officer_hours_per_month: m[2],
    money_per_year: m[3],
    lead_post: m[4],
    estimate: m[5],
    start: m[6],
    end: m[7],
    notes: m[8],
    source_document: m[9],
    source_section: m[10],
    _load: $load}]->(b);

// name: create_ASSESSES
// row: [_target: elementId of the body pointed to, _relationships: [...]]
// each relationship: [_source: elementId of its source, id: ..., value: ..., risk: ...,
//   recommendation: ..., date: ..., notes: ..., source_document: ...,
//   source_section: ...]
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row[0]
UNWIND row[1] AS m
MATCH (a) WHERE elementId(a) = m[0]
CREATE (a)-[r:ASSESSES {
    id: m[1],
    value: m[2],
    risk: m[3],
    recommendation: m[4],
    date: m[5],
    notes: m[6],
    source_document: m[7],
    source_section: m[8],
    _load: $load}]->(b);
