/** Experiments as the warehouse describes them: dates, control, planned variants and weights. */
package io.splitscope.metrics.experiment;
