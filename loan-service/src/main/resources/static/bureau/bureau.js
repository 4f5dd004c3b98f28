/* The bureau dashboard's charts (issues 8 and 20). Draws each section's chart from the JSON the page carries
 * (#chart-data): bars and lines on as many value axes as the figures have units (expected loss never on the
 * balance's axis), the unit in every tooltip, breached tolerances in red; a click on a bar or a slice opens the
 * loans behind it (the chart's links, the same as its table's rows). Then fetches the risk section
 * (/bureau/risk.json with the page's filters) and draws the loss histogram on a log scale so its tail shows.
 * No inline script or style: the page's CSP allows scripts from this origin only. Tooltips are drawn on the
 * canvas (renderMode richText), so ECharts writes no HTML with style attributes. */
(function () {
  'use strict';
  var palette = ['#1d4f91', '#d9822b', '#1d7a3e', '#8e44ad', '#b00020', '#0f8b8d', '#6b7280', '#c49a00',
    '#2e86de', '#e84393', '#10ac84'];
  var BREACH = '#b00020';
  var narrow = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;

  function byId(id) { return document.getElementById(id); }

  function init(el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function withUnit(unit) {
    return function (value) {
      if (value === null || value === undefined || value === '-') { return '–'; }
      return Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 }) + ' ' + unit;
    };
  }

  /* A value axis per unit: the first on the left, the others on the right, each named at its top, the name
   * aligned inwards so that it is never cut off at the chart's edge. */
  function valueAxes(spec) {
    return (spec.axes || []).map(function (name, i) {
      return {
        type: 'value', name: name, position: i === 0 ? 'left' : 'right', offset: i > 1 ? 56 * (i - 1) : 0,
        nameTextStyle: { align: i === 0 ? 'left' : 'right' }, nameGap: i > 1 ? 32 : 15, splitLine: { show: i === 0 },
        minInterval: (spec.integerAxes || []).indexOf(i) >= 0 ? 1 : undefined
      };
    });
  }

  function axisChart(spec, stacked) {
    var axes = valueAxes(spec);
    var rightAxes = Math.max(0, axes.length - 1);
    var option = {
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8 + 56 * Math.max(0, rightAxes - 1), top: 64, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category', data: spec.categories,
        axisLabel: { interval: 0, rotate: spec.categories.length > 4 || narrow ? 30 : 0, width: narrow ? 80 : 140,
          overflow: 'truncate' }
      },
      yAxis: axes
    };
    option.series = spec.series.map(function (s) {
      var unit = spec.units ? spec.units[s.axis] : '';
      var series = { name: s.name, yAxisIndex: s.axis, data: s.data, tooltip: { valueFormatter: withUnit(unit) } };
      if (s.kind === 'line' || s.kind === 'limit') {
        series.type = 'line';
        if (s.kind === 'limit') {
          series.lineStyle = { type: 'dashed' };
          series.symbol = 'rect';
        }
      } else {
        series.type = 'bar';
        series.barMaxWidth = 48;
        if (stacked) { series.stack = 'total'; }
        if (spec.flagged) {
          series.data = s.data.map(function (v, i) {
            return spec.flagged[i] ? { value: v, itemStyle: { color: BREACH } } : v;
          });
        }
      }
      return series;
    });
    return option;
  }

  function pie(spec) {
    var s = spec.series[0];
    var unit = spec.units ? spec.units[0] : '';
    var data = [];
    for (var i = 0; i < spec.categories.length; i++) {
      data.push({ name: spec.categories[i], value: s.data[i] });
    }
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText', confine: true, valueFormatter: withUnit(unit) },
      legend: narrow ? { type: 'scroll', bottom: 0 } : { type: 'scroll', orient: 'vertical', left: 0, top: 0, bottom: 0 },
      series: [{ name: s.name, type: 'pie', radius: ['35%', '65%'], center: narrow ? ['50%', '42%'] : ['65%', '50%'],
        data: data, label: { formatter: '{b}: {d}%' } }]
    };
  }

  function draw(id, spec) {
    var el = byId('chart-' + id);
    if (!el || !spec) { return; }
    var option = spec.type === 'pie' ? pie(spec) : axisChart(spec, spec.type === 'stacked');
    var chart = init(el);
    chart.setOption(option);
    if (spec.links) {
      chart.on('click', function (p) {
        var link = spec.links[p.dataIndex];
        if (link) { window.location.href = link; }
      });
    }
  }

  function fillTable(id, table) {
    var el = byId(id);
    if (!el || !table) { return; }
    var head = el.querySelector('thead');
    var body = el.querySelector('tbody');
    head.textContent = '';
    body.textContent = '';
    var tr = document.createElement('tr');
    table.columns.forEach(function (c) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.rows.forEach(function (row) {
      var r = document.createElement('tr');
      row.forEach(function (cell, i) {
        var c = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) { c.scope = 'row'; }
        c.textContent = cell;
        r.appendChild(c);
      });
      body.appendChild(r);
    });
  }

  function drawRisk(risk) {
    var el = byId('chart-risk');
    // a log axis cannot show zero: an empty bin is no bar
    var data = risk.histogram.map(function (b) {
      var n = Number(b[2]);
      return [(Number(b[0]) + Number(b[1])) / 2, n > 0 ? n : null];
    });
    var option = {
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
      grid: { left: 8, right: 48, top: 56, bottom: 32, containLabel: true },
      xAxis: { type: 'value', name: risk.xName, nameLocation: 'middle', nameGap: 28, scale: true,
        axisLabel: { hideOverlap: true } },
      yAxis: { type: 'log', logBase: 10, min: 1, name: risk.yName, nameTextStyle: { align: 'left' } },
      series: [{
        name: risk.yName, type: 'bar', data: data, barWidth: '95%', barMinWidth: 1,
        tooltip: { valueFormatter: withUnit(risk.scenarioUnit) },
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'end' },
          lineStyle: { type: 'dashed' },
          data: risk.marks.map(function (m, i) {
            // marks close together (VaR and ES often are) take turns above the plot and inside it
            return { name: m.name, xAxis: Number(m.value),
              label: { position: ['end', 'insideEndTop', 'insideEndBottom'][i % 3] },
              lineStyle: { color: ['#1d7a3e', '#d9822b', '#8e44ad', '#b00020', '#000000'][i % 5] } };
          })
        }
      }]
    };
    if (risk.histogram.length) { option.xAxis.min = Number(risk.histogram[0][0]); }
    init(el).setOption(option);
  }

  function loadRisk() {
    var status = byId('risk-status');
    if (!status) { return; }
    fetch('/bureau/risk.json' + (status.getAttribute('data-query') || ''),
      { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (risk) {
        byId('risk-summary').textContent = risk.summary;
        fillTable('table-risk', risk.table);
        fillTable('table-stress', risk.stress);
        drawRisk(risk);
        status.classList.add('done');
        status.setAttribute('data-state', 'done');
        byId('risk').setAttribute('data-loaded', 'true');
      })
      .catch(function () {
        status.textContent = status.getAttribute('data-failed');
        status.classList.add('failed');
        status.setAttribute('data-state', 'failed');
      });
  }

  // the URL keeps only the filters that are set: an empty field is left out of the query
  var filters = byId('filters');
  if (filters) {
    filters.addEventListener('submit', function () {
      Array.prototype.forEach.call(filters.querySelectorAll('select, input'), function (field) {
        if (!field.value) { field.disabled = true; }
      });
    });
    // back to this page from the next: the fields left out are fields again
    window.addEventListener('pageshow', function () {
      Array.prototype.forEach.call(filters.querySelectorAll('select, input'), function (field) {
        field.disabled = false;
      });
    });
  }
  var printButton = byId('print');
  if (printButton) {
    printButton.addEventListener('click', function () { window.print(); });
  }
  var charts = JSON.parse(byId('chart-data').textContent || '{}');
  Object.keys(charts).forEach(function (id) { draw(id, charts[id]); });
  loadRisk();
}());
