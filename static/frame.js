/*
 * Kyphoplasty explainer, iframe page (embed.html): turns the query string into the attributes of
 * the page's <kyphoplasty-explainer>, before embed.js starts it.
 *
 *   embed.html?lang=en&mode=patient&start=balloon-inflated&accent=%230f5b70
 *             &clinic-name=Riverside%20Spine&clinic-phone=555-010-0199
 *
 * The widget checks each value itself (a bad one gives one console warning and the default is
 * used). Parameters it does not know are ignored, with one console warning that names them.
 *
 * Optional: `parent=<origin of the page that embeds the frame>` makes the frame post its height
 * to that page whenever it changes:
 *   { type: "kyphoplasty-explainer:height", height: <CSS pixels> }
 * It posts only to that exact origin, and only when the browser confirms that the frame's parent
 * really is that origin (location.ancestorOrigins, or else document.referrer).
 */
(function () {
  "use strict";
  var TAG = "kyphoplasty-explainer";
  var ATTRIBUTES = ["lang", "mode", "start", "autoplay", "accent", "clinic-name", "clinic-phone"];
  var HEIGHT = "kyphoplasty-explainer:height";
  var MAX_LENGTH = 100;

  var el = document.querySelector(TAG);
  if (!el) return;

  // Keep values short and free of control characters; the widget validates their meaning.
  function clean(value) {
    return value.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, MAX_LENGTH);
  }

  var query = new URLSearchParams(window.location.search);
  var unknown = [];
  var parentOrigin = null;
  query.forEach(function (value, name) {
    if (ATTRIBUTES.indexOf(name) >= 0) {
      // The first of repeated parameters wins.
      if (!el.hasAttribute(name)) el.setAttribute(name, clean(value));
    } else if (name === "parent") {
      if (parentOrigin === null) parentOrigin = value;
    } else if (unknown.indexOf(name) < 0) {
      unknown.push(name);
    }
  });
  if (unknown.length) {
    console.warn(
      TAG + ": ignoring unknown parameter" + (unknown.length > 1 ? "s " : " ") +
      unknown.map(function (n) { return JSON.stringify(clean(n)); }).join(", ") +
      "; the frame understands " + ATTRIBUTES.concat("parent").join(", ") + "."
    );
  }

  if (parentOrigin !== null) postHeightTo(parentOrigin);

  function postHeightTo(asked) {
    var origin = null;
    try {
      var url = new URL(asked);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === asked.replace(/\/$/, "")) {
        origin = url.origin;
      }
    } catch (e) { /* not a URL */ }
    if (!origin) {
      console.warn(TAG + ": parent=" + JSON.stringify(clean(asked)) +
        " is not an origin such as https://www.example-clinic.com; not posting the height.");
      return;
    }
    if (window.parent === window) return;

    // The browser's word for who embeds this frame: ancestorOrigins where it exists (Chromium,
    // Safari), else the referrer (which the parent page's referrer policy may leave empty).
    var actual = "";
    if (window.location.ancestorOrigins && window.location.ancestorOrigins.length) {
      actual = window.location.ancestorOrigins[0];
    } else if (document.referrer) {
      try { actual = new URL(document.referrer).origin; } catch (e) { actual = ""; }
    }
    if (actual !== origin) {
      console.warn(TAG + ": parent=" + origin + " is not the page that embeds this frame" +
        (actual ? " (" + actual + ")" : "") + "; not posting the height.");
      return;
    }

    var last = -1;
    function send() {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: HEIGHT, height: height }, origin);
    }
    if ("ResizeObserver" in window) new ResizeObserver(send).observe(document.body);
    else window.addEventListener("resize", send);
    send();
    revealInPage();
  }

  // At its exact height the frame never scrolls, so the widget cannot see that its pictures have
  // scrolled away in the page: here, a step chosen by a tap or click while more than half of the
  // pictures is above the screen (the page's, as an IntersectionObserver sees it from a frame)
  // brings them back into sight, as the widget does on a page of its own.
  function revealInPage() {
    if (!("IntersectionObserver" in window)) return;
    var seen = null;
    var clicked = 0;
    var observed = null;
    var io = new IntersectionObserver(function (entries) {
      seen = entries[entries.length - 1];
    }, { threshold: [0, 0.25, 0.5, 0.75, 1] });
    function group() {
      var g = el.shadowRoot && el.shadowRoot.querySelector(".kx-stage-group");
      if (g && g !== observed) {
        if (observed) io.unobserve(observed);
        io.observe(g);
        observed = g;
      }
      return g;
    }
    el.addEventListener("ready", group);
    // A tap or click (keys press no pointer), and where in the frame it was. (Its click reaches
    // this element only after the widget has changed the step.)
    var clickY = 0;
    el.addEventListener("pointerup", function (e) {
      clicked = Date.now();
      clickY = e.clientY;
    });
    // Less than half of the pictures in the page's sight after a click on the screen below their
    // top: the rest of them is above the screen.
    el.addEventListener("keydown", function () { clicked = 0; });
    el.addEventListener("stepchange", function () {
      var g = group();
      var tapped = Date.now() - clicked < 1000;
      clicked = 0;
      if (!g || !seen || !tapped) return;
      if (seen.intersectionRatio < 0.5 && clickY > g.getBoundingClientRect().top) g.scrollIntoView();
    });
  }
})();
