-- The search box finds its text anywhere in No., Name, Company Name, E-Mail, City and Phone No., as Business Central's
-- does (issue 13, point 4). One upper-cased column holds those six values, each after a unit separator (chr(31), a
-- character no one types, so a search never runs from one value into the next), and the search is one
-- LIKE '%TEXT%' on it. Contact keeps the column current (Contact.maintain); this fills it for existing rows.
-- PostgreSQL indexes it for "contains" with trigrams (db/migration-postgresql/V16_1); H2 has no such index and scans.
alter table contact add column search_text varchar(400) not null default '';

update contact set search_text = chr(31) || upper(no) || chr(31) || upper(name) || chr(31) || upper(company_name)
    || chr(31) || upper(e_mail) || chr(31) || upper(city) || chr(31) || upper(phone_no);

-- The prefix search's term rows (one per value and contact) have no use left.
drop table contact_search_term;
