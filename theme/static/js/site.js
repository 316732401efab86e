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
