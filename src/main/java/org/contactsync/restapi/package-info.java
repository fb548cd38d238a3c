/**
 * The {@code /api/v1} JAX-RS application: it names each feature's resource together with the frame's filters and
 * problem+json mappers from {@link org.contactsync.api}. It is the one place that imports every feature's
 * {@code api} sub-package, so it sits above them all; the frame below it imports no feature. {@link
 * org.contactsync.restapi.ApiModel} adds the OpenAPI schemas the features make in code.
 */
package org.contactsync.restapi;
