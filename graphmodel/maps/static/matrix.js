// Who sits where: reorder, find and print the matrix graphmodel wrote. Names are read
// from the page's own cells and put back as nodes or text, never as markup.
(function () {
  "use strict";
  var section = document.getElementById("gm-matrix");
  if (!section) { return; }
  var table = document.getElementById("gm-mx-table");
  var printed = document.getElementById("gm-mx-print");
  var find = document.getElementById("gm-mx-find");
  var order = document.getElementById("gm-mx-order");
  var shown = document.getElementById("gm-mx-shown");
  var perPage = parseInt(section.getAttribute("data-print-columns"), 10) || 21;
  var groupsRow = table.tHead.rows[0];
  var bodiesRow = table.tHead.rows[1];
  var corner = bodiesRow.cells[0];
  var body = table.tBodies[0];

  // each column: its header cell, and each row's cell in it, kept by the column's key
  var columns = Array.prototype.slice.call(bodiesRow.cells, 1).map(function (th, i) {
    return {th: th, key: th.getAttribute("data-key"), name: th.getAttribute("data-name"),
            group: th.getAttribute("data-group"), seats: +th.getAttribute("data-seats"),
            index: i};
  });
  var orgRows = {};
  var people = [];
  Array.prototype.slice.call(body.rows).forEach(function (tr) {
    if (tr.classList.contains("gm-mx-orgrow")) {
      orgRows[tr.getAttribute("data-group")] = tr;
      return;
    }
    var cells = Array.prototype.slice.call(tr.cells, 1);
    people.push({tr: tr, th: tr.cells[0], cells: cells, name: tr.getAttribute("data-name"),
                 group: tr.getAttribute("data-group"), seats: +tr.getAttribute("data-seats"),
                 seated: cells.map(function (td) { return td.textContent !== ""; })});
  });

  function fold(s) { return (s || "").toLocaleLowerCase(); }
  var compare = {
    category: function (a, b) {
      return (a.group === "") - (b.group === "") || fold(a.group).localeCompare(fold(b.group))
        || fold(a.name).localeCompare(fold(b.name));
    },
    name: function (a, b) { return fold(a.name).localeCompare(fold(b.name)); },
    seats: function (a, b) { return b.seats - a.seats || fold(a.name).localeCompare(fold(b.name)); }
  };

  // which rows and columns a search keeps: those whose name or group holds the words,
  // and the bodies where the people kept sit, and the people on the bodies kept
  function kept(words) {
    var rows = people.map(function () { return !words; });
    var cols = columns.map(function () { return !words; });
    if (!words) { return {rows: rows, cols: cols}; }
    var rowHit = people.map(function (p) { return (fold(p.name) + " " + fold(p.group)).indexOf(words) >= 0; });
    var colHit = columns.map(function (c) { return (fold(c.name) + " " + fold(c.group)).indexOf(words) >= 0; });
    people.forEach(function (p, r) {
      columns.forEach(function (c, k) {
        if (!p.seated[k]) { return; }
        if (colHit[k]) { rows[r] = true; }
        if (rowHit[r]) { cols[k] = true; }
      });
      rows[r] = rows[r] || rowHit[r];
    });
    columns.forEach(function (c, k) { cols[k] = cols[k] || colHit[k]; });
    return {rows: rows, cols: cols};
  }

  function groupHeads(row, cols) {
    while (row.firstChild) { row.removeChild(row.firstChild); }
    var first = document.createElement("td");
    first.className = "gm-mx-corner";
    row.appendChild(first);
    var th = null;
    cols.forEach(function (c, i) {
      if (th && cols[i - 1].group === c.group) {
        th.colSpan += 1;
        return;
      }
      th = document.createElement("th");
      th.scope = "colgroup";
      th.className = "gm-mx-group";
      th.title = c.group;
      var span = document.createElement("span");
      span.textContent = c.group;
      th.appendChild(span);
      row.appendChild(th);
    });
  }

  function arrange() {
    var how = order.value;
    var words = fold(find.value.trim());
    var keep = kept(words);
    var cols = columns.filter(function (c, k) { return keep.cols[k]; }).sort(compare[how]);
    var rows = people.filter(function (p, r) { return keep.rows[r]; }).sort(compare[how]);
    var grouped = how === "category";
    groupsRow.hidden = !grouped;
    table.classList.toggle("gm-mx-grouped", grouped);
    if (grouped) { groupHeads(groupsRow, cols); }
    bodiesRow.appendChild(corner);
    columns.forEach(function (c) { c.th.hidden = true; });
    cols.forEach(function (c) { c.th.hidden = false; bodiesRow.appendChild(c.th); });
    Object.keys(orgRows).forEach(function (g) { orgRows[g].hidden = true; body.appendChild(orgRows[g]); });
    people.forEach(function (p) { p.tr.hidden = true; body.appendChild(p.tr); });
    var last = null;
    rows.forEach(function (p) {
      if (grouped && p.group !== last && orgRows[p.group]) {
        var head = orgRows[p.group];
        head.hidden = false;
        head.cells[0].colSpan = cols.length + 1;
        body.appendChild(head);
      }
      last = p.group;
      p.tr.hidden = false;
      body.appendChild(p.tr);
      p.tr.appendChild(p.th);
      p.cells.forEach(function (td) { td.hidden = true; });
      cols.forEach(function (c) { var td = p.cells[c.index]; td.hidden = false; p.tr.appendChild(td); });
    });
    shown.textContent = words ? rows.length + " of " + people.length + " seat holders and " +
      cols.length + " of " + columns.length + " bodies shown" : "";
    lay(cols, rows, grouped);
    stick();
  }

  // the print layout: the same rows in parts of perPage bodies, each a table whose
  // header rows the browser repeats at the top of every page it runs over
  function lay(cols, rows, grouped) {
    while (printed.firstChild) { printed.removeChild(printed.firstChild); }
    for (var from = 0; from < cols.length; from += perPage) {
      var part = cols.slice(from, from + perPage);
      var t = document.createElement("table");
      t.className = "gm-mx-table" + (grouped ? " gm-mx-grouped" : "");
      // a fixed layout of this width gives every body's column the same width, however
      // long the category names over them
      t.style.width = "calc(var(--gm-mx-names) + " + part.length + " * var(--gm-mx-column))";
      var caption = document.createElement("caption");
      caption.textContent = table.caption.textContent + (cols.length > perPage ?
        " (bodies " + (from + 1) + " to " + (from + part.length) + " of " + cols.length + ")" : "");
      t.appendChild(caption);
      var head = t.createTHead();
      if (grouped) { groupHeads(head.insertRow(), part); }
      var names = head.insertRow();
      names.appendChild(corner.cloneNode(true));
      part.forEach(function (c) { names.appendChild(c.th.cloneNode(true)); });
      var tb = t.createTBody();
      var last = null;
      rows.forEach(function (p) {
        if (grouped && p.group !== last && orgRows[p.group]) {
          var org = orgRows[p.group].cloneNode(true);
          org.hidden = false;
          org.cells[0].colSpan = part.length + 1;
          tb.appendChild(org);
        }
        last = p.group;
        var tr = document.createElement("tr");
        tr.className = p.tr.className;
        tr.appendChild(p.th.cloneNode(true));
        part.forEach(function (c) { var td = p.cells[c.index].cloneNode(true); td.hidden = false; tr.appendChild(td); });
        tb.appendChild(tr);
      });
      printed.appendChild(t);
    }
  }

  // on screen the body names stay in view under the category row as the table scrolls
  function stick() {
    var h = groupsRow.hidden ? 0 : groupsRow.getBoundingClientRect().height;
    table.style.setProperty("--gm-mx-groups", h + "px");
  }

  find.addEventListener("input", arrange);
  order.addEventListener("change", arrange);
  window.addEventListener("resize", stick);
  arrange();
  section.setAttribute("data-ready", "");
}());
