/**
 * Reading the statistics layer's inputs from Arrow: the column-naming contract shared with the
 * query side ({@link io.splitscope.stats.arrow.MomentColumns}) and its reader.
 */
package io.splitscope.stats.arrow;
