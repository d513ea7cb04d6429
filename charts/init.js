// Starts the report's charts and tables. Chart options live in JSON
// islands (script elements of type application/json) written by Go; this
// script only parses them, so no data is ever evaluated as code. Charts are created when
// they come near the viewport (a province-sized report has hundreds), all
// at once before printing.
(function () {
  'use strict';
  var nodes = Array.prototype.slice.call(document.querySelectorAll('.chart[data-option]'));
  var live = [];
  var failed = false;

  // start creates the chart of one container. Charts started for printing
  // skip the entry animation, which would still be running when the page
  // is captured.
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
    var island = document.getElementById(el.getAttribute('data-option'));
    var option = JSON.parse(island.textContent);
    if (still) (option.baseOption || option).animation = false;
    var chart = window.echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
    chart.on('finished', function () { el.setAttribute('data-state', 'done'); });
    chart.setOption(option);
    live.push(chart);
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
    live.forEach(function (c) { c.resize(); });
  }
  window.addEventListener('resize', function () {
    if (pending) return;
    pending = window.requestAnimationFrame(function () {
      pending = 0;
      resizeAll();
    });
  });

  // Printing: every chart must exist, take its printed width (the CSS of
  // html.printing mirrors the print layout) and lose the save button.
  function toolbox(show) {
    live.forEach(function (c) { c.setOption({ toolbox: { show: show } }); });
  }
  // The rules are folded on a phone, where the board should come first;
  // print always shows them.
  var rules = document.querySelector('details.rules');
  if (rules && window.matchMedia && window.matchMedia('(max-width: 640px)').matches) rules.open = false;
  var rulesWereOpen = true;

  var root = document.documentElement;
  window.addEventListener('beforeprint', function () {
    if (rules) {
      rulesWereOpen = rules.open;
      rules.open = true;
    }
    root.classList.add('printing');
    startAll(true);
    toolbox(false);
    resizeAll();
  });
  window.addEventListener('afterprint', function () {
    if (rules) rules.open = rulesWereOpen;
    root.classList.remove('printing');
    toolbox(true);
    resizeAll();
  });
  if (window.matchMedia) {
    var mq = window.matchMedia('print');
    var onPrint = function () { resizeAll(); };
    if (mq.addEventListener) mq.addEventListener('change', onPrint);
    else if (mq.addListener) mq.addListener(onPrint);
  }

  // Sortable tables: a click on a column header sorts by that column,
  // numbers from data-value; a second click reverses. Ties keep the
  // original order, so the board's order breaks them.
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
        var key = function (r) {
          var cell = r.cells[col];
          var v = cell.getAttribute('data-value');
          return numeric ? parseFloat(v) : (v || cell.textContent);
        };
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = key(a), y = key(b);
          var d = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          if (d !== 0) return d * sign;
          return a.getAttribute('data-index') - b.getAttribute('data-index');
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // For tests and for anyone who wants every chart at once.
  window.shaipinStartAll = startAll;
})();
