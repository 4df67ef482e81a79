/* graphmodel: maps drawn by vis-network (the pyvis renderer).
 * Nodes, links and options come from pyvis, as JSON; every name and fact is put on
 * the page as text (textContent), never as markup. Tooltips are DOM elements, so
 * vis-network never reads a name as HTML. */
(function () {
  "use strict";
  const GMPyvis = (window.GMPyvis = { maps: {} });

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A tooltip: the name, and its facts (kind, seats, dates ...) as a list of terms. */
  function tip(info) {
    const box = el("div", "gm-vis-tip");
    box.appendChild(el("p", "gm-title", info.name));
    if (info.facts && info.facts.length) {
      const list = el("dl");
      for (const [label, value] of info.facts) {
        list.appendChild(el("dt", "", label));
        list.appendChild(el("dd", "", value));
      }
      box.appendChild(list);
    }
    return box;
  }

  function withTips(items, tips) {
    return items.map(function (item) {
      return Object.assign({}, item, { title: tip(tips[item.id]) });
    });
  }

  /* The canvas's frame is what takes the keyboard: name it for screen readers. */
  function labelFrame(holder) {
    const frame = holder.querySelector(".vis-network") || holder;
    frame.setAttribute("tabindex", "0");
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-roledescription", "network map");
    frame.setAttribute("aria-label", holder.dataset.label);
  }

  function applyFilters(section, map) {
    const hidden = new Set();
    section.querySelectorAll(".gm-filters input[data-group]").forEach(function (box) {
      if (!box.checked) hidden.add(box.dataset.group);
    });
    const updates = map.data.nodes.map(function (n) {
      return { id: n.id, hidden: hidden.has(map.data.tips.nodes[n.id].group) };
    });
    map.nodes.update(updates);
    const shown = updates.filter(function (u) { return !u.hidden; }).length;
    section.querySelector(".gm-status").textContent =
      "Showing " + shown + " of " + updates.length + " nodes.";
  }

  function show(map, section, key) {
    if (map.nodes.get(key) === null) return;
    map.nodes.update({ id: key, hidden: false });
    map.network.selectNodes([key]);
    map.network.focus(key, { scale: 1.2, animation: false });
    section.setAttribute("data-selected", key);
    section.querySelector(".gm-status").textContent =
      "Showing " + map.data.tips.nodes[key].name + " on the map.";
    section.querySelector(".vis-network").focus();
  }

  function start(section) {
    const data = JSON.parse(section.querySelector("script.gm-pyvis-data").textContent);
    const holder = section.querySelector(".gm-canvas");
    const nodes = new vis.DataSet(withTips(data.nodes, data.tips.nodes));
    const edges = new vis.DataSet(withTips(data.edges, data.tips.edges));
    const network = new vis.Network(holder, { nodes: nodes, edges: edges }, data.options);
    const map = { data: data, nodes: nodes, edges: edges, network: network };
    GMPyvis.maps[section.id] = map;
    labelFrame(holder);
    network.on("selectNode", function (params) {
      section.setAttribute("data-selected", params.nodes[0]);
    });
    network.on("deselectNode", function () { section.removeAttribute("data-selected"); });
    network.once("afterDrawing", function () { section.setAttribute("data-drawn", "yes"); });
    section.querySelectorAll(".gm-filters input[data-group]").forEach(function (box) {
      box.addEventListener("change", function () { applyFilters(section, map); });
    });
    section.querySelector(".gm-reset").addEventListener("click", function () {
      section.querySelectorAll(".gm-filters input[data-group]").forEach(function (box) {
        box.checked = true;
      });
      applyFilters(section, map);
      network.unselectAll();
      section.removeAttribute("data-selected");
      network.fit({ animation: false });
    });
    section.querySelectorAll("button.gm-show").forEach(function (button) {
      button.addEventListener("click", function () { show(map, section, button.dataset.node); });
    });
  }

  document.querySelectorAll("section[data-gm-pyvis]").forEach(start);
})();
