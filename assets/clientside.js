// The dashboard's clientside callbacks (orgcharts.web: each feature names its functions
// with wiring.Callbacks.client): window.dash_clientside.orgcharts, no script in Python.
(function () {
  "use strict";

  function keep() { return window.dash_clientside.no_update; }

  function trigger() {
    return (window.dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
  }

  // What a click can hit besides a role: each chart point's customdata is [id, kind]
  // (orgcharts.figures.KINDS), the kinds written on the chart panel by the layout
  // (orgcharts.web.ids.CLICK_KINDS).
  function clickKinds() {
    var panel = document.querySelector("[data-click-collapsed]");
    return {
      collapsed: panel ? panel.dataset.clickCollapsed : "",
      segment: panel ? panel.dataset.clickSegment : ""
    };
  }

  // The chart's size in pixels, for the server to open as many levels as fit it.
  function chartArea(id) {
    var graph = document.getElementById(id || "chart");
    if (!graph) { return null; }
    // inside its border: the compare charts' boxes have one, and Plotly draws within it
    if (graph.clientWidth < 1 || graph.clientHeight < 1) { return null; }
    return {width: graph.clientWidth, height: graph.clientHeight};
  }

  // A trace's coordinates as a typed array: the server sends them base64 encoded
  // ({dtype, bdata}), and Plotly merges such objects into the previous ones on animate,
  // keeping the previous decoded values; an array replaces them.
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array, u1: Uint8Array};
  function decoded(values) {
    if (!values || typeof values.bdata !== "string") { return values; }
    if (values._inputArray) { return values._inputArray; }
    return new (TYPES[values.dtype] || Float64Array)(bytesOf(values.bdata).buffer);
  }
  // Uint8Array.fromBase64 where the browser has it; else a plain loop (a mapping function
  // called per byte costs as much again as the rest of a flip on megabytes of outlines).
  function bytesOf(base64) {
    if (typeof Uint8Array.fromBase64 === "function") { return Uint8Array.fromBase64(base64); }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }
  window.orgcharts = Object.assign(window.orgcharts || {}, {decoded: decoded});

  // Per graph id: the size last told to its store, the element observed, the pending tell.
  var told = {};
  var watched = {};
  var resizing = {};

  // The size of graph `id` when it differs from the one last told (and now told), else null.
  function changedArea(id) {
    var area = chartArea(id);
    var last = told[id];
    if (!area || (last && area.width === last.width && area.height === last.height)) { return null; }
    told[id] = area;
    return area;
  }

  // A graph's size told again whenever it changes (the window resized, projector mode, the
  // panels beside it, the compare tab's rows settling once drawn), debounced: one observer on
  // the graph once Dash has mounted it.
  function watchArea(id, store) {
    var graph = document.getElementById(id);
    if (!graph || graph === watched[id] || !window.ResizeObserver) { return; }
    watched[id] = graph;
    new ResizeObserver(function () {
      clearTimeout(resizing[id]);
      resizing[id] = setTimeout(function () {
        if (!window.dash_clientside.set_props) { return; }
        var area = changedArea(id);
        if (area) { window.dash_clientside.set_props(store, {data: area}); }
      }, 300);
    }).observe(graph);
  }

  // The chart's area once its graph is mounted (Dash loads the graph's code after the page's),
  // or null if it never is within MOUNT_WAIT_MS.
  var MOUNT_WAIT_MS = 5000;
  function mountedArea(id) {
    var began = performance.now();
    return new Promise(function (resolve) {
      (function look() {
        var area = chartArea(id);
        if (area || performance.now() - began > MOUNT_WAIT_MS) { resolve(area); } else { setTimeout(look, 20); }
      })();
    });
  }

  // The flip: a figure carries the other view's coordinates in each trace's meta.other and
  // the other view's title in layout.meta, so the browser swaps them in (chart.py).
  // Returns [figure, animate]: the figure turned to `view`, or no_update when it is in that
  // view already; animated only when asked and drawn in SVG (Plotly does not animate WebGL),
  // and whole (assets/viewport.js draws a chart of many cards only near the view).
  function orient(view, figure, animated) {
    var meta = figure && figure.layout && figure.layout.meta;
    if (!meta || !Array.isArray(figure.data) || meta.view === view) { return [keep(), keep()]; }
    if (view !== "inverted" && view !== "conventional") { return [keep(), keep()]; }
    var turned = Object.assign({}, figure, {
      data: figure.data.map(function (trace) {
        var other = trace.meta && trace.meta.other;
        if (!other) { return trace; }
        var turned = {x: decoded(other.x), y: decoded(other.y)};
        var back = {x: decoded(trace.x), y: decoded(trace.y)};
        if (other.text) { turned.text = other.text; back.text = trace.text; }
        turned.meta = Object.assign({}, trace.meta, {other: back});
        if (other.captions) {
          turned.meta.captions = other.captions;
          turned.meta.gaps = other.gaps;
          back.captions = trace.meta.captions;
          back.gaps = trace.meta.gaps;
        }
        return Object.assign({}, trace, turned);
      }),
      layout: Object.assign({}, figure.layout, {
        title: Object.assign({}, figure.layout.title, {text: meta.other_title}),
        meta: Object.assign({}, meta, {
          view: view,
          other_title: figure.layout.title.text,
          ranges: meta.other_ranges,
          other_ranges: meta.ranges
        }),
        xaxis: Object.assign({}, figure.layout.xaxis, {range: meta.other_ranges.x}),
        yaxis: Object.assign({}, figure.layout.yaxis, {range: meta.other_ranges.y})
      })
    });
    var svg = turned.data.every(function (trace) { return trace.type !== "scattergl"; });
    return [turned, animated ? svg && !meta.culls : keep()];
  }

  // The customers' band fades on a flip rather than popping: out before the cards travel to
  // the conventional view (which has no customers), in once they have travelled to customers
  // on top (Plotly draws a trace that had no points only when the animation ends).
  // A CSS animation on the chart's customer traces (orgcharts.css), keyed on an attribute of
  // the graph (React rewrites its class), so that trace groups Plotly creates for the arriving
  // customers fade in too, and Plotly's own inline opacity does not stop it.
  var FADE_OUT_MS = 150;
  var FADE_IN_MS = 450;
  function fade(graph, direction) {
    delete graph.dataset.customers;
    void graph.getBoundingClientRect();  // restart the animation
    graph.dataset.customers = direction;
  }
  function unfade(graph, direction) {
    if (graph.dataset.customers === direction) { delete graph.dataset.customers; }
  }

  var functions = {
    orient: orient,

    // chart: the flip button's or key's view change, animated; a figure arriving for the
    // view the user has since flipped away from, turned at once.
    // A chart the user has zoomed or panned keeps its ranges across the flip (the drawn
    // graph holds them); one as it opened goes to the other view's opening ranges.
    flipChart: function (view, figure) {
      // While the server is drawing the chart, flip at once: an animation still running
      // when the server's figure lands would finish on the old one's frames.
      var busy = Boolean(document.querySelector('[data-dash-is-loading="true"]'));
      var result = orient(view, figure, !busy);
      var turned = result[0];
      var graph = document.querySelector("#chart .js-plotly-plot");
      var drawn = graph && graph.layout;
      if (!turned || !turned.layout || !drawn || !drawn.xaxis || !drawn.yaxis) { return result; }
      var same = function (a, b) { return a && b && a[0] === b[0] && a[1] === b[1]; };
      var opening = figure.layout.meta.ranges;
      var moved = !opening || !same(drawn.xaxis.range, opening.x) || !same(drawn.yaxis.range, opening.y);
      if (moved) {
        turned.layout.xaxis = Object.assign({}, turned.layout.xaxis, {range: drawn.xaxis.range.slice()});
        turned.layout.yaxis = Object.assign({}, turned.layout.yaxis, {range: drawn.yaxis.range.slice()});
      }
      if (result[1] !== true) { return result; }
      if (view === "inverted") {
        fade(graph, "arriving");
        graph.once("plotly_animated", function () {
          setTimeout(function () { unfade(graph, "arriving"); }, FADE_IN_MS);
        });
        return result;
      }
      fade(graph, "leaving");
      return new Promise(function (resolve) {
        setTimeout(function () {
          graph.once("plotly_animated", function () { unfade(graph, "leaving"); });
          resolve(result);
        }, FADE_OUT_MS);
      });
    },
    turnArrivingChart: function (figure, view) { return orient(view, figure, false)[0]; },

    // chart: its size for an org, once the graph is mounted, when it differs from the size
    // last told (and whenever it changes, watchArea). Not on each figure drawn: the chart's
    // figure would then wait on its own size, and Dash runs such a loop last.
    measureChart: function () {
      return mountedArea().then(function () {
        watchArea("chart", "chart-area");
        return changedArea("chart") || keep();
      });
    },

    // comparison: the compare charts' size once the tab shows them (and whenever it changes),
    // when it differs from the last one told. On the tab, not on the charts' figure: that would
    // be a loop (the size draws the figure), which Dash does not run again.
    measureCompare: function (tab) {
      if (tab !== "compare") { return keep(); }
      return mountedArea("compare-before").then(function () {
        watchArea("compare-before", "compare-area");
        return changedArea("compare-before") || keep();
      });
    },

    // chart: WebGL drawn at the screen's density, not Plotly's double.
    screenDensity: function (_source, config) {
      var ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 4);
      if (config && config.plotGlPixelRatio === ratio) { return keep(); }
      return Object.assign({}, config, {plotGlPixelRatio: ratio});
    },

    // chart: a role clicked is selected, a collapsed one opened, a segment ignored; new
    // levels close what was opened, a new org clears both, anything else the selection.
    chartClicked: function (click, clear, source, levels, expanded) {
      var fired = trigger();
      if (fired.startsWith("chart.clickData") && click && click.points && click.points.length) {
        var hit = click.points[0].customdata;
        var kinds = clickKinds();
        if (!Array.isArray(hit) || typeof hit[0] !== "string") { return [keep(), keep()]; }
        if (hit[1] === kinds.segment) { return [keep(), keep()]; }
        if (hit[1] === kinds.collapsed) { return [keep(), (expanded || []).concat([hit[0]])]; }
        return [hit[0], keep()];
      }
      if (fired.startsWith("levels")) { return [keep(), []]; }
      if (fired.startsWith("org-source")) { return [null, []]; }
      return [null, keep()];
    },

    // hoptable: the selection's row highlighted; a row picked selects its role.
    highlightRow: function (selected) { return typeof selected === "string" ? selected : null; },
    rowPicked: function (picked) {
      return picked && typeof picked.key === "string" ? picked.key : keep();
    },

    // controls: an amount preset sets the amount ("any": none); previous and next decision.
    amountPreset: function (preset) {
      if (preset === null || preset === undefined) { return keep(); }
      return preset === "any" ? null : preset;
    },
    stepDecision: function (prev, next, options, current) {
      if (!options || !options.length) { return keep(); }
      var ids = options.map(function (o) { return o.value; });
      var step = trigger().startsWith("prev") ? -1 : 1;
      var at = Math.max(ids.indexOf(current), 0);
      return ids[(at + step + ids.length) % ids.length];
    },

    // presenter: projector mode from the button or ?present=1; the flip button; help.
    present: function (search, clicks, present) {
      if (trigger().startsWith("present-button")) { return !present; }
      return new URLSearchParams(search || "").get("present") === "1";
    },
    rootClass: function (present) { return present ? "app present" : "app"; },
    flip: function (clicks, current) { return current === "inverted" ? "conventional" : "inverted"; },
    toggleHelp: function (clicks, hidden) { return !hidden; }
  };

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.orgcharts = Object.assign(window.dash_clientside.orgcharts || {}, functions);
})();
