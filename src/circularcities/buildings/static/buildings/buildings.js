/* Material bank map: one marker per building, sized by reusable tonnes; the popup
   lists tonnes by year and material. Text is set with textContent only. */
(function () {
  "use strict";
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function popup(p) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = p.url; a.textContent = p.name;
    box.appendChild(a);
    var ul = document.createElement("ul");
    p.rows.forEach(function (r) {
      var li = document.createElement("li");
      li.textContent = r.year + " · " + r.material + " · " + r.tonnes.toFixed(1) + " t";
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }
  function bankMap() {
    var el = document.getElementById("bank-map"), pts = data("bank-map-data");
    if (!el || !pts || !window.ccMap) return;
    var map = window.ccMap(el), bounds = [];
    pts.forEach(function (p) {
      var total = p.rows.reduce(function (s, r) { return s + r.tonnes; }, 0);
      var m = L.circleMarker([p.lat, p.lon], {radius: Math.min(24, 6 + Math.sqrt(total)), color: "#fff",
        weight: 1.5, fillColor: "#1f7a5a", fillOpacity: 0.85}).addTo(map);
      m.bindPopup(popup(p));
      var label = document.createElement("span");
      label.textContent = p.name + ": " + total.toFixed(1) + " t";
      m.bindTooltip(label, {permanent: true, direction: "right"});
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 9, {animate: false});
    else if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 13, animate: false});
    else map.setView([52, 5], 6, {animate: false});
    el.setAttribute("data-ready", String(pts.length));
  }
  document.addEventListener("DOMContentLoaded", bankMap);
})();
