// The index: every input in one table, searched, filtered, sorted and paged here, and a chart
// per indicator of the rows on the table's page, on one axis shared by every article.
(function () {
  "use strict";
  var PAGE_SIZE = 50;
  var WIDTH = 1100, LABEL = 190, PLOT = 740, TOP = 30, ROW = 24, ZERO_GAP = 28;
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("data").textContent);
  var C = {};
  data.columns.forEach(function (name, i) { C[name] = i; });
  var rows = data.rows;
  var SEARCHED = ["title", "path", "region", "province", "level", "status", "extractor", "error"];
  var haystack = rows.map(function (r) {  // what a search looks in, lower-cased once
    return SEARCHED.map(function (c) { return r[C[c]]; }).filter(Boolean).join("\n").toLowerCase();
  });
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var state = { terms: [], filters: {}, sort: "n", descending: false, page: 0, indicator: data.default, slice: [] };
  var body = document.querySelector("#articles tbody");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-column]"));

  function element(tag, content, className) {
    var el = document.createElement(tag);
    if (content !== null && content !== undefined) { el.textContent = String(content); }
    if (className) { el.className = className; }
    return el;
  }

  function svg(tag, attrs, content) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  function matches(i) {
    var r = rows[i];
    for (var column in state.filters) {
      if (state.filters[column] && r[C[column]] !== state.filters[column]) { return false; }
    }
    return state.terms.every(function (t) { return haystack[i].indexOf(t) >= 0; });
  }

  function compare(a, b) {
    var column = C[state.sort], x = rows[a][column], y = rows[b][column];
    if (x === y) { return rows[a][C.n] - rows[b][C.n]; }
    if (x === null) { return 1; }  // a missing value sorts last either way
    if (y === null) { return -1; }
    var order = typeof x === "number" ? x - y : collator.compare(x, y);
    return state.descending ? -order : order;
  }

  function rowElement(i) {
    var r = rows[i], tr = document.createElement("tr");
    tr.appendChild(element("td", r[C.n], "num"));
    var article = element("td", null, "article");
    if (r[C.page]) {
      var link = element("a", r[C.title]);
      link.href = r[C.page];
      link.title = r[C.path] || "";
      article.appendChild(link);
    } else {
      article.appendChild(element("span", r[C.title]));
    }
    if (r[C.error]) { article.appendChild(element("span", r[C.error], "reason")); }
    tr.appendChild(article);
    ["region", "province", "level"].forEach(function (c) { tr.appendChild(element("td", r[C[c]] || "–", "place")); });
    var status = element("td", null, "status");
    status.appendChild(element("span", r[C.status], "badge " + r[C.status]));
    if (r[C.checked] !== null) { status.appendChild(element("small", " " + r[C.checked] + " checked")); }
    tr.appendChild(status);
    tr.appendChild(element("td", r[C.extractor] || "–"));
    ["baseline_people_text", "outcome_people_text", "funding_text"].forEach(function (c) {
      tr.appendChild(element("td", r[C[c]] || "–", "num"));
    });
    return tr;
  }

  function update() {
    var shown = [];
    for (var i = 0; i < rows.length; i++) { if (matches(i)) { shown.push(i); } }
    shown.sort(compare);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * PAGE_SIZE;
    state.slice = shown.slice(start, start + PAGE_SIZE);
    body.replaceChildren.apply(body, state.slice.map(rowElement));
    document.getElementById("shown").textContent =
      (shown.length === rows.length ? "" : shown.length + " of ") + rows.length + " articles";
    document.getElementById("page").textContent = shown.length
      ? (start + 1) + "–" + (start + state.slice.length) + " of " + shown.length
      : "no article matches";
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pages - 1;
    document.querySelectorAll("th[data-sort]").forEach(function (th) {
      var sorted = th.dataset.sort === state.sort;
      th.setAttribute("aria-sort", sorted ? (state.descending ? "descending" : "ascending") : "none");
    });
    document.querySelectorAll(".totals button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.status === state.filters.status));
    });
    drawChart();
  }

  // --- charts: one scale per indicator over every article, so rows compare --------------------
  function format(v, rate) {
    if (rate) { return +v.toPrecision(4) + "%"; }
    if (v >= 1e8) { return +(v / 1e8).toPrecision(4) + "亿"; }
    if (v >= 1e4) { return +(v / 1e4).toPrecision(4) + "万"; }
    return String(+v.toPrecision(6));
  }

  function scaleOf(indicator) {
    var values = [];
    rows.forEach(function (r) {
      [indicator.before, indicator.after].forEach(function (c) {
        if (c && typeof r[C[c]] === "number") { values.push(r[C[c]]); }
      });
    });
    if (!values.length) { return null; }
    var max = values.reduce(function (m, v) { return Math.max(m, v); }, 0);
    if (indicator.rate) {
      var top = Math.max(10, Math.ceil(max / 10) * 10);
      return { x: function (v) { return (v / top) * PLOT; }, ticks: [0, top / 4, top / 2, (3 * top) / 4, top] };
    }
    // Counts and yuan span villages to provinces: a log axis keeps both readable. Zero, which a
    // log axis cannot place, gets a slot of its own on the left.
    var positive = values.filter(function (v) { return v > 0; });
    var lo = Math.floor(Math.log10(positive.reduce(function (m, v) { return Math.min(m, v); }, Infinity)));
    var hi = Math.ceil(Math.log10(Math.max(max, 1)));
    if (!isFinite(lo)) { lo = 0; }
    if (hi <= lo) { hi = lo + 1; }
    var gap = positive.length < values.length ? ZERO_GAP : 0;
    var ticks = gap ? [0] : [];
    for (var k = lo; k <= hi; k++) { ticks.push(Math.pow(10, k)); }
    return {
      x: function (v) { return v <= 0 ? 0 : gap + ((Math.log10(v) - lo) / (hi - lo)) * (PLOT - gap); },
      ticks: ticks,
    };
  }

  var indicators = data.indicators.map(function (indicator) {
    indicator.scale = scaleOf(indicator);
    return indicator;
  });

  function drawChart() {
    var indicator = indicators.filter(function (d) { return d.label === state.indicator; })[0];
    var holder = document.getElementById("chart");
    var value = function (r, c) { return c && typeof r[C[c]] === "number" ? r[C[c]] : null; };
    var shown = state.slice.filter(function (i) {
      return value(rows[i], indicator.before) !== null || value(rows[i], indicator.after) !== null;
    });
    if (!indicator.scale || !shown.length) {
      holder.replaceChildren(element("p", "No article on this page states " + indicator.label + ".", "note"));
      return;
    }
    var scale = indicator.scale, height = TOP + ROW * shown.length + 6;
    var root = svg("svg", {
      class: "chart", viewBox: "0 0 " + WIDTH + " " + height, width: WIDTH, height: height, role: "img",
      "aria-label": indicator.label + ": baseline and outcome per article, one shared scale",
    });
    scale.ticks.forEach(function (t) {
      var x = LABEL + scale.x(t), tick = svg("g", { class: "tick" });
      tick.appendChild(svg("line", { x1: x, x2: x, y1: TOP - 6, y2: height - 4 }));
      tick.appendChild(svg("text", { x: x, y: TOP - 12, "text-anchor": "middle" }, format(t, indicator.rate)));
      root.appendChild(tick);
    });
    shown.forEach(function (i, k) {
      var r = rows[i], y = TOP + k * ROW + ROW / 2;
      var name = r[C.region] || r[C.title];
      var label = svg("text", { class: "label", x: LABEL - 12, y: y + 4, "text-anchor": "end" },
        r[C.n] + ". " + (name.length > 10 ? name.slice(0, 10) + "…" : name));
      label.appendChild(svg("title", {}, r[C.title]));
      var row = svg("g", { class: "row", "data-n": r[C.n] });
      if (r[C.page]) {
        var link = svg("a", { href: r[C.page] });
        link.appendChild(label);
        row.appendChild(link);
      } else {
        row.appendChild(label);
      }
      var before = value(r, indicator.before), after = value(r, indicator.after);
      var points = [["before", before], ["after", after]].filter(function (p) { return p[1] !== null; });
      var xs = points.map(function (p) { return LABEL + scale.x(p[1]); });
      if (points.length === 2) {
        row.appendChild(svg("line", { class: "link", x1: xs[0], x2: xs[1], y1: y, y2: y }));
      }
      points.forEach(function (p, j) {
        var dot = svg("circle", { class: "dot-" + p[0], cx: xs[j], cy: y, r: 5, "data-value": p[1] });
        dot.appendChild(svg("title", {}, p[0] + ": " + format(p[1], indicator.rate)));
        row.appendChild(dot);
      });
      var text = points.map(function (p) { return format(p[1], indicator.rate); }).join(" → ");
      row.appendChild(svg("text", { class: "value", x: Math.max.apply(null, xs) + 10, y: y + 4 }, text));
      root.appendChild(row);
    });
    holder.replaceChildren(root);
  }

  // --- controls ---------------------------------------------------------------------------------
  selects.forEach(function (select) {
    var column = C[select.dataset.column], counts = {};
    rows.forEach(function (r) { if (r[column]) { counts[r[column]] = (counts[r[column]] || 0) + 1; } });
    Object.keys(counts).sort(collator.compare).forEach(function (v) {
      var option = element("option", v + " (" + counts[v] + ")");
      option.value = v;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state.filters[select.dataset.column] = select.value;
      state.page = 0;
      update();
    });
  });
  document.querySelectorAll(".totals button").forEach(function (button) {
    button.disabled = !rows.some(function (r) { return r[C.status] === button.dataset.status; });
    button.addEventListener("click", function () {
      var status = state.filters.status === button.dataset.status ? "" : button.dataset.status;
      state.filters.status = status;
      document.getElementById("filter-status").value = status;
      state.page = 0;
      update();
    });
  });
  document.getElementById("search").addEventListener("input", function (event) {
    state.terms = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    state.page = 0;
    update();
  });
  document.querySelectorAll("th[data-sort] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.parentNode.dataset.sort;
      state.descending = state.sort === key ? !state.descending : false;
      state.sort = key;
      update();
    });
  });
  document.getElementById("prev").addEventListener("click", function () { state.page -= 1; update(); });
  document.getElementById("next").addEventListener("click", function () { state.page += 1; update(); });
  var group = document.querySelector(".indicators");
  indicators.forEach(function (indicator) {
    var button = element("button", indicator.label);
    button.type = "button";
    button.disabled = !indicator.scale;
    button.addEventListener("click", function () {
      state.indicator = indicator.label;
      group.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      drawChart();
    });
    button.setAttribute("aria-pressed", String(indicator.label === state.indicator));
    group.appendChild(button);
  });
  update();
})();
