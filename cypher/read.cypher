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
MATCH (n:Document {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Organisation
MATCH (n:Organisation {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Organisation
// all in one record: a record each would cost the client more than the read
MATCH (n:Organisation {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Area
MATCH (n:Area {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Area
// all in one record: a record each would cost the client more than the read
MATCH (n:Area {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Theme
MATCH (n:Theme {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Theme
// all in one record: a record each would cost the client more than the read
MATCH (n:Theme {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Body
MATCH (n:Body {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Body
// all in one record: a record each would cost the client more than the read
MATCH (n:Body {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Person
MATCH (n:Person {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Person
// all in one record: a record each would cost the client more than the read
MATCH (n:Person {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Post
MATCH (n:Post {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Post
// all in one record: a record each would cost the client more than the read
MATCH (n:Post {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Meeting
MATCH (n:Meeting {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Meeting
// all in one record: a record each would cost the client more than the read
MATCH (n:Meeting {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_Attendance
MATCH (n:Attendance {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN properties(n) AS p;

// name: state_Attendance
// all in one record: a record each would cost the client more than the read
MATCH (n:Attendance {dataset: $dataset}) WHERE n.id IS NOT NULL
RETURN collect({id: n.id, _hash: n._hash, _load: n._load, _node: elementId(n)}) AS state;

// name: read_MEMBER_OF
MATCH (a)-[r:MEMBER_OF]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_MEMBER_OF
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:MEMBER_OF]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, post: r.post, role: r.role,
               on_behalf_of: r.on_behalf_of, nominated_by: r.nominated_by,
               start: r.start, end: r.end, notes: r.notes,
               source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_REPORTS_TO
MATCH (a)-[r:REPORTS_TO]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_REPORTS_TO
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:REPORTS_TO]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, kind: r.kind, start: r.start,
               end: r.end, notes: r.notes, source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_SCRUTINISES
MATCH (a)-[r:SCRUTINISES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_SCRUTINISES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:SCRUTINISES]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, start: r.start, end: r.end,
               notes: r.notes, source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_NOMINATES_TO
MATCH (a)-[r:NOMINATES_TO]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_NOMINATES_TO
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:NOMINATES_TO]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, seats: r.seats, start: r.start,
               end: r.end, notes: r.notes, source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_SUCCEEDED_BY
MATCH (a)-[r:SUCCEEDED_BY]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_SUCCEEDED_BY
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:SUCCEEDED_BY]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, date: r.date, notes: r.notes,
               source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_RESOURCES
MATCH (a)-[r:RESOURCES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_RESOURCES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:RESOURCES]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id,
               officer_hours_per_month: r.officer_hours_per_month,
               money_per_year: r.money_per_year, lead_post: r.lead_post,
               estimate: r.estimate, start: r.start, end: r.end, notes: r.notes,
               source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;

// name: read_ASSESSES
MATCH (a)-[r:ASSESSES]->(b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
RETURN properties(r) AS p, a.id AS source, labels(a)[0] AS source_label,
       b.id AS target;

// name: state_ASSESSES
// a record per body: what the store holds of each relationship pointing
// to it, from which the loader works out its columns
MATCH (b:Body {dataset: $dataset}) WHERE b.id IS NOT NULL
CALL { WITH b MATCH (a)-[r:ASSESSES]->(b)
       RETURN collect({_relationship: elementId(r), _load: r._load, _source: a.id,
               _source_label: labels(a)[0], id: r.id, value: r.value, risk: r.risk,
               recommendation: r.recommendation, date: r.date, notes: r.notes,
               source_document: r.source_document,
               source_section: r.source_section}) AS state }
RETURN b.id AS target, state;
