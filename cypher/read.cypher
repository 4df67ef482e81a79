// Generated from the schema (graphmodel/model.py's relationships, through
// graphmodel/store/mapping.py) by `python -m graphmodel.store.queries`.
// Parameters: $dataset (the dataset id), $load (this load's number, or null for the
// dataset's bulk load), $rows or $ids.
// Every node is keyed by (dataset, id); `WHERE x.id IS NOT NULL` lets the (dataset, id)
// uniqueness index serve a look-up by dataset alone. A relationship belongs to the
// dataset of the body it points to, and is keyed by its id within that dataset.

// name: server
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition;

// name: datasets
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.load_state AS state ORDER BY id;

// name: dataset
MATCH (d:Dataset {id: $dataset})
RETURN properties(d) AS p;

// name: load_lock
// who holds the dataset's load lock, if anyone, and whether it has lapsed
MATCH (l:LoadLock {dataset: $dataset})
RETURN l.holder AS holder, l.host AS host, l.pid AS pid, toString(l.since) AS since,
       l.heartbeat >= datetime() - duration({seconds: $stale_after}) AS live;

// name: read_Document
MATCH (n:Document {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Document
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Document {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Organisation
MATCH (n:Organisation {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Organisation
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Organisation {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Area
MATCH (n:Area {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Area
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Area {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Theme
MATCH (n:Theme {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Theme
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Theme {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Body
MATCH (n:Body {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Body
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Body {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Person
MATCH (n:Person {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Person
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Person {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Post
MATCH (n:Post {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Post
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Post {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Meeting
MATCH (n:Meeting {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Meeting
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Meeting {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_Attendance
MATCH (n:Attendance {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Attendance
// all in one record: a record each would cost the client more than the read
// each: [id, _hash, _load, _node]
MATCH (n:Attendance {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect([n.id, n._hash, n._load, elementId(n)]) AS state;

// name: read_MEMBER_OF
MATCH (a)-[r:MEMBER_OF]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_MEMBER_OF
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, post, role, on_behalf_of,
//   nominated_by, start, end, notes, source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:MEMBER_OF]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id, r.post, r.role,
               r.on_behalf_of, r.nominated_by, r.start, r.end, r.notes,
               r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_REPORTS_TO
MATCH (a)-[r:REPORTS_TO]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_REPORTS_TO
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, kind, start, end, notes,
//   source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:REPORTS_TO]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id, r.kind, r.start,
               r.end, r.notes, r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_SCRUTINISES
MATCH (a)-[r:SCRUTINISES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_SCRUTINISES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, start, end, notes,
//   source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:SCRUTINISES]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id, r.start, r.end,
               r.notes, r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_NOMINATES_TO
MATCH (a)-[r:NOMINATES_TO]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_NOMINATES_TO
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, nominating_organisation,
//   seats, places, start, end, notes, source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:NOMINATES_TO]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id,
               r.nominating_organisation, r.seats, r.places, r.start, r.end, r.notes,
               r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_SUCCEEDED_BY
MATCH (a)-[r:SUCCEEDED_BY]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_SUCCEEDED_BY
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, date, notes,
//   source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:SUCCEEDED_BY]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id, r.date, r.notes,
               r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_RESOURCES
MATCH (a)-[r:RESOURCES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_RESOURCES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, officer_hours_per_month,
//   money_per_year, lead_post, estimate, start, end, notes, source_document,
//   source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:RESOURCES]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id,
               r.officer_hours_per_month, r.money_per_year, r.lead_post, r.estimate,
               r.start, r.end, r.notes, r.source_document, r.source_section]) AS state }
RETURN b.id AS target, state;

// name: read_ASSESSES
MATCH (a)-[r:ASSESSES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_ASSESSES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
// each: [_relationship, _load, _source, _source_label, id, value, risk, recommendation,
//   date, notes, source_document, source_section]
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:ASSESSES]->(b)
       RETURN collect([elementId(r), r._load, a.id, labels(a)[0], r.id, r.value, r.risk,
               r.recommendation, r.date, r.notes, r.source_document,
               r.source_section]) AS state }
RETURN b.id AS target, state;
