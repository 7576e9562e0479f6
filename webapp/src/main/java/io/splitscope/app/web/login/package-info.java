/** The log-in page ({@code /login}), the one page open to everyone. */
package io.splitscope.app.web.login;
