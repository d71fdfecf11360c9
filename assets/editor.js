// The YAML editor (orgcharts.web.source): line numbers in its gutter, and a message that
// names a line (data-line, orgcharts.web.parts.diagnostic_item) shows that line when clicked
// or when Enter is pressed on it.
(function () {
  "use strict";
  var LINE_PX = 20;
  var counted = null;

  function numbers() {
    var editor = document.getElementById("editor");
    var gutter = document.getElementById("editor-gutter");
    if (!editor || !gutter) { return; }
    var value = editor.value;
    if (value !== counted || !gutter.dataset.lines) {
      counted = value;
      var count = value.split("\n").length;
      var text = [];
      for (var line = 1; line <= count; line += 1) { text.push(line); }
      if (gutter.dataset.lines !== String(count)) {
        gutter.textContent = text.join("\n");
        gutter.dataset.lines = String(count);
      }
    }
    gutter.style.height = editor.offsetHeight + "px";
    gutter.scrollTop = editor.scrollTop;
  }

  function show(line) {
    var editor = document.getElementById("editor");
    if (!editor || !(line > 0)) { return; }
    var lines = editor.value.split("\n");
    var at = Math.min(line, lines.length);
    var start = 0;
    for (var index = 0; index < at - 1; index += 1) { start += lines[index].length + 1; }
    editor.focus();
    editor.setSelectionRange(start, start + lines[at - 1].length);
    editor.scrollTop = Math.max(0, (at - 1) * LINE_PX - editor.clientHeight / 3);
    numbers();
  }

  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "editor") { numbers(); }
  });
  document.addEventListener("scroll", function (event) {
    if (event.target && event.target.id === "editor") { numbers(); }
  }, true);
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest("[data-line]");
    if (item) { show(Number(item.dataset.line)); }
  });
  document.addEventListener("keydown", function (event) {
    var item = event.target.closest && event.target.closest("[data-line]");
    if (item && event.key === "Enter") { event.preventDefault(); show(Number(item.dataset.line)); }
  });
  // Dash sets the editor's text without an input event (a tab opened, an upload refused).
  window.setInterval(numbers, 400);
})();
