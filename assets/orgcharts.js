// Dash loads core-js 2 (its polyfill@7), which replaces String.prototype.trim, parseInt and
// parseFloat in every current browser (core-js 2 still counts U+180E as a space) with
// versions many times slower. plotly.js trims and parses every colour it reads, tens of
// thousands for a big chart (docs/performance.md).
// Take back the browser's own from a fresh frame, whose built-ins nothing has replaced.
(function () {
  "use strict";
  var frame = document.createElement("iframe");
  frame.hidden = true;
  document.documentElement.appendChild(frame);
  var fresh = frame.contentWindow;
  function restore(owner, name, own) {
    if (typeof own === "function" && owner[name] !== own) {
      Object.defineProperty(owner, name, {value: own, writable: true, configurable: true});
    }
  }
  if (fresh) {
    restore(String.prototype, "trim", fresh.String.prototype.trim);
    restore(window, "parseInt", fresh.parseInt);
    restore(window, "parseFloat", fresh.parseFloat);
    restore(Number, "parseInt", fresh.parseInt);
    restore(Number, "parseFloat", fresh.parseFloat);
  }
  frame.remove();
})();

// Keyboard control for workshops, and "click empty space to clear the selection".
(function () {
  "use strict";

  function click(id) {
    var element = document.getElementById(id);
    if (element) { element.click(); }
  }

  // Each key presses a button (orgcharts.web.presenter.KEYS lists them for the help panel).
  var keys = {
    f: "flip-button",
    p: "present-button",
    r: "reset",
    g: "key-grant",
    x: "remove",
    u: "undo-last",
    n: "next-role",
    N: "prev-role",
    s: "next-segment",
    "[": "amount-down",
    "]": "amount-up",
    "?": "help-button",
    ArrowLeft: "prev-decision",
    ArrowRight: "next-decision",
    Escape: "clear-selection"
  };

  // Typing: a text field (radios, checkboxes and buttons are inputs that take no text, and
  // a dropdown's read-only search box neither), a text area or an editable element.
  var TEXT = ["", "text", "number", "search", "email", "password", "url", "tel"];
  function typing(target) {
    if (!target) { return false; }
    if (target.isContentEditable || target.tagName === "TEXTAREA") { return true; }
    if (target.tagName !== "INPUT" || target.readOnly) { return false; }
    return TEXT.indexOf((target.getAttribute("type") || "").toLowerCase()) >= 0;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (typing(target)) {
      if (target.id === "editor" && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        click("apply");
      } else if (target.tagName === "INPUT" && event.key === "Enter") {
        // Dash applies the value on Enter; then the keys are the room's again.
        window.setTimeout(function () { target.blur(); }, 0);
      } else if (target.tagName === "INPUT" && event.key === "Escape") {
        target.blur();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var id = keys[event.key];
    if (!id) { return; }
    event.preventDefault();
    if (event.key === "Escape") {
      var help = document.getElementById("shortcuts");
      if (help && !help.hidden) { click("help-button"); return; }
    }
    click(id);
  });

  // Plotly reports clicks on points only. A click on the plot that no point claimed is a
  // click on empty space: clear the selection.
  function watchClicks(graph) {
    if (!graph.closest("#chart")) { return; }
    var pointClicked = false;
    graph.on("plotly_click", function () { pointClicked = true; });
    graph.addEventListener("mousedown", function () { pointClicked = false; });
    graph.addEventListener("click", function (event) {
      if (!event.target.closest(".nsewdrag")) { return; }
      window.setTimeout(function () {
        if (!pointClicked) { click("clear-selection"); }
      }, 60);
    });
  }

  var orgcharts = window.orgcharts = window.orgcharts || {};
  (orgcharts.watchers = orgcharts.watchers || []).push(watchClicks);  // assets/charts.js
})();

// A file over the size cap is refused in the browser without being sent (dcc.Upload's
// max_size), which on its own says nothing: say why, next to the button.
(function () {
  "use strict";

  function size(bytes) {
    return bytes < 1048576 ? Math.ceil(bytes / 1024) + " KB" : (bytes / 1048576).toFixed(1) + " MB";
  }

  function check(wrap, files) {
    var cap = Number(wrap.dataset.maxBytes);
    var note = wrap.querySelector(".upload-refused");
    if (!note || !cap) { return; }
    var big = Array.prototype.find.call(files || [], function (file) { return file.size > cap; });
    note.textContent = big
      ? big.name + " is " + size(big.size) + ", over the " + size(cap) + " limit: it was not sent."
      : "";
  }

  function wrapOf(event) { return event.target.closest && event.target.closest(".upload-wrap"); }

  document.addEventListener("change", function (event) {
    var wrap = wrapOf(event);
    if (wrap && event.target.files) { check(wrap, event.target.files); }
  }, true);
  document.addEventListener("drop", function (event) {
    var wrap = wrapOf(event);
    if (wrap && event.dataTransfer) { check(wrap, event.dataTransfer.files); }
  }, true);
})();

// orgcharts.web.components: lists to pick from, each one Dash component, which Dash updates
// at the cost of one component where html.Tr, html.Td and html.Button cost one per element.
(function () {
  "use strict";
  var h = window.React.createElement;

  function picker(props) {
    return function (key) { props.setProps({picked: {key: key, at: Date.now()}}); };
  }

  function TableRows(props) {
    var columns = props.columns || [];
    var pick = picker(props);
    return h("tbody", {id: props.id}, (props.rows || []).map(function (row) {
      return h("tr", {
        key: row.key,
        "data-role": row.key,
        className: row.key === props.selected ? "selected" : "",
        tabIndex: 0,
        onClick: function () { pick(row.key); },
        onKeyDown: function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pick(row.key); }
        }
      }, row.cells.map(function (text, index) {
        return h("td", {key: index, className: columns[index], style: index === 0 ? row.style : undefined}, text);
      }));
    }));
  }

  function Choices(props) {
    var options = props.options || [];
    var pick = picker(props);
    var children = options.length
      ? options.map(function (option) {
        return h("button", {
          key: option.key,
          type: "button",
          className: "choice",
          title: option.title,
          onClick: function () { pick(option.key); }
        }, option.label);
      })
      : props.note ? h("p", {className: "muted"}, props.note) : null;
    return h("div", {id: props.id, className: props.className}, children);
  }

  window.orgcharts = Object.assign(window.orgcharts || {}, {TableRows: TableRows, Choices: Choices});
})();
