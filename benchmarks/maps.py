"""Benchmark: first paint of a 2,000-node map in headless Chromium, against pyvis's defaults.

    python benchmarks/maps.py                 # three runs of each
    python benchmarks/maps.py --runs 5 --keep out/

Generates a synthetic network (:func:`graphmodel.generate.generate`) whose whole
network view has close to :data:`graphmodel.maps.MAX_NODES` nodes, writes it

* as graphmodel's map (positions computed in Python, physics off), and
* as pyvis writes the same nodes and links with its defaults (physics on,
  stabilisation first), its scripts inlined (``cdn_resources="in_line"``) since
  its default of loading them from the web cannot work offline,

and graphmodel's ``--renderer pyvis`` page of a smaller network (just under the
renderer's limit of 1,000 nodes: ``--renderer-bodies``, ``--renderer-people``),
then opens each in the same headless Chromium (Debian's chromium) and measures
**first paint**: from the start of navigation to the end of the first frame in
which the network's canvas drew anything (a hook on the canvas's fill and stroke,
the same for both pages). It also measures the mean frame time while the map is
panned (how interactive it stays) and how long graphmodel took to lay it out.
Target: graphmodel's first paint within 2 s. Exits 0 when every run meets it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 2.0

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

# Pans the map 30 frames and returns the mean time between frames, in ms.
PAN_FRAMES = """
(async () => {
  const ours = window.GM ? Object.values(GM.maps)[0] : null;
  const net = window.network || (window.GMPyvis && Object.values(GMPyvis.maps)[0].network);
  const scale = ours ? ours.scale() : net.getScale();
  const times = [];
  for (let i = 0; i < 30; i++) {
    await new Promise(r => requestAnimationFrame(r));
    times.push(performance.now());
    if (ours) ours.view(15 * i, 10 * i, scale);
    else net.moveTo({ position: { x: 15 * i, y: 10 * i }, scale: scale, animation: false });
  }
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  return gaps.reduce((a, b) => a + b, 0) / gaps.length;
})()
"""


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


def build_pyvis_renderer(out: Path, bodies: int, people: int, seed: int) -> tuple[Path, int, int]:
    """graphmodel's map drawn by its pyvis renderer, of a network small enough for it."""
    from graphmodel import open_source
    from graphmodel.generate import AS_OF, generate
    from graphmodel.maps import make_map, write_map

    generate(out / "network-pyvis", bodies=bodies, people=people, seed=seed)
    m = make_map(open_source(out / "network-pyvis"), "network", as_of=AS_OF)
    return (write_map(m, out / "graphmodel-pyvis.html", renderer="pyvis"), len(m.nodes),
            len(m.edges))


def measure(browser, path: Path, timeout: float) -> tuple[float | None, float | None, int, int]:
    """First paint (s), mean pan frame (ms), nodes drawn and requests to other hosts."""
    # the hook and the polling run as page scripts: let them past graphmodel's policy
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
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
                          ": (window.network || Object.values(GMPyvis.maps)[0].network)"
                          ".body.nodeIndices.length")
    frame = page.evaluate(PAN_FRAMES)
    context.close()
    return first, frame, drawn, len(outside)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bodies", type=int, default=160)
    parser.add_argument("--people", type=int, default=1780)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Keep the generated pages in this directory.")
    parser.add_argument("--pyvis-timeout", type=float, default=180.0,
                        help="Seconds to wait for pyvis's page to paint.")
    parser.add_argument("--renderer-bodies", type=int, default=80,
                        help="Bodies of the smaller network drawn by --renderer pyvis, which "
                             "refuses maps of more than 1,000 nodes.")
    parser.add_argument("--renderer-people", type=int, default=860)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("GRAPHMODEL_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("no chromium on PATH (make provision installs Debian's)", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="maps-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    ours, theirs, nodes, links, built = build(out, args.bodies, args.people, args.seed)
    renderer, small_nodes, small_links = build_pyvis_renderer(
        out, args.renderer_bodies, args.renderer_people, args.seed)
    # results as they come: a pyvis run can take minutes
    sys.stdout.reconfigure(line_buffering=True)
    print(f"network: {nodes:,} nodes, {links:,} links; graphmodel laid out and wrote its map "
          f"in {built:.1f} s ({ours.stat().st_size / 2**20:.1f} MiB); "
          f"pyvis page {theirs.stat().st_size / 2**20:.1f} MiB; --renderer pyvis on a network "
          f"of {small_nodes:,} nodes and {small_links:,} links")
    results: dict[str, list[tuple]] = {"graphmodel": [], "pyvis defaults": [],
                                       "--renderer pyvis": []}
    with sync_playwright() as p:
        args_ = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        browser = p.chromium.launch(executable_path=chromium, args=args_)
        for run in range(1, args.runs + 1):
            for name, path, timeout in (("graphmodel", ours, 60.0),
                                        ("pyvis defaults", theirs, args.pyvis_timeout),
                                        ("--renderer pyvis", renderer, 60.0)):
                first, frame, drawn, outside = measure(browser, path, timeout)
                results[name].append((first, frame, drawn))
                shown = f"{first:.2f} s" if first else f"none within {timeout:.0f} s"
                pan = f"{frame:.0f} ms" if frame else "-"
                print(f"run {run}  {name:<16} first paint {shown:>18}   pan frame {pan:>7}   "
                      f"nodes drawn {drawn:,}   requests to other hosts {outside}")
        browser.close()
    ok = True
    for name, rows in results.items():
        firsts = [r[0] for r in rows if r[0]]
        if firsts:
            print(f"{name:<16} first paint median {statistics.median(firsts):.2f} s "
                  f"(min {min(firsts):.2f}, max {max(firsts):.2f}, {len(firsts)} of {len(rows)} "
                  "runs painted)")
        else:
            print(f"{name:<16} never painted")
    ours_first = [r[0] for r in results["graphmodel"]]
    ok = all(f is not None and f <= TARGET_SECONDS for f in ours_first) and \
        all(r[2] == nodes for r in results["graphmodel"])
    print(f"target: graphmodel's first paint <= {TARGET_SECONDS:.0f} s in every run: "
          f"{'met' if ok else 'NOT met'}")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
