/**
 * The query compiler: turns metric definitions into fused warehouse queries that return
 * per-variant sufficient statistics.
 */
package io.splitscope.metrics.query;
