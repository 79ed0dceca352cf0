// Newsroom enhancements: live preview, autosave (to the server and to this browser),
// keyboard shortcuts and a guard against leaving with unsaved changes. Every page works
// without this file: the editor's buttons do the same through ordinary forms.
"use strict";
(function () {
  var form = document.getElementById("article-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;

  var preview = document.getElementById("preview");
  var status = document.getElementById("autosave-status");
  var key = form.dataset.draftKey;
  var dirty = false;

  function fields() { return new URLSearchParams(new FormData(form)).toString(); }
  // What was typed, without the version it was based on: a copy is worth offering back
  // only when the text differs, not when the page moved to a newer version of it.
  function typed(data) {
    var params = new URLSearchParams(data);
    params.delete("version");
    return params.toString();
  }
  var lastSent = fields();

  function say(text) { if (status) status.textContent = text; }

  // This browser's copy, in case the server cannot be reached or the session ends.
  function keepLocal() {
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: fields() }));
    } catch (e) { /* storage full or disabled: the server's autosave remains */ }
  }
  function dropLocal(k) { try { localStorage.removeItem(k); } catch (e) {} }

  // A page reached after a successful save: the copy of the form that was sent is saved.
  if (/[?&]done=/.test(location.search)) {
    dropLocal(key);
    try {
      var sent = sessionStorage.getItem("roneo:sent");
      if (sent) { dropLocal(sent); sessionStorage.removeItem("roneo:sent"); }
    } catch (e) {}
  }

  function restore(data) {
    var params = new URLSearchParams(data);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      var values = params.getAll(el.name);
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) >= 0;
      } else if (values.length) {
        el.value = values[0];
      }
    });
    dirty = true;
    updatePreview();
  }

  // Offer this browser's copy back when it differs from what the page shows.
  (function offerLocal() {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return; }
    if (!saved || typed(saved.fields) === typed(fields())) return;
    var box = document.createElement("div");
    box.className = "warning local-offer";
    box.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = form.dataset.local.replace("%s", new Date(saved.at).toLocaleString(document.documentElement.lang));
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = form.dataset.localRestore;
    button.addEventListener("click", function () { restore(saved.fields); box.remove(); });
    box.appendChild(p);
    box.appendChild(button);
    form.parentNode.insertBefore(box, form);
  })();

  // Live preview through the public site's renderer.
  var previewTimer = 0;
  function updatePreview() {
    clearTimeout(previewTimer);
    if (!preview) return;
    var data = new URLSearchParams();
    data.set("body", form.elements.body.value);
    data.set("lang", form.elements.lang.value);
    fetch(form.dataset.preview, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { preview.innerHTML = html; }) // sanitised by the server
      .catch(function () {});
  }
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(updatePreview, 700);
  }

  function changed() {
    dirty = true;
    keepLocal();
  }
  form.addEventListener("input", function (e) {
    changed();
    if (e.target.name === "body") schedulePreview();
  });
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    dirty = false;
    keepLocal();
    try { sessionStorage.setItem("roneo:sent", key); } catch (e) {}
  });

  // Autosave every ten seconds, when something changed since the last one.
  setInterval(function () {
    var data = fields();
    if (data === lastSent) return;
    fetch(form.dataset.autosave, {
      method: "POST", body: new URLSearchParams(data), credentials: "same-origin",
      headers: { "Accept": "application/json" }
    })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (answer) { lastSent = data; say(answer.saved); })
      .catch(function () { say(form.dataset.failed); });
  }, 10000);

  window.addEventListener("beforeunload", function (e) {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = form.dataset.unsaved;
  });

  // Ctrl/Cmd+S saves, Ctrl/Cmd+Enter previews.
  document.addEventListener("keydown", function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === "s" || e.key === "S") {
      e.preventDefault();
      var save = document.getElementById("save");
      if (form.requestSubmit) form.requestSubmit(save); else save.click();
    } else if (e.key === "Enter") {
      e.preventDefault();
      updatePreview();
      if (preview) preview.scrollIntoView({ block: "nearest" });
    }
  });
})();
