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
