// "Busy, retry": a worker with no free place answers a callback with 503 and Retry-After
// (orgcharts/web/busy.py) rather than queueing it. Dash itself would drop that answer, and
// with it the chart or panel the callback draws; here the browser waits as long as it was
// told (with a little jitter, so refused sessions do not all come back at once) and asks
// again, saying so in a note at the top of the page while it waits. A server that stays
// busy through every try is said to, with what to do, rather than leaving a blank chart.
(function () {
  "use strict";
  var TRIES = 40;
  var WAITING = "The server is busy: retrying in a moment…";
  var GAVE_UP = "The server stayed busy, so part of this page was not drawn: reload the page to try again.";
  var original = window.fetch.bind(window);
  var waiting = 0;
  var gaveUp = false;

  function note() {
    var shown = document.getElementById("busy-note");
    if (!shown && document.body) {
      shown = document.createElement("div");
      shown.id = "busy-note";
      shown.className = "busy-note";
      shown.setAttribute("role", "status");
      document.body.appendChild(shown);
    }
    if (shown) {
      shown.textContent = gaveUp ? GAVE_UP : WAITING;
      shown.hidden = waiting === 0 && !gaveUp;
    }
  }

  function pause(seconds) {
    return new Promise(function (resolve) { setTimeout(resolve, seconds * 1000 * (1 + Math.random() / 2)); });
  }

  function retryAfter(response) {
    var seconds = parseFloat(response.headers.get("Retry-After"));
    return isNaN(seconds) || seconds < 0 ? 2 : seconds;
  }

  function isCallback(input) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    return url.indexOf("_dash-update-component") !== -1;
  }

  window.fetch = function (input, init) {
    if (!isCallback(input)) { return original(input, init); }
    function attempt(tries) {
      return original(input, init).then(function (response) {
        if (response.status !== 503) { return response; }
        if (tries + 1 >= TRIES) {
          gaveUp = true;
          note();
          return response;
        }
        waiting += 1;
        note();
        return pause(retryAfter(response)).then(function () {
          waiting -= 1;
          note();
          return attempt(tries + 1);
        });
      });
    }
    return attempt(0);
  };
})();
