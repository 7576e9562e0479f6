/** The command line ({@code ./splitscope analyze|generate|serve}): options, output formats, error reporting. */
package io.splitscope.app.cli;
