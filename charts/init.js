// Starts the report's charts and tables. Chart options live in JSON
// islands (script elements of type application/json) written by Go; this
// script only parses them, so no data is ever evaluated as code. Charts are
// created when they come near the viewport (a province-sized report has
// hundreds), all at once before printing.
//
// Some charts are built here from a skeleton option (title, axes, save
// button) and the packed data island #report-data: the trend (bump) charts
// and, in the compact layout, the chart of the indicator the reader picks.
// They are rebuilt when the reader picks another indicator or unit. Names
// reach ECharts only as data: label templates get their braces replaced
// (literal) and HTML tooltips are escaped (esc).
(function () {
  'use strict';
  var nodes = Array.prototype.slice.call(document.querySelectorAll('.chart[data-option]'));
  var live = []; // { el, island, kind, chart } of every chart started
  var failed = false;
  var focus = '';

  // ---- The data island -------------------------------------------------

  var D = null;
  function data() {
    if (!D) {
      var el = document.getElementById('report-data');
      D = el ? JSON.parse(el.textContent) : { units: [], indicators: [] };
      // No prototype: a unit may be called "constructor".
      D.index = Object.create(null);
      D.units.forEach(function (u, i) { D.index[u] = i; });
    }
    return D;
  }

  // The map island (地图): per board, each unit's tier, rank, value and
  // title, units in the order of the tiles; the board is picked in
  // #map-board.
  var mapPick = document.getElementById('map-board');
  var mapIsland = document.getElementById('map-data');
  var M = mapIsland ? JSON.parse(mapIsland.textContent) : null;
  var TIER_CLASS = { t: 'top', m: 'middle', b: 'bottom', n: 'none' };
  function mapBoard() { return M.boards[+mapPick.value] || M.boards[0]; }

  // Packed numbers: fixed-width base-64 (charts/packed.go).
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DV = {};
  for (var di = 0; di < DIGITS.length; di++) DV[DIGITS.charCodeAt(di)] = di;
  function unpack(s, w) {
    var n = s.length / w;
    var out = new Int32Array(n);
    for (var i = 0, k = 0; i < n; i++) {
      var v = 0;
      for (var j = 0; j < w; j++, k++) v = v * 64 + DV[s.charCodeAt(k)];
      out[i] = v;
    }
    return out;
  }

  // unvarint reads the zigzag variable-length numbers of varint in
  // packed.go. Arithmetic, not bit operators: values may pass 2^31.
  function unvarint(s) {
    var out = [], z = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var c = DV[s.charCodeAt(i)];
      z += (c & 31) * mul;
      mul *= 32;
      if (c < 32) {
        out.push(z % 2 ? -(z + 1) / 2 : z / 2);
        z = 0;
        mul = 1;
      }
    }
    return out;
  }

  // formatScaled writes k / 10^p with p decimals from the integer (as
  // appendScaled in Go).
  // trim drops trailing zeros, as Go's shortest formatting of a rounded
  // difference does (32.8, not 32.80): values keep their indicator's
  // decimals, differences do not.
  function formatScaled(k, p, trim) {
    var neg = k < 0;
    var s = String(Math.abs(k));
    if (p > 0) {
      while (s.length <= p) s = '0' + s;
      s = s.slice(0, s.length - p) + '.' + s.slice(s.length - p);
      if (trim) s = s.replace(/\.?0+$/, '');
    }
    return neg ? '-' + s : s;
  }

  // current decodes one indicator's current period: units in rank order
  // with value, shown text, rank, tier, and the change since the last
  // period when there is a history.
  function current(ind) {
    if (ind.cache) return ind.cache;
    var d = data();
    var order = unpack(ind.o || '', d.w);
    var n = order.length;
    var scale = Math.pow(10, ind.p || 0);
    var value = new Array(n), shown = new Array(n), rank = new Int32Array(n), tier = new Array(n), scaled = new Array(n);
    var tied = {};
    (ind.t || []).forEach(function (p) { tied[p] = true; });
    var diffs = ind.va ? null : unvarint(ind.v || '');
    var k = 0;
    for (var i = 0; i < n; i++) {
      if (ind.va) {
        value[i] = ind.va[i];
        shown[i] = String(ind.va[i]);
        continue;
      }
      k += diffs[i];
      scaled[i] = k;
      value[i] = k / scale;
      shown[i] = formatScaled(k, ind.p || 0);
      if (ind.tz && i > 0 && diffs[i] === 0) tied[i] = true;
    }
    for (i = 0; ind.x && i < ind.x.length; i += 2) shown[ind.x[i]] = ind.x[i + 1];
    for (i = 0; i < n; i++) {
      if (!ind.r) {
        tier[i] = 'n';
        continue;
      }
      if (ind.rk) rank[i] = ind.rk[i];
      else if (i > 0 && tied[i]) rank[i] = rank[i - 1];
      else rank[i] = d.dense && i > 0 ? rank[i - 1] + 1 : i + 1;
      tier[i] = ind.k ? ind.k.charAt(i) : i < (ind.a || 0) ? 't' : i >= (ind.b || 0) ? 'b' : 'm';
    }
    var pos = {};
    for (i = 0; i < n; i++) pos[order[i]] = i;
    var change = null;
    if (ind.trend && d.periods && d.periods.length > 1) {
      var P = d.periods.length, h = unpack(ind.trend.h, d.w);
      change = new Array(n);
      for (i = 0; i < n; i++) {
        var a = h[order[i] * P + P - 2], b = h[order[i] * P + P - 1];
        change[i] = a && b ? a - b : null;
      }
    }
    // place: how each rank is said, ties and ranks from the worst end
    // included (Go writes the latter, in ind.rv).
    var w = d.words, place = new Array(n);
    for (i = 0; i < n; i++) {
      var tiedHere = ind.r && ((i > 0 && rank[i] === rank[i - 1]) || (i + 1 < n && rank[i] === rank[i + 1]));
      place[i] = say(tiedHere ? w.Tied : w.Rank, rank[i]);
    }
    for (i = 0; ind.rv && i < ind.rv.length; i += 2) place[ind.rv[i]] = ind.rv[i + 1];
    ind.cache = { n: n, order: order, value: value, scaled: scaled, shown: shown, rank: rank, tier: tier, pos: pos, change: change, place: place };
    return ind.cache;
  }

  function literal(s) {
    return String(s).replace(/\{/g, '\uff5b').replace(/\}/g, '\uff5d');
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  // Width in px of one line of text (as textWidth in build.go).
  function textWidth(s, size) {
    var w = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      w += c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? size : 0.6 * size;
    }
    return Math.ceil(w);
  }
  // wrap joins parts with " · " into lines that fit width px (the title
  // component does not wrap by itself); it returns the text and the
  // number of lines.
  function wrap(parts, width) {
    var lines = [], line = '';
    parts.forEach(function (p) {
      var next = line ? line + ' · ' + p : p;
      if (line && textWidth(next, 12) > width) {
        lines.push(line);
        line = p;
      } else {
        line = next;
      }
    });
    if (line) lines.push(line);
    return { text: lines.join('\n'), lines: lines.length };
  }
  // The words are Go's (text.Words in the data island): templates with
  // {n} for a figure and {m} for a count of units.
  function say(template, n, m) {
    return template.replace('{n}', n).replace('{m}', m);
  }
  function changeLabel(c) {
    if (c === null || c === undefined) return '';
    var w = data().words;
    return c > 0 ? w.Up + c : c < 0 ? w.Down + -c : '\u2014';
  }
  // scheduleText compares the value at position i with 时序进度 as rank
  // does: value minus the 2-decimal target, at the value's decimals
  // (at least 2), then to 2 decimals half away from zero; in integers, so
  // no float noise shows.
  function scheduleText(ind, c, i) {
    var w = data().words;
    var r;
    if (ind.va) {
      r = Math.round((c.value[i] - ind.s) * 100);
    } else {
      var q = Math.max(ind.p || 0, 2);
      var d = c.scaled[i] * Math.pow(10, q - (ind.p || 0)) - Math.round(ind.s * Math.pow(10, q));
      var div = Math.pow(10, q - 2);
      r = (d < 0 ? -1 : 1) * Math.floor((Math.abs(d) + div / 2) / div);
    }
    if (r > 0) return say(w.Ahead, formatScaled(r, 2, true));
    if (r < 0) return say(w.Behind, formatScaled(-r, 2, true));
    return w.Even;
  }
  function tierColor(t, pal) {
    return t === 't' ? pal.top : t === 'b' ? pal.bottom : t === 'm' ? pal.middle : pal.missing;
  }
  function base(option) { return option.baseOption || option; }

  // ---- Bump chart: rank over the periods, rank 1 at the top ---------------

  // periodAxis labels a bump chart's x axis with the periods. The last
  // label ends at the last point, as if right-aligned (rich-text padding as
  // wide as the text): past that point stand the lines' end labels, which
  // it would otherwise run into.
  function periodAxis(axis, labels) {
    var P = labels.length;
    axis.max = Math.max(P - 1, 1);
    axis.axisLabel.formatter = function (v) {
      var s = literal(labels[v] || '');
      return v === P - 1 && P > 1 ? '{last|' + s + '}' : s;
    };
    var widest = 0;
    (labels[P - 1] || '').split('\n').forEach(function (l) { widest = Math.max(widest, textWidth(l, 12)); });
    axis.axisLabel.rich = { last: { padding: [0, widest, 0, 0] } };
  }

  function buildBump(option, el) {
    var d = data();
    var o = base(option);
    var pal = d.palette;
    var src = el.getAttribute('data-source');
    var trend = d.overall;
    if (src !== 'overall') {
      var ind = d.indicators[+document.getElementById(src).value];
      trend = ind && ind.trend;
      o.title.text = ind.n + ' · 名次走势';
      o.toolbox.feature.saveAsImage.name = ind.n + '-名次走势';
    }
    var P = d.periods.length, U = d.units.length;
    var h = unpack(trend.h, d.w);
    var many = U > d.few;
    var f = focus in d.index ? d.index[focus] : -1;
    var maxRank = 1;
    for (var i = 0; i < h.length; i++) if (h[i] > maxRank) maxRank = h[i];
    var series = [], back = [], labelW = 0;
    for (var u = 0; u < U; u++) {
      var pts = [], any = false;
      for (var p = 0; p < P; p++) {
        var r = h[u * P + p];
        pts.push(r ? [p, r] : [p, '-']);
        any = any || r > 0;
      }
      if (!any) continue;
      var t = trend.k.charAt(u);
      var lit = !many || t === 't' || t === 'b' || u === f;
      if (!lit) {
        Array.prototype.push.apply(back, pts);
        back.push('-');
        continue;
      }
      var color = u === f ? pal.ink : t === 't' ? pal.top : t === 'b' ? pal.bottomLine : pal.line;
      var faded = f >= 0 && u !== f;
      labelW = Math.max(labelW, textWidth(d.units[u], 12));
      series.push({
        type: 'line', name: d.units[u], data: pts, connectNulls: false,
        symbol: 'circle', symbolSize: u === f ? 8 : 6,
        z: u === f ? 5 : t === 'm' ? 2 : 3,
        itemStyle: { color: color, opacity: faded ? 0.35 : 1 },
        lineStyle: { color: color, width: u === f ? 3.5 : 2, opacity: faded ? 0.3 : 0.9 },
        endLabel: { show: true, formatter: literal(d.units[u]), color: u === f ? pal.ink : pal.text, fontSize: 12, fontWeight: u === f ? 'bold' : 'normal', distance: 6 },
        labelLayout: { moveOverlap: 'shiftY' },
        emphasis: { focus: 'series', lineStyle: { width: 3.5 } },
      });
    }
    if (back.length) {
      series.unshift({
        type: 'line', name: '其他单位', data: back, silent: true, symbol: 'none', z: 1,
        lineStyle: { color: pal.faint, width: 1 }, tooltip: { show: false }, emphasis: { disabled: true },
      });
    }
    o.series = series;
    var sub = ['红色:本期' + d.labels.Top, '黄色:本期' + d.labels.Bottom];
    if (many) sub.unshift('灰线为其余 ' + (U - series.length + (back.length ? 1 : 0)) + ' 个单位');
    if (f >= 0) sub.push('黑色:' + literal(focus));
    if (d.simNote) sub.push(literal(d.simNote));
    var wrapped = wrap(sub, el.clientWidth - 40);
    o.title.subtext = wrapped.text;
    o.grid[0].top = 78 + (wrapped.lines - 1) * 16;
    periodAxis(o.xAxis[0], d.axis);
    // A period marked (模拟) takes a second line under its label.
    if (d.axis.some(function (a) { return a.indexOf('\n') >= 0; })) {
      o.grid[0].bottom = 48;
      o.xAxis[0].axisLabel.lineHeight = 15;
    }
    o.yAxis[0].max = Math.max(maxRank, 2);
    if (!many) o.yAxis[0].interval = 1;
    var right = Math.min(labelW, 150) + 18;
    o.grid[0].right = right;
    if (option.media) {
      option.media[0].option.grid[0].right = right;
      option.media[1].option.grid[0].right = Math.min(right, 90);
    }
    o.tooltip.formatter = function (ps) {
      if (!Array.isArray(ps)) ps = [ps];
      ps = ps.filter(function (q) { return q.seriesName !== '其他单位' && q.value && q.value[1] !== '-'; });
      if (!ps.length) return '';
      ps.sort(function (a, b) { return a.value[1] - b.value[1]; });
      var head = '<b>' + esc(d.periods[ps[0].value[0]]) + '</b>';
      return head + ps.map(function (q) { return '<br>' + q.marker + '第 ' + q.value[1] + ' 名 ' + esc(q.seriesName); }).join('');
    };
    if (!many) el.style.height = 96 + Math.max(maxRank, 3) * 30 + 'px';
    return option;
  }

  // ---- Compact layout: the picked indicator as bars ------------------------

  var BARS_ALL = 40; // up to this many ranked units, every bar is drawn
  var BARS_END = 15; // else this many at each end, and the picked unit

  // barRows lays out the bars of indicator ind: every unit, or the ends
  // and the picked unit (f, a position) with gap rows between.
  function barRows(ind, c, f, pal) {
    var d = data();
    var n = c.n, sched = ind.s !== undefined;
    var keep = [];
    for (var i = 0; i < n; i++) keep.push(n <= BARS_ALL || i < BARS_END || i >= n - BARS_END || (f !== undefined && Math.abs(i - f) <= 1));
    var rows = { names: [], items: [], values: [], labelW: 0, nameW: 0 };
    var skipped = 0;
    var flush = function () {
      if (!skipped) return;
      var gap = '\u22ef ' + skipped + ' 个单位';
      rows.nameW = Math.max(rows.nameW, textWidth(gap, 13));
      rows.names.push(gap);
      rows.items.push({ name: '省略 ' + skipped + ' 个单位', value: '-' });
      rows.values.push(null);
      skipped = 0;
    };
    for (i = 0; i < n; i++) {
      if (!keep[i]) {
        skipped++;
        continue;
      }
      flush();
      var unit = d.units[c.order[i]];
      var label = c.shown[i] + (ind.u || '');
      var tip = unit + ':' + c.shown[i] + (ind.u || '');
      if (ind.r) {
        label += '  ' + c.place[i] + (c.change && c.change[i] ? ' ' + changeLabel(c.change[i]) : '');
        tip += '\n' + say(d.words.Among, c.place[i], n);
      }
      rows.labelW = Math.max(rows.labelW, textWidth(label, 12));
      var fmt = literal(label);
      if (sched) {
        var st = scheduleText(ind, c, i);
        fmt += '\n{s|' + st + '}';
        tip += '\n' + st;
        rows.labelW = Math.max(rows.labelW, textWidth(st, 11));
      }
      var me = i === f;
      rows.nameW = Math.max(rows.nameW, textWidth(unit, 13));
      rows.names.push(me ? '{f|' + literal(unit) + '}' : literal(unit));
      rows.values.push(c.value[i]);
      rows.items.push({
        name: tip, value: c.value[i],
        itemStyle: me ? { color: tierColor(c.tier[i], pal), borderColor: pal.ink, borderWidth: 2 } : { color: tierColor(c.tier[i], pal) },
        label: me ? { formatter: fmt, fontWeight: 'bold' } : { formatter: fmt },
      });
    }
    flush();
    return rows;
  }

  // scheduleGaps is the invisible second segment of every bar that stops
  // short of 时序进度 (share): the bar's label moves to its end, past the
  // dashed line, which would otherwise run through the label (as
  // scheduleGaps in chart_indicator.go).
  function scheduleGaps(rows, share, label) {
    var gaps = rows.items.map(function (it, i) {
      var v = rows.values[i];
      if (v === null || v < 0 || v >= share) return { value: '-' };
      var own = it.label;
      it.label = { show: false };
      return { value: share - v, label: own };
    });
    return {
      type: 'bar', name: '时序进度', stack: 'value', silent: true, data: gaps, label: label,
      itemStyle: { color: 'transparent' }, tooltip: { show: false }, emphasis: { disabled: true },
    };
  }

  function buildBars(option, el) {
    var d = data();
    var o = base(option);
    var pal = d.palette;
    var ind = d.indicators[+document.getElementById(el.getAttribute('data-source')).value];
    var c = current(ind);
    var n = c.n, sched = ind.s !== undefined;
    var rows = barRows(ind, c, focus in d.index ? c.pos[d.index[focus]] : undefined, pal);
    var sub = [];
    if (ind.u) sub.push('单位:' + ind.u);
    if (ind.lower) sub.push('越小越好');
    sub.push(ind.r ? n + ' 个单位排名' : '仅展示,不排名');
    if (ind.m) sub.push(ind.m + ' 个未报送');
    if (n > BARS_ALL) sub.push('显示前、后各 ' + BARS_END + ' 名');
    if (sched) sub.push('虚线:' + say(d.words.Line, ind.s));
    var wrapped = wrap(sub.map(literal), el.clientWidth - 40);
    o.title.text = ind.n;
    o.title.subtext = wrapped.text;
    o.toolbox.feature.saveAsImage.name = ind.n;
    o.yAxis[0].data = rows.names;
    o.series.length = 1;
    o.series[0].data = rows.items;
    o.series[0].name = ind.n;
    var top = (sched ? 80 : 62) + (wrapped.lines - 1) * 16;
    o.grid[0].top = top;
    o.grid[0].left = Math.min(rows.nameW, 200) + 12;
    o.grid[0].right = rows.labelW + 14;
    delete o.series[0].markLine;
    delete o.xAxis[0].max;
    if (sched) scheduleLine(o, ind.s, c, rows, pal);
    var row = sched ? 36 : n > 15 ? 22 : 30;
    el.style.height = top + Math.max(rows.names.length, 1) * row + 4 + 'px';
    return option;
  }

  // scheduleLine draws the dashed line at 时序进度 (share, in %) and keeps
  // it in view and clear of the labels.
  function scheduleLine(o, share, c, rows, pal) {
    var line = say(data().words.Line, share);
    o.series[0].markLine = {
      silent: true, symbol: ['none', 'none'],
      label: { show: true, formatter: line, position: 'start', color: pal.subtle, fontSize: 11 },
      lineStyle: { type: 'dashed', color: '#4b5563', width: 1.2 },
      data: [{ name: line, xAxis: share }],
    };
    o.series[0].stack = 'value';
    o.series.push(scheduleGaps(rows, share, o.series[0].label));
    var most = -Infinity;
    c.value.forEach(function (v) { if (v > most) most = v; });
    if (share > most) o.xAxis[0].max = share;
  }

  // ---- The boundary map (report --map) ------------------------------------

  // buildGeo colours the areas of the boundary map by the tier of each
  // unit on the board picked for the map (M, the map island, below); the
  // colours are the page's own (CSS variables from text.StyleOf).
  var geoName = '';
  function buildGeo(option, el) {
    var o = base(option);
    if (!geoName) {
      geoName = 'shaipin';
      window.echarts.registerMap(geoName, JSON.parse(document.getElementById('map-geo').textContent));
    }
    var css = window.getComputedStyle(document.documentElement);
    var v = function (name) { return css.getPropertyValue(name).trim(); };
    var fill = { t: v('--red'), m: v('--grey'), b: v('--yellow'), n: v('--missing') };
    var ink = { t: '#ffffff', m: v('--ink'), b: v('--on-yellow'), n: v('--muted') };
    var b = mapBoard();
    var s = o.series[0];
    s.map = geoName;
    s.selectedMode = false;
    s.showLegendSymbol = false;
    s.emphasis = { disabled: true };
    s.itemStyle.areaColor = fill.n;
    s.data = M.units.map(function (u, i) {
      var k = b.k.charAt(i);
      return { name: u, value: i, itemStyle: { areaColor: fill[k] }, label: { color: ink[k] } };
    });
    o.tooltip.formatter = function (p) { return esc(p.value >= 0 ? b.t[p.value] : p.name); };
    el.setAttribute('aria-label', '地图:各单位按' + b.n + '档次着色');
    return option;
  }

  var builders = { bump: buildBump, bars: buildBars, geo: buildGeo };

  // ---- Starting charts ----------------------------------------------------

  // Charts draw on canvas on screen and as SVG for printing: canvas is
  // what the save button turns into a PNG, SVG prints sharp at any
  // resolution (the print path redraws every chart, see below).
  var renderer = 'canvas';

  // fitInside hides a stacked bar's label that does not fit inside its
  // segment (the 档次统计's thin segments at province scale): rather than
  // run into the next segment's digits ("11" + "5" read as "115") or be
  // clipped, it is moved off the chart. ECharts calls it at every layout,
  // so the decision follows the chart's width.
  function fitInside(p) {
    if (p.labelRect.width + 4 <= p.rect.width && p.labelRect.height <= p.rect.height + 2) return {};
    return { x: -1000, y: -1000 };
  }

  // finish completes an option as parsed from its island or built.
  function finish(option, still) {
    var o = base(option);
    if (still) o.animation = false;
    if (renderer === 'svg' && o.toolbox) o.toolbox.show = false;
    (o.series || []).forEach(function (s) {
      if (s.type === 'bar' && s.stack && s.label && s.label.position === 'inside') s.labelLayout = fitInside;
    });
    return option;
  }

  // draw (re)creates a chart with the current renderer. Charts drawn for
  // printing skip the entry animation, which would still be running when
  // the page is captured.
  function draw(rec, still) {
    var el = rec.el;
    el.setAttribute('data-state', 'init');
    if (rec.chart) rec.chart.dispose();
    var option = JSON.parse(rec.island.textContent);
    if (rec.kind) option = builders[rec.kind](option, el);
    var chart = window.echarts.init(el, null, { renderer: renderer, locale: 'ZH' });
    rec.chart = chart;
    chart.on('rendered', function () {
      if (!el.hasAttribute('data-painted')) el.setAttribute('data-painted', '');
    });
    chart.on('finished', function () { el.setAttribute('data-state', 'done'); });
    chart.setOption(finish(option, still));
  }

  // start creates the chart of one container, once.
  function start(el, still) {
    if (el.getAttribute('data-state')) return;
    el.setAttribute('data-state', 'init');
    if (!window.echarts) {
      if (!failed) {
        failed = true;
        document.documentElement.classList.add('no-echarts');
      }
      el.setAttribute('data-state', 'failed');
      el.textContent = '图表库未能加载,无法显示图表(表格和文字不受影响)。';
      return;
    }
    var rec = { el: el, island: document.getElementById(el.getAttribute('data-option')), kind: el.getAttribute('data-build') };
    draw(rec, still);
    live.push(rec);
  }

  // rebuild redraws the data-built charts that exist, after a pick.
  function rebuild(only) {
    live.forEach(function (rec) {
      if (!rec.kind || (only && rec.el.getAttribute('data-source') !== only)) return;
      var option = builders[rec.kind](JSON.parse(rec.island.textContent), rec.el);
      rec.chart.setOption(finish(option, false), true);
      rec.chart.resize();
    });
  }

  function startAll(still) {
    nodes.forEach(function (el) { start(el, still === true); });
  }

  if ('IntersectionObserver' in window) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) {
          io.unobserve(e.target);
          start(e.target);
        }
      });
    }, { rootMargin: '400px 0px' });
    nodes.forEach(function (el) { io.observe(el); });
  } else {
    startAll(false);
  }

  var pending = 0;
  function resizeAll() {
    live.forEach(function (rec) { rec.chart.resize(); });
  }
  window.addEventListener('resize', function () {
    if (pending) return;
    pending = window.requestAnimationFrame(function () {
      pending = 0;
      resizeAll();
    });
  });

  // ---- Picking an indicator or a unit ---------------------------------------

  Array.prototype.slice.call(document.querySelectorAll('select[id$="-indicator"]')).forEach(function (sel) {
    sel.addEventListener('change', function () { rebuild(sel.id); });
  });

  var pickers = Array.prototype.slice.call(document.querySelectorAll('[data-unit-picker]'));
  var card = document.getElementById('unit-card');
  var table = document.getElementById('units-table');
  var count = document.getElementById('unit-count');

  // filter shows the table rows whose unit name contains q.
  function filter(q) {
    if (!table) return;
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = !q || rows[i].cells[1].textContent.indexOf(q) >= 0;
      rows[i].hidden = !hit;
      if (hit) shown++;
    }
    if (count) count.textContent = q ? '显示 ' + shown + ' / ' + rows.length + ' 个单位' : '共 ' + rows.length + ' 个单位';
    refold(table);
  }

  // showCard writes the picked unit's profile (compact layout) as text.
  function showCard() {
    if (!card) return;
    var d = data();
    var i = focus in d.index ? d.index[focus] : -1;
    var prof = i >= 0 && d.profiles ? d.profiles[i] : null;
    card.hidden = !prof;
    card.textContent = '';
    if (!prof) return;
    var head = document.createElement('div');
    head.className = 'unit-head';
    var h3 = document.createElement('h3');
    h3.textContent = focus;
    var badge = document.createElement('span');
    badge.className = 'badge ' + ({ t: 'top', m: 'middle', b: 'bottom' }[d.classes.charAt(i)] || 'none');
    badge.textContent = prof[0];
    head.appendChild(h3);
    head.appendChild(badge);
    card.appendChild(head);
    var line = document.createElement('p');
    line.className = 'tally-line';
    line.textContent = prof[1];
    card.appendChild(line);
    prof.slice(2).forEach(function (s) {
      var p = document.createElement('p');
      p.className = 'say';
      p.textContent = s;
      card.appendChild(p);
    });
  }

  // setFocus makes unit the one every data-built chart shows in black.
  function setFocus(unit, from) {
    if (unit === focus) return;
    focus = unit;
    pickers.forEach(function (p) {
      if (p !== from) {
        p.value = unit;
        if (p.getAttribute('data-filter')) filter(unit);
      }
    });
    showCard();
    rebuild();
  }

  pickers.forEach(function (p) {
    var onPick = function () {
      var q = p.value.trim();
      if (p.getAttribute('data-filter')) filter(q);
      // A search box names a unit only once the name is complete.
      if (q === '' || p.tagName === 'SELECT' || q in data().index) setFocus(q in data().index ? q : '', p);
    };
    p.addEventListener('input', onPick);
    p.addEventListener('change', onPick);
  });

  Array.prototype.slice.call(document.querySelectorAll('[data-show-indicator]')).forEach(function (b) {
    b.addEventListener('click', function () {
      var sel = document.getElementById('explore-indicator');
      sel.value = b.getAttribute('data-show-indicator');
      rebuild(sel.id);
      sel.scrollIntoView({ block: 'start' });
    });
  });

  // ---- Printing -------------------------------------------------------------

  // Printing: every chart must exist, take its printed width (the CSS of
  // html.printing mirrors the print layout), lose the save button and be
  // drawn as SVG; the fold with the source and rules is printed open.
  var about = document.getElementById('about');
  var aboutWasOpen = false;
  var root = document.documentElement;
  function redrawAll() {
    live.forEach(function (rec) { draw(rec, true); });
  }
  window.addEventListener('beforeprint', function () {
    if (about) {
      aboutWasOpen = about.open;
      about.open = true;
    }
    root.classList.add('printing');
    renderer = 'svg';
    redrawAll();
    startAll(true);
  });
  window.addEventListener('afterprint', function () {
    if (about) about.open = aboutWasOpen;
    root.classList.remove('printing');
    renderer = 'canvas';
    redrawAll();
  });
  if (window.matchMedia) {
    var mq = window.matchMedia('print');
    var onPrint = function () { resizeAll(); };
    if (mq.addEventListener) mq.addEventListener('change', onPrint);
    else if (mq.addListener) mq.addListener(onPrint);
  }

  // The folded 数据核查 findings are printed in full.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.checks-more'), function (d) { d.open = true; });
  });

  // ---- Sortable tables ------------------------------------------------------

  // A click on a column header sorts by that column, numbers from
  // data-value (or the cell text); a second click reverses. Ties keep the
  // original order, so the board's order breaks them.
  var collator = window.Intl && Intl.Collator ? new Intl.Collator('zh-CN') : null;
  Array.prototype.slice.call(document.querySelectorAll('table[data-sortable]')).forEach(function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r.setAttribute('data-index', i); });
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'number';
        var current = th.getAttribute('aria-sort');
        var dir;
        if (current === 'descending') dir = 'ascending';
        else if (current === 'ascending') dir = 'descending';
        else dir = numeric ? 'descending' : 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        var sign = dir === 'ascending' ? 1 : -1;
        var keyed = Array.prototype.slice.call(body.rows).map(function (r) {
          var cell = r.cells[col];
          var v = cell.getAttribute('data-value');
          if (v === null) v = cell.textContent;
          return { r: r, k: numeric ? parseFloat(v) : v, i: +r.getAttribute('data-index') };
        });
        keyed.sort(function (a, b) {
          var d = numeric ? a.k - b.k : collator ? collator.compare(a.k, b.k) : String(a.k).localeCompare(String(b.k), 'zh-CN');
          if (d !== 0) return d * sign;
          return a.i - b.i;
        });
        var frag = document.createDocumentFragment();
        keyed.forEach(function (x) { frag.appendChild(x.r); });
        body.appendChild(frag);
        refold(table);
      });
    });
  });

  // ---- Folded tables ----------------------------------------------------------

  // A long table (data-fold="N") shows its first N rows, in the order it
  // is sorted, until the reader asks for all of them; a search shows every
  // match, and print every row (CSS).
  function refold(table) {
    var n = +table.getAttribute('data-fold');
    if (!n) return;
    var rows = table.tBodies[0].rows, searching = false;
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle('beyond', i >= n);
      searching = searching || rows[i].hidden;
    }
    var folded = rows.length > n && !searching && !table.hasAttribute('data-unfolded');
    table.classList.toggle('folded', folded);
    var button = document.querySelector('[data-unfold="' + table.id + '"]');
    if (button) button.hidden = !folded;
  }
  Array.prototype.slice.call(document.querySelectorAll('table[data-fold]')).forEach(function (table) {
    refold(table);
    var button = document.querySelector('[data-unfold="' + table.id + '"]');
    if (button) {
      button.addEventListener('click', function () {
        table.setAttribute('data-unfolded', '');
        refold(table);
      });
    }
  });

  // ---- The map ----------------------------------------------------------------

  // The tile map is HTML: picking a board recolours and relabels its tiles
  // from the map island. The boundary map is a chart built by buildGeo.
  function paintTiles() {
    var b = mapBoard();
    document.getElementById('map-board-name').textContent = b.n;
    var tiles = document.querySelectorAll('#tile-map .tile');
    for (var i = 0; i < tiles.length; i++) {
      tiles[i].className = 'tile ' + TIER_CLASS[b.k.charAt(i)];
      tiles[i].title = b.t[i];
      tiles[i].querySelector('.rank').textContent = b.r[i];
      tiles[i].querySelector('.value').textContent = b.v[i];
    }
  }
  if (mapPick && M) {
    mapPick.addEventListener('change', function () {
      paintTiles();
      rebuild('map-board');
    });
  }

  // ---- Table of contents and back to top -----------------------------------

  // The chip of the section in view is marked and kept in the row's view
  // (a phone shows a few chips at a time); a faded edge says the row goes
  // on. The button back to the top shows once the page is scrolled.
  var toc = document.querySelector('.toc');
  var tocList = toc && toc.querySelector('ol');
  var toTop = document.querySelector('.to-top');
  var tocLinks = toc ? Array.prototype.slice.call(toc.querySelectorAll('a')) : [];
  var sections = Array.prototype.slice.call(document.querySelectorAll('main > section[id]'));
  var marked = null;
  function markSection() {
    var line = (toc ? toc.offsetHeight : 0) + 24, id = null;
    sections.forEach(function (sec) { if (sec.getBoundingClientRect().top <= line) id = sec.id; });
    if (toTop) toTop.hidden = window.pageYOffset < window.innerHeight;
    if (id === marked || !tocList) return;
    marked = id;
    if (!id) tocList.scrollLeft = 0;
    tocLinks.forEach(function (a) {
      if (a.getAttribute('href') !== '#' + id) {
        a.removeAttribute('aria-current');
        return;
      }
      a.setAttribute('aria-current', 'true');
      var left = a.offsetLeft - tocList.offsetLeft, right = left + a.offsetWidth;
      if (left < tocList.scrollLeft) tocList.scrollLeft = left - 24;
      else if (right > tocList.scrollLeft + tocList.clientWidth) tocList.scrollLeft = right - tocList.clientWidth + 24;
    });
    tocEdge();
  }
  function tocEdge() {
    if (toc) toc.classList.toggle('more', tocList.scrollLeft + tocList.clientWidth < tocList.scrollWidth - 2);
  }
  var scrolling = 0;
  window.addEventListener('scroll', function () {
    if (scrolling) return;
    scrolling = window.requestAnimationFrame(function () {
      scrolling = 0;
      markSection();
    });
  }, { passive: true });
  if (tocList) tocList.addEventListener('scroll', tocEdge, { passive: true });
  window.addEventListener('resize', tocEdge);
  markSection();
  if (tocList) tocEdge();

  // For tests and for anyone who wants every chart at once.
  window.shaipinStartAll = startAll;
})();
