// A chart of thousands of cards draws only what is near the view. Plotly draws every point of
// every trace as SVG, seen or not: all cards of a big org expanded, each with its text, its
// chip and its lines, take seconds to draw and again to pan. A figure whose layout.meta.culls
// names traces (orgcharts.figures: many cards) is handed to Plotly with its lines and card outlines
// cut to those crossing a window around the view (the view and one more of it on each side),
// and its text to the cards in it; the roles' points stay whole (drawn as nothing), so hover,
// click and the data the page reads keep every role. Dash draws the figure again on each pan
// or zoom (the graph's relayoutData changes), with the view the user left in the figure's
// layout (Plotly keeps it there): each draw is cut around the view of the moment. The file sorts after Plotly's bundle
// (Dash loads assets by name), so Plotly is there to wrap.
(function () {
  "use strict";

  // Coordinates decoded as the flip decodes them (assets/clientside.js), once per figure: Dash
  // draws the same figure again on each pan.
  var decodedBefore = new WeakMap();
  function decoded(values) {
    if (!values || typeof values !== "object") { return values; }
    if (!decodedBefore.has(values)) { decodedBefore.set(values, window.orgcharts.decoded(values)); }
    return decodedBefore.get(values);
  }

  // The view of axis ranges x and y, and `margin` times as much again on each side.
  function box(x, y, margin) {
    var width = Math.abs(x[1] - x[0]) * margin;
    var height = Math.abs(y[1] - y[0]) * margin;
    return {
      x0: Math.min(x[0], x[1]) - width, x1: Math.max(x[0], x[1]) + width,
      y0: Math.min(y[0], y[1]) - height, y1: Math.max(y[0], y[1]) + height
    };
  }

  // The lines (NaN between them) whose box meets the window, NaN still between them.
  function linesIn(xs, ys, window_) {
    var keptX = [];
    var keptY = [];
    var start = 0;
    for (var i = 0; i <= xs.length; i += 1) {
      if (i < xs.length && !Number.isNaN(xs[i])) { continue; }
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (var j = start; j < i; j += 1) {
        x0 = Math.min(x0, xs[j]); x1 = Math.max(x1, xs[j]);
        y0 = Math.min(y0, ys[j]); y1 = Math.max(y1, ys[j]);
      }
      if (i > start && x1 >= window_.x0 && x0 <= window_.x1 && y1 >= window_.y0 && y0 <= window_.y1) {
        for (j = start; j <= Math.min(i, xs.length - 1); j += 1) { keptX.push(xs[j]); keptY.push(ys[j]); }
      }
      start = i + 1;
    }
    return {x: Float32Array.from(keptX), y: Float32Array.from(keptY)};
  }

  // The points of a text trace in the window, as a trace of their own: Plotly makes an SVG group
  // for every point of a text trace, text or none, so a trace of all the roles costs thousands
  // of elements on every draw and flip; this one holds the few hundred near the view.
  function textIn(trace, xs, ys, window_, uid) {
    var near = [];
    for (var i = 0; i < xs.length; i += 1) {
      if (xs[i] >= window_.x0 && xs[i] <= window_.x1 && ys[i] >= window_.y0 && ys[i] <= window_.y1) { near.push(i); }
    }
    var pick = function (values) {
      return Array.isArray(values) ? near.map(function (i) { return values[i]; }) : values;
    };
    var font = trace.textfont || {};
    return {
      type: trace.type, mode: trace.mode, name: trace.name, uid: uid, showlegend: false, hoverinfo: "skip",
      x: Float64Array.from(near, function (i) { return xs[i]; }),
      y: Float64Array.from(near, function (i) { return ys[i]; }),
      text: pick(trace.text), textposition: pick(trace.textposition),
      textfont: {family: pick(font.family), size: pick(font.size), color: pick(font.color)},
      meta: trace.meta && typeof trace.meta.hides_below === "number"
        ? {hides_below: trace.meta.hides_below, hidden_mode: "none"} : undefined
    };
  }

  // The traces meta.culls names (by uid): [index, trace, xs, ys].
  function cullable(figure) {
    var names = figure.layout.meta.culls;
    var found = [];
    figure.data.forEach(function (trace, index) {
      if (names.indexOf(trace.uid) >= 0) { found.push([index, trace, decoded(trace.x), decoded(trace.y)]); }
    });
    return found;
  }

  // The figure for Plotly, cut around the view of axis ranges x and y: lines to those crossing
  // the window; a text trace to its points in it. A text trace a reader hovers and clicks (the
  // roles) keeps every point, drawn as nothing (mode "none": Plotly still hovers and clicks
  // them, and the page reads every role from it), its text drawn by a trace added after all
  // the others. Text traces' uids name the view: Plotly keeps the text points it drew for one
  // view's cut when the other arrives (a flip), and draws a trace of a new uid afresh.
  function culled(figure, x, y) {
    var window_ = box(x, y, 1);
    var view = figure.layout.meta.view;
    var data = figure.data.slice();
    var added = [];
    cullable(figure).forEach(function (each) {
      var index = each[0], trace = each[1];
      if (trace.mode.indexOf("lines") !== -1) {  // "lines+markers" too
        data[index] = Object.assign({}, trace, linesIn(each[2], each[3], window_));
        return;
      }
      var uid = trace.uid + "-" + view;
      if (trace.hoverinfo === "skip") {
        data[index] = textIn(trace, each[2], each[3], window_, uid);
        return;
      }
      data[index] = Object.assign({}, trace, {mode: "none", text: undefined, uid: uid,
                                              meta: Object.assign({}, trace.meta, {hides_below: undefined})});
      added.push(textIn(trace, each[2], each[3], window_, trace.uid + "-text-" + view));
    });
    return Object.assign({}, figure, {data: data.concat(added)});
  }

  function ranges(layout) {
    return layout && layout.xaxis && layout.yaxis && layout.xaxis.range && layout.yaxis.range
      ? [layout.xaxis.range, layout.yaxis.range] : null;
  }

  function within(view, window_) {
    var inner = box(view[0], view[1], 0);
    return inner.x0 >= window_.x0 && inner.x1 <= window_.x1 && inner.y0 >= window_.y0 && inner.y1 <= window_.y1;
  }

  // Cut around the figure's view; Plotly may keep the user's instead (uirevision): if the view
  // drawn is not inside what was cut, cut again around it.
  function wrap(Plotly) {
    if (!Plotly || Plotly._orgchartsViewport) { return; }
    Plotly._orgchartsViewport = true;
    ["react", "newPlot", "animate"].forEach(function (name) {
      var own = Plotly[name];
      Plotly[name] = function (graph, figure) {
        var rest = Array.prototype.slice.call(arguments, 2);
        var meta = figure && figure.layout && figure.layout.meta;
        var given = ranges(figure && figure.layout);
        if (!figure || !Array.isArray(figure.data) || !meta || !Array.isArray(meta.culls) || !given) {
          return own.apply(Plotly, arguments);
        }
        var draw = function (view) { return own.apply(Plotly, [graph, culled(figure, view[0], view[1])].concat(rest)); };
        return Promise.resolve(draw(given)).then(function (done) {
          var shown = ranges(graph._fullLayout);
          return shown && !within(shown, box(given[0], given[1], 1)) ? draw(shown) : done;
        });
      };
    });
  }

  wrap(window.Plotly);
})();
