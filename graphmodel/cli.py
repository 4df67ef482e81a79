"""The ``graphmodel`` command: thin wrappers over the library.

Each command opens its SOURCE, makes one library call and renders the result.
Exit codes: 0 success, 1 invalid data, 2 usage error. Heavy libraries load
inside commands, so ``graphmodel --help`` stays fast.
"""
from __future__ import annotations

import datetime as _dt
import functools
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import click

from graphmodel.problems import GraphmodelError, InvalidData

FORMATS = ("table", "json", "csv")
# graphmodel.maps.VIEWS, repeated so that --help need not import the maps (a test checks)
MAP_VIEWS = ("network", "accountability", "representation", "overlaps", "ego")


def fail_cleanly(fn: Callable) -> Callable:
    """Turn the library's errors into a clear message and exit code, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InvalidData as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(f"error: {exc}; nothing was done", err=True)
            sys.exit(exc.exit_code)
        except GraphmodelError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from graphmodel import dates
    try:
        dates.parse_date(value)
    except dates.DateError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def source_argument(fn: Callable) -> Callable:
    """SOURCE, and --dataset for a Neo4j URI holding several datasets."""
    fn = click.option("--dataset", metavar="NAME", default=None,
                      help="With a Neo4j URI as SOURCE: which dataset to read.")(fn)
    return click.argument("source", metavar="SOURCE")(fn)


def as_of_option(fn: Callable) -> Callable:
    return click.option("--as-of", callback=_date, metavar="DATE",
                        help="Only records current on this date (YYYY-MM-DD).")(fn)


def format_option(*choices: str) -> Callable:
    def decorate(fn: Callable) -> Callable:
        return click.option("--format", "fmt", type=click.Choice(choices or FORMATS),
                            default=(choices or FORMATS)[0], show_default=True,
                            help="Output format.")(fn)
    return decorate


def open_network(source: str, dataset: str | None = None):
    from graphmodel.sources import open_source
    return open_source(source, dataset=dataset, auth=store_auth())


def store_auth() -> Callable[[], tuple[str, str] | None]:
    """Credentials for Neo4j: the environment, else (on a terminal) a prompt when needed."""
    import os

    def ask() -> tuple[str, str] | None:
        if "NEO4J_PASSWORD" in os.environ or not sys.stdin.isatty():
            return None
        user = os.environ.get("NEO4J_USERNAME", "neo4j")
        return user, click.prompt(f"Neo4j password for {user}", hide_input=True, err=True)
    return ask


@contextmanager
def progress(length: int, label: str) -> Iterator[Callable[[int], None]]:
    """A click progress bar on a terminal; silence when output is piped."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield bar.update


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphmodel")
def main() -> None:
    """Model local-government partnership networks and find what is wrong with them.

    SOURCE is a dataset directory of CSV files, an .xlsx workbook or a Popolo
    .json file.
    """


@main.command()
@source_argument
@fail_cleanly
def validate(source: str, dataset: str | None) -> None:
    """Check SOURCE and print every problem as file:row: field: message."""
    from graphmodel.sources import read_source
    from graphmodel.problems import errors

    _, problems = read_source(source, dataset=dataset, auth=store_auth())
    for problem in problems:
        click.echo(str(problem))
    n_errors = len(errors(problems))
    click.echo(f"{n_errors} error(s), {len(problems) - n_errors} warning(s)", err=True)
    sys.exit(1 if n_errors else 0)


@main.command()
@source_argument
@as_of_option
@format_option("table", "json")
@fail_cleanly
def summary(source: str, dataset: str | None, as_of: str | None, fmt: str) -> None:
    """Count the records in SOURCE (with --as-of, only those current then)."""
    from graphmodel import render
    from graphmodel.summary import summarise

    result = summarise(open_network(source, dataset), as_of=as_of)
    if fmt == "json":
        click.echo(render.to_json(result))
        return
    ds = result["dataset"]
    click.echo(f"{ds['name']} ({ds['id']}), home organisation: "
               f"{ds['home_organisation']['name']}"
               + (f", as of {result['as_of']}" if result["as_of"] else ""))
    rows = [{"record type": k, "count": v} for k, v in result["counts"].items()]
    click.echo(render.table(rows, ["record type", "count"]))


@main.command(name="list")
@click.argument("what", type=click.Choice(["organisations", "bodies", "people", "posts"]))
@source_argument
@format_option()
@fail_cleanly
def list_records(what: str, source: str, dataset: str | None, fmt: str) -> None:
    """List the organisations, bodies, people or posts in SOURCE."""
    from graphmodel import render
    from graphmodel.summary import listing

    rows = listing(open_network(source, dataset), what)
    if fmt == "json":
        click.echo(render.to_json(rows))
        return
    columns = ["id", "kind", "name"] if fmt == "table" else list(rows[0]) if rows else ["id"]
    click.echo((render.table if fmt == "table" else render.to_csv)(rows, columns))


