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

// Photo uploads: each file in a request of its own, three at a time, with a progress bar
// and its result. Without this, the form sends every file at once and the server's page
// lists the results. In an album, the photos received are then added to it, in the order
// they were chosen.
(function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.JSON) return;
  var input = form.elements.photos;
  var list = document.getElementById("upload-progress");
  var maxBytes = Number(form.dataset.maxBytes) || 0;
  var parallel = 3;

  function named(text, name) { return text.replace("%s", name); }

  function row(file) {
    var li = document.createElement("li");
    li.dataset.state = "waiting";
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    var state = document.createElement("span");
    state.className = "state";
    state.textContent = form.dataset.waiting;
    li.appendChild(name);
    li.appendChild(bar);
    li.appendChild(state);
    list.appendChild(li);
    return { li: li, bar: bar, state: state };
  }

  function show(r, answer) {
    r.li.dataset.state = answer.ok ? "done" : "error";
    r.bar.value = answer.ok ? 100 : r.bar.value;
    r.state.textContent = answer.message;
    if (answer.ok && answer.url) {
      var a = document.createElement("a");
      a.href = answer.url;
      a.textContent = form.dataset.edit;
      r.li.appendChild(document.createTextNode(" "));
      r.li.appendChild(a);
    }
  }

  form.addEventListener("submit", function (e) {
    if (!input.files || !input.files.length) return; // the server says what is missing
    e.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    var credit = form.elements.credit.value, caption = form.elements.caption.value;
    var rows = [], answers = [], next = 0, running = 0, finished = 0;
    list.textContent = "";
    list.hidden = false;
    files.forEach(function (f) { rows.push(row(f)); });

    function done(i, answer) {
      answers[i] = answer;
      show(rows[i], answer);
      running--;
      finished++;
      if (finished === files.length) allDone();
      else pump();
    }
    function send(i) {
      var file = files[i], r = rows[i];
      running++;
      if (maxBytes && file.size > maxBytes) {
        done(i, { ok: false, message: named(form.dataset.tooLarge, file.name) });
        return;
      }
      var data = new FormData();
      data.append("credit", credit); // the words before the file, as the server reads them
      data.append("caption", caption);
      data.append("photos", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.dataset.endpoint);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) r.bar.value = Math.min(99, Math.round(ev.loaded / ev.total * 100));
      };
      xhr.onload = function () {
        var answer = null;
        try { answer = JSON.parse(xhr.responseText); } catch (err) {}
        if (answer && answer.files && answer.files.length) {
          done(i, answer.files[0]);
        } else if (answer && answer.errors) {
          var first = Object.keys(answer.errors)[0];
          done(i, { ok: false, message: file.name + ": " + answer.errors[first] });
        } else {
          done(i, { ok: false, message: named(form.dataset.failed, file.name) });
        }
      };
      xhr.onerror = function () { done(i, { ok: false, message: named(form.dataset.failed, file.name) }); };
      r.li.dataset.state = "sending";
      r.state.textContent = form.dataset.sending;
      xhr.send(data);
    }
    function pump() {
      while (running < parallel && next < files.length) send(next++);
    }
    function allDone() {
      input.value = "";
      var album = form.dataset.album && document.getElementById(form.dataset.album);
      if (!album) return;
      var added = answers.filter(function (a) { return a.ok && a.id; });
      if (!added.length) return;
      added.forEach(function (a) {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "append";
        hidden.value = a.id;
        album.appendChild(hidden);
      });
      var note = document.createElement("li");
      note.textContent = form.dataset.adding;
      list.appendChild(note);
      album.dataset.sending = "1";
      if (album.requestSubmit) album.requestSubmit(); else album.submit();
    }
    pump();
  });
})();

// The focal point: a click on the preview sets it and shows where it is.
(function () {
  var box = document.getElementById("focus-picker");
  if (!box) return;
  var img = box.querySelector("img");
  var marker = document.getElementById("focus-marker");
  var x = document.getElementById(box.dataset.x), y = document.getElementById(box.dataset.y);
  if (!img || !marker || !x || !y) return;
  function clamp(v) { v = Math.round(Number(v)); return isNaN(v) ? 50 : Math.max(0, Math.min(100, v)); }
  function place() {
    marker.style.left = clamp(x.value) + "%";
    marker.style.top = clamp(y.value) + "%";
    marker.hidden = false;
  }
  box.classList.add("pickable");
  box.addEventListener("click", function (e) {
    var r = img.getBoundingClientRect();
    if (!r.width || !r.height) return;
    x.value = clamp((e.clientX - r.left) / r.width * 100);
    y.value = clamp((e.clientY - r.top) / r.height * 100);
    place();
  });
  x.addEventListener("input", place);
  y.addEventListener("input", place);
  place();
})();

// Copy buttons: the Markdown that places a photo in a text.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      field.select();
      var copied = function () { button.textContent = button.dataset.copied; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(copied, function () {});
      } else if (document.execCommand && document.execCommand("copy")) {
        copied();
      }
    });
  });
})();

// The album: up and down move a photo at once, and photos can be dragged by their
// thumbnail; the new order is saved with the album. Without this, each button saves.
(function () {
  var form = document.getElementById("album-form");
  var list = document.getElementById("album-items");
  if (!form || !list) return;
  var status = document.getElementById("album-status");
  var dirty = false, dragged = null;

  function renumber() {
    var items = list.children;
    Array.prototype.forEach.call(items, function (li, i) {
      li.querySelector("input.pos").value = i + 1;
      li.querySelector("button.up").disabled = i === 0;
      li.querySelector("button.down").disabled = i === items.length - 1;
    });
  }
  function moved() {
    dirty = true;
    renumber();
    if (status) status.textContent = form.dataset.moved;
  }
  list.addEventListener("click", function (e) {
    var button = e.target.closest("button.up, button.down");
    if (!button) return;
    e.preventDefault();
    var li = button.closest("li");
    if (button.classList.contains("up") && li.previousElementSibling) {
      list.insertBefore(li, li.previousElementSibling);
    } else if (button.classList.contains("down") && li.nextElementSibling) {
      list.insertBefore(li.nextElementSibling, li);
    }
    moved();
    (button.disabled ? li.querySelector("button.up:not([disabled]), button.down:not([disabled])") || button : button).focus();
  });
  list.addEventListener("mousedown", function (e) {
    var li = e.target.closest("li");
    if (li) li.draggable = !!e.target.closest(".thumb");
  });
  list.addEventListener("dragstart", function (e) {
    dragged = e.target.closest("li");
    if (!dragged) return;
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", dragged.id);
    dragged.classList.add("dragging");
  });
  list.addEventListener("dragover", function (e) {
    if (!dragged) return;
    e.preventDefault();
    var li = e.target.closest("li");
    if (!li || li === dragged || li.parentNode !== list) return;
    var r = li.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY > r.top + r.height / 2 ? li.nextSibling : li);
  });
  list.addEventListener("drop", function (e) { if (dragged) e.preventDefault(); });
  list.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged.draggable = false;
    dragged = null;
    moved();
  });
  form.addEventListener("input", function (e) {
    if (e.target.name && e.target.name.indexOf("caption.") === 0) dirty = true;
  });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (!dirty || form.dataset.sending) return;
    e.preventDefault();
    e.returnValue = form.dataset.unsaved;
  });
})();
