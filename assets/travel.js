// The flip's cards travel. Plotly animates a figure's axes or its points, never both: when an
// animated figure changes an axis range, Plotly gives the traces no time (plots.transition),
// so a flip to the other view's opening ranges would slide the empty frame sideways and then
// jump every card to its new place. So a flip is animated in the ranges drawn, each point
// travelling to the place on screen it has in the new ranges (its coordinates mapped from the
// new range to the one drawn), and the figure itself is then drawn unanimated: the same picture,
// now in its own coordinates and ranges, which are what Dash and every later draw hold.
// The file sorts after Plotly's bundle (Dash loads assets by name), so Plotly is there to wrap.
(function () {
  "use strict";

  function ranges(layout) {
    return layout && layout.xaxis && layout.yaxis && layout.xaxis.range && layout.yaxis.range
      ? [layout.xaxis.range.slice(), layout.yaxis.range.slice()] : null;
  }

  function sameRange(a, b) { return Number(a[0]) === Number(b[0]) && Number(a[1]) === Number(b[1]); }

  // Coordinates in range `from`, moved to the same place on screen in range `to`; a break
  // between lines (null or NaN) stays a break.
  function moved(values, from, to) {
    var numbers = window.orgcharts.decoded(values);
    if (!numbers || typeof numbers.length !== "number" || typeof numbers === "string") { return values; }
    var scale = (to[1] - to[0]) / (from[1] - from[0]);
    return Float64Array.from(numbers, function (value) {
      return value === null || Number.isNaN(Number(value)) ? NaN : to[0] + (Number(value) - from[0]) * scale;
    });
  }

  function isFlip(graph, figure) {
    var drawn = graph && graph.layout && graph.layout.meta;
    var arriving = figure && figure.layout && figure.layout.meta;
    return Boolean(drawn && arriving && drawn.view && arriving.view && drawn.view !== arriving.view);
  }

  // The figure as it looks in the ranges drawn, and the animation options without the redraw
  // at its end: the figure is drawn whole right after.
  function inDrawnRanges(figure, given, drawn) {
    var layout = Object.assign({}, figure.layout, {
      xaxis: Object.assign({}, figure.layout.xaxis, {range: drawn[0]}),
      yaxis: Object.assign({}, figure.layout.yaxis, {range: drawn[1]})
    });
    var data = figure.data.map(function (trace) {
      return Object.assign({}, trace, {x: moved(trace.x, given[0], drawn[0]), y: moved(trace.y, given[1], drawn[1])});
    });
    return Object.assign({}, figure, {data: data, layout: layout});
  }

  function wrap(Plotly) {
    if (!Plotly || Plotly._orgchartsTravel) { return; }
    Plotly._orgchartsTravel = true;
    var animate = Plotly.animate;
    Plotly.animate = function (graph, figure, options) {
      var given = ranges(figure && figure.layout);
      var drawn = ranges(graph && graph._fullLayout);
      if (!Array.isArray(figure && figure.data) || !given || !drawn || !isFlip(graph, figure)
          || (sameRange(given[0], drawn[0]) && sameRange(given[1], drawn[1]))) {
        return animate.apply(Plotly, arguments);
      }
      var quick = Object.assign({}, options, {frame: Object.assign({}, options && options.frame, {redraw: false})});
      return Promise.resolve(animate.call(Plotly, graph, inDrawnRanges(figure, given, drawn), quick))
        .then(function () { return Plotly.react(graph, figure); });
    };
  }

  wrap(window.Plotly);
})();
