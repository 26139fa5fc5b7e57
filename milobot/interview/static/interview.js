/* Timing and integrity observations for the answer form. Without this script the interview works the
   same. With it, the answer is posted with how long it took, and what was observed (pastes, leaving
   the tab, pauses of more than a minute) reaches the hiring team even if the page is reloaded or
   closed before the answer: observations are sent ahead (navigator.sendBeacon to /signals) when the
   candidate comes back to the tab or leaves the page, and whatever was not sent yet rides with the
   answer as a hidden field. How much was pasted is counted, never what. A half-written answer survives
   a reload of the tab (sessionStorage). */
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (!form) { return; }
  var area = form.querySelector("textarea");
  var signalsField = form.querySelector("input[name=signals]");
  var durationField = form.querySelector("input[name=duration_ms]");
  var beaconUrl = form.getAttribute("action").replace(/\/answer$/, "/signals");
  var SILENCE_MS = 60000;
  var MAX_SIGNALS = 50;  /* per question, as the server counts them */
  var started = Date.now();
  var lastActivity = started;
  var hiddenAt = null;
  var pending = [];  /* observed and not sent yet */
  var sent = 0;
  var submitting = false;

  function sync() { signalsField.value = JSON.stringify(pending); }

  /* A reload (F5, a pull-down on a phone) must not wipe a half-written answer: the draft is kept in this
     tab's sessionStorage for this link's question only (one draft at a time, so the next person at a
     lobby tablet starts from nothing) and dropped when the answer is sent. */
  var DRAFT = "milobot-draft";
  var draftKey = form.getAttribute("action") + "#" + form.querySelector("input[name=question_index]").value;
  function keepDraft() {
    try { sessionStorage.setItem(DRAFT, JSON.stringify({ key: draftKey, text: area.value })); } catch (err) { /* storage off */ }
  }
  try {
    var saved = JSON.parse(sessionStorage.getItem(DRAFT) || "null");
    if (saved && saved.key === draftKey && !area.value) { area.value = saved.text; }
    else if (saved && saved.key !== draftKey) { sessionStorage.removeItem(DRAFT); }  /* not this question's */
  } catch (err) { /* storage off or unreadable: start empty */ }
  area.addEventListener("input", keepDraft);

  function add(kind, detail) {
    if (pending.length + sent >= MAX_SIGNALS) { return; }
    pending.push({ kind: kind, detail: detail || {} });
    sync();
  }

  function sendAhead() {
    if (submitting || !pending.length || !navigator.sendBeacon) { return; }
    var body = new URLSearchParams();
    body.set("csrf", form.querySelector("input[name=csrf]").value);
    body.set("question_index", form.querySelector("input[name=question_index]").value);
    body.set("signals", JSON.stringify(pending));
    if (navigator.sendBeacon(beaconUrl, body)) {
      sent += pending.length;
      pending = [];
      sync();
    }
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
    add("paste", { chars: chars });
    lastActivity = Date.now();
  });

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      hiddenAt = Date.now();
      sendAhead();  /* the page may never come back: closed from another tab */
    } else if (hiddenAt !== null) {
      /* Counted on the way back, with how long: going away on submit or reload is not leaving. */
      add("tab_hidden", { seconds: Math.round((Date.now() - hiddenAt) / 1000) });
      hiddenAt = null;
      lastActivity = Date.now();  /* time away is already recorded; don't count it again as a pause */
      sendAhead();
    }
  });
  window.addEventListener("pagehide", sendAhead);

  form.addEventListener("submit", function () {
    submitting = true;
    try { sessionStorage.removeItem(DRAFT); } catch (err) { /* storage off */ }
    durationField.value = String(Date.now() - started);
    sync();
  });
}());
