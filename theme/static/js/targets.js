/* The targets page: filter the commitments by kind and by what they concern (progressive enhancement).
   Without JavaScript every target stays listed and the form stays hidden (.needs-js). The filters are kept in
   the URL (?kind=count&entity=platforms/…) so a filtered list can be shared. Nothing is parsed as HTML. */
(function () {
  'use strict';

  var form = document.getElementById('target-filters');
  if (!form) return;
  var kind = form.elements.namedItem('kind');
  var entity = form.elements.namedItem('entity');
  var countEl = form.querySelector('[data-testid=target-count]');
  var empty = document.getElementById('targets-empty');
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.target-group'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('section.target-group tbody tr'));

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  function matches(tr) {
    var k = kind.value, e = entity.value;
    if (k && tr.getAttribute('data-kind') !== k) return false;
    if (!e) return true;
    if (e.indexOf('type:') === 0) return tr.getAttribute('data-type') === e.slice(5);
    return tr.getAttribute('data-entity') === e;
  }

  function apply(push) {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = matches(tr);
      tr.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (section) {
      section.hidden = !section.querySelector('tbody tr:not([hidden])');
    });
    countEl.textContent = String(shown);
    empty.hidden = shown !== 0;
    if (push) {
      var params = new URLSearchParams();
      if (kind.value) params.set('kind', kind.value);
      if (entity.value) params.set('entity', entity.value);
      var query = params.toString();
      history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  if (params.get('kind') && hasOption(kind, params.get('kind'))) kind.value = params.get('kind');
  if (params.get('entity') && hasOption(entity, params.get('entity'))) entity.value = params.get('entity');
  kind.addEventListener('change', function () { apply(true); });
  entity.addEventListener('change', function () { apply(true); });
  document.getElementById('targets-reset').addEventListener('click', function () {
    kind.value = '';
    entity.value = '';
    apply(true);
  });
  apply(false);
})();
