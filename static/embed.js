/*
 * Kyphoplasty explainer: the loader (a stable file name; safe to load more than once).
 *
 *   <script src="https://your-host/kyphoplasty/embed.js" async></script>
 *   <kyphoplasty-explainer> ...fallback content... </kyphoplasty-explainer>
 *
 * It defines the <kyphoplasty-explainer> element. The WebAssembly of the widget's mode (patients'
 * or consult mode's: two builds, so that a patient's phone never downloads consult mode's code),
 * and the words of the one language a widget shows, are fetched with an integrity check from the
 * folder this file was loaded from, and only when the first widget of that mode comes near the
 * viewport. Until the widget starts (or if it cannot), the element's own content stays
 * visible. No cookies, no storage, no request to any other host.
 * The build writes the hashed file names and the integrity hashes below.
 */
(function () {
  "use strict";
  var TAG = "kyphoplasty-explainer";
  if (!window.customElements || window.customElements.get(TAG)) return;

  // Each mode's build: { patient: [glue, wasm, wasm integrity], consult: [...] }.
  var MODULES = "__MODULES__";
  // Each language's words: { tag: [file, integrity, consult file, integrity] }; English is the
  // fallback. The first file holds U+0002 in place of each of consult mode's texts, which are
  // in the consult file, in order: only consult mode loads it.
  var WORDS = "__WORDS__";
  var SEP = "\u001f";
  var HOLE = "\u0002";
  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI);
  var loading = {};
  var broken = {};
  var live = new Set();
  var words = {};

  // The built-in language that best matches a tag ("es-MX" matches "es"), or null.
  function match(tag) {
    if (!tag) return null;
    tag = String(tag).trim().toLowerCase();
    var base = tag.split(/[-_]/)[0];
    var has = function (t) { return Object.prototype.hasOwnProperty.call(WORDS, t); };
    return has(tag) ? tag : has(base) ? base : null;
  }

  // The element's language: its lang attribute, else the page's, else the browser's, else English.
  function language(el) {
    var asked = [el.getAttribute("lang"), document.documentElement.getAttribute("lang")]
      .concat(Array.prototype.slice.call(navigator.languages || []));
    for (var i = 0; i < asked.length; i++) {
      var tag = match(asked[i]);
      if (tag) return tag;
    }
    return "en";
  }

  function fetchText(name, integrity) {
    return fetch(new URL(name, base).href, {
      integrity: integrity,
      credentials: "omit",
      referrerPolicy: "no-referrer",
    }).then(function (r) {
      if (!r.ok) throw new Error(name + ": HTTP " + r.status);
      return r.text();
    });
  }

  // One language's words (fetched once per page), as text; with consult mode's texts when asked.
  function wordsFor(tag, consult) {
    var key = tag + (consult ? " consult" : "");
    if (!words[key]) {
      var w = WORDS[tag];
      words[key] = consult
        ? Promise.all([wordsFor(tag, false), fetchText(w[2], w[3])]).then(function (parts) {
            var extra = parts[1].split(SEP);
            var i = 0;
            return parts[0].split(SEP).map(function (f) { return f === HOLE ? extra[i++] : f; }).join(SEP);
          })
        : fetchText(w[0], w[1]);
      words[key].catch(function () {});
    }
    return words[key];
  }

  function isConsult(el) { return el.getAttribute("mode") === "consult"; }
  function variant(el) { return isConsult(el) ? "consult" : "patient"; }

  // Mounts el's widget in its language; if those words cannot be had or used, in English.
  function mountIn(el, glue, at) {
    var tag = language(el);
    var which = variant(el);
    var tried = function (t) {
      return wordsFor(t, which === "consult").then(function (text) {
        if (broken[which] || !el.isConnected || el._kx) return;
        el._kx = at === undefined ? glue.mount(el, text) : glue.mountAt(el, at, text);
        el._kxVariant = which;
        live.add(el);
      });
    };
    return tried(tag).catch(function (e) {
      if (tag === "en") throw e;
      console.warn(TAG + ": the " + tag + " words could not be used; showing English. " + e);
      return tried("en");
    });
  }

  // One mode's glue and WebAssembly, loaded once per page when a widget of that mode needs them.
  function load(which) {
    if (!loading[which]) {
      var files = MODULES[which];
      loading[which] = (async function () {
        if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available here");
        // The .wasm download starts at once, alongside the glue script's.
        var wasm = fetch(new URL(files[1], base).href, {
          integrity: files[2],
          credentials: "omit",
          referrerPolicy: "no-referrer",
        });
        wasm.catch(function () {}); // reported through the glue's init below
        var glue = await import(new URL(files[0], base).href);
        await glue.default({ module_or_path: wasm });
        return glue;
      })();
      loading[which].catch(function (e) {
        console.warn(TAG + ": could not start; showing the text version instead. " + e);
      });
    }
    return loading[which];
  }

  // An element the page left empty shows one line rather than nothing when its widget cannot run.
  function noFallback(el) {
    if (el.textContent.trim() || el.firstElementChild) return;
    var p = document.createElement("p");
    p.textContent = language(el) === "es"
      ? "La guía sobre la cifoplastia con balón no se pudo cargar aquí."
      : "The balloon kyphoplasty guide could not load here.";
    el.appendChild(p);
  }

  // A panic stops that mode's WebAssembly instance (the event's detail names the mode): put
  // every widget it runs back to its fallback content.
  function fallBackEverywhere(event) {
    var which = event && MODULES[event.detail] ? event.detail : null;
    Object.keys(MODULES).forEach(function (m) { if (!which || m === which) broken[m] = true; });
    live.forEach(function (el) {
      if (which && el._kxVariant !== which) return;
      live.delete(el);
      el._kx = null;
      if (el.shadowRoot) el.shadowRoot.replaceChildren(document.createElement("slot"));
      noFallback(el);
    });
  }
  window.addEventListener("kyphoplasty-explainer-panic", fallBackEverywhere);

  function start(el) {
    var which = variant(el);
    var glue = load(which);
    // The words download alongside the WebAssembly (not when there is no WebAssembly).
    if (typeof WebAssembly === "object") wordsFor(language(el), isConsult(el));
    glue.then(function (glue) {
      if (broken[which] || !el.isConnected || el._kx) return;
      return mountIn(el, glue).then(function () {
        // Opened from a share link: the first consult widget comes into view, as an anchor would.
        if (el._kx && sharedLink(el) && document.querySelector(TAG + '[mode="consult"]') === el) {
          el.scrollIntoView({ block: "start" });
        }
      }).catch(function (e) {
        console.warn(TAG + ": could not start; showing the text version instead. " + e);
        noFallback(el);
      });
    }, function () { noFallback(el); });
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

  // Re-renders a widget whose attributes changed, with the build its mode needs (a change of mode
  // may need the other build: it loads now), at the same step unless `start` changed.
  function restart(el) {
    var which = variant(el);
    if (broken[which]) return;
    el._kxPending = load(which).then(function (glue) {
      if (!el._kx) return;
      var at = el._kxStartChanged ? undefined : el._kx.current().index;
      el._kxStartChanged = false;
      try { el._kx.destroy(); } catch (e) { /* gone */ }
      el._kx = null;
      live.delete(el);
      return mountIn(el, glue, at).catch(function (e) {
        console.warn(TAG + ": could not restart after an attribute changed. " + e);
      });
    }, function () {}).then(function () { // a build that could not start is reported by load()
      el._kxPending = null;
      if (el._kxAgain) {
        el._kxAgain = false;
        restart(el);
      }
    });
  }

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
      if ((!this._kx && !this._kxPending) || before === after) return;
      if (name === "start") this._kxStartChanged = true;
      // One restart at a time: a change that arrives while one is under way (e.g. the other
      // mode's build still loading) restarts the widget once more when it is done.
      if (this._kxPending) { this._kxAgain = true; return; }
      restart(this);
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
