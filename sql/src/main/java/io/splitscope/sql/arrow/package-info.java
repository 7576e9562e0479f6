/** Helpers for reading Arrow results on the JVM side of the warehouse layer. */
package io.splitscope.sql.arrow;
