/* graphmodel maps: draws each map section of the page on a canvas.
 *
 * Positions come from Python, so there is no physics: the first frame is the final
 * drawing, and each frame draws every link of a kind, then every node of a look, as
 * one path. Every name, fact and finding reaches the page through textContent: user
 * data is never parsed as HTML.
 */
(function () {
  "use strict";
  var GM = (window.GM = window.GM || { maps: {} });
  var FADED = { fill: "#f4f4f4", border: "#cfcfcf", text: "#767676", edge: "#e3e3e3" };
  var RING = "#0055a4";
  // Line and outline patterns are too small to see on a zoomed-out big map, and cost the
  // most to draw: they are drawn from this zoom on (always on small maps).
  var PATTERN_SCALE = 0.7;
  var LABEL_PX = 5, READABLE_PX = 10, FEW = 150, FONT_SIZE = 14, LINE_HEIGHT = 16, MIN_SCALE = 0.02, MAX_SCALE = 6;

  function polygon(n, inner) {
    var points = [];
    for (var i = 0; i < n; i++) {
      var a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      var r = inner && i % 2 ? inner : 1;
      points.push([Math.cos(a) * r, Math.sin(a) * r]);
    }
    return points;
  }
  var SHAPES = {
    square: [[-1, -1], [1, -1], [1, 1], [-1, 1]],
    diamond: [[0, -1.3], [1.3, 0], [0, 1.3], [-1.3, 0]],
    hexagon: polygon(6),
    triangle: [[0, -1.25], [1.15, 0.75], [-1.15, 0.75]],
    triangleDown: [[-1.15, -0.75], [1.15, -0.75], [0, 1.25]],
    star: polygon(10, 0.45).map(function (p) { return [p[0] * 1.3, p[1] * 1.3]; })
  };

  function shapePath(ctx, shape, x, y, r) {
    var points = SHAPES[shape];
    if (!points) {
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    }
    ctx.moveTo(x + points[0][0] * r, y + points[0][1] * r);
    for (var i = 1; i < points.length; i++) ctx.lineTo(x + points[i][0] * r, y + points[i][1] * r);
    ctx.closePath();
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  /* A description of a node or a link, as text, into a container. */
  function describe(box, data, item, isEdge) {
    box.textContent = "";
    var title = isEdge
      ? data.byId[item.from].name + " \u2014 " + item.label + " \u2014 " + data.byId[item.to].name
      : item.name;
    box.appendChild(el("p", title, "gm-title"));
    if (!isEdge) box.appendChild(el("p", item.type + ": " + item.kind, "gm-kind"));
    if (item.facts.length) {
      var dl = el("dl");
      item.facts.forEach(function (fact) {
        dl.appendChild(el("dt", fact[0]));
        dl.appendChild(el("dd", fact[1]));
      });
      box.appendChild(dl);
    }
    (item.findings || []).forEach(function (i) {
      var f = data.findings[i];
      var div = el("div", null, "gm-finding");
      div.appendChild(el("p", f.severity + " (" + f.rule + "): " + f.message));
      if (f.evidence.length) {
        var ul = el("ul");
        f.evidence.forEach(function (e) { ul.appendChild(el("li", "Evidence: " + e)); });
        div.appendChild(ul);
      }
      if (f.standard) div.appendChild(el("p", "Standard: " + f.standard, "gm-standard"));
      box.appendChild(div);
    });
  }

  /* ------------------------------------------------------------------ the drawing */

  function Drawing(box, data) {
    this.box = box;
    this.data = data;
    this.canvas = document.createElement("canvas");
    box.appendChild(this.canvas);
    this.ctx = this.canvas.getContext("2d");
    this.scale = 1; this.tx = 0; this.ty = 0; this.width = 0; this.height = 0;
    this.near = null; this.touch = null; this.selected = null;
    this.drawn = { nodes: 0, edges: 0 };
    this.pending = false;
    this.index();
  }

  Drawing.prototype.index = function () {
    var nodes = this.data.nodes, cell = 60, grid = {}, biggest = 0;
    nodes.forEach(function (n, i) {
      n.i = i;
      n.lines = n.label.split("\n");
      var key = Math.floor(n.x / cell) + "," + Math.floor(n.y / cell);
      (grid[key] = grid[key] || []).push(n);
      biggest = Math.max(biggest, n.size);
    });
    this.grid = grid; this.cell = cell; this.biggest = biggest;
    var byRel = {};
    this.data.edges.forEach(function (e, i) {
      e.i = i;
      e.a = this.data.byId[e.from];
      e.b = this.data.byId[e.to];
      (byRel[e.rel] = byRel[e.rel] || []).push(e);
    }, this);
    this.byRel = byRel;
    var byLook = {};
    nodes.forEach(function (n) { (byLook[n.look] = byLook[n.look] || []).push(n); });
    this.byLook = byLook;
  };

  Drawing.prototype.resize = function () {
    var w = this.box.clientWidth, h = this.box.clientHeight;
    if (!w || !h) return false;
    var ratio = window.devicePixelRatio || 1;
    if (w !== this.width || h !== this.height) {
      var first = !this.width;
      this.width = w; this.height = h; this.ratio = ratio;
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
      this.canvas.style.width = w + "px";
      this.canvas.style.height = h + "px";
      if (first) this.fit();
    }
    return true;
  };

  Drawing.prototype.fit = function () {
    var shown = this.data.nodes.filter(function (n) { return !n.hidden; });
    if (!shown.length || !this.width) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.size - 40); x1 = Math.max(x1, n.x + n.size + 40);
      y0 = Math.min(y0, n.y - n.size - 10); y1 = Math.max(y1, n.y + n.size + 40);
    });
    var s = Math.min(this.width / (x1 - x0), this.height / (y1 - y0)) * 0.95;
    this.scale = Math.max(MIN_SCALE, Math.min(1.5, s));
    this.tx = this.width / 2 - ((x0 + x1) / 2) * this.scale;
    this.ty = this.height / 2 - ((y0 + y1) / 2) * this.scale;
    this.redraw();
  };

  /* Redraw on the next frame. Moving or zooming only (no change to what is shown) first
   * moves the last full drawing, which is quick however big the map, and draws in full
   * once the movement pauses. */
  Drawing.prototype.redraw = function (changed) {
    var self = this;
    if (changed !== false) this.changed = true;
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(function () {
      self.pending = false;
      if (self.changed || !self.snapshot || !self.data.big) self.draw();
      else self.glance();
    });
  };

  Drawing.prototype.glance = function () {
    var snap = this.snapshot, k = this.scale / snap.scale, r = this.ratio, ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(snap.canvas, (this.tx - snap.tx * k) * r, (this.ty - snap.ty * k) * r,
                  snap.canvas.width * k, snap.canvas.height * k);
    var self = this;
    clearTimeout(this.settle);
    this.settle = setTimeout(function () { self.redraw(true); }, 150);
  };

  Drawing.prototype.keep = function () {
    var snap = this.snapshot || { canvas: document.createElement("canvas") };
    snap.canvas.width = this.canvas.width;
    snap.canvas.height = this.canvas.height;
    snap.canvas.getContext("2d").drawImage(this.canvas, 0, 0);
    snap.scale = this.scale; snap.tx = this.tx; snap.ty = this.ty;
    this.snapshot = snap;
  };

  Drawing.prototype.visible = function (e) { return !e.a.hidden && !e.b.hidden; };

  Drawing.prototype.draw = function () {
    if (!this.resize()) return;
    var ctx = this.ctx, s = this.scale, r = this.ratio;
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.setTransform(r * s, 0, 0, r * s, r * this.tx, r * this.ty);
    var patterns = !this.data.big || s >= PATTERN_SCALE;
    this.drawn = { nodes: 0, edges: 0 };
    if (this.near) this.drawEdges(ctx, true, patterns);
    this.drawEdges(ctx, false, patterns);
    if (this.near) this.drawNodes(ctx, true, patterns);
    this.drawNodes(ctx, false, patterns);
    // a small map labels every node readably; a big one once zoomed in far enough
    var font = this.data.nodes.length <= FEW ? Math.max(FONT_SIZE, READABLE_PX / s) : FONT_SIZE;
    if (font * s >= LABEL_PX) this.drawLabels(ctx, font);
    if (this.selected) {
      ctx.beginPath();
      ctx.setLineDash([]);
      ctx.arc(this.selected.x, this.selected.y, this.selected.size + 7, 0, 2 * Math.PI);
      ctx.lineWidth = 3 / s;
      ctx.strokeStyle = RING;
      ctx.stroke();
    }
    this.changed = false;
    if (this.data.big) this.keep();
    if (this.onDraw) this.onDraw();
  };

  Drawing.prototype.drawEdges = function (ctx, faded, patterns) {
    var s = this.scale;
    Object.keys(this.byRel).forEach(function (rel) {
      var look = this.data.edgeLooks[rel], heads = [];
      var batches = {};
      this.byRel[rel].forEach(function (e) {
        if (!this.visible(e) || (this.near && faded === !!this.touch[e.i])) return;
        if (!this.near && faded) return;
        var w = e.width || look.width;
        (batches[w] = batches[w] || []).push(e);
      }, this);
      Object.keys(batches).forEach(function (w) {
        ctx.beginPath();
        batches[w].forEach(function (e) {
          var end = this.edgePath(ctx, e, look.curved);
          if (look.arrow) heads.push(end);
          this.drawn.edges += 1;
        }, this);
        ctx.setLineDash(patterns && look.dashes ? dashes(look.dashes, s) : []);
        ctx.lineWidth = Math.max(Number(w), 1 / s);
        ctx.strokeStyle = faded ? FADED.edge : look.color;
        ctx.stroke();
      }, this);
      if (heads.length) {
        ctx.beginPath();
        heads.forEach(function (h) { arrowHead(ctx, h, Math.max(8, look.width * 3)); });
        ctx.fillStyle = faded ? FADED.edge : look.color;
        ctx.fill();
      }
    }, this);
  };

  /* Adds a link's line to the path; returns where its arrow goes and which way it points. */
  Drawing.prototype.edgePath = function (ctx, e, curved) {
    var a = e.a, b = e.b, dx = b.x - a.x, dy = b.y - a.y;
    var length = Math.sqrt(dx * dx + dy * dy) || 1;
    ctx.moveTo(a.x, a.y);
    var fromX = a.x, fromY = a.y;
    if (curved) {
      fromX = (a.x + b.x) / 2 - dy * 0.2;
      fromY = (a.y + b.y) / 2 + dx * 0.2;
      ctx.quadraticCurveTo(fromX, fromY, b.x, b.y);
    } else {
      ctx.lineTo(b.x, b.y);
    }
    var ux = b.x - fromX, uy = b.y - fromY, u = Math.sqrt(ux * ux + uy * uy) || length;
    var back = b.size + 3;
    return { x: b.x - (ux / u) * back, y: b.y - (uy / u) * back, ux: ux / u, uy: uy / u };
  };

  /* A pattern never drawn smaller on screen than the legend shows it. */
  function dashes(pattern, scale) {
    var k = Math.max(1, 1 / scale);
    return pattern.map(function (d) { return d * k; });
  }

  function arrowHead(ctx, h, size) {
    var px = -h.uy, py = h.ux;
    ctx.moveTo(h.x, h.y);
    ctx.lineTo(h.x - h.ux * size + px * size * 0.45, h.y - h.uy * size + py * size * 0.45);
    ctx.lineTo(h.x - h.ux * size - px * size * 0.45, h.y - h.uy * size - py * size * 0.45);
    ctx.closePath();
  }

  Drawing.prototype.drawNodes = function (ctx, faded, patterns) {
    var s = this.scale;
    Object.keys(this.byLook).forEach(function (key) {
      var look = this.data.looks[key];
      ctx.beginPath();
      var any = false;
      this.byLook[key].forEach(function (n) {
        if (n.hidden || (this.near ? faded === !!this.near[n.i] : faded)) return;
        shapePath(ctx, look.shape, n.x, n.y, n.size);
        this.drawn.nodes += 1;
        any = true;
      }, this);
      if (!any) return;
      ctx.fillStyle = faded ? FADED.fill : look.fill;
      ctx.fill();
      ctx.setLineDash(patterns && look.dashes ? look.dashes : []);
      ctx.lineWidth = Math.max(look.width, 1 / s);
      ctx.strokeStyle = faded ? FADED.border : look.border;
      ctx.stroke();
    }, this);
  };

  Drawing.prototype.drawLabels = function (ctx, font) {
    var lineHeight = font * LINE_HEIGHT / FONT_SIZE;
    ctx.setLineDash([]);
    ctx.font = font + "px " + this.data.font;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = font / 4;
    ctx.strokeStyle = "#ffffff";
    var x0 = -this.tx / this.scale, y0 = -this.ty / this.scale;
    var x1 = x0 + this.width / this.scale, y1 = y0 + this.height / this.scale;
    this.data.nodes.forEach(function (n) {
      if (n.hidden || n.x < x0 - 200 || n.x > x1 + 200 || n.y < y0 - 100 || n.y > y1 + 100) return;
      ctx.fillStyle = this.near && !this.near[n.i] ? FADED.text : "#1a1a1a";
      var top = n.y + n.size * 1.3 + 4;
      n.lines.forEach(function (line, k) {
        ctx.strokeText(line, n.x, top + k * lineHeight);
        ctx.fillText(line, n.x, top + k * lineHeight);
      });
    }, this);
  };

  Drawing.prototype.world = function (px, py) {
    return { x: (px - this.tx) / this.scale, y: (py - this.ty) / this.scale };
  };

  Drawing.prototype.nodeAt = function (px, py) {
    var p = this.world(px, py), reach = this.biggest * 1.3 + 4 / this.scale;
    var best = null, bestD = Infinity, cell = this.cell;
    for (var cx = Math.floor((p.x - reach) / cell); cx <= Math.floor((p.x + reach) / cell); cx++) {
      for (var cy = Math.floor((p.y - reach) / cell); cy <= Math.floor((p.y + reach) / cell); cy++) {
        (this.grid[cx + "," + cy] || []).forEach(function (n) {
          var d = Math.sqrt((n.x - p.x) * (n.x - p.x) + (n.y - p.y) * (n.y - p.y));
          if (!n.hidden && d <= n.size * 1.3 + 4 / this.scale && d < bestD) { best = n; bestD = d; }
        }, this);
      }
    }
    return best;
  };

  Drawing.prototype.edgeAt = function (px, py) {
    var p = this.world(px, py), reach = 5 / this.scale, best = null, bestD = reach;
    this.data.edges.forEach(function (e) {
      if (!this.visible(e)) return;
      var dx = e.b.x - e.a.x, dy = e.b.y - e.a.y, l2 = dx * dx + dy * dy || 1;
      var t = Math.max(0, Math.min(1, ((p.x - e.a.x) * dx + (p.y - e.a.y) * dy) / l2));
      var qx = e.a.x + t * dx - p.x, qy = e.a.y + t * dy - p.y, d = Math.sqrt(qx * qx + qy * qy);
      if (d < bestD) { best = e; bestD = d; }
    }, this);
    return best;
  };

  Drawing.prototype.zoom = function (factor, px, py) {
    var s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, this.scale * factor));
    this.tx = px - ((px - this.tx) * s) / this.scale;
    this.ty = py - ((py - this.ty) * s) / this.scale;
    this.scale = s;
    this.redraw(false);
  };

  Drawing.prototype.centre = function (n, scale) {
    this.scale = Math.max(this.scale, scale);
    this.tx = this.width / 2 - n.x * this.scale;
    this.ty = this.height / 2 - n.y * this.scale;
    this.redraw();
  };

  /* ------------------------------------------------------------------ one map section */

  function init(section) {
    if (section.gmReady) return GM.maps[section.id];
    section.gmReady = true;
    var data = JSON.parse(section.querySelector("script.gm-data").textContent);
    data.byId = {};
    data.nodes.forEach(function (n) { data.byId[n.id] = n; });
    data.edgeById = {};
    data.edges.forEach(function (e) { data.edgeById[e.id] = e; });

    var box = section.querySelector(".gm-canvas");
    var tooltip = section.querySelector(".gm-tooltip");
    var details = section.querySelector(".gm-details");
    var status = section.querySelector(".gm-status");
    var map = new Drawing(box, data);
    var around = {};
    data.edges.forEach(function (e) {
      (around[e.from] = around[e.from] || []).push(e);
      (around[e.to] = around[e.to] || []).push(e);
    });
    var state = { matches: [], next: 0, query: null };

    map.onDraw = function () {
      map.onDraw = null;
      section.setAttribute("data-drawn", "yes");
      if (window.performance && performance.mark) performance.mark("graphmodel-first-paint");
    };

    function select(id, move) {
      var n = data.byId[id];
      if (!n) return;
      map.near = {}; map.touch = {};
      map.near[n.i] = true;
      (around[id] || []).forEach(function (e) {
        map.touch[e.i] = true;
        map.near[e.a.i] = true;
        map.near[e.b.i] = true;
      });
      map.selected = n;
      if (move) map.centre(n, 0.9);
      map.redraw();
      describe(details, data, n, false);
      section.setAttribute("data-selected", id);
    }

    function clear() {
      map.near = map.touch = map.selected = null;
      map.redraw();
      details.textContent = "Nothing selected.";
      section.removeAttribute("data-selected");
    }

    function showTip(item, isEdge, px, py) {
      describe(tooltip, data, item, isEdge);
      tooltip.hidden = false;
      tooltip.style.left = Math.max(0, Math.min(px + 14, box.clientWidth - 260)) + "px";
      tooltip.style.top = py + 14 + "px";
    }

    var drag = null;
    box.addEventListener("pointerdown", function (ev) {
      drag = { x: ev.offsetX, y: ev.offsetY, tx: map.tx, ty: map.ty, moved: false };
      box.setPointerCapture(ev.pointerId);
    });
    box.addEventListener("pointermove", function (ev) {
      if (drag) {
        var dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
        if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
          drag.moved = true;
          tooltip.hidden = true;
          map.tx = drag.tx + dx; map.ty = drag.ty + dy;
          map.redraw(false);
        }
        return;
      }
      var n = map.nodeAt(ev.offsetX, ev.offsetY);
      var e = n ? null : map.edgeAt(ev.offsetX, ev.offsetY);
      box.style.cursor = n || e ? "pointer" : "grab";
      if (n) showTip(n, false, ev.offsetX, ev.offsetY);
      else if (e) showTip(e, true, ev.offsetX, ev.offsetY);
      else tooltip.hidden = true;
    });
    box.addEventListener("pointerup", function (ev) {
      var click = drag && !drag.moved;
      drag = null;
      if (!click) return;
      var n = map.nodeAt(ev.offsetX, ev.offsetY);
      var e = n ? null : map.edgeAt(ev.offsetX, ev.offsetY);
      if (n) select(n.id, false);
      else if (e) describe(details, data, e, true);
      else clear();
    });
    box.addEventListener("pointerleave", function () { if (!drag) tooltip.hidden = true; });
    box.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      map.zoom(Math.exp(-ev.deltaY * 0.0015), ev.offsetX, ev.offsetY);
    }, { passive: false });
    box.addEventListener("keydown", function (ev) {
      var step = 60, handled = true;
      if (ev.key === "ArrowLeft") map.tx += step;
      else if (ev.key === "ArrowRight") map.tx -= step;
      else if (ev.key === "ArrowUp") map.ty += step;
      else if (ev.key === "ArrowDown") map.ty -= step;
      else if (ev.key === "+" || ev.key === "=") map.zoom(1.25, map.width / 2, map.height / 2);
      else if (ev.key === "-" || ev.key === "_") map.zoom(0.8, map.width / 2, map.height / 2);
      else if (ev.key === "0") map.fit();
      else if (ev.key === "Escape") clear();
      else handled = false;
      if (handled) { ev.preventDefault(); map.redraw(false); }
    });

    function say(text) { status.textContent = text; }

    function find(query) {
      var q = query.trim().toLowerCase();
      if (!q) { say("Type part of a name to find it."); return; }
      if (state.query !== q) {
        state.query = q;
        state.next = 0;
        state.matches = data.nodes.filter(function (n) {
          return !n.hidden && n.name.toLowerCase().indexOf(q) >= 0;
        }).map(function (n) { return n.id; });
      }
      if (!state.matches.length) { say("No node on the map matches \u201c" + query.trim() + "\u201d."); return; }
      var k = state.next % state.matches.length, id = state.matches[k];
      say((state.matches.length === 1 ? "1 match: " : "Match " + (k + 1) + " of " +
           state.matches.length + " (Find again for the next): ") + data.byId[id].name);
      state.next += 1;
      select(id, true);
    }
    section.querySelector(".gm-search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      find(section.querySelector(".gm-search input").value);
    });

    function visible() {
      return data.nodes.filter(function (n) { return !n.hidden; }).length;
    }
    section.querySelectorAll(".gm-filters input").forEach(function (check) {
      check.addEventListener("change", function () {
        var group = check.getAttribute("data-group");
        data.nodes.forEach(function (n) { if (n.group === group) n.hidden = !check.checked; });
        state.query = null;
        map.redraw();
        say("Showing " + visible() + " of " + data.nodes.length + " nodes.");
      });
    });
    section.querySelector(".gm-reset").addEventListener("click", function () {
      section.querySelectorAll(".gm-filters input").forEach(function (b) { b.checked = true; });
      data.nodes.forEach(function (n) { n.hidden = false; });
      state.query = null;
      clear();
      map.fit();
      say("Showing all " + data.nodes.length + " nodes.");
    });
    if (window.ResizeObserver) new ResizeObserver(function () { map.redraw(); }).observe(box);

    var api = {
      data: data, select: select, clear: clear, find: find, visible: visible,
      refresh: function () { map.resize(); map.fit(); },
      drawn: function () { return [map.drawn.nodes, map.drawn.edges]; },
      screen: function (id) { var n = data.byId[id]; return { x: n.x * map.scale + map.tx, y: n.y * map.scale + map.ty }; },
      fill: function (id) { var n = data.byId[id]; return map.near && !map.near[n.i] ? FADED.fill : data.looks[n.look].fill; },
      view: function (x, y, scale) {
        map.scale = scale; map.tx = map.width / 2 - x * scale; map.ty = map.height / 2 - y * scale;
        map.redraw(false);
      },
      scale: function () { return map.scale; }
    };
    GM.maps[section.id] = api;
    map.draw();
    return api;
  }

  /* Buttons anywhere on the page ("Show on map") select a node and bring its map into view. */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.gm-show") : null;
    if (!button) return;
    var section = document.getElementById(button.getAttribute("data-map"));
    if (!section) return;
    if (typeof GM.reveal === "function") GM.reveal(section);
    section.scrollIntoView({ block: "start" });
    var api = init(section);
    api.refresh();
    api.select(button.getAttribute("data-node"), true);
    section.querySelector(".gm-canvas").focus();
  });

  GM.init = init;
  var lazy = [];
  document.querySelectorAll("[data-gm-map]").forEach(function (section) {
    if (section.hasAttribute("data-lazy")) lazy.push(section);
    else init(section);
  });
  if (lazy.length && "IntersectionObserver" in window) {
    var watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { watcher.unobserve(entry.target); init(entry.target); }
      });
    }, { rootMargin: "200px" });
    lazy.forEach(function (s) { watcher.observe(s); });
  } else {
    lazy.forEach(init);
  }
})();
