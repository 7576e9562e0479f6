/**
 * The population rules of {@code spec/warehouse.md}: which units of an experiment are analysed,
 * in which variant, from when; crossovers and invalid exposures.
 */
package io.splitscope.metrics.population;
