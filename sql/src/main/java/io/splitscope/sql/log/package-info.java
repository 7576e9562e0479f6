/** Observing the warehouse: a query log of the SQL run and the rows and bytes that reached the JVM. */
package io.splitscope.sql.log;
