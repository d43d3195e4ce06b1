/* Action plan pages: the target chart (Plotly served by the platform). Data comes from
   the page's json_script element; labels are escaped for Plotly, which reads markup. */
(function () {
  "use strict";
  function targetChart() {
    var src = document.getElementById("target-chart-data");
    if (!src || !window.Plotly) return;
    var d = JSON.parse(src.textContent), T = window.ccDom.plotlyText;
    window.Plotly.newPlot("target-chart", [
      {x: d.trajectory.x, y: d.trajectory.y, name: T(d.labels.trajectory), mode: "lines+markers", line: {dash: "dot"}},
      {x: d.observed.x, y: d.observed.y, text: d.observed.text.map(T), name: T(d.labels.observed), mode: "lines+markers"}
    ], {margin: {t: 20, r: 10}, yaxis: {title: {text: T(d.labels.unit)}}, xaxis: {dtick: 1, tickformat: "d"}},
    {displayModeBar: false, responsive: true});
  }
  document.addEventListener("DOMContentLoaded", targetChart);
})();
