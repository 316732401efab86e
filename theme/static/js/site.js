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

  // A chart's PNG: its wide drawing (the inline SVG) painted on a canvas at twice its size, saved as the named file.
  Array.prototype.forEach.call(document.querySelectorAll('a[data-png]'), function (link) {
    link.addEventListener('click', function (event) {
      var figure = link.closest('figure');
      var svg = figure && (figure.querySelector('svg.drawn.wide') || figure.querySelector('.chart-svg svg'));
      if (!svg || !window.XMLSerializer || !document.createElement('canvas').toBlob) return;  // the SVG, then
      event.preventDefault();
      var width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
      var height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(width * 2);
        canvas.height = Math.round(height * 2);
        var context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = link.getAttribute('data-png') || 'chart.png';
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        }, 'image/png');
      };
      var xml = new XMLSerializer().serializeToString(svg);
      if (!/xmlns=/.test(xml)) xml = xml.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml);
    });
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
