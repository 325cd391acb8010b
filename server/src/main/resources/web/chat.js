// pace42 browser chat. Every string from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";

  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const timeZone = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "";

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
      if (part.type === "text") {
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
      }
    });
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

  async function say(text) {
    const message = text.trim();
    if (!message) { return; }
    bubble("me").textContent = message;
    const pending = bubble("bot");
    pending.classList.add("thinking");
    pending.textContent = "thinking";
    send.disabled = true;
    try {
      const response = await fetch("/api/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ message: message, timeZone: timeZone })
      });
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

  input.focus();
}());