@main.command()
@source_argument
@click.option("--to", "to", required=True,
              type=click.Choice(["popolo", "csv", "xlsx", "graphml", "gexf"]),
              help="Format to write.")
@click.option("--out", required=True, type=click.Path(), help="File or directory to write.")
@fail_cleanly
def export(source: str, dataset: str | None, to: str, out: str) -> None:
    """Write SOURCE as Popolo JSON, a CSV directory, a workbook, GraphML or GEXF."""
    from graphmodel.sources import write_source

    path = write_source(open_network(source, dataset), out, to)
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.option("--bodies", type=click.IntRange(1), required=True, help="Number of bodies.")
@click.option("--people", type=click.IntRange(1), required=True, help="Number of people.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Dataset directory to write.")
@fail_cleanly
def generate(bodies: int, people: int, seed: int, out: str) -> None:
    """Write a synthetic but realistic council network of any size."""
    from graphmodel.generate import expected_rows, generate as run

    with progress(expected_rows(bodies, people), "Generating") as update:
        counts = run(out, bodies=bodies, people=people, seed=seed, progress=update)
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items() if n), err=True)


@main.command()
@click.option("--seed-data", type=click.Path(file_okay=False), default=None,
              help="Directory of seed datasets (default: the bundled seed_data).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Directory for the maps, decks and review packs (default: "
                   "visualisations/ beside the seed data).")
@fail_cleanly
def demo(seed_data: str | None, out: str | None) -> None:
    """The main job on the bundled seed data: check, summarise and map each dataset."""
    from graphmodel.demo import run_demo

    run_demo(seed_data, echo=click.echo, today=_dt.date.today(), out=out)


@main.command()
@source_argument
@click.option("--uri", envvar="NEO4J_URI", required=True, metavar="URI",
              help="Neo4j server (default: $NEO4J_URI). Credentials come from "
                   "NEO4J_USERNAME and NEO4J_PASSWORD.")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, metavar="DB",
              help="Database on the server (default: its default database).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per transaction.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--prune", is_flag=True, help="Remove records of this dataset no longer in SOURCE.")
@format_option("table", "json")
@fail_cleanly
def load(source: str, dataset: str | None, uri: str, database: str | None, batch_size: int,
         dry_run: bool, prune: bool, fmt: str) -> None:
    """Load SOURCE into Neo4j: only what changed, nothing deleted without --prune."""
    from graphmodel import render
    from graphmodel.store.neo4j import connect, load as run_load

    network = open_network(source, dataset)
    with connect(uri, database, auth=store_auth()) as store:
        total = sum(network.counts().values())
        with progress(total, "Loading") as update:
            report = run_load(network, store, batch_size=batch_size, dry_run=dry_run,
                              prune=prune, progress=lambda table, n: update(n))
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


def org_option(fn: Callable) -> Callable:
    return click.option("--org", default=None, metavar="ID",
                        help="Organisation to review (default: the dataset's home "
                             "organisation).")(fn)


def rules_option(fn: Callable) -> Callable:
    return click.option("--rules", "rules_file", type=click.Path(dir_okay=False), default=None,
                        help="Standards file (YAML); default: graphmodel's, from published "
                             "guidance.")(fn)


def review_options(fn: Callable) -> Callable:
    """SOURCE, --org, --rules, --as-of and --format: what every review command takes."""
    for decorate in (fail_cleanly, format_option(), as_of_option, rules_option, org_option,
                     source_argument):
        fn = decorate(fn)
    return fn


def echo_findings(findings: list, fmt: str) -> None:
    from graphmodel.analysis.findings import render_findings
    click.echo(render_findings(findings, fmt))


@main.command()
@review_options
def gaps(source: str, dataset: str | None, org: str | None, rules_file: str | None,
         as_of: str | None, fmt: str) -> None:
    """Representation gaps: bodies without the organisation, members, chair or mix."""
    from graphmodel.analysis.representation import representation_gaps
    from graphmodel.rules import load_rules

    rules = load_rules(rules_file)
    echo_findings(representation_gaps(open_network(source, dataset), org=org, rules=rules,
                                      as_of=as_of), fmt)


@main.command()
@source_argument
@click.option("--body", default=None, metavar="ID",
              help="Show the chain(s) from this body up to its root(s) instead of findings.")
@rules_option
@as_of_option
@format_option()
@fail_cleanly
def chains(source: str, dataset: str | None, body: str | None, rules_file: str | None,
           as_of: str | None, fmt: str) -> None:
    """Accountability: chains of reporting lines, and where they break."""
    from graphmodel.analysis import accountability
    from graphmodel.rules import load_rules

    network = open_network(source, dataset)
    if body is None:
        echo_findings(accountability.accountability_findings(
            network, rules=load_rules(rules_file), as_of=as_of), fmt)
        return
    found = accountability.chains(network, body, as_of=as_of)
    click.echo(accountability.render_chains(found, fmt))


