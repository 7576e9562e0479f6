/**
 * The warehouse layer: the warehouse contract as jOOQ names ({@link io.splitscope.sql.WarehouseSchema})
 * and the {@link io.splitscope.sql.Warehouse} abstraction that runs a jOOQ query and hands back
 * Arrow. Knows nothing of statistics.
 */
package io.splitscope.sql;
