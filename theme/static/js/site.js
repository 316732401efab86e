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

  // A chart taken away, made from what the page shows: its wide drawing as SVG, or painted at twice its size as
  // PNG; its data table as CSV (UTF-8 with a BOM; quoted, and no cell a spreadsheet would run as a formula: the rule
  // of the open data, plugins/plan_explorer/csvtext.py). The file's name is the chart's, the same every build.
  function save(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function drawing(figure) {
    var svg = figure.querySelector('svg.drawn.wide') || figure.querySelector('.chart-svg svg');
    if (!svg) return null;
    var xml = new XMLSerializer().serializeToString(svg);
    if (!/^<svg[^>]*xmlns=/.test(xml)) xml = xml.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    return { svg: svg, xml: '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + '\n' };
  }
  function csvCell(text) {
    text = text.replace(/(^|[\r\n])(?=[=+\-@\t\r])/g, "$1'");
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function tableCsv(figure) {
    var rows = Array.prototype.map.call(figure.querySelectorAll('.chart-table tr'), function (tr) {
      return Array.prototype.map.call(tr.cells, function (cell) { return csvCell(cell.textContent.trim()); }).join(',');
    });
    return '\ufeff' + rows.join('\n') + '\n';
  }
  Array.prototype.forEach.call(document.querySelectorAll('a[data-chart-file]'), function (link) {
    link.addEventListener('click', function (event) {
      var figure = link.closest('figure');
      var kind = link.getAttribute('data-chart-file');
      var name = link.getAttribute('download') || 'chart.' + kind;
      if (!figure) return;
      event.preventDefault();
      if (kind === 'csv') return save(new Blob([tableCsv(figure)], { type: 'text/csv;charset=utf-8' }), name);
      var drawn = drawing(figure);
      if (!drawn) return;
      if (kind === 'svg') return save(new Blob([drawn.xml], { type: 'image/svg+xml;charset=utf-8' }), name);
      var width = drawn.svg.width.baseVal.value || drawn.svg.getBoundingClientRect().width;
      var height = drawn.svg.height.baseVal.value || drawn.svg.getBoundingClientRect().height;
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(width * 2);
        canvas.height = Math.round(height * 2);
        var context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) { save(blob, name); }, 'image/png');
      };
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(drawn.xml);
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
