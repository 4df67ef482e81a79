"""The ``graphmodel`` command: thin wrappers over the library.

Each command opens its SOURCE, makes one library call and renders the result.
Heavy libraries load inside commands, so ``graphmodel --help`` stays fast.

Exit codes are those of graphmodel.problems.EXIT_CODES (the manual's table is made
from it). No command prints a traceback without --debug.

The review commands (``gaps``, ``chains``, ``overlaps``, ``resources``, ``diff``,
``check``) take their names and help from the rule registry (graphmodel.registry).
"""
from __future__ import annotations

import datetime as _dt
import inspect
import os
import shutil
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypedDict, TypeVar, Unpack

import click

from graphmodel import outputs
from graphmodel.analysis.organisation import no_organisation_message, organisation_if_any
from graphmodel.date_option import DATE
from graphmodel.model import Network
from graphmodel.names import named, suggest
from graphmodel.problems import (FINDINGS, INTERRUPTED, INVALID_DATA, SERVER_UNREACHABLE,
                                 SUCCESS, UsageError, errors)
from graphmodel.registry import SEVERITIES, TOPICS, WHOLE_REVIEWS, Command, Standards, rules_of
from graphmodel.sources import (EXPORT_FORMATS, open_source_noting, read_counted, read_source,
                                refuse_to_prune, write_source)
from graphmodel.summary import LISTABLE, listing, render_summary, summarise
from graphmodel.words import count, count_records

if TYPE_CHECKING:
    from graphmodel.analysis.findings import Finding
    from graphmodel.importers.common import ImportReport
    from graphmodel.store.server import Listener

# a command's function, as click's decorators take and return it
Fn = TypeVar("Fn", bound=Callable[..., object])

FORMATS = ("table", "json", "csv")
# graphmodel.maps.VIEWS, repeated so that --help need not import the maps (a test checks)
MAP_VIEWS = ("network", "accountability", "representation", "overlaps", "ego")


class Choice(click.Choice[str]):
    """click's Choice, naming the nearest choice when a value is none of them."""

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            choices = [str(c) for c in self.choices]
            self.fail(f"{value!r} is not one of {', '.join(map(repr, choices))}"
                      + (suggest(str(value), choices) or "."), param, ctx)


# options most readers never need, listed after the others in every command's --help
RARELY_USED = ("--rules", "--dataset")


class HelpOrderedCommand(click.Command):
    """A command whose --help lists its options most used first: those of RARELY_USED
    (the Neo4j-only --dataset last) after the rest, then --help."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        def rank(param: click.Parameter) -> int:
            name = param.opts[0] if isinstance(param, click.Option) else ""
            return RARELY_USED.index(name) + 1 if name in RARELY_USED else 0
        params = super().get_params(ctx)
        return sorted(params[:-1], key=rank) + params[-1:] if self.add_help_option \
            else sorted(params, key=rank)


class GuardedGroup(click.Group):
    """The top-level group: every error a command raises becomes one line and an exit
    code (see graphmodel.failure); click's own usage errors keep exit code 2."""

    command_class = HelpOrderedCommand

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(INTERRUPTED)
        except Exception as exc:  # the one place that catches everything
            from graphmodel.failure import exit_code_for
            code = exit_code_for(exc, lambda line: click.echo(line, err=True),
                                 debug=bool(ctx.params.get("debug")))
            ctx.exit(code)


dataset_option = click.option("--dataset", metavar="NAME", default=None,
                              help="With a Neo4j URI as SOURCE: which dataset to read.")


def source_argument(fn: Fn) -> Fn:
    """SOURCE, and --dataset for a Neo4j URI holding several datasets."""
    return click.argument("source", metavar="SOURCE")(dataset_option(fn))


def as_of_option(fn: Fn) -> Fn:
    return click.option("--as-of", type=DATE, metavar="DATE",
                        help="Only records current on this date (e.g. 2014-01-16 or "
                             "16/01/2014; default: the date the dataset describes, else "
                             "today).")(fn)


def format_option(*choices: str) -> Callable[[Fn], Fn]:
    def decorate(fn: Fn) -> Fn:
        return click.option("--format", "fmt", type=Choice(choices or FORMATS),
                            default=(choices or FORMATS)[0], show_default=True,
                            help="Output format.")(fn)
    return decorate


