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

  // Announce htmx updates to screen readers, and move focus into a swapped-in form (to the
  // field it marks with autofocus, the first with an error, if any).
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.elt;
    var field = target && target.querySelector &&
      (target.querySelector("[autofocus]") || target.querySelector("input:not([type=hidden]), select, textarea"));
    if (field && target.tagName === "TR") { field.focus(); }
  });

  // USWDS writes its file input's words in English (it has no setting for them): the page
  // gives their translations on the input (data-texts: {"English": "translated"}, a key ending
  // in ": " is a prefix) and they are put in place whenever USWDS writes them.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-texts]").forEach(function (input) {
      var texts;
      try { texts = JSON.parse(input.getAttribute("data-texts")); } catch (error) { return; }
      var box = input.closest(".usa-file-input") || input.parentNode;
      var translate = function (text) {
        var trimmed = text.trim();
        if (Object.prototype.hasOwnProperty.call(texts, trimmed)) { return text.replace(trimmed, texts[trimmed]); }
        for (var english in texts) {
          if (english.slice(-2) === ": " && text.indexOf(english) === 0) { return texts[english] + text.slice(english.length); }
        }
        return text;
      };
      var apply = function () {
        var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          var shown = translate(node.nodeValue);
          if (shown !== node.nodeValue) { node.nodeValue = shown; }
        }
        var label = input.getAttribute("aria-label");
        if (label) {
          var translated = label;
          Object.keys(texts).forEach(function (english) { translated = translated.split(english).join(texts[english]); });
          if (translated !== label) { input.setAttribute("aria-label", translated); }
        }
      };
      apply();
      new MutationObserver(apply).observe(box, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-label"] });
    });
  });

  // After an error summary is shown, put focus on it (the USWDS pattern).
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
