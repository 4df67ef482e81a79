// Generated from the schema (graphmodel/model.py's relationships, through
// graphmodel/store/mapping.py) by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.

// Rows are maps: a record's columns by name, and the store's own values, whose
// names begin with _. Nodes and relationships already known are addressed by
// elementId.

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
UNWIND $rows AS row
CREATE (n:Document {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    date: row.date,
    reference: row.reference,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Document
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.title = row.title,
    n.publisher = row.publisher,
    n.date = row.date,
    n.reference = row.reference,
    n._hash = row._hash, n._load = $load;

// name: create_Organisation
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Organisation {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parent: row.parent,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Organisation
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.kind = row.kind,
    n.parent = row.parent,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Organisation
UNWIND $ids AS eid
MATCH (n:Organisation)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Organisation_parent
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:PART_OF]->(t);

// name: create_Area
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Area {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parent: row.parent,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Area
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.kind = row.kind,
    n.parent = row.parent,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Area
UNWIND $ids AS eid
MATCH (n:Area)-[old:PART_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Area_parent
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:PART_OF]->(t);

// name: create_Theme
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Theme {
    id: row.id,
    name: row.name,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Theme
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: create_Body
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Body {
    id: row.id,
    name: row.name,
    kind: row.kind,
    category: row.category,
    organisation: row.organisation,
    areas: row.areas,
    themes: row.themes,
    declared_size: row.declared_size,
    declared_composition: row.declared_composition,
    membership_complete: row.membership_complete,
    no_seat_for: row.no_seat_for,
    main_themes: row.main_themes,
    established: row.established,
    dissolved: row.dissolved,
    terms_of_reference: row.terms_of_reference,
    review_date: row.review_date,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Body
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.kind = row.kind,
    n.category = row.category,
    n.organisation = row.organisation,
    n.areas = row.areas,
    n.themes = row.themes,
    n.declared_size = row.declared_size,
    n.declared_composition = row.declared_composition,
    n.membership_complete = row.membership_complete,
    n.no_seat_for = row.no_seat_for,
    n.main_themes = row.main_themes,
    n.established = row.established,
    n.dissolved = row.dissolved,
    n.terms_of_reference = row.terms_of_reference,
    n.review_date = row.review_date,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Body
UNWIND $ids AS eid
MATCH (n:Body)-[old:COVERS|DEDICATED_TO|HOSTED_BY|NO_SEAT_FOR|WORKS_ON]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Body_organisation
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:HOSTED_BY]->(t);

// name: link_Body_areas
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:COVERS]->(t);

// name: link_Body_themes
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:WORKS_ON]->(t);

// name: link_Body_main_themes
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:DEDICATED_TO]->(t);

// name: link_Body_no_seat_for
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:NO_SEAT_FOR]->(t);

// name: create_Person
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Person {
    id: row.id,
    name: row.name,
    kind: row.kind,
    organisation: row.organisation,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Person
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.kind = row.kind,
    n.organisation = row.organisation,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Person
UNWIND $ids AS eid
MATCH (n:Person)-[old:WORKS_FOR]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Person_organisation
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:WORKS_FOR]->(t);

// name: create_Post
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Post {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    holder: row.holder,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Post
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.name = row.name,
    n.organisation = row.organisation,
    n.holder = row.holder,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Post
UNWIND $ids AS eid
MATCH (n:Post)-[old:HELD_BY|POST_IN]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Post_organisation
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:POST_IN]->(t);

// name: link_Post_holder
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:HELD_BY]->(t);

// name: create_Meeting
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Meeting {
    id: row.id,
    body: row.body,
    date: row.date,
    status: row.status,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Meeting
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.body = row.body,
    n.date = row.date,
    n.status = row.status,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Meeting
UNWIND $ids AS eid
MATCH (n:Meeting)-[old:MEETING_OF]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Meeting_body
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:MEETING_OF]->(t);

// name: create_Attendance
// only for records the dataset does not hold yet
UNWIND $rows AS row
CREATE (n:Attendance {
    id: row.id,
    meeting: row.meeting,
    person: row.person,
    role: row.role,
    status: row.status,
    absence_approved: row.absence_approved,
    notes: row.notes,
    source_document: row.source_document,
    source_section: row.source_section,
    dataset: $dataset, _hash: row._hash, _load: $load})
// one record per batch: a record per node costs the client more than the write
RETURN collect(n.id) AS ids, collect(elementId(n)) AS eids;

// name: update_Attendance
// a column that is now empty is removed
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
SET n.id = row.id,
    n.meeting = row.meeting,
    n.person = row.person,
    n.role = row.role,
    n.status = row.status,
    n.absence_approved = row.absence_approved,
    n.notes = row.notes,
    n.source_document = row.source_document,
    n.source_section = row.source_section,
    n._hash = row._hash, n._load = $load;

// name: unlink_Attendance
UNWIND $ids AS eid
MATCH (n:Attendance)-[old:AT|BY]->() WHERE elementId(n) = eid
DELETE old;

// name: link_Attendance_meeting
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:AT]->(t);

// name: link_Attendance_person
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row._node
MATCH (t) WHERE elementId(t) = row._target
CREATE (n)-[:BY]->(t);

// name: create_MEMBER_OF
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., post: ..., role: ...,
//   on_behalf_of: ..., nominated_by: ..., start: ..., end: ..., notes: ...,
//   source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:MEMBER_OF {
    id: m.id,
    post: m.post,
    role: m.role,
    on_behalf_of: m.on_behalf_of,
    nominated_by: m.nominated_by,
    start: m.start,
    end: m.end,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_REPORTS_TO
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., kind: ..., start: ...,
//   end: ..., notes: ..., source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:REPORTS_TO {
    id: m.id,
    kind: m.kind,
    start: m.start,
    end: m.end,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_SCRUTINISES
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., start: ..., end: ...,
//   notes: ..., source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:SCRUTINISES {
    id: m.id,
    start: m.start,
    end: m.end,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_NOMINATES_TO
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., seats: ...,
//   start: ..., end: ..., notes: ..., source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:NOMINATES_TO {
    id: m.id,
    seats: m.seats,
    start: m.start,
    end: m.end,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_SUCCEEDED_BY
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., date: ..., notes: ...,
//   source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:SUCCEEDED_BY {
    id: m.id,
    date: m.date,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_RESOURCES
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ...,
//   officer_hours_per_month: ..., money_per_year: ..., lead_post: ..., estimate: ...,
//   start: ..., end: ..., notes: ..., source_document: ..., source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:RESOURCES {
    id: m.id,
    officer_hours_per_month: m.officer_hours_per_month,
    money_per_year: m.money_per_year,
    lead_post: m.lead_post,
    estimate: m.estimate,
    start: m.start,
    end: m.end,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);

// name: create_ASSESSES
// row: {_target: elementId of the body pointed to, _relationships: [...]}
// each relationship: {_source: elementId of its source, id: ..., value: ..., risk: ...,
//   recommendation: ..., date: ..., notes: ..., source_document: ...,
//   source_section: ...}
// Grouped by body, so each body is looked up once and its relationships
// are written together.
UNWIND $rows AS row
MATCH (b) WHERE elementId(b) = row._target
UNWIND row._relationships AS m
MATCH (a) WHERE elementId(a) = m._source
CREATE (a)-[r:ASSESSES {
    id: m.id,
    value: m.value,
    risk: m.risk,
    recommendation: m.recommendation,
    date: m.date,
    notes: m.notes,
    source_document: m.source_document,
    source_section: m.source_section,
    _load: $load}]->(b);
