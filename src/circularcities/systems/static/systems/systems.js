/* Systems pages: Sankey per layer and year (values on nodes and in hover), layer pickers that
   reload the page, and the stock model chart. Data comes from json_script; text is escaped. */
(function () {
  "use strict";
  var PALETTE = ["#1f7a5a", "#2c6fa8", "#b7791f", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400"];
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function T(s) { return window.ccDom ? window.ccDom.plotlyText(s) : String(s); }
  function wrap(text) {
    var words = String(text).split(" "), lines = [], line = "";
    words.forEach(function (w) {
      if (line && (line + " " + w).length > 18) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) lines.push(line);
    return lines.map(T).join("<br>");
  }
  function drawSankey(el) {
    var d = data(el.getAttribute("data-source") + "");
    if (!d || !window.Plotly) return;
    var links = d.links;
    var colors = links.source.map(function (s) { return rgba(PALETTE[s % PALETTE.length], 0.42); });
    window.Plotly.newPlot(el, [{
      type: "sankey", orientation: "h", arrangement: "snap",
      node: {label: d.node_text.map(wrap), pad: 26, thickness: 14, line: {width: 0},
             color: d.imbalanced.map(function (b) { return b ? "#c0392b" : "#123d31"; }),
             hovertemplate: "%{label}<extra></extra>"},
      link: {source: links.source, target: links.target, value: links.width, color: colors,
             customdata: links.label.map(T),
             hovertemplate: "%{source.label} → %{target.label}<br>%{customdata}<extra></extra>"}
    }], {margin: {l: 8, r: 8, t: 10, b: 8}, height: Math.max(420, 26 * d.nodes.length), font: {size: 12}},
    {displaylogo: false, displayModeBar: false, responsive: true}).then(function () {
      el.setAttribute("data-ready", String(links.value.length));
    });
  }
  function drawStock() {
    var el = document.getElementById("stock-chart"), d = data("stock-chart-data");
    if (!el || !d || !window.Plotly) return;
    var traces = [
      {x: d.years, y: d.stock, name: T(d.labels.stock + " (" + d.unit + ")"), type: "scatter", line: {color: "#123d31", width: 3}},
      {x: d.years, y: d.inflow, name: T(d.labels.inflow + " (" + d.unit + "/a)"), type: "bar", yaxis: "y2", marker: {color: "rgba(44,111,168,0.55)"}},
      {x: d.years, y: d.outflow, name: T(d.labels.outflow + " (" + d.unit + "/a)"), type: "bar", yaxis: "y2", marker: {color: "rgba(183,121,31,0.55)"}}
    ];
    window.Plotly.newPlot(el, traces, {margin: {l: 60, r: 60, t: 10, b: 40}, height: 380, barmode: "group",
      legend: {orientation: "h"}, yaxis: {title: {text: T(d.labels.stock)}, rangemode: "tozero"},
      yaxis2: {overlaying: "y", side: "right", rangemode: "tozero", showgrid: false,
               title: {text: T(d.labels.inflow + " / " + d.labels.outflow)}}},
      {displaylogo: false, responsive: true}).then(function () { el.setAttribute("data-ready", "1"); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".chart.sankey"), drawSankey);
    drawStock();
    Array.prototype.forEach.call(document.querySelectorAll("form.autosubmit select"), function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  });
})();
