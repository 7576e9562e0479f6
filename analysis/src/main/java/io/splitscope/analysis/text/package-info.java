/** Plain-text tables for the terminal and JShell, with no dependency on the rest of Splitscope. */
package io.splitscope.analysis.text;
