/**
 * Who may do what in the web app and the REST API: the users and their roles (from configuration,
 * or the documented demo users), the Spring Security filter chains (form log-in for the views,
 * HTTP Basic for {@code /api}), and {@link io.splitscope.app.security.CurrentUser}, which tells the
 * views who is signed in and whether they may run analyses.
 *
 * <p>Two roles: {@link io.splitscope.app.security.Role#VIEWER} reads experiments and scorecards;
 * {@link io.splitscope.app.security.Role#ANALYST} may also start and re-run analyses.
 */
package io.splitscope.app.security;
