"""Benchmark: the importers and the register template on a large council.

    python benchmarks/importers.py --committees 300 --outside-bodies 400 --rows 20000

Writes a saved ModernGov site (committees, councillors by ward, a page per
committee and outside body, each with its members) and a flat appointments list,
then times importing each into a dataset directory (offline: the saved site is
read as a folder), writing the blank register template and exporting the imported
site's dataset to xlsx with the template's help.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def write_site(folder: Path, committees: int, outside: int, councillors: int,
               seats: int, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    items = "".join(f"<committee><committeeid>{i}</committeeid><committeetitle>Committee {i}"
                    f"</committeetitle><committeedeleted>False</committeedeleted>"
                    f"<committeeexpired>{'True' if i % 10 == 0 else 'False'}"
                    f"</committeeexpired></committee>" for i in range(1, committees + 1))
    (folder / "GetCommittees_lDummy=0.xml").write_text(
        f"<committees><committeescount> {committees}</committeescount>{items}</committees>")
    people = "".join(f"<councillor><councillorid>{u}</councillorid><fullusername>Councillor "
                     f"Person {u}</fullusername><politicalpartytitle>Party {u % 4}"
                     f"</politicalpartytitle><termsofoffice><term><startdate>02/05/2019"
                     f"</startdate><enddate>04/05/2027</enddate></term></termsofoffice>"
                     f"</councillor>" for u in range(1, councillors + 1))
    (folder / "GetCouncillorsByWard.xml").write_text(
        f"<councillorsbyward><wards><ward><wardtitle>All</wardtitle><councillors>{people}"
        "</councillors></ward></wards></councillorsbyward>")

    def page(uids: list[int]) -> str:
        lis = "".join(f'<li><a href="mgUserInfo.aspx?UID={u}">Councillor Person {u}</a>'
                      f"{' (Chair)' if n == 0 else ''}</li>" for n, u in enumerate(uids))
        return f"<html><body><h2>Membership</h2><ul>{lis}</ul></body></html>"

    for i in range(1, committees + 1):
        (folder / f"mgCommitteeDetails_ID={i}.html").write_text(
            page(rng.sample(range(1, councillors + 1), seats)))
    links = "".join(f'<li><a href="mgOutsideBodyDetails.aspx?ID={i}">Outside Trust {i}</a></li>'
                    for i in range(1, outside + 1))
    (folder / "mgListOutsideBodies.html").write_text(f"<html><body><ul>{links}</ul></body></html>")
    for i in range(1, outside + 1):
        (folder / f"mgOutsideBodyDetails_ID={i}.html").write_text(
            page(rng.sample(range(1, councillors + 1), 2)))


def write_list(file: Path, rows: int, rng: random.Random) -> None:
    lines = ["Outside Body,Councillor Appointed,Position,Representing,Date of Appointment,"
             "Term Ends,Comments"]
    for n in range(rows):
        lines.append(f"Outside Body {rng.randrange(rows // 4)},Cllr Person {rng.randrange(rows // 10)},"
                     f"{rng.choice(['Member', 'Trustee', 'Observer', ''])},"
                     f"{rng.choice(['', '', 'Partner Council ' + str(n % 7)])},"
                     f"{rng.randrange(1, 28)}/{rng.randrange(1, 13)}/2023,,row {n}")
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, fn, *args, **kwargs):
    started = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - started:7.2f} s", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--committees", type=int, default=300)
    parser.add_argument("--outside-bodies", type=int, default=400)
    parser.add_argument("--councillors", type=int, default=120)
    parser.add_argument("--seats", type=int, default=15, help="members per committee")
    parser.add_argument("--rows", type=int, default=20000, help="rows of the appointments list")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from graphmodel.importers.appointments import import_appointments
    from graphmodel.importers.moderngov import import_moderngov
    from graphmodel.io.template import write_template
    from graphmodel.sources import open_source, write_source

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root / "site", args.committees, args.outside_bodies, args.councillors,
                   args.seats, rng)
        report = timed(f"import moderngov ({args.committees} committees, "
                       f"{args.outside_bodies} outside bodies)",
                       import_moderngov, str(root / "site"), root / "mg", council="Big Council")
        print(f"  {report.summary()}")
        write_list(root / "list.csv", args.rows, rng)
        report = timed(f"import appointments ({args.rows:,} rows)", import_appointments,
                       root / "list.csv", root / "list", org="big-council")
        print(f"  {report.summary()}")
        timed("template", write_template, root / "register.xlsx")
        timed("export --to xlsx (imported site, with help)", write_source,
              open_source(root / "mg"), root / "mg.xlsx", "xlsx")


if __name__ == "__main__":
    main()
