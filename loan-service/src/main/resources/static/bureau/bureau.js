/* The bureau dashboard's charts (issue 8). Draws each section's chart from the JSON the page carries
 * (#chart-data), then fetches the risk section (/bureau/risk.json, a Monte Carlo run) and fills its chart and
 * tables. No inline script or style: the page's CSP allows scripts from this origin only. Tooltips are drawn on
 * the canvas (renderMode richText), so ECharts writes no HTML with style attributes. */
(function () {
  'use strict';
  var palette = ['#1d4f91', '#d9822b', '#1d7a3e', '#8e44ad', '#b00020', '#0f8b8d', '#6b7280', '#c49a00',
    '#2e86de', '#e84393', '#10ac84'];

  function byId(id) { return document.getElementById(id); }

  function init(el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function base(unit) {
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
      yAxis: { type: 'value', name: unit }
    };
  }

  function bar(spec, stacked) {
    var option = base(spec.unit);
    option.xAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 4 ? 30 : 0 } };
    option.series = spec.series.map(function (s) {
      return { name: s.name, type: 'bar', stack: stacked ? (s.stack || 'total') : undefined, data: s.data,
        barMaxWidth: 48 };
    });
    return option;
  }

  function pie(spec) {
    var s = spec.series[0];
    var data = [];
    for (var i = 0; i < spec.categories.length; i++) {
      data.push({ name: spec.categories[i], value: s.data[i] });
    }
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { type: 'scroll', orient: 'vertical', left: 0, top: 0, bottom: 0 },
      series: [{ name: s.name, type: 'pie', radius: ['35%', '70%'], center: ['65%', '50%'], data: data,
        label: { formatter: '{b}: {d}%' } }]
    };
  }

  function trend(spec) {
    var option = base(spec.unit);
    option.xAxis = { type: 'category', data: spec.categories };
    option.yAxis = [{ type: 'value', name: spec.unit }, { type: 'value', name: '#', minInterval: 1 }];
    option.series = [
      { name: spec.series[0].name, type: 'bar', data: spec.series[0].data, barMaxWidth: 36 },
      { name: spec.series[1].name, type: 'line', yAxisIndex: 1, data: spec.series[1].data }
    ];
    return option;
  }

  function draw(id, spec) {
    var el = byId('chart-' + id);
    if (!el || !spec) { return; }
    var option = spec.type === 'pie' ? pie(spec) : spec.type === 'trend' ? trend(spec)
      : bar(spec, spec.type === 'stacked');
    init(el).setOption(option);
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
    var data = risk.histogram.map(function (b) {
      return [(Number(b[0]) + Number(b[1])) / 2, Number(b[2])];
    });
    var width = risk.histogram.length ? Number(risk.histogram[0][1]) - Number(risk.histogram[0][0]) : 1;
    var option = {
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 16, right: 48, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: risk.xName, nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: risk.yName },
      series: [{
        name: risk.yName, type: 'bar', data: data, barWidth: '95%', barMinWidth: 1,
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'end' },
          lineStyle: { type: 'dashed' },
          data: risk.marks.map(function (m, i) {
            return { name: m.name, xAxis: Number(m.value),
              lineStyle: { color: ['#1d7a3e', '#d9822b', '#8e44ad', '#b00020', '#000000'][i % 5] } };
          })
        }
      }]
    };
    if (width > 0 && data.length) { option.xAxis.min = Number(risk.histogram[0][0]); }
    init(el).setOption(option);
  }

  function loadRisk() {
    var status = byId('risk-status');
    fetch('/bureau/risk.json', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
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

  var charts = JSON.parse(byId('chart-data').textContent || '{}');
  Object.keys(charts).forEach(function (id) { draw(id, charts[id]); });
  loadRisk();
}());
