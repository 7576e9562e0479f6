/** The Splitscope application: entry point of the executable jar. */
package io.splitscope.app;
