// The optional auto-height recipe from README.md ("Iframe"): each frame that was given
// ?parent=<this page's origin> posts its height; only messages from that frame's own origin count.
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "kyphoplasty-explainer:height" || typeof data.height !== "number") return;
  document.querySelectorAll("iframe").forEach(function (frame) {
    if (frame.contentWindow === event.source && new URL(frame.src).origin === event.origin) {
      frame.style.height = Math.max(200, Math.min(data.height, 10000)) + "px";
    }
  });
});
