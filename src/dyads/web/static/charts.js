/* dyads dashboard charts: a relation timeline and an actor network, in plain SVG.
 *
 * Data comes from <script type="application/json"> blocks that the server fills
 * with the page's JSON twin. Every label is set with textContent, never
 * HTML parsing, so text from documents can never become markup.
 */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, value, attrs) {
    var node = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    node.textContent = value;
    return node;
  }

  function tip(node, value) {
    var title = el("title", {}, node);
    title.textContent = value;
  }

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  /* Index colour: conflict (-1) orange-red, mixed grey, cooperation (+1) green. */
  function indexColour(value) {
    var t = Math.max(-1, Math.min(1, value || 0));
    var grey = [138, 148, 166], coop = [31, 122, 90], conflict = [194, 65, 12];
    var end = t >= 0 ? coop : conflict, a = Math.abs(t);
    var rgb = grey.map(function (g, i) { return Math.round(g + (end[i] - g) * a); });
    return "rgb(" + rgb.join(",") + ")";
  }

  function timeline(svg, data) {
    var periods = data.periods;
    var W = 960, H = 420, left = 48, right = 16, top = 16;
    var indexH = 220, gap = 34, barsH = H - top - indexH - gap - 30;
    var n = Math.max(periods.length, 1), step = (W - left - right) / n;
    function x(i) { return left + step * (i + 0.5); }
    function y(v) { return top + (1 - v) / 2 * indexH; }
    if (!periods.length) {
      text(svg, W / 2, H / 2, "No events in this range.", { "text-anchor": "middle" });
      return;
    }
    var axis = el("g", { class: "axis" }, svg);
    [-1, -0.5, 0, 0.5, 1].forEach(function (v) {
      el("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "" }, axis);
      text(axis, left - 6, y(v) + 4, (v > 0 ? "+" : "") + v, { "text-anchor": "end" });
    });
    text(svg, left, top - 4, "cooperation", { fill: "#1f7a5a" });
    text(svg, left, top + indexH + 12, "conflict", { fill: "#c2410c" });
    /* each period's 95% interval as a box, and the index joining periods with events */
    var boxW = Math.max(2, Math.min(step * 0.6, 36)), line = "";
    periods.forEach(function (p, i) {
      if (!(p.cooperation + p.conflict)) return;
      el("rect", { x: x(i) - boxW / 2, y: y(p.index_high), width: boxW,
        height: Math.max(1, y(p.index_low) - y(p.index_high)), rx: 2, class: "band" }, svg);
      line += (line ? "L" : "M") + x(i) + "," + y(p.index);
    });
    el("path", { d: line, class: "index-line" }, svg);
    periods.forEach(function (p, i) {
      if (!(p.cooperation + p.conflict)) return;
      var dot = el("circle", { cx: x(i), cy: y(p.index), r: 3.5, class: "dot" }, svg);
      tip(dot, p.period + ": index " + p.index.toFixed(2) + " (95% " + p.index_low.toFixed(2) +
        " to " + p.index_high.toFixed(2) + "), " + p.cooperation + " cooperative, " +
        p.conflict + " conflictual");
      if (p.shift) {
        var up = p.shift === "up", cy = y(p.index) + (up ? -12 : 12);
        var tri = up ? [x(i) - 6, cy + 5, x(i) + 6, cy + 5, x(i), cy - 5]
                     : [x(i) - 6, cy - 5, x(i) + 6, cy - 5, x(i), cy + 5];
        var mark = el("polygon", { points: tri.join(","), class: "shift shift-" + p.shift }, svg);
        tip(mark, p.period + ": shift " + p.shift);
      }
    });
    /* bars: cooperative above the mid line, conflictual below */
    var mid = top + indexH + gap + barsH / 2;
    var most = Math.max.apply(null, periods.map(function (p) { return Math.max(p.cooperation, p.conflict); }).concat([1]));
    var barW = Math.max(1, Math.min(step * 0.7, 28));
    el("line", { x1: left, x2: W - right, y1: mid, y2: mid, class: "zero" }, svg);
    text(svg, left - 6, mid - barsH / 2 + 8, String(most), { "text-anchor": "end" });
    text(svg, left - 6, mid + barsH / 2, String(most), { "text-anchor": "end" });
    text(svg, left + 4, mid - barsH / 2 + 8, "cooperative events", { fill: "#1f7a5a" });
    text(svg, left + 4, mid + barsH / 2, "conflictual events", { fill: "#c2410c" });
    periods.forEach(function (p, i) {
      var hc = p.cooperation / most * barsH / 2, hk = p.conflict / most * barsH / 2;
      if (hc) tip(el("rect", { x: x(i) - barW / 2, y: mid - hc, width: barW, height: hc, class: "bar-coop" }, svg),
        p.period + ": " + p.cooperation + " cooperative events");
      if (hk) tip(el("rect", { x: x(i) - barW / 2, y: mid, width: barW, height: hk, class: "bar-conflict" }, svg),
        p.period + ": " + p.conflict + " conflictual events");
    });
    /* period labels, thinned to about twelve */
    var every = Math.ceil(periods.length / 12);
    periods.forEach(function (p, i) {
      if (i % every === 0) text(svg, x(i), H - 8, p.period, { "text-anchor": "middle" });
    });
  }

  function network(svg, data) {
    var W = 960, H = 600, nodes = data.nodes, edges = data.edges;
    if (!nodes.length) {
      text(svg, W / 2, H / 2, "No dyads to draw.", { "text-anchor": "middle" });
      return;
    }
    var byCode = {};
    var busiest = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
    nodes.forEach(function (node, i) {
      var angle = 2 * Math.PI * i / nodes.length;
      node.x = W / 2 + 220 * Math.cos(angle);
      node.y = H / 2 + 200 * Math.sin(angle);
      node.r = 5 + 15 * Math.sqrt(node.events / busiest);
      byCode[node.code] = node;
    });
    /* a small force layout: repulsion, springs along edges, pull to the centre */
    for (var round = 0; round < 400; round++) {
      var cool = 1 - round / 400;
      nodes.forEach(function (a) { a.dx = (W / 2 - a.x) * 0.01; a.dy = (H / 2 - a.y) * 0.01; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d2 = Math.max(dx * dx + dy * dy, 25), f = 16000 / d2;
          var d = Math.sqrt(d2);
          a.dx += f * dx / d; a.dy += f * dy / d; b.dx -= f * dx / d; b.dy -= f * dy / d;
        }
      }
      edges.forEach(function (e) {
        var a = byCode[e.source], b = byCode[e.target];
        if (!a || !b || a === b) return;
        var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var f = (d - 170) * 0.02;
        a.dx += f * dx / d; a.dy += f * dy / d; b.dx -= f * dx / d; b.dy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        n.x = Math.max(n.r + 30, Math.min(W - n.r - 30, n.x + Math.max(-20, Math.min(20, n.dx)) * cool));
        n.y = Math.max(n.r + 18, Math.min(H - n.r - 4, n.y + Math.max(-20, Math.min(20, n.dy)) * cool));
      });
    }
    var defs = el("defs", {}, svg);
    var most = Math.max.apply(null, edges.map(function (e) { return e.events; }).concat([1]));
    var edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    var drawn = [];
    edges.forEach(function (e, k) {
      var counted = e.cooperation + e.conflict;
      var colour = indexColour(counted ? (e.cooperation - e.conflict) / counted : 0);
      var marker = el("marker", { id: "arrow" + k, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse",
        orient: "auto-start-reverse" }, defs);
      el("path", { d: "M0,0L10,5L0,10Z", fill: colour }, marker);
      var link = el("a", { href: "/relations?source=" + encodeURIComponent(e.source) +
        "&target=" + encodeURIComponent(e.target) }, edgeLayer);
      var path = el("path", { class: "edge", fill: "none", stroke: colour, "stroke-opacity": 0.8,
        "stroke-width": 1.5 + 5 * Math.sqrt(e.events / most), "marker-end": "url(#arrow" + k + ")" }, link);
      tip(path, e.source + " → " + e.target + ": " + e.events + " events, " + e.cooperation +
        " cooperative, " + e.conflict + " conflictual, index " + e.index.toFixed(2));
      drawn.push({ edge: e, path: path });
    });
    function route() {
      drawn.forEach(function (d) {
        var a = byCode[d.edge.source], b = byCode[d.edge.target];
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
        /* curve a little so that A->B and B->A do not overlap */
        var mx = (a.x + b.x) / 2 - dy / len * 18, my = (a.y + b.y) / 2 + dx / len * 18;
        var ex = b.x - dx / len * (b.r + 4), ey = b.y - dy / len * (b.r + 4);
        d.path.setAttribute("d", "M" + a.x + "," + a.y + "Q" + mx + "," + my + " " + ex + "," + ey);
      });
    }
    nodes.forEach(function (n) {
      var g = el("g", { class: "node", transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
      var circle = el("circle", { r: n.r }, g);
      tip(circle, (n.name || n.code) + " (" + n.code + "): " + n.events + " events");
      text(g, 0, -n.r - 4, n.code, { "text-anchor": "middle" });
      n.g = g;
      var dragging = false, moved = false;
      circle.addEventListener("pointerdown", function (ev) {
        dragging = true; moved = false; circle.setPointerCapture(ev.pointerId);
      });
      circle.addEventListener("pointermove", function (ev) {
        if (!dragging) return;
        var box = svg.getBoundingClientRect(), scale = W / box.width;
        n.x = (ev.clientX - box.left) * scale; n.y = (ev.clientY - box.top) * scale;
        moved = true;
        g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
        route();
      });
      circle.addEventListener("pointerup", function () {
        dragging = false;
        if (!moved) window.location.href = "/events?actor=" + encodeURIComponent(n.code);
      });
    });
    route();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var relation = readJSON("relation-data"), graph = readJSON("network-data");
    var timelineSvg = document.getElementById("timeline");
    var networkSvg = document.getElementById("network");
    if (relation && timelineSvg) { timeline(timelineSvg, relation); timelineSvg.dataset.drawn = "1"; }
    if (graph && networkSvg) { network(networkSvg, graph); networkSvg.dataset.drawn = "1"; }
  });
})();
