/* Amity: small enhancements; every page works without them. */
(function () {
  "use strict";
  // Evidence: following a link to #ev-… lights up every piece of text of that span.
  function showEvidence() {
    document.querySelectorAll("mark.evidence.current").forEach(function (m) { m.classList.remove("current"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^ev-[\w-]+$/.test(id)) { return; }
    var marks = document.querySelectorAll("mark.e-" + id);
    marks.forEach(function (m) { m.classList.add("current"); });
    if (marks.length) { marks[0].scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", showEvidence);
  document.addEventListener("DOMContentLoaded", showEvidence);
})();

/* Review inbox: keyboard shortcuts j / k (next / previous claim), a (accept), r (reject), e (edit).
   The buttons carry data-key; a shortcut clicks the button of the current row, so it does exactly
   what the click does (htmx, no reload). Shortcuts are off while typing in a field. */
(function () {
  "use strict";
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("li.claim-row")); }
  function current() { return document.querySelector("li.claim-row.current"); }
  function select(row) {
    var old = current();
    if (old) { old.classList.remove("current"); }
    if (!row) { return; }
    row.classList.add("current");
    row.focus({preventScroll: true});
    row.scrollIntoView({block: "nearest"});
  }
  function move(step) {
    var all = rows(), row = current(), index = row ? all.indexOf(row) : -1;
    var next = all[Math.max(0, Math.min(all.length - 1, index + step))];
    select(next);
  }
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("li.claim-row") || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) { return; }
    var key = event.key;
    if (key === "j" || key === "k") { move(key === "j" ? 1 : -1); event.preventDefault(); return; }
    var row = current();
    if (!row) { return; }
    var button = row.querySelector("[data-key='" + key + "']");
    if (button) { event.preventDefault(); button.click(); }
  });
  // After a decision the row is replaced: keep the place in the list (the replaced row stays current).
  document.addEventListener("htmx:afterSwap", function (event) {
    var row = event.detail.target && event.detail.target.id ? document.getElementById(event.detail.target.id) : null;
    var swapped = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("li.claim-row") : null;
    var fresh = swapped || row;
    if (fresh && fresh.classList && fresh.classList.contains("claim-row")) { select(fresh); }
  });
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("li.claim-row");
    if (row) { select(row); }
  });
})();

// Selects that submit their form when changed (the language switch): no inline handlers,
// which the Content-Security-Policy refuses.
document.addEventListener("change", function (event) {
  var select = event.target.closest && event.target.closest("select[data-submit-on-change]");
  if (select && select.form) { select.form.submit(); }
});
