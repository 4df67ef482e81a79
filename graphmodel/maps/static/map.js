/* graphmodel maps: draws each map section of the page with vis-network.
 *
 * Positions come from Python and physics stays off, so the first frame is the
 * final drawing. Every name, fact and finding is put on the page with
 * textContent: user data is never parsed as HTML.
 */
(function () {
  "use strict";
  var GM = (window.GM = window.GM || { maps: {} });
  var FADED = { background: "#f4f4f4", border: "#cfcfcf" };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function plain(label) {
    return label.replace("\u26a0 ", "").replace(/\n/g, " ");
  }

  /* A description of a node or a link, as text, into a container. */
  function describe(box, data, item, isEdge) {
    box.textContent = "";
    var nodesById = data.byId;
    var title = isEdge
      ? nodesById[item.from].name + " \u2014 " + item.label + " \u2014 " + nodesById[item.to].name
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

  /* Line and outline patterns cost the most to draw. On a big map they are too small to
   * see until one zooms in, so it draws them plain until then (PATTERN_SCALE). */
  var PATTERN_SCALE = 0.7;

  function FONT(data) {
    return { face: data.font, size: 14, color: "#1a1a1a", strokeWidth: 3, strokeColor: "#ffffff" };
  }

  /* Each look is a vis-network group, so a node carries only what is its own: the fewer
   * options per node, the faster vis-network builds a big map. */
  function visNodes(data, plain) {
    return data.nodes.map(function (n) {
      var node = { id: n.id, label: n.label, x: n.x, y: n.y, group: n.look };
      if (plain) node.shapeProperties = { borderDashes: false };
      if (n.size !== data.looks[n.look].size) node.size = n.size;
      return node;
    });
  }

  function visEdges(data, plain) {
    return data.edges.map(function (e) {
      var edge = Object.assign({}, data.edgeLooks[e.rel], { id: e.id, from: e.from, to: e.to });
      if (plain) edge.dashes = false;
      if (e.width) edge.width = e.width;
      return edge;
    });
  }

  function patterns(data, nodes, edges, on) {
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, shapeProperties: { borderDashes: on ? data.looks[n.look].shapeProperties.borderDashes : false } };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, dashes: on ? data.edgeLooks[e.rel].dashes : false };
    }));
  }

  function init(section) {
    if (section.gmReady) return GM.maps[section.id];
    section.gmReady = true;
    var data = JSON.parse(section.querySelector("script.gm-data").textContent);
    data.byId = {};
    data.nodes.forEach(function (n) { data.byId[n.id] = n; });
    data.edgeById = {};
    data.edges.forEach(function (e) { data.edgeById[e.id] = e; });

    var canvas = section.querySelector(".gm-canvas");
    var tooltip = section.querySelector(".gm-tooltip");
    var details = section.querySelector(".gm-details");
    var status = section.querySelector(".gm-status");
    var detailed = !data.big;
    var nodes = new vis.DataSet(visNodes(data, !detailed));
    var edges = new vis.DataSet(visEdges(data, !detailed));
    var network = new vis.Network(canvas, { nodes: nodes, edges: edges }, {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false },
      interaction: {
        hover: true, tooltipDelay: 200, navigationButtons: false, multiselect: false,
        keyboard: { enabled: true, bindToWindow: false },
        hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big
      },
      groups: data.looks,
      nodes: { font: FONT(data) },
      edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 }
    });
    var frame = canvas.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-roledescription", "network map");
      frame.setAttribute("aria-label", canvas.getAttribute("data-label") +
        ": arrow keys move the map, + and - zoom; the same nodes and links are listed in the tables below");
    }
    function checkDetail() {
      var near = network.getScale() >= PATTERN_SCALE;
      if (data.big && near !== detailed) { detailed = near; patterns(data, nodes, edges, near); }
    }
    network.on("zoom", checkDetail);
    network.once("afterDrawing", function () {
      section.setAttribute("data-drawn", "yes");
      if (window.performance && performance.mark) performance.mark("graphmodel-first-paint");
    });

    var state = { matches: [], next: 0, selected: null, hidden: {} };

    function restore() {
      nodes.update(data.nodes.map(function (n) {
        return { id: n.id, color: data.looks[n.look].color, font: FONT(data), hidden: !!state.hidden[n.id] };
      }));
      edges.update(visEdges(data).map(function (e) { return { id: e.id, color: e.color }; }));
    }

    function select(id, move) {
      if (!data.byId[id]) return;
      state.selected = id;
      var near = {};
      near[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
      var touching = {};
      network.getConnectedEdges(id).forEach(function (e) { touching[e] = true; });
      nodes.update(data.nodes.map(function (n) {
        if (near[n.id]) {
          var look = data.looks[n.look];
          return { id: n.id, color: look.color, font: { color: "#1a1a1a", strokeWidth: 3 } };
        }
        return { id: n.id, color: { background: FADED.background, border: FADED.border,
                                    highlight: FADED, hover: FADED },
                 font: { color: "#767676", strokeWidth: 0 } };
      }));
      edges.update(data.edges.map(function (e) {
        return touching[e.id] ? { id: e.id, color: data.edgeLooks[e.rel].color }
                              : { id: e.id, color: { color: "#e3e3e3", highlight: "#e3e3e3",
                                                      hover: "#e3e3e3", inherit: false } };
      }));
      network.selectNodes([id]);
      if (move) {
        network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
        checkDetail();
      }
      describe(details, data, data.byId[id], false);
      section.setAttribute("data-selected", id);
    }

    function clear() {
      state.selected = null;
      restore();
      network.unselectAll();
      details.textContent = "Nothing selected.";
      section.removeAttribute("data-selected");
    }

    network.on("click", function (p) {
      if (p.nodes.length) select(p.nodes[0], false);
      else if (p.edges.length) describe(details, data, data.edgeById[p.edges[0]], true);
      else clear();
    });
    function showTip(item, isEdge, p) {
      describe(tooltip, data, item, isEdge);
      tooltip.hidden = false;
      var x = p.pointer.DOM.x + 14, y = p.pointer.DOM.y + 14;
      tooltip.style.left = Math.min(x, canvas.clientWidth - 260) + "px";
      tooltip.style.top = y + "px";
    }
    network.on("hoverNode", function (p) { showTip(data.byId[p.node], false, p); });
    network.on("hoverEdge", function (p) { showTip(data.edgeById[p.edge], true, p); });
    network.on("blurNode", function () { tooltip.hidden = true; });
    network.on("blurEdge", function () { tooltip.hidden = true; });
    network.on("dragStart", function () { tooltip.hidden = true; });

    function say(text) { status.textContent = text; }

    function find(query) {
      var q = query.trim().toLowerCase();
      if (!q) { say("Type part of a name to find it."); return; }
      if (state.query !== q) {
        state.query = q;
        state.next = 0;
        state.matches = data.nodes.filter(function (n) {
          return !state.hidden[n.id] && n.name.toLowerCase().indexOf(q) >= 0;
        }).map(function (n) { return n.id; });
      }
      if (!state.matches.length) { say("No node on the map matches \u201c" + query.trim() + "\u201d."); return; }
      var id = state.matches[state.next % state.matches.length];
      say((state.matches.length === 1 ? "1 match: " : "Match " + (state.next % state.matches.length + 1) +
           " of " + state.matches.length + " (Find again for the next): ") + data.byId[id].name);
      state.next += 1;
      select(id, true);
    }
    section.querySelector(".gm-search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      find(section.querySelector(".gm-search input").value);
    });

    function visible() {
      return data.nodes.filter(function (n) { return !state.hidden[n.id]; }).length;
    }
    section.querySelectorAll(".gm-filters input").forEach(function (box) {
      box.addEventListener("change", function () {
        var group = box.getAttribute("data-group");
        data.nodes.forEach(function (n) { if (n.group === group) state.hidden[n.id] = !box.checked; });
        nodes.update(data.nodes.filter(function (n) { return n.group === group; })
          .map(function (n) { return { id: n.id, hidden: !box.checked }; }));
        say("Showing " + visible() + " of " + data.nodes.length + " nodes.");
      });
    });
    section.querySelector(".gm-reset").addEventListener("click", function () {
      state.hidden = {};
      section.querySelectorAll(".gm-filters input").forEach(function (b) { b.checked = true; });
      clear();
      network.fit({ animation: false });
      say("Showing all " + data.nodes.length + " nodes.");
    });
    canvas.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") clear();
    });

    var api = { network: network, nodes: nodes, edges: edges, data: data, select: select,
                clear: clear, find: find, visible: visible };
    GM.maps[section.id] = api;
    return api;
  }

  /* Buttons anywhere on the page ("Show on map") select a node and bring its map into view. */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.gm-show") : null;
    if (!button) return;
    var section = document.getElementById(button.getAttribute("data-map"));
    if (!section) return;
    if (typeof GM.reveal === "function") GM.reveal(section);
    var api = init(section);
    section.scrollIntoView({ block: "start" });
    api.select(button.getAttribute("data-node"), true);
    var frame = section.querySelector(".vis-network");
    if (frame) frame.focus();
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
