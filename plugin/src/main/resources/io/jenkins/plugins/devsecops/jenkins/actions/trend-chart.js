/* Draws the DevSecOps trend charts from the model in each chart's data-chart-model attribute (no inline script). */
(function () {
  "use strict";

  function draw(element) {
    if (element.dataset.devsecopsDrawn || typeof echarts === "undefined") {
      return;
    }
    element.dataset.devsecopsDrawn = "true";
    var model = JSON.parse(element.dataset.chartModel);
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis", renderMode: "richText" },
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 40, right: 10, top: 10, bottom: 50 },
      xAxis: { type: "category", boundaryGap: false, data: model.domainAxisLabels },
      yAxis: { type: "value", minInterval: 1 },
      series: (model.series || []).map(function (series) {
        return {
          name: series.name,
          type: "line",
          stack: series.stack || undefined,
          areaStyle: series.areaStyle || undefined,
          itemStyle: series.itemStyle,
          symbol: "circle",
          data: series.data
        };
      })
    });
    window.addEventListener("resize", function () {
      chart.resize();
    });
  }

  function drawAll() {
    document.querySelectorAll(".devsecops-trend-chart[data-chart-model]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