def open_network(source: str, dataset: str | None = None, prune: bool = False) -> Network:
    """The Network in SOURCE, printing to stderr what in it was not read."""
    network, notices = open_source_noting(source, dataset=dataset, auth=store_auth())
    for notice in notices:
        click.echo(str(notice), err=True)
    if prune:
        refuse_to_prune(source, notices)
    return network


def option_id(network: Network, option: str, value: str | None, table: str) -> str | None:
    """The id an option names: the value itself, or the id of the one record of
    ``table`` whose name it is (saying so on stderr). Anything else is left for the
    library to refuse, with its hint."""
    records = network.tables[table]
    if value is None or value in records:
        return value
    ids = named(value, records)
    if len(ids) != 1:
        return value
    click.echo(f"note: {option} {value!r} read as {ids[0]!r}, the id of "
               f"{records[ids[0]].name}", err=True)
    return ids[0]


def store_auth() -> Callable[[], tuple[str, str] | None]:
    """Credentials for Neo4j: the environment, else (on a terminal) a prompt when needed."""
    def ask() -> tuple[str, str] | None:
        if "NEO4J_PASSWORD" in os.environ or not sys.stdin.isatty():
            return None
        user = os.environ.get("NEO4J_USERNAME", "neo4j")
        return user, click.prompt(f"Neo4j password for {user}", hide_input=True, err=True)
    return ask


def review_day(network: Network, as_of: str | None) -> str:
    """The day a review looks at (--as-of, else the day the dataset describes, else
    today), named on stderr so that every output says which day it is about."""
    day = network.review_day(as_of).isoformat()
    why = ("--as-of" if as_of else "the date the dataset describes" if network.dataset.as_of
           else "today; the dataset declares no date")
    click.echo(f"as of {day} ({why})", err=True)
    return day


def note_without_org(network: Network, org: str | None,
                     topics: Iterable[str] | None = None) -> None:
    """Say on stderr which rules of ``topics`` (default: all) a review without an
    organisation left out, and how to name one."""
    if organisation_if_any(network, org):
        return
    left_out = [r.name for topic in (TOPICS if topics is None else topics)
                for r in rules_of(topic) if r.needs_organisation]
    if left_out:
        click.echo(f"note: rules needing an organisation not run ({', '.join(left_out)}): "
                   + no_organisation_message(network), err=True)


