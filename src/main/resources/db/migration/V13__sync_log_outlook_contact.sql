-- The Sync Log names every entry's contact (issue 13, point 8): a Business Central contact by its No. (the page
-- shows its name and links to its card), an Outlook contact that has none by its name and e-mail as Outlook had them
-- when the run logged it. Runs unchanged on H2 and PostgreSQL.
alter table sync_log_entry add column outlook_contact varchar(300) default '' not null;
