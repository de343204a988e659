/* guest-inspect HTML report: charts and package tables. Data comes only from the JSON element #report-data and
   reaches the page only through textContent and ECharts' canvas (tooltips drawn as rich text, not HTML). */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];
  var PHASES = [
    {key: 'hash', name: 'hash', color: '#8c959f'},
    {key: 'cacheLookup', name: 'cache lookup', color: '#a475f9'},
    {key: 'launch', name: 'launch share', color: '#d4a72c'},
    {key: 'osInspection', name: 'OS inspection', color: '#2da44e'},
    {key: 'packageListing', name: 'package listing', color: '#218bff'}
  ];
  var SEVERITIES = [
    {key: 'error', color: '#cf222e'},
    {key: 'warning', color: '#d4a72c'},
    {key: 'info', color: '#54aeff'}
  ];

  function seconds(value) {
    if (typeof value !== 'number') {
      return String(value);
    }
    return (value < 10 ? value.toFixed(2) : value.toFixed(1)) + ' s';
  }

  function shorten(text) {
    return text.length > 42 ? text.slice(0, 20) + '\u2026' + text.slice(-20) : text;
  }

  function shortLabel(text) {
    return text.length > 16 ? text.slice(0, 15) + '\u2026' : text;
  }

  function tooltip(formatter) {
    return {trigger: 'axis', renderMode: 'richText', axisPointer: {type: 'shadow'}, valueFormatter: formatter,
      confine: true};
  }

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    option.animation = false;
    var instance = echarts.init(element, null, {renderer: 'canvas'});
    instance.setOption(option);
    charts.push(instance);
  }

  function phaseSeries(source, stack) {
    return PHASES.map(function (phase) {
      return {name: phase.name, type: 'bar', stack: stack, data: source[phase.key], barMaxWidth: 28,
        itemStyle: {color: phase.color}, emphasis: {focus: 'series'}};
    });
  }

  function legend() {
    return {top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 10, textStyle: {color: '#57606a'}};
  }

  function drawPhases() {
    var phases = data.phases;
    var element = document.getElementById('chart-phases');
    if (!phases || !element) {
      return;
    }
    element.style.height = Math.max(180, 70 + 26 * phases.labels.length) + 'px';
    chart('chart-phases', {
      tooltip: tooltip(seconds),
      legend: legend(),
      grid: {left: 8, right: 28, top: 34, bottom: 4, containLabel: true},
      xAxis: {type: 'value', axisLabel: {formatter: '{value} s'}, splitLine: {lineStyle: {color: '#eaeef2'}}},
      yAxis: {type: 'category', data: phases.labels, inverse: true,
        axisLabel: {color: '#1f2328', formatter: shorten}},
      series: phaseSeries(phases.series, 'time')
    });
  }

  function lineSeries(name, values, color, extra) {
    var series = {name: name, type: 'line', data: values, symbolSize: 6, itemStyle: {color: color},
      lineStyle: {width: 2}};
    Object.keys(extra || {}).forEach(function (key) {
      series[key] = extra[key];
    });
    return series;
  }

  function drawTrends() {
    var trend = data.trend;
    if (!trend) {
      return;
    }
    var grid = {left: 8, right: 16, top: 34, bottom: 4, containLabel: true};
    var xAxis = {type: 'category', data: trend.labels,
      axisLabel: {interval: 0, hideOverlap: true, formatter: shortLabel}};
    var split = {lineStyle: {color: '#eaeef2'}};

    var timeSeries = phaseSeries(trend.series, 'phases');
    timeSeries.push(lineSeries('wall time', trend.wall, '#1f2328'));
    chart('chart-trend-time', {
      tooltip: tooltip(seconds), legend: legend(), grid: grid, xAxis: xAxis,
      yAxis: {type: 'value', axisLabel: {formatter: '{value} s'}, splitLine: split},
      series: timeSeries
    });
    chart('chart-trend-cache', {
      tooltip: tooltip(function (value) { return value + ' %'; }), legend: legend(), grid: grid, xAxis: xAxis,
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}, splitLine: split},
      series: [lineSeries('cache hits', trend.cacheHitRatio, '#a475f9', {areaStyle: {opacity: 0.15}})]
    });
    chart('chart-trend-packages', {
      tooltip: tooltip(), legend: legend(), grid: grid, xAxis: xAxis,
      yAxis: {type: 'value', minInterval: 1, scale: true, splitLine: split},
      series: [lineSeries('packages', trend.packages, '#218bff')]
    });
    chart('chart-trend-violations', {
      tooltip: tooltip(), legend: legend(), grid: grid, xAxis: xAxis,
      yAxis: {type: 'value', minInterval: 1, splitLine: split},
      series: SEVERITIES.map(function (severity) {
        return {name: severity.key, type: 'bar', stack: 'violations', barMaxWidth: 28,
          data: trend.violations[severity.key] || [], itemStyle: {color: severity.color}};
      })
    });
  }

  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

  function packageTable(list) {
    var rows = data.packages[list.getAttribute('data-packages')] || [];
    var table = list.querySelector('table.packages');
    var body = table.tBodies[0];
    var search = list.querySelector('input.package-search');
    var count = list.querySelector('.package-count');
    var headers = Array.prototype.slice.call(table.querySelectorAll('th'));
    var state = {column: 0, ascending: true};
    var entries = rows.map(function (values, index) {
      var row = document.createElement('tr');
      values.forEach(function (value) {
        var cell = document.createElement('td');
        cell.textContent = value;
        row.appendChild(cell);
      });
      return {row: row, values: values, index: index, text: values.join('\u0000').toLowerCase()};
    });

    function sort() {
      var column = state.column;
      var direction = state.ascending ? 1 : -1;
      entries.sort(function (a, b) {
        var order = collator.compare(a.values[column], b.values[column]);
        if (order === 0 && column !== 0) {
          order = collator.compare(a.values[0], b.values[0]);
        }
        return direction * (order || a.index - b.index);
      });
      var fragment = document.createDocumentFragment();
      entries.forEach(function (entry) {
        fragment.appendChild(entry.row);
      });
      body.appendChild(fragment);
      headers.forEach(function (header, index) {
        if (index === column) {
          header.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
        } else {
          header.removeAttribute('aria-sort');
        }
      });
    }

    function filter() {
      var query = search.value.trim().toLowerCase();
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = query === '' || entry.text.indexOf(query) !== -1;
        entry.row.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      count.textContent = shown === entries.length ? entries.length + ' packages'
        : shown + ' of ' + entries.length + ' packages';
    }

    table.querySelectorAll('th button[data-column]').forEach(function (button) {
      button.addEventListener('click', function () {
        var column = Number(button.getAttribute('data-column'));
        state.ascending = column === state.column ? !state.ascending : true;
        state.column = column;
        sort();
      });
    });
    search.addEventListener('input', filter);
    sort();
    filter();
  }

  document.querySelectorAll('.package-list[data-packages]').forEach(packageTable);
  drawPhases();
  drawTrends();
  var pending = 0;
  window.addEventListener('resize', function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      charts.forEach(function (instance) {
        instance.resize();
      });
    }, 100);
  });
}());
