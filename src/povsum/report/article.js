// An article page: opening a field highlights its number and quote in the text; clicking a
// highlight opens the fields it backs.
(function () {
  "use strict";
  var card = document.querySelector(".card");
  if (!card) { return; }
  function activate(ids) {
    card.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var first = null;
    ids.forEach(function (id) {
      var found = id ? card.querySelectorAll('[id="' + id + '"], .quote[data-quotes~="' + id + '"]') : [];
      found.forEach(function (el) { el.classList.add("active"); first = first || el; });
    });
    if (first) { first.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }
  card.querySelectorAll("details.field").forEach(function (row) {
    row.addEventListener("toggle", function () {
      if (row.open) { activate([row.dataset.mark, row.dataset.quote]); }
    });
  });
  var text = card.querySelector(".text");
  if (!text) { return; }
  text.addEventListener("click", function (event) {
    var hit = event.target.closest("mark.num, .quote");
    if (!hit) { return; }
    var keys = (hit.id ? [hit.id] : []).concat((hit.dataset.quotes || "").split(" ")).filter(Boolean);
    var rows = Array.prototype.filter.call(card.querySelectorAll("details.field"), function (row) {
      return keys.indexOf(row.dataset.mark) >= 0 || (!hit.id && keys.indexOf(row.dataset.quote) >= 0);
    });
    rows.forEach(function (row) { row.open = true; });
    if (rows.length) { rows[0].scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  });
})();
