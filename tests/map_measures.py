"""What the browser tests measure on a map as vis-network draws it: every link drawn,
straight or curved, against the box of every name shown, its own ends' names too (only
the stretch of a line hidden under its own end's shape may meet that node's name), and
the names drawn under 12 px. The seed maps', the decks' and the review packs' tests all
take the same measure."""
from __future__ import annotations

from typing import Any

__all__ = ["CROSSINGS", "measure"]

CROSSINGS = r"""
(id => {
  const net = GM.maps[id].network, body = net.body, scale = net.getScale();
  const names = body.nodeIndices.map(k => body.nodes[k]).filter(n => n.options.label &&
    n.labelModule.visible()).map(n => ({id: n.id, l: n.labelModule.size.left,
      // (a name drawn above its shape is shifted by its font's vadjust when drawn)
      t: n.labelModule.size.top + n.labelModule.fontOptions.vadjust,
      r: n.labelModule.size.left + n.labelModule.size.width,
      b: n.labelModule.size.top + n.labelModule.fontOptions.vadjust + n.labelModule.size.height,
      font: n.labelModule.fontOptions.size * scale, shape: shapeBox(n)}));
  // where a node's shape covers the lines ending at it (a box, its name inside)
  function shapeBox(n) {
    if (n.options.shape === "box") return {l: n.shape.left, t: n.shape.top,
      r: n.shape.left + n.shape.width, b: n.shape.top + n.shape.height};
    const s = n.options.size;
    return {l: n.x - s, t: n.y - s, r: n.x + s, b: n.y + s};
  }
  // the stretch of the segment from p to q inside the box, if any (Liang and Barsky)
  function enters(p, q, b) {
    let t0 = 0, t1 = 1;
    const dx = q.x - p.x, dy = q.y - p.y;
    for (const [step, room] of [[-dx, p.x - b.l], [dx, b.r - p.x], [-dy, p.y - b.t],
                                [dy, b.b - p.y]]) {
      if (step === 0) { if (room < 0) return null; continue; }
      const r = room / step;
      if (step < 0) { if (r > t1) return null; t0 = Math.max(t0, r); }
      else { if (r < t0) return null; t1 = Math.min(t1, r); }
    }
    return t1 - t0 > 1e-6 ? [t0, t1] : null;
  }
  function under(p, q, [t0, t1], b) {   // is that stretch all under the shape?
    return [t0, t1].every(t => {
      const x = p.x + (q.x - p.x) * t, y = p.y + (q.y - p.y) * t;
      return x >= b.l - 1e-6 && x <= b.r + 1e-6 && y >= b.t - 1e-6 && y <= b.b + 1e-6;
    });
  }
  const crossings = [];
  body.edgeIndices.map(k => body.edges[k]).filter(e => e.connected && !e.options.hidden)
    .forEach(e => {
      const via = e.edgeType.via, path = [];
      for (let i = 0; i <= 48; i++) path.push(e.edgeType.getPoint(i / 48, via));
      names.forEach(n => {
        // every name, its own ends' too: only the stretch of a line hidden under its own
        // end's shape may meet that node's name (a name inside its box)
        const own = n.id === e.fromId || n.id === e.toId;
        for (let i = 0; i < path.length - 1; i++) {
          const stretch = enters(path[i], path[i + 1], n);
          if (stretch && !(own && under(path[i], path[i + 1], stretch, n.shape))) {
            crossings.push([e.id, n.id]);
            return;
          }
        }
      });
    });
  return {crossings: crossings, names: names.length,
          small: names.filter(n => n.font < 12).map(n => n.id)};
})
"""


def measure(visit: Any, map_id: str) -> dict:
    """The links crossing a name on the map ``map_id`` (pairs of link and node ids), how
    many names it shows, and the names under 12 px."""
    visit.drawn(map_id)
    return visit.page.evaluate(f"{CROSSINGS}({map_id!r})")
