/* graphmodel decks: one slide at a time; arrow keys, Page Up/Down, Home/End and buttons;
 * N shows and hides the speaker notes; printing shows every slide, one a page. */
(function () {
  "use strict";
  var GM = (window.GM = window.GM || { maps: {} });
  var slides = Array.prototype.slice.call(document.querySelectorAll(".gm-slide"));
  var counter = document.getElementById("gm-counter");
  var notesButton = document.getElementById("gm-notes");
  var current = 0;

  /* A legend too long for the slide's height is set in two columns, so it shows whole. */
  function fitLegends(slide) {
    slide.querySelectorAll(".gm-legend-box").forEach(function (box) {
      box.classList.remove("gm-legend-wide");
      if (box.scrollHeight > box.clientHeight) box.classList.add("gm-legend-wide");
    });
  }

  function drawMaps(slide) {
    fitLegends(slide);
    slide.querySelectorAll("[data-gm-map]").forEach(function (section) {
      GM.init(section).refresh();
    });
  }

  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    var old = slides[current];
    var hadFocus = old.contains(document.activeElement);
    old.hidden = true;
    slides[i].hidden = false;
    current = i;
    counter.textContent = "Slide " + (i + 1) + " of " + slides.length;
    document.body.setAttribute("data-slide", String(i + 1));
    drawMaps(slides[i]);
    if (hadFocus) {
      var heading = slides[i].querySelector("h1, h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  }

  function toggleNotes() {
    var on = !document.body.classList.contains("gm-show-notes");
    document.body.classList.toggle("gm-show-notes", on);
    notesButton.setAttribute("aria-pressed", String(on));
    slides.forEach(function (s) {
      var notes = s.querySelector(".gm-notes");
      if (notes) notes.hidden = !on;
    });
  }

  GM.slide = show;
  GM.reveal = function (section) {
    var i = slides.indexOf(section.closest(".gm-slide"));
    if (i >= 0 && i !== current) show(i);
  };

  document.getElementById("gm-prev").addEventListener("click", function () { show(current - 1); });
  document.getElementById("gm-next").addEventListener("click", function () { show(current + 1); });
  notesButton.addEventListener("click", toggleNotes);
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var t = ev.target;
    // the map's own keys pan and zoom it; typing in a box types
    if (t.closest && (t.closest(".gm-canvas") || t.closest("input, textarea, select, summary"))) return;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (ev.key === "Home") show(0);
    else if (ev.key === "End") show(slides.length - 1);
    else if (ev.key === "n" || ev.key === "N") toggleNotes();
    else if (moves[ev.key] && !(ev.key === " " && t.tagName === "BUTTON")) show(current + moves[ev.key]);
    else return;
    ev.preventDefault();
  });
  window.addEventListener("resize", function () { drawMaps(slides[current]); });
  // printed, every slide shows: draw every map first
  window.addEventListener("beforeprint", function () { slides.forEach(drawMaps); });
  var start = /^#slide-(\d+)$/.exec(window.location.hash);
  show(start ? parseInt(start[1], 10) - 1 : 0);
})();
