/*
 * Draws the DevSecOps trend charts. Each chart element carries a complete ECharts option, built by the engine's
 * TrendCharts from the builds' summaries, in its data-chart-model attribute (no inline script, CSP-safe).
 */
(function () {
  "use strict";

  function draw(element) {
    if (element.dataset.devsecopsDrawn || typeof echarts === "undefined") {
      return;
    }
    element.dataset.devsecopsDrawn = "true";
    var option = JSON.parse(element.dataset.chartModel);
    var chart = echarts.init(element);
    chart.setOption(option);
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
