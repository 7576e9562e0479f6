/**
 * Who may do what in the web app and the REST API: the users and their roles (from configuration,
 * or the documented demo users), and {@link io.splitscope.app.security.CurrentUser}, which tells the
 * views and the analysis jobs who is signed in and whether they may run analyses, and
 * {@link io.splitscope.app.security.RecentLogins}, which spares the REST API's HTTP Basic requests a
 * bcrypt check of a password that has just passed. The filter chains
 * that apply them are the web app's ({@link io.splitscope.app.web.SecurityConfiguration}).
 *
 * <p>{@link io.splitscope.app.security.LoginThrottle} makes password guessing slow, per account and
 * per client address; {@code LoginEvents} feeds it Spring Security's sign-in events and writes them to
 * the audit log ({@link io.splitscope.app.audit.AuditLog}).
 *
 * <p>Two roles: {@link io.splitscope.app.security.Role#VIEWER} reads experiments and scorecards;
 * {@link io.splitscope.app.security.Role#ANALYST} may also start and re-run analyses.
 */
package io.splitscope.app.security;
