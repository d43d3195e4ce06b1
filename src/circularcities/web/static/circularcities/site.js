/* Small helpers shared by pages. Maps: Leaflet is served by the platform
   (django-leaflet ships it); no tile layer unless one is configured, so maps
   work offline with markers and a graticule for orientation. */
(function () {
  "use strict";
  // Stored text reaches the page only as text: elements are built with textContent,
  // never from HTML strings (issue #11; the Content-Security-Policy forbids inline script).
  function node(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  // Only links inside the site or to http(s) pages; anything else (javascript:, data:) is dropped.
  function safeHref(url) {
    try {
      var u = new URL(String(url), window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function link(url, text) {
    var href = safeHref(url);
    if (!href) return node("span", text);
    var a = node("a", text);
    a.href = href;
    return a;
  }
  // A block of lines, each a string or a node, separated by <br>.
  function lines(parts) {
    var div = node("div");
    parts.forEach(function (p, i) {
      if (i) div.appendChild(document.createElement("br"));
      div.appendChild(typeof p === "string" ? document.createTextNode(p) : p);
    });
    return div;
  }
  // Plotly reads <b>, <a href> and the like in labels; these entities make it show text literally.
  function plotlyText(s) {
    return String(s == null ? "" : s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  window.ccDom = {el: node, link: link, lines: lines, safeHref: safeHref, plotlyText: plotlyText};
  // Country outlines (Natural Earth 1:110m, public domain) are served with the
  // platform's static files, so maps are readable without any tile server.
  var BASE = (document.currentScript && document.currentScript.src || "").replace(/site\.js.*$/, "");
  var world = null;
  function loadWorld() {
    if (!world) {
      world = fetch(BASE + "world-110m.geojson").then(function (r) {
        if (!r.ok) throw new Error("world map " + r.status);
        return r.json();
      });
    }
    return world;
  }
  function graticule(map) {
    var lines = [];
    for (var lat = -60; lat <= 80; lat += 20) lines.push([[lat, -180], [lat, 180]]);
    for (var lon = -180; lon <= 180; lon += 30) lines.push([[-85, lon], [85, lon]]);
    L.polyline(lines, {color: "#c9d8de", weight: 1, interactive: false, pane: "basemap"}).addTo(map);
  }
  function basemap(map) {
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;  // below markers and routes
    graticule(map);
    loadWorld().then(function (data) {
      L.geoJSON(data, {pane: "basemap", interactive: false,
        style: {color: "#9fb3ad", weight: 0.7, fillColor: "#f4f1e8", fillOpacity: 1}}).addTo(map);
      map.getContainer().setAttribute("data-basemap", "countries");
    }).catch(function () { /* outlines are a comfort, not a requirement */ });
  }
  window.ccMap = function (el, opts) {
    opts = opts || {};
    var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
    var map = L.map(el, {worldCopyJump: true, zoomSnap: 0.5, zoomAnimation: false, fadeAnimation: false,
                         markerZoomAnimation: false, zoomControl: false});
    L.control.zoom({zoomInTitle: zh ? "放大" : "Zoom in", zoomOutTitle: zh ? "缩小" : "Zoom out"}).addTo(map);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) { L.tileLayer(tiles, {attribution: el.getAttribute("data-attribution") || ""}).addTo(map); }
    else { basemap(map); map.attributionControl.addAttribution("Natural Earth"); }
    map.setView([30, 40], 2);
    return map;
  };
  window.ccCityMap = function (id) {
    var el = document.getElementById(id);
    if (!el || !window.L) return;
    var data = JSON.parse(document.getElementById(id + "-data").textContent);
    var map = window.ccMap(el);
    var colors = {"endorsing": "#1f7a5a", "member": "#2c6fa8", "case-city": "#b7791f", "former": "#888"};
    var bounds = [];
    data.forEach(function (c) {
      var m = L.circleMarker([c.lat, c.lon], {radius: 7, color: "#fff", weight: 1.5,
        fillColor: colors[c.status] || "#2c6fa8", fillOpacity: 0.95}).addTo(map);
      m.bindTooltip(node("span", c.name), {permanent: data.length <= 40, direction: "right", offset: [8, 0],
                                         className: "city-label"});
      m.bindPopup(lines([link(c.url, c.name), c.status_label]));
      bounds.push([c.lat, c.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 6, {animate: false});
    else if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], animate: false});
    el.setAttribute("data-ready", String(data.length));
  };
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-citymap]"), function (e) {
      window.ccCityMap(e.id);
    });
  });
  // A table wider than the screen scrolls inside its box: keyboard users must be able to
  // reach and scroll it, so a scrolling box takes the focus (WCAG 2.1.1).
  function focusableScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
      else if (box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
    });
  }
  document.addEventListener("DOMContentLoaded", focusableScrollers);
  // One menu group open at a time; Escape or a click elsewhere closes it.
  function closeMenus(except) {
    Array.prototype.forEach.call(document.querySelectorAll(".navgroup[open]"), function (d) {
      if (d !== except) d.removeAttribute("open");
    });
  }
  document.addEventListener("toggle", function (e) {
    if (e.target.classList && e.target.classList.contains("navgroup") && e.target.open) closeMenus(e.target);
  }, true);
  document.addEventListener("click", function (e) {
    if (!e.target.closest || !e.target.closest(".navgroup")) closeMenus(null);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      var open = document.querySelector(".navgroup[open]");
      if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
    }
  });
  window.addEventListener("resize", focusableScrollers);
  // <select data-autosubmit> sends its form when changed (no inline handlers under the CSP).
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute("data-autosubmit") && t.form) t.form.submit();
  });
})();
