/**
 * The Splitscope web app: the Spring Boot application ({@link io.splitscope.app.web.SplitscopeWebApplication}),
 * the page shell and layout shared by every view. Views are organised by feature in sub-packages
 * ({@code experiments}, {@code scorecard}); they hold no SQL and no statistics, only what the
 * analysis service returns, formatted for a reader.
 */
package io.splitscope.app.web;
