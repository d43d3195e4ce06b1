/* Collection logistics maps (Leaflet, served by the platform; no tiles by default). */
(function () {
  "use strict";
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];

  var MUNI = ["#2c6fa8", "#b7791f", "#7b4173", "#1f7a5a", "#c0392b", "#5d6d7e"];

  function colour(i) { return PALETTE[i % PALETTE.length]; }

  function legend(map, munis) {
    if (!munis.length) return;
    var ctl = L.control({position: "topright"});
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "lg-legend");
      munis.forEach(function (m, i) {
        if (i) div.appendChild(document.createElement("br"));
        var swatch = D.el("span", null, "lg-swatch");
        swatch.style.background = MUNI[i % MUNI.length];  // CSSOM, allowed by the CSP
        div.appendChild(swatch);
        div.appendChild(document.createTextNode(m));
      });
      return div;
    };
    ctl.addTo(map);
  }

  // Names come from uploaded workbooks: tooltips and popups are built as text nodes (site.js).
  var D = window.ccDom;
  function str(s) { return String(s == null ? "" : s); }

  function icon(cls) { return L.divIcon({className: cls, iconSize: [12, 12]}); }

  function drawBase(map, base, layer) {
    var munis = [];
    base.points.forEach(function (p) { if (munis.indexOf(p.municipality) < 0) munis.push(p.municipality); });
    munis.sort();
    var bounds = [];
    base.points.forEach(function (p) {
      var r = 3 + Math.min(6, Math.sqrt(p.quantity_t * 4));
      L.circleMarker([p.lat, p.lon], {radius: r, color: "#fff", weight: 1,
        fillColor: MUNI[munis.indexOf(p.municipality) % MUNI.length], fillOpacity: 0.9})
        .bindTooltip(D.el("span", str(p.name) + " · " + str(p.municipality) + " · " + p.quantity_t + " t")).addTo(layer);
      bounds.push([p.lat, p.lon]);
    });
    base.depots.forEach(function (d) {
      L.marker([d.lat, d.lon], {icon: icon("lg-depot")}).bindTooltip(D.el("span", str(d.name || d.id))).addTo(layer);
      bounds.push([d.lat, d.lon]);
    });
    base.facilities.forEach(function (f) {
      L.marker([f.lat, f.lon], {icon: icon("lg-facility")})
        .bindTooltip(D.el("span", str(f.name || f.id) + " · " + f.capacity_t_per_day + " t/day")).addTo(layer);
      bounds.push([f.lat, f.lon]);
    });
    layer.addTo(map);
    legend(map, munis);
    if (bounds.length === 1) map.setView(bounds[0], 12, {animate: false});
    else if (bounds.length) map.fitBounds(bounds, {padding: [20, 20], animate: false});
  }

  function scenarioMap(id, editable) {
    var el = document.getElementById(id);
    if (!el || !window.L) return;
    var base = JSON.parse(document.getElementById(id + "-data").textContent);
    var map = window.ccMap(el);
    drawBase(map, base, L.layerGroup());
    if (!base.points.length && !base.depots.length && !base.facilities.length) {
      map.setView([35, 135], 4, {animate: false});
    }
    if (editable) {
      var marker = null;
      map.on("click", function (e) {
        var lat = document.getElementById("id_lat"), lon = document.getElementById("id_lon");
        if (!lat || !lon) return;
        lat.value = e.latlng.lat.toFixed(6);
        lon.value = e.latlng.lng.toFixed(6);
        if (marker) map.removeLayer(marker);
        marker = L.circleMarker(e.latlng, {radius: 7, color: "#000", weight: 2, fillOpacity: 0}).addTo(map);
        var code = document.getElementById("id_code");
        if (code) code.focus();
      });
    }
    el.setAttribute("data-ready", String(base.points.length));
  }

  function routeMap(id, selectId) {
    var el = document.getElementById(id);
    if (!el || !window.L) return;
    var data = JSON.parse(document.getElementById(id + "-data").textContent);
    var map = window.ccMap(el);
    drawBase(map, data.base, L.layerGroup());
    var routes = L.layerGroup().addTo(map);
    var lab = data.labels || {trips: "trips", stops: "stops"};
    function show(n) {
      routes.clearLayers();
      var plan = data.plans[n];
      var count = 0;
      plan.geojson.features.forEach(function (f) {
        if (f.properties.kind !== "route") return;
        var p = f.properties;
        var latlngs = f.geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
        L.polyline(latlngs, {color: colour(p.route - 1), weight: 3, opacity: 0.85,
          className: "route-line"})
          .bindPopup(D.lines([D.el("strong", str(p.group) + " · #" + p.route),
            str(p.vehicle_type) + " · " + str(lab.trips) + ": " + p.trips + " · " + str(lab.stops) + ": " + p.stops.length,
            p.distance_km + " km · " + p.duration_h + " h · " + p.load_t + " t",
            p.cost + " " + str(p.currency) + " · " + p.co2e_kg + " kg CO2e"]))
          .addTo(routes);
        count += 1;
      });
      el.setAttribute("data-routes", String(count));
    }
    var select = document.getElementById(selectId);
    if (select) select.addEventListener("change", function () { show(parseInt(select.value, 10)); });
    show(0);
  }

  window.ccLogistics = {scenarioMap: scenarioMap, routeMap: routeMap};
  // Maps start from their element's data- attributes (no inline script under the CSP).
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-lg-scenario-map]"), function (e) {
      scenarioMap(e.id, e.hasAttribute("data-editable"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-lg-route-map]"), function (e) {
      routeMap(e.id, e.getAttribute("data-lg-route-map"));
    });
  });
})();
