// Clientside callbacks of the workshop (orgcharts.web.controls, orgcharts.web.workshop), in
// the same namespace as assets/clientside.js: window.dash_clientside.orgcharts.
(function () {
  "use strict";

  var functions = {
    // controls: what a reload restores (controls.opening), kept for the tab with its org's
    // digest; in the browser, so that a flip asks nothing of the server.
    remember: function (decision, amount, segment, view, source) {
      return {
        digest: source && typeof source.digest === "string" ? source.digest : null,
        decision: decision === undefined ? null : decision,
        amount: amount === undefined ? null : amount,
        segment: segment === undefined ? null : segment,
        view: view === undefined ? null : view
      };
    }
  };

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.orgcharts = Object.assign(window.dash_clientside.orgcharts || {}, functions);
})();
