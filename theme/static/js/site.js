/* On every page: the language switch keeps what the reader is looking at, and the phone menu opens and closes.

   The counterpart link (<a class="lang-switch">) is rendered as the other language's page; it is given this
   page's query string and fragment (explorer filters, the search query, a paragraph #p-N) whenever they change,
   and again as it is followed. Without JavaScript the plain link still works.

   The main menu: on a phone it is folded behind a button that names the current section; without JavaScript
   (or on a wide screen) it is a plain list. */
(function () {
  'use strict';

  var switcher = document.querySelector('a.lang-switch');
  if (switcher) {
    var base = switcher.getAttribute('href').split(/[?#]/)[0];
    var keep = function () { switcher.setAttribute('href', base + location.search + location.hash); };
    keep();
    window.addEventListener('hashchange', keep);
    window.addEventListener('popstate', keep);
    ['pointerdown', 'focus', 'click', 'keydown'].forEach(function (name) { switcher.addEventListener(name, keep); });
  }

  // Printing: the print-only line names the page's full address, and the filters of a filtered list in words
  // (a form marked data-print-describe: each control that is not at its first option, "label: value").
  var printLine = document.querySelector('.print-line');
  window.addEventListener('beforeprint', function () {
    if (!printLine) return;
    var url = printLine.firstChild;
    if (url && url.nodeType === 3) url.nodeValue = url.nodeValue.replace(/(：|: )\S+/, '$1' + location.href);
    var out = printLine.querySelector('.print-filters');
    var form = document.querySelector('form[data-print-describe]');
    if (!out || !form) return;
    var said = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      var label = el.labels && el.labels[0] ? el.labels[0].firstChild.textContent.trim() : (el.name || '');
      if (el.tagName === 'SELECT' && el.selectedIndex > 0 && el.name !== 'sort') {
        said.push(label + ': ' + el.options[el.selectedIndex].text.trim());
      } else if (el.type === 'checkbox' && el.checked) {
        said.push(el.labels && el.labels[0] ? el.labels[0].textContent.trim() : el.name);
      } else if ((el.type === 'number' || el.type === 'text' || el.type === 'search') && el.value.trim()) {
        said.push(label + ': ' + el.value.trim());
      }
    });
    out.textContent = said.length ? ' · ' + (form.getAttribute('data-print-describe') || '') + said.join('; ') : '';
  });

  var button = document.querySelector('.menu-toggle');
  var nav = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!button || !nav) return;
  function set(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    nav.classList.toggle('open', open);
  }
  button.addEventListener('click', function () { set(button.getAttribute('aria-expanded') !== 'true'); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
})();
