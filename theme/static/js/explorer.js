/* Investor explorer: filter, sort, share and download the projects table (progressive enhancement).
   Without JavaScript the full table stays as rendered and the form stays hidden (.needs-js, hidden by <noscript><style>).
   All data is handled as text: nothing from the data is ever parsed as HTML. */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[data-filename]');
  var form = document.getElementById('explorer');
  var table = document.getElementById('projects-table');
  if (!script || !form || !table || !table.tBodies.length) return;

  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var filename = script.getAttribute('data-filename') || 'projects.csv';
  // The money field is in the reader's unit (zh 亿元, en CNY million); the URL key min_investment stays in 万元.
  var wanPerUnit = Number(script.getAttribute('data-wan-per-unit')) || 1;
  var headings = {};
  try { headings = JSON.parse(script.getAttribute('data-csv-headings') || '{}'); } catch (e) { headings = {}; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows).filter(function (tr) { return tr.hasAttribute('data-id'); });
  var countEl = form.querySelector('[data-testid=result-count]');
  var totalEl = form.querySelector('[data-testid=result-total]');
  var emptyEl = document.getElementById('explorer-empty');
  var collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');

  // URL keys in their stable order; a new filter adds its key here (and to SELECTS if it is a <select>).
  var KEYS = ['type', 'industry', 'platform', 'township', 'status', 'major', 'min_investment', 'start_from', 'start_to',
    'sort'];
  var SELECTS = ['type', 'industry', 'platform', 'township', 'status', 'sort'];

  function control(name) { return form.elements.namedItem(name); }

  function num(text) {
    if (text === null || text === undefined || String(text).trim() === '') return null;
    var n = Number(text);
    return isFinite(n) ? n : null;
  }

  // A number with at most 6 decimals, no trailing zeros; grouped with en-US commas if asked.
  function plain(value, grouping) {
    var rounded = Math.round(value * 1e6) / 1e6;
    if (Object.is(rounded, -0)) rounded = 0;
    return rounded.toLocaleString('en-US', { useGrouping: grouping, maximumFractionDigits: 6 });
  }

  // A sum of 万元 amounts in the reader's unit, by the table numfmt.py emits (numfmt.money_table: its steps, the
  // rounding of sums, the text of nothing), so the page's total and the filtered one read alike.
  var money = {};
  try { money = JSON.parse(script.getAttribute('data-money') || '{}'); } catch (e) { money = {}; }
  function first(list, yuan) {
    return list.filter(function (x) { return Math.abs(yuan) >= x[0]; })[0];
  }
  function formatTotal(total) {
    var steps = money.steps || [];
    if (total === 0 || !steps.length) return money.zero || '0';
    var yuan = total * 10000;
    var quantum = (first(money.quanta || [], yuan) || [0, 1])[1];
    yuan = Math.round(yuan / quantum) * quantum;
    var step = steps.filter(function (s) { return Math.abs(yuan) >= s.from; })[0] || steps[steps.length - 1];
    return step.prefix + plain(yuan / step.per, lang === 'en') + step.suffix;
  }

  // 万元 (URL) <-> the field's unit (a power of ten apart), by moving the decimal point in the text: exact
  // (0.1 亿元 is 1000 万元, not 1000.0000000000001; 999999999999 stays itself).
  var places = Math.round(Math.log10(wanPerUnit));
  function shift(text, by) {
    var m = /^(\d*)(?:\.(\d*))?$/.exec(text);
    if (!m) return '';
    var whole = m[1] || '0', digits = whole + (m[2] || ''), point = whole.length + by;
    if (point <= 0) { digits = '0'.repeat(1 - point) + digits; point = 1; }
    if (point > digits.length) digits += '0'.repeat(point - digits.length);
    var text2 = digits.slice(0, point).replace(/^0+(?=\d)/, '') + '.' + digits.slice(point);
    return text2.replace(/\.?0*$/, '') || '0';
  }
  function toWan(amount) { return shift(amount, places); }
  function fromWan(wan) { return shift(wan, -places); }

  var data = rows.map(function (tr) {
    var d = tr.dataset;
    return {
      tr: tr, id: d.id || '', seq: num(d.seq) || 0, type: d.type || '', industry: d.industry || '',
      platform: d.platform || '', parent: d.parentPlatform || '', township: d.township || '', status: d.status || '',
      major: d.major === '1', total: num(d.total), plan: num(d.plan), start: num(d.start), end: num(d.end),
      name: d.name || '', location: d.location || '', typeLabel: d.typeLabel || '',
      industryLabel: d.industryLabel || '', platformLabel: d.platformLabel || '', townshipLabel: d.townshipLabel || '',
      statusLabel: d.statusLabel || '', builder: d.builder || '', origin: d.origin || ''
    };
  });

  // ---- state <-> form <-> URL ----------------------------------------------------------------

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  function cleanNumber(value, integer) {
    var n = num(value);
    if (n === null || n < 0 || n > 1e12 || (integer && Math.floor(n) !== n)) return '';
    return String(n);
  }

  function setForm(state) {
    if (state.sort && SORTS[state.sort]) sortOption(state.sort);
    SELECTS.forEach(function (k) {
      var el = control(k);
      if (el) el.value = state[k] && hasOption(el, state[k]) ? state[k] : '';
    });
    if (control('major')) control('major').checked = state.major === '1';
    var wan = cleanNumber(state.min_investment, false);
    control('min_amount').value = wan === '' ? '' : fromWan(wan);
    control('start_from').value = cleanNumber(state.start_from, true);
    control('start_to').value = cleanNumber(state.start_to, true);
  }

  function readForm() {
    var state = {};
    SELECTS.forEach(function (k) { state[k] = control(k) ? control(k).value : ''; });
    state.major = control('major') && control('major').checked ? '1' : '';
    var amount = cleanNumber(control('min_amount').value, false);
    state.min_investment = amount === '' ? '' : toWan(amount);
    state.start_from = cleanNumber(control('start_from').value, true);
    state.start_to = cleanNumber(control('start_to').value, true);
    return state;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    KEYS.forEach(function (k) { state[k] = params.get(k) || ''; });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var query = params.toString();
    var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      try { history.replaceState(history.state, '', url); } catch (e) { /* e.g. file:// — keep working */ }
    }
  }

  // ---- filter and sort ---------------------------------------------------------------------

  function matches(p, s) {
    if (s.type && p.type !== s.type) return false;
    if (s.industry && p.industry !== s.industry) return false;
    if (s.platform && p.platform !== s.platform && p.parent !== s.platform) return false;
    if (s.township && p.township !== s.township) return false;
    if (s.status && p.status !== s.status) return false;
    if (s.major && !p.major) return false;
    if (s.min_investment && (p.total === null || p.total < Number(s.min_investment))) return false;
    if (s.start_from && (p.start === null || p.start < Number(s.start_from))) return false;
    if (s.start_to && (p.start === null || p.start > Number(s.start_to))) return false;
    return true;
  }

  // Missing values (待定) always sort last, whatever the direction; ties keep the plan's order.
  function byNumber(key, dir) {
    return function (a, b) {
      var x = a[key], y = b[key];
      if (x === null && y === null) return a.seq - b.seq;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * dir || a.seq - b.seq;
    };
  }

  // Text columns sort by the reader's collation, empty values last.
  function byText(key, dir) {
    return function (a, b) {
      var x = a[key], y = b[key];
      if (!x && !y) return a.seq - b.seq;
      if (!x) return 1;
      if (!y) return -1;
      return collator.compare(x, y) * dir || a.seq - b.seq;
    };
  }

  var SORTS = {
    '': function (a, b) { return a.seq - b.seq; },
    '-seq': function (a, b) { return b.seq - a.seq; },
    investment: byNumber('total', 1),
    '-investment': byNumber('total', -1),
    plan_investment: byNumber('plan', 1),
    '-plan_investment': byNumber('plan', -1),
    start: byNumber('start', 1),
    '-start': byNumber('start', -1),
    name: byText('name', 1), '-name': byText('name', -1),
    type: byText('typeLabel', 1), '-type': byText('typeLabel', -1),
    industry: byText('industryLabel', 1), '-industry': byText('industryLabel', -1),
    platform: byText('platformLabel', 1), '-platform': byText('platformLabel', -1),
    location: byText('location', 1), '-location': byText('location', -1),
    builder: byText('builder', 1), '-builder': byText('builder', -1),
    origin: byText('origin', 1), '-origin': byText('origin', -1),
    status: byText('statusLabel', 1), '-status': byText('statusLabel', -1)
  };

  // ---- sortable headings: a heading's button sorts by its column (again: the other way), aria-sort says how;
  // the sort <select> follows (an order it does not list is added to it, named after the heading) ----------

  var headingButtons = Array.prototype.slice.call(table.querySelectorAll('thead th[data-sort]'));
  function sortOption(key) {
    var select = control('sort');
    if (!select || hasOption(select, key)) return;
    var base = key.replace(/^-/, '');
    var th = headingButtons.filter(function (h) { return h.getAttribute('data-sort') === base; })[0];
    if (!th) return;
    var option = document.createElement('option');
    option.value = key;
    option.textContent = th.textContent.trim() + (key.charAt(0) === '-' ? ' ↓' : ' ↑');
    select.appendChild(option);
  }
  headingButtons.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      var numeric = th.hasAttribute('data-sort-desc-first');
      var current = control('sort').value;
      var asc = key === 'seq' ? '' : key;
      var next = current === asc ? '-' + key : (current === '-' + key ? asc : (numeric ? '-' + key : asc));
      sortOption(next);
      control('sort').value = next;
      update();
    });
  });
  function showSort(key) {
    headingButtons.forEach(function (th) {
      var k = th.getAttribute('data-sort');
      var asc = k === 'seq' ? '' : k;
      th.setAttribute('aria-sort', key === asc ? 'ascending' : (key === '-' + k ? 'descending' : 'none'));
    });
  }

  var visible = data.slice();

  function update() {
    var state = readForm();
    var ordered = data.slice().sort(SORTS[state.sort] || SORTS['']);
    var total = 0;
    visible = [];
    ordered.forEach(function (p) {
      var show = matches(p, state);
      p.tr.hidden = !show;
      tbody.appendChild(p.tr);
      if (show) {
        visible.push(p);
        if (p.total !== null) total += p.total;
      }
    });
    if (countEl) countEl.textContent = String(visible.length);
    if (totalEl) totalEl.textContent = formatTotal(total);
    if (emptyEl) emptyEl.hidden = visible.length > 0;
    showSort(state.sort);
    drawSelection(state);
    if (fold) {
      var set = KEYS.filter(function (k) { return k !== 'sort' && state[k]; }).length;
      fold.querySelector('.count').textContent = set ? '(' + set + ')' : '';
    }
    writeUrl(state);
  }

  // ---- the selection's chart: while a filter is set, its projects' total investment by industry (the page's
  // own charts show every project; this one follows the filters) ------------------------------------------

  var selection = document.getElementById('explorer-selection');
  function filtered(state) {
    return KEYS.some(function (k) { return k !== 'sort' && state[k]; });
  }
  function drawSelection(state) {
    if (!selection) return;
    var list = selection.querySelector('ol');
    list.replaceChildren();
    selection.hidden = !filtered(state) || !visible.length;
    if (selection.hidden) return;
    var sums = new Map();
    visible.forEach(function (p) {
      var key = p.industryLabel || selection.getAttribute('data-none');
      sums.set(key, (sums.get(key) || 0) + (p.total || 0));
    });
    var rowsOf = Array.from(sums.entries()).sort(function (a, b) { return b[1] - a[1]; });
    var top = rowsOf.length ? rowsOf[0][1] : 0;
    rowsOf.forEach(function (entry) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      name.className = 'bar-name';
      name.textContent = entry[0];
      var bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = (top ? Math.max(1, Math.round(entry[1] / top * 100)) : 0) + '%';
      var value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = formatTotal(entry[1]);
      li.appendChild(name);
      li.appendChild(bar);
      li.appendChild(value);
      list.appendChild(li);
    });
  }

  // ---- phones: the filters folded behind one button that says how many are set -------------------------

  var fold = document.getElementById('explorer-fold');
  if (fold) {
    fold.addEventListener('click', function () {
      var open = fold.getAttribute('aria-expanded') !== 'true';
      fold.setAttribute('aria-expanded', open ? 'true' : 'false');
      form.classList.toggle('open', open);
    });
  }

  // ---- CSV -----------------------------------------------------------------------------------

  // The columns, in order, of those the page names (headings in the reader's language, money in its unit:
  // zh 万元 as the plan prints it, en CNY million); the star column only if the plan marks projects, the status
  // column only if the plan records projects' progress.
  var FIELDS = ['id', 'seq', 'name', 'type', 'industry', 'platform', 'township', 'location', 'start_year',
    'end_year', 'total_investment', 'plan_investment', 'builder', 'origin', 'major', 'status'];
  var csvUnit = lang === 'zh' ? 1 : 100;  // 万元 per CSV unit
  var yes = script.getAttribute('data-yes') || 'yes';
  var no = script.getAttribute('data-no') || 'no';

  function csvField(value) {
    var text = value === null || value === undefined ? '' : String(value);
    // neutralise spreadsheet formulas: at the start and after any line break (export.defused: the same rule)
    text = text.replace(/(^|[\r\n])(?=[=+\-@\t\r])/g, "$1'");
    if (/[",\r\n]/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
    return text;
  }

  function csvNumber(n) { return n === null ? '' : plain(n, false); }
  function csvMoney(n) { return n === null ? '' : plain(n / csvUnit, false); }

  function cell(p, key) {
    switch (key) {
      case 'id': return p.id;
      case 'seq': return csvNumber(p.seq);
      case 'name': return p.name;
      case 'type': return p.typeLabel;
      case 'industry': return p.industryLabel;
      case 'platform': return p.platformLabel;
      case 'township': return p.townshipLabel;
      case 'location': return p.location;
      case 'start_year': return csvNumber(p.start);
      case 'end_year': return csvNumber(p.end);
      case 'total_investment': return csvMoney(p.total);
      case 'plan_investment': return csvMoney(p.plan);
      case 'builder': return p.builder;
      case 'origin': return p.origin;
      case 'major': return p.major ? yes : no;
      case 'status': return p.statusLabel;
      default: return '';
    }
  }

  function toCsv(projects) {
    var keys = FIELDS.filter(function (k) { return headings[k]; });
    var lines = [keys.map(function (k) { return csvField(headings[k]); }).join(',')];
    projects.forEach(function (p) {
      lines.push(keys.map(function (k) { return csvField(cell(p, k)); }).join(','));
    });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  function download() {
    var blob = new Blob([toCsv(visible)], { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---- wiring --------------------------------------------------------------------------------

  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  document.getElementById('explorer-reset').addEventListener('click', function () {
    var sort = control('sort').value;
    setForm({ sort: sort });
    update();
  });
  document.getElementById('explorer-csv').addEventListener('click', download);
  Array.prototype.forEach.call(form.querySelectorAll('[data-min-wan]'), function (button) {
    button.addEventListener('click', function () {
      control('min_amount').value = fromWan(button.getAttribute('data-min-wan') || '');
      update();
    });
  });

  setForm(readUrl());
  update();
})();
