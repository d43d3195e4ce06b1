/* Diagnosis dashboard charts: Sankey of flows and 7R radar (Plotly served by the platform). */
(function () {
  "use strict";
  var PALETTE = ["#1f7a5a", "#2c6fa8", "#b7791f", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400",
                 "#2e86c1", "#27ae60", "#a04000", "#5d6d7e"];
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  // Long node labels run into the next column; break them into lines of about 16 characters
  // (Chinese labels are short and have no spaces, so they stay on one line).
  // Plotly reads markup in labels: every word is escaped so stored names show as text.
  function T(s) { return window.ccDom.plotlyText(s); }
  function wrapLabel(text) {
    var words = String(text).split(" "), lines = [], line = "";
    words.forEach(function (w) {
      if (line && (line + " " + w).length > 16) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) lines.push(line);
    return lines.map(T).join("<br>");
  }
  function drawSankey() {
    var el = document.getElementById("sankey"), d = data("sankey-data");
    if (!el || !d || !window.Plotly) return;
    var materials = [], colors = [];
    d.links.label.forEach(function (m) {
      var i = materials.indexOf(m);
      if (i < 0) { materials.push(m); i = materials.length - 1; }
      colors.push(rgba(PALETTE[i % PALETTE.length], 0.45));
    });
    var unit = d.unit || "";
    window.Plotly.newPlot(el, [{
      type: "sankey", orientation: "h", arrangement: "snap", valueformat: ",.0f", valuesuffix: " " + T(unit),
      node: {label: d.node_labels.map(wrapLabel), pad: 30, thickness: 14, color: "#123d31", line: {width: 0}},
      link: {source: d.links.source, target: d.links.target, value: d.links.value, label: d.links.label.map(T), color: colors}
    }], {margin: {l: 8, r: 8, t: 18, b: 8}, height: 560, font: {size: 12}},
    {displaylogo: false, displayModeBar: false, responsive: true}).then(function () {
      el.setAttribute("data-ready", String(d.links.value.length));
    });
  }
  function drawRadar() {
    var el = document.getElementById("radar"), d = data("radar-data");
    if (!el || !d || !window.Plotly) return;
    var colors = ["#b7791f", "#1f7a5a"];
    var traces = d.traces.map(function (t, i) {
      var c = colors[(d.traces.length === 1 ? 1 : i) % 2];
      return {type: "scatterpolar", r: t.r.concat([t.r[0]]), theta: t.theta.concat([t.theta[0]]).map(T), name: T(t.name),
              fill: "toself", fillcolor: rgba(c, 0.2), line: {color: c}};
    });
    window.Plotly.newPlot(el, traces, {polar: {radialaxis: {range: [0, 5], dtick: 1}}, margin: {l: 40, r: 40, t: 20, b: 20},
      height: 380, legend: {orientation: "h"}}, {displaylogo: false, responsive: true}).then(function () {
      el.setAttribute("data-ready", "1");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    drawSankey();
    drawRadar();
    document.body.addEventListener("htmx:afterSwap", function (e) {
      if (e.detail && e.detail.target && e.detail.target.id === "sankey-block") drawSankey();
    });
  });
})();
