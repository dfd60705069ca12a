// Project dashboard charts: an element with data-chart holds {kind, labels, values}; ECharts draws it.
//
// Canvas, not SVG: ECharts' SVG renderer (5.3) writes a style="" attribute on the <svg> and on every text
// element, which the CSP (style-src 'self') refuses, 40 to 80 console errors a load. The canvas renderer
// styles its elements through the CSSOM (element.style.*), which the CSP allows, so the policy stays
// strict. Tooltips are drawn inside the chart (renderMode richText) for the same reason: ECharts' HTML
// tooltips carry style="" attributes.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  var lang = document.documentElement.lang || 'zh-CN';
  var compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  var plain = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var isoDate = /^\d{4}-(\d{2}-\d{2})$/;

  // "2026-11-27" -> "11-27": the year says nothing on a 60-day axis and makes every label twice as wide
  function categoryLabel(label) {
    var day = isoDate.exec(label);
    return day ? day[1] : label;
  }

  function axisNumber(value) {
    return Math.abs(value) >= 10000 ? compact.format(value) : plain.format(value);
  }

  function option(data, width) {
    var narrow = width < 480;
    var tooltip = { renderMode: 'richText', confine: true };
    if (data.kind === 'pie') {
      return {
        tooltip: Object.assign({ trigger: 'item', valueFormatter: plain.format }, tooltip),
        // on a phone the names go in a legend below: labels around the pie would be cut at the edges
        legend: { show: narrow, bottom: 0, left: 'center', itemGap: 8 },
        series: [{
          type: 'pie',
          radius: narrow ? '55%' : '62%',
          center: ['50%', narrow ? '40%' : '50%'],
          avoidLabelOverlap: true,
          label: { show: !narrow, formatter: '{b}\n{d}%', overflow: 'break', width: Math.max(60, width / 4) },
          labelLine: { show: !narrow },
          data: data.labels.map(function (label, i) { return { name: label, value: data.values[i] }; })
        }]
      };
    }
    return {
      tooltip: Object.assign({ trigger: 'axis', valueFormatter: plain.format }, tooltip),
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.labels,
        axisLabel: { formatter: categoryLabel, hideOverlap: true, rotate: narrow ? 45 : 0 }
      },
      yAxis: { type: 'value', axisLabel: { formatter: axisNumber } },
      series: [{ type: data.kind, data: data.values, smooth: data.kind === 'line', showSymbol: data.values.length <= 31 }]
    };
  }

  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (data.kind === 'pie') {
      element.classList.add('chart-pie'); // taller on a phone, for the legend below it
    }
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    var width = element.clientWidth;
    chart.setOption(option(data, width));
    var redraw = function () {
      if (element.clientWidth !== width) {
        width = element.clientWidth;
        chart.setOption(option(data, width), { notMerge: true });
      }
      chart.resize();
    };
    if (window.ResizeObserver) {
      new ResizeObserver(redraw).observe(element);
    }
    else {
      window.addEventListener('resize', redraw);
    }
  });
})();
