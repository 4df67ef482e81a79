/* graphmodel maps: each map section of the page drawn by vis-network.
 *
 * Nodes, links and options come from pyvis, as JSON, with positions from Python
 * and physics off. Every name, fact and finding is put on the page as text
 * (textContent), never as markup: tooltips are DOM elements, so vis-network never
 * reads a name as HTML.
 */
(function () {
  "use strict";
  var GM = (window.GM = window.GM || { maps: {} });
  var FADED = { background: "#f4f4f4", border: "#cfcfcf", text: "#767676", edge: "#e3e3e3" };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  /* A description of a node or a link, as text, into a container ("about" holds the
   * map's findings). */
  function describe(box, about, info, isNode) {
    box.textContent = "";
    box.appendChild(el("p", info.name, "gm-title"));
    if (isNode) box.appendChild(el("p", info.type + ": " + info.kind, "gm-kind"));
    if (info.facts.length) {
      var dl = el("dl");
      info.facts.forEach(function (fact) {
        dl.appendChild(el("dt", fact[0]));
        dl.appendChild(el("dd", fact[1]));
      });
      box.appendChild(dl);
    }
    (info.findings || []).forEach(function (i) {
      var f = about.findings[i];
      var div = el("div", null, "gm-finding");
      div.appendChild(el("p", f.severity + " (" + f.rule + "): " + f.message));
      if (f.evidence.length) {
        var ul = el("ul");
        f.evidence.forEach(function (e) { ul.appendChild(el("li", "Evidence: " + e)); });
        div.appendChild(ul);
      }
      if (f.standard) div.appendChild(el("p", "Standard: " + f.standard, "gm-standard"));
      // in a review pack, the finding's row in the table of every finding
      if (document.getElementById(f.ref) && box.classList.contains("gm-details")) {
        var back = el("a", "Back to this finding in the table", "gm-back");
        back.href = "#" + f.ref;
        div.appendChild(back);
      }
      box.appendChild(div);
    });
    return box;
  }

  function cell(row, tag, text) {
    var c = el(tag, text);
    if (tag === "th") c.setAttribute("scope", "row");
    row.appendChild(c);
    return c;
  }

  function factsText(facts) {
    return facts.map(function (f) { return f[0] + ": " + f[1]; }).join("; ");
  }

  /* A big map's node, link and finding rows, made when its tables are first opened. */
  function fillTables(section, data, about) {
    var nodeRows = section.querySelector(".gm-node-rows"), edgeRows = section.querySelector(".gm-edge-rows");
    data.nodes.forEach(function (n) {
      var info = about.nodeInfo[n.id], row = el("tr");
      cell(row, "th", info.name);
      cell(row, "td", info.type);
      cell(row, "td", info.kind);
      cell(row, "td", info.findings.length || "");
      cell(row, "td", factsText(info.facts));
      cell(row, "td").appendChild(showButton(section, n.id, info.name));
      nodeRows.appendChild(row);
    });
    data.edges.forEach(function (e) {
      var info = about.edgeInfo[e.id], row = el("tr");
      cell(row, "td", about.nodeInfo[e.from].name);
      cell(row, "td", info.rel);
      cell(row, "td", about.nodeInfo[e.to].name);
      cell(row, "td", factsText(info.facts));
      edgeRows.appendChild(row);
    });
    var findingRows = section.querySelector(".gm-finding-rows");
    if (findingRows) about.findings.forEach(function (f) {
      var row = el("tr");
      cell(row, "td", f.severity);
      cell(row, "td", f.rule);
      cell(row, "th", f.about);
      cell(row, "td", f.message);
      cell(row, "td", f.evidence.join("; "));
      var place = cell(row, "td");
      if (f.node !== null) place.appendChild(showButton(section, f.node, f.about));
      findingRows.appendChild(row);
    });
  }

  function showButton(section, id, name) {
    var button = el("button", "Show on map", "gm-show");
    button.type = "button";
    button.setAttribute("data-map", section.id);
    button.setAttribute("data-node", id);
    button.appendChild(el("span", ": " + name, "gm-vh"));
    return button;
  }

  function tip(about, info, isNode) {
    return describe(el("div", null, "gm-vis-tip"), about, info, isNode);
  }

  /* The canvas's frame is what takes the keyboard: name it for screen readers. */
  function labelFrame(holder) {
    var frame = holder.querySelector(".vis-network") || holder;
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-roledescription", "network map");
    frame.setAttribute("aria-label", holder.dataset.label);
    // a click focuses the map without scrolling the page (a map whose foot is below the
    // window would move under the pointer, and the click miss its node)
    frame.addEventListener("mousedown", function (ev) {
      ev.preventDefault();
      frame.focus({ preventScroll: true });
    });
    return frame;
  }

  /* Each group of a map too big to draw whole becomes one vis-network cluster. */
  function fold(network, data) {
    (data.groups || []).forEach(function (group) {
      network.cluster({
        joinCondition: function (n) {   // (earlier groups are nodes too, in no group)
          return data.folded[n.id] === group.label;
        },
        clusterNodeProperties: group
      });
    });
  }

  function init(section) {
    if (section.gmReady) return GM.maps[section.id];
    section.gmReady = true;
    var data = JSON.parse(section.querySelector("script.gm-data").textContent);
    var holder = section.querySelector(".gm-canvas");
    var status = section.querySelector(".gm-status");
    var details = section.querySelector(".gm-details");
    var styles = data.options.groups, about = null;
    /* Names, facts and findings: read when first needed, not before the first drawing. */
    function info() {
      // (written after the page's scripts, so read only once the page has loaded)
      if (!about) about = JSON.parse(document.getElementById(section.id + "-info").textContent);
      return about;
    }
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(holder, { nodes: nodes, edges: edges }, data.options);
    var frame = labelFrame(holder);
    var state = { matches: [], next: 0, query: null, faded: false };
    fold(network, data);

    function say(text) { if (status) status.textContent = text; }
    function nodesWord(n) { return n + (n === 1 ? " node" : " nodes"); }

    /* What a link's tooltip and details say (undefined for a link between groups). */
    function linkInfo(id) {
      var link = info().edgeInfo[id], edge = edges.get(id);
      if (link && !link.name) {
        link.name = about.nodeInfo[edge.from].name + " \u2014 " + link.rel + " \u2014 " +
                    about.nodeInfo[edge.to].name;
      }
      return link;
    }

    /* A group of a map too big to draw whole is opened to show what it holds. */
    function open(group) {
      var label = network.body.nodes[group].options.label;
      network.openCluster(group);
      say("Opened " + label + ".");
    }

    function fade(keep, touching) {
      nodes.update(data.nodes.map(function (n) {
        var style = styles[n.group];   // a node's own colours are its style's
        var font = Object.assign({}, style.font, n.font);   // (its name's shift is its own)
        if (!keep || keep[n.id]) return { id: n.id, color: style.color, font: font };
        return { id: n.id, color: { background: FADED.background, border: FADED.border,
                                    highlight: FADED, hover: FADED },
                 font: { size: font.size, color: FADED.text, vadjust: font.vadjust || 0 } };
      }));
      edges.update(data.edges.map(function (e) {
        // (a link in the look most links share has it from the options)
        return { id: e.id, color: !keep || touching[e.id] ? e.color || data.options.edges.color
                 : { color: FADED.edge, highlight: FADED.edge, hover: FADED.edge },
                 // a link left out of the first view is drawn with its node's selection
                 hidden: !!e.hidden && !(keep && touching[e.id]) };
      }));
      state.faded = !!keep;
    }

    function select(id, move) {
      if (nodes.get(id) === null) return;
      var within = network.clustering.findNode(id);
      if (within.length > 1) open(within[0]);
      nodes.update({ id: id, hidden: false });
      var keep = {}, touching = {};
      keep[id] = true;
      network.getConnectedEdges(id).forEach(function (eid) {
        touching[eid] = true;
        network.getConnectedNodes(eid).forEach(function (n) { keep[n] = true; });
      });
      fade(keep, touching);
      network.selectNodes([id]);
      if (move) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
      if (details) describe(details, info(), info().nodeInfo[id], true);
      section.setAttribute("data-selected", id);
    }

    function clear() {
      if (state.faded) fade(null, null);
      network.unselectAll();
      if (details) details.textContent = "Nothing selected.";
      section.removeAttribute("data-selected");
    }

    // a tooltip is made when first pointed at: thousands made up front slow the first paint
    network.on("hoverNode", function (params) {
      var node = nodes.get(params.node);
      if (node && !node.title) {
        nodes.update({ id: params.node, title: tip(info(), info().nodeInfo[params.node], true) });
      }
    });
    network.on("hoverEdge", function (params) {
      var edge = edges.get(params.edge);
      if (edge && !edge.title) {
        edges.update({ id: params.edge, title: tip(info(), linkInfo(params.edge), false) });
      }
    });
    network.on("click", function (params) {
      if (params.nodes.length && network.isCluster(params.nodes[0])) open(params.nodes[0]);
      else if (params.nodes.length) select(params.nodes[0], false);
      else if (params.edges.length && details && linkInfo(params.edges[0])) {
        clear();
        describe(details, info(), linkInfo(params.edges[0]), false);
      } else clear();
    });
    /* A big map's small names, given to vis-network once the zoom would show them. */
    var later = data.namesOnZoom, captionBoxes = [];
    function nameOnZoom() {
      var shown = data.options.nodes.scaling.label.drawThreshold - 1;   // (faint from here)
      if (!later || network.getScale() * data.minor < shown) return;
      var named = Object.keys(later).map(function (id) { return { id: id, label: later[id] }; });
      later = null;
      nodes.update(named);
    }
    network.on("afterDrawing", function (ctx) {
      nameOnZoom();
      // words on the map itself, such as the caption of an org chart's band apart
      captionBoxes = [];
      (data.captions || []).forEach(function (c) {
        ctx.font = "bold " + c.size + "px " + data.options.nodes.font.face;
        ctx.fillStyle = data.options.nodes.font.color;
        ctx.textAlign = "left";
        ctx.textBaseline = "middle";
        // a white edge round the letters, as vis-network gives names: a line under stays under
        ctx.strokeStyle = "#ffffff";
        ctx.lineWidth = 4;
        ctx.lineJoin = "round";
        ctx.strokeText(c.text, c.x, c.y);
        ctx.fillText(c.text, c.x, c.y);
        captionBoxes.push({ text: c.text, x: c.x, y: c.y - c.size / 2, size: c.size,
                            width: ctx.measureText(c.text).width });
      });
    });
    network.once("afterDrawing", function () {
      // labels are measured only once drawn: fit again so that none runs past the edge,
      // and once more after that drawing if a name measured only then (one drawn above
      // its shape) is cut off at the edge
      fitAll();
      network.once("afterDrawing", function () {
        if (nameCutOff()) fitAll();
        section.setAttribute("data-drawn", "yes");
        if (window.performance && performance.mark) performance.mark("graphmodel-first-paint");
      });
    });
    /* Where a node's name is drawn, in the map's units (vis-network's own measure leaves
     * out the shift of a name drawn above its shape); null when it is not drawn. */
    function nameBox(id) {
      var label = network.body.nodes[id].labelModule;
      if (!label.visible() || !label.size.width) return null;
      return { x: label.size.left, y: label.size.top + (label.fontOptions.vadjust || 0),
               width: label.size.width, height: label.size.height };
    }
    /* Whether a name runs past the edge of the canvas as the map is now drawn. */
    function nameCutOff() {
      var width = holder.clientWidth, height = holder.clientHeight;
      return network.body.nodeIndices.some(function (id) {
        var name = nameBox(id);
        if (!name) return false;
        var a = network.canvasToDOM({ x: name.x, y: name.y }),
            b = network.canvasToDOM({ x: name.x + name.width, y: name.y + name.height });
        return a.x < -1 || a.y < -1 || b.x > width + 1 || b.y > height + 1;
      });
    }
    /* The whole drawing, names and all, as large as the canvas holds (up to the layout's
     * own size): vis-network's own fit leaves a tenth of the canvas empty round it. */
    function fitAll() {
      var box = null;
      function take(b) {
        box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top),
                      right: Math.max(box.right, b.right), bottom: Math.max(box.bottom, b.bottom) }
                  : { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      }
      network.body.nodeIndices.forEach(function (id) {
        take(network.body.nodes[id].shape.boundingBox);
        var name = nameBox(id);   // (a name drawn above its shape lies outside that box)
        if (name) take({ left: name.x, top: name.y, right: name.x + name.width,
                         bottom: name.y + name.height });
      });
      if (!box) return;
      (data.captions || []).forEach(function (c) {   // roughly: Arial is about 0.6 em a letter
        box.left = Math.min(box.left, c.x);
        box.right = Math.max(box.right, c.x + 0.6 * c.size * c.text.length);
        box.top = Math.min(box.top, c.y - c.size);
        box.bottom = Math.max(box.bottom, c.y + c.size);
      });
      var width = holder.clientWidth, height = holder.clientHeight;
      // never larger than the layout's frame fitted to the canvas: a map of one or two
      // nodes is drawn at the size any map's nodes and names have here, not blown up
      var frame = data.frame || [1, 1];
      var scale = Math.min(Math.min(width / frame[0], height / frame[1]),
                           0.96 * Math.min(width / Math.max(box.right - box.left, 1),
                                           height / Math.max(box.bottom - box.top, 1)));
      network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
                       scale: scale, animation: false });
    }
    frame.addEventListener("keydown", function (ev) {
      if (ev.key === "0") fitAll();
      else if (ev.key === "Escape") clear();
      else return;
      ev.preventDefault();
    });

    function visible() {
      return nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    }

    function find(query) {
      var q = query.trim().toLowerCase();
      if (!q) { say("Type part of a name, an id or initials to find it."); return; }
      if (state.query !== q) {
        state.query = q;
        state.next = 0;
        state.matches = data.nodes.filter(function (n) {
          return !nodes.get(n.id).hidden && info().nodeInfo[n.id].find.indexOf(q) >= 0;
        }).map(function (n) { return n.id; });
      }
      if (!state.matches.length) { say("No node on the map matches \u201c" + query.trim() + "\u201d."); return; }
      var k = state.next % state.matches.length, id = state.matches[k];
      say((state.matches.length === 1 ? "1 match: " : "Match " + (k + 1) + " of " +
           state.matches.length + " (Find again for the next): ") + info().nodeInfo[id].name);
      state.next += 1;
      select(id, true);
    }

    var search = section.querySelector(".gm-search");
    if (search) search.addEventListener("submit", function (ev) {
      ev.preventDefault();
      find(search.querySelector("input").value);
    });

    function filter() {
      var hidden = {};
      section.querySelectorAll(".gm-filters input[data-group]").forEach(function (box) {
        if (!box.checked) hidden[box.dataset.group] = true;
      });
      nodes.update(data.nodes.map(function (n) {
        return { id: n.id, hidden: !!hidden[info().nodeInfo[n.id].group] };
      }));
      state.query = null;
      say("Showing " + visible() + " of " + nodesWord(data.nodes.length) + ".");
    }
    section.querySelectorAll(".gm-filters input[data-group]").forEach(function (box) {
      box.addEventListener("change", filter);
    });
    var reset = section.querySelector(".gm-reset");
    if (reset) reset.addEventListener("click", function () {
      section.querySelectorAll(".gm-filters input[data-group]").forEach(function (b) { b.checked = true; });
      filter();
      clear();
      fitAll();
      say(data.nodes.length === 1 ? "Showing the 1 node." : "Showing all " + nodesWord(data.nodes.length) + ".");
    });
    var alt = section.querySelector("details.gm-alt[data-fill]");
    if (alt) alt.addEventListener("toggle", function () {
      if (!alt.open || alt.gmFilled) return;
      alt.gmFilled = true;
      fillTables(section, data, info());
    });
    var toggle = section.querySelector(".gm-legend-toggle");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Hide legend" : "Show legend";
      document.getElementById(toggle.getAttribute("aria-controls")).hidden = !open;
    });

    var api = {
      data: data, info: info, network: network, nodes: nodes, edges: edges,
      select: select, clear: clear, find: find, visible: visible,
      refresh: function () { network.redraw(); network.fit({ animation: false }); },
      /* Nodes and links vis-network draws now (hidden ones and their links left out). */
      drawn: function () {
        return [network.body.nodeIndices.length, network.body.edgeIndices.filter(function (id) {
          var e = network.body.edges[id];
          return e.from && e.to && !e.from.options.hidden && !e.to.options.hidden;
        }).length];
      },
      /* Where a node is, in pixels from the canvas's top left corner. */
      screen: function (id) { return network.canvasToDOM(network.getPosition(id)); },
      fill: function (id) { return network.body.nodes[id].options.color.background; },
      /* The labels vis-network draws now, as boxes in pixels from the canvas's corner. */
      labels: function () {
        var out = [], scale = network.getScale();
        network.body.nodeIndices.forEach(function (id) {
          var label = network.body.nodes[id].labelModule, name = nameBox(id);
          if (!name) return;
          var topLeft = network.canvasToDOM({ x: name.x, y: name.y });
          out.push({ id: id, x: topLeft.x, y: topLeft.y, width: label.size.width * scale,
                     height: label.size.height * scale, font: label.fontOptions.size * scale,
                     // vis-network draws a name faint while it is under its threshold
                     solid: label.fontOptions.size * scale >=
                            label.elementOptions.scaling.label.drawThreshold });
        });
        return out;
      },
      /* The words drawn on the map (band captions), as boxes in pixels with their size. */
      captions: function () {
        var scale = network.getScale();
        return captionBoxes.map(function (c) {
          var topLeft = network.canvasToDOM({ x: c.x, y: c.y });
          return { text: c.text, x: topLeft.x, y: topLeft.y, width: c.width * scale,
                   height: c.size * scale, font: c.size * scale };
        });
      },
      /* Every node's shape (its label left out unless drawn inside it), as boxes in pixels. */
      shapes: function () {
        var scale = network.getScale();
        return network.body.nodeIndices.map(function (id) {
          var node = network.body.nodes[id];
          var topLeft = network.canvasToDOM({ x: node.x - node.shape.width / 2,
                                              y: node.y - node.shape.height / 2 });
          return { id: id, x: topLeft.x, y: topLeft.y, width: node.shape.width * scale,
                   height: node.shape.height * scale };
        });
      }
    };
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
    section.scrollIntoView({ block: "start" });
    var api = init(section);
    api.select(button.getAttribute("data-node"), true);
    section.querySelector(".vis-network").focus({ preventScroll: true });
  });

  /* A map drawn with its people folded into its bodies, and the same view with them: a
   * button on each shows the other in its place. */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.gm-unfold") : null;
    if (!button) return;
    var show = document.getElementById(button.getAttribute("data-show"));
    var hide = document.getElementById(button.getAttribute("data-hide"));
    if (!show || !hide) return;
    hide.hidden = true;
    show.hidden = false;
    init(show);
    var back = show.querySelector("button.gm-unfold");
    if (back) back.focus({ preventScroll: true });
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
