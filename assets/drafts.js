// The editor's drafts (orgcharts.web.source), one per org by its digest, in the same namespace
// as assets/clientside.js. Their texts are kept in the browser's IndexedDB, which holds as
// much as the upload cap allows (localStorage holds about 5 MB, less than a 60,000-role org);
// a Dash store in localStorage keeps only their index: name, when saved, how many characters.
(function () {
  "use strict";

  function keep() { return window.dash_clientside.no_update; }

  // More than the biggest org an upload may bring (64 MiB), and a few more besides.
  var DRAFTS_MAX_CHARS = 200000000;
  var DATABASE = "orgcharts";
  var TEXTS = "drafts";

  function database() {
    return new Promise(function (resolve, reject) {
      var request = window.indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(TEXTS); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // One transaction on the texts: ``work`` is given the object store; resolves with the
  // result of the request it returns (if any) once the transaction is done.
  function transaction(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var done = db.transaction(TEXTS, mode);
        var request = work(done.objectStore(TEXTS));
        done.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        done.onerror = done.onabort = function () { db.close(); reject(done.error); };
      });
    });
  }

  function index(kept) {
    var drafts = kept && kept.drafts;
    return drafts && typeof drafts === "object" && !Array.isArray(drafts) ? drafts : {};
  }

  var functions = {
    // Keep the editor's text as this org's draft: the text in IndexedDB, its entry in the
    // index; at most DRAFTS_MAX_CHARS in all, the oldest dropped first and said. Entries
    // that still hold their text (drafts kept in localStorage before) move their text over.
    keepDraft: function (text, source, kept) {
      if (typeof text !== "string" || !source || !source.digest) { return [keep(), keep()]; }
      var drafts = {};
      var moved = {};
      Object.entries(index(kept)).forEach(function (entry) {
        var draft = entry[1] || {};
        if (typeof draft.text === "string") { moved[entry[0]] = draft.text; }
        var chars = typeof draft.text === "string" ? draft.text.length : draft.chars;
        drafts[entry[0]] = {name: draft.name, saved: draft.saved || 0, chars: chars || 0};
      });
      delete moved[source.digest];
      drafts[source.digest] = {name: source.name || "org.yaml", saved: Date.now(), chars: text.length};
      var bases = Object.keys(drafts).sort(function (a, b) { return drafts[a].saved - drafts[b].saved; });
      var total = bases.reduce(function (sum, base) { return sum + drafts[base].chars; }, 0);
      var dropped = [];
      var said = [];
      while (total > DRAFTS_MAX_CHARS && bases.length) {
        var oldest = bases.shift();
        total -= drafts[oldest].chars;
        dropped.push(oldest);
        said.push(oldest === source.digest ? "this draft" : "the draft of " + drafts[oldest].name);
        delete drafts[oldest];
        delete moved[oldest];
      }
      var note = said.length
        ? "Drafts are kept in this browser up to " + DRAFTS_MAX_CHARS.toLocaleString("en") +
          " characters in all, the oldest dropped first: dropped " + said.join(", ") +
          ". Download YAML keeps a draft as a file."
        : "";
      return transaction("readwrite", function (texts) {
        Object.keys(moved).forEach(function (base) { texts.put(moved[base], base); });
        dropped.forEach(function (base) { texts.delete(base); });
        if (drafts[source.digest]) { texts.put(text, source.digest); }
      }).then(
        function () { return [{drafts: drafts}, note]; },
        function (error) {
          return [keep(), "This browser could not keep the draft (" + (error && error.name || "no storage") +
            "). Download YAML keeps it as a file."];
        }
      );
    },

    // The editor's text when its tab opens on an org with a draft in IndexedDB: that draft.
    // Should the browser have lost it, the server is asked for the org's text instead (the
    // second output, which source.fill_editor listens to).
    restoreDraft: function (tab, kept, source, draftIndex) {
      var key = source && source.digest;
      var draft = key ? index(draftIndex)[key] : null;
      if (tab !== "yaml" || !draft || typeof draft.text === "string") { return [keep(), keep()]; }
      return transaction("readonly", function (texts) { return texts.get(key); }).then(
        function (text) { return typeof text === "string" ? [text, keep()] : [keep(), Date.now()]; },
        function () { return [keep(), Date.now()]; }
      );
    }
  };

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.orgcharts = Object.assign(window.dash_clientside.orgcharts || {}, functions);
})();
