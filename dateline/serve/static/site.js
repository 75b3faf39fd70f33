// Dateline: pan and zoom for the server-drawn SVG maps (wheel or buttons, drag to move).
// Everything on the page works without it; it only changes the map's viewBox.
(function () {
  "use strict";
  function parse(svg) { return svg.getAttribute("viewBox").split(/\s+/).map(Number); }
  function set(svg, v) { svg.setAttribute("viewBox", v.map(function (x) { return x.toFixed(3); }).join(" ")); }
  function zoom(svg, factor, cx, cy) {
    var v = parse(svg), w = v[2] * factor, h = v[3] * factor;
    if (w < 0.5 || w > 420) { return; }
    set(svg, [cx - (cx - v[0]) * factor, cy - (cy - v[1]) * factor, w, h]);
  }
  function toView(svg, evt) {
    var r = svg.getBoundingClientRect(), v = parse(svg);
    var s = Math.max(v[2] / r.width, v[3] / r.height);
    var ox = (r.width - v[2] / s) / 2, oy = (r.height - v[3] / s) / 2;
    return [v[0] + (evt.clientX - r.left - ox) * s, v[1] + (evt.clientY - r.top - oy) * s, s];
  }
  function setup(fig) {
    var svg = fig.querySelector("svg");
    if (!svg) { return; }
    var home = svg.getAttribute("viewBox");
    var bar = document.createElement("div");
    bar.className = "map-reset";
    [["+", 0.6], ["\u2212", 1 / 0.6], ["reset", 0]].forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b[0];
      btn.addEventListener("click", function () {
        if (!b[1]) { svg.setAttribute("viewBox", home); return; }
        var v = parse(svg);
        zoom(svg, b[1], v[0] + v[2] / 2, v[1] + v[3] / 2);
      });
      bar.appendChild(btn);
    });
    fig.appendChild(bar);
    svg.addEventListener("wheel", function (evt) {
      if (!evt.ctrlKey && !evt.metaKey && !evt.shiftKey) { return; }  // let the page scroll
      evt.preventDefault();
      var p = toView(svg, evt);
      zoom(svg, evt.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (evt) {
      if (evt.target.closest("a")) { return; }
      drag = { x: evt.clientX, y: evt.clientY, v: parse(svg), s: toView(svg, evt)[2] };
      svg.setPointerCapture(evt.pointerId);
    });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag) { return; }
      var v = drag.v;
      set(svg, [v[0] - (evt.clientX - drag.x) * drag.s, v[1] - (evt.clientY - drag.y) * drag.s, v[2], v[3]]);
    });
    ["pointerup", "pointercancel"].forEach(function (t) { svg.addEventListener(t, function () { drag = null; }); });
    fig.setAttribute("data-interactive", "");
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-map]"), setup);
  });
})();
