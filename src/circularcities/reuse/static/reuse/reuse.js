/* Repair, reuse and lending pages: the directory map, the location picker, the repair chart.
   Leaflet and Plotly are served by the platform; data comes from json_script, shown as text. */
(function () {
  "use strict";
  var COLORS = {"repair-cafe": "#1f7a5a", "reuse-centre": "#2c6fa8", "tool-library": "#8e44ad",
                "second-hand": "#b7791f", "refurbishment": "#c0392b"};
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function placeMap() {
    var el = document.getElementById("place-map"), pts = data("place-map-data");
    if (!el || !pts || !window.ccMap) return;
    var map = window.ccMap(el), bounds = [];
    pts.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], {radius: 8, color: "#fff", weight: 1.5,
        fillColor: COLORS[p.kind] || "#555", fillOpacity: 0.9}).addTo(map);
      if (p.url) m.bindPopup(window.ccDom.link(p.url, p.label || ""));
      else m.bindTooltip(window.ccDom.el("span", p.label || ""));
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 6, {animate: false});
    else if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 13, animate: false});
    el.setAttribute("data-ready", String(pts.length));
  }
  function picker() {
    var el = document.getElementById("pick-map");
    if (!el || !window.ccMap) return;
    var lat = document.getElementById("id_lat"), lon = document.getElementById("id_lon");
    var map = window.ccMap(el), marker = null;
    function put(la, lo) {
      if (marker) marker.setLatLng([la, lo]); else marker = L.marker([la, lo]).addTo(map);
    }
    if (lat && lon && lat.value && lon.value) {
      put(+lat.value, +lon.value); map.setView([+lat.value, +lon.value], 12, {animate: false});
    }
    map.on("click", function (e) {
      lat.value = e.latlng.lat.toFixed(5); lon.value = e.latlng.lng.toFixed(5);
      put(e.latlng.lat, e.latlng.lng);
    });
    el.setAttribute("data-ready", "1");
  }
  function repairChart() {
    var d = data("repairs-data"), el = document.getElementById("chart-categories");
    if (!d || !el || !window.Plotly) return;
    var T = window.ccDom.plotlyText;
    var colors = {"Fixed": "#1f7a5a", "Repairable": "#2c6fa8", "End of life": "#c0392b", "Unknown": "#999"};
    var narrow = (document.documentElement.clientWidth || window.innerWidth) < 600;
    var cats = d.categories.map(function (c) { return T(c.slice(0, narrow ? 16 : 40)); });
    var traces = Object.keys(d.statuses).map(function (s) {
      return {type: "bar", orientation: "h", y: cats, x: d.statuses[s], name: T(d.labels[s]),
              marker: {color: colors[s] || "#555"}};
    });
    Plotly.newPlot(el, traces, {barmode: "stack", autosize: true, width: el.clientWidth || undefined, height: 420, legend: {orientation: "h"},
      margin: {l: narrow ? 10 : 200, r: 20, t: 20, b: 40}, yaxis: {automargin: true, autorange: "reversed"}},
      {displaylogo: false, responsive: true, displayModeBar: false}).then(function () {
        el.setAttribute("data-ready", "1");
      });
  }
  document.addEventListener("DOMContentLoaded", function () { placeMap(); picker(); repairChart(); });
})();
