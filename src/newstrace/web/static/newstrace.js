// newstrace web UI: small progressive enhancements; every page works without this script.
(function () {
  "use strict";
  // Diff page: show or hide rows by relation (shared, reworded, altered, ...).
  document.querySelectorAll("form.diff-filter input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll('table.diff tr[data-relation="' + box.value + '"]').forEach(function (row) {
        row.style.display = box.checked ? "" : "none";
      });
    });
  });
  // Claims page: show only the claims some article contradicts.
  var contested = document.getElementById("only-contested");
  if (contested) {
    contested.addEventListener("change", function () {
      document.querySelectorAll("table.matrix tbody tr.agreed").forEach(function (row) {
        row.style.display = contested.checked ? "none" : "";
      });
    });
  }
  // Graph: hovering an article dims the ones it has no derivation with.
  var svg = document.querySelector("svg.provenance");
  if (!svg) { return; }
  svg.querySelectorAll("g.node").forEach(function (node) {
    var id = node.getAttribute("data-article");
    node.addEventListener("mouseenter", function () {
      var keep = {}; keep[id] = true;
      svg.querySelectorAll("g.edge").forEach(function (edge) {
        var hit = edge.getAttribute("data-source") === id || edge.getAttribute("data-derived") === id;
        if (hit) { keep[edge.getAttribute("data-source")] = true; keep[edge.getAttribute("data-derived")] = true; }
        edge.style.opacity = hit ? "1" : "0.15";
      });
      svg.querySelectorAll("g.node").forEach(function (other) {
        other.style.opacity = keep[other.getAttribute("data-article")] ? "1" : "0.35";
      });
    });
    node.addEventListener("mouseleave", function () {
      svg.querySelectorAll("g.edge, g.node").forEach(function (el) { el.style.opacity = ""; });
    });
  });
})();
