/**
 * The job queue over HTTP ({@code /api/v1/job-queue-entries}), for administrators: the entries with their next run,
 * create and change them, Set Status to Ready, Set On Hold, Run Once (foreground), and each entry's log.
 */
package org.contactsync.jobqueue.api;
