/* Timing and integrity observations for the answer form. Without this script the interview works the
   same; with it, the answer is posted with how long it took and what was observed (pastes, leaving
   the tab, pauses of more than a minute), as hidden fields: no extra requests, nothing sent early. */
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (!form) { return; }
  var area = form.querySelector("textarea");
  var signalsField = form.querySelector("input[name=signals]");
  var durationField = form.querySelector("input[name=duration_ms]");
  var SILENCE_MS = 60000;
  var MAX_SIGNALS = 50;
  var started = Date.now();
  var lastActivity = started;
  var hiddenAt = null;
  var signals = [];

  function add(kind, detail) {
    if (signals.length >= MAX_SIGNALS) { return null; }
    var signal = { kind: kind, detail: detail || {} };
    signals.push(signal);
    signalsField.value = JSON.stringify(signals);
    return signal;
  }

  function noteActivity() {
    var now = Date.now();
    var gap = now - lastActivity;
    if (gap > SILENCE_MS) { add("long_silence", { seconds: Math.round(gap / 1000) }); }
    lastActivity = now;
  }

  area.addEventListener("input", noteActivity);
  area.addEventListener("paste", function (event) {
    var chars = 0;
    try {
      var data = event.clipboardData || window.clipboardData;
      chars = data ? (data.getData("text") || "").length : 0;
    } catch (err) { chars = 0; }
    add("paste", { chars: chars });  /* how much, never what */
    lastActivity = Date.now();
  });

  var lastHidden = null;
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      hiddenAt = Date.now();
      lastHidden = add("tab_hidden", {});
    } else if (hiddenAt !== null) {
      if (lastHidden) {
        lastHidden.detail.seconds = Math.round((Date.now() - hiddenAt) / 1000);
        signalsField.value = JSON.stringify(signals);
      }
      hiddenAt = null;
      lastActivity = Date.now();  /* time away is already recorded; don't count it again as a pause */
    }
  });

  form.addEventListener("submit", function () {
    durationField.value = String(Date.now() - started);
    signalsField.value = JSON.stringify(signals);
  });
}());
