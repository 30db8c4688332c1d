/*
 * Kyphoplasty explainer: the loader (a stable file name; safe to load more than once).
 *
 *   <script src="https://your-host/kyphoplasty/embed.js" async></script>
 *   <kyphoplasty-explainer> ...fallback content... </kyphoplasty-explainer>
 *
 * It defines the <kyphoplasty-explainer> element. The WebAssembly is fetched, with an integrity
 * check, from the folder this file was loaded from, and only when the first widget comes near
 * the viewport. Until the widget starts (or if it cannot), the element's own content stays
 * visible. No cookies, no storage, no request to any other host.
 * The build writes the hashed file names and the integrity hash below.
 */
(function () {
  "use strict";
  var TAG = "kyphoplasty-explainer";
  if (!window.customElements || window.customElements.get(TAG)) return;

  var GLUE = "__GLUE__";
  var WASM = "__WASM__";
  var WASM_INTEGRITY = "__WASM_INTEGRITY__";
  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI);
  var loading = null;
  var broken = false;
  var live = new Set();

  function load() {
    if (!loading) {
      loading = (async function () {
        if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available here");
        var glue = await import(new URL(GLUE, base).href);
        var wasm = fetch(new URL(WASM, base).href, {
          integrity: WASM_INTEGRITY,
          credentials: "omit",
          referrerPolicy: "no-referrer",
        });
        await glue.default({ module_or_path: wasm });
        return glue;
      })();
      loading.catch(function (e) {
        console.warn(TAG + ": could not start; showing the text version instead. " + e);
      });
    }
    return loading;
  }

  // A panic stops the one WebAssembly instance: put every widget back to its fallback content.
  function fallBackEverywhere() {
    broken = true;
    live.forEach(function (el) {
      el._kx = null;
      if (el.shadowRoot) el.shadowRoot.replaceChildren(document.createElement("slot"));
    });
  }
  window.addEventListener("kyphoplasty-explainer-panic", fallBackEverywhere);

  function start(el) {
    load().then(function (glue) {
      if (broken || !el.isConnected || el._kx) return;
      try {
        el._kx = glue.mount(el);
        live.add(el);
      } catch (e) {
        console.warn(TAG + ": could not start; showing the text version instead. " + e);
      }
    }, function () {});
  }

  var nearby = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            nearby.unobserve(entry.target);
            start(entry.target);
          }
        });
      }, { rootMargin: "300px" })
    : null;

  class KyphoplastyExplainer extends HTMLElement {
    connectedCallback() {
      if (nearby) nearby.observe(this);
      else start(this);
    }
    disconnectedCallback() {
      if (nearby) nearby.unobserve(this);
      live.delete(this);
      if (this._kx) {
        try { this._kx.destroy(); } catch (e) { /* the instance is already gone */ }
        this._kx = null;
      }
    }
  }
  window.customElements.define(TAG, KyphoplastyExplainer);
})();
