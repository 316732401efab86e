/* Site search on /search/ and /en/search/ with Pagefind's JavaScript API.
   Reads ?q= and ?type= on load, keeps them in the URL on submit, and renders the results as text:
   the only markup taken from Pagefind is the <mark> of its excerpts, rebuilt as elements here.

   Chinese: the index is built with every Han character as a word of its own
   (plugins/plan_explorer/search.py), because Pagefind's index-time and browser-side word splitting
   disagree. A Chinese query is therefore searched twice: its characters as an exact phrase (which
   pages contain the query verbatim) and as loose words (Pagefind's relevance ranking, which the
   exact phrase search does not give); the results are the phrase matches in the ranked order. */
(function () {
  'use strict';

  var script = document.currentScript;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var select = document.getElementById('search-type');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');  // a <p hidden> around the button
  if (!script || !form || !input || !select || !status || !list) return;

  var PAGE_SIZE = 20;
  // Same characters as HAN in plugins/plan_explorer/search.py.
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
  var HAN_ALL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/gu;
  var chinese = /^zh/i.test(document.documentElement.lang);

  function message(name) { return script.getAttribute('data-' + name) || ''; }

  // The bundle folder as an absolute URL; result URLs are root-relative (/projects/x/), so they are
  // prefixed with the folder's parent, which is the site root wherever the site is served from.
  var bundle = new URL(script.getAttribute('data-pagefind') || '../pagefind/', document.baseURI);
  var siteRoot = new URL('../', bundle).pathname;

  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(bundle.href + 'pagefind.js').then(function (pf) {
        return pf.options({ baseUrl: siteRoot, excerptLength: chinese ? 60 : 30 }).then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });  // let a later search try again
    }
    return loading;
  }

  // "中策 橡胶" -> ["中策", "橡胶"]; quotes are dropped (phrases are handled below).
  function parts(query) {
    return query.replace(/["“”「」]/g, ' ').split(/\s+/).filter(Boolean);
  }

  // One Han character per word, as in the index: "x光机" -> "x 光 机".
  function spaced(part) {
    return part.replace(HAN_ALL, ' $& ').replace(/\s+/g, ' ').trim();
  }

  // English synonyms from the glossary: a query that is one of them is searched as each of them.
  var synonyms = new Map();
  try {
    JSON.parse(script.getAttribute('data-synonyms') || '[]').forEach(function (group) {
      group.forEach(function (word) {  // a word of several groups ("tyres") is searched as all of them
        var key = word.toLowerCase();
        var seen = synonyms.get(key) || [];
        synonyms.set(key, seen.concat(group.filter(function (w) { return seen.indexOf(w) < 0; })));
      });
    });
  } catch (e) { synonyms = new Map(); }

  // "tire" finds the group of "tires", "tyres" that of "tyre": a word and its regular plural are one.
  function synonymGroup(query) {
    var q = query.trim().toLowerCase().replace(/\s+/g, ' ');
    return synonyms.get(q) || synonyms.get(q + 's') || synonyms.get(q + 'es') || synonyms.get(q.replace(/e?s$/, ''))
      || synonyms.get(q.replace(/s$/, ''));
  }

  async function find(pf, query, type) {
    var group = synonymGroup(query);
    if (!group) return findOne(pf, query, type);
    var lists = await Promise.all(group.map(function (word) { return findOne(pf, word, type); }));
    var byId = new Map();
    lists.forEach(function (list) {
      list.forEach(function (r) {
        var seen = byId.get(r.id);
        if (!seen || r.score > seen.score) byId.set(r.id, r);
      });
    });
    return Array.from(byId.values()).sort(function (a, b) { return b.score - a.score; });
  }

  async function findOne(pf, query, type) {
    var options = type ? { filters: { type: type } } : {};
    var words = parts(query);
    if (!words.length) return [];
    var ranked = (await pf.search(words.map(spaced).join(' '), options)).results;
    var shown = null;
    for (var i = 0; i < words.length; i++) {
      if (!HAN.test(words[i]) || Array.from(words[i]).length < 2) continue;
      var exact = (await pf.search('"' + spaced(words[i]) + '"', options)).results;
      var byId = new Map(exact.map(function (r) { return [r.id, r]; }));
      ranked = ranked.filter(function (r) { return byId.has(r.id); });
      shown = shown || byId;  // its excerpts centre on the phrase
    }
    return ranked.map(function (r) { return (shown && shown.get(r.id)) || r; });
  }

  function clean(text) {
    return String(text || '').replace(/\u200b/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }

  // Pagefind's excerpt is text with < and > escaped plus <mark> tags: split on the tags, make text
  // nodes and <mark> elements, merge marks that touch (one per Chinese character in the index).
  // An ellipsis shows where the page text goes on.
  function excerpt(html, content) {
    var p = document.createElement('p');
    var mark = null;
    var pieces = String(html || '').split(/(<\/?mark>)/);
    var plain = clean(pieces.filter(function (piece) { return !/^<\/?mark>$/.test(piece); }).join('')).trim();
    var page = clean(content).trim();
    var at = plain ? page.indexOf(plain) : -1;
    if (at > 0) pieces.unshift('… ');
    if (at >= 0 && at + plain.length < page.length) pieces.push(' …');
    pieces.forEach(function (piece) {
      if (piece === '<mark>') {
        mark = p.lastChild && p.lastChild.nodeName === 'MARK' ? p.lastChild : p.appendChild(document.createElement('mark'));
      } else if (piece === '</mark>') {
        mark = null;
      } else {
        var text = clean(piece);
        if (text) (mark || p).appendChild(document.createTextNode(text));
      }
    });
    return p;
  }

  // A hit inside a chapter opens at its paragraph (#p-N) or section (#sec-N): the last such anchor before the
  // first match (Pagefind records every element with an id and the word position of each match).
  function deepLink(data) {
    var first = Math.min.apply(null, (data.locations || []).concat([Infinity]));
    var best = null;
    (data.anchors || []).forEach(function (a) {
      if (/^(p|sec)-\d+$/.test(a.id) && a.location <= first && (!best || a.location >= best.location)) best = a;
    });
    return best && data.url.indexOf('#') < 0 ? data.url + '#' + best.id : data.url;
  }

  function item(data) {
    var li = document.createElement('li');
    var heading = document.createElement('h2');
    var link = document.createElement('a');
    link.href = deepLink(data);
    link.textContent = clean(data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    if (data.meta && data.meta.type) {
      var badge = document.createElement('span');
      badge.className = 'type';
      badge.textContent = clean(data.meta.type);
      heading.appendChild(document.createTextNode(' '));
      heading.appendChild(badge);
    }
    li.appendChild(heading);
    li.appendChild(excerpt(data.excerpt, data.content));
    return li;
  }

  // A query that found nothing: the same query on the other language's site, and the glossary's words for it in
  // the page's language ("rubber" on the Chinese site: 橡塑制品 …), each a link to its search.
  var suggestBox = document.getElementById('search-suggest');
  var glossary = [];
  try { glossary = JSON.parse(script.getAttribute('data-glossary') || '[]'); } catch (e) { glossary = []; }

  function sameWord(word, q) {
    return word === q || word === q + 's' || word === q + 'es' || word + 's' === q || word + 'es' === q;
  }

  function glossaryWords(query) {
    var q = query.trim().toLowerCase();
    var found = [];
    glossary.forEach(function (pair) {
      var english = pair[0], zh = pair[1];
      var hit = chinese
        ? !HAN.test(q) && english.some(function (w) {
          var lower = w.toLowerCase();
          return sameWord(lower, q) || lower.split(/[^a-z0-9]+/).some(function (part) { return sameWord(part, q); });
        })
        : HAN.test(q) && zh.some(function (z) { return z.length > 1 && (z.indexOf(q) >= 0 || q.indexOf(z) >= 0); });
      var word = chinese ? zh[0] : english[0];
      if (hit && word && found.indexOf(word) < 0) found.push(word);
    });
    return found.slice(0, 8);
  }

  function searchLink(base, query, lang) {
    var a = document.createElement('a');
    a.href = base + '?q=' + encodeURIComponent(query);
    a.textContent = query;
    if (lang) a.lang = lang;
    return a;
  }

  function suggest(query) {
    if (!suggestBox) return;
    suggestBox.replaceChildren();
    suggestBox.hidden = !query;
    if (!query) return;
    var other = document.createElement('p');
    other.appendChild(document.createTextNode(message('other-label') + ' '));
    other.appendChild(searchLink(script.getAttribute('data-other-search') || '', query, HAN.test(query) ? 'zh-CN' : 'en'));
    suggestBox.appendChild(other);
    var words = glossaryWords(query);
    if (words.length) {
      var own = document.createElement('p');
      own.appendChild(document.createTextNode(message('glossary-label') + ' '));
      words.forEach(function (word, i) {
        if (i) own.appendChild(document.createTextNode(chinese ? '、' : ', '));
        own.appendChild(searchLink(location.pathname, word, ''));
      });
      suggestBox.appendChild(own);
    }
  }

  var current = { hits: [], shown: 0 };

  async function showMore(state) {
    var slice = state.hits.slice(state.shown, state.shown + PAGE_SIZE);
    var data = await Promise.all(slice.map(function (r) { return r.data(); }));
    if (state !== current) return;
    data.forEach(function (d) { list.appendChild(item(d)); });
    state.shown += slice.length;
    if (more) more.hidden = state.shown >= state.hits.length;
  }

  function countText(n) {
    return n === 1 && message('count-one') ? message('count-one') : message('count').replace('{count}', String(n));
  }

  async function run(query, type) {
    var state = { hits: [], shown: 0 };
    current = state;
    list.replaceChildren();
    if (more) more.hidden = true;
    if (suggestBox) suggestBox.hidden = true;
    if (!query.trim()) {
      status.textContent = message('ready');
      return;
    }
    status.textContent = message('searching');
    list.setAttribute('aria-busy', 'true');
    try {
      var pf = await pagefind();
      var hits = await find(pf, query, type);
      if (state !== current) return;
      state.hits = hits;
      await showMore(state);
      if (state !== current) return;
      status.textContent = hits.length ? countText(hits.length) : message('none');
      suggest(hits.length ? '' : query.trim());
    } catch (err) {
      if (state === current) status.textContent = message('error');
      if (window.console) console.error(err);
    } finally {
      if (state === current) list.removeAttribute('aria-busy');
    }
  }

  function validType(value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : '';
  }

  function submit() {
    var query = input.value.trim();
    var type = validType(select.value);
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    if (type) params.set('type', type);
    var search = params.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
    run(query, type);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  select.addEventListener('change', function () {
    if (input.value.trim()) submit();
  });
  if (more) {
    var moreButton = more.querySelector('button') || more;
    moreButton.addEventListener('click', function () {
      moreButton.disabled = true;
      showMore(current).finally(function () { moreButton.disabled = false; });
    });
  }

  var params = new URLSearchParams(location.search);
  var query = (params.get('q') || '').trim();
  input.value = query;
  select.value = validType(params.get('type') || '');
  var header = document.getElementById('q');
  if (header && !header.value) header.value = query;
  run(query, select.value);
})();
