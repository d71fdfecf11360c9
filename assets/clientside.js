// The dashboard's clientside callbacks (orgcharts.web: each feature names its functions
// with wiring.Callbacks.client): window.dash_clientside.orgcharts, no script in Python.
(function () {
  "use strict";

  function keep() { return window.dash_clientside.no_update; }

  function trigger() {
    return (window.dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
  }

  // The click codes of the chart's customdata (orgcharts.figures), written on the chart
  // panel by the layout (orgcharts.web.ids.CLICK_CODES).
  function clickCodes() {
    var panel = document.querySelector("[data-expand-prefix]");
    return {
      expand: panel ? panel.dataset.expandPrefix : "",
      segment: panel ? panel.dataset.segmentPrefix : ""
    };
  }

  // The flip: a figure carries the other view's coordinates in each trace's meta.other and
  // the other view's title in layout.meta, so the browser swaps them in (chart.py).
  // Returns [figure, animate]: the figure turned to `view`, or no_update when it is in that
  // view already; animated only when asked and drawn in SVG (Plotly does not animate WebGL).
  function orient(view, figure, animated) {
    var meta = figure && figure.layout && figure.layout.meta;
    if (!meta || !Array.isArray(figure.data) || meta.view === view) { return [keep(), keep()]; }
    if (view !== "inverted" && view !== "conventional") { return [keep(), keep()]; }
    var turned = Object.assign({}, figure, {
      data: figure.data.map(function (trace) {
        var other = trace.meta && trace.meta.other;
        if (!other) { return trace; }
        return Object.assign({}, trace, {
          x: other.x,
          y: other.y,
          meta: Object.assign({}, trace.meta, {other: {x: trace.x, y: trace.y}})
        });
      }),
      layout: Object.assign({}, figure.layout, {
        title: Object.assign({}, figure.layout.title, {text: meta.other_title}),
        meta: {view: view, other_title: figure.layout.title.text}
      })
    });
    var svg = turned.data.every(function (trace) { return trace.type !== "scattergl"; });
    return [turned, animated ? svg : keep()];
  }

  var functions = {
    orient: orient,

    // chart: the flip button's or key's view change, animated; a figure arriving for the
    // view the user has since flipped away from, turned at once.
    flipChart: function (view, figure) { return orient(view, figure, true); },
    turnArrivingChart: function (figure, view) { return orient(view, figure, false)[0]; },

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
        var id = click.points[0].customdata;
        var codes = clickCodes();
        if (typeof id !== "string" || id.startsWith(codes.segment)) { return [keep(), keep()]; }
        if (id.startsWith(codes.expand)) {
          return [keep(), (expanded || []).concat([id.slice(codes.expand.length)])];
        }
        return [id, keep()];
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

    // source: the editor's text kept in the browser as a draft of the org it edits.
    keepDraft: function (text, source) {
      if (typeof text !== "string" || !source) { return keep(); }
      return {text: text, base: source.digest};
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
