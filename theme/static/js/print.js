// Shows the "print brief" button (hidden without JavaScript) and prints the page with the print stylesheet.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
