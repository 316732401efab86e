// "Cite this page": puts today's date where the reference names the day it was retrieved, and shows a button that
// copies the reference (both hidden without JavaScript, where the reference says where that date goes).
(function () {
  var today = new Date();
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var text = zh
    ? today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate())
    : today.toLocaleDateString("en-US", { day: "numeric", month: "long", year: "numeric" });
  document.querySelectorAll(".cite-accessed").forEach(function (span) { span.textContent = text; });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
