// pace42 browser chat. Every string from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";

  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const picker = document.getElementById("file");
  const timeZone = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "";
  // The server decides; these checks only spare the runner an upload the server would refuse.
  const MAX_FILE_BYTES = 20 * 1024 * 1024;
  const ACTIVITY_FILE = /\.(fit|gpx|tcx|zip)$/i;
  let lastSeq = 0;

  // pace42 markup: **bold** within a line, lines starting with "- " are bullets.
  function appendInline(parent, line) {
    const pieces = line.split(/\*\*(.+?)\*\*/);
    pieces.forEach(function (piece, i) {
      if (!piece) { return; }
      if (i % 2 === 1) {
        const strong = document.createElement("strong");
        strong.textContent = piece;
        parent.appendChild(strong);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    });
  }

  function renderMarkup(container, markup) {
    let list = null;
    markup.split("\n").forEach(function (line) {
      if (line.startsWith("- ")) {
        if (!list) { list = document.createElement("ul"); container.appendChild(list); }
        const li = document.createElement("li");
        appendInline(li, line.substring(2));
        list.appendChild(li);
        return;
      }
      list = null;
      if (line.trim() === "") { return; }
      const p = document.createElement("p");
      appendInline(p, line);
      container.appendChild(p);
    });
  }

  function bubble(kind) {
    const div = document.createElement("div");
    div.className = "msg " + kind;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function renderReply(div, reply) {
    reply.parts.forEach(function (part) {
      if (part.type === "file") {
        const chip = document.createElement("span");
        chip.className = "file-chip";
        chip.textContent = part.text;
        div.appendChild(chip);
      } else if (part.type === "text" && div.classList.contains("me")) {
        div.appendChild(document.createTextNode(part.text)); // what the runner typed, as typed
      } else if (part.type === "text") {
        renderMarkup(div, part.text);
      } else if (part.type === "image" && part.mimeType === "image/png") {
        const img = document.createElement("img");
        img.alt = part.alt || "chart";
        img.src = "data:image/png;base64," + part.data;
        div.appendChild(img);
      } else if (part.type === "link") {
        const a = document.createElement("a");
        a.className = "link-button";
        a.textContent = part.label;
        a.href = part.url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        div.appendChild(a);
      } else if (part.type === "location") {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link-button location-button";
        button.textContent = part.label;
        button.addEventListener("click", shareLocation);
        div.appendChild(button);
      }
    });
  }

  // "Use my location": the browser asks the runner first; only the coordinates go to the chat API.
  function shareLocation() {
    if (!navigator.geolocation) {
      renderMarkup(bubble("bot"), "This browser cannot share a location; name a town instead, e.g. **/location Berlin**.");
      return;
    }
    navigator.geolocation.getCurrentPosition(function (position) {
      exchange([{ type: "text", text: "\uD83D\uDCCD My location" }], { url: "/api/v1/chat", init: {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ location: { latitude: position.coords.latitude, longitude: position.coords.longitude },
          timeZone: timeZone })
      } });
    }, function () {
      renderMarkup(bubble("bot"), "I could not get your location (the browser refused or has none); name a town "
        + "instead, e.g. **/location Berlin**.");
    }, { maximumAge: 600000, timeout: 15000 });
  }

  function renderError(div, body, status) {
    div.classList.add("error");
    const e = body && body.error;
    const message = e ? e.message : "The server answered with status " + status + ".";
    renderMarkup(div, message);
    if (e) {
      const small = document.createElement("p");
      small.className = "thinking-free";
      small.textContent = "(" + e.code + ", ref " + e.requestId + ")";
      div.appendChild(small);
    }
  }

  // One exchange with the coach: the runner's bubble, "typing…" while the coach works, then the answer.
  async function exchange(mine, request) {
    renderReply(bubble("me"), { parts: mine });
    const pending = bubble("bot");
    pending.classList.add("thinking");
    pending.textContent = "typing";
    send.disabled = true;
    try {
      const response = await fetch(request.url, Object.assign({ credentials: "same-origin" }, request.init));
      let body = null;
      try { body = await response.json(); } catch (ignored) { body = null; }
      pending.classList.remove("thinking");
      pending.textContent = "";
      if (response.ok && body && body.reply) {
        renderReply(pending, body.reply);
      } else {
        renderError(pending, body, response.status);
      }
    } catch (networkError) {
      pending.classList.remove("thinking");
      pending.textContent = "";
      renderError(pending, null, "unreachable — is the server running?");
    } finally {
      send.disabled = false;
      log.scrollTop = log.scrollHeight;
      input.focus();
    }
  }

  function say(text) {
    const message = text.trim();
    if (!message) { return; }
    exchange([{ type: "text", text: message }], { url: "/api/v1/chat", init: {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ message: message, timeZone: timeZone })
    } });
  }

  function upload(file) {
    if (!file) { return; }
    if (!ACTIVITY_FILE.test(file.name) || file.size > MAX_FILE_BYTES) {
      renderReply(bubble("me"), { parts: [{ type: "file", text: file.name }] });
      renderMarkup(bubble("bot"), ACTIVITY_FILE.test(file.name)
        ? "That file is larger than the 20 MB I read. Export just the activity and send it again."
        : "I read activity files from your watch: FIT, GPX or TCX, or a ZIP of them such as Garmin's export.");
      return;
    }
    exchange([{ type: "file", text: file.name }], {
      url: "/api/v1/chat/files?name=" + encodeURIComponent(file.name), init: {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream", "Accept": "application/json", "X-Time-Zone": timeZone },
        body: file
      } });
  }

  // The kept conversation after a reload, then notices the core sends on its own (long polling).
  async function restore() {
    try {
      const response = await fetch("/api/v1/chat/history", { credentials: "same-origin" });
      const body = await response.json();
      body.messages.forEach(function (m) {
        renderReply(bubble(m.author === "runner" ? "me" : "bot"), { parts: m.parts });
        lastSeq = Math.max(lastSeq, m.seq);
      });
    } catch (ignored) { /* a fresh page without history */ }
    listen();
  }

  async function listen() {
    for (;;) {
      try {
        const response = await fetch("/api/v1/chat/notices?after=" + lastSeq, { credentials: "same-origin" });
        const body = await response.json();
        body.messages.forEach(function (m) {
          const div = bubble("bot");
          div.classList.add("notice");
          renderReply(div, { parts: m.parts });
          lastSeq = Math.max(lastSeq, m.seq);
        });
      } catch (offline) {
        await new Promise(function (resolve) { setTimeout(resolve, 5000); });
      }
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    say(text);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.querySelectorAll(".chip").forEach(function (chip) {
    chip.addEventListener("click", function () { say(chip.getAttribute("data-say")); });
  });

  picker.addEventListener("change", function () {
    upload(picker.files[0]);
    picker.value = "";
  });

  document.addEventListener("dragover", function (event) {
    event.preventDefault();
    document.body.classList.add("dropping");
  });
  document.addEventListener("dragleave", function () { document.body.classList.remove("dropping"); });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    document.body.classList.remove("dropping");
    upload(event.dataTransfer && event.dataTransfer.files[0]);
  });

  restore();
  input.focus();
}());
