/**
 * Comparison methods written in R, run in GNU R through Rserve beside the Java ones.
 *
 * <p>Renjin (an R interpreter for the JVM) is unmaintained and not on Maven Central, so R methods
 * run in GNU R (Debian's {@code r-base-core}) through Rserve (Debian's {@code r-cran-rserve}; Java
 * client {@code org.rosuda.REngine:Rserve}). An R method is an R source file; it is registered
 * through the same registry as the Java methods ({@link io.splitscope.stats.ComparisonMethods}, via
 * the {@link io.splitscope.stats.ComparisonMethodProvider} {@link io.splitscope.stats.r.RMethodProvider}),
 * takes the same input records and returns the same {@link io.splitscope.stats.ComparisonResult},
 * so it appears in scorecards, the command line and the web app like any Java method.
 *
 * <h2>Adding a method in R</h2>
 * <ol>
 *   <li>Write an R file, e.g. {@code src/main/resources/com/example/r_z_test.R}, that starts with a
 *       header and defines a function named like the id ({@code @twin}, optional, names the Java method it
 *       reproduces, for parity checks):
 * <pre>
 * #' &#64;id r_z_test
 * #' &#64;title Two-sample z-test (in R)
 * #' &#64;input Moments
 * #' &#64;twin welch_t
 * #'
 * #' Formula and reference, in words.
 * r_z_test &lt;- function(control, treatment, variants, level = 0.95) {
 *   n &lt;- c(control[["n"]], treatment[["n"]]); ...
 *   list(control_value = ..., treatment_value = ..., absolute_effect = d,
 *        absolute_ci = c(low, high), relative_effect = r, relative_ci = c(low, high),
 *        p_value = p)
 * }
 * </pre></li>
 *   <li>List it, one class-path resource per line, in {@code META-INF/splitscope/r-methods} of the
 *       same jar ({@link io.splitscope.stats.r.RMethodSource#INDEX}; every jar may have one).</li>
 *   <li>Look it up like any method: {@code ComparisonMethods.byId("r_z_test", Moments.class)}.</li>
 * </ol>
 * The tested worked example is {@code stats/src/test/resources/io/splitscope/stats/r/example/r_z_test.R}.
 *
 * <h2>The contract of an R method</h2>
 * <ul>
 *   <li><b>Header</b>: the leading {@code #'} lines with {@code @id} (snake_case, unique among all
 *       methods, also the function's name), {@code @title}, {@code @input} (one of the input
 *       records below) and optionally {@code @twin}.</li>
 *   <li><b>Function</b> {@code <id>(control, treatment, variants, level = 0.95)}: {@code control}
 *       and {@code treatment} are the two variants' inputs, {@code variants} the list of every
 *       variant's input of the metric's analysis (control and treatment included), for methods that
 *       pool (CUPED's θ), and {@code level} the two-sided confidence level of the intervals as a
 *       fraction ({@code qt((1 + level) / 2, df)} is the quantile of a t interval). A function
 *       without a {@code level} argument runs at 0.95 only: at another level its result says so
 *       (status METHOD_FAILED). Each file is evaluated in an environment of its own, so helper functions of
 *       different files never clash; base R, the recommended packages and the helpers shared by the
 *       method files are available: those of {@code io/splitscope/stats/r/runtime.R} —
 *       {@code which_arm(flags)} (the subject of a reason), {@code too_few_units(n, means)} (the
 *       EMPTY_ARM or TOO_FEW_UNITS result, or NULL) and {@code welch_test(n, means, v, level, extras)}
 *       (Welch's t-test from sizes, means and variances, which r_welch_t and r_cuped share).</li>
 *   <li><b>Inputs</b> in R, by {@code @input}:
 *     <ul>
 *       <li>{@code Moments}: the named numeric vector {@code c(n, sum, sum_squares)};</li>
 *       <li>{@code CovariateMoments}: {@code c(n, sum, sum_squares, covariate_sum,
 *           covariate_sum_squares, sum_product)} (Σy, Σy², Σx, Σx², Σxy);</li>
 *       <li>{@code RatioMoments}: {@code c(n, numerator_sum, numerator_sum_squares,
 *           denominator_sum, denominator_sum_squares, sum_product)};</li>
 *       <li>{@code UnitValues}: the numeric vector of the unit values;</li>
 *       <li>{@code UnitCovariateValues}: {@code list(y = , x = )}, one metric and one covariate
 *           value per unit;</li>
 *       <li>{@code QuantileSample}: {@code list(level = , values = , unit_sizes = )}, the event
 *           values grouped by unit and the number of events of each unit.</li>
 *     </ul>
 *     A Java NaN arrives as R's {@code NaN}.</li>
 *   <li><b>Result</b>: a named list with {@code control_value}, {@code treatment_value},
 *       {@code absolute_effect} (or {@code estimate}), {@code absolute_ci} ({@code c(low, high)}),
 *       {@code relative_effect}, {@code relative_ci}, {@code p_value}; a value that does not exist
 *       is {@code NA} or left out. Optionally {@code status} — the name of a
 *       {@link io.splitscope.stats.ResultStatus} such as {@code "ZERO_BASELINE"}, {@code "OK"} by
 *       default — with a {@code reason} sentence, and {@code extras}, a named numeric vector with
 *       snake_case names (e.g. {@code c(theta = 0.36)}), which become
 *       {@link io.splitscope.stats.ComparisonResult#extras()}.</li>
 *   <li><b>Failures</b>: {@code stop()} in the method, an unknown status, a p-value outside [0, 1],
 *       an interval with its low bound above its high bound, or extras without valid names give a
 *       result with status {@link io.splitscope.stats.ResultStatus#METHOD_FAILED} and a reason
 *       naming the method; NaN or infinite numbers in an OK result make it
 *       {@link io.splitscope.stats.ResultStatus#NON_FINITE}. When R cannot run — not installed
 *       ({@value io.splitscope.stats.r.RRuntime#R_NOT_INSTALLED}), Rserve stopped during the
 *       computation, over the time limit — the result is {@code METHOD_FAILED} with the reason;
 *       nothing else is affected and no exception leaves {@code compare}.</li>
 * </ul>
 *
 * <h2>The methods shipped</h2>
 * In {@code io/splitscope/stats/r/methods/} (each file documents its formulas and references):
 * <ul>
 *   <li>{@code r_welch_t} (Moments; twin {@code welch_t}): Welch's t-test from sufficient
 *       statistics, exactly {@code t.test}'s statistic, df, interval and p-value (t.test itself
 *       needs the unit vectors; the tests check the equality with t.test on them);</li>
 *   <li>{@code r_cuped} (CovariateMoments; twin {@code cuped}): CUPED with θ pooled over every
 *       variant, from raw pooled sums;</li>
 *   <li>{@code r_mann_whitney} (UnitValues; twin {@code mann_whitney}): R's
 *       {@code wilcox.test(exact = FALSE, correct = TRUE)}, medians, Hodges–Lehmann shift and Moses
 *       interval;</li>
 *   <li>{@code r_ancova} (UnitCovariateValues; R only): {@code lm(y ~ treatment + x)} with HC2
 *       heteroskedasticity-robust standard errors in base R.</li>
 * </ul>
 *
 * <h2>Runtime and parity</h2>
 * {@link io.splitscope.stats.r.RRuntime} finds R, starts and health-checks Rserve on a loopback
 * port, pools sessions (one thread each), restarts Rserve when it dies and ends every R process it
 * started on {@code close()} or JVM exit. It lends sessions to calls and delegates the rest, one
 * job per class: {@code RExecutable} finds R; {@code RserveProcess} starts one Rserve on a free
 * port, health-checks it and shuts it down; {@code RserveSupervisor} keeps one running, restarts
 * it after it died and ends the sessions of a dead one; {@code RSessionPool} opens sessions
 * (over a {@code QuietSocket}) and pools them; {@code RScripts} loads {@code runtime.R} and the
 * method files into a session; {@code RSessionFailure} says why a session broke (time limit, Rserve
 * or its R process gone); {@code RProcesses} tracks every R process and ends them all on close.
 * {@link io.splitscope.stats.r.RParity} runs a Java method and
 * its R twin on the same inputs and reports the largest relative difference
 * ({@link io.splitscope.stats.r.ParityReport}, verified at 1e-8).
 *
 * <p>Configuration (system properties): {@code splitscope.r.executable} (the R executable; default:
 * {@code R} on the {@code PATH}, {@code /usr/bin/R}), {@code splitscope.r.pool} (concurrent R
 * sessions, default min(4, processors)), {@code splitscope.r.timeout} (seconds per call, default 600).
 */
package io.splitscope.stats.r;
