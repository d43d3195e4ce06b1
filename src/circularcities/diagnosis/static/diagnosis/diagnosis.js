/* Diagnosis dashboard charts: the 7R radar (the Sankey is drawn by circularcities/sankey.js). */
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
  function T(s) { return window.ccDom.plotlyText(s); }
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
    drawRadar();
  });
})();
