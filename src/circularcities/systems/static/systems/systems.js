/* Systems pages: layer pickers that reload the page and the stock model chart (the Sankey
   per layer and year is drawn by circularcities/sankey.js). Data comes from json_script; text is escaped. */
(function () {
  "use strict";
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function T(s) { return window.ccDom ? window.ccDom.plotlyText(s) : String(s); }
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
    drawStock();
    Array.prototype.forEach.call(document.querySelectorAll("form.autosubmit select"), function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  });
})();
