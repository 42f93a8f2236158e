/* Signaleringshulp, progressive enhancement. Without JavaScript the form works as it is.
   With it: filter without a round trip, show source and note only for observed signals, a live count,
   direct-danger hint, and the answers kept in sessionStorage (this tab only) until "Alles wissen". */
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  if (!form) { return; }
  var KEY = "ww-signaleringshulp";
  var count = document.getElementById("live-count");
  var filterButton = document.getElementById("filter-button");
  var formSelect = document.getElementById("vorm");
  var themeSelect = document.getElementById("thema");

  function fields() { return Array.prototype.slice.call(form.elements); }

  function save() {
    var data = {};
    fields().forEach(function (el) {
      if (!el.name || el.type === "submit" || el.type === "button") { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      data[el.name] = el.value;
    });
    try { window.sessionStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode */ }
  }

  function restore() {
    var raw = null;
    try { raw = window.sessionStorage.getItem(KEY); } catch (e) { return; }
    if (!raw) { return; }
    var data = JSON.parse(raw);
    fields().forEach(function (el) {
      if (!el.name || !(el.name in data) || el.type === "hidden") { return; }
      if (el.type === "radio") { el.checked = (el.value === data[el.name]); } else if (el.type !== "submit") { el.value = data[el.name]; }
    });
  }

  function update() {
    var observed = 0;
    form.querySelectorAll("fieldset.ww-signal").forEach(function (set) {
      var checked = set.querySelector("input[type=radio]:checked");
      var isObserved = checked && checked.value === "waargenomen";
      if (isObserved) { observed += 1; }
      var extra = set.querySelector(".ww-observation");
      if (extra) { extra.hidden = !isObserved; }
    });
    form.querySelectorAll("input[type=hidden][value=waargenomen]").forEach(function () { observed += 1; });
    if (count) {
      count.hidden = false;
      count.textContent = document.documentElement.lang === "en"
        ? observed + " signal(s) marked as observed"
        : observed + " signaal/signalen als waargenomen aangevinkt";
    }
    var danger = form.querySelector("input[name=gevaar]:checked");
    var hint = document.getElementById("gevaar-hint");
    if (hint) { hint.classList.toggle("ww-danger-now", !!danger && danger.value === "ja"); }
  }

  function applyFilter() {
    var f = formSelect ? formSelect.value : "";
    var t = themeSelect ? themeSelect.value : "";
    form.querySelectorAll("section.ww-theme").forEach(function (section) {
      var any = false;
      section.querySelectorAll("fieldset.ww-signal").forEach(function (set) {
        var show = (!f || (" " + set.dataset.forms + " ").indexOf(" " + f + " ") >= 0) && (!t || set.dataset.theme === t);
        set.hidden = !show;
        any = any || show;
      });
      section.hidden = !any;
    });
  }

  restore();
  update();
  applyFilter();
  form.addEventListener("change", function () { save(); update(); });
  form.addEventListener("input", save);
  if (filterButton) {
    filterButton.hidden = true;
    [formSelect, themeSelect].forEach(function (s) { if (s) { s.addEventListener("change", applyFilter); } });
  }
  var clear = document.getElementById("clear-all");
  if (clear) {
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      try { window.sessionStorage.removeItem(KEY); } catch (e) { /* ignore */ }
      form.reset();
      fields().forEach(function (el) {
        if (el.type === "radio") { el.checked = el.value === "onbekend"; }
        else if (el.tagName === "TEXTAREA") { el.value = ""; }
        else if (el.tagName === "SELECT" && el.name !== "regio") { el.value = ""; }
      });
      update();
      applyFilter();
      window.location.assign(clear.href);
    });
  }
}());
