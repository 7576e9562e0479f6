/**
 * Projects ({@code spec/project.md}): a team's own warehouse described to Splitscope.
 *
 * <ul>
 *   <li>{@link io.splitscope.metrics.project.Project}: sources, assignments, dimensions, experiments
 *       and metrics over a warehouse; the streaming preset is one, a project file compiles to one.</li>
 *   <li>{@link io.splitscope.metrics.project.ProjectFile}: reads {@code splitscope.yaml} (snakeyaml-engine,
 *       lines kept) and compiles it, collecting every mistake as a
 *       {@link io.splitscope.metrics.project.ConfigError} ({@code file:line: key: message}, with a
 *       did-you-mean); {@link io.splitscope.metrics.project.ProjectException} carries them all.</li>
 *   <li>{@link io.splitscope.metrics.project.SqlExpressions}: a file's SQL expressions, parsed once
 *       with jOOQ and rewritten over the source's rows, so that they render for every engine.</li>
 *   <li>{@link io.splitscope.metrics.project.ProjectCheck}: the file against its warehouse (tables,
 *       columns, types, unit types), then the per-source and per-experiment
 *       {@link io.splitscope.metrics.project.CheckReport}.</li>
 * </ul>
 */
package io.splitscope.metrics.project;
