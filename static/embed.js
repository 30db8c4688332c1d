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
        // The .wasm download starts at once, alongside the glue script's.
        var wasm = fetch(new URL(WASM, base).href, {
          integrity: WASM_INTEGRITY,
          credentials: "omit",
          referrerPolicy: "no-referrer",
        });
        wasm.catch(function () {}); // reported through the glue's init below
        var glue = await import(new URL(GLUE, base).href);
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
        // Opened from a share link: the first consult widget comes into view, as an anchor would.
        if (sharedLink(el) && document.querySelector(TAG + '[mode="consult"]') === el) {
          el.scrollIntoView({ block: "start" });
        }
      } catch (e) {
        console.warn(TAG + ": could not start; showing the text version instead. " + e);
      }
    }, function () {});
  }

  // A share link (#kyphoplasty=... in the address) is for consult widgets: they start at once.
  function sharedLink(el) {
    return /^#kyphoplasty(=|%3D)/i.test(location.hash) && el.getAttribute("mode") === "consult";
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

  // Attributes the widget reads; changing one at run time re-renders it at the same step.
  var ATTRIBUTES = ["lang", "mode", "start", "autoplay", "accent", "clinic-name", "clinic-phone", "text"];

  class KyphoplastyExplainer extends HTMLElement {
    static get observedAttributes() { return ATTRIBUTES; }

    connectedCallback() {
      // Moved (removed and added back in the same task): the widget is still there; keep it.
      if (this._kxGone) {
        clearTimeout(this._kxGone);
        this._kxGone = 0;
        if (this._kx) return;
      }
      if (nearby && !sharedLink(this)) nearby.observe(this);
      else start(this);
    }

    disconnectedCallback() {
      // Freed once it is clear the element is not just being moved elsewhere on the page.
      var el = this;
      clearTimeout(el._kxGone);
      el._kxGone = setTimeout(function () {
        el._kxGone = 0;
        if (el.isConnected) return;
        if (nearby) nearby.unobserve(el);
        live.delete(el);
        if (el._kx) {
          try { el._kx.destroy(); } catch (e) { /* the instance is already gone */ }
          el._kx = null;
        }
      }, 0);
    }

    attributeChangedCallback(name, before, after) {
      if (!this._kx || before === after || broken) return;
      var el = this;
      load().then(function (glue) {
        if (!el._kx) return;
        var at = name === "start" ? undefined : el._kx.current().index;
        try { el._kx.destroy(); } catch (e) { /* gone */ }
        el._kx = null;
        try { el._kx = glue.mountAt(el, at); } catch (e) {
          console.warn(TAG + ": could not restart after " + name + " changed. " + e);
        }
      });
    }

    /** Goes to the next step. */
    next() { if (this._kx) this._kx.next(); }
    /** Goes to the previous step. */
    previous() { if (this._kx) this._kx.previous(); }
    /** Goes to a step by id ("bone-cement") or index from 0; false if there is no such step. */
    goTo(step) { return this._kx ? this._kx.goTo(step) : false; }
    /** Starts auto-advancing. */
    play() { if (this._kx) this._kx.play(); }
    /** Stops auto-advancing. */
    pause() { if (this._kx) this._kx.pause(); }
    /** The step shown now, { index, id, total }, or null before the widget has started. */
    get currentStep() { return this._kx ? this._kx.current() : null; }
  }
  window.customElements.define(TAG, KyphoplastyExplainer);
})();
