// The "new updates" notice of an open live coverage. Without this script the page is complete; with it, a
// reader who leaves the switch on is told how many updates were posted since the page loaded and loads them by
// pressing the notice. Nothing on the page moves or changes by itself, and the notice is announced once, politely.
(() => {
  "use strict";
  const notice = document.querySelector("[data-live-notice]");
  const list = document.getElementById("live-updates");
  if (!notice || !list || !window.fetch || !window.DOMParser) {
    return;
  }

  const base = notice.dataset.newer.replace(/0$/, "");
  const storageKey = "newsportal.live-notice";
  const intervalMs = 30000;
  let newest = notice.dataset.newest;
  let pending = null;
  let announced = false;
  let timer = 0;

  const toggleLabel = document.createElement("label");
  toggleLabel.className = "live__toggle";
  const toggle = document.createElement("input");
  toggle.type = "checkbox";
  toggle.checked = readChoice();
  toggleLabel.append(toggle, " ", notice.dataset.toggleLabel);

  const button = document.createElement("button");
  button.type = "button";
  button.className = "live__load";
  button.hidden = true;

  // Polite, and written to once per batch of new updates: a screen reader hears the notice once.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");

  notice.append(toggleLabel, button, status);

  function readChoice() {
    try {
      return window.localStorage.getItem(storageKey) !== "off";
    } catch {
      return true;
    }
  }

  function saveChoice(on) {
    try {
      window.localStorage.setItem(storageKey, on ? "on" : "off");
    } catch {
      // A browser that keeps nothing asks again on the next page.
    }
  }

  async function fetchNewer() {
    const response = await fetch(base + newest, { headers: { Accept: "text/html" }, credentials: "omit" });
    if (!response.ok) {
      return null;
    }

    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    return doc.querySelector(".live__new");
  }

  async function check() {
    if (!toggle.checked || document.hidden) {
      return;
    }

    try {
      const fragment = await fetchNewer();
      const count = fragment ? Number(fragment.dataset.count) : 0;
      if (count > 0) {
        pending = fragment;
        button.textContent = fragment.dataset.notice;
        button.hidden = false;
        if (!announced) {
          status.textContent = notice.dataset.announce;
          announced = true;
        }
      }
    } catch {
      // Offline for a moment: the next check tries again.
    }
  }

  async function load() {
    const fragment = (await fetchNewer().catch(() => null)) || pending;
    if (!fragment) {
      return;
    }

    if (fragment.dataset.more === "true") {
      // More than one batch arrived: the newest page has them all.
      window.location.assign(window.location.pathname);
      return;
    }

    const updates = Array.from(fragment.querySelectorAll(".live-update"));
    updates.forEach((update) => update.classList.add("live-update--new"));
    list.querySelectorAll(":scope > p").forEach((empty) => empty.remove());
    list.prepend(...updates.map((update) => document.importNode(update, true)));
    newest = fragment.dataset.newest;
    pending = null;
    announced = false;
    button.hidden = true;
    status.textContent = "";
    const first = list.querySelector(".live-update");
    if (first) {
      first.focus();
    }
  }

  function schedule() {
    window.clearInterval(timer);
    if (toggle.checked) {
      timer = window.setInterval(check, intervalMs);
    }
  }

  toggle.addEventListener("change", () => {
    saveChoice(toggle.checked);
    if (!toggle.checked) {
      button.hidden = true;
      status.textContent = "";
      announced = false;
    }

    schedule();
  });
  button.addEventListener("click", load);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) {
      check();
    }
  });
  schedule();
})();
