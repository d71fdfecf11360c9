// Text never drawn smaller than legible, nor over its neighbours: a chart opens at one chart
// unit per screen pixel (orgcharts.figures), its cards sized for their text. Plotly draws text
// at a fixed size whatever the zoom, so zoomed out below meta.hides_below pixels per unit the
// cards shrink under their text: the text traces that carry meta.hides_below then hide their
// text (their points stay, invisible, so a click still lands; or none at all, meta.hidden_mode,
// where another trace takes the clicks), and show it zoomed back in.
// For every chart on the page: the dashboard's, the compare tab's, and the one an offline
// HTML picture carries (orgcharts.export writes this file's text into it).
(function () {
  "use strict";

  function syncLabels(graph) {
    if (!graph.data || !graph._fullLayout || !graph._fullLayout.xaxis) { return; }
    var range = graph._fullLayout.xaxis.range;
    var perUnit = graph._fullLayout._size.w / Math.max(Math.abs(range[1] - range[0]), 1e-9);
    var indices = [];
    var modes = [];
    graph.data.forEach(function (trace, index) {
      var meta = trace.meta;
      if (!meta || typeof meta.hides_below !== "number") { return; }
      // a little slack: a pixel of rounding in the plot area's size is not a zoom
      var wanted = perUnit >= meta.hides_below * 0.97 ? "text" : meta.hidden_mode || "markers";
      if ((trace.mode || "text") !== wanted) {
        indices.push(index);
        modes.push(wanted);
      }
    });
    if (indices.length) { window.Plotly.restyle(graph, {mode: modes}, indices); }
  }

  // The plot's size changes under a drawn figure (a line of the projector's strip wraps, the
  // window is resized), or a figure drawn for the size before arrives after the change: Plotly
  // would shrink the cards under their text, which then hides. The scale is kept instead: the
  // figure's own (one chart unit per pixel for a new figure, orgcharts.figureframe) or the
  // user's zoom, with the view's top left corner, or a new figure's top and middle (Plotly has
  // widened its range about its middle): the view shows a little less, or more, of the chart.
  function keepScale(graph, last) {
    var layout = graph._fullLayout;
    var meta = graph.layout && graph.layout.meta;
    // org charts only (their layout.meta gives each view's extent), drawn at a real size
    if (!layout || !layout._size || !layout.xaxis || !layout.yaxis || !meta || !meta.extents) { return; }
    var size = layout._size;
    if (!(size.w > 0 && size.h > 0)) { return; }
    var x = layout.xaxis.range.map(Number), y = layout.yaxis.range.map(Number);
    var was = last.drawn;
    last.drawn = {meta: meta, w: size.w, h: size.h, perUnit: size.w / Math.abs(x[1] - x[0]), x: x, y: y};
    if (!was || (was.w === size.w && was.h === size.h) || !(was.perUnit > 0)) { return; }
    var same = was.meta === meta;
    var perUnit = same ? was.perUnit : 1;
    var left = same ? was.x[0] : (x[0] + x[1]) / 2 - size.w / (2 * perUnit);
    var top = same ? was.y[1] : y[1];
    if (Math.abs(size.w / Math.abs(x[1] - x[0]) - perUnit) < 1e-3 && Math.abs(y[1] - top) < 0.5) { return; }
    last.drawn = Object.assign({}, last.drawn, {perUnit: perUnit});
    window.Plotly.relayout(graph, {
      "xaxis.range": [left, left + size.w / perUnit],
      "yaxis.range": [top - size.h / perUnit, top],
    });
  }

  function watchLabels(graph) {
    var last = {};
    graph.on("plotly_relayout", function () { syncLabels(graph); });
    graph.on("plotly_afterplot", function () { keepScale(graph, last); syncLabels(graph); });
    graph.on("plotly_animated", function () { syncLabels(graph); });
    syncLabels(graph);
  }

  var orgcharts = window.orgcharts = window.orgcharts || {};
  (orgcharts.watchers = orgcharts.watchers || []).push(watchLabels);  // assets/charts.js
})();
