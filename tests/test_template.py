"""The register template: a blank workbook with drop-downs and instructions."""
from __future__ import annotations

from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.cli import main
from graphmodel.io.tables import all_types
from graphmodel.io.workbook_help import INSTRUCTIONS
from graphmodel.sources import read_source, write_source


def drop_downs(sheet) -> dict[str, str]:
    """Column header -> the list its drop-down offers."""
    header = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for rule in sheet.data_validations.dataValidation:
        assert rule.type == "list"
        for cells in rule.sqref.ranges:
            found[header[cells.coord.split(":")[0].rstrip("0123456789")]] = rule.formula1
    return found


def append(sheet, **values) -> None:
    """A row under the sheet's header, the values put in the columns they name."""
    header = [cell.value for cell in sheet[1]]
    sheet.append([values.get(column) for column in header])


def make_template(tmp_path):
    out = tmp_path / "register.xlsx"
    result = CliRunner().invoke(main, ["template", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_every_sheet_has_its_header_frozen_with_widths(tmp_path):
    book = load_workbook(make_template(tmp_path))
    assert book.sheetnames == [INSTRUCTIONS] + [rt.name for rt in all_types()]
    for rt in all_types():
        sheet = book[rt.name]
        assert [c.value for c in sheet[1]] == list(rt.columns)
        assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
        assert sheet.max_row == 1
    assert book["bodies"].column_dimensions["B"].width > book["bodies"].column_dimensions["J"].width


def offered(drop_down: str) -> list[str]:
    """The values a list drop-down offers."""
    return drop_down.strip('"').split(",")


def test_columns_with_allowed_values_and_references_have_drop_downs(tmp_path, network):
    book = load_workbook(make_template(tmp_path))
    bodies, seats = drop_downs(book["bodies"]), drop_downs(book["memberships"])
    assert {"full_council", "scrutiny_board", "partnership_board", "working_group"} <= \
        set(offered(bodies["kind"]))
    assert {"chair", "vice_chair", "member", "substitute", "observer"} <= \
        set(offered(seats["role"]))
    assert bodies["terms_of_reference"] == '"yes,no"'
    # whatever a drop-down offers, the register reads as that very value: a board of
    # each kind offered, and Ann Smith in each role offered on the Safer Town Board
    path = write_source(network, tmp_path / "town.xlsx", "xlsx")
    filled = load_workbook(path)
    for kind in offered(bodies["kind"]):
        append(filled["bodies"], id=f"kind-{kind}", name=f"A {kind}", kind=kind)
    for role in offered(seats["role"]):
        append(filled["memberships"], id=f"ann-{role}", body="board", person="ann", role=role,
               on_behalf_of="council")
    filled.save(path)
    town, problems = read_source(path)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert [town.bodies[f"kind-{kind}"].kind for kind in offered(bodies["kind"])] == \
        offered(bodies["kind"])
    assert [town.memberships[f"ann-{role}"].role for role in offered(seats["role"])] == \
        offered(seats["role"])
    # the ids filled in on the sheet a column refers to, however many there come to be
    for column, table in (("body", "bodies"), ("person", "people"),
                          ("on_behalf_of", "organisations")):
        assert seats[column] == (f"OFFSET('{table}'!$A$2,0,0,"
                                 f"MAX(1,COUNTA('{table}'!$A:$A)-1),1)")
    assert "name" not in seats and "notes" not in seats
    assert drop_downs(book["assessments"])["recommendation"] == \
        '"increase,maintain,review,reduce,withdraw"'
    assert "areas" not in bodies        # a list of ids cannot be one drop-down


def test_the_instructions_come_from_the_schema_and_are_not_read_as_data(tmp_path):
    out = make_template(tmp_path)
    lines = [" ".join(str(c) for c in row if c)
             for row in load_workbook(out)[INSTRUCTIONS].iter_rows(values_only=True)]
    assert "Sheet memberships A seat on a body, held by a person or a post, on behalf of " \
           "an organisation." in lines
    assert "on_behalf_of organisations id organisation the seat represents" in lines
    _, problems = read_source(out)
    assert [str(p) for p in problems] == [f"{out}[dataset]: the dataset table has no row: "
                                          "add one row under the header"]


def test_a_template_filled_with_one_row_per_sheet_is_a_valid_network(tmp_path):
    out = make_template(tmp_path)
    book = load_workbook(out)
    rows = {
        "dataset": ["town", "Town partnerships", "council", None],
        "documents": ["register", "Partnership register", "Town Council", "2024-01-16", None],
        "organisations": ["council", "Town Council", "local_authority", None, None, "register", "p1"],
        "areas": ["town", "Town", "district", None, "register", "p1"],
        "themes": ["safety", "Community safety", "register", "p1"],
        "bodies": ["board", "Safer Town Board", "partnership_board", None, "council", "town",
                   "safety", 12, "partner=8; elected_member=4", None, None, None, "2011", None,
                   "yes", None, None, "register", "p2"],
        "people": ["ann", "Ann Smith", "elected_member", "council", None, "register", "p3"],
        "posts": ["director", "Director of Communities", "council", "ann", None, "register", "p3"],
        "memberships": ["m1", "board", "ann", None, "Chair", "council", None, "2024-05-01",
                        None, None, "register", "p3"],
        "reporting_lines": ["r1", "board", "board2", "formal", None, None, None, "register", "p4"],
        "scrutiny_links": ["s1", "board2", "board", None, None, None, "register", "p4"],
        "nomination_rights": ["n1", "board2", "board", "two seats", None, None, None,
                              "register", "p4"],
        "successions": ["x1", "board", "board2", "2025", None, "register", "p4"],
        "resourcing": ["res1", "council", "board", 10, 5000, "director", "yes", None, None,
                       None, "register", "p5"],
        "assessments": ["a1", "council", "board", "high", "low", "maintain", "2024-01-16",
                        None, "register", "p5"],
        "meetings": ["mt1", "board", "2024-06-12", "Held", None, "register", "p6"],
        "attendance": ["at1", "mt1", "ann", "Chair", "Apologies received", "yes", None,
                       "register", "p6"],
    }
    for name, row in rows.items():
        book[name].append(row)
    book["bodies"].append(["board2", "Town Scrutiny Board", "scrutiny_board"])
    book.save(out)
    network, problems = read_source(out)
    assert [p for p in problems if p.level == "error"] == []
    assert network.memberships["m1"].role == "chair"
    assert network.attendance["at1"].status == "apologies"
    assert network.meetings["mt1"].status == "held"
    assert network.bodies["board"].declared_size == 12
    assert network.counts() == {name: 2 if name == "bodies" else 1 for name in network.counts()}


def test_export_to_xlsx_carries_the_same_help_and_reads_back_whole(tmp_path, network):
    out = write_source(network, tmp_path / "town.xlsx", "xlsx")
    book = load_workbook(out)
    assert book.sheetnames[0] == INSTRUCTIONS
    assert book["memberships"].freeze_panes == "A2"
    template = load_workbook(make_template(tmp_path))
    for sheet in ("bodies", "memberships", "assessments"):
        assert drop_downs(book[sheet]) == drop_downs(template[sheet]), sheet
    again, problems = read_source(out)
    assert problems == [] and again == network