@main.command()
@source_argument
@click.option("--min-shared", type=click.IntRange(1), default=None,
              help="Interlocks: pairs of bodies sharing at least this many members "
                   "(default from the rules: 2).")
@click.option("--top", type=click.IntRange(0), default=None,
              help="At most this many findings per rule, strongest first (0: all).")
@rules_option
@as_of_option
@format_option()
@fail_cleanly
def overlaps(source: str, dataset: str | None, min_shared: int | None, top: int | None,
             rules_file: str | None, as_of: str | None, fmt: str) -> None:
    """Overlaps: person load, interlocking bodies, brokers, single points of failure."""
    from graphmodel.analysis.overlaps import overlap_findings
    from graphmodel.rules import load_rules

    echo_findings(overlap_findings(open_network(source, dataset), rules=load_rules(rules_file),
                                   as_of=as_of, min_shared=min_shared, top=top), fmt)


@main.command()
@review_options
def resources(source: str, dataset: str | None, org: str | None, rules_file: str | None,
              as_of: str | None, fmt: str) -> None:
    """Resources: officer hours and money per body, value, risk and recommendation."""
    from graphmodel.analysis.resources import render_resources, resources as register
    from graphmodel.rules import load_rules

    report = register(open_network(source, dataset), org=org, rules=load_rules(rules_file),
                      as_of=as_of)
    click.echo(render_resources(report, fmt))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE [NEW]")
@click.option("--dataset", metavar="NAME", default=None,
              help="With Neo4j URIs as sources: which dataset to read.")
@click.option("--from", "start", callback=_date, metavar="DATE",
              help="With one SOURCE: the earlier day.")
@click.option("--to", "end", callback=_date, metavar="DATE",
              help="With one SOURCE: the later day (default: today).")
@org_option
@rules_option
@as_of_option
@format_option()
@fail_cleanly
def diff(sources: tuple[str, ...], dataset: str | None, start: str | None, end: str | None,
         org: str | None, rules_file: str | None, as_of: str | None, fmt: str) -> None:
    """Change: what changed between two days (--from, --to) or from SOURCE to NEW."""
    from graphmodel.analysis.change import changes, changes_between, render_changes
    from graphmodel.rules import load_rules

    rules = load_rules(rules_file)
    if len(sources) == 1:
        if start is None:
            raise click.UsageError("with one SOURCE, give --from DATE (and --to DATE)")
        found = changes_between(open_network(sources[0], dataset), start,
                                end or _dt.date.today(), org=org, rules=rules)
    elif len(sources) == 2 and start is None and end is None:
        found = changes(open_network(sources[0], dataset), open_network(sources[1], dataset),
                        org=org, rules=rules, as_of=as_of)
    else:
        raise click.UsageError("give one SOURCE with --from/--to, or two sources (OLD NEW)")
    click.echo(render_changes(found, fmt))


@main.command()
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="error",
              show_default=True, help="Exit 1 when a finding at or above this severity exists.")
@review_options
def check(source: str, dataset: str | None, fail_on: str, org: str | None,
          rules_file: str | None, as_of: str | None, fmt: str) -> None:
    """Run every rule; a gate for pipelines (exit 1 on findings at --fail-on or above)."""
    from graphmodel.analysis.review import TOPICS, at_or_above, review
    from graphmodel.rules import load_rules

    network, rules = open_network(source, dataset), load_rules(rules_file)
    with progress(len(TOPICS), "Reviewing") as update:
        findings = review(network, org=org, rules=rules, as_of=as_of, progress=update)
    echo_findings(findings, fmt)
    failing = at_or_above(findings, fail_on)
    if failing:
        click.echo(f"{len(failing)} finding(s) at or above {fail_on}", err=True)
        sys.exit(1)


def review_options(fn: Callable) -> Callable:
    """--org, --rules, --as-of and --pseudonymise: whose review, by which standards, when."""
    fn = click.option("--pseudonymise", is_flag=True,
                      help="Replace people's names with labels such as 'Officer 7' and drop "
                           "notes, for public papers.")(fn)
    fn = as_of_option(fn)
    fn = click.option("--rules", "rules_file", type=click.Path(dir_okay=False), default=None,
                      help="Standards file (YAML); default: graphmodel's.")(fn)
    return click.option("--org", default=None, metavar="ID",
                        help="Organisation the review speaks for (default: the dataset's "
                             "home organisation).")(fn)


def review_settings(rules_file: str | None, **settings: Any) -> dict[str, Any]:
    from graphmodel.rules import load_rules
    return {"rules": load_rules(rules_file), **settings}


