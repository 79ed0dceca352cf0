// Small enhancements; every link works without them.
"use strict";
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a");
  if (!link) return;
  if (link.classList.contains("print-link") && window.print) {
    event.preventDefault();
    window.print();
  } else if (link.classList.contains("share-copy") && navigator.clipboard) {
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var label = link.textContent;
      link.textContent = link.dataset.copied || label;
      link.setAttribute("aria-live", "polite");
      setTimeout(function () { link.textContent = label; }, 2500);
    });
  }
});

// An album's viewer: a thumbnail opens its photo large in a modal dialog (which keeps
// focus inside it), ← and → go to the previous and next photos, Escape or the button
// closes it, and focus goes back to the thumbnail. Without the script each thumbnail
// is a link to its photo's page.
(function () {
  var dialog = document.querySelector("dialog.viewer");
  if (!dialog || !dialog.showModal) return;
  var links = Array.prototype.slice.call(document.querySelectorAll(".album .thumbs a"));
  var frame = dialog.querySelector(".viewer-frame");
  var caption = dialog.querySelector(".viewer-caption");
  var count = dialog.querySelector(".viewer-count");
  var current = 0, opener = null;
  function show(i) {
    current = (i + links.length) % links.length;
    var link = links[current], thumb = link.querySelector("img"), img = document.createElement("img");
    img.src = link.dataset.large;
    img.alt = thumb ? thumb.alt : "";
    frame.replaceChildren(img);
    caption.textContent = link.dataset.caption || "";
    count.textContent = (current + 1) + " / " + links.length;
  }
  links.forEach(function (link, i) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      opener = link;
      show(i);
      dialog.showModal();
    });
  });
  dialog.querySelector(".viewer-prev").addEventListener("click", function () { show(current - 1); });
  dialog.querySelector(".viewer-next").addEventListener("click", function () { show(current + 1); });
  dialog.querySelector(".viewer-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") show(current - 1);
    else if (event.key === "ArrowRight") show(current + 1);
  });
  dialog.addEventListener("close", function () {
    frame.replaceChildren();
    if (opener) opener.focus();
  });
})();

// A photo's page: ← and → go to the previous and next photos, as the links do.
document.addEventListener("keydown", function (event) {
  if (!document.body.classList.contains("page-photo") || event.altKey || event.ctrlKey || event.metaKey ||
      /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(event.target.tagName)) return;
  var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : "";
  var link = rel && document.querySelector(".photo-pager a[rel=" + rel + "]");
  if (link) window.location.href = link.href;
});
