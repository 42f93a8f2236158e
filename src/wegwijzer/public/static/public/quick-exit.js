/* "Snel weg": leave for a neutral site and replace this page in the history, so that the back button
   does not return here. Pressing Escape twice within a second does the same. Without JavaScript the
   control is an ordinary link. Also keeps --ww-topbar-block-size equal to the sticky bar's height, so that
   html's scroll-padding keeps the focused element out from under the bar (site.css). */
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  function leave(event) {
    if (event) { event.preventDefault(); }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be unavailable */ }
    document.body.style.visibility = "hidden";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(); }
    lastEscape = now;
  });
  var bar = document.getElementById("topbar");
  if (bar && window.ResizeObserver) {
    new window.ResizeObserver(function () {
      document.documentElement.style.setProperty("--ww-topbar-block-size", bar.offsetHeight + "px");
    }).observe(bar);
  }
}());
