/**
 * What the tests share: the real WAR as container tests deploy it ({@code Deployments}), fresh Flyway-migrated
 * databases with the real persistence unit ({@code TestDatabase}), Bean Validation outside the container
 * ({@code BeanValidation}), and two ways to drive pages: over plain HTTP ({@code FacesSession}, status codes and
 * headers visible) and in Debian's headless Chromium ({@code Browser}, real JavaScript). Tests that kill a server or
 * run two start the WAR on Payara Micro in processes of their own ({@code PayaraMicroProcess}).
 */
package org.contactsync.testsupport;
