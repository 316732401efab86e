/* Sortable tables (progressive enhancement): the headings of a table[data-sortable] marked data-sort-type
   become buttons that sort its rows by that column (again: the other way). A cell's data-sort is its key,
   else its text; empty keys sort last either way; ties keep the page's order. Without JavaScript the table
   stays in the page's order and the headings are plain text. A table of groups (a tbody each) sorts
   within each group. Nothing from the page is parsed as HTML. */
(function () {
  'use strict';

  var lang = document.documentElement.lang || 'zh-CN';
  var collator = new Intl.Collator(lang, { numeric: true });

  function enhance(table) {
    // a table of several groups (a tbody each, headed by a tr.group-head) sorts within each group
    var bodies = Array.prototype.slice.call(table.tBodies);
    if (!table.tHead || !bodies.length) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var groups = bodies.map(function (tbody) {
      return Array.prototype.slice.call(tbody.rows).filter(function (row) { return !row.classList.contains('group-head'); });
    });
    var position = new Map();
    groups.forEach(function (rows) { rows.forEach(function (row, i) { position.set(row, i); }); });

    function key(row, col) {
      var cell = row.cells[col];
      if (!cell) return '';
      var value = cell.getAttribute('data-sort');
      return value === null ? cell.textContent.trim() : value;
    }

    function sortBy(col, th) {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      var numeric = th.getAttribute('data-sort-type') === 'number';
      headers.forEach(function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      groups.forEach(function (original, g) {
        var rows = original.slice().sort(function (a, b) {
          var x = key(a, col), y = key(b, col);
          if (x === '' || y === '') return (x === '') - (y === '') || position.get(a) - position.get(b);
          var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
          return order * dir || position.get(a) - position.get(b);
        });
        rows.forEach(function (row) { bodies[g].appendChild(row); });
      });
    }

    headers.forEach(function (th, col) {
      if (!th.hasAttribute('data-sort-type')) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () { sortBy(col, th); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), enhance);
})();
