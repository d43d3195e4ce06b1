/* Marketplace pages: listing maps, the location picker, metric charts (the park Sankey is drawn by circularcities/sankey.js).
   Leaflet and Plotly are served by the platform. */
(function () {
  "use strict";
  var COLORS = {offer: "#1f7a5a", want: "#2c6fa8", share: "#8e44ad", facility: "#b7791f"};
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  /* At regional zoom the listings of one place are drawn as one circle with their
     count written on it (text, not HTML); zoomed in, each listing is its own marker. */
  var GROUP_BELOW_ZOOM = 8;
  function groupLayer(pts) {
    var groups = {}, layer = L.layerGroup();
    pts.forEach(function (p) {
      var key = Math.round(p.lat * 2) / 2 + "," + Math.round(p.lon * 2) / 2;
      (groups[key] = groups[key] || []).push(p);
    });
    Object.keys(groups).forEach(function (key) {
      var g = groups[key], lat = 0, lon = 0;
      g.forEach(function (p) { lat += p.lat / g.length; lon += p.lon / g.length; });
      var badge = document.createElement("span");
      badge.className = "map-count"; badge.textContent = String(g.length);
      var m = L.marker([lat, lon], {icon: L.divIcon({html: badge, className: "map-count-icon", iconSize: [34, 34]}),
        alt: g.length + " " + (document.getElementById("listing-map").getAttribute("data-listings") || "")});
      m.on("click", function () { m._map.setView([lat, lon], GROUP_BELOW_ZOOM + 2); });
      layer.addLayer(m);
    });
    return layer;
  }
  function pointsMap(id, extra) {
    var el = document.getElementById(id), pts = data(id + "-data");
    if (!el || !pts || !window.ccMap) return null;
    var map = window.ccMap(el), bounds = [], single = L.layerGroup();
    pts.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], {radius: p.partner ? 6 : 8, color: "#fff", weight: 1.5,
        fillColor: COLORS[p.kind] || "#555", fillOpacity: 0.9});
      var text = p.label || "";
      if (p.url) m.bindPopup(window.ccDom.link(p.url, text));
      else m.bindTooltip(window.ccDom.el("span", text));
      single.addLayer(m);
      bounds.push([p.lat, p.lon]);
    });
    var grouped = el.hasAttribute("data-group") ? groupLayer(pts) : null;
    function show() {
      var few = !grouped || map.getZoom() >= GROUP_BELOW_ZOOM;
      if (few) { if (grouped) map.removeLayer(grouped); map.addLayer(single); }
      else { map.removeLayer(single); map.addLayer(grouped); }
    }
    if (extra) extra(map, bounds);
    var home = data(id + "-home");
    if (home) map.setView([home.lat, home.lon], home.zoom || 10, {animate: false});
    else if (bounds.length === 1) map.setView(bounds[0], 11, {animate: false});
    else if (bounds.length) map.fitBounds(bounds, {padding: [30, 30], maxZoom: 13, animate: false});
    map.on("zoomend", show);
    show();
    el.setAttribute("data-ready", String(pts.length));
    return map;
  }
  function picker() {
    var el = document.getElementById("pick-map");
    if (!el || !window.ccMap) return;
    var lat = document.getElementById("id_lat"), lon = document.getElementById("id_lon");
    var useOrg = document.getElementById("id_use_organisation_location");
    var home = data("pick-map-home");
    var map = window.ccMap(el), marker = null;
    function place(la, lo) {
      if (marker) marker.setLatLng([la, lo]); else marker = L.marker([la, lo], {alt: el.getAttribute("aria-label") || ""}).addTo(map);
    }
    function choose(la, lo) {
      lat.value = (+la).toFixed(5); lon.value = (+lo).toFixed(5);
      if (useOrg) useOrg.checked = false;
      place(+la, +lo);
    }
    if (lat.value && lon.value) { place(+lat.value, +lon.value); map.setView([+lat.value, +lon.value], 10, {animate: false}); }
    else if (home) { map.setView([home.lat, home.lon], home.zoom || 10, {animate: false}); }
    map.on("click", function (e) { choose(e.latlng.lat, e.latlng.lng); });
    combobox("place-search", "place-options", "/api/marketplace/places", function (r) {
      return r.name;
    }, function (r, input) {
      input.value = r.name;
      choose(r.lat, r.lon);
      map.setView([r.lat, r.lon], 12, {animate: false});
    });
    el.setAttribute("data-ready", "1");
  }
  /* An accessible combobox (ARIA 1.2 list autocomplete): typing asks the API, arrow keys
     move through the options, Enter chooses, Escape closes. Text only, never HTML. */
  function combobox(inputId, listId, url, label, onChoose) {
    var input = document.getElementById(inputId), list = document.getElementById(listId);
    if (!input || !list) return;
    var rows = [], active = -1, timer = null, lang = document.documentElement.lang || "en";
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1;
      input.removeAttribute("aria-activedescendant"); }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        if (i === active) { input.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({block: "nearest"}); }
      });
    }
    function pick(i) { if (rows[i]) { onChoose(rows[i], input); close(); } }
    function render() {
      list.textContent = "";
      rows.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i; li.setAttribute("role", "option");
        li.textContent = label(r);
        if (r.hazardous) { var tag = document.createElement("span"); tag.className = "tag haz";
          tag.textContent = list.getAttribute("data-hazardous") || "hazardous"; li.appendChild(document.createTextNode(" ")); li.appendChild(tag); }
        if (r.group) { var g = document.createElement("span"); g.className = "small muted"; g.textContent = " · " + r.group; li.appendChild(g); }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      if (!rows.length) {
        var none = document.createElement("li"); none.className = "muted"; none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true"); none.textContent = list.getAttribute("data-none") || "";
        list.appendChild(none);
      }
      list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1; mark();
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(q), {headers: {"Accept-Language": lang}})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (d) { rows = d; render(); list.setAttribute("data-ready", String(d.length)); })
          .catch(function () { rows = []; close(); });
      }, 180);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { active = Math.min(active + 1, rows.length - 1); mark(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); mark(); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) { pick(active); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  function filterPickers() {
    combobox("filter-material", "filter-material-options", "/api/marketplace/materials", function (r) {
      return (r.code ? r.code + " " : "") + r.label;
    }, function (r, input) { input.value = r.key; });
    var lat = document.getElementById("filter-lat"), lon = document.getElementById("filter-lon");
    var place = document.getElementById("filter-place");
    if (place) place.addEventListener("input", function () { if (lat) lat.value = ""; if (lon) lon.value = ""; });
    combobox("filter-place", "filter-place-options", "/api/marketplace/places", function (r) {
      return r.name;
    }, function (r, input) {
      input.value = r.name; lat.value = (+r.lat).toFixed(5); lon.value = (+r.lon).toFixed(5);
      var km = input.form && input.form.elements.km;
      if (km && !km.value) km.value = "25";
    });
  }
  function materialPicker() {
    var chosen = document.getElementById("material-chosen");
    combobox("id_material", "material-options", "/api/marketplace/materials", function (r) {
      return (r.code ? r.code + " " : "") + r.label;
    }, function (r, input) {
      input.value = r.key;
      if (chosen) chosen.textContent = (r.code ? r.code + " " : "") + r.label;
    });
  }
  function metrics() {
    var d = data("metrics-data");
    if (!d || !window.Plotly) return;
    var T = window.ccDom.plotlyText;  // labels and material names are shown as text, never as markup
    Object.keys(d.labels).forEach(function (k) { d.labels[k] = T(d.labels[k]); });
    var cfg = {displaylogo: false, responsive: true, displayModeBar: false};
    var narrow = (document.documentElement.clientWidth || window.innerWidth) < 600;
    var lay = function (t) {
      // Responsive: no fixed width (the chart fills its card), few date ticks on a phone.
      return {title: {text: t, font: {size: 14}}, autosize: true, height: narrow ? 280 : 320,
              margin: {l: 50, r: narrow ? 40 : 50, t: 40, b: 50}, legend: {orientation: "h"},
              xaxis: {type: "date", tickformat: "%Y-%m", nticks: narrow ? 4 : 10, automargin: true,
                      hoverformat: "%Y-%m"}};
    };
    var el = document.getElementById("chart-exchanges");
    var l1 = lay(d.labels.exchanges);
    l1.yaxis = {dtick: 1, tickformat: ",d", rangemode: "tozero"};  // whole exchanges only
    if (Math.max.apply(null, d.exchanges.concat([0])) > 12) { delete l1.yaxis.dtick; l1.yaxis.tickmode = "auto"; }
    Plotly.newPlot(el, [{type: "bar", x: d.months, y: d.exchanges, name: d.labels.exchanges, marker: {color: "#2c6fa8"},
      text: d.exchanges.map(String), textposition: "outside", cliponaxis: false}],
      l1, cfg).then(function () { el.setAttribute("data-ready", "1"); });
    // Two quantities, two axes, both from zero; the latest value written at the end of each line.
    var l2 = lay(d.labels.tonnes + " · " + d.labels.co2e);
    l2.yaxis = {rangemode: "tozero", title: {text: "t", font: {size: 11}}, nticks: 6};
    l2.yaxis2 = {overlaying: "y", side: "right", rangemode: "tozero", title: {text: "t CO2e", font: {size: 11}},
                 nticks: 6, showgrid: false};
    var lastText = function (ys) { return ys.map(function (y, i) { return i === ys.length - 1 ? mass(y) : ""; }); };
    Plotly.newPlot("chart-impact", [
      {type: "scatter", mode: "lines+markers+text", x: d.months, y: d.cum_tonnes, name: d.labels.tonnes, line: {color: "#1f7a5a"},
       text: lastText(d.cum_tonnes), textposition: "top left", cliponaxis: false},
      {type: "scatter", mode: "lines+markers+text", x: d.months, y: d.cum_t_co2e, name: d.labels.co2e, yaxis: "y2", line: {color: "#b7791f"},
       text: d.cum_t_co2e.map(function (y, i) { return i === d.cum_t_co2e.length - 1 ? num(y) + " t" : ""; }),
       textposition: "bottom left", cliponaxis: false}
    ], l2, cfg);
    // Money: one small chart per currency, never two currencies on one axis.
    var currencies = Object.keys(d.value);
    var l3 = lay(d.labels.value);
    l3.height = Math.max(220, 70 + 150 * Math.max(1, currencies.length));
    l3.grid = {rows: Math.max(1, currencies.length), columns: 1, pattern: "independent", roworder: "top to bottom"};
    l3.showlegend = false;
    var traces = currencies.map(function (c, i) {
      var ax = i === 0 ? "" : String(i + 1);
      l3["xaxis" + ax] = Object.assign({}, l3.xaxis, {matches: i === 0 ? undefined : "x", showticklabels: i === currencies.length - 1});
      l3["yaxis" + ax] = {rangemode: "tozero", title: {text: T(c), font: {size: 11}}, nticks: 4};
      return {type: "bar", x: d.months, y: d.value[c], name: T(c), xaxis: "x" + ax, yaxis: "y" + ax,
              marker: {color: i % 2 ? "#b7791f" : "#2c6fa8"}, text: d.value[c].map(function (v) { return v ? num(v) : ""; }),
              textposition: "outside", cliponaxis: false};
    });
    Plotly.newPlot("chart-value", traces, l3, cfg);
    // Materials: tonnes span six orders of magnitude (2,000 t of ash, 6 kg of clothes), so the
    // axis is logarithmic, said so in its title, and every bar carries its value.
    var wrap = function (label) { return wrapWords(label, narrow ? 16 : 28).map(T).join("<br>"); };
    var lm = lay(d.labels.available + " / " + d.labels.wanted);
    var rows = Math.max(d.available.length, d.wanted.length);
    Plotly.newPlot("chart-materials", [
      {type: "bar", orientation: "h", y: d.available.map(function (r) { return wrap(r[0]); }), x: d.available.map(function (r) { return r[1]; }),
       name: d.labels.available, marker: {color: "#1f7a5a"}, text: d.available.map(function (r) { return mass(r[1]); }),
       textposition: "outside", cliponaxis: false},
      {type: "bar", orientation: "h", y: d.wanted.map(function (r) { return wrap(r[0]); }), x: d.wanted.map(function (r) { return r[1]; }),
       name: d.labels.wanted, marker: {color: "#2c6fa8"}, text: d.wanted.map(function (r) { return mass(r[1]); }),
       textposition: "outside", cliponaxis: false}
    ], Object.assign(lm, {barmode: "group", height: Math.max(320, 90 + rows * (narrow ? 48 : 40)),
      margin: {l: 10, r: narrow ? 50 : 70, t: 40, b: 90}, legend: {orientation: "h", y: -0.18},
      xaxis: {type: "log", title: {text: d.labels.log_axis, font: {size: 11}}, automargin: true},
      yaxis: {automargin: true, autorange: "reversed"}}), cfg);
  }
  function num(v) {
    var a = Math.abs(v);
    return a >= 100 ? Math.round(v).toLocaleString("en") : (+v.toFixed(a >= 10 ? 1 : 2)).toLocaleString("en");
  }
  function mass(t) {  // tonnes to meaningful precision: 6 kg, 2.5 t, 2,000 t
    if (!t) return "";
    return Math.abs(t) < 1 ? num(t * 1000) + " kg" : num(t) + " t";
  }
  function wrapWords(text, width) {  // at most two lines, broken between words, never mid-word
    var words = String(text).split(/\s+/), lines = [""];
    words.forEach(function (w) {
      var cur = lines[lines.length - 1];
      if (!cur) lines[lines.length - 1] = w;
      else if ((cur + " " + w).length <= width) lines[lines.length - 1] = cur + " " + w;
      else lines.push(w);
    });
    if (lines.length > 2) lines = [lines[0], lines[1] + " …"];
    return lines;
  }
  function fitCharts() {
    // A chart drawn before the page reached its final width (some headless
    // browsers) is refitted to its box; Plotly's own handler waits for a resize.
    if (!window.Plotly) return;
    Array.prototype.forEach.call(document.querySelectorAll(".js-plotly-plot"), function (el) {
      var fl = el._fullLayout;
      if (fl && Math.abs(fl.width - el.clientWidth) > 2) {
        window.Plotly.Plots.resize(el).catch(function () { /* redrawn later */ });
      }
    });
  }
  window.addEventListener("load", function () { setTimeout(fitCharts, 300); });
  function parkMap() {
    var c = data("park-map-center");
    pointsMap("park-map", function (map, bounds) {
      if (!c) return;
      L.circle([c.lat, c.lon], {radius: c.radius_km * 1000, color: "#b7791f", weight: 1, fill: false}).addTo(map);
      bounds.push([c.lat, c.lon]);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    pointsMap("listing-map");
    picker();
    materialPicker();
    filterPickers();
    metrics();
    parkMap();
  });
})();
