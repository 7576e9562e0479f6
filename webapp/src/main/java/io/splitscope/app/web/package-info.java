/**
 * The Splitscope web app: the Spring Boot application ({@link io.splitscope.app.web.SplitscopeWebApplication}),
 * its security filter chains ({@link io.splitscope.app.web.SecurityConfiguration}: form log-in for the
 * views, HTTP Basic for {@code /api}, sign-in throttling, CSRF and protective headers), the page shell, the layout every view gets and the error pages.
 * Views are organised by feature in sub-packages ({@code experiments}, {@code scorecard}, …); they
 * hold no SQL and no statistics, only what the analysis service returns, formatted for a reader, and
 * do not depend on this package: the layout applies itself ({@code @Layout}).
 */
package io.splitscope.app.web;
