// The chart says where it goes on. It opens at one unit per pixel, so an org wider or taller
// than its plot is cut at the plot's edges, and a card cut in half there read as a broken
// drawing. Each edge that the chart's cards reach past fades out, and where whole cards lie
// beyond it a button says how many ("9 more roles and 2 teams →": roles and collapsed teams the
// middle of whose card's text is past that edge) and pans the chart most of a view that way, with the mouse
// or the keyboard. Drawn again after every redraw, pan, zoom and flip, for every org chart on
// the page (a figure whose layout.meta.extents gives each view's width and height of cards).
(function () {
  "use strict";

  var STEP = 0.8;  // of the view's width or height, per press
  var ROOM = 12;   // chart units kept around the cards at the end of a pan
  var EDGE_PX = 6; // a button's distance from the plot's edge
  var NEAR_EDGE_PX = 400; // more than half the widest or tallest card's text, projector type included
  var SIDES = ["left", "right", "top", "bottom"];
  var ARROWS = {left: "\u2190", right: "\u2192", top: "\u2191", bottom: "\u2193"};

  function rolesTrace(graph) {
    return (graph._fullData || []).find(function (trace) {
      return typeof trace.uid === "string" && trace.uid.indexOf("roles") === 0;
    });
  }

  // How many cards lie past each edge of the view (x0..x1, y0..y1), roles and teams apart.
  function beyond(trace, x, y) {
    var counts = {};
    SIDES.forEach(function (side) { counts[side] = {roles: 0, teams: 0}; });
    var xs = trace.x || [], ys = trace.y || [], kinds = trace.customdata || [];
    for (var i = 0; i < xs.length; i += 1) {
      var kind = kinds[i] && kinds[i][1] === "collapsed" ? "teams" : "roles";
      if (xs[i] < x[0]) { counts.left[kind] += 1; }
      if (xs[i] > x[1]) { counts.right[kind] += 1; }
      if (ys[i] > y[1]) { counts.top[kind] += 1; }
      if (ys[i] < y[0]) { counts.bottom[kind] += 1; }
    }
    return counts;
  }

  function counted(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // "9 more roles and 2 teams →", "1 more team →", "↑ 3 more roles"
  function words(count, side) {
    var said = count.roles
      ? counted(count.roles, "more role", "more roles") + (count.teams ? " and " + counted(count.teams, "team", "teams") : "")
      : counted(count.teams, "more team", "more teams");
    return side === "left" || side === "top" ? ARROWS[side] + " " + said : said + " " + ARROWS[side];
  }

  // The overlay over the plot area: a fade and a button per side, made once per graph.
  function overlay(graph) {
    var layer = graph.querySelector(":scope > .chart-more");
    if (layer) { return layer; }
    layer = document.createElement("div");
    layer.className = "chart-more";
    SIDES.forEach(function (side) {
      var faded = document.createElement("div");
      faded.className = "chart-more-fade " + side;
      var go = document.createElement("button");
      go.type = "button";
      go.className = "chart-more-go " + side;
      go.dataset.side = side;
      go.addEventListener("click", function () { pan(graph, side); });
      layer.appendChild(faded);
      layer.appendChild(go);
    });
    graph.appendChild(layer);
    return layer;
  }

  function extent(graph) {
    var meta = graph.layout && graph.layout.meta;
    var size = meta && meta.extents && meta.extents[meta.view];
    return size ? {x: [0, size[0]], y: [-size[1], 0]} : null;
  }

  // Most of a view towards `side`, stopping where the cards end.
  function pan(graph, side) {
    var layout = graph._fullLayout;
    var cards = extent(graph);
    if (!layout || !cards) { return; }
    var axis = side === "left" || side === "right" ? "x" : "y";
    var range = layout[axis + "axis"].range.slice();
    var towards = side === "right" || side === "top" ? 1 : -1;
    var room = towards > 0 ? cards[axis][1] + ROOM - range[1] : range[0] - (cards[axis][0] - ROOM);
    var step = Math.max(0, Math.min(STEP * (range[1] - range[0]), room)) * towards;
    var update = {};
    update[axis + "axis.range"] = [range[0] + step, range[1] + step];
    graph.dataset.orgchartsPanned = side;
    window.Plotly.relayout(graph, update);
  }

  // The button pressed keeps the keyboard's focus across the redraw its pan makes, or hands
  // it to the opposite one once the cards end that way.
  function refocus(graph, layer) {
    var side = graph.dataset.orgchartsPanned;
    if (!side) { return; }
    delete graph.dataset.orgchartsPanned;
    var opposite = {left: "right", right: "left", top: "bottom", bottom: "top"}[side];
    var go = [side, opposite].map(function (each) { return layer.querySelector(".chart-more-go." + each); })
      .find(function (button) { return button && !button.hidden; });
    if (go && document.activeElement !== go) { go.focus(); }
  }

  function sync(graph) {
    var layout = graph._fullLayout;
    var cards = extent(graph);
    var trace = rolesTrace(graph);
    if (!layout || !layout._size || !layout.xaxis || !layout.yaxis || !cards || !trace) {
      var old = graph.querySelector(":scope > .chart-more");
      if (old) { old.hidden = true; }
      return;
    }
    var x = layout.xaxis.range.map(Number), y = layout.yaxis.range.map(Number);
    var layer = overlay(graph);
    var size = layout._size;
    Object.assign(layer.style, {left: size.l + "px", top: size.t + "px", width: size.w + "px", height: size.h + "px"});
    layer.hidden = false;
    var past = {left: cards.x[0] < x[0] - 1, right: cards.x[1] > x[1] + 1,
                top: cards.y[1] > y[1] + 1, bottom: cards.y[0] < y[0] - 1};
    var counts = beyond(trace, x, y);
    SIDES.forEach(function (side) {
      var count = counts[side];
      var go = layer.querySelector(".chart-more-go." + side);
      layer.querySelector(".chart-more-fade." + side).hidden = !past[side];
      go.hidden = !past[side] || !(count.roles || count.teams);
      if (go.hidden) { return; }
      go.textContent = words(count, side);
      go.title = "Pan the chart " + (side === "top" ? "up" : side === "bottom" ? "down" : side);
    });
    hideCutText(graph, layer.getBoundingClientRect());
    var below = layer.querySelector(".chart-more-go.bottom");
    if (!below.hidden) { below.style.right = clearOfText(graph, layer, below) + "px"; }
    var gap = middleGap(graph, layout, below.hidden ? size.h : size.h - below.offsetHeight - EDGE_PX);
    ["left", "right"].forEach(function (side) {
      var go = layer.querySelector(".chart-more-go." + side);
      go.style.top = gap.y + "px";
      go.style.left = side === "left" ? gap.left + "px" : "";
    });
    refocus(graph, layer);
  }

  // A card the plot's left or right edge cuts would show broken words ("Hillcre", "1 pers"):
  // its text is not drawn while that edge cuts it, so every word in sight is whole. Its outline
  // stays, under the edge's fade, and the edge's button counts it. Of a card the top or bottom
  // edge cuts, the lines wholly in sight are drawn and the lines it cuts are not. (The bands'
  // names are kept inside the plot by assets/bands.js.)
  function hideCutText(graph, plot) {
    graph.querySelectorAll(".textpoint text").forEach(function (text) {
      if (text.closest(".tracebands")) { return; }
      // text anchored far from every edge (in the plot's pixels) is not measured
      var anchor = {x: parseFloat(text.getAttribute("x")), y: parseFloat(text.getAttribute("y"))};
      var far = anchor.x > NEAR_EDGE_PX && anchor.x < plot.width - NEAR_EDGE_PX &&
        anchor.y > NEAR_EDGE_PX && anchor.y < plot.height - NEAR_EDGE_PX;
      if (far && !text.dataset.cut) { return; }
      var box = text.getBoundingClientRect();
      var inSight = box.width > 0 && box.left < plot.right && box.right > plot.left &&
        box.top < plot.bottom && box.bottom > plot.top;
      var sideCut = inSight && (box.left < plot.left - 0.5 || box.right > plot.right + 0.5);
      var lines = text.querySelectorAll(":scope > tspan.line");
      var cutLines = 0;
      (lines.length ? Array.prototype.slice.call(lines) : []).forEach(function (line) {
        var own = line.getBoundingClientRect();
        var cut = !sideCut && inSight && (own.top < plot.top - 0.5 || own.bottom > plot.bottom + 0.5);
        if (cut) { line.style.fill = "transparent"; } else if (text.dataset.cut) { line.style.fill = ""; }
        cutLines += cut ? 1 : 0;
      });
      var single = !lines.length && inSight && (box.top < plot.top - 0.5 || box.bottom > plot.bottom + 0.5);
      var hidden = sideCut || single;
      if (hidden) { text.style.opacity = "0"; } else if (text.dataset.cut) { text.style.opacity = ""; }
      if (hidden || cutLines) { text.dataset.cut = "1"; } else { delete text.dataset.cut; }
    });
  }

  // How far from the plot's right edge the bottom button goes: the rightmost place along the
  // bottom where it covers no card's text (a card cut by the bottom edge still shows its
  // first lines there), else the corner.
  function clearOfText(graph, layer, go) {
    var plot = layer.getBoundingClientRect();
    var width = go.offsetWidth;
    var bottom = plot.bottom - EDGE_PX, top = bottom - go.offsetHeight;
    var spans = [];
    graph.querySelectorAll(".textpoint text, text.textpoint").forEach(function (text) {
      if (text.style.opacity === "0") { return; }
      // of a card an edge cuts, the lines still drawn
      var lines = text.dataset.cut ? Array.prototype.slice.call(text.querySelectorAll(":scope > tspan.line")) : [];
      var drawn = lines.length ? lines.filter(function (line) { return line.style.fill !== "transparent"; }) : [text];
      drawn.forEach(function (part) {
        var box = part.getBoundingClientRect();
        if (box.width && box.bottom > top && box.top < bottom && box.right > plot.left && box.left < plot.right) {
          spans.push([box.left - plot.left, box.right - plot.left]);
        }
      });
    });
    var rights = [plot.width - EDGE_PX].concat(spans.map(function (span) { return span[0] - EDGE_PX; }));
    rights.sort(function (a, b) { return b - a; });
    var free = rights.find(function (right) {
      return right <= plot.width - EDGE_PX && right - width >= EDGE_PX && spans.every(function (span) {
        return span[1] <= right - width || span[0] >= right;
      });
    });
    return free === undefined ? EDGE_PX : plot.width - free;
  }

  // Where the side buttons go: the gap between two bands nearest the plot's middle (the bands
  // trace's meta.captions, in chart units), which no card crosses, above the bottom button
  // (`floor`, in the plot's pixels), the left one after the band's name drawn there
  // (assets/bands.js); the middle when no gap is in view.
  function middleGap(graph, layout, floor) {
    var size = layout._size;
    var bands = (graph.data || []).find(function (trace) { return trace.uid === "bands"; });
    var captions = (bands && bands.meta && bands.meta.captions) || [];
    var best = {y: size.h / 2, left: EDGE_PX};
    var nearest = Infinity;
    captions.forEach(function (at) {
      var y = layout.yaxis.c2p(at);
      if (y < 24 || y > floor - 24 || Math.abs(y - size.h / 2) >= nearest) { return; }
      nearest = Math.abs(y - size.h / 2);
      best = {y: y, left: EDGE_PX};
    });
    var plot = graph.querySelector(".nsewdrag");
    var origin = plot && plot.getBoundingClientRect();
    graph.querySelectorAll(".band-caption").forEach(function (name) {
      var box = name.getBoundingClientRect();
      if (origin && Math.abs(box.top + box.height / 2 - origin.top - best.y) < box.height) {
        best.left = box.right - origin.left + EDGE_PX;
      }
    });
    return best;
  }

  function watch(graph) {
    // while a flip travels the edges are the other view's: they come back once it has arrived
    // (a pan written back by Dash is animated too, and keeps them)
    var view = graph.layout && graph.layout.meta && graph.layout.meta.view;
    graph.on("plotly_transitioning", function () {
      var now = graph.layout && graph.layout.meta && graph.layout.meta.view;
      var layer = graph.querySelector(":scope > .chart-more");
      if (layer && now !== view) { layer.hidden = true; }
      view = now;
    });
    window.orgcharts.afterEachDraw(graph, sync);
  }

  var orgcharts = window.orgcharts = window.orgcharts || {};
  (orgcharts.watchers = orgcharts.watchers || []).push(watch);  // assets/charts.js
})();
