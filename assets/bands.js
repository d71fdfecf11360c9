// The bands' names stay readable when the chart is panned: they are drawn down the chart's
// left side (orgcharts.figures, the "bands" trace), which the opening view often leaves
// out (it opens on the front line's side, or on the top role). Once their side is out of
// view, each name is drawn at the view's left edge, in the gap under its band (the trace's
// meta.captions, in chart units), which no card crosses, on a background, an arrow pointing up
// to its band, moved right past the vertical lines through that gap (a third of the plot at
// most) and up or down the gap past the bars across it, so that it hides none of them; a
// name the plot's top or bottom
// edge, or the fade there, would cut is left out. Drawn again after every redraw,
// pan, zoom and flip, for every chart on the page.
(function () {
  "use strict";

  var EDGE_PX = 6;    // from the plot's left edge
  var ROOM_PX = 3;    // the background's margin around the text
  var FADE_PX = 16;   // the fade at the plot's top and bottom edges (orgcharts.css, .chart-more-fade)
  var LINES = ["edges", "path", "dotted", "customer-links"];  // traces whose lines cross the gaps
  var REACH = 1 / 3;  // how far into the plot a name moves to keep clear of the lines
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

  // The lines the plot shows within ``reach`` pixels of its left edge, in the plot's pixels:
  // the vertical ones (each one's x, top and bottom, by x) and the horizontal ones (each
  // one's y, left and right).
  function lines(graph, reach) {
    var xa = graph._fullLayout.xaxis, ya = graph._fullLayout.yaxis;
    var found = {verticals: [], horizontals: []};
    (graph._fullData || []).forEach(function (trace) {
      if (LINES.indexOf(trace.uid) < 0 || !trace.x || !trace.y || trace.visible === false) { return; }
      for (var i = 0; i + 1 < trace.x.length; i++) {
        var ends = [trace.x[i], trace.x[i + 1], trace.y[i], trace.y[i + 1]];
        if (ends.some(function (at) { return at === null || Number.isNaN(at); })) { continue; }
        var x0 = xa.c2p(ends[0]), x1 = xa.c2p(ends[1]), y0 = ya.c2p(ends[2]), y1 = ya.c2p(ends[3]);
        if (trace.x[i] === trace.x[i + 1] && x0 >= 0 && x0 <= reach) {
          found.verticals.push({x: x0, top: Math.min(y0, y1), bottom: Math.max(y0, y1)});
        } else if (trace.y[i] === trace.y[i + 1] && Math.max(x0, x1) >= 0 && Math.min(x0, x1) <= reach) {
          found.horizontals.push({y: y0, left: Math.min(x0, x1), right: Math.max(x0, x1)});
        }
      }
    });
    found.verticals.sort(function (p, q) { return p.x - q.x; });
    return found;
  }

  function crosses(box, horizontals) {
    return horizontals.some(function (line) {
      return line.y > box.y - ROOM_PX && line.y < box.y + box.height + ROOM_PX &&
        line.left < box.x + box.width + ROOM_PX && line.right > box.x - ROOM_PX;
    });
  }

  // The name ``shown`` placed at the view's left in its gap (``middle``, ``room`` pixels tall):
  // past the vertical lines there (``clearOfLines``), at the middle of the gap or as near its
  // top or bottom as its background allows, whichever first crosses no bar of a reporting
  // line and stays clear of the fades at the plot's top and bottom (``plotHeight``); the
  // middle when none does. Its text's box.
  function place(shown, middle, room, found, reach, plotHeight) {
    var text = shown.lastChild;
    var shift = Math.max(0, (room - text.getBBox().height) / 2 - 2 * ROOM_PX);
    var heights = [middle, middle - shift, middle + shift, middle];
    for (var i = 0; i < heights.length; i++) {
      text.setAttribute("x", EDGE_PX + ROOM_PX);
      text.setAttribute("y", heights[i]);
      text.setAttribute("x", clearOfLines(text.getBBox(), found.verticals, reach));
      var box = text.getBBox();
      var faded = box.y - ROOM_PX < FADE_PX || box.y + box.height + ROOM_PX > plotHeight - FADE_PX;
      if (!faded && !crosses(box, found.horizontals)) { break; }
    }
    return text.getBBox();
  }

  // The left edge for a name ``box`` (its text's box) at the plot's left that crosses none of
  // the ``lines`` within ``reach``: the lines drawn under it stay whole. The plot's own left
  // edge when none is clear.
  function clearOfLines(box, lines, reach) {
    var top = box.y - ROOM_PX, bottom = box.y + box.height + ROOM_PX;
    var left = EDGE_PX + ROOM_PX;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line.bottom < top || line.top > bottom) { continue; }
      if (line.x + 1 < left - ROOM_PX) { continue; }
      if (line.x - 1 > left + box.width + ROOM_PX) { break; }
      left = line.x + 2 + 2 * ROOM_PX;
    }
    return left + box.width + ROOM_PX <= reach ? left : EDGE_PX + ROOM_PX;
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
    var reach = layout._size.w * REACH;
    var found = lines(graph, reach);
    var gaps = bands.data.meta.gaps || [];
    var scale = Math.abs(layout.yaxis.c2p(0) - layout.yaxis.c2p(1));
    drawn.forEach(function (point, i) {
      var text = point.querySelector("text");
      if (!text || !text.textContent) { return; }
      var middle = layout.yaxis.c2p(captions[i]);
      var shown = caption(text.textContent, text, EDGE_PX + ROOM_PX, middle);
      layer.appendChild(shown);
      var box = place(shown, middle, (gaps[i] || 0) * scale, found, reach, layout._size.h);
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
