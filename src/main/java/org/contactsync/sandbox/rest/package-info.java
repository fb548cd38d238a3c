/**
 * The sandbox over HTTP: a second JAX-RS application at {@code /sandbox} (its own resources only, never the product
 * API's) with Graph v1.0 at {@code /sandbox/graph/v1.0}, Entra ID's token endpoint at
 * {@code /sandbox/login/{tenant}/oauth2/v2.0/token} and admin endpoints at {@code /sandbox/admin} guarded by the
 * sandbox admin key. Thin: every request becomes a {@link org.contactsync.sandbox.GraphRequest} for the model.
 * Answers 404 to everything unless {@code contactsync.sandbox.enabled} is true.
 */
package org.contactsync.sandbox.rest;
