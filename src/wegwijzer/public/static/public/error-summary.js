/* The error summary takes the focus (also where a browser ignores autofocus on a non-form element), so a
   screen reader reads it at once; its links move the focus to the field, not only the scroll position. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  if (document.activeElement !== summary) { summary.focus(); }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    target.focus();
    var legend = target.closest("fieldset");
    (legend || target).scrollIntoView({ block: "start" });
  });
}());
