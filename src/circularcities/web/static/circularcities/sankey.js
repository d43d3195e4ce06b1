/* The one Sankey drawing of the platform (diagnosis dashboard, industrial parks, systems).
   Data come from json_script (see core/sankey.py readout): every node is labelled with its
   name and amount, every band's amount is in the table printed under the chart
   (web/sankey.html), so nothing needs hovering. On a phone, where names do not fit between
   the columns, each node carries its number and amount, and the table under the chart
   gives the numbers their names. Text reaches Plotly escaped (ccDom.plotlyText). */
(function () {
  "use strict";
  var PALETTE = ["#1f7a5a", "#2c6fa8", "#b7791f", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400",
                 "#2e86c1", "#27ae60", "#a04000", "#5d6d7e"];
  var KIND = {energy: "#b7791f", material: "#1f7a5a"};
  function rgba(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  function T(s) { return window.ccDom ? window.ccDom.plotlyText(s) : String(s == null ? "" : s); }
  // Lines of about `width` characters (Chinese, Japanese and Korean labels are short and
  // carry no spaces, so they stay on one line).
  function wrap(text, width) {
    var words = String(text).split(" "), lines = [], line = "";
    words.forEach(function (w) {
      if (line && (line + " " + w).length > width) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) lines.push(line);
    return lines.map(T);
  }
  // Band colours and, when they mean something (what flows), the legend: [colours, [[name, colour]]].
  function colours(d) {
    var links = d.links, what = d.link_what || [];
    if (links.kind) return [links.kind.map(function (k) { return rgba(KIND[k] || PALETTE[6], 0.45); }), []];
    var distinct = what.filter(function (w, i) { return w && what.indexOf(w) === i; });
    if (distinct.length > 1 && distinct.length <= PALETTE.length) {
      return [what.map(function (w) { return rgba(PALETTE[distinct.indexOf(w) % PALETTE.length], 0.45); }),
              distinct.map(function (w, i) { return [w, rgba(PALETTE[i], 0.7)]; })];
    }
    return [links.source.map(function (s) { return rgba(PALETTE[s % PALETTE.length], 0.42); }), []];
  }
  function legend(el, items) {
    var old = el.parentNode.querySelector(".sankey-legend");
    if (old) old.parentNode.removeChild(old);
    if (!items.length || !window.ccDom) return;
    var ul = window.ccDom.el("ul", null, "sankey-legend small");
    items.forEach(function (it) {
      var li = window.ccDom.el("li"), sw = window.ccDom.el("span", null, "swatch");
      sw.style.background = it[1];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(it[0]));
      ul.appendChild(li);
    });
    el.parentNode.insertBefore(ul, el.nextSibling);
  }
  function draw(el) {
    var src = document.getElementById(el.getAttribute("data-source") || "");
    if (!src || !window.Plotly) return;
    var d = JSON.parse(src.textContent), links = d.links;
    var phone = el.clientWidth > 0 && el.clientWidth < 560;
    var amounts = d.node_amounts || [], linkAmounts = d.link_amounts || [], what = d.link_what || [];
    // A dense diagram on a phone has no room for amounts beside its numbers: the table has them.
    var phoneAmounts = d.node_labels.length <= 8;
    var labels = d.node_labels.map(function (name, i) {
      if (phone) return "<b>" + (i + 1) + "</b>" + (phoneAmounts && amounts[i] ? "<br>" + T(amounts[i]) : "");
      var lines = wrap(name, 18);
      if (amounts[i]) lines.push("<b>" + T(amounts[i]) + "</b>");
      return lines.join("<br>");
    });
    var hover = links.source.map(function (s, k) {
      var parts = [T(d.node_labels[s]) + " → " + T(d.node_labels[links.target[k]])];
      if (what[k]) parts.push(T(what[k]));
      if (linkAmounts[k]) parts.push(T(linkAmounts[k]));
      return parts.join("<br>");
    });
    var n = d.node_labels.length;
    var height = phone ? Math.max(360, Math.min(900, 48 * n)) : Math.max(440, Math.min(1100, 40 * n));
    var c = colours(d);
    legend(el, c[1]);
    var nodeColour = (d.imbalanced || []).length ? d.imbalanced.map(function (b) { return b ? "#c0392b" : "#123d31"; }) : "#123d31";
    window.Plotly.newPlot(el, [{
      type: "sankey", orientation: "h", arrangement: "snap",
      node: {label: labels, pad: phone ? 18 : 28, thickness: phone ? 10 : 14, line: {width: 0}, color: nodeColour,
             hovertemplate: "%{label}<extra></extra>"},
      link: {source: links.source, target: links.target, value: links.width || links.value, color: c[0],
             customdata: hover, hovertemplate: "%{customdata}<extra></extra>"}
    }], {margin: {l: 4, r: 4, t: 12, b: 8}, height: height, width: phone ? el.clientWidth : undefined, font: {size: phone ? 10 : 12}},
    {displaylogo: false, displayModeBar: false, responsive: true}).then(function () {
      el.setAttribute("data-ready", String(links.source.length));
    });
  }
  function drawAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(".chart.sankey[data-source]"), draw);
  }
  window.ccSankey = {draw: draw, drawAll: drawAll};
  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
    document.body.addEventListener("htmx:afterSwap", function (e) {
      drawAll(document);
    });
  });
})();
