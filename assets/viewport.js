// A chart of thousands of cards draws only what is near the view. Plotly draws every point of
// every trace as SVG, seen or not: all cards of a big org expanded, each with its text, its
// chip and its lines, take seconds to draw and again to pan. A figure whose layout.meta.culls
// names traces (orgcharts.figures: many cards) is handed to Plotly with its lines and card outlines
// cut to those crossing a window around the view (the view and one more of it on each side),
// and its text emptied outside it; its points keep every role, so hover, click and the data
// the page reads stay whole. Dash draws the figure again on each pan or zoom (the graph's
// relayoutData changes), with the view the user left in the figure's layout (Plotly keeps it
// there): each draw is cut around the view of the moment. The file sorts after Plotly's bundle
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

  function textIn(xs, ys, texts, window_) {
    return texts.map(function (text, i) {
      var near = xs[i] >= window_.x0 && xs[i] <= window_.x1 && ys[i] >= window_.y0 && ys[i] <= window_.y1;
      return near ? text : "";
    });
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

  // Each cullable trace's attributes for the window. A text trace's uid names the view: Plotly
  // keeps the text points it drew for one view's cut when the other arrives (a flip), and draws
  // a trace of a new uid afresh.
  function cut(traces, window_, view) {
    return traces.map(function (each) {
      var trace = each[1];
      if (trace.mode.indexOf("lines") !== -1) { return linesIn(each[2], each[3], window_); }  // "lines+markers" too
      return {text: textIn(each[2], each[3], trace.text, window_), uid: trace.uid + "-" + view};
    });
  }

  // The figure for Plotly, cut around the view of axis ranges x and y.
  function culled(figure, x, y) {
    var traces = cullable(figure);
    var data = figure.data.slice();
    cut(traces, box(x, y, 1), figure.layout.meta.view).forEach(function (changed, n) {
      data[traces[n][0]] = Object.assign({}, traces[n][1], changed);
    });
    return Object.assign({}, figure, {data: data});
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
