/*
 * Kyphoplasty explainer, configurator (configure.html): a clinic's web person picks the settings,
 * sees them live on a real <kyphoplasty-explainer>, and copies a ready snippet (script or iframe)
 * that points at the folder this page was loaded from.
 */
(function () {
  "use strict";

  // The languages built into the widget, with the words the snippet's fallback content needs.
  // The build (scripts/write-loader.mjs) rewrites this list from content/*.json, the same files
  // the widget is built from, so adding content/<lang>.json adds the language here too. To try an
  // entry by hand, copy the English one and translate it: { tag, name, heading, note, steps }.
  var LANGUAGES = /* languages: */ [
    {
      tag: "en",
      name: "English",
      heading: "How balloon kyphoplasty works",
      note: "This is for information only. It is not medical advice.",
      steps: [
        ["broken-bone", "A broken bone in your spine"],
        ["getting-ready", "Getting ready"],
        ["hollow-needle", "A hollow needle goes in"],
        ["balloon-placed", "A small balloon goes in"],
        ["balloon-inflated", "The balloon fills up"],
        ["balloon-removed", "The balloon comes out"],
        ["bone-cement", "Bone cement fills the space"],
        ["cement-hardens", "The cement hardens"],
        ["recovery", "Going home and getting better"],
        ["risks", "Risks and when to call"]
      ]
    }
  ] /* :languages */;

  var TAG = "kyphoplasty-explainer";
  var DEFAULT_ACCENT = "#1d6a86";
  // The iframe's wrapper: up to 1000 px wide and, at that width, tall enough for the whole
  // widget; narrower, the widget scrolls inside the frame. Where a strict CSP blocks style="",
  // the iframe's width and height attributes still give it a usable size.
  var FRAME_BOX = "width: 100%; max-width: 1000px; aspect-ratio: 3 / 5; min-height: 600px; max-height: 1700px;";
  var FRAME_STYLE = "display: block; width: 100%; height: 100%; border: 0;";

  var $ = function (id) { return document.getElementById(id); };
  var form = $("settings");
  var lang = $("lang");
  var start = $("start");
  var accent = $("accent");
  var accentValue = $("accent-value");
  var accentHint = $("accent-hint");
  var clinicName = $("clinic-name");
  var clinicPhone = $("clinic-phone");
  var phoneError = $("phone-error");
  var snippet = $("snippet");
  var copy = $("copy");
  var copied = $("copied");
  var preview = $("preview");

  var FROM_DISK = window.location.protocol === "file:";
  var FROM_DISK_NOTE = "Upload this folder to your web host, then open configure.html from there " +
    "(for example https://your-site.example/kyphoplasty/configure.html). Opened from your computer, " +
    "the preview cannot load and the code would point at your computer.";

  // Everything the snippet points at lives next to this page.
  var fileUrl = function (name) { return new URL(name, window.location.href).href; };

  function language(tag) {
    for (var i = 0; i < LANGUAGES.length; i++) if (LANGUAGES[i].tag === tag) return LANGUAGES[i];
    return LANGUAGES[0];
  }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function fillLanguages() {
    lang.replaceChildren.apply(lang, LANGUAGES.map(function (l) {
      return option(l.tag, l.name + (LANGUAGES.length > 1 ? " (" + l.tag + ")" : ""));
    }));
  }

  // The start list is written in the chosen language; the chosen step is kept.
  function fillSteps() {
    var keep = start.value;
    var steps = language(lang.value).steps;
    start.replaceChildren.apply(start, steps.map(function (s, i) {
      return option(s[0], (i + 1) + ". " + s[1]);
    }));
    if (keep) start.value = keep;
    if (!start.value) start.value = steps[0][0];
  }

  function checked(name) {
    var el = form.querySelector('input[name="' + name + '"]:checked') ||
      document.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : "";
  }

  // The same rule as the widget's: 7 to 15 digits; spaces . - ( ) and a leading + allowed.
  function isPhone(v) {
    var digits = (v.match(/[0-9]/g) || []).length;
    return digits >= 7 && digits <= 15 && /^\+?[0-9 .()-]*$/.test(v);
  }

  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }

  /** The widget's attributes, in a fixed order; defaults are left out to keep the code short. */
  function attributes() {
    var steps = language(lang.value).steps;
    var list = [["lang", lang.value]];
    if (checked("mode") === "consult") list.push(["mode", "consult"]);
    if (start.value && start.value !== steps[0][0]) list.push(["start", start.value]);
    var colour = accent.value.toLowerCase();
    if (colour !== DEFAULT_ACCENT) list.push(["accent", colour]);
    var name = clinicName.value.replace(/\s+/g, " ").trim();
    if (name) list.push(["clinic-name", name]);
    var phone = clinicPhone.value.trim();
    if (phone && isPhone(phone)) list.push(["clinic-phone", phone]);
    return list;
  }

  var escapeText = function (s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  };
  var escapeAttr = function (s) { return escapeText(s).replace(/"/g, "&quot;"); };

  function scriptSnippet(attrs) {
    var words = language(lang.value);
    var open = "<" + TAG + attrs.map(function (a) {
      return " " + a[0] + '="' + escapeAttr(a[1]) + '"';
    }).join("") + ">";
    return [
      '<script src="' + escapeAttr(fileUrl("embed.js")) + '" async crossorigin="anonymous" referrerpolicy="no-referrer"></script>',
      open,
      "  <h2>" + escapeText(words.heading) + "</h2>",
      "  <ol>",
    ].concat(words.steps.map(function (s) { return "    <li>" + escapeText(s[1]) + "</li>"; }), [
      "  </ol>",
      "  <p>" + escapeText(words.note) + "</p>",
      "</" + TAG + ">",
    ]).join("\n");
  }

  function iframeSnippet(attrs) {
    var query = new URLSearchParams();
    attrs.forEach(function (a) { query.append(a[0], a[1]); });
    var src = fileUrl("embed.html") + "?" + query.toString();
    return [
      '<div style="' + FRAME_BOX + '">',
      '  <iframe src="' + escapeAttr(src) + '"',
      '    title="' + escapeAttr(language(lang.value).heading) + '" loading="lazy"',
      '    width="100%" height="1700" style="' + FRAME_STYLE + '"></iframe>',
      "</div>",
    ].join("\n");
  }

  /** Brings the preview's attributes in line with the settings (the widget re-renders itself). */
  function updatePreview(attrs) {
    var wanted = {};
    attrs.forEach(function (a) { wanted[a[0]] = a[1]; });
    ["lang", "mode", "start", "accent", "clinic-name", "clinic-phone"].forEach(function (name) {
      if (name in wanted) {
        if (preview.getAttribute(name) !== wanted[name]) preview.setAttribute(name, wanted[name]);
      } else if (preview.hasAttribute(name)) {
        preview.removeAttribute(name);
      }
    });
  }

  function update() {
    var colour = accent.value.toLowerCase();
    accentValue.textContent = colour;
    var light = (1.05 / (luminance(colour) + 0.05)) < 4.5;
    accentHint.textContent = light
      ? "This colour is light: text in it is hard to read on white. A darker colour works better."
      : "For buttons and highlights.";
    accentHint.classList.toggle("warn", light);

    var phone = clinicPhone.value.trim();
    var badPhone = phone !== "" && !isPhone(phone);
    phoneError.hidden = !badPhone;
    if (badPhone) clinicPhone.setAttribute("aria-invalid", "true");
    else clinicPhone.removeAttribute("aria-invalid");

    var attrs = attributes();
    var text = FROM_DISK ? FROM_DISK_NOTE
      : checked("form") === "iframe" ? iframeSnippet(attrs) : scriptSnippet(attrs);
    if (snippet.value !== text) {
      snippet.value = text;
      copied.textContent = "";
    }
    return attrs;
  }

  // Typing and dragging the colour picker update the code at once and the preview shortly after.
  var pending = 0;
  function changed(event) {
    var attrs = update();
    window.clearTimeout(pending);
    var quick = event && event.type === "change";
    pending = window.setTimeout(function () { updatePreview(attrs); }, quick ? 0 : 250);
  }

  function copyCode() {
    var text = snippet.value;
    var say = function (message) {
      copied.textContent = "";
      window.setTimeout(function () { copied.textContent = message; }, 50);
    };
    var byHand = function () {
      snippet.focus();
      snippet.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(ok ? "Copied. Paste it into your page's HTML."
        : "Select the code and copy it with Ctrl+C (Command+C on a Mac).");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        say("Copied. Paste it into your page's HTML.");
      }, byHand);
    } else {
      byHand();
    }
  }

  // Opened from a computer's disk (double-clicked after unzipping): browsers do not run the widget
  // from file: addresses, and code pointing at file:///... works on no web site.
  if (FROM_DISK) {
    copy.disabled = true;
    var note = document.createElement("p");
    note.textContent = FROM_DISK_NOTE;
    preview.replaceChildren(note);
  }
  fillLanguages();
  fillSteps();
  lang.addEventListener("change", fillSteps);
  $("accent-reset").addEventListener("click", function () {
    accent.value = DEFAULT_ACCENT;
    changed({ type: "change" });
  });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  document.querySelectorAll('input[name="form"]').forEach(function (radio) {
    radio.addEventListener("change", function () { update(); });
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  snippet.addEventListener("focus", function () { snippet.select(); });
  copy.addEventListener("click", copyCode);
  updatePreview(update());
})();
