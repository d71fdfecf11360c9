// Labels that would run into their neighbours are left off the chart (orgcharts.figures):
// zoomed in to meta.readable_px_per_unit pixels between roles, every role shows its label,
// wrapped for that width (meta.zoomed_text); zoomed out again, the labels that fit come back.
// For every chart on the page: the dashboard's, the compare tab's, and the one an offline
// HTML picture carries (orgcharts.export writes this file's text into it).
(function () {
  "use strict";

  var fitted = new WeakMap();

  function syncLabels(graph) {
    if (!graph.data || !graph._fullLayout || !graph._fullLayout.xaxis) { return; }
    var index = graph.data.findIndex(function (trace) { return trace.uid === "roles"; });
    if (index < 0) { return; }
    var trace = graph.data[index];
    var meta = trace.meta;
    if (!meta || !meta.zoomed_text) { return; }
    if (!fitted.has(meta)) { fitted.set(meta, {text: trace.text, mode: trace.mode}); }
    var range = graph._fullLayout.xaxis.range;
    var perUnit = graph._fullLayout._size.w / Math.max(range[1] - range[0], 1e-9);
    var wanted = perUnit >= meta.readable_px_per_unit
      ? {text: meta.zoomed_text, mode: "markers+text"}
      : fitted.get(meta);
    if (trace.text !== wanted.text || trace.mode !== wanted.mode) {
      window.Plotly.restyle(graph, {text: [wanted.text], mode: wanted.mode}, [index]);
    }
  }

  function watchLabels(graph) {
    if (graph.dataset.orgchartsLabels) { return; }
    graph.dataset.orgchartsLabels = "1";
    graph.on("plotly_relayout", function () { syncLabels(graph); });
    graph.on("plotly_afterplot", function () { syncLabels(graph); });
    graph.on("plotly_animated", function () { syncLabels(graph); });
    syncLabels(graph);
  }

  function watchAll() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (each) {
      if (typeof each.on === "function") { watchLabels(each); }
    });
  }

  new MutationObserver(watchAll).observe(document.documentElement, {childList: true, subtree: true});
  watchAll();
})();
