/**
 * The stack floor of benchmark 6 (bench/stack-floor/README.md): the smallest application on Contact Sync's decided
 * stack, one entity through CDI, an EJB startup singleton, Flyway, JPA, Faces with PrimeFaces, JAX-RS and
 * MicroProfile Health. Not part of the product: bench/startup-memory.sh builds and starts it to measure what the
 * stack alone costs at start-up. Nothing in it may depend on the product's packages.
 */
package org.contactsync.stackfloor;
