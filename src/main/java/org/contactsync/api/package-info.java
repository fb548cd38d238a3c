/**
 * The REST API's frame: the {@code /api/v1} application, its OpenAPI description and the problem+json answers for
 * every failure. Feature resources live in their feature's {@code api} sub-package and throw
 * {@link org.contactsync.platform.ApplicationException} for refusals; they never build error bodies themselves.
 */
package org.contactsync.api;
