/**
 * The job queue's pages (administrators; web.xml protects {@code /admin/*}): Job Queue Entries, the Job Queue Entry
 * Card and Job Queue Log Entries, plus the next scheduled background sync shown on Contact Sync Setup. Thin views
 * over {@link org.contactsync.jobqueue.JobQueueService}; times in the job queue's time zone.
 */
package org.contactsync.jobqueue.web;
