"""Benchmark: first paint and panning of a 2,000-node map in headless Chromium, against
pyvis's defaults, in the same run.

    python benchmarks/maps.py                 # three runs of each
    python benchmarks/maps.py --runs 5 --keep out/

Generates a synthetic network (:func:`graphmodel.generate.generate`) whose whole
network view has close to :data:`graphmodel.maps.MAX_NODES` nodes, writes it

* as graphmodel's map (a pyvis Network drawn by vis-network, positions computed
  in Python, physics off, names of minor nodes shown on zoom, links hidden while
  the map is dragged), and
* as pyvis writes the same nodes and links with its defaults (physics on,
  stabilisation first), its scripts inlined (``cdn_resources="in_line"``) since
  its default of loading them from the web cannot work offline,

then opens each in the same headless Chromium (Debian's chromium) at 1366x768
and measures **first paint**: from the start of navigation to the end of the
first frame in which the network's canvas drew anything (a hook on the canvas's
fill and stroke, the same for both pages), and **panning**: the mean time between
frames while the mouse drags the map 30 steps. It also reports how long
graphmodel took to lay the map out and write it, the machine's load average before
and after (the figures are wall-clock times, slowed by any other work), and the CPU
time graphmodel's page spent on its main thread until first paint (from Chromium's
trace, in a visit of its own: a figure other work hardly changes).
Targets: graphmodel's first paint <= 1 s and panning <= 33 ms a frame in every
run. Exits 0 when every run meets them.

Beside it, first the maps of a council of a real council's size (the generator's council
profile, :func:`graphmodel.generate.council.council_network`: about 40 committees, 60 to
120 outside bodies, 50 to 80 councillors, 400 to 800 seats): its representation and
overlaps views (its people folded into its bodies, the view with them in the same page),
its whole network and its accountability view, each measured the same way against the
same targets. ``--council-only`` measures these alone.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import verdict  # noqa: E402

TARGET_SECONDS = 1.0
TARGET_FRAME_MS = 33.0

# Runs before any script of the page: the first canvas fill or stroke marks the frame in
# which the network is first drawn; the next animation frame is after it has been painted.
FIRST_PAINT_HOOK = """
window.__firstPaint = null;
(function () {
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ["fill", "stroke"]) {
    const original = proto[name];
    proto[name] = function () {
      if (window.__firstPaint === null) {
        window.__firstPaint = -1;
        requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
      }
      return original.apply(this, arguments);
    };
  }
})();
"""

# Records the time of every animation frame until told to stop.
FRAME_CLOCK = """
window.__frames = []; window.__clock = true;
(function tick() {
  if (!window.__clock) return;
  window.__frames.push(performance.now());
  requestAnimationFrame(tick);
})();
"""
MEAN_FRAME = """
(() => {
  window.__clock = false;
  const t = window.__frames;
  return (t[t.length - 1] - t[0]) / Math.max(1, t.length - 1);
})()
"""


def pan(page) -> float:
    """Drag the map with the mouse, 30 steps; the mean time between frames meanwhile (ms)."""
    box = page.locator("canvas").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.evaluate(FRAME_CLOCK)
    for i in range(1, 31):
        page.mouse.move(x + 8 * i, y + 4 * i)
        page.wait_for_timeout(16)
    frame = page.evaluate(MEAN_FRAME)
    page.mouse.up()
    return frame


def build(out: Path, bodies: int, people: int, seed: int) -> tuple[Path, Path, int, int, float]:
    """Write graphmodel's map and pyvis's page of the same network; returns their paths,
    the node and link counts, and graphmodel's build time."""
    from pyvis.network import Network as PyvisNetwork

    from graphmodel import open_source
    from graphmodel.generate import AS_OF, generate
    from graphmodel.maps import make_map, write_map

    generate(out / "network", bodies=bodies, people=people, seed=seed)
    network = open_source(out / "network")
    started = time.perf_counter()
    m = make_map(network, "network", as_of=AS_OF)
    if m.notice:
        raise SystemExit(f"choose fewer --bodies or --people: {m.notice}")
    ours = write_map(m, out / "graphmodel.html")
    built = time.perf_counter() - started
    page = PyvisNetwork(cdn_resources="in_line")
    for n in m.nodes:
        page.add_node(n.key, label=n.label.replace("\n", " "),
                      title="; ".join(f"{k}: {v}" for k, v in n.facts))
    for e in m.edges:
        page.add_edge(e.source, e.target)
    theirs = out / "pyvis.html"
    page.write_html(str(theirs))
    return ours, theirs, len(m.nodes), len(m.edges), built


