// geo review: the page.  Plain JavaScript and Leaflet, nothing from the network.
// Every string of a document or a gazetteer goes into the page as text (textContent, text nodes,
// DOM elements for Leaflet's tooltips), never as markup; the only markup inserted is the
// symbols' SVG, which the server builds from the place type alone.
(function () {
  'use strict';
  var $ = function (s) { return document.querySelector(s); };
  var TYPES = ['neighbourhood', 'village', 'town', 'city', 'camp', 'landmark', 'facility', 'airport', 'crossing',
               'oilfield', 'mountain', 'water', 'admin2', 'admin1'];
  var wide = ['country', 'region', 'continent'];     // areas: no point of the frame, no permanent label
  var state = {markers: [], view: null, sel: null, placing: false, map: null, layers: null, baseBox: null, pollTimer: null};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function api(path, body) {
    var opts = {credentials: 'same-origin', headers: {}};
    if (body !== undefined) {
      opts.method = 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.headers['X-Geo-Review'] = '1';
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (d) {
        if (!r.ok) { throw new Error(d.error || ('HTTP ' + r.status)); }
        return d;
      });
    });
  }

  function status(msg) { $('#status').textContent = msg || ''; }
  function fail(e) { status('⚠ ' + e.message); }

  // --- the list of documents --------------------------------------------------------------------
  function showList() {
    $('#doc-view').hidden = true; $('#list-view').hidden = false;
    $('#undo').hidden = true; $('#export-open').hidden = true; $('#next-open').hidden = true;
    $('#doc-title').textContent = '';
    state.view = null;
    api('/api/docs').then(function (d) {
      var tb = $('#docs tbody');
      tb.textContent = '';
      d.documents.forEach(function (doc) {
        var tr = el('tr', {'data-n': doc.n});
        tr.appendChild(el('td', {}, doc.n + 1));
        tr.appendChild(el('td', {dir: 'auto'}, doc.title));
        if (doc.error) {
          tr.appendChild(el('td', {'class': 'err', colspan: 3}, doc.error));
        } else {
          tr.appendChild(el('td', {}, doc.places));
          tr.appendChild(el('td', {'class': doc.open ? 'open-q' : ''}, doc.open));
          tr.appendChild(el('td', {}, doc.decisions));
          tr.addEventListener('click', function () { location.hash = '#doc/' + doc.n; });
        }
        tb.appendChild(tr);
      });
      window.geoReviewReady = 'list';
    }).catch(fail);
  }

  // --- one document --------------------------------------------------------------------------------
  function showDoc(n) {
    $('#list-view').hidden = true; $('#doc-view').hidden = false;
    $('#undo').hidden = false; $('#export-open').hidden = false; $('#next-open').hidden = false;
    state.sel = null;
    api('/api/doc/' + n).then(render).catch(fail);
  }

  function cps(s) { return Array.from(s); }        // offsets count code points, as Python's do

  function render(view) {
    var keep = state.sel, first = !state.view || state.view.n !== view.n;
    state.view = view;
    $('#doc-title').textContent = view.title;
    $('#doc-view').className = view.dir;
    $('#undo').disabled = !view.can_undo;
    $('#next-open').disabled = !view.mentions.some(function (m) { return m.open; });
    renderText(view);
    renderMap(view, first);
    if (keep) {      // the same span stays selected after a decision on it
      var k = view.mentions.findIndex(function (m) { return m.start === keep.start && m.end === keep.end; });
      state.sel = k >= 0 ? {k: k, start: keep.start, end: keep.end, text: keep.text} : keep;
      if (k < 0 && keep.k !== undefined) { state.sel = null; }
    }
    renderPanel();
    window.geoReviewReady = 'doc:' + view.n + ':' + view.decisions;
  }

  function renderText(view) {
    var box = $('#text'), chars = cps(view.text), pos = 0;
    box.textContent = '';
    box.setAttribute('dir', view.dir);
    box.setAttribute('lang', view.lang);
    var marks = view.mentions.map(function (m) { return {s: m.start, e: m.end, m: m}; })
      .concat(view.rejected.map(function (r) { return {s: r.start, e: r.end, rej: true}; }))
      .sort(function (a, b) { return a.s - b.s; });
    function plain(s, e) {
      if (e > s) { box.appendChild(el('span', {'data-s': s}, chars.slice(s, e).join(''))); }
    }
    marks.forEach(function (x) {
      if (x.s < pos) { return; }
      plain(pos, x.s);
      var t = chars.slice(x.s, x.e).join('');
      if (x.rej) {
        box.appendChild(el('span', {'class': 'rej', 'data-s': x.s, title: 'Not a place'}, t));
      } else {
        var m = x.m, p = m.place !== null ? view.places[m.place] : null;
        var cls = 'nm' + (p ? '' : ' unres') + (p && (p.confidence < 0.6 || p.approximate) ? ' pale' : '')
          + (m.open ? ' open' : '') + (m.decision ? ' decided' : '')
          + (state.sel && state.sel.start === m.start && state.sel.end === m.end ? ' sel' : '');
        var mk = el('mark', {'class': cls, 'data-k': m.k, 'data-s': m.start,
                             title: p ? (p.label + ' · ' + p.type_name) : 'not placed'}, t);
        if (p) { mk.style.setProperty('--c', p.colour); }
        mk.addEventListener('click', function (ev) { ev.stopPropagation(); select(m.k); });
        box.appendChild(mk);
      }
      pos = x.e;
    });
    plain(pos, chars.length);
  }

  // the offset (code points) of a DOM point inside #text
  function offsetOf(node, off) {
    var span = node.nodeType === 3 ? node.parentNode : node;
    if (!span || !span.hasAttribute || !span.hasAttribute('data-s')) { return null; }
    var before = node.nodeType === 3 ? node.textContent.slice(0, off) : '';
    return +span.getAttribute('data-s') + cps(before).length;
  }

  function onSelect() {
    var s = window.getSelection();
    if (!state.view || !s || s.isCollapsed || !s.rangeCount) { return; }
    var r = s.getRangeAt(0);
    if (!$('#text').contains(r.startContainer) || !$('#text').contains(r.endContainer)) { return; }
    var a = offsetOf(r.startContainer, r.startOffset), b = offsetOf(r.endContainer, r.endOffset);
    if (a === null || b === null) { return; }
    if (b < a) { var t = a; a = b; b = t; }
    var chars = cps(state.view.text);
    while (a < b && /\s/.test(chars[a])) { a++; }
    while (b > a && /[\s.,،؛:!?؟"'«»()]/.test(chars[b - 1])) { b--; }
    if (b <= a) { return; }
    state.sel = {start: a, end: b, text: chars.slice(a, b).join(''), added: true};
    renderPanel();
  }

  function select(k) {
    var m = state.view.mentions[k];
    [].forEach.call(document.querySelectorAll('#text mark.sel'), function (e) { e.classList.remove('sel'); });
    var mk = document.querySelector('#text mark[data-k="' + k + '"]');
    if (mk) { mk.classList.add('sel'); }
    state.sel = {k: k, start: m.start, end: m.end, text: m.text};
    renderPanel();
    var p = m.place !== null ? state.view.places[m.place] : null;
    if (p && state.map && wide.indexOf(p.type) < 0) { state.map.panTo([p.lat, p.lon]); }
  }

  function nextOpen() {
    // the first open question after the selected name, round to the first one
    var v = state.view, after = state.sel ? state.sel.start : -1;
    var open = v.mentions.filter(function (m) { return m.open; });
    if (!open.length) { status('no open question left in this document'); return; }
    var m = open.find(function (x) { return x.start > after; }) || open[0];
    select(m.k);
    var mk = document.querySelector('#text mark[data-k="' + m.k + '"]');
    if (mk) { mk.scrollIntoView({block: 'center'}); }
  }

  // --- the panel: what the analyst can do with the selected name -----------------------------------
  function decide(action, place, via) {
    var s = state.sel;
    var every = $('#every');
    return api('/api/doc/' + state.view.n + '/decide',
               {start: s.start, end: s.end, action: action, place: place || null, via: via || '',
                every: !!(every && every.checked)})
      .then(function (v) { status(''); render(v); }).catch(fail);
  }

  function placeOf(c) {
    return {id: c.id || '', name: c.name || '', name_ar: c.name_ar || '', lat: c.lat, lon: c.lon, type: c.type || '',
            country: c.country || '', admin1: c.admin1 || '', geonameid: c.geonameid || null,
            population: c.population || 0};
  }

  function button(label, cls, fn, id) {
    var b = el('button', {type: 'button', 'class': cls || ''}, label);
    if (id) { b.id = id; }
    b.addEventListener('click', fn);
    return b;
  }

  function renderPanel() {
    var panel = $('#panel'), v = state.view, s = state.sel;
    panel.textContent = '';
    panel.className = '';
    setPlacing(false);
    if (!s) { panel.className = 'hint'; panel.textContent = 'Nothing selected.'; return; }
    var m = s.k !== undefined ? v.mentions[s.k] : null;
    var p = m && m.place !== null ? v.places[m.place] : null;
    var h = el('h3', {dir: 'auto'}, s.text);
    panel.appendChild(h);
    var now = el('div', {'class': 'now', dir: 'auto'});
    if (p) {
      now.textContent = p.label + (p.name && p.name !== p.label ? ' (' + p.name + ')' : '') + ' · ' + p.type_name
        + (p.country ? ' · ' + p.country : '') + ' · ' + Math.round(p.confidence * 100) + '%'
        + (p.approximate ? ' · approximate, within ' + p.uncertainty_km + ' km' : '')
        + (m.decision ? ' · decided (' + m.decision.via + ')' : '');
    } else {
      now.textContent = s.added ? 'A name the parser did not tag: search for its place, or put it on the map.'
        : 'Not placed: search for its place, or put it on the map.';
    }
    panel.appendChild(now);
    if (m && m.same > 1) {      // one decision for every mention of the name (one step to undo)
      var lab = el('label', {'class': 'm'});
      var cb = el('input', {type: 'checkbox', id: 'every'});
      cb.checked = true;
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(' all ' + m.same + ' mentions of this name'));
      panel.appendChild(lab);
    }
    // the candidates, with their probabilities
    if (p && (p.candidates.length || !m.decision)) {
      var ul = el('ul', {id: 'candidates'});
      [p].concat(p.candidates).forEach(function (c, j) {
        var li = el('li', {});
        li.appendChild(el('span', {'class': 'p'}, Math.round((j === 0 ? c.confidence : c.score) * 100) + '%'));
        li.appendChild(el('span', {dir: 'auto'}, (c.label || c.name) + ' · ' + c.type + (c.country ? ' · ' + c.country : '')));
        if (j === 0) {
          li.appendChild(el('span', {'class': 'm'}, '(now)'));
        } else {
          li.appendChild(button('Use', 'cand', function () { decide('place', placeOf(c), 'candidate'); }));
        }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var row = el('div', {'class': 'row'});
    if (p && !m.decision) { row.appendChild(button('Confirm', '', function () { decide('place', placeOf(p), 'confirm'); }, 'confirm')); }
    if (!p) {          // a name without a place: the type it gets when put on the map
      var sel = el('select', {id: 'ptype', title: 'type of the place you put on the map'});
      TYPES.forEach(function (t) { sel.appendChild(el('option', {value: t}, t)); });
      sel.value = 'neighbourhood';
      row.appendChild(sel);
    }
    row.appendChild(button('Put on the map', '', function () { setPlacing(!state.placing); }, 'place-on-map'));
    if (m) { row.appendChild(button('Not a place', 'danger', function () { decide('not_place', null, ''); }, 'not-place')); }
    if (m && m.decision && m.decision.action === 'place') {
      var rb = button(m.decision.remembered ? 'Remembered ✓' : 'Remember this place', '', remember, 'remember');
      rb.disabled = !!m.decision.remembered;
      row.appendChild(rb);
    }
    panel.appendChild(row);
    // the gazetteer, in either script
    var srow = el('div', {'class': 'row'});
    var q = el('input', {type: 'search', id: 'search', placeholder: 'Search the gazetteer (Arabic or Latin)', dir: 'auto'});
    q.value = s.added ? s.text : '';
    var results = el('ul', {id: 'search-results'});
    var timer = null;
    function run() {
      api('/api/search?q=' + encodeURIComponent(q.value)).then(function (d) {
        results.textContent = '';
        d.results.forEach(function (c) {
          var li = el('li', {});
          li.appendChild(el('span', {dir: 'auto'}, c.name + (c.name_ar && c.name_ar !== c.name ? ' · ' + c.name_ar : '')));
          li.appendChild(el('span', {'class': 'm'}, c.type + (c.country ? ' · ' + c.country : '') + (c.admin1 ? ' · ' + c.admin1 : '') + ' · ' + c.match));
          li.appendChild(button('Use', 'pick', function () { decide('place', placeOf(c), s.added ? 'add' : 'search'); }));
          results.appendChild(li);
        });
        if (!d.results.length) { results.appendChild(el('li', {'class': 'm'}, 'no place of that name')); }
      }).catch(fail);
    }
    q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 200); });
    srow.appendChild(q);
    panel.appendChild(srow);
    panel.appendChild(results);
    if (q.value) { run(); }
  }

  function remember() {
    var s = state.sel;
    api('/api/doc/' + state.view.n + '/remember', {start: s.start, end: s.end}).then(function (d) {
      render(d.view);
      pollJob(d.job);
    }).catch(fail);
  }

  function pollJob(job) {
    status(job.message);
    clearTimeout(state.pollTimer);
    if (job.state === 'running') {
      state.pollTimer = setTimeout(function () { api('/api/job').then(pollJob).catch(fail); }, 700);
    } else {
      window.geoReviewJob = job.state;
    }
  }

  // --- the map -------------------------------------------------------------------------------------
  function setPlacing(on) {
    state.placing = on;
    if (state.map) { state.map.getContainer().classList.toggle('placing', on); }
    var b = $('#place-on-map');
    if (b) { b.classList.toggle('active', on); b.textContent = on ? 'Click the map where it is…' : 'Put on the map'; }
  }

  function pinned(lat, lng, p) {
    var s = state.sel;
    return {id: '', name: p && p.name && !p.approximate ? p.name : s.text, name_ar: p ? p.name_ar : '',
            lat: lat, lon: lng, type: p ? p.type : ($('#ptype') ? $('#ptype').value : 'landmark'), country: p ? p.country : '',
            admin1: p ? p.admin1 : '', population: 0};
  }

  function initMap() {
    L.Marker.prototype.options.icon = L.divIcon({className: 'geo-place'});   // no image icons: nothing to fetch
    var map = L.map('map', {zoomControl: true, worldCopyJump: true, minZoom: 2, attributionControl: true});
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('GeoNames (CC-BY 4.0) · Natural Earth · GSHHG (LGPL)');
    map.createPane('base').style.zIndex = 200;
    map.on('zoomend', function () { spread(); });
    state.layers = {fine: L.layerGroup().addTo(map),
                    circles: L.layerGroup().addTo(map), places: L.layerGroup().addTo(map)};
    map.on('click', function (ev) {
      if (!state.placing || !state.sel) { return; }
      var m = state.sel.k !== undefined ? state.view.mentions[state.sel.k] : null;
      var p = m && m.place !== null ? state.view.places[m.place] : null;
      decide('place', pinned(ev.latlng.lat, ev.latlng.lng, p), 'map');
    });
    state.map = map;
  }

  function basemapAround(box) {
    var key = box.join(',');
    if (state.baseBox === key) { return; }
    state.baseBox = key;
    api('/api/basemap?box=' + key).then(function (g) {
      var f = state.layers.fine;
      f.clearLayers();
      var st = {pane: 'base', interactive: false};
      L.geoJSON(g.world, Object.assign({style: {fillColor: '#f3f0e8', fillOpacity: 1, stroke: false}}, st)).addTo(f);
      L.geoJSON(g.world_lines, Object.assign({style: {color: '#9a9a9a', weight: 0.7}}, st)).addTo(f);
      L.geoJSON(g.land, Object.assign({style: {fillColor: '#f3f0e8', fillOpacity: 1, stroke: false}}, st)).addTo(f);
      L.geoJSON(g.lakes, Object.assign({style: {fillColor: '#d6e6f2', color: '#8fb4d6', weight: 0.6, fillOpacity: 1}}, st)).addTo(f);
      L.geoJSON(g.rivers, Object.assign({style: {color: '#7fa9d1', weight: 1.4}}, st)).addTo(f);
      L.geoJSON(g.admin, Object.assign({style: {color: '#a8a8a8', weight: 1, dashArray: '5 3'}}, st)).addTo(f);
      L.geoJSON(g.borders, Object.assign({style: {color: '#9a9a9a', weight: 0.9}}, st)).addTo(f);
    }).catch(fail);
  }

  function renderMap(view, first) {
    if (!state.map) { initMap(); }
    var map = state.map, L_ = state.layers, pts = [];
    L_.places.clearLayers(); L_.circles.clearLayers();
    state.markers = [];
    view.places.forEach(function (p) {
      if (p.approximate && p.uncertainty_km > 0) {
        L.circle([p.lat, p.lon], {radius: p.uncertainty_km * 1000, color: p.colour, weight: 1.2, opacity: 0.6,
                                  dashArray: '4 4', fillOpacity: 0.04, interactive: false}).addTo(L_.circles);
      }
      var icon = iconOf(p, 0, 0);
      // an approximate place sits on its parent: drawn above it, labelled on the other side, so it
      // can be picked up and dragged to its real spot
      var mk = L.marker([p.lat, p.lon], {icon: icon, draggable: true, keyboard: false, riseOnHover: true, title: '',
                                         zIndexOffset: p.approximate ? 1000 : 0});
      var tip = el('span', {dir: 'auto'}, p.label), left = (view.dir === 'rtl') !== p.approximate;
      mk.bindTooltip(tip, {permanent: wide.indexOf(p.type) < 0, direction: left ? 'left' : 'right',
                           offset: [left ? -p.size / 2 : p.size / 2, 0], className: 'geo-label'});
      mk.on('click', function () { if (p.mentions.length) { select(p.mentions[0]); } });
      mk.on('dragend', function () {
        var k = p.mentions[0], m = view.mentions[k], ll = mk.getLatLng();
        state.sel = {k: k, start: m.start, end: m.end, text: m.text};
        decide('place', pinned(ll.lat, ll.lng, p), 'map');
      });
      mk.on('add', function () { mk.getElement().setAttribute('data-place', p.id); });
      mk.addTo(L_.places);
      state.markers.push({mk: mk, p: p, dx: 0, dy: 0});
      if (wide.indexOf(p.type) < 0) { pts.push([p.lat, p.lon]); }
    });
    if (!pts.length) { view.places.forEach(function (p) { pts.push([p.lat, p.lon]); }); }
    if (first) {
      if (pts.length) {
        map.fitBounds(L.latLngBounds(pts).pad(0.3), {maxZoom: 12});
        var b = L.latLngBounds(pts);
        basemapAround([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (x) { return x.toFixed(2); }));
      } else {
        map.setView([30, 35], 3);
      }
    }
    map.invalidateSize();
    spread();
  }

  function iconOf(p, dx, dy) {
    // a symbol moved aside (another sits at its spot) keeps a short leader to its true point
    var html = p.svg;
    if (dx || dy) {
      html = '<svg class="geo-leader" width="' + p.size + '" height="' + p.size + '"><line x1="' + p.size / 2 + '" y1="'
        + p.size / 2 + '" x2="' + (p.size / 2 - dx) + '" y2="' + (p.size / 2 - dy) + '" stroke="#777" stroke-width="1"/></svg>' + html;
    }
    return L.divIcon({html: html, iconSize: [p.size, p.size], iconAnchor: [p.size / 2 - dx, p.size / 2 - dy],
                      tooltipAnchor: [dx, dy], className: 'geo-place geo-type-' + p.type + (p.approximate ? ' geo-approx' : '')});
  }

  // no symbol hides another: located places first, bigger types first; a later one that would sit
  // on one placed before goes to the first free slot on a ring round it (approximate places stay on
  // their parent, above it, to be dragged to their spot)
  function spread() {
    var rtl = state.view && state.view.dir === 'rtl';
    // the first slots away from the labels (on the left in Arabic, on the right otherwise)
    var map = state.map, done = [], slots = rtl ? [0, 90, 270, 45, 315, 180, 135, 225] : [180, 90, 270, 135, 225, 0, 45, 315];
    if (!map || !state.markers.length || !state.markers[0].mk.getElement()) { return; }   // not drawn yet
    state.markers.filter(function (x) { return !x.p.approximate && wide.indexOf(x.p.type) < 0; })
      .sort(function (a, b) { return a.p.rank - b.p.rank || b.p.mentions.length - a.p.mentions.length || a.p.i - b.p.i; })
      .forEach(function (x) {
        var at = map.latLngToContainerPoint([x.p.lat, x.p.lon]), dx = 0, dy = 0, s = x.p.size;
        var free = function (px, py) { return done.every(function (d) { return Math.hypot(d.x - px, d.y - py) >= (d.s + s) / 2 + 1; }); };
        if (!free(at.x, at.y)) {
          search: for (var ring = 1; ring <= 3; ring++) {
            for (var k = 0; k < slots.length; k++) {
              var a = slots[k] * Math.PI / 180, r = ring * (s + 4);
              if (free(at.x + r * Math.cos(a), at.y - r * Math.sin(a))) { dx = Math.round(r * Math.cos(a)); dy = Math.round(-r * Math.sin(a)); break search; }
            }
          }
        }
        done.push({x: at.x + dx, y: at.y + dy, s: s});
        if (dx !== x.dx || dy !== x.dy) {
          x.dx = dx; x.dy = dy;
          x.mk.setIcon(iconOf(x.p, dx, dy));
          x.mk.getElement().setAttribute('data-place', x.p.id);
          var tip = x.mk.getTooltip(), right = dx ? dx > 0 : !rtl;     // the label on the side it moved to
          tip.options.direction = right ? 'right' : 'left';
          tip.options.offset = [right ? x.p.size / 2 : -x.p.size / 2, 0];
          if (x.mk.isTooltipOpen()) { x.mk.openTooltip(); }       // the label follows its symbol
        }
      });
  }

  // --- export --------------------------------------------------------------------------------------
  function openExport() {
    var f = $('#export-form');
    if (!f.title.value) { f.title.value = state.view.title; }
    $('#export-files').textContent = '';
    $('#export').showModal();
  }

  function runExport() {
    var f = $('#export-form');
    var formats = [].slice.call(f.querySelectorAll('input[name=fmt]:checked')).map(function (c) { return c.value; });
    var list = $('#export-files');
    list.textContent = '';
    list.appendChild(el('li', {}, 'writing…'));
    api('/api/doc/' + state.view.n + '/export', {formats: formats, title: f.title.value, subtitle: f.subtitle.value,
        size: f.size.value, label_lang: f.label_lang.value, decided_only: f.decided_only.checked}).then(function (d) {
      list.textContent = '';
      d.files.forEach(function (x) {
        var li = el('li', {}), a = el('a', {href: x.url, download: x.name}, x.name);
        li.appendChild(a);
        list.appendChild(li);
      });
      window.geoReviewExported = d.files.map(function (x) { return x.name; });
    }).catch(function (e) { list.textContent = ''; list.appendChild(el('li', {}, '⚠ ' + e.message)); });
  }

  // --- wiring --------------------------------------------------------------------------------------
  function route() {
    var m = /^#doc\/(\d+)$/.exec(location.hash);
    if (m) { showDoc(+m[1]); } else { showList(); }
  }
  window.addEventListener('hashchange', route);
  document.addEventListener('mouseup', function (ev) { if ($('#text').contains(ev.target)) { setTimeout(onSelect, 0); } });
  document.addEventListener('keydown', function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z' && state.view && ev.target.tagName !== 'INPUT') { ev.preventDefault(); $('#undo').click(); }
    if (ev.key === 'Escape') { setPlacing(false); }
    if ((ev.key === 'n' || ev.key === 'N') && state.view && !/INPUT|SELECT|TEXTAREA/.test(ev.target.tagName)) { nextOpen(); }
  });
  $('#undo').addEventListener('click', function () {
    api('/api/doc/' + state.view.n + '/undo', {}).then(render).catch(fail);
  });
  $('#export-open').addEventListener('click', openExport);
  $('#next-open').addEventListener('click', nextOpen);
  $('#export-go').addEventListener('click', runExport);
  $('#home').addEventListener('click', function (ev) { ev.preventDefault(); location.hash = ''; route(); });
  route();
})();
