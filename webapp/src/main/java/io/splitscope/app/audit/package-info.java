/**
 * The audit log: who signed in or failed to, and who ran which analysis — one line per event, with
 * time, user and client, to a file beside the results store and to the logger {@code splitscope.audit}.
 * The events come from the security package (sign-ins) and the results package (analyses).
 */
package io.splitscope.app.audit;