def measure(browser, path: Path, timeout: float) -> tuple[float | None, float | None, int, int]:
    """First paint (s), mean pan frame (ms), nodes drawn and requests to other hosts."""
    # the hook and the polling run as page scripts: let them past graphmodel's policy
    context = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("file:") or outside.append(r.url))
    page.add_init_script(FIRST_PAINT_HOOK)
    page.goto(path.as_uri(), wait_until="commit")
    try:
        page.wait_for_function("window.__firstPaint > 0", timeout=timeout * 1000, polling=50)
    except Exception:  # noqa: BLE001 - a page that never paints is a result, not a crash
        context.close()
        return None, None, 0, len(outside)
    first = page.evaluate("window.__firstPaint") / 1000
    drawn = page.evaluate("window.GM ? Object.values(GM.maps)[0].drawn()[0] "
                          ": window.network.body.nodeIndices.length")
    frame = pan(page)
    context.close()
    return first, frame, drawn, len(outside)


def _load() -> str:
    """The machine's load average over 1, 5 and 15 minutes: other work slows the browser."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"


def main_thread_cpu(browser, path: Path) -> float | None:
    """CPU time (s) the page's main thread spent from the start of loading to the end of
    the first frame with the network drawn, from Chromium's own trace (a visit of its own,
    since tracing slows the page): unlike the wall-clock first paint, other work on the
    machine hardly changes it."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(FIRST_PAINT_HOOK)
    browser.start_tracing(page=page, categories=["devtools.timeline",
                                                 "disabled-by-default-devtools.timeline"])
    page.goto(path.as_uri(), wait_until="commit")
    try:
        page.wait_for_function("window.__firstPaint > 0", timeout=60_000, polling=50)
    except Exception:  # noqa: BLE001 - no paint, no figure
        browser.stop_tracing()
        context.close()
        return None
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    parse = next(e for e in events if e.get("name") == "ParseHTML")
    painted = max(e["ts"] + e.get("dur", 0) for e in events
                  if e.get("name") == "FireAnimationFrame" and e["tid"] == parse["tid"]
                  and e["pid"] == parse["pid"])
    tasks = [e for e in events if e.get("name") == "RunTask" and e["tid"] == parse["tid"]
             and e["pid"] == parse["pid"] and e["ts"] <= painted]
    return sum(e.get("tdur", 0) for e in tasks) / 1e6


COUNCIL_VIEWS = ("representation", "overlaps", "network", "accountability")


def build_council(out: Path, seed: int) -> list[tuple[str, Path, int, int, float]]:
    """Write the council profile's maps; each view's name, path, node and link counts (of
    what the page draws first) and build time."""
    from graphmodel.generate.council import council_network
    from graphmodel.maps import make_map, write_map

    network = council_network(seed)
    rows = []
    for view in COUNCIL_VIEWS:
        started = time.perf_counter()
        m = make_map(network, view)
        path = write_map(m, out / f"council-{view}.html")
        rows.append((view, path, len(m.nodes), len(m.edges), time.perf_counter() - started))
    return rows


