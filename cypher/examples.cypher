// Example queries for reviewers: paste one into Neo4j Browser after `graphmodel load`.
// Each starts with :param lines you can adjust; graphmodel's tests run every one of them.
// Nodes: Organisation, Body, Person, Post, Area, Theme, Document, Meeting, Attendance,
// Dataset; a meeting is (:Meeting)-[:MEETING_OF]->(:Body), who attended it
// (:Person)<-[:BY]-(:Attendance)-[:AT]->(:Meeting).
// Relationships: MEMBER_OF (person or post -> body, with role, on_behalf_of, start, end;
// organisation -> body for a seat held on its behalf whose holder is not named),
// REPORTS_TO, SCRUTINISES, NOMINATES_TO, SUCCEEDED_BY, RESOURCES, ASSESSES,
// and the links WORKS_FOR, POST_IN, HELD_BY, HOSTED_BY, COVERS, WORKS_ON, PART_OF and
// NO_SEAT_FOR (body -> an organisation the source says has no seat on it).

// name: who_represents_the_council
// Who sits on which boards on behalf of the dataset's home organisation (the council).
// Seats held by a post with no named holder show the post; seats whose holder the
// source does not name show the organisation itself (held_as Organisation).
// :param dataset => 'harborough'
MATCH (d:Dataset {id: $dataset})
MATCH (holder)-[m:MEMBER_OF]->(b:Body {dataset: $dataset})
WHERE m.on_behalf_of = d.home_organisation AND m.end IS NULL
RETURN b.name AS board, m.role AS role, holder.name AS held_by,
       labels(holder)[0] AS held_as
ORDER BY board, role, held_by;

// name: accountability_chain
// The chain of reporting lines from one body up to the bodies at the top.
// :param dataset => 'leeds'
// :param body => 'cluster-brigshaw'
MATCH path = (b:Body {dataset: $dataset, id: $body})-[:REPORTS_TO*0..]->(top:Body)
WHERE NOT (top)-[:REPORTS_TO]->()
RETURN [n IN nodes(path) | n.name] AS chain
ORDER BY length(path) DESC;

// name: people_on_many_bodies
// People with current seats on more than five bodies (change $more_than to taste).
// :param dataset => 'leeds'
// :param more_than => 5
MATCH (p:Person {dataset: $dataset})-[m:MEMBER_OF]->(b:Body)
WHERE m.end IS NULL AND b.dissolved IS NULL
WITH p, count(DISTINCT b) AS bodies, collect(DISTINCT b.name) AS names
WHERE bodies > $more_than
RETURN p.name AS person, bodies, names
ORDER BY bodies DESC, person;

// name: boards_without_the_council
// Current bodies on which the home organisation has no seat, as the source states: the
// body has no_seat_for it (a NO_SEAT_FOR link), or its membership is recorded in full,
// and no current seat is held on its behalf. Where the source says neither, no seat
// recorded is not no seat: see representation_not_recorded.
// :param dataset => 'harborough'
MATCH (d:Dataset {id: $dataset})
MATCH (b:Body {dataset: $dataset}) WHERE b.dissolved IS NULL
  AND NOT EXISTS {
    MATCH ()-[m:MEMBER_OF]->(b)
    WHERE m.on_behalf_of = d.home_organisation AND m.end IS NULL
  }
  AND (b.membership_complete
       OR EXISTS { MATCH (b)-[:NO_SEAT_FOR]->(o:Organisation) WHERE o.id = d.home_organisation })
RETURN b.name AS body, b.kind AS kind
ORDER BY body;

// name: representation_not_recorded
// Current bodies, other than its own, where nothing records whether the home organisation
// sits: no seat held on its behalf, no NO_SEAT_FOR link to it, and the membership not
// recorded in full (graphmodel gaps reports them as representation-unrecorded).
// :param dataset => 'leeds'
MATCH (d:Dataset {id: $dataset})
MATCH (b:Body {dataset: $dataset}) WHERE b.dissolved IS NULL
  AND (b.organisation IS NULL OR b.organisation <> d.home_organisation)
  AND NOT EXISTS {
    MATCH ()-[m:MEMBER_OF]->(b)
    WHERE m.on_behalf_of = d.home_organisation AND m.end IS NULL
  }
  AND NOT coalesce(b.membership_complete, false)
  AND NOT EXISTS { MATCH (b)-[:NO_SEAT_FOR]->(o:Organisation) WHERE o.id = d.home_organisation }
RETURN b.name AS body, b.kind AS kind
ORDER BY body;

// name: scrutiny_pairs
// Which scrutiny body acts as critical friend to which body.
// :param dataset => 'leeds'
MATCH (s:Body {dataset: $dataset})-[l:SCRUTINISES]->(b:Body)
WHERE l.end IS NULL
RETURN s.name AS scrutiny_body, b.name AS scrutinises
ORDER BY scrutiny_body;

// name: councillors_last_attendance
// Each councillor of the home organisation: how many meetings record their attendance,
// at how many they were there, and the last of those (the six-month rule of s.85 runs
// from it). A councillor with none recorded is unknown, not absent.
// :param dataset => 'harborough'
// :param kind => 'elected_member'
// :param there => ['present', 'in_attendance']
MATCH (d:Dataset {id: $dataset})
MATCH (p:Person {dataset: $dataset, kind: $kind})
WHERE p.organisation = d.home_organisation
OPTIONAL MATCH (p)<-[:BY]-(a:Attendance)-[:AT]->(m:Meeting)
WITH p, count(a) AS recorded,
     count(CASE WHEN a.status IN $there THEN 1 END) AS there,
     max(CASE WHEN a.status IN $there THEN m.date END) AS last_there
RETURN p.name AS councillor, recorded, there, last_there
ORDER BY last_there, councillor;
