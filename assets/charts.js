// Every Plotly chart on the page handed once to each script that looks after charts: the
// dashboard's, the compare tab's, and the one an offline HTML picture carries. A script
// registers its watcher with
//   (window.orgcharts.watchers = window.orgcharts.watchers || []).push(watch);
// at any time (Dash loads assets by name, so some load before this file): watch(graph) is
// called for each chart there is and each one that appears later.
(function () {
  "use strict";

  var orgcharts = window.orgcharts = window.orgcharts || {};
  var watchers = orgcharts.watchers = orgcharts.watchers || [];
  var handed = new WeakMap();  // graph -> the watchers it has been handed to

  function watchAll() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
      if (typeof graph.on !== "function") { return; }  // Plotly has not drawn it yet
      var done = handed.get(graph) || new Set();
      handed.set(graph, done);
      watchers.forEach(function (watch) {
        if (!done.has(watch)) { done.add(watch); watch(graph); }
      });
    });
  }

  watchers.push = function () {
    var length = Array.prototype.push.apply(watchers, arguments);
    watchAll();
    return length;
  };

  // `sync(graph)` after the frame of each draw, pan, zoom or animation of the graph (Plotly
  // places text once its events have fired), and once now.
  orgcharts.afterEachDraw = function (graph, sync) {
    var pending = null;
    function later() {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(function () { sync(graph); });
    }
    ["plotly_afterplot", "plotly_relayout", "plotly_animated"].forEach(function (event) { graph.on(event, later); });
    sync(graph);
  };

  new MutationObserver(watchAll).observe(document.documentElement, {childList: true, subtree: true});
  watchAll();
})();
