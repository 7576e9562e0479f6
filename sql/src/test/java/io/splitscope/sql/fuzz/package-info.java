/**
 * Helpers of the property-based fuzz tests ({@code FooFuzzTest}, QuickTheories) of every module: the
 * campaign (seed and tries), a parser's corpus and the inputs made from it. In the sql test-jar, so
 * they are written once.
 */
package io.splitscope.sql.fuzz;
