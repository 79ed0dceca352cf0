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