@contextmanager
def progress(length: int, label: str) -> Iterator[Callable[[int], None]]:
    """A click progress bar on a terminal; silence when output is piped."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield bar.update


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphmodel")
@click.option("--debug", is_flag=True, envvar="GRAPHMODEL_DEBUG",
              help="On an internal error, print the traceback (also GRAPHMODEL_DEBUG=1).")
def main(debug: bool) -> None:
    """Model local-government partnership networks and find what is wrong with them.

    SOURCE is a dataset directory of CSV files, an .xlsx workbook or a Popolo
    .json file.

    \b
    Questions, and the commands that answer them:
      Who is accountable to whom?                 chains; map --view accountability
      Which boards have no one from the council?  gaps; map --view representation
      Who sits on too many bodies?                overlaps; map --view overlaps
      What does the council put in, for what?     resources
      Who turns up to meetings?                   attendance
      What changed since last year?               diff
      All of it, for a committee paper?           report; present
    """


@main.command()
@source_argument
def validate(source: str, dataset: str | None) -> None:
    """Check SOURCE: every problem, as file:row: field: message.

    Ends by saying how many records it read, from how many tables."""
    reading = read_counted(source, dataset=dataset, auth=store_auth())
    for problem in reading.problems:
        click.echo(str(problem))
    n_errors = len(errors(reading.problems))
    records = sum(reading.records.values())
    click.echo(f"read {count(records, 'record')} in {count(len(reading.records), 'table')} "
               f"from {source}: {count(n_errors, 'error')}, "
               f"{count(len(reading.problems) - n_errors, 'warning')}", err=True)
    sys.exit(INVALID_DATA if n_errors else SUCCESS)


@main.command()
@source_argument
@as_of_option
@format_option("table", "json")
def summary(source: str, dataset: str | None, as_of: str | None, fmt: str) -> None:
    """Count the records in SOURCE current on a day.

    The day is --as-of, else the day the dataset describes, else today."""
    network = open_network(source, dataset)
    click.echo(render_summary(summarise(network, as_of=review_day(network, as_of)), fmt))


@main.command(name="list")
@click.argument("what", type=Choice(LISTABLE))
@source_argument
@format_option()
def list_records(what: str, source: str, dataset: str | None, fmt: str) -> None:
    """List the organisations, bodies, people or posts in SOURCE."""
    from graphmodel import render

    rows = listing(open_network(source, dataset), what)
    if fmt == "json":
        click.echo(render.to_json(rows))
        return
    columns = ["id", "kind", "name"] if fmt == "table" else list(rows[0]) if rows else ["id"]
    click.echo((render.table if fmt == "table" else render.to_csv)(rows, columns))


force_option = click.option(
    "--force", is_flag=True,
    help="Write into a folder that holds files graphmodel did not write (replacing any "
         "of the same name).")

dataset_out_option = click.option("--out", required=True, type=click.Path(file_okay=False),
                                  help="Dataset directory to write.")


@main.command()
@source_argument
@click.option("--to", "to", required=True,
              type=Choice(EXPORT_FORMATS),
              help="Format to write.")
@click.option("--out", required=True, type=click.Path(), help="File or directory to write.")
@force_option
def export(source: str, dataset: str | None, to: str, out: str, force: bool) -> None:
    """Write SOURCE as CSV, a workbook, Popolo, GraphML or GEXF."""

    if to == "csv":
        outputs.claim_folder(out, force)
    else:
        outputs.check_file_target(out, f"network.{'json' if to == 'popolo' else to}")
    path = write_source(open_network(source, dataset), out, to)
    if to == "csv":
        outputs.mark_folder(path, "export")
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.option("--profile", type=click.Choice(["partnerships", "council"]),
              default="partnerships", show_default=True,
              help="partnerships: a partnership landscape of any size (give --bodies and "
                   "--people); council: one county council's committees, councillors and "
                   "outside bodies, of a real council's size.")
@click.option("--bodies", type=click.IntRange(1), help="Number of bodies (partnerships).")
@click.option("--people", type=click.IntRange(1), help="Number of people (partnerships).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@dataset_out_option
@force_option
def generate(profile: str, bodies: int | None, people: int | None, seed: int, out: str,
             force: bool) -> None:
    """Write a synthetic but realistic council network of any size."""
    from graphmodel.generate import expected_rows, generate as run
    from graphmodel.generate.council import generate_council

    if profile == "council" and (bodies or people):
        raise click.UsageError("the council profile draws its own numbers of bodies and "
                               "people: leave out --bodies and --people")
    if profile == "partnerships" and not (bodies and people):
        raise click.UsageError("give --bodies N and --people N (or --profile council)")
    outputs.claim_folder(out, force)
    if profile == "council":
        counts = generate_council(out, seed)
    else:
        assert bodies and people
        with progress(expected_rows(bodies, people), "Generating") as update:
            counts = run(out, bodies=bodies, people=people, seed=seed, progress=update)
    outputs.mark_folder(out, "generate")
    click.echo(", ".join(count_records(n, k) for k, n in counts.items() if n), err=True)


@main.command()
@click.option("--seed-data", type=click.Path(file_okay=False), default=None,
              help="Directory of seed datasets (default: the bundled seed_data).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Directory for the maps, decks and review packs (default: "
                   "visualisations/ beside the seed data).")
def demo(seed_data: str | None, out: str | None) -> None:
    """Try it: check, review and map the bundled seed data.

    Ends by saying how to run graphmodel next from this shell."""
    from graphmodel.demo import how_to_run, run_demo

    run_demo(seed_data, echo=click.echo, today=_dt.date.today(), out=out)
    script = Path(sys.executable).parent / "graphmodel"   # beside the Python running it
    click.echo("\n" + how_to_run(script, shutil.which("graphmodel"), Path.cwd()))


@main.command()
@source_argument
@click.option("--uri", envvar="NEO4J_URI", default=None, metavar="URI",
              help="Neo4j server (default: $NEO4J_URI; `graphmodel neo4j start` prints "
                   "one). Credentials come from NEO4J_USERNAME and NEO4J_PASSWORD.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--prune", is_flag=True, help="Remove records of this dataset no longer in SOURCE.")
@format_option("table", "json")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, metavar="DB",
              help="Database on the server (default: its default database).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per transaction.")
@click.option("--break-lock", is_flag=True,
              help="Take over the dataset's load lock even if another load holds it (when "
                   "you are sure that load is no longer running).")
def load(source: str, dataset: str | None, uri: str | None, database: str | None, batch_size: int,
         dry_run: bool, prune: bool, break_lock: bool, fmt: str) -> None:
    """Load SOURCE into Neo4j, writing only what changed.

    Nothing is deleted without --prune. One load of a dataset runs at a time: a
    second is refused (exit 17) while the first holds the dataset's lock.
    """
    from graphmodel import render
    from graphmodel.store.connection import connect
    from graphmodel.store.load import load as run_load

    if not uri:
        raise UsageError(NO_URI)
    network = open_network(source, dataset, prune=prune and not dry_run)
    with connect(uri, database, auth=store_auth()) as store:
        total = sum(network.counts().values())
        with progress(total, "Loading") as update:
            report = run_load(network, store, batch_size=batch_size, dry_run=dry_run,
                              prune=prune, progress=lambda table, n: update(n),
                              break_lock=break_lock)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    counts = report.counts()
    if fmt == "json":
        click.echo(render.to_json({"dataset": report.dataset, "dry_run": dry_run,
                                   "prune": prune, "changes": counts}))
        return
    verb = "would change" if dry_run else "changed"
    click.echo(f"{report.dataset}: {'nothing ' + verb if report.unchanged else verb + ':'}")
    rows = [{"record type": t, **c} for t, c in counts.items() if any(c.values())]
    if rows:
        click.echo(render.table(rows, list(rows[0])))


NO_URI = ("no Neo4j server named: set NEO4J_URI (e.g. export NEO4J_URI=bolt://127.0.0.1:7687) "
          "or give --uri URI; to start a local server, run graphmodel neo4j start, which "
          "prints the NEO4J_URI to set")


org_option = click.option(
    "--org", default=None, metavar="ID",
    help="Organisation the review speaks for: its id, or its name (default: the dataset's "
         "home organisation; without either, the rules that need one are not run).")

rules_option = click.option(
    "--rules", "rules_file", type=click.Path(dir_okay=False), default=None,
    help="Standards file (YAML); default: graphmodel's, from published guidance.")


def review_settings_options(fn: Fn) -> Fn:
    """--as-of, --org and --rules: on which day, whose review, by which standards."""
    return as_of_option(org_option(rules_option(fn)))


def finding_options(fn: Fn) -> Fn:
    """--severity, --rule, --evidence and --format: which findings, shown how."""
    fn = click.option("--evidence", is_flag=True,
                      help="With --format table: each finding's evidence as a table "
                           "(JSON and CSV always carry it).")(fn)
    fn = click.option("--rule", "rule_names", multiple=True, metavar="NAME",
                      help="Only findings of this rule (repeat for several).")(fn)
    fn = click.option("--severity", type=Choice(SEVERITIES), default=None,
                      help="Only findings at or above this severity.")(fn)
    return format_option()(fn)


def review_options(fn: Fn) -> Fn:
    """SOURCE, --org, --rules, --as-of and the finding options: what review commands take."""
    return source_argument(review_settings_options(finding_options(fn)))


class Chosen(TypedDict):
    """Which findings --severity and --rule choose, and --evidence."""
    severity: str | None
    rule_names: tuple[str, ...]
    evidence: bool


class Shown(Chosen):
    """The finding options: which findings, shown how (--format)."""
    fmt: str


def echo_findings(findings: list[Finding], fmt: str, severity: str | None = None,
                  rule_names: tuple[str, ...] = (), evidence: bool = False) -> list[Finding]:
    """Print the findings chosen by --severity and --rule; return them."""
    from graphmodel.analysis.findings import render_findings, select

    chosen = select(findings, severity=severity, rules=rule_names)
    click.echo(render_findings(chosen, fmt, evidence=evidence))
    return chosen


def review_command(declared: Command) -> Callable[[Callable[..., object]], click.Command]:
    """A review command as the rule registry declares it: its name, and its help starting
    with the registry's line, followed by the function's docstring if it has one."""
    def decorate(fn: Callable[..., object]) -> click.Command:
        more = inspect.cleandoc(fn.__doc__) if fn.__doc__ else ""
        return main.command(name=declared.name,
                            help=declared.help + (f"\n\n{more}" if more else ""))(fn)
    return decorate


@review_command(TOPICS["representation"].command)
@review_options
def gaps(source: str, dataset: str | None, org: str | None, rules_file: str | None,
         as_of: str | None, **shown: Unpack[Shown]) -> None:
    from graphmodel.analysis.representation import representation_gaps
    from graphmodel.standards import load_rules

    rules, network = load_rules(rules_file), open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    day = review_day(network, as_of)
    note_without_org(network, org, ["representation"])
    echo_findings(representation_gaps(network, org=org, rules=rules, as_of=day), **shown)


@review_command(TOPICS["accountability"].command)
@source_argument
@click.option("--body", default=None, metavar="ID",
              help="A body (its id, or its name): show its chains of reporting lines up to "
                   "their roots instead of findings.")
@rules_option
@as_of_option
@finding_options
def chains(source: str, dataset: str | None, body: str | None, rules_file: str | None,
           as_of: str | None, fmt: str, **shown: Unpack[Chosen]) -> None:
    from graphmodel.analysis import accountability
    from graphmodel.standards import load_rules

    network = open_network(source, dataset)
    body = option_id(network, "--body", body, "bodies")
    day = review_day(network, as_of)
    if body is None:
        echo_findings(accountability.accountability_findings(
            network, rules=load_rules(rules_file), as_of=day), fmt, **shown)
        return
    found = accountability.chains(network, body, as_of=day)
    rules = load_rules(rules_file)
    ends = [accountability.chain_end(network, chain, day, rules) for chain in found]
    click.echo(accountability.render_chains(found, fmt, ends))


@review_command(TOPICS["overlaps"].command)
@source_argument
@click.option("--min-shared", type=click.IntRange(1), default=None,
              help="Interlocks: pairs of bodies sharing at least this many members "
                   "(default from the rules: 2).")
@click.option("--top", type=click.IntRange(0), default=None,
              help="At most this many findings per rule, strongest first (0: all).")
@rules_option
@as_of_option
@finding_options
def overlaps(source: str, dataset: str | None, min_shared: int | None, top: int | None,
             rules_file: str | None, as_of: str | None, **shown: Unpack[Shown]) -> None:
    from graphmodel.analysis.overlaps import overlap_findings
    from graphmodel.standards import load_rules

    network = open_network(source, dataset)
    echo_findings(overlap_findings(network, rules=load_rules(rules_file),
                                   as_of=review_day(network, as_of), min_shared=min_shared,
                                   top=top), **shown)


@review_command(TOPICS["resources"].command)
@review_options
def resources(source: str, dataset: str | None, org: str | None, rules_file: str | None,
              as_of: str | None, fmt: str, severity: str | None, rule_names: tuple[str, ...],
              evidence: bool) -> None:
    from graphmodel.analysis.findings import evidence_tables, select
    from graphmodel.analysis.resources import render_resources, resources as register
    from graphmodel.standards import load_rules

    network = open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    report = register(network, org=org, rules=load_rules(rules_file),
                      as_of=review_day(network, as_of))
    report = replace(report, findings=select(report.findings, severity, rule_names))
    click.echo(render_resources(report, fmt))
    if evidence and fmt == "table" and report.findings:
        click.echo("\n" + evidence_tables(report.findings))


@review_command(TOPICS["attendance"].command)
@review_options
def attendance(source: str, dataset: str | None, org: str | None, rules_file: str | None,
               as_of: str | None, **shown: Unpack[Shown]) -> None:
    from graphmodel.analysis.attendance import attendance_findings
    from graphmodel.standards import load_rules

    rules, network = load_rules(rules_file), open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    note_without_org(network, org, ["attendance"])
    echo_findings(attendance_findings(network, org=org, rules=rules,
                                      as_of=review_day(network, as_of)), **shown)


@review_command(WHOLE_REVIEWS["diff"])
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE [NEW]")
@dataset_option
@click.option("--from", "start", type=DATE, metavar="DATE",
              help="With one SOURCE: the earlier day.")
@click.option("--to", "end", type=DATE, metavar="DATE",
              help="With one SOURCE: the later day (default: the day the dataset "
                   "describes, else today).")
@review_settings_options
@format_option()
def diff(sources: tuple[str, ...], dataset: str | None, start: str | None, end: str | None,
         org: str | None, rules_file: str | None, as_of: str | None, fmt: str) -> None:
    from graphmodel.analysis.change import changes, changes_between, render_changes
    from graphmodel.standards import load_rules

    rules = load_rules(rules_file)
    if len(sources) == 1:
        if start is None:
            raise click.UsageError("with one SOURCE, give --from DATE (and --to DATE)")
        network = open_network(sources[0], dataset)
        org = option_id(network, "--org", org, "organisations")
        end = end or network.review_day().isoformat()
        click.echo(f"from {start} to {end}", err=True)
        note_without_org(network, org)
        found = changes_between(network, start, end, org=org, rules=rules)
    elif len(sources) == 2 and start is None and end is None:
        old, new = open_network(sources[0], dataset), open_network(sources[1], dataset)
        org = option_id(new, "--org", org, "organisations")
        note_without_org(new, org)
        found = changes(old, new, org=org, rules=rules, as_of=review_day(new, as_of))
    else:
        raise click.UsageError("give one SOURCE with --from/--to, or two sources (OLD NEW)")
    click.echo(render_changes(found, fmt))


@review_command(WHOLE_REVIEWS["check"])
@click.option("--fail-on", type=Choice(SEVERITIES), default="error",
              show_default=True, help="Exit 1 when a finding at or above this severity exists.")
@review_options
def check(source: str, dataset: str | None, fail_on: str, org: str | None,
          rules_file: str | None, as_of: str | None, **shown: Unpack[Shown]) -> None:
    """With --severity or --rule, only the findings chosen count towards --fail-on."""
    from graphmodel.analysis.findings import at_or_above
    from graphmodel.analysis.review import review
    from graphmodel.standards import load_rules

    network, rules = open_network(source, dataset), load_rules(rules_file)
    org = option_id(network, "--org", org, "organisations")
    day = review_day(network, as_of)
    note_without_org(network, org)
    with progress(len(TOPICS), "Reviewing") as update:
        findings = review(network, org=org, rules=rules, as_of=day, progress=update)
    failing = at_or_above(echo_findings(findings, **shown), fail_on)
    if failing:
        click.echo(f"{count(len(failing), 'finding')} at or above {fail_on}", err=True)
        sys.exit(FINDINGS)


def pseudonymise_option(fn: Fn) -> Fn:
    return click.option(
        "--pseudonymise", is_flag=True,
        help="Replace people's names with labels such as 'Officer 7' and drop notes, for "
             "public papers.")(fn)


def pack_options(fn: Fn) -> Fn:
    """--org, --rules, --as-of and --pseudonymise: whose review, by which standards, when."""
    return review_settings_options(pseudonymise_option(fn))


class ReviewSettings(TypedDict):
    """Whose review, by which standards, on which day: what a map, deck or pack is of."""
    rules: Standards
    as_of: str
    org: str | None
    pseudonymise: bool


def review_settings(network: Network, rules_file: str | None, as_of: str | None,
                    org: str | None, pseudonymise: bool) -> ReviewSettings:
    from graphmodel.standards import load_rules
    return {"rules": load_rules(rules_file), "as_of": review_day(network, as_of), "org": org,
            "pseudonymise": pseudonymise}


@main.command(name="map")
@source_argument
@click.option("--view", type=Choice(MAP_VIEWS), default="network", show_default=True,
              help="What to draw.")
@click.option("--focus", default=None, metavar="ID",
              help="A body, person, organisation or post (id or name): draw it and its "
                   "neighbourhood. Needed by --view ego.")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True,
              help="With --focus: how many links out from it to draw.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="File to write: .html for the interactive map (default: "
                   "DATASET-VIEW.html), .svg or .png for an image of it.")
@click.option("--fold-above", type=click.IntRange(1), default=None, metavar="N",
              help="A representation or overlaps map of more than N nodes draws its bodies "
                   "only, its people folded into them, with a button to show them "
                   "(default: 60).")
@pack_options
def map_command(source: str, dataset: str | None, view: str, focus: str | None, depth: int,
                fold_above: int | None, org: str | None, rules_file: str | None,
                as_of: str | None, pseudonymise: bool, out: str | None) -> None:
    """Draw a map: the network, accountability, seats or overlaps.

    One self-contained, offline HTML file, or an SVG or PNG image. --view
    accountability draws who is accountable to whom as an org chart; --view
    representation where the organisation has a seat."""
    from graphmodel.maps import make_map, write_map

    if out:
        outputs.check_file_target(out, "map.html")
    network = open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    m = make_map(network, view, focus=focus, depth=depth,
                 **({"fold_above": fold_above} if fold_above else {}), **review_settings(
                     network, rules_file, as_of, org=org, pseudonymise=pseudonymise))
    path = write_map(m, out or f"{network.dataset.id}-{view}.html")
    note_without_org(network, org)   # after the map: a representation map refuses instead
    folded = m.folded and f"{m.folded} (the page's button shows them)"
    for note in (folded, m.notice, m.sparse):
        if note:
            click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {path}: {m.summary}", err=True)


@main.command()
@source_argument
@as_of_option
@pseudonymise_option
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="File to write: .html for the page (default: DATASET-matrix.html), "
                   ".svg or .png for an image of it.")
def matrix(source: str, dataset: str | None, as_of: str | None, pseudonymise: bool,
           out: str | None) -> None:
    """Draw who sits where: people by bodies, a cell per seat.

    One offline HTML page that sorts, filters and prints, or an SVG or PNG image
    for papers: the legible form of a network too big for a map."""
    from graphmodel.maps.matrix import seat_matrix
    from graphmodel.maps.matrix_page import write_matrix

    if out:
        outputs.check_file_target(out, "matrix.html")
    network = open_network(source, dataset)
    m = seat_matrix(network, review_day(network, as_of), pseudonymise=pseudonymise)
    path = write_matrix(m, out or f"{network.dataset.id}-matrix.html")
    click.echo(f"wrote {path}: {m.summary}", err=True)


@main.command()
@source_argument
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write, e.g. deck.html.")
@pack_options
def present(source: str, dataset: str | None, org: str | None, rules_file: str | None,
            as_of: str | None, pseudonymise: bool, out: str) -> None:
    """Write a slide deck of maps and key findings for a meeting.

    One offline HTML file; the arrow keys move between slides."""
    from graphmodel.maps.deck import write_deck

    outputs.check_file_target(out, "deck.html")
    network = open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    path = write_deck(network, out, **review_settings(
        network, rules_file, as_of, org=org, pseudonymise=pseudonymise))
    note_without_org(network, org)
    click.echo(f"wrote {path}: move with the arrow keys, or the buttons at its foot", err=True)


@main.command()
@source_argument
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Directory to write index.html, report.md and findings.csv into.")
@pack_options
def report(source: str, dataset: str | None, org: str | None, rules_file: str | None,
           as_of: str | None, pseudonymise: bool, out: str) -> None:
    """Write the review pack: findings, maps, a paper and a CSV.

    index.html opens on the warnings and errors; report.md is the same as
    Markdown for a committee paper; findings.csv holds every finding."""
    from graphmodel.pack import write_report

    network = open_network(source, dataset)
    org = option_id(network, "--org", org, "organisations")
    written = write_report(network, out, **review_settings(
        network, rules_file, as_of, org=org, pseudonymise=pseudonymise))
    note_without_org(network, org)
    click.echo(f"wrote {', '.join(str(p) for p in written.values())}", err=True)


@main.group()
def neo4j() -> None:
    """A local Neo4j server for development and tests.

    Neo4j 5.26, assembled from Maven Central on the first start."""


def server_options(fn: Fn) -> Fn:
    fn = click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path),
                      default=None,
                      help="Cache directory for the server's jars and data "
                           "(default: $GRAPHMODEL_HOME or ~/.cache/graphmodel).")(fn)
    return click.option("--port", type=click.IntRange(1, 65535), default=7687,
                        show_default=True, help="Bolt port on 127.0.0.1.")(fn)


@neo4j.command()
@server_options
@click.option("--fresh", is_flag=True, help="Delete this instance's data first.")
def start(port: int, root: Path | None, fresh: bool) -> None:
    """Start a local Neo4j server and print its NEO4J_URI.

    The server is bound to 127.0.0.1; the URI is printed once Bolt answers.

    Auth is on when NEO4J_PASSWORD is set (it becomes the initial password of
    user neo4j); otherwise the server runs without auth, for development only.
    """
    from graphmodel.store import server

    click.echo(f"starting Neo4j {server.NEO4J_VERSION} (the first start downloads it "
               "from Maven Central)...", err=True)
    info = server.start(port, root, password=os.environ.get("NEO4J_PASSWORD"), fresh=fresh)
    click.echo(f"NEO4J_URI={info.uri}")


@neo4j.command()
@server_options
def stop(port: int, root: Path | None) -> None:
    """Stop the local server graphmodel started on a port.

    It is found whatever GRAPHMODEL_HOME the terminal that started it had."""
    from graphmodel.store import server

    if server.stop(port, root):
        click.echo("stopped", err=True)
        return
    click.echo(not_ours(port, server.what_answers(port), "stop it the way it was started"),
               err=True)


@neo4j.command()
@server_options
def status(port: int, root: Path | None) -> None:
    """Say whether a local server runs on a port.

    Exit 11 if no Neo4j answers there. A server graphmodel started is found whatever GRAPHMODEL_HOME the terminal that
    started it had; for anything else listening on the port, says what it is."""
    from graphmodel.store import server

    info = server.status(port, root)
    if info:
        click.echo(f"running: NEO4J_URI={info.uri} (pid {info.pid}, auth "
                   f"{'on' if info.auth else 'off'}, data in {info.home})")
        return
    listener = server.what_answers(port)
    click.echo(not_ours(port, listener, f"use it with NEO4J_URI=bolt://127.0.0.1:{port}"))
    if not (listener and listener.neo4j):
        sys.exit(SERVER_UNREACHABLE)   # as for any server that does not answer


def not_ours(port: int, listener: Listener | None, then: str) -> str:
    """No server graphmodel started runs on the port, and what listens there instead
    (a :class:`graphmodel.store.server.Listener`, or None)."""
    said = f"no server graphmodel started runs on port {port}"
    if listener is None:
        return f"{said}, and nothing listens there: start one with graphmodel neo4j start"
    if not listener.neo4j:
        return (f"{said}; {listener.text} listens there, not Neo4j: give graphmodel neo4j "
                "start another --port")
    return f"{said}; {listener.text} answers there, started another way or by another " \
           f"user: {then}"


@main.group(name="import")
def import_group() -> None:
    """Build a dataset from what a council publishes or keeps."""


def echo_import(report: ImportReport) -> None:
    """What an import could not take as it was, then what it wrote."""
    for problem in report.problems:
        click.echo(str(problem), err=True)
    click.echo(f"wrote {report.path}: {report.summary()}"
               + (f" ({count(len(report.problems), 'warning')} above)" if report.problems
                  else ""),
               err=True)


@import_group.command(name="moderngov")
@click.argument("site")
@dataset_out_option
@click.option("--council", metavar="NAME", default=None,
              help="The council's name, e.g. 'Stroud District Council' (default: the "
                   "site's host name).")
@click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Seconds to wait between two requests to the site.")
@click.option("--cache", type=click.Path(file_okay=False), default=None,
              help="Folder keeping every response, so a re-run fetches nothing twice and "
                   "can be read offline as SITE (default: moderngov/HOST under "
                   "$GRAPHMODEL_HOME or ~/.cache/graphmodel).")
@click.option("--lines", type=click.Path(dir_okay=False, exists=True), default=None,
              help="CSV file of reporting lines given by hand (columns body, reports_to, "
                   "kind, notes): they replace the lines inferred for those committees.")
@click.option("--since", type=DATE, default=None, metavar="DATE",
              help="Read meetings and attendance from this date (default: twelve months "
                   "back); meetings to come are read as scheduled.")
def import_moderngov(site: str, out: str, council: str | None, delay: float,
                     cache: str | None, lines: str | None, since: str | None) -> None:
    """Import committees and outside bodies from a ModernGov site.

    With the councillors who sit on them, their roles, the committee structure
    the site implies (as inferred reporting lines), and the committees' meetings
    and who attended them.

    SITE is the address of the council's ModernGov pages (https://...) or a
    folder of responses saved by an earlier import.
    """
    from graphmodel.importers.moderngov import import_moderngov as run

    echo_import(run(site, out, council=council, delay=delay, cache=cache, progress=progress,
                    lines=lines, since=since))


@import_group.command(name="appointments")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--org", required=True, metavar="ID",
              help="Id of the organisation making the appointments (the home organisation).")
@click.option("--org-name", metavar="NAME", default=None,
              help="Its name (default: from the id, e.g. stroud-district-council).")
@dataset_out_option
def import_appointments(file: str, org: str, org_name: str | None, out: str) -> None:
    """Import a list of appointments to outside bodies.

    A .csv or .xlsx file, one row per appointment."""
    from graphmodel.importers.appointments import import_appointments as run

    echo_import(run(file, out, org=org, org_name=org_name))


@main.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="Workbook to write, e.g. register.xlsx.")
def template(out: str) -> None:
    """Write a blank register workbook to fill in by hand.

    With drop-down lists of the allowed values and a sheet of instructions."""
    from graphmodel.io.template import write_template

    click.echo(f"wrote {write_template(out)}: fill in one row per record, then "
               f"graphmodel validate {out}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main(prog_name="graphmodel")
