/**
 * The command line ({@code ./splitscope check|analyze|compare|metrics|generate|load|serve}): one
 * picocli command class per command, whose annotations give the parsing, the help and the shell
 * completion; output formats and error reporting.
 */
package io.splitscope.app.cli;
