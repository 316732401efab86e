/* Foldable groups (progressive enhancement): in a table[data-foldable], each tbody's tr.group-head becomes a
   button that shows or hides the group's rows (aria-expanded). On a phone the groups start folded, so the page
   is a list of its groups; one the address points into (a jump-list link, #id) opens. Without JavaScript every
   row shows. Nothing from the page is parsed as HTML. */
(function () {
  'use strict';

  var phone = window.matchMedia('(max-width: 699px)').matches;

  function fold(tbody, button, open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    Array.prototype.forEach.call(tbody.rows, function (row) {
      if (!row.classList.contains('group-head')) row.hidden = !open;
    });
  }

  function pointed(tbody) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return false;
    var target = document.getElementById(id);
    return !!target && (target === tbody || tbody.contains(target));
  }

  function enhance(table) {
    var buttons = [];
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var head = tbody.querySelector('tr.group-head th');
      if (!head) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'fold';
      while (head.firstChild) button.appendChild(head.firstChild);
      head.appendChild(button);
      button.addEventListener('click', function () {
        fold(tbody, button, button.getAttribute('aria-expanded') !== 'true');
      });
      buttons.push([tbody, button]);
      fold(tbody, button, !phone || pointed(tbody));
    });
    window.addEventListener('hashchange', function () {
      buttons.forEach(function (pair) { if (pointed(pair[0])) fold(pair[0], pair[1], true); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-foldable]'), enhance);
})();
