"""Popolo JSON (popoloproject.com): persons, organizations, memberships, posts and events.

Organisations and bodies are both Popolo ``organizations``; the
``classification`` says which (an organisation kind such as ``local_authority``
or a body kind such as ``scrutiny_board``). A body's ``parent_id`` is the body
it reports to. Provenance travels in each object's ``sources``.

Reading a file from elsewhere, an organization's ``classification`` is read as a kind,
with the aliases the schema declares for kinds (:mod:`graphmodel.model`), as a
register's cell would be:

- an organisation kind (``local_authority``, ``nhs``, ``police``, ...; ``council``,
  ``party``): an organisation;
- a body kind (``committee``, ``scrutiny_board``, ...; ``legislature``, ``chamber``,
  ``cabinet``, ``board``): a body;
- anything else: a body of kind ``other_body``, with a warning.

A membership's ``role`` is read the same way (``Chairman`` is ``chair``); a word that is
not a role is read as ``other`` and kept in the notes, with a warning; a role that also
says who sits (``Co-opted Member``, ``Councillor``) is read as its role (``member``),
its words kept in the notes. Dates are read as
every source's are (:func:`graphmodel.dates.read_date`).

Whatever its classification, an organization that memberships are held on behalf
of (``on_behalf_of_id``) is an organisation: a seat cannot be held for a body.
Its kind is the organisation kind the classification names, else ``other``.

A meeting is a Popolo ``event`` of its body (``organization_id``), on its
``start_date``, with its ``status`` and ``attendees``: the people who were there
(present, or in attendance). Reading a file from elsewhere, an event of a body is
a meeting, its status read as a meeting status (``Cancelled``); each attendee (a
person, or an object naming one by ``person_id``) is an attendance, present, in a role the file does not state (``other``, said in its
notes). Who sent apologies, or was absent, travels in the ``graphmodel`` block.

Real Popolo files are untidy: roles in any case, dates and ``on_behalf_of_id``
missing. They are imported, and each gap is reported as a warning. A plain
file names no home organisation and none is guessed: the commands that review
one organisation ask for ``--org``. What Popolo cannot carry (a person's kind,
nominations, scrutiny links, resourcing, what the source states of a body's
membership) travels in a ``graphmodel`` block when graphmodel wrote the file.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from graphmodel.io.tables import Collected, TableReader, format_cell
from graphmodel.model import (BODY_KINDS, DATASET_TYPE, MEETING_STATUSES, ORGANISATION_KINDS,
                              PERSON_KINDS, RECORD_TYPES, ROLES, Body, Meeting, Membership,
                              Network, Organisation, Person, Post, record_type)
from graphmodel.problems import NotRead, Problem

__all__ = ["read_popolo", "write_popolo", "to_popolo"]

_POPOLO_TABLES = ("organisations", "bodies", "people", "posts", "memberships")


# --- export -----------------------------------------------------------------------------

def _sources(network: Network,
             record: Organisation | Body | Person | Post | Membership | Meeting
             ) -> list[dict[str, str]]:
    if not record.source_document:
        return []
    doc = network.documents.get(record.source_document)
    link = {"url": (doc.reference if doc and doc.reference else record.source_document)}
    if record.source_section:
        link["note"] = record.source_section
    return [link]


def _parents(network: Network) -> dict[str, str]:
    """Each body's parent: the first of its reporting lines that has not ended."""
    parents: dict[str, str] = {}
    for line in network.reporting_lines.values():
        if line.end is None:
            parents.setdefault(line.body, line.reports_to)
    return parents


