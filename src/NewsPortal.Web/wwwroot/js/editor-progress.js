// The mirror page's progress bar, kept current while a job runs; without script the page's Refresh link does the same.
(function () {
  "use strict";
  var section = document.querySelector("[data-status-url]");
  var bar = document.getElementById("mirror-progress");
  var count = document.getElementById("mirror-count");
  if (!section || !bar || !count) {
    return;
  }

  function poll() {
    fetch(section.getAttribute("data-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) {
          window.setTimeout(poll, 5000);
          return;
        }

        if (!status.running) {
          // The job has ended: the page shows how (files, size, time, or the error).
          window.location.reload();
          return;
        }

        bar.max = Math.max(status.total, 1);
        bar.value = status.done;
        count.textContent = status.count;
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 2000);
})();
