/**
 * Charts: {@link io.splitscope.app.web.chart.PlotlyChart}, the one Vaadin component that draws
 * Plotly.js figures, and {@link io.splitscope.app.web.chart.Figures}, which builds the figures the
 * scorecard and the power calculator show (forest plot, effect over time, quantile differences,
 * segment breakdown, power curve) as Plotly JSON.
 */
package io.splitscope.app.web.chart;