@main.command(name="map")
@source_argument
@click.option("--view", type=click.Choice(MAP_VIEWS), default="network", show_default=True,
              help="What to draw.")
@click.option("--focus", default=None, metavar="ID",
              help="A body, person, organisation or post (id or name): draw it and its "
                   "neighbourhood. Needed by --view ego.")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True,
              help="With --focus: how many links out from it to draw.")
@review_options
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="File to write: .html for the interactive map (default: "
                   "DATASET-VIEW.html), .svg or .png for an image of it.")
@fail_cleanly
def map_command(source: str, dataset: str | None, view: str, focus: str | None, depth: int,
                org: str | None, rules_file: str | None, as_of: str | None,
                pseudonymise: bool, out: str | None) -> None:
    """Draw a map of SOURCE: one self-contained, offline HTML file, or an SVG or PNG image."""
    from graphmodel.maps import make_map, write_map

    network = open_network(source, dataset)
    m = make_map(network, view, focus=focus, depth=depth, **review_settings(
        rules_file, org=org, as_of=as_of, pseudonymise=pseudonymise))
    path = write_map(m, out or f"{network.dataset.id}-{view}.html")
    for note in (m.notice, m.sparse):
        if note:
            click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {path}: {m.summary}", err=True)


@main.command()
@source_argument
@review_options
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write, e.g. deck.html.")
@fail_cleanly
def present(source: str, dataset: str | None, org: str | None, rules_file: str | None,
            as_of: str | None, pseudonymise: bool, out: str) -> None:
    """Write a presentation deck of SOURCE: slides of maps and key findings, offline."""
    from graphmodel.maps.deck import write_deck

    path = write_deck(open_network(source, dataset), out, **review_settings(
        rules_file, org=org, as_of=as_of, pseudonymise=pseudonymise))
    click.echo(f"wrote {path}: move with the arrow keys, or the buttons at its foot", err=True)


@main.command()
@source_argument
@review_options
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Directory to write index.html, report.md and findings.csv into.")
@fail_cleanly
def report(source: str, dataset: str | None, org: str | None, rules_file: str | None,
           as_of: str | None, pseudonymise: bool, out: str) -> None:
    """Write the review pack of SOURCE: findings with maps, a Markdown paper and a CSV."""
    from graphmodel.report import write_report

    written = write_report(open_network(source, dataset), out, **review_settings(
        rules_file, org=org, as_of=as_of, pseudonymise=pseudonymise))
    click.echo(f"wrote {', '.join(str(p) for p in written.values())}", err=True)


@main.group()
def neo4j() -> None:
    """A local Neo4j 5.26 server for development and tests (assembled from Maven Central)."""


def server_options(fn: Callable) -> Callable:
    fn = click.option("--dir", "root", type=click.Path(file_okay=False), default=None,
                      help="Cache directory for the server's jars and data "
                           "(default: $GRAPHMODEL_HOME or ~/.cache/graphmodel).")(fn)
    return click.option("--port", type=click.IntRange(1, 65535), default=7687,
                        show_default=True, help="Bolt port on 127.0.0.1.")(fn)


@neo4j.command()
@server_options
@click.option("--fresh", is_flag=True, help="Delete this instance's data first.")
@fail_cleanly
def start(port: int, root: str | None, fresh: bool) -> None:
    """Start a local server bound to 127.0.0.1 and print NEO4J_URI=... when Bolt answers.

    Auth is on when NEO4J_PASSWORD is set (it becomes the initial password of
    user neo4j); otherwise the server runs without auth, for development only.
    """
    import os
    from graphmodel.store import server

    click.echo(f"starting Neo4j {server.NEO4J_VERSION} (the first start downloads it "
               "from Maven Central)...", err=True)
    info = server.start(port, root, password=os.environ.get("NEO4J_PASSWORD"), fresh=fresh)
    click.echo(f"NEO4J_URI={info.uri}")


@neo4j.command()
@server_options
@fail_cleanly
def stop(port: int, root: str | None) -> None:
    """Stop the local server on a port."""
    from graphmodel.store import server

    click.echo("stopped" if server.stop(port, root) else f"no local server on port {port}",
               err=True)


@neo4j.command()
@server_options
@fail_cleanly
def status(port: int, root: str | None) -> None:
    """Say whether the local server on a port is running (exit 1 if not)."""
    from graphmodel.store import server

    info = server.status(port, root)
    if not info:
        click.echo(f"no local server running on port {port}")
        sys.exit(1)
    click.echo(f"running: NEO4J_URI={info.uri} (pid {info.pid}, auth "
               f"{'on' if info.auth else 'off'}, data in {info.home})")


if __name__ == "__main__":  # pragma: no cover
    main(prog_name="graphmodel")
