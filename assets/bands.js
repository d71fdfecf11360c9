// The bands' names stay readable when the chart is panned: they are drawn down the chart's
// left side (orgcharts.figures, the "bands" trace), which the opening view often leaves
// out (it opens on the front line's side, or on the top role). Once their side is out of
// view, each name is drawn at the view's left edge, in the gap under its band (the trace's
// meta.captions, in chart units), which no card crosses, over the lines running through that
// gap on a background, an arrow pointing up to its band; a name the plot's top or bottom
// edge, or the fade there, would cut is left out. Drawn again after every redraw,
// pan, zoom and flip, for every chart on the page.
(function () {
  "use strict";

  var EDGE_PX = 6;    // from the plot's left edge
  var ROOM_PX = 3;    // the background's margin around the text
  var FADE_PX = 16;   // the fade at the plot's top and bottom edges (orgcharts.css, .chart-more-fade)
  var SVG = "http://www.w3.org/2000/svg";

  function bandsTrace(graph) {
    var index = (graph._fullData || []).findIndex(function (trace) { return trace.uid === "bands"; });
    return index < 0 ? null : {index: index, full: graph._fullData[index], data: graph.data[index]};
  }

  function points(graph) {
    var group = graph.querySelector(".scatterlayer .trace.tracebands");
    return group ? Array.prototype.slice.call(group.querySelectorAll("g.textpoint")) : [];
  }

  // The captions' own group, last in the plot's clipped group: over every trace (the lines
  // through the gaps too), in the plot's pixels.
  function captionLayer(graph) {
    var traces = graph.querySelector(".scatterlayer");
    if (!traces) { return null; }
    var plot = traces.parentNode;
    var layer = plot.querySelector(":scope > g.band-captions");
    if (!layer) {
      layer = document.createElementNS(SVG, "g");
      layer.setAttribute("class", "band-captions");
    }
    if (layer !== plot.lastChild) { plot.appendChild(layer); }
    return layer;
  }

  function caption(name, like, x, y) {
    var group = document.createElementNS(SVG, "g");
    group.setAttribute("class", "band-caption");
    var behind = document.createElementNS(SVG, "rect");
    behind.setAttribute("class", "band-caption-back");
    var text = document.createElementNS(SVG, "text");
    var style = getComputedStyle(like);
    ["font-family", "font-size", "font-weight", "fill"].forEach(function (key) {
      text.style.setProperty(key, style.getPropertyValue(key));
    });
    text.style.fontWeight = "bold";
    text.setAttribute("x", x);
    text.setAttribute("y", y);
    text.setAttribute("dominant-baseline", "central");
    text.textContent = "\u2191 " + name;  // an arrow: the name is of the band above the gap
    group.appendChild(behind);
    group.appendChild(text);
    return group;
  }

  function syncBands(graph) {
    var layout = graph._fullLayout;
    var bands = bandsTrace(graph);
    var layer = captionLayer(graph);
    if (!layout || !layout.xaxis || !layout.yaxis || !bands || !layer) { return; }
    while (layer.firstChild) { layer.removeChild(layer.firstChild); }
    var captions = bands.data.meta && bands.data.meta.captions;
    var xs = bands.full.x;
    var drawn = points(graph);
    var out = captions && xs && drawn.length === captions.length && layout.xaxis.c2p(xs[0]) < 0;
    var plot = graph.querySelector(".nsewdrag");
    var edges = plot && plot.getBoundingClientRect();
    drawn.forEach(function (point) {
      // a name the plot's top or bottom edge, or its fade, would cut is not drawn rather than drawn cut
      var box = point.getBoundingClientRect();
      var cut = edges && box.height > 0 && (box.top < edges.top + FADE_PX || box.bottom > edges.bottom - FADE_PX);
      point.style.opacity = out || cut ? "0" : "";
    });
    if (!out) { return; }
    drawn.forEach(function (point, i) {
      var text = point.querySelector("text");
      if (!text || !text.textContent) { return; }
      var shown = caption(text.textContent, text, EDGE_PX + ROOM_PX, layout.yaxis.c2p(captions[i]));
      layer.appendChild(shown);
      var box = shown.lastChild.getBBox();
      if (box.y - ROOM_PX < FADE_PX || box.y + box.height + ROOM_PX > layout._size.h - FADE_PX) {
        layer.removeChild(shown);
        return;
      }
      var behind = shown.firstChild;
      behind.setAttribute("x", box.x - ROOM_PX);
      behind.setAttribute("y", box.y - ROOM_PX);
      behind.setAttribute("width", box.width + 2 * ROOM_PX);
      behind.setAttribute("height", box.height + 2 * ROOM_PX);
      behind.setAttribute("rx", ROOM_PX);
    });
  }

  function watchBands(graph) {
    // a flip moves the bands: their captions go while the cards travel and come back after
    graph.on("plotly_transitioning", function () {
      var layer = captionLayer(graph);
      while (layer && layer.firstChild) { layer.removeChild(layer.firstChild); }
    });
    window.orgcharts.afterEachDraw(graph, syncBands);
  }

  var orgcharts = window.orgcharts = window.orgcharts || {};
  (orgcharts.watchers = orgcharts.watchers || []).push(watchBands);  // assets/charts.js
})();
