/**
 * The REST API's frame: the {@code /api/v1} application, its OpenAPI description and the problem+json answers for
 * every failure. Feature resources live in their feature's {@code api} sub-package and throw
 * {@link org.contactsync.platform.ApplicationException} for refusals; they never build error bodies themselves.
 * Before a resource sees a request, {@link org.contactsync.api.CrossSiteRequests} refuses changes a web page of
 * another site could send, {@link org.contactsync.api.JsonBodyLimits} refuses oversized, deep, trailing or non-UTF-8
 * JSON, and bodies bind with {@link org.contactsync.api.StrictJsonb} (unknown fields and non-boolean flags refused).
 * {@link org.contactsync.api.ApiErrorPages} turns the container's own errors under {@code /api} into problem+json.
 */
package org.contactsync.api;
