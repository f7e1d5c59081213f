// Progressive enhancements only: every form works without this file.
(function () {
  "use strict";
  var live = document.getElementById("live-region");

  // A manifest upload with a progress bar; without JavaScript the form posts as usual.
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.XMLHttpRequest || !window.FormData) { return; }
      event.preventDefault();
      var box = form.querySelector(".cw-progress");
      var bar = form.querySelector("progress");
      if (box) { box.hidden = false; }
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", function (progress) {
        if (progress.lengthComputable && bar) {
          var percent = Math.round((progress.loaded / progress.total) * 100);
          bar.value = percent;
          if (live && (percent === 100 || percent % 25 === 0)) { live.textContent = percent + "%"; }
        }
      });
      request.addEventListener("load", function () {
        if (request.responseURL && request.responseURL.indexOf(form.action) === -1) {
          window.location.assign(request.responseURL);
        } else {
          document.open();
          document.write(request.responseText);
          document.close();
        }
      });
      request.send(new FormData(form));
    });
  });

  // Announce htmx updates to screen readers, and move focus into a swapped-in form.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.elt;
    var field = target && target.querySelector && target.querySelector("input:not([type=hidden]), select, textarea");
    if (field && target.tagName === "TR") { field.focus(); }
  });

  // After an error summary is shown, put focus on it (the USWDS pattern).
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
