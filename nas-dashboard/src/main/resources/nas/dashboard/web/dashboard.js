/* NAS dashboard: builds the studies, study and trial pages from the JSON API (live) or from the data a
 * report file embeds (window.NAS_REPORT). Every user string (study, parameter and attribute names and
 * values) reaches the page as text: nodes are made with textContent, never innerHTML, and chart tooltips
 * go through esc(). */
(function () {
  'use strict';

  const BASE = document.body.dataset.base || '';
  const PAGE = document.body.dataset.page;
  const REPORT = window.NAS_REPORT || null;
  const POLL_MS = 1000;
  const STATES = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'];
  const STATE_COLORS = { COMPLETE: '#2e8b57', PRUNED: '#d9a400', FAIL: '#c0392b', RUNNING: '#2f6fb3', WAITING: '#8a8f98' };
  const charts = {};
  window.nasCharts = charts; // for tests and the curious: chart id -> ECharts instance

  // ---------- small helpers ----------

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'class') e.className = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function fmt(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'number') return String(v);
    if (!isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return (a !== 0 && (a < 1e-4 || a >= 1e6)) ? v.toExponential(4) : String(Number(v.toPrecision(6)));
  }

  /** Axis labels: short, so that large or tiny values never run into the axis name. */
  function axisTick(v) {
    const a = Math.abs(v);
    return (a !== 0 && (a >= 1e5 || a < 1e-3)) ? v.toExponential(1) : fmt(v);
  }
  const valueLabels = { formatter: axisTick };
  /**
   * A left value axis whose name is written along it, beside its labels: room for axisTick's longest labels
   * (7 characters, about 50 px) between the axis and the name, and for the name within the grid's left margin.
   */
  const nameBesideLabels = { nameLocation: 'middle', nameGap: 68, axisLabel: valueLabels };
  const NAME_BESIDE_LABELS_LEFT = 84;

  /** Height (px) of the band under a plot that colourScale() fills: a chart with one keeps this much more bottom margin. */
  const SCALE_BAND = 44;

  /**
   * A continuous colour scale of objective values, lying under the plot at its right: a scale at the side ran into
   * the labels of the axis beside it. The handles carry the values (as the page writes numbers) and can be dragged to
   * show only a range; the ends say which side is better.
   */
  function colourScale(min, max, colors, maximize, extra) {
    return Object.assign({
      type: 'continuous', orient: 'horizontal', right: 10, bottom: 0, itemWidth: 12, itemHeight: 160, calculable: true,
      min, max: max === min ? min + 1 : max, inRange: { color: colors }, formatter: fmt,
      text: maximize ? ['better', 'worse'] : ['worse', 'better'], // text[0] is written at the high end
    }, extra);
  }

  const two = (n) => String(n).padStart(2, '0');

  /** A clock reading in local time, 24-hour as the timeline's axis writes it: "15:18:12". */
  function clock(d) {
    return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
  }

  /** A date and time in local time, the same in every locale and sortable as text: "2026-12-05 15:18:12". */
  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + clock(d);
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return '';
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(2) + ' s';
    return (ms / 60000).toFixed(1) + ' min';
  }

  /**
   * Labels of a time axis spanning spanMs: left to ECharts (hours, minutes, dates) unless its ticks fall within a
   * second, which it writes as "15:18:12 002"; those read as a clock with as many decimals of a second as the
   * ticks (about a fifth of the span apart) need.
   */
  function clockLabels(spanMs) {
    if (!(spanMs < 5000)) return {};
    const decimals = Math.min(3, Math.max(1, Math.ceil(-Math.log10(Math.max(spanMs, 1) / 5000))));
    return { formatter: (v) => {
      const d = new Date(v);
      const seconds = (d.getSeconds() + d.getMilliseconds() / 1000).toFixed(decimals).padStart(3 + decimals, '0');
      return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + seconds;
    } };
  }

  const enc = encodeURIComponent;
  const studyPath = (name) => '/studies/' + enc(name);

  async function api(path) {
    if (REPORT) {
      const key = path.split(studyPath(REPORT.study)).join('/studies/~');
      if (key in REPORT.data) return REPORT.data[key];
      throw new Error('this report does not hold ' + key);
    }
    const r = await fetch(BASE + '/api' + path, { credentials: 'same-origin', cache: 'no-store' });
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
    return body;
  }

  function chart(container, id, option) {
    let c = charts[id];
    if (c && c.getDom() !== container) { c.dispose(); c = null; }
    if (!c) {
      c = echarts.init(container, null, { renderer: 'canvas' });
      charts[id] = c;
    }
    c.setOption(Object.assign({ animation: false }, option), true);
    return c;
  }

  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  function tooltipRows(title, rows) {
    return '<b>' + esc(title) + '</b><br>' + rows.map(([k, v]) => esc(k) + ': ' + esc(fmt(v))).join('<br>');
  }

  function header(crumbs) {
    const live = el('span', { class: 'live', id: 'live' }, REPORT ? 'report · ' + time(REPORT.created) : '');
    return el('header', {}, el('a', { href: REPORT ? '#' : BASE + '/' }, 'NAS'),
      crumbs.map((c) => el('span', { class: 'crumb' }, '/ ', c)), live);
  }

  function setLive(ok, message) {
    const l = document.getElementById('live');
    if (!l || REPORT) return;
    l.textContent = ok ? 'live · ' + clock(new Date()) : 'not updating: ' + message;
    l.classList.toggle('stale', !ok);
  }

  /** An error in place of container's content; back ([text, href]) adds a way out, such as the list of studies. */
  function errorBox(container, e, back) {
    container.replaceChildren(el('div', { class: 'error' }, e instanceof Error ? e.message : String(e),
      back ? [' · ', el('a', { href: back[1], class: 'back' }, back[0])] : null));
  }

  /** The way back from a page whose study or run is not there: the studies page, which lists every study and run. */
  const TO_STUDIES = ['all studies and runs', BASE + '/'];

  function card(title, id, wide) {
    const body = el('div', { id: id + '-body' });
    const c = el('section', { class: 'card' + (wide ? ' wide' : ''), id: id }, el('h2', {}, title), body);
    return c;
  }

  function chartBox(id, small) {
    return el('div', { class: 'chart' + (small ? ' small' : ''), id: id + '-chart' });
  }

  // ---------- contour: a kernel-smoothed surface over two parameters and its iso-lines ----------

  /** A parameter's value on a plot axis: log10 for a log parameter, the index of a category. */
  function axisValue(p, v) {
    return p.type === 'categorical' ? v : p.log ? Math.log10(v) : v;
  }

  function axisLabelOf(p, a) {
    if (p.type === 'categorical') return Number.isInteger(a) && a >= 0 && a < p.choices.length ? String(p.choices[a]) : '';
    return axisTick(p.log ? Math.pow(10, a) : a);
  }

  /**
   * The surface of values over a G x G grid spanning the trials' two axis values: at each node the Gaussian
   * kernel-weighted mean of the trials' values (Nadaraya-Watson; bandwidth h of the unit square, narrower with
   * more trials), blank where no trial is within about 2.5 h. Iso-lines at 9 levels between the surface's
   * extremes come from marching squares, crossings placed by linear interpolation along cell edges.
   */
  function contourSurface(pts, G = 40) {
    const range = (k) => {
      let lo = Math.min(...pts.map((q) => q[k]));
      let hi = Math.max(...pts.map((q) => q[k]));
      if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
      return [lo, hi];
    };
    const [x0, x1] = range(0);
    const [y0, y1] = range(1);
    const xs = [];
    const ys = [];
    for (let i = 0; i < G; i++) { xs.push(x0 + (x1 - x0) * i / (G - 1)); ys.push(y0 + (y1 - y0) * i / (G - 1)); }
    const h = Math.min(0.15, Math.max(0.04, 0.5 * Math.pow(pts.length, -0.25)));
    const ux = pts.map((q) => (q[0] - x0) / (x1 - x0));
    const uy = pts.map((q) => (q[1] - y0) / (y1 - y0));
    const z = [];
    for (let j = 0; j < G; j++) {
      const row = [];
      for (let i = 0; i < G; i++) {
        const gx = i / (G - 1);
        const gy = j / (G - 1);
        let sw = 0;
        let swv = 0;
        for (let n = 0; n < pts.length; n++) {
          const w = Math.exp(-((ux[n] - gx) ** 2 + (uy[n] - gy) ** 2) / (2 * h * h));
          sw += w;
          swv += w * pts[n][2];
        }
        row.push(sw > 0.05 ? swv / sw : null);
      }
      z.push(row);
    }
    const known = z.flat().filter((v) => v !== null);
    const zmin = Math.min(...known);
    const zmax = Math.max(...known);
    const levels = zmax > zmin ? [1, 2, 3, 4, 5, 6, 7, 8, 9].map((l) => zmin + (zmax - zmin) * l / 10) : [];
    const segments = [];
    const at = (a, b, va, vb, level) => a + (b - a) * (level - va) / (vb - va);
    for (const level of levels) {
      for (let j = 0; j + 1 < G; j++) {
        for (let i = 0; i + 1 < G; i++) {
          const c = [z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]]; // corners counter-clockwise from bottom left
          if (c.some((v) => v === null)) continue;
          const px = [xs[i], xs[i + 1], xs[i + 1], xs[i]];
          const py = [ys[j], ys[j], ys[j + 1], ys[j + 1]];
          const cross = [];
          for (let e = 0; e < 4; e++) {
            const a = e;
            const b = (e + 1) % 4;
            if ((c[a] < level) !== (c[b] < level)) cross.push([at(px[a], px[b], c[a], c[b], level), at(py[a], py[b], c[a], c[b], level)]);
          }
          if (cross.length === 2) {
            segments.push([cross[0][0], cross[0][1], cross[1][0], cross[1][1], level]);
          } else if (cross.length === 4) {
            // a saddle: the mean of the corners tells which pairs of crossings to join
            const centreAbove = (c[0] + c[1] + c[2] + c[3]) / 4 >= level;
            const pairs = centreAbove === (c[0] >= level) ? [[0, 1], [2, 3]] : [[0, 3], [1, 2]];
            for (const [a, b] of pairs) segments.push([cross[a][0], cross[a][1], cross[b][0], cross[b][1], level]);
          }
        }
      }
    }
    return { x0, x1, y0, y1, xs, ys, dx: (x1 - x0) / (G - 1), dy: (y1 - y0) / (G - 1), z, h, levels, segments };
  }

  // ---------- 3-D scatter (three objectives): a canvas projection, turned by dragging ----------

  const scatters3d = {};
  window.nasScatter3d = scatters3d; // for tests and the curious: id -> Scatter3D

  /**
   * Points in three dimensions on a canvas: each axis scaled to the points' range (a unit cube), turned by
   * yaw (about the vertical axis) and pitch, drawn in orthographic projection far points first. Drag turns it;
   * the pointer over a point shows its trial.
   */
  class Scatter3D {
    constructor(container, id, axes, layers) {
      this.axes = axes; // three axis names
      this.layers = layers; // [{ name, color, size, alpha, points: [{ value: [x, y, z], number }] }]
      this.yaw = -0.75;
      this.pitch = 0.45;
      const all = layers.flatMap((l) => l.points.map((p) => p.value));
      this.lo = [0, 1, 2].map((k) => all.reduce((m, v) => Math.min(m, v[k]), Infinity));
      this.hi = [0, 1, 2].map((k) => all.reduce((m, v) => Math.max(m, v[k]), -Infinity));
      this.canvas = el('canvas', { class: 'scatter3d', id: id + '-canvas' });
      this.tip = el('div', { class: 'tip3d', id: id + '-tip' });
      container.replaceChildren(this.canvas, this.tip);
      let drag = null;
      this.canvas.addEventListener('pointerdown', (e) => { drag = [e.clientX, e.clientY]; this.canvas.setPointerCapture(e.pointerId); });
      this.canvas.addEventListener('pointerup', () => { drag = null; });
      this.canvas.addEventListener('pointermove', (e) => {
        if (drag) {
          this.turn((e.clientX - drag[0]) * 0.01, (e.clientY - drag[1]) * 0.01);
          drag = [e.clientX, e.clientY];
        } else {
          this.hover(e.offsetX, e.offsetY);
        }
      });
      scatters3d[id] = this;
      this.draw();
    }

    turn(dYaw, dPitch) {
      this.yaw += dYaw;
      this.pitch = Math.max(-1.5, Math.min(1.5, this.pitch + dPitch));
      this.draw();
    }

    /** Canvas position (CSS pixels) and depth of a point given in objective values. */
    project(v) {
      const u = [0, 1, 2].map((k) => (this.hi[k] > this.lo[k] ? 2 * (v[k] - this.lo[k]) / (this.hi[k] - this.lo[k]) - 1 : 0));
      const x = u[0] * Math.cos(this.yaw) - u[1] * Math.sin(this.yaw);
      const y = u[0] * Math.sin(this.yaw) + u[1] * Math.cos(this.yaw);
      const up = u[2] * Math.cos(this.pitch) - y * Math.sin(this.pitch);
      const depth = u[2] * Math.sin(this.pitch) + y * Math.cos(this.pitch);
      const s = Math.min(this.w, this.h) * 0.3;
      return [this.w / 2 + x * s, this.h / 2 - up * s, depth];
    }

    /** Where each point of a layer is drawn now, in CSS pixels of the canvas. */
    screenPoints(layer) {
      return this.layers[layer].points.map((p) => this.project(p.value).slice(0, 2));
    }

    draw() {
      const dpr = window.devicePixelRatio || 1;
      this.w = this.canvas.clientWidth;
      this.h = this.canvas.clientHeight;
      this.canvas.width = Math.round(this.w * dpr);
      this.canvas.height = Math.round(this.h * dpr);
      const g = this.canvas.getContext('2d');
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, this.w, this.h);
      const corner = (i, j, k) => this.project([0, 1, 2].map((a) => ([i, j, k][a] ? this.hi[a] : this.lo[a])));
      // the box: its 12 edges, then the three axes from the low corner with their names and ranges
      g.strokeStyle = '#d9dee4';
      g.lineWidth = 1;
      for (const [a, b] of [[[0, 0, 0], [1, 0, 0]], [[0, 1, 0], [1, 1, 0]], [[0, 0, 1], [1, 0, 1]], [[0, 1, 1], [1, 1, 1]],
        [[0, 0, 0], [0, 1, 0]], [[1, 0, 0], [1, 1, 0]], [[0, 0, 1], [0, 1, 1]], [[1, 0, 1], [1, 1, 1]],
        [[0, 0, 0], [0, 0, 1]], [[1, 0, 0], [1, 0, 1]], [[0, 1, 0], [0, 1, 1]], [[1, 1, 0], [1, 1, 1]]]) {
        const p = corner(...a);
        const q = corner(...b);
        g.beginPath(); g.moveTo(p[0], p[1]); g.lineTo(q[0], q[1]); g.stroke();
      }
      g.font = '12px system-ui, sans-serif';
      g.fillStyle = '#1d232b';
      g.strokeStyle = '#66707c';
      const origin = corner(0, 0, 0);
      [[1, 0, 0], [0, 1, 0], [0, 0, 1]].forEach((end, k) => {
        const q = corner(...end);
        g.beginPath(); g.moveTo(origin[0], origin[1]); g.lineTo(q[0], q[1]); g.stroke();
        g.fillText(this.axes[k] + ' ' + axisTick(this.lo[k]) + ' → ' + axisTick(this.hi[k]), q[0] + 4, q[1] - 4);
      });
      const drawn = [];
      this.layers.forEach((l) => l.points.forEach((p) => drawn.push([this.project(p.value), l])));
      drawn.sort((a, b) => a[0][2] - b[0][2]);
      for (const [[x, y], l] of drawn) {
        g.globalAlpha = l.alpha;
        g.fillStyle = l.color;
        g.beginPath(); g.arc(x, y, l.size, 0, 2 * Math.PI); g.fill();
      }
      g.globalAlpha = 1;
      this.layers.forEach((l, i) => {
        g.fillStyle = l.color;
        g.beginPath(); g.arc(14, 14 + 18 * i, 5, 0, 2 * Math.PI); g.fill();
        g.fillStyle = '#1d232b';
        g.fillText(l.name, 24, 18 + 18 * i);
      });
      g.fillStyle = '#66707c';
      g.fillText('drag to turn', this.w - 80, this.h - 8);
    }

    hover(x, y) {
      let best = null;
      let bestD = 64; // within 8 px
      this.layers.forEach((l) => l.points.forEach((p) => {
        const [px, py] = this.project(p.value);
        const d = (px - x) ** 2 + (py - y) ** 2;
        if (d < bestD) { bestD = d; best = p; }
      }));
      this.tip.textContent = best ? 'trial ' + best.number + ': ' + best.value.map(fmt).join(', ') : '';
    }
  }

  function directionWord(d) { return d === 'maximize' ? 'maximize' : 'minimize'; }

  // ---------- studies page ----------

  async function studiesPage() {
    const app = document.getElementById('app');
    const errors = el('div', { id: 'errors' });
    // why a delete was refused (a study with RUNNING trials): stays until the next delete, unlike errors
    const refused = el('div', { id: 'delete-refused' });
    const tbody = el('tbody', { id: 'studies-rows' });
    const info = await api('/info').catch(() => ({ allow_write: false }));
    const cols = ['Study', 'Directions'].concat(STATES, ['Total', 'Best', 'Last activity'], info.allow_write ? [''] : []);
    const numeric = new Set(STATES.concat(['Total'])); // headed on the right, over their numbers
    const runs = el('section', { id: 'runs-section' }); // evolution runs (nas evolve), when the storage holds any
    app.replaceChildren(header(['studies']), el('main', {}, el('h1', {}, 'Studies'), errors, refused,
      el('table', { id: 'studies' }, el('thead', {}, el('tr', {}, cols.map((c) => el('th', { class: numeric.has(c) ? 'num' : null }, c)))), tbody), runs));

    let shown = null;
    let shownRuns = null;
    async function refresh() {
      try {
        const [list, runList] = await Promise.all([api('/studies'), api('/runs')]);
        const json = JSON.stringify(list);
        if (json !== shown) { // re-render only what changed, so that rows stay put while nothing happens
          shown = json;
          tbody.replaceChildren(...list.map((s) => studyRow(s, info.allow_write, refresh, refused)));
          if (list.length === 0) tbody.appendChild(el('tr', {}, el('td', { colspan: cols.length }, 'No study yet: start one with nas search.')));
        }
        const runsJson = JSON.stringify(runList);
        if (runsJson !== shownRuns) {
          shownRuns = runsJson;
          runs.replaceChildren(...(runList.length === 0 ? [] : [el('h1', { class: 'after-table' }, 'Evolution runs'),
            el('table', { id: 'runs' }, el('thead', {}, el('tr', {}, ['Run', 'Config', 'Seed', 'Status', 'Generations', 'Best',
              'Frames', 'Updated'].map((c) => el('th', { class: c === 'Seed' || c === 'Generations' ? 'num' : null }, c)))),
            el('tbody', { id: 'runs-rows' }, runList.map(runRow))),
            runList.some((r) => r.status === 'STOPPED') ? el('div', { class: 'note', id: 'runs-stopped-note' }, STOPPED_NOTE) : []].flat()));
        }
        errors.replaceChildren();
        setLive(true);
      } catch (e) {
        errorBox(errors, e);
        setLive(false, e.message);
      }
      document.body.dataset.ready = 'true';
    }
    await refresh();
    setInterval(refresh, POLL_MS);
  }

  function bestText(best) {
    if (!best) return '';
    if (best.front_size !== undefined) return 'Pareto front: ' + best.front_size + ' trial(s)';
    return fmt(best.value) + ' (trial ' + best.number + ')';
  }

  const runPath = (name) => '/runs/' + enc(name);
  /** What STOPPED means, as nas runs says it. */
  const STOPPED_NOTE = 'STOPPED: its process ended without finishing it (killed, or silent for longer than the grace); '
    + "'nas evolve --resume RUN' continues it from its last checkpoint";

  /** How long ago, from seconds: "4 s ago", "3 min 05 s ago". */
  function ago(seconds) {
    const s = Math.round(seconds);
    if (s < 60) return s + ' s ago';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + two(s % 60) + ' s ago';
    return Math.floor(s / 3600) + ' h ' + two(Math.floor(s / 60) % 60) + ' min ago';
  }

  /** A run's best fitness and the generation it was reached in. */
  function runBest(r) {
    return r.best === null || r.best === undefined ? '' : fmt(r.best) + ' (generation ' + r.best_generation + ')';
  }

  function runRow(r) {
    return el('tr', { dataset: { run: r.run } },
      el('td', {}, el('a', { href: BASE + '/run?name=' + enc(r.run), class: 'run-link' }, r.run)),
      el('td', {}, r.config), el('td', { class: 'num' }, r.seed),
      el('td', {}, el('span', { class: 'state ' + r.status }, r.status)),
      el('td', { class: 'num progress' }, r.generations + ' / ' + r.target), el('td', { class: 'best' }, runBest(r)),
      el('td', {}, r.frames_text), el('td', {}, time(r.updated)));
  }

  function studyRow(s, allowWrite, refresh, refused) {
    const cells = [
      el('td', {}, el('a', { href: BASE + '/study?name=' + enc(s.name), class: 'study-link' }, s.name)),
      el('td', {}, s.directions.join(', ')),
    ].concat(STATES.map((st) => el('td', { class: 'num count-' + st }, s.counts[st])),
      [el('td', { class: 'num total' }, s.trials), el('td', { class: 'best' }, s.error ? 'error: ' + s.error : s.loading ? 'reading trials…' : bestText(s.best)),
        el('td', {}, time(s.last_activity))]);
    if (allowWrite) {
      cells.push(el('td', {}, el('button', {
        class: 'danger', onclick: async () => {
          const typed = window.prompt('Delete study "' + s.name + '" and all its trials? Type its name to confirm.');
          if (typed !== s.name) return;
          refused.replaceChildren();
          const r = await fetch(BASE + '/api' + studyPath(s.name), {
            method: 'DELETE', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ confirm: s.name }),
          });
          if (!r.ok) errorBox(refused, (await r.json().catch(() => ({}))).error || 'delete failed: HTTP ' + r.status);
          refresh();
        },
      }, 'Delete')));
    }
    return el('tr', { dataset: { study: s.name } }, cells);
  }

  // ---------- study page ----------

  async function studyPage() {
    const name = REPORT ? REPORT.study : new URLSearchParams(location.search).get('name');
    const app = document.getElementById('app');
    const errors = el('div', { id: 'errors' });
    const counts = el('div', { class: 'counts', id: 'counts' });
    const grid = el('div', { class: 'grid', id: 'plots' });
    app.replaceChildren(header([el('a', { href: REPORT ? '#' : BASE + '/study?name=' + enc(name || '') }, name || '?')]),
      el('main', {}, el('h1', { id: 'study-name' }, name || ''), counts, errors, grid));
    if (!name) { errorBox(errors, 'no study named in the address (study?name=...)'); return; }

    let summary;
    try {
      summary = await api(studyPath(name));
    } catch (e) {
      errorBox(errors, e, REPORT ? null : TO_STUDIES);
      document.body.dataset.ready = 'true';
      if (!REPORT) setTimeout(studyPage, 2000);
      return;
    }
    const view = new StudyView(name, summary, grid);
    renderCounts(counts, summary);
    await view.drawAll();
    document.body.dataset.ready = 'true';
    if (REPORT) return;
    setLive(true);
    setInterval(async () => {
      try {
        const s = await api(studyPath(name));
        renderCounts(counts, s);
        errors.replaceChildren();
        setLive(true);
        if (s.version !== view.summary.version) {
          view.summary = s;
          await view.drawAll();
        }
      } catch (e) {
        errorBox(errors, e);
        setLive(false, e.message);
      }
    }, POLL_MS);
  }

  function renderCounts(box, s) {
    box.replaceChildren(el('span', {}, s.directions.map(directionWord).join(', ')),
      ...STATES.map((st) => el('span', { class: 'state ' + st, id: 'count-' + st }, st + ' ' + s.counts[st])),
      el('span', { id: 'count-total' }, s.trials + ' trials'),
      el('span', { id: 'best' }, s.best ? 'best: ' + bestText(s.best) : ''),
      // a large study is read in chunks: its plots show the first trials until every one is in
      el('span', { id: 'loading', class: 'loading' }, s.loading
        ? 'reading trials: ' + s.loading.loaded.toLocaleString('en') + ' of ' + s.loading.of.toLocaleString('en') + ' so far' : ''));
    document.body.dataset.version = s.version;
  }

  class StudyView {
    constructor(name, summary, grid) {
      this.name = name;
      this.summary = summary;
      this.objective = 0;
      this.logScale = false;
      this.logChosen = false; // the reader ticked or cleared the log box: the history keeps that choice
      this.table = REPORT ? { offset: 0, limit: 100, sort: 'value', order: summary.directions[0] === 'maximize' ? 'desc' : 'asc' }
        : { offset: 0, limit: 50, sort: 'number', order: 'asc' };
      this.filters = {};
      this.contour = {};
      const multi = summary.directions.length > 1;
      const cards = [card('Optimization history', 'history')];
      if (multi) cards.push(card('Pareto front', 'pareto'), card('Hypervolume history', 'hypervolume'));
      cards.push(card('Intermediate values', 'intermediate'), card('Parallel coordinates', 'parallel', true),
        card('Slices', 'slice', true), card('Contour', 'contour'),
        card(summary.screening ? 'Parameter importance (Morris μ*–σ)' : 'Parameter importance (fANOVA)', 'importance'),
        card('Empirical distribution of values', 'edf'), card('Timeline', 'timeline'),
        card(REPORT ? 'Best trials' : 'Trials', 'trials', true));
      grid.replaceChildren(...cards);
    }

    path(what, query) { return studyPath(this.name) + '/' + what + (query ? '?' + query : ''); }

    async drawAll() {
      const jobs = [this.guard('history', () => this.history()), this.guard('intermediate', () => this.intermediate()),
        this.guard('parallel', () => this.params()), this.guard('edf', () => this.edf()),
        this.guard('timeline', () => this.timeline()), this.guard('trials', () => this.trials())];
      if (this.summary.directions.length > 1) jobs.push(this.guard('pareto', () => this.pareto()));
      await Promise.all(jobs);
      // importance needs a forest: drawn last so that it never delays the other plots
      await this.guard('importance', () => this.importance());
    }

    async guard(id, draw) {
      try {
        await draw();
      } catch (e) {
        const box = document.getElementById(id + '-body');
        if (box) errorBox(box, e);
      }
    }

    objectiveName(k) {
      return this.summary.directions.length === 1 ? 'Objective value' : 'values_' + k;
    }

    async history() {
      const box = document.getElementById('history-body');
      const h = await api(this.path('history', 'objective=' + this.objective));
      if (h.points.length === 0) { // empty axes told nothing
        box.replaceChildren(el('div', { class: 'note', id: 'history-empty' }, 'No COMPLETE trial yet.'));
        return;
      }
      const positive = h.points.every((p) => p[1] > 0);
      // values over three decades or more: a linear axis flattens the best line against 0 (the early trials set its
      // top), so the log scale is on until the reader chooses
      const ys = h.points.map((p) => p[1]);
      const decades = positive ? Math.log10(Math.max(...ys) / Math.min(...ys)) : 0;
      if (!this.logChosen) this.logScale = decades >= 3;
      if (!document.getElementById('history-chart')) {
        const controls = el('div', { class: 'controls' });
        if (this.summary.directions.length > 1) {
          controls.appendChild(el('label', {}, 'objective ', el('select', {
            id: 'history-objective', onchange: (ev) => { this.objective = Number(ev.target.value); this.guard('history', () => this.history()); },
          }, this.summary.directions.map((d, k) => el('option', { value: k }, 'values_' + k + ' (' + d + ')')))));
        }
        controls.appendChild(el('label', {}, el('input', {
          type: 'checkbox', id: 'history-log', onchange: (ev) => {
            this.logScale = ev.target.checked;
            this.logChosen = true;
            this.guard('history', () => this.history());
          },
        }), ' log scale'));
        controls.appendChild(el('span', { class: 'note', id: 'history-note' }));
        box.replaceChildren(controls, chartBox('history'));
      }
      const logBox = document.getElementById('history-log');
      logBox.disabled = !positive;
      const log = this.logScale && positive;
      logBox.checked = log;
      document.getElementById('history-note').textContent = h.complete + ' COMPLETE trial(s)' +
        (h.thinned ? ', ' + h.points.length + ' shown (thinned; the best line is exact)' : '') + (positive ? '' : ' · log scale needs positive values')
        + (log && !this.logChosen ? ' · log scale: the values span ' + Math.floor(decades) + ' decades' : '');
      chart(document.getElementById('history-chart'), 'history', {
        legend: { data: ['Objective value', 'Best value'] },
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 40, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (p) => tooltipRows(p.seriesName, [['trial', p.value[0]], ['value', p.value[1]]]) },
        xAxis: { type: 'value', name: 'Trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
        yAxis: Object.assign({ type: log ? 'log' : 'value', name: this.objectiveName(this.objective) + ' (' + h.direction + ')', scale: true }, nameBesideLabels),
        dataZoom: [{ type: 'inside' }],
        series: [
          { name: 'Objective value', type: 'scatter', data: h.points, symbolSize: h.points.length > 2000 ? 3 : 6, itemStyle: { color: '#2f6fb3' } },
          { name: 'Best value', type: 'line', step: 'end', data: h.best, showSymbol: false, lineStyle: { color: '#c0392b', width: 2 }, itemStyle: { color: '#c0392b' } },
        ],
      });
    }

    async pareto() {
      const p = await api(this.path('pareto'));
      const box = document.getElementById('pareto-body');
      const m = p.directions.length;
      const pairs = m === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]].filter(([a, b]) => a < m && b < m);
      // replaceChildren writes a null argument as the text "null": the 3-D view is left out of the list instead
      const view3d = m === 3 ? [el('div', { class: 'chart', id: 'pareto-3d' })] : [];
      box.replaceChildren(el('div', { class: 'note', id: 'pareto-note' }, p.front.length + ' trial(s) on the front, ' +
        p.dominated.length + ' dominated shown faded; directions ' + p.directions.join(', ') +
        (m === 3 ? ' · in 3-D, then projected on each pair of objectives' : m > 3 ? ' · shown as projections on each pair of objectives' : '')),
      ...view3d, ...pairs.map(([a, b]) => chartBox('pareto-' + a + '-' + b, m > 2)));
      if (m === 3) {
        const point3 = (t) => ({ value: t.values, number: t.number });
        new Scatter3D(document.getElementById('pareto-3d'), 'pareto-3d', [0, 1, 2].map((k) => 'values_' + k), [
          { name: 'Dominated', color: '#8a8f98', size: 2.5, alpha: 0.3, points: p.dominated.map(point3) },
          { name: 'Pareto front', color: '#c0392b', size: 4, alpha: 1, points: p.front.map(point3) }]);
      }
      for (const [a, b] of pairs) {
        const point = (t) => ({ value: [t.values[a], t.values[b]], number: t.number });
        chart(document.getElementById('pareto-' + a + '-' + b + '-chart'), 'pareto-' + a + '-' + b, {
          legend: { data: ['Pareto front', 'Dominated'] },
          grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 40, bottom: 50 },
          tooltip: { trigger: 'item', formatter: (q) => tooltipRows('trial ' + q.data.number, [['values_' + a, q.data.value[0]], ['values_' + b, q.data.value[1]]]) },
          xAxis: { type: 'value', scale: true, name: 'values_' + a + ' (' + p.directions[a] + ')', nameLocation: 'middle', nameGap: 28,
            axisLabel: valueLabels, axisLine: { onZero: false } },
          yAxis: Object.assign({ type: 'value', scale: true, name: 'values_' + b + ' (' + p.directions[b] + ')', axisLine: { onZero: false } }, nameBesideLabels),
          series: [
            { name: 'Dominated', type: 'scatter', data: p.dominated.map(point), symbolSize: 5, itemStyle: { color: '#8a8f98', opacity: 0.25 } },
            { name: 'Pareto front', type: 'scatter', data: p.front.map(point), symbolSize: 9, itemStyle: { color: '#c0392b' } },
          ],
        });
      }
      const hv = document.getElementById('hypervolume-body');
      hv.replaceChildren(el('div', { class: 'note', id: 'hypervolume-note' }, p.front.length === 0 ? 'no hypervolume yet: no complete trial'
        : 'hypervolume ' + fmt(p.hypervolume) + (p.reference_point ? ' (reference point ' + p.reference_point.map(fmt).join(', ') + ')' : '')),
        chartBox('hypervolume'));
      chart(document.getElementById('hypervolume-chart'), 'hypervolume', {
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 20, bottom: 50 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: 'Trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
        yAxis: Object.assign({ type: 'value', name: 'Hypervolume', scale: true }, nameBesideLabels),
        series: [{ name: 'Hypervolume', type: 'line', step: 'end', data: p.history, showSymbol: false }],
      });
    }

    async intermediate() {
      const d = await api(this.path('intermediate'));
      const box = document.getElementById('intermediate-body');
      if (d.curves.length === 0) { box.replaceChildren(el('div', { class: 'note' }, 'No trial reported intermediate values.')); return; }
      box.replaceChildren(el('div', { class: 'note' }, d.reporting + ' trial(s) reported' +
        (d.reporting > d.curves.length ? ', the latest ' + d.curves.length + ' shown' : '') + '; ▲ marks where a pruned trial stopped'),
      chartBox('intermediate'));
      const series = d.curves.map((c) => ({
        name: 'trial ' + c.number, type: 'line', data: c.steps, showSymbol: false, number: c.number,
        lineStyle: { width: 1, color: STATE_COLORS[c.state] || '#666', opacity: 0.7 }, itemStyle: { color: STATE_COLORS[c.state] },
      }));
      series.push({
        name: 'Pruned', type: 'scatter', symbol: 'triangle', symbolSize: 9, itemStyle: { color: STATE_COLORS.PRUNED },
        data: d.curves.filter((c) => c.state === 'PRUNED' && c.steps.length).map((c) => c.steps[c.steps.length - 1]),
      });
      chart(document.getElementById('intermediate-chart'), 'intermediate', {
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 20, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (p) => tooltipRows(p.seriesName, [['step', p.value[0]], ['value', p.value[1]]]) },
        xAxis: { type: 'value', name: 'Step', nameLocation: 'middle', nameGap: 28 },
        yAxis: Object.assign({ type: 'value', name: 'Intermediate value', scale: true }, nameBesideLabels),
        series,
      });
    }

    /**
     * A parameter's plot axis: its choices, or its search range (a wider one when some trial's value lies outside,
     * as a range changed between trials allows). Rounded-out ends made [-5, 5] read as [-6, 6].
     */
    axisFor(p, values) {
      if (p.type === 'categorical') return { type: 'category', data: p.choices };
      const seen = (values || []).filter((v) => typeof v === 'number');
      const min = Math.min(p.low, ...seen);
      const max = Math.max(p.high, ...seen);
      return Object.assign({ type: p.log ? 'log' : 'value', scale: true }, max > min ? { min, max } : {});
    }

    cell(p, v) {
      if (v === null || v === undefined) return null;
      return p.type === 'categorical' ? p.choices[v] : v;
    }

    async params() {
      const d = await api(this.path('params'));
      this.paramData = d;
      const k = this.objective;
      const values = d.values[k] || [];
      const thinned = d.numbers.length < d.complete ? ' (' + d.numbers.length + ' of ' + d.complete + ' shown, evenly thinned)' : '';
      const pbox = document.getElementById('parallel-body');
      if (d.params.length === 0 || values.length === 0) {
        const msg = el('div', { class: 'note' }, values.length === 0 ? 'No COMPLETE trial yet.' : 'The study has no parameter.');
        pbox.replaceChildren(msg);
        document.getElementById('slice-body').replaceChildren(msg.cloneNode(true));
        document.getElementById('contour-body').replaceChildren(msg.cloneNode(true));
        return;
      }
      const vmin = Math.min(...values);
      const vmax = Math.max(...values);
      const maximize = this.summary.directions[k] === 'maximize';
      const colors = maximize ? ['#d0d8e8', '#17365c'] : ['#17365c', '#d0d8e8'];
      pbox.replaceChildren(el('div', { class: 'note' }, 'one line per COMPLETE trial' + thinned + '; darker = better'), chartBox('parallel'));
      const axes = d.params.map((p, i) => Object.assign({ dim: i, name: p.name }, this.axisFor(p, d.columns[p.name])));
      // the objective's name whole even where many axes stand close (ECharts cut it to the spacing: 'Objecti...'),
      // written from its axis into the right margin, clear of the last parameter's name
      // its labels written as the other charts write values ('1.0e+6', where ECharts wrote '1,000,000')
      axes.push({ dim: d.params.length, name: this.objectiveName(k), type: 'value', scale: true, nameTruncate: { maxWidth: 160 },
        nameTextStyle: { fontSize: 11, align: 'left', padding: [0, 0, 0, -6] }, axisLabel: valueLabels });
      const rows = d.numbers.map((n, r) => d.params.map((p) => this.cell(p, d.columns[p.name][r])).concat([values[r]]));
      chart(document.getElementById('parallel-chart'), 'parallel', {
        parallelAxis: axes,
        // the axes over the lines (z 3 > the series' 2), their labels on a light ground: the lines that meet at a
        // category ('adam', 'sgd') or cross a tick were drawn over its label
        parallel: { left: 60, right: 90, top: 40, bottom: 30 + SCALE_BAND, parallelAxisDefault: { nameTextStyle: { fontSize: 11 }, nameGap: 12,
          z: 3, axisLabel: { backgroundColor: 'rgba(255, 255, 255, 0.8)', padding: [1, 2], hideOverlap: true } } },
        visualMap: colourScale(vmin, vmax, colors, maximize, { dimension: d.params.length }),
        series: [{ type: 'parallel', data: rows, lineStyle: { width: 1, opacity: rows.length > 1000 ? 0.2 : 0.5 } }],
      });
      this.slices(d, values, vmin, vmax, colors);
      this.contourControls(d);
    }

    slices(d, values, vmin, vmax, colors) {
      const box = document.getElementById('slice-body');
      const shown = d.params.slice(0, 40);
      // values over three decades or more on a log axis, as the history starts: linear, all but a few lay flat on 0
      const log = vmin > 0 && Math.log10(vmax / vmin) >= 3;
      box.replaceChildren(el('div', { class: 'note', id: 'slice-note' }, 'objective value against each parameter over its search range; '
        + 'colour: trial number, light = early, dark = late' + (log ? '; values on a log axis (they span '
          + Math.floor(Math.log10(vmax / vmin)) + ' decades)' : '') +
        (d.params.length > shown.length ? '; the first ' + shown.length + ' parameters' : '')),
      el('div', { class: 'slices' }, shown.map((p, i) => chartBox('slice-' + i, true))));
      const nmax = d.numbers.length ? d.numbers[d.numbers.length - 1] : 1;
      shown.forEach((p, i) => {
        const data = [];
        d.numbers.forEach((n, r) => {
          const v = this.cell(p, d.columns[p.name][r]);
          if (v !== null) data.push([v, values[r], n]);
        });
        chart(document.getElementById('slice-' + i + '-chart'), 'slice-' + i, {
          title: { text: p.name, left: 'center', textStyle: { fontSize: 12 } },
          grid: { left: 60, right: 15, top: 30, bottom: 30 },
          tooltip: { trigger: 'item', formatter: (q) => tooltipRows('trial ' + q.value[2], [[p.name, q.value[0]], ['value', q.value[1]]]) },
          // the axes at the plot's edges: at zero (the default) a range across 0 had its y axis drawn through the middle
          xAxis: Object.assign({ axisLine: { onZero: false } }, this.axisFor(p, d.columns[p.name])),
          yAxis: { type: log ? 'log' : 'value', scale: true, axisLabel: valueLabels, axisLine: { onZero: false } },
          visualMap: { show: false, dimension: 2, min: 0, max: Math.max(1, nmax), inRange: { color: ['#b8cce4', '#17365c'] } },
          series: [{ type: 'scatter', data, symbolSize: data.length > 2000 ? 3 : 6 }],
        });
      });
    }

    contourControls(d) {
      const box = document.getElementById('contour-body');
      if (d.params.length < 2) { box.replaceChildren(el('div', { class: 'note' }, 'A contour needs two parameters.')); return; }
      const names = d.params.map((p) => p.name);
      if (!names.includes(this.contour.x)) this.contour.x = names[0];
      if (!names.includes(this.contour.y) || this.contour.y === this.contour.x) this.contour.y = names.find((n) => n !== this.contour.x);
      const select = (axis) => el('select', { id: 'contour-' + axis, onchange: (ev) => { this.contour[axis] = ev.target.value; this.drawContour(); } },
        names.map((n) => el('option', { value: n, selected: n === this.contour[axis] }, n)));
      box.replaceChildren(el('div', { class: 'controls' }, el('label', {}, 'x ', select('x')), el('label', {}, 'y ', select('y')),
        el('span', { class: 'note' }, 'kernel-smoothed surface of the values, iso-lines at 9 levels, dots: trials; blank: no trial near')), chartBox('contour'));
      this.drawContour();
    }

    drawContour() {
      const d = this.paramData;
      const k = this.objective;
      const values = d.values[k];
      const maximize = this.summary.directions[k] === 'maximize';
      const px = d.params.find((p) => p.name === this.contour.x);
      const py = d.params.find((p) => p.name === this.contour.y);
      const pts = [];
      d.numbers.forEach((num, r) => {
        const vx = d.columns[px.name][r];
        const vy = d.columns[py.name][r];
        if (vx !== null && vy !== null) pts.push([axisValue(px, vx), axisValue(py, vy), values[r], num]);
      });
      const c = contourSurface(pts);
      window.nasContour = c; // for tests: the surface, its levels and iso-line segments
      const cells = [];
      c.z.forEach((row, j) => row.forEach((v, i) => {
        if (v !== null) cells.push([c.xs[i] - c.dx / 2, c.ys[j] - c.dy / 2, c.xs[i] + c.dx / 2, c.ys[j] + c.dy / 2, v]);
      }));
      const zs = cells.map((q) => q[4]);
      const vmin = Math.min(...zs);
      const vmax = Math.max(...zs);
      // a category sits on its index (a tick each); a number's axis spans its trials, ticks at round values only
      const axis = (p, lo, hi) => Object.assign({ type: 'value', min: lo, max: hi, name: p.name + (p.log ? ' (log)' : ''),
        axisLabel: { formatter: (v) => axisLabelOf(p, v), showMinLabel: p.type === 'categorical', showMaxLabel: p.type === 'categorical' },
        splitLine: { show: false } }, p.type === 'categorical' ? { interval: 1 } : {});
      chart(document.getElementById('contour-chart'), 'contour', {
        grid: { left: 80, right: 40, top: 34, bottom: 60 + SCALE_BAND },
        tooltip: { trigger: 'item', formatter: (q) => (q.seriesIndex === 2
          ? tooltipRows('trial ' + q.value[3], [[px.name, axisLabelOf(px, q.value[0])], [py.name, axisLabelOf(py, q.value[1])], ['value', q.value[2]]])
          : q.seriesIndex === 1 ? tooltipRows('iso-line', [['value', q.value[4]]])
            : tooltipRows('smoothed surface', [[px.name, axisLabelOf(px, (q.value[0] + q.value[2]) / 2)],
              [py.name, axisLabelOf(py, (q.value[1] + q.value[3]) / 2)], ['value', q.value[4]]])) },
        xAxis: Object.assign(axis(px, c.x0, c.x1), { nameLocation: 'middle', nameGap: 35 }),
        yAxis: axis(py, c.y0, c.y1),
        visualMap: colourScale(vmin, vmax, maximize ? ['#f7fbff', '#08306b'] : ['#08306b', '#f7fbff'], maximize, { seriesIndex: 0, dimension: 4 }),
        series: [
          { type: 'custom', name: 'surface', data: cells, encode: { x: [0, 2], y: [1, 3] }, renderItem: (params, api) => {
            const a = api.coord([api.value(0), api.value(3)]);
            const b = api.coord([api.value(2), api.value(1)]);
            return { type: 'rect', shape: { x: a[0], y: a[1], width: b[0] - a[0] + 0.5, height: b[1] - a[1] + 0.5 }, style: { fill: api.visual('color') } };
          } },
          { type: 'custom', name: 'iso-lines', data: c.segments, encode: { x: [0, 2], y: [1, 3] }, renderItem: (params, api) => {
            const a = api.coord([api.value(0), api.value(1)]);
            const b = api.coord([api.value(2), api.value(3)]);
            return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: '#e8590c', lineWidth: 1.2 } };
          } },
          { type: 'scatter', name: 'trials', data: pts, symbolSize: pts.length > 1000 ? 2 : 4, itemStyle: { color: '#1d232b', opacity: 0.6 } },
        ],
      });
    }

    async importance() {
      const box = document.getElementById('importance-body');
      const r = await api(this.path('importance', 'objective=' + this.objective));
      if (r.pending) {
        box.replaceChildren(el('div', { class: 'note', id: 'importance-note' }, 'computing the importance over ' + r.trials + ' COMPLETE trial(s)…'));
        clearTimeout(this.importanceRetry);
        this.importanceRetry = setTimeout(() => this.guard('importance', () => this.importance()), 1000);
        return;
      }
      if (r.error) { box.replaceChildren(el('div', { class: 'note', id: 'importance-note' }, r.error)); return; }
      const params = r.parameters;
      if (r.evaluator === 'morris') {
        box.replaceChildren(el('div', { class: 'note', id: 'importance-note' }, 'Morris elementary effects: μ* (mean |effect|) against σ; ' +
          r.completed + ' of ' + r.design_points + ' design points complete'), chartBox('importance'));
        chart(document.getElementById('importance-chart'), 'importance', {
          grid: { left: NAME_BESIDE_LABELS_LEFT, right: 30, top: 20, bottom: 50 },
          tooltip: { trigger: 'item', formatter: (q) => tooltipRows(q.data.name, [['μ*', q.data.value[0]], ['σ', q.data.value[1]], ['μ', q.data.mu]]) },
          xAxis: { type: 'value', name: 'μ*', nameLocation: 'middle', nameGap: 28, scale: true },
          yAxis: Object.assign({ type: 'value', name: 'σ', scale: true }, nameBesideLabels),
          series: [{ type: 'scatter', symbolSize: 9, label: { show: true, position: 'right', formatter: (q) => q.data.name },
            data: params.map((p) => ({ name: p.name, value: [p.mu_star, isFinite(p.sigma) ? p.sigma : 0], mu: p.mu })) }],
        });
        return;
      }
      // parameters of the study that are not ranked and not named in a note (the constant ones are): those some
      // COMPLETE trials lack, such as a conditional one; a bar missing without a word read as an importance of 0
      const ranked = new Set(params.map((p) => p.name));
      const unranked = this.summary.params.map((p) => p.name)
        .filter((n) => !ranked.has(n) && !r.notes.some((note) => note.startsWith('parameters that never varied') && note.includes(n)));
      const notes = r.notes.concat(unranked.length ? ['not ranked: ' + unranked.join(', ')
        + ' (fANOVA ranks the parameters every COMPLETE trial has, with one distribution)'] : []);
      box.replaceChildren(el('div', { class: 'note', id: 'importance-note' }, 'fANOVA share of variance of ' + r.target + ' over ' +
        r.trials_used + ' COMPLETE trial(s); whiskers: ± spread over the forest\'s trees' + (notes.length ? ' · ' + notes.join(' · ') : '')),
      el('div', { class: 'chart', id: 'importance-chart', style: 'height:' + Math.max(200, 40 + 26 * params.length) + 'px' }));
      const names = params.map((p) => p.name).reverse();
      const bars = params.map((p) => p.importance).reverse();
      const spread = params.map((p) => p.spread).reverse();
      chart(document.getElementById('importance-chart'), 'importance', {
        grid: { left: 140, right: 50, top: 10, bottom: 40 },
        tooltip: { trigger: 'item', formatter: (q) => tooltipRows(names[q.dataIndex], [['importance', bars[q.dataIndex]], ['spread', spread[q.dataIndex]]]) },
        xAxis: { type: 'value', name: 'importance', nameLocation: 'middle', nameGap: 25, min: 0 },
        yAxis: { type: 'category', data: names },
        series: [
          { name: 'importance', type: 'bar', data: bars, itemStyle: { color: '#2f6fb3' } },
          { name: 'spread', type: 'custom', data: bars.map((b, i) => [i, b - spread[i], b + spread[i]]), z: 10, encode: { x: [1, 2], y: 0 },
            renderItem: (params2, api2) => {
              const y = api2.coord([0, api2.value(0)])[1];
              const x0 = api2.coord([Math.max(0, api2.value(1)), 0])[0];
              const x1 = api2.coord([api2.value(2), 0])[0];
              const style = { stroke: '#1d232b', lineWidth: 1 };
              // the bar's value written past its whisker: the bars alone gave no number to read or compare
              return { type: 'group', children: [
                { type: 'line', shape: { x1: x0, y1: y, x2: x1, y2: y }, style },
                { type: 'line', shape: { x1: x0, y1: y - 4, x2: x0, y2: y + 4 }, style },
                { type: 'line', shape: { x1, y1: y - 4, x2: x1, y2: y + 4 }, style },
                { type: 'text', style: { text: bars[params2.dataIndex].toFixed(3), x: x1 + 6, y, verticalAlign: 'middle',
                  fill: '#1d232b', font: '11px system-ui, sans-serif' } }] };
            } },
        ],
      });
    }

    async edf() {
      const d = await api(this.path('edf'));
      const box = document.getElementById('edf-body');
      if (d.curves.every((c) => c.length === 0)) {
        box.replaceChildren(el('div', { class: 'note', id: 'edf-empty' }, 'No COMPLETE trial yet.'));
        return;
      }
      if (!document.getElementById('edf-chart')) box.replaceChildren(chartBox('edf'));
      const xs = d.curves.flat().map((p) => p[0]);
      const log = xs.every((x) => x > 0) && Math.log10(Math.max(...xs) / Math.min(...xs)) >= 3;
      chart(document.getElementById('edf-chart'), 'edf', {
        legend: { data: d.curves.map((c, k) => this.objectiveName(k)) },
        // room on the right for half of the last label ('1.2e+5' ran past the edge)
        grid: { left: 70, right: 30, top: 40, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (q) => tooltipRows(q.seriesName, [['value', q.value[0]], ['share ≤ value', q.value[1]]]) },
        // values over three decades or more on a log axis, as the history starts
        xAxis: { type: log ? 'log' : 'value', scale: true, name: 'Objective value' + (log ? ' (log scale)' : ''), nameLocation: 'middle',
          nameGap: 28, axisLabel: valueLabels },
        yAxis: { type: 'value', min: 0, max: 1, name: 'Cumulative share of trials', nameLocation: 'middle', nameGap: 40 },
        series: d.curves.map((c, k) => ({ name: this.objectiveName(k), type: 'line', step: 'end', data: c, showSymbol: false })),
      });
    }

    async timeline() {
      const d = await api(this.path('timeline'));
      const box = document.getElementById('timeline-body');
      if (d.bars.length === 0) {
        box.replaceChildren(el('div', { class: 'note', id: 'timeline-empty' }, 'No trial started yet.'));
        return;
      }
      box.replaceChildren(el('div', { class: 'note' }, d.started + ' started trial(s)' + (d.bars.length < d.started ? ', ' + d.bars.length + ' shown' : '')), chartBox('timeline'));
      const now = REPORT ? new Date(REPORT.created).getTime() : Date.now();
      const series = STATES.map((st) => ({
        name: st, type: 'custom', itemStyle: { color: STATE_COLORS[st] },
        encode: { x: [1, 2], y: 0 },
        data: d.bars.filter((b) => b[3] === st).map((b) => [b[0], b[1], b[2] === null ? now : b[2]]),
        renderItem: (params2, api2) => {
          const start = api2.coord([api2.value(1), api2.value(0)]);
          const end = api2.coord([api2.value(2), api2.value(0)]);
          const h = Math.max(1, Math.min(8, api2.size([0, 1])[1] * 0.8));
          return { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width: Math.max(1, end[0] - start[0]), height: h }, style: api2.style() };
        },
      })).filter((s) => s.data.length);
      const ends = series.flatMap((s) => s.data.flatMap((b) => [b[1], b[2]]));
      const span = Math.max(...ends) - Math.min(...ends);
      chart(document.getElementById('timeline-chart'), 'timeline', {
        legend: { data: series.map((s) => s.name) },
        // room on the right for half a time label (about 65 px): a tick near the end had its label cut by the edge
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 40, top: 40, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (q) => tooltipRows('trial ' + q.value[0], [['state', q.seriesName], ['start', clock(new Date(q.value[1]))], ['duration', duration(q.value[2] - q.value[1])]]) },
        xAxis: { type: 'time', name: 'Time', nameLocation: 'middle', nameGap: 28, axisLabel: clockLabels(span) },
        yAxis: Object.assign({ type: 'value', name: 'Trial', minInterval: 1 }, nameBesideLabels),
        series,
      });
    }

    tableQuery() {
      const t = this.table;
      const f = this.filters;
      const q = ['offset=' + t.offset, 'limit=' + t.limit, 'sort=' + enc(t.sort), 'order=' + t.order];
      for (const key of ['state', 'objective', 'value_min', 'value_max', 'param', 'param_min', 'param_max']) {
        if (f[key] !== undefined && f[key] !== '') q.push(key + '=' + enc(f[key]));
      }
      return q.join('&');
    }

    async trials() {
      const box = document.getElementById('trials-body');
      const page = await api(this.path('trials', this.tableQuery()));
      const params = this.summary.params.map((p) => p.name);
      const m = this.summary.directions.length;
      if (!document.getElementById('trials-table')) box.replaceChildren(REPORT ? el('div') : this.filterControls(params),
        el('div', { id: 'trials-table' }), el('div', { class: 'pager', id: 'trials-pager' }));
      const sortable = (label, key, numeric) => el('th', {
        class: 'sortable' + (numeric ? ' num' : ''), dataset: { sort: key }, onclick: () => {
          if (REPORT) return;
          this.table.order = this.table.sort === key && this.table.order === 'asc' ? 'desc' : 'asc';
          this.table.sort = key;
          this.table.offset = 0;
          this.guard('trials', () => this.trials());
        },
      }, label + (this.table.sort === key ? (this.table.order === 'asc' ? ' ▲' : ' ▼') : ''));
      const heads = [sortable('Number', 'number', true), sortable('State', 'state')]
        .concat(m === 1 ? [sortable('Value', 'value', true)] : Array.from({ length: m }, (_, k) => el('th', { class: 'num' }, 'values_' + k)))
        .concat([sortable('Duration', 'duration', true), sortable('Start', 'start')], params.map((p) => sortable(p, 'param:' + p, true)));
      const rows = page.rows.map((r) => el('tr', { dataset: { number: r.number } },
        el('td', { class: 'num' }, REPORT ? String(r.number) : el('a', { href: BASE + '/trial?study=' + enc(this.name) + '&number=' + r.number }, r.number)),
        el('td', {}, el('span', { class: 'state ' + r.state }, r.state)),
        Array.from({ length: m }, (_, k) => el('td', { class: 'num' }, fmt(r.values[k]))),
        el('td', { class: 'num' }, duration(r.duration_ms)), el('td', {}, time(r.datetime_start)),
        params.map((p) => el('td', { class: 'num' }, fmt(r.params[p])))));
      document.getElementById('trials-table').replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, heads)), el('tbody', {}, rows)));
      const last = Math.min(page.total, page.offset + page.rows.length);
      const pager = document.getElementById('trials-pager');
      pager.replaceChildren(el('span', { id: 'trials-range' }, page.total === 0 ? (this.summary.trials === 0 ? 'no trial yet' : 'no matching trial') : (page.offset + 1) + '–' + last + ' of ' + page.total));
      if (!REPORT) {
        pager.append(el('button', { id: 'trials-prev', disabled: page.offset === 0, onclick: () => { this.table.offset = Math.max(0, page.offset - page.limit); this.guard('trials', () => this.trials()); } }, '‹ previous'),
          el('button', { id: 'trials-next', disabled: last >= page.total, onclick: () => { this.table.offset = page.offset + page.limit; this.guard('trials', () => this.trials()); } }, 'next ›'));
      }
    }

    filterControls(params) {
      const input = (id, placeholder) => el('input', { type: 'text', id, placeholder });
      const stateBoxes = STATES.map((st) => el('label', {}, el('input', { type: 'checkbox', class: 'state-filter', value: st }), ' ' + st));
      const apply = () => {
        const get = (id) => document.getElementById(id).value.trim();
        const states = [...document.querySelectorAll('.state-filter:checked')].map((c) => c.value);
        this.filters = { state: states.join(','), objective: this.objective, value_min: get('filter-value-min'), value_max: get('filter-value-max'),
          param: get('filter-param'), param_min: get('filter-param-min'), param_max: get('filter-param-max') };
        this.table.offset = 0;
        this.guard('trials', () => this.trials());
      };
      return el('div', { class: 'controls' }, stateBoxes,
        el('label', {}, 'value ', input('filter-value-min', 'min'), ' – ', input('filter-value-max', 'max')),
        el('label', {}, 'parameter ', el('select', { id: 'filter-param' }, el('option', { value: '' }, '(any)'), params.map((p) => el('option', { value: p }, p)))),
        input('filter-param-min', 'min'), ' – ', input('filter-param-max', 'max'),
        el('button', { id: 'filter-apply', onclick: apply }, 'Apply'));
    }
  }

  // ---------- trial page ----------

  /** A distribution as a reader says it: "float in [-5, 5]", "float in [0.0001, 1], log scale", "int in [4, 24], step 4", "one of sgd, adam". */
  function distributionText(d) {
    if (!d || typeof d !== 'object') return d ? String(d) : '';
    if (d.type === 'categorical') return 'one of ' + d.choices.join(', ');
    return d.type + ' in [' + fmt(d.low) + ', ' + fmt(d.high) + ']' + (d.log ? ', log scale' : '')
      + (d.step !== undefined ? ', step ' + fmt(d.step) : '');
  }

  async function trialPage() {
    const q = new URLSearchParams(location.search);
    const name = q.get('study');
    const number = q.get('number');
    const app = document.getElementById('app');
    const main = el('main');
    app.replaceChildren(header([el('a', { href: BASE + '/study?name=' + enc(name || '') }, name || '?'), 'trial ' + (number || '?')]), main);
    let t;
    try {
      t = await api(studyPath(name || '') + '/trials/' + enc(number || ''));
    } catch (e) {
      errorBox(main, e, name ? ['study ' + name, BASE + '/study?name=' + enc(name)] : TO_STUDIES);
      document.body.dataset.ready = 'true';
      return;
    }
    const kv = (pairs) => el('dl', { class: 'kv' }, pairs.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    // a pruned trial's value is its last report: say which step, and mark it on the learning curve
    const lastReport = t.intermediate_values.length ? t.intermediate_values[t.intermediate_values.length - 1] : null;
    const prunedAt = t.state === 'PRUNED' && lastReport && t.values.length === 1 && t.values[0] === lastReport[1]
      ? ' (its last report, step ' + lastReport[0] + ', where it was pruned)' : '';
    const attrs = (obj, id) => Object.keys(obj).length === 0 ? el('div', { class: 'note' }, 'none')
      : el('table', { id }, el('tbody', {}, Object.entries(obj).map(([k, v]) => el('tr', {}, el('td', {}, k),
        el('td', {}, typeof v === 'object' ? el('pre', {}, JSON.stringify(v, null, 1)) : String(v))))));
    const params = el('table', { id: 'trial-params' }, el('thead', {}, el('tr', {}, el('th', {}, 'Parameter'), el('th', {}, 'Value'), el('th', {}, 'Distribution'))),
      el('tbody', {}, Object.entries(t.params).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, fmt(v)), el('td', {}, distributionText(t.distributions[k]))))));
    const info = el('section', { class: 'card wide' }, el('h2', {}, 'Trial ' + t.number), kv([
      ['state', el('span', { class: 'state ' + t.state, id: 'trial-state' }, t.state)],
      // an empty row read as a page still loading
      ['values', el('span', { id: 'trial-values' }, t.values.length ? t.values.map(fmt).join(', ') + prunedAt
        : t.state === 'FAIL' ? 'none (it failed' + (t.fail_reason ? ': see fail_reason below)' : ')')
          : t.state === 'RUNNING' || t.state === 'WAITING' ? 'none yet' : 'none')],
      ['started', time(t.datetime_start)], ['completed', time(t.datetime_complete)], ['duration', duration(t.duration_ms)],
    ].concat(t.fail_reason ? [['fail_reason', el('span', { id: 'fail-reason' }, String(t.fail_reason))]] : [])));
    const grid = el('div', { class: 'grid' }, info, el('section', { class: 'card' }, el('h2', {}, 'Parameters'), params),
      el('section', { class: 'card', id: 'trial-intermediate' }, el('h2', {}, 'Intermediate values'),
        t.intermediate_values.length ? chartBox('trial-intermediate') : el('div', { class: 'note' }, 'none reported')),
      el('section', { class: 'card' }, el('h2', {}, 'User attributes'), attrs(t.user_attrs, 'user-attrs')),
      el('section', { class: 'card' }, el('h2', {}, 'System attributes'), attrs(t.system_attrs, 'system-attrs')));
    main.replaceChildren(el('h1', {}, 'Trial ' + t.number + ' of ', el('span', { id: 'study-name' }, name)), grid);
    if (t.intermediate_values.length) {
      chart(document.getElementById('trial-intermediate-chart'), 'trial-intermediate', {
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 20, bottom: 50 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: t.user_attrs.best_genome ? 'Generation' : 'Step', nameLocation: 'middle', nameGap: 28 },
        yAxis: Object.assign({ type: 'value', name: t.user_attrs.best_genome ? 'Mean best-ever fitness' : 'Intermediate value', scale: true }, nameBesideLabels),
        series: [{ type: 'line', name: 'reported', data: t.intermediate_values, showSymbol: t.intermediate_values.length < 60 }]
          .concat(t.state === 'PRUNED' && lastReport ? [{ type: 'scatter', name: 'pruned here', symbol: 'triangle', symbolSize: 11,
            itemStyle: { color: STATE_COLORS.PRUNED }, data: [lastReport] }] : []),
      });
    }
    if (Array.isArray(t.user_attrs.generation_best)) {
      const gens = el('section', { class: 'card' }, el('h2', {}, 'Fitness per generation (mean over seeds)'), chartBox('generations'));
      grid.insertBefore(gens, grid.children[2]);
      chart(document.getElementById('generations-chart'), 'generations', {
        legend: { data: ['best', 'mean'] },
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 40, bottom: 50 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: 'Generation', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
        yAxis: Object.assign({ type: 'value', name: 'Fitness', scale: true }, nameBesideLabels),
        series: [{ name: 'best', type: 'line', data: t.user_attrs.generation_best.map((v, g) => [g, v]), showSymbol: false },
          { name: 'mean', type: 'line', data: t.user_attrs.generation_mean.map((v, g) => [g, v]), showSymbol: false }],
      });
    }
    if (t.user_attrs.best_genome) {
      const section = el('section', { class: 'card wide', id: 'replay' }, el('h2', {}, 'Creature replay (best genome, re-simulated)'),
        el('div', { id: 'replay-body' }, el('div', { class: 'note' }, 'simulating…')));
      grid.insertBefore(section, grid.children[1]);
      try {
        replay(document.getElementById('replay-body'), await api(studyPath(name) + '/trials/' + t.number + '/replay'));
      } catch (e) {
        errorBox(document.getElementById('replay-body'), e);
      }
    }
    document.body.dataset.ready = 'true';
  }

  // ---------- Evolution Lab creature replay ----------

  /* Top view (x, z) of the arena: the centre-of-mass path so far, pellets (current one filled, collected ones
   * ringed), and the body (muscles as lines, nodes as discs shaded by height); below, a side view (x, y). */
  /** The trial page's replay: a re-simulated best creature with every fitness term. */
  function replay(box, r) {
    const f = r.fitness;
    animate(box, r, {
      note: 'seed ' + r.seed + ', generation ' + r.generation + ', ' + r.frames.length + ' frames; stored fitness ' + fmt(f.stored_fitness),
      terms: ['fitness', 'pellets_collected', 'banked', 'progress', 'distance', 'efficiency_penalty', 'regression_penalty', 'distance_traveled']
        .map((k) => [k.replace(/_/g, ' ') + (k === 'distance_traveled' ? ' (m)' : ''), f[k]]),
      disqualified: f.disqualified,
    });
  }

  /**
   * Animates a creature's frames in box: r holds the frames ({ t, nodes, com, pellet, collected }, metres), the
   * seconds between frames (dt), the muscles (node pairs), node radii and the pellet collections ([t, x, y, z]);
   * info a note beside the controls, the terms ([name, value]) written under the drawing and whether it was
   * disqualified. The trial page (frames simulated again) and the run page (stored frames) show creatures alike.
   */
  function animate(box, r, info) {
    const frames = r.frames;
    const canvas = el('canvas', { class: 'replay', id: 'replay-canvas', width: 900, height: 420 });
    const state = { frame: 0, playing: true, speed: 1, last: null, draws: 0 };
    window.nasReplay = { data: r, state, drawnPath: [] };
    const terms = el('div', { class: 'terms', id: 'replay-terms' },
      info.terms.map(([k, v]) => el('span', {}, k + ' ', el('b', {}, fmt(v)))),
      info.disqualified ? el('span', { class: 'state FAIL' }, 'disqualified') : null);
    const clock = el('span', { id: 'replay-time' });
    const slider = el('input', { type: 'range', min: 0, max: frames.length - 1, value: 0, id: 'replay-slider',
      oninput: (ev) => { state.frame = Number(ev.target.value); draw(); } });
    const play = el('button', { id: 'replay-play', onclick: () => { state.playing = !state.playing; play.textContent = state.playing ? 'pause' : 'play'; } }, 'pause');
    const speed = el('select', { id: 'replay-speed', onchange: (ev) => { state.speed = Number(ev.target.value); } },
      [0.25, 0.5, 1, 2, 4].map((v) => el('option', { value: v, selected: v === 1 }, v + '×')));
    const legend = el('div', { class: 'note', id: 'replay-legend' }, 'Top: the arena seen from above (yellow: the pellet to reach, '
      + 'green rings: pellets collected, red: the centre of mass and its path; lighter nodes are higher). Bottom band: '
      + 'the same body seen from the side, on the ground line.');
    box.replaceChildren(el('div', { class: 'controls' }, play, el('label', {}, 'speed ', speed), slider, clock,
      el('span', { class: 'note', id: 'replay-note' }, info.note)), canvas, terms, legend);

    let minX = Infinity; let maxX = -Infinity; let minZ = Infinity; let maxZ = -Infinity; let maxY = 0.1;
    const extend = (x, z) => { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minZ = Math.min(minZ, z); maxZ = Math.max(maxZ, z); };
    for (const fr of frames) {
      fr.nodes.forEach((n) => { extend(n[0], n[2]); maxY = Math.max(maxY, n[1]); });
      extend(fr.pellet[0], fr.pellet[2]);
    }
    const ctx = canvas.getContext('2d');
    const W = canvas.width; const H = canvas.height; const side = 110;
    const span = Math.max(maxX - minX, maxZ - minZ, 1) * 1.1;
    const cx = (minX + maxX) / 2; const cz = (minZ + maxZ) / 2;
    const scale = Math.min(W, H - side) / span;
    const top = (x, z) => [W / 2 + (x - cx) * scale, (H - side) / 2 + (z - cz) * scale];
    const sideScale = Math.min(scale, (side - 20) / maxY);
    const sideView = (x, y) => [W / 2 + (x - cx) * scale, H - 10 - y * sideScale];

    function draw() {
      const fr = frames[state.frame];
      ctx.clearRect(0, 0, W, H);
      ctx.fillStyle = '#f3f6f9'; ctx.fillRect(0, H - side, W, side);
      ctx.strokeStyle = '#9aa5b1'; ctx.beginPath(); ctx.moveTo(0, H - 10); ctx.lineTo(W, H - 10); ctx.stroke();
      // centre-of-mass path up to this frame
      ctx.strokeStyle = '#c0392b'; ctx.lineWidth = 1.5; ctx.beginPath();
      const path = [];
      for (let i = 0; i <= state.frame; i++) {
        const p = top(frames[i].com[0], frames[i].com[2]);
        path.push([frames[i].com[0], frames[i].com[2]]);
        if (i === 0) ctx.moveTo(p[0], p[1]); else ctx.lineTo(p[0], p[1]);
      }
      ctx.stroke();
      window.nasReplay.drawnPath = path;
      // collected pellets so far, then the current one
      for (const c of r.collections) {
        if (c[0] > fr.t + 1e-9) break;
        const p = top(c[1], c[3]);
        ctx.strokeStyle = '#2e8b57'; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(p[0], p[1], 7, 0, 2 * Math.PI); ctx.stroke();
      }
      const pp = top(fr.pellet[0], fr.pellet[2]);
      ctx.fillStyle = '#d9a400'; ctx.beginPath(); ctx.arc(pp[0], pp[1], 6, 0, 2 * Math.PI); ctx.fill();
      // body, top and side
      for (const [view, yOf] of [[top, (n) => n[2]], [sideView, (n) => n[1]]]) {
        ctx.strokeStyle = '#2f6fb3'; ctx.lineWidth = 2;
        for (const [a, b] of r.muscles) {
          const p = view(fr.nodes[a][0], yOf(fr.nodes[a])); const q = view(fr.nodes[b][0], yOf(fr.nodes[b]));
          ctx.beginPath(); ctx.moveTo(p[0], p[1]); ctx.lineTo(q[0], q[1]); ctx.stroke();
        }
        fr.nodes.forEach((n, i) => {
          const p = view(n[0], yOf(n));
          const shade = Math.round(40 + 160 * Math.min(1, n[1] / maxY));
          ctx.fillStyle = 'rgb(' + shade + ',' + shade + ',' + shade + ')';
          ctx.beginPath(); ctx.arc(p[0], p[1], Math.max(3, (r.radii[i] || 0.1) * scale), 0, 2 * Math.PI); ctx.fill();
        });
      }
      const c = top(fr.com[0], fr.com[2]);
      ctx.fillStyle = '#c0392b'; ctx.beginPath(); ctx.arc(c[0], c[1], 3, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = '#66707c'; ctx.font = '13px system-ui, sans-serif';
      ctx.fillText('top view', 8, 18); ctx.fillText('side view', 8, H - side + 18);
      clock.textContent = 't = ' + fr.t.toFixed(2) + ' s · pellets ' + fr.collected;
      slider.value = state.frame;
      state.draws++;
    }

    function tick(now) {
      if (!document.body.contains(canvas)) return;
      if (state.playing) {
        if (state.last !== null) {
          state.acc = (state.acc || 0) + (now - state.last) / 1000 * state.speed;
          const advance = Math.floor(state.acc / r.dt);
          if (advance > 0) {
            state.acc -= advance * r.dt;
            state.frame = (state.frame + advance) % frames.length;
            draw();
          }
        }
        state.last = now;
      } else {
        state.last = null;
      }
      requestAnimationFrame(tick);
    }
    draw();
    requestAnimationFrame(tick);
  }

  // ---------- run page: an evolution run (nas evolve) ----------

  async function runPage() {
    const name = new URLSearchParams(location.search).get('name');
    const app = document.getElementById('app');
    const errors = el('div', { id: 'errors' });
    const summary = el('div', { id: 'run-summary' });
    const grid = el('div', { class: 'grid', id: 'run-plots' });
    app.replaceChildren(header([el('a', { href: BASE + '/run?name=' + enc(name || '') }, 'run ' + (name || '?'))]),
      el('main', {}, el('h1', {}, 'Evolution run ', el('span', { id: 'run-name' }, name || '')), summary, errors, grid));
    if (!name) { errorBox(errors, 'no run named in the address (run?name=...)'); document.body.dataset.ready = 'true'; return; }
    let run;
    try {
      run = await api(runPath(name));
    } catch (e) {
      errorBox(errors, e, TO_STUDIES);
      document.body.dataset.ready = 'true';
      setTimeout(runPage, 2000);
      return;
    }
    const view = new RunView(name, run, grid);
    renderRunSummary(summary, run);
    await view.refresh(run); // and picks the generation of the best creature
    document.body.dataset.ready = 'true';
    setLive(true);
    setInterval(async () => {
      try {
        const r = await api(runPath(name));
        renderRunSummary(summary, r);
        errors.replaceChildren();
        setLive(true);
        await view.refresh(r);
      } catch (e) {
        errorBox(errors, e);
        setLive(false, e.message);
      }
    }, POLL_MS);
  }

  /** Where a resume would start from and how often checkpoints are taken, as nas run-status says it. */
  function checkpointText(last, every) {
    const when = every === 0 ? '--checkpoint-every 0: one only when a signal stops the run'
      : every === 1 ? 'every generation' : 'every ' + every + ' generations';
    return (last === null || last === undefined ? 'none' : 'before generation ' + last) + ' (' + when + ')';
  }

  /** The run's progress as nas run-status shows it; the configuration's settings once, folded. */
  function renderRunSummary(box, r) {
    const pct = r.target > 0 ? Math.floor(100 * r.generations / r.target) : 0;
    const rows = [
      ['status', [el('span', { class: 'state ' + r.status }, r.status), ', ' + r.generations + ' of ' + r.target + ' generations done (' + pct + '%)',
        r.writer ? ', in ' + r.writer + ' (last heartbeat ' + ago(r.heartbeat_seconds_ago) + ')' : '',
        r.status === 'STOPPED' ? '; its process stopped' + (r.heartbeat_seconds_ago !== null && r.heartbeat_seconds_ago !== undefined
          ? ' (last heartbeat ' + ago(r.heartbeat_seconds_ago) + ')' : '') + "; 'nas evolve --resume " + r.run + "' continues it" : '']],
      ['best', runBest(r) || 'none yet'],
      ['time', duration(Math.round(r.seconds * 1000)) + ', ' + r.seconds_per_generation.toFixed(2) + ' s/generation'
        + (r.eta_seconds !== null && r.eta_seconds !== undefined ? ', ETA ' + duration(Math.round(r.eta_seconds * 1000)) : '')],
      ['checkpoint', checkpointText(r.last_checkpoint, r.checkpoint_every)],
      ['frames', r.frames_text],
      ['config', r.config + ', seed ' + r.seed + ', code ' + r.code_version],
      ['updated', time(r.updated)],
    ];
    const kv = el('dl', { class: 'kv', id: 'run-kv' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', { id: 'run-' + k }, v)]));
    const config = box.querySelector('details') || el('details', { id: 'run-config' },
      el('summary', {}, 'configuration (' + Object.keys(r.config_values).length + ' settings)'),
      el('table', {}, el('tbody', {}, Object.entries(r.config_values).map(([k, v]) => el('tr', {}, el('td', {}, k),
        el('td', {}, typeof v === 'object' ? JSON.stringify(v) : String(v)))))));
    box.replaceChildren(el('section', { class: 'card' }, el('h2', {}, 'Progress'), kv, config));
    document.body.dataset.generations = r.generations;
  }

  /**
   * The run's charts (one point per generation; clicking one picks that generation) and the picked generation's
   * creatures with stored frames, one of which is animated. Generations are read once, then only the new ones.
   */
  class RunView {
    constructor(name, run, grid) {
      this.name = name;
      this.run = run;
      this.rows = [];
      this.generation = null;
      this.picking = 0;
      this.picker = el('input', { type: 'number', id: 'gen-input', min: 0, step: 1, onchange: (e) => this.select(Number(e.target.value)) });
      const step = (d) => () => this.select(this.generation + d);
      const controls = el('div', { class: 'controls' }, el('label', {}, 'generation ', this.picker),
        el('button', { id: 'gen-prev', title: 'previous generation', onclick: step(-1) }, '◀'),
        el('button', { id: 'gen-next', title: 'next generation', onclick: step(1) }, '▶'),
        el('button', { id: 'gen-best', onclick: () => this.select(this.run.best_generation) }, 'best'),
        el('button', { id: 'gen-last', onclick: () => this.select(this.run.generations - 1) }, 'last'),
        el('span', { class: 'note', id: 'gen-note' }));
      this.creatures = el('div', { id: 'creatures' });
      this.replayBox = el('div', { id: 'run-replay-body' });
      const cards = [card('Fitness per generation', 'run-fitness'), card('Diversity and species', 'run-diversity'),
        card('Pellets collected per generation', 'run-pellets'), card('Creatures by node count', 'run-types')];
      cards.forEach((c) => c.lastChild.appendChild(chartBox(c.id)));
      grid.replaceChildren(...cards, el('section', { class: 'card wide', id: 'run-creatures' },
        el('h2', { id: 'creatures-title' }, 'Creatures'), controls, el('div', { class: 'run-creatures' }, this.creatures, this.replayBox)));
    }

    path(what) { return runPath(this.name) + what; }

    /** Brings the generations up to the run r (a resume may have dropped some) and redraws when they changed. */
    async refresh(r) {
      const before = this.run;
      this.run = r;
      if (r.generations < this.rows.length) this.rows = this.rows.slice(0, r.generations);
      if (r.generations > this.rows.length || this.rows.length === 0) {
        const from = this.rows.length;
        const more = await api(this.path('/generations?from=' + from));
        if (this.rows.length !== from) return; // another refresh was quicker
        this.rows = this.rows.concat(more.filter((g) => g.generation >= from));
      } else if (before.generations === r.generations && this.rows.length > 0 && before !== r) {
        return;
      }
      this.draw();
      this.picker.max = Math.max(0, r.generations - 1);
      if (this.generation === null && r.generations > 0) await this.select(r.best_generation !== null ? r.best_generation : 0);
    }

    draw() {
      const rows = this.rows;
      const many = rows.length > 60;
      const at = (k) => rows.map((g) => [g.generation, g[k]]);
      const line = (name, k, extra) => Object.assign({ name, type: 'line', data: at(k), showSymbol: !many, symbolSize: 5 }, extra);
      // ticks a round number of generations apart (about 8 of them), the axis ending on the first tick after the last
      const last = Math.max(1, rows.length - 1);
      const unit = Math.pow(10, Math.floor(Math.log10(last / 8)));
      const interval = Math.max(1, [1, 2, 5, 10].map((m) => m * unit).find((v) => v >= last / 8));
      const xAxis = { type: 'value', name: 'Generation', nameLocation: 'middle', nameGap: 28, min: 0,
        max: Math.ceil(last / interval) * interval, interval };
      const base = (yName, extra) => Object.assign({
        grid: { left: NAME_BESIDE_LABELS_LEFT, right: 20, top: 40, bottom: 50 },
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        xAxis, yAxis: Object.assign({ type: 'value', name: yName, scale: true }, nameBesideLabels),
      }, extra);
      const box = (id) => document.getElementById(id + '-chart');
      this.pickable(chart(box('run-fitness'), 'run-fitness', base('Fitness', {
        legend: { top: 0 },
        series: [line('best', 'best', { markLine: this.mark() }), line('mean', 'mean'), line('median', 'median'),
          line('worst', 'worst'), line('best ever', 'best_ever', { lineStyle: { type: 'dashed' } })],
      })));
      const species = rows.some((g) => g.species !== null && g.species !== undefined);
      const diversity = base('Diversity', {
        legend: { top: 0 },
        series: [line('diversity', 'diversity', { markLine: this.mark() })].concat(species
          ? [line('species', 'species', { yAxisIndex: 1, step: 'end' })] : []),
      });
      if (species) {
        diversity.yAxis = [diversity.yAxis, { type: 'value', name: 'Species', minInterval: 1, scale: true, splitLine: { show: false } }];
        diversity.grid.right = 60;
      }
      this.pickable(chart(box('run-diversity'), 'run-diversity', diversity));
      this.pickable(chart(box('run-pellets'), 'run-pellets', base('Pellets', {
        series: [line('pellets', 'pellets', { markLine: this.mark(), areaStyle: { opacity: 0.15 } })],
      })));
      // creature_types: node count -> creatures with it, per generation
      const types = rows.map((g) => { try { return JSON.parse(g.creature_types || '{}'); } catch (e) { return {}; } });
      const counts = [...new Set(types.flatMap((t) => Object.keys(t)))].sort((a, b) => Number(a) - Number(b));
      this.pickable(chart(box('run-types'), 'run-types', base('Creatures', {
        legend: { top: 0, type: 'scroll' },
        series: counts.map((n, i) => ({ name: n + ' nodes', type: 'line', showSymbol: !many, symbolSize: 5,
          data: rows.map((g, k) => [g.generation, types[k][n] || 0]), markLine: i === 0 ? this.mark() : undefined })),
      })));
    }

    /** The picked generation as a dashed vertical line. */
    mark() {
      return this.generation === null ? undefined : { symbol: 'none', silent: true, animation: false, label: { show: false },
        lineStyle: { color: '#66707c', type: 'dashed' }, data: [{ xAxis: this.generation }] };
    }

    /** A click anywhere in the chart's plot picks the generation under the pointer. */
    pickable(c) {
      if (c.nasPickable) return;
      c.nasPickable = true;
      c.getZr().on('click', (e) => {
        if (!c.containPixel('grid', [e.offsetX, e.offsetY])) return;
        this.select(Math.round(c.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])[0]));
      });
    }

    /** Picks generation g: marks it on the charts, lists its creatures with stored frames and animates the best. */
    async select(g) {
      const done = this.run.generations;
      const note = document.getElementById('gen-note');
      if (done === 0) { note.textContent = 'no generation stored yet'; return; }
      if (!Number.isFinite(g)) return;
      g = Math.max(0, Math.min(done - 1, Math.round(g)));
      this.generation = g;
      this.picker.value = g;
      document.getElementById('creatures-title').textContent = 'Creatures of generation ' + g + ' with stored frames';
      ['run-fitness', 'run-diversity', 'run-pellets', 'run-types'].forEach((id) => {
        if (charts[id]) charts[id].setOption({ series: [{ markLine: this.mark() }] });
      });
      const picking = ++this.picking;
      let list;
      try {
        list = await api(this.path('/generations/' + g + '/creatures'));
      } catch (e) {
        errorBox(this.creatures, e);
        return;
      }
      if (picking !== this.picking) return;
      const framed = list.creatures.filter((c) => c.framed);
      note.textContent = framed.length + ' of ' + list.creatures.length + ' creatures have stored frames (' + list.frames_text + ')';
      if (framed.length === 0) {
        // the command on a line of its own, never broken inside (the column is narrow), so that it can be copied
        this.creatures.replaceChildren(el('div', { class: 'note', id: 'no-frames' }, 'No frames stored for this generation (the run records '
          + list.frames_text + '). This simulates its best creature again:', el('code', { class: 'command' },
          'nas replay ' + (/^[\w.@%+=:,/-]+$/.test(this.name) ? this.name : "'" + this.name.replace(/'/g, "'\\''") + "'")
            + ' --generation ' + g + ' --rank 1')));
        this.replayBox.replaceChildren();
        document.body.dataset.generation = g;
        return;
      }
      const rows = framed.map((c) => el('tr', { dataset: { index: c.index, rank: c.rank }, class: 'pickable', onclick: () => this.play(g, c, rows) },
        el('td', { class: 'num' }, c.rank), el('td', { class: 'num' }, c.index), el('td', { class: 'num' }, fmt(c.fitness)),
        el('td', { class: 'num' }, c.pellets), el('td', { class: 'num' }, fmt(c.distance)),
        el('td', {}, el('span', { class: 'kind ' + c.kind }, c.kind), c.disqualified ? el('span', { class: 'state FAIL' }, ' disqualified') : null)));
      this.creatures.replaceChildren(el('table', { id: 'creatures-table' }, el('thead', {}, el('tr', {},
        ['Rank', 'Creature', 'Fitness', 'Pellets', 'Distance (m)', 'Kind'].map((h) => el('th', { class: h === 'Kind' ? null : 'num' }, h)))), el('tbody', {}, rows)));
      document.body.dataset.generation = g;
      await this.play(g, framed[0], rows);
    }

    /** Animates creature c of generation g from its stored frames. */
    async play(g, c, rows) {
      rows.forEach((tr) => tr.classList.toggle('picked', Number(tr.dataset.index) === c.index));
      const picking = this.picking;
      let r;
      try {
        r = await api(this.path('/generations/' + g + '/creatures/' + c.index + '/frames'));
      } catch (e) {
        errorBox(this.replayBox, e);
        return;
      }
      if (picking !== this.picking) return;
      animate(this.replayBox, r, {
        note: 'generation ' + g + ', rank ' + c.rank + ' (' + c.kind + '), creature ' + c.index + ': ' + r.frames.length
          + ' stored frames at ' + r.frame_rate + ' fps',
        terms: [['fitness', c.fitness], ['pellets collected', c.pellets], ['distance traveled (m)', c.distance],
          ['nodes', c.nodes], ['muscles', c.muscles]],
        disqualified: c.disqualified,
      });
      document.body.dataset.creature = c.index;
    }
  }

  const pages = { studies: studiesPage, study: studyPage, trial: trialPage, run: runPage };
  (pages[PAGE] || studiesPage)().catch((e) => {
    errorBox(document.getElementById('app'), e);
    document.body.dataset.ready = 'true';
  });
}());