def _compact(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", [], ())}


def to_popolo(network: Network) -> dict[str, Any]:
    """The network as a Popolo document (a dict ready for json.dump)."""
    parents = _parents(network)
    orgs = [_compact({"id": o.id, "name": o.name, "classification": o.kind,
                      "parent_id": o.parent, "sources": _sources(network, o)})
            for o in network.organisations.values()]
    orgs += [_compact({"id": b.id, "name": b.name, "classification": b.kind,
                       "parent_id": parents.get(b.id), "founding_date": b.established,
                       "dissolution_date": b.dissolved, "sources": _sources(network, b)})
             for b in network.bodies.values()]
    persons = [_compact({"id": p.id, "name": p.name, "sources": _sources(network, p)})
               for p in network.people.values()]
    posts = [_compact({"id": p.id, "label": p.name, "organization_id": p.organisation,
                       "sources": _sources(network, p)}) for p in network.posts.values()]
    memberships = [_compact({
        "id": m.id, "person_id": m.person, "organization_id": m.body, "post_id": m.post,
        "role": m.role, "on_behalf_of_id": m.on_behalf_of, "start_date": m.start,
        "end_date": m.end, "sources": _sources(network, m)}) for m in network.memberships.values()]
    return {
        "persons": persons, "organizations": orgs, "memberships": memberships, "posts": posts,
        "events": _events(network), "graphmodel": _extension(network, parents),
    }


# the attendance statuses of someone at a meeting (graphmodel.analysis.attendance.THERE,
# which the readers, below the analyses, cannot import)
_THERE = ("present", "in_attendance")


def _events(network: Network) -> list[dict[str, Any]]:
    """Each meeting as a Popolo event of its body, with the people who were there."""
    there: dict[str, list[dict[str, str]]] = {}
    for row in network.attendance.values():
        if row.status in _THERE:
            person = network.people.get(row.person)
            there.setdefault(row.meeting, []).append(
                _compact({"id": row.person, "name": person.name if person else None}))
    events = []
    for m in network.meetings.values():
        body = network.bodies.get(m.body)
        events.append(_compact({
            "id": m.id, "name": f"{body.name if body else m.body} meeting",
            "classification": "meeting", "start_date": m.date, "status": m.status,
            "organization_id": m.body, "attendees": there.get(m.id, []),
            "sources": _sources(network, m)}))
    return events


def _extension(network: Network, parents: dict[str, str]) -> dict[str, Any]:
    """What Popolo cannot say, so that graphmodel's own files round-trip whole."""
    ds = network.dataset
    ext: dict[str, Any] = {"dataset": {c: getattr(ds, c) for c in DATASET_TYPE.columns}}
    for rt in RECORD_TYPES:
        ext[rt.name] = [{c: format_cell(getattr(r, c)) for c in rt.columns
                         if getattr(r, c) not in (None, ())}
                        for r in network.tables[rt.name].values()]
    return ext


def write_popolo(network: Network, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(to_popolo(network), ensure_ascii=False, indent=1),
                      encoding="utf-8")
    return target


# --- import -----------------------------------------------------------------------------

class _Rows:
    """Rows of text cells per table, gathered from JSON before they are read."""

    def __init__(self, where: str, out: Collected):
        self.where, self.out = where, out
        self.rows: dict[str, list[tuple[str, dict[str, str]]]] = {}

    def add(self, table: str, at: str, cells: dict[str, str]) -> None:
        for column, text in cells.items():
            if "\x00" in text:  # JSON can hold "\u0000"; a CSV file cannot, nor a workbook
                self.error(at, column, "holds a NUL character; remove it")
        self.rows.setdefault(table, []).append((at, cells))

    def warn(self, at: str | None, fld: str | None, message: str) -> None:
        self.out.problems.append(Problem(self.where, at, fld, message, "warning"))

    def error(self, at: str | None, fld: str | None, message: str) -> None:
        self.out.problems.append(Problem(self.where, at, fld, message))

    def not_read(self, at: str | None, fld: str | None, message: str) -> None:
        """A notice that part of the file was left out (shown whenever it is read)."""
        self.out.problems.append(NotRead(self.where, at, fld, message))

    def flush(self) -> None:
        for name, rows in self.rows.items():
            rt = DATASET_TYPE if name == "dataset" else record_type(name)
            reader = TableReader(rt, self.where, rt.columns, self.out)
            reader.read((at, [cells.get(c, "") for c in rt.columns]) for at, cells in rows)


def _text(value: Any) -> str | None:
    """A JSON scalar as text; None for what is not a scalar."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def _objects(doc: dict[str, Any], key: str, rows: _Rows) -> list[tuple[str, dict[str, Any]]]:
    items = doc.get(key, [])
    if not isinstance(items, list):
        rows.error(key, None, f"'{key}' must be a list of objects")
        return []
    found = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            found.append((f"{key}[{i}]", item))
        else:
            rows.error(f"{key}[{i}]", None, "must be an object")
    return found


def _cells(at: str, item: dict[str, Any], mapping: dict[str, str], rows: _Rows) -> dict[str, str]:
    cells: dict[str, str] = {}
    for popolo_key, column in mapping.items():
        if popolo_key not in item:
            continue
        text = _text(item[popolo_key])
        if text is None:
            rows.error(at, popolo_key, "must be text, a number or null, not "
                       f"{type(item[popolo_key]).__name__}")
            continue
        cells[column] = text
    return cells


# what a plain Popolo file's objects may hold that graphmodel reads; anything else is
# reported once per collection as not read (contact details, identifiers, images...)
_READ_KEYS = {
    "persons": {"id", "name", "sources"},
    "organizations": {"id", "name", "classification", "parent_id", "founding_date",
                      "dissolution_date", "sources"},
    "posts": {"id", "label", "organization_id", "sources"},
    "memberships": {"id", "person_id", "organization_id", "post_id", "role", "label",
                    "on_behalf_of_id", "start_date", "end_date", "sources"},
    "events": {"id", "name", "classification", "start_date", "end_date", "status",
               "organization_id", "attendees", "sources"},
}


def _report_unread(doc: dict[str, Any], rows: _Rows) -> None:
    """Say which keys of a plain Popolo file were not read, so nothing goes unremarked."""
    for key in sorted(set(doc) - set(_READ_KEYS)):
        rows.out.problems.append(NotRead(rows.where, None, None, f"{key!r} not read: graphmodel "
                                         "reads persons, organizations, memberships, posts and events"))
    for collection, known in _READ_KEYS.items():
        items = doc.get(collection)
        extra = sorted({k for item in items if isinstance(item, dict) for k in item} - known) \
            if isinstance(items, list) else []
        if extra:
            rows.out.problems.append(NotRead(rows.where, collection, None, (
                f"{', '.join(map(_key_name, extra))} not read: graphmodel keeps no field for "
                f"{'it' if len(extra) == 1 else 'them'}")))


def _key_name(key: str) -> str:
    """A JSON key as a message names it: plain (contact_details), or quoted when it holds
    anything else (a line break, a space), so that the message stays one readable line."""
    return key if re.fullmatch(r"[\w\-]+", key) else repr(key)


def _provenance(at: str, item: dict[str, Any], rows: _Rows, docs: dict[str, str]) -> dict[str, str]:
    sources = item.get("sources")
    if not sources:
        return {}
    first = sources[0] if isinstance(sources, list) else None
    if not isinstance(first, dict) or not (url := _text(first.get("url"))):
        rows.warn(at, "sources", "not read: expected a list of {url, note} objects")
        return {}
    doc = docs.setdefault(url, f"source-{len(docs) + 1}")
    note = _text(first.get("note")) or ""
    return {"source_document": doc, "source_section": note}


def read_popolo(path: str | os.PathLike[str]) -> Collected:
    """Read a Popolo JSON file, collecting problems and warnings as it goes."""
    out = Collected()
    where = str(path)
    out.files["_source"] = where
    rows = _Rows(where, out)
    doc = _json_object(path, rows)
    if doc is None:
        out.unreadable = True
        return out
    ext = doc.get("graphmodel")
    if isinstance(ext, dict):
        _read_extension(ext, rows)
    else:
        _read_plain(doc, rows, Path(path).stem)
        _report_unread(doc, rows)
    rows.flush()
    return out


def _json_object(path: str | os.PathLike[str], rows: _Rows) -> dict[str, Any] | None:
    """The file's JSON object; None, with the error noted, when it holds none."""
    try:
        doc = json.loads(Path(path).read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        rows.error(None, None, f"not UTF-8 (byte {exc.start}); save the file as UTF-8")
        return None
    except json.JSONDecodeError as exc:
        rows.error(f"line {exc.lineno} column {exc.colno}", None,
                   f"not valid JSON ({exc.msg}); the file may be truncated")
        return None
    except RecursionError:
        rows.error(None, None, "JSON nested too deeply to read")
        return None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        rows.error(None, None, f"not valid JSON ({exc})")
        return None
    if not isinstance(doc, dict):
        rows.error(None, None, "a Popolo file is a JSON object with persons, organizations, "
                   "memberships, posts and events")
        return None
    return doc


def _read_extension(ext: dict[str, Any], rows: _Rows) -> None:
    """graphmodel's own block: every table, exactly as the CSV files hold them."""
    dataset = ext.get("dataset")
    if isinstance(dataset, dict):
        rows.add("dataset", "graphmodel.dataset",
                 _cells("graphmodel.dataset", dataset, {c: c for c in DATASET_TYPE.columns}, rows))
    else:
        rows.error("graphmodel.dataset", None, "missing: the dataset block must be an object")
    for rt in RECORD_TYPES:
        for at, item in _objects(ext, rt.name, rows):
            rows.add(rt.name, f"graphmodel.{at}", _cells(at, item, {c: c for c in rt.columns}, rows))


def _classify(at: str, item: dict[str, Any], used_as_org: set[str],
              rows: _Rows) -> tuple[str, str]:
    raw = _text(item.get("classification")) or ""
    organisation, body = ORGANISATION_KINDS.canonical(raw), BODY_KINDS.canonical(raw)
    if _text(item.get("id")) in used_as_org:   # seats are held for it: an organisation
        if organisation:
            return "organisations", organisation
        rows.warn(at, "classification", f"{raw!r} is not an organisation kind; read as an "
                  "organisation of kind other, as seats are held on its behalf")
        return "organisations", "other"
    if organisation:
        return "organisations", organisation
    if body:
        return "bodies", body
    rows.warn(at, "classification", f"{raw!r} is not a kind graphmodel knows; read as "
              "a body of kind other_body")
    return "bodies", "other_body"


def _read_plain(doc: dict[str, Any], rows: _Rows, stem: str) -> None:
    """A Popolo file from elsewhere: map what it says, warn about its gaps."""
    docs: dict[str, str] = {}
    memberships = _objects(doc, "memberships", rows)
    used_as_org = {org for _, m in memberships
                   if (org := _text(m.get("on_behalf_of_id"))) is not None}
    kinds: dict[str, str] = {}
    for at, item in _objects(doc, "organizations", rows):
        table, kind = _classify(at, item, used_as_org, rows)
        org_id = _text(item.get("id")) or ""
        kinds[org_id] = table
        cells = _cells(at, item, {"id": "id", "name": "name"}, rows)
        cells["kind"] = kind
        if table == "bodies":
            cells.update(_cells(at, item, {"founding_date": "established",
                                           "dissolution_date": "dissolved"}, rows))
        cells.update(_provenance(at, item, rows, docs))
        rows.add(table, at, cells)
        parent = _text(item.get("parent_id"))
        if parent:
            rows.add("_parents", at, {"id": org_id, "parent": parent})
    _read_parents(rows, kinds)
    for at, item in _objects(doc, "persons", rows):
        cells = _cells(at, item, {"id": "id", "name": "name"}, rows)
        cells["kind"] = "other"
        cells.update(_provenance(at, item, rows, docs))
        rows.add("people", at, cells)
    for at, item in _objects(doc, "posts", rows):
        cells = _cells(at, item, {"id": "id", "label": "name", "organization_id": "organisation"},
                       rows)
        if "organisation" in cells and kinds.get(cells["organisation"]) == "bodies":
            cells.pop("organisation")
        cells.update(_provenance(at, item, rows, docs))
        rows.add("posts", at, cells)
    people = {cells["id"]: cells for _, cells in rows.rows.get("people", []) if "id" in cells}
    for at, item in memberships:
        org = _text(item.get("organization_id"))
        if org is not None and kinds.get(org) == "organisations":
            _affiliation(at, item, people, rows)
        else:
            rows.add("memberships", at, _membership(at, item, rows, docs))
    for at, item in _objects(doc, "events", rows):
        _event(at, item, kinds, rows, docs)
    _read_documents(rows, docs)
    if not any(doc.get(key) for key in ("persons", "organizations", "memberships", "posts")):
        rows.warn(None, None, "holds no persons, organizations, memberships or posts: "
                  "read as an empty network")
    rows.add("dataset", "dataset", {"id": stem, "name": stem})


def _read_parents(rows: _Rows, kinds: dict[str, str]) -> None:
    """parent_id: a body's parent body is a reporting line; else a containing organisation."""
    pending = rows.rows.pop("_parents", [])
    by_id = {cells["id"]: cells for t in ("organisations", "bodies")
             for _, cells in rows.rows.get(t, []) if "id" in cells}
    for at, link in pending:
        child, parent = link["id"], link["parent"]
        if kinds.get(child) == "bodies" and kinds.get(parent) == "bodies":
            rows.add("reporting_lines", at, {"id": f"{child}--reports-to--{parent}",
                                            "body": child, "reports_to": parent, "kind": "formal"})
        elif child in by_id:
            by_id[child]["parent" if kinds.get(child) == "organisations" else "organisation"] = parent


def _affiliation(at: str, item: dict[str, Any], people: dict[str, dict[str, str]],
                 rows: _Rows) -> None:
    """A membership of an organisation (a party, an employer) is no seat on a body: it
    becomes the person's organisation, when they have none yet."""
    org, person = _text(item.get("organization_id")), _text(item.get("person_id"))
    cells = people.get(person) if person is not None else None
    if cells is not None and org is not None and not cells.get("organisation"):
        cells["organisation"] = org
        rows.warn(at, "organization_id", f"{org!r} is an organisation, not a body: read as "
                  f"the organisation of person {person!r}, not as a seat")
    else:
        rows.warn(at, "organization_id", f"not read: {org!r} is an organisation, not a body, "
                  "and the person named already has an organisation (or none is named)")


def _membership(at: str, item: dict[str, Any], rows: _Rows, docs: dict[str, str]) -> dict[str, str]:
    cells = _cells(at, item, {
        "id": "id", "person_id": "person", "organization_id": "body", "post_id": "post",
        "on_behalf_of_id": "on_behalf_of", "start_date": "start", "end_date": "end",
    }, rows)
    if not cells.get("id"):
        cells["id"] = at
        rows.warn(at, "id", f"membership has no id; given {at!r}")
    raw_role = _text(item.get("role")) or ""
    role = ROLES.canonical(raw_role) if raw_role.strip() else "member"
    if not raw_role.strip():
        rows.warn(at, "role", "missing: read as member")
    if role is None:
        rows.warn(at, "role", f"{ROLES.refusal(raw_role)}: read as other, kept in the notes")
        cells["notes"] = f"role: {raw_role}"
        role = "other"
    elif PERSON_KINDS.canonical(raw_role) not in (None, "other"):
        # a role that also says who sits ("Co-opted Member", "Councillor"): the seat is
        # read as its role, and what the file says of the sitter kept
        cells["notes"] = f"role: {raw_role}"
    cells["role"] = role
    label = _text(item.get("label"))
    if label and label.strip():     # Popolo's words for the seat: kept beside the role's
        cells["notes"] = "; ".join(filter(None, (cells.get("notes"), f"label: {label.strip()}")))
    if not cells.get("on_behalf_of"):
        rows.warn(at, "on_behalf_of_id", "missing: whom this seat represents is unknown")
    if not cells.get("start"):
        rows.warn(at, "start_date", "missing: the membership is taken as always current "
                  "until its end date")
    cells.update(_provenance(at, item, rows, docs))
    return cells


def _event(at: str, item: dict[str, Any], kinds: dict[str, str], rows: _Rows,
           docs: dict[str, str]) -> None:
    """An event of a body is a meeting; its attendees were present at it."""
    org = _text(item.get("organization_id"))
    if not org or kinds.get(org) != "bodies":
        rows.not_read(at, "organization_id", f"not read: an event is read as a meeting of a body, "
                  f"and {org!r} is not one" if org else "not read: an event is read as a "
                  "meeting of a body, and this one names none")
        return
    cells = _cells(at, item, {"id": "id", "organization_id": "body", "start_date": "date"}, rows)
    if not cells.get("id"):
        cells["id"] = at
        rows.warn(at, "id", f"event has no id; given {at!r}")
    raw = _text(item.get("status")) or ""
    status = MEETING_STATUSES.canonical(raw) if raw.strip() else None
    if raw.strip() and status is None:
        rows.warn(at, "status", f"{raw!r} is not a meeting status (held, cancelled, "
                  "postponed, scheduled): read as not recorded, kept in the notes")
        cells["notes"] = f"status: {raw}"
    cells["status"] = status or ""
    cells.update(_provenance(at, item, rows, docs))
    rows.add("meetings", at, cells)
    attendees = item.get("attendees") or []
    for i, person in enumerate(attendees if isinstance(attendees, list) else []):
        # a person object, or (as other tools write it) a reference to one, as memberships do
        who = _text(person.get("id") or person.get("person_id")) \
            if isinstance(person, dict) else None
        if not who:
            rows.not_read(f"{at}.attendees[{i}]", "id", "not read: an attendee is a person "
                      "object with an id, or an object with a person_id")
            continue
        rows.add("attendance", f"{at}.attendees[{i}]", {
            "id": f"{cells['id']}/{who}", "meeting": cells["id"], "person": who,
            "role": "other", "status": "present",
            "notes": "role at the meeting not stated in the Popolo file",
            **{k: v for k, v in cells.items() if k.startswith("source_")}})


def _read_documents(rows: _Rows, docs: dict[str, str]) -> None:
    for url, doc_id in docs.items():
        rows.add("documents", f"sources: {url}", {"id": doc_id, "title": url, "reference": url})