def councils(chromium: str, out: Path, runs: int, seed: int) -> bool:
    """Measure the council profile's maps; whether every run met the targets."""
    from playwright.sync_api import sync_playwright

    rows = build_council(out, seed)
    ok = True
    slowest, slowest_frame = 0.0, 0.0
    with sync_playwright() as p:
        args_ = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        browser = p.chromium.launch(executable_path=chromium, args=args_)
        for view, path, nodes, links, built in rows:
            firsts, frames = [], []
            for _ in range(runs):
                first, frame, drawn, outside = measure(browser, path, 60.0)
                ok = ok and first is not None and first <= TARGET_SECONDS \
                    and frame is not None and frame <= TARGET_FRAME_MS and drawn == nodes \
                    and outside == 0
                firsts.append(first or float("inf"))
                frames.append(frame or float("inf"))
            slowest, slowest_frame = max(slowest, *firsts), max(slowest_frame, *frames)
            print(f"council {view:<15} {nodes:>4} nodes {links:>5} links; built in "
                  f"{built:5.1f} s ({path.stat().st_size / 2**20:.1f} MiB); first paint median "
                  f"{statistics.median(firsts):.2f} s (max {max(firsts):.2f}); pan frame "
                  f"median {statistics.median(frames):.0f} ms (max {max(frames):.0f})")
        browser.close()
    return verdict(f"council maps: slowest first paint {slowest:.2f} s, slowest pan frame "
                   f"{slowest_frame:.0f} ms ({len(rows)} maps, {runs} runs each)",
                   f"first paint <= {TARGET_SECONDS:.0f} s and panning <= {TARGET_FRAME_MS:.0f} "
                   "ms a frame in every run, every node drawn, nothing fetched from elsewhere",
                   ok)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bodies", type=int, default=160)
    parser.add_argument("--people", type=int, default=1780)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Keep the generated pages in this directory.")
    parser.add_argument("--pyvis-timeout", type=float, default=180.0,
                        help="Seconds to wait for pyvis's page to paint.")
    parser.add_argument("--council-seed", type=int, default=0,
                        help="Seed of the council profile whose maps are measured first.")
    parser.add_argument("--council-only", action="store_true",
                        help="Measure the council profile's maps only, not the 2,000-node map.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("GRAPHMODEL_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("no chromium on PATH (make provision installs Debian's)", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="maps-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    sys.stdout.reconfigure(line_buffering=True)
    print(f"load average before: {_load()}")
    council_ok = councils(chromium, out, args.runs, args.council_seed)
    if args.council_only:
        print(f"load average after: {_load()}")
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        return 0 if council_ok else 1
    ours, theirs, nodes, links, built = build(out, args.bodies, args.people, args.seed)
    # results as they come: a pyvis run can take minutes
    print(f"network: {nodes:,} nodes, {links:,} links; graphmodel laid out and wrote its map "
          f"in {built:.1f} s ({ours.stat().st_size / 2**20:.1f} MiB); "
          f"pyvis page {theirs.stat().st_size / 2**20:.1f} MiB")
    results: dict[str, list[tuple]] = {"graphmodel": [], "pyvis defaults": []}
    cpus: list[float | None] = []
    with sync_playwright() as p:
        args_ = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        browser = p.chromium.launch(executable_path=chromium, args=args_)
        for run in range(1, args.runs + 1):
            for name, path, timeout in (("graphmodel", ours, 60.0),
                                        ("pyvis defaults", theirs, args.pyvis_timeout)):
                first, frame, drawn, outside = measure(browser, path, timeout)
                results[name].append((first, frame, drawn))
                shown = f"{first:.2f} s" if first else f"none within {timeout:.0f} s"
                pan = f"{frame:.0f} ms" if frame else "-"
                print(f"run {run}  {name:<16} first paint {shown:>18}   pan frame {pan:>7}   "
                      f"nodes drawn {drawn:,}   requests to other hosts {outside}")
            cpu = main_thread_cpu(browser, ours)
            cpus.append(cpu)
            print(f"run {run}  graphmodel       main thread's CPU until first paint "
                  f"{cpu:.2f} s" if cpu else "")
        browser.close()
    for name, rows in results.items():
        firsts = [r[0] for r in rows if r[0]]
        if firsts:
            frames = [r[1] for r in rows if r[1]]
            print(f"{name:<16} first paint median {statistics.median(firsts):.2f} s "
                  f"(min {min(firsts):.2f}, max {max(firsts):.2f}, {len(firsts)} of {len(rows)} "
                  f"runs painted); pan frame median {statistics.median(frames):.0f} ms "
                  f"(max {max(frames):.0f})")
        else:
            print(f"{name:<16} never painted")
    known = [c for c in cpus if c]
    if known:
        print(f"graphmodel       main thread's CPU until first paint median "
              f"{statistics.median(known):.2f} s (max {max(known):.2f})")
    print(f"load average after: {_load()}")
    ok = all(first is not None and first <= TARGET_SECONDS and frame <= TARGET_FRAME_MS
             and drawn == nodes for first, frame, drawn in results["graphmodel"])
    ours_first = [r[0] or float("inf") for r in results["graphmodel"]]
    ours_frame = [r[1] or float("inf") for r in results["graphmodel"]]
    painted = [r[0] for r in results["pyvis defaults"] if r[0]]
    anchor = (f"pyvis's defaults first paint median {statistics.median(painted):.2f} s"
              if painted else f"pyvis's defaults never painted within {args.pyvis_timeout:.0f} s")
    verdict(f"{nodes:,}-node map: slowest first paint {max(ours_first):.2f} s, slowest pan "
            f"frame {max(ours_frame):.0f} ms ({args.runs} runs)",
            f"first paint <= {TARGET_SECONDS:.0f} s and panning <= {TARGET_FRAME_MS:.0f} ms a "
            "frame in every run, every node drawn", ok, anchor)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0 if ok and council_ok else 1


if __name__ == "__main__":
    sys.exit(main())
