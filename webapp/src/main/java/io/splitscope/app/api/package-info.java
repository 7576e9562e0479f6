/**
 * The REST API under {@code /api}. Authentication and roles are set in
 * {@code io.splitscope.app.security}; every error is a JSON {@link io.splitscope.app.api.ApiError}.
 */
package io.splitscope.app.api;
