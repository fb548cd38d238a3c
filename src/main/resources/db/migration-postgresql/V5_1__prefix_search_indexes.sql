-- PostgreSQL only (DatabaseMigration adds this folder on PostgreSQL). Under any collation but "C" PostgreSQL cannot
-- answer LIKE 'prefix%' from a plain b-tree index: the search box and the column filters scanned the tables (600,000
-- search terms for 100,000 contacts: about 200 ms a page, benchmark 5 in docs/benchmarks.md). Pattern-ops indexes
-- serve the prefix; the plain indexes of V2 keep serving the list's sort orders.
create index contact_search_term_prefix on contact_search_term (term varchar_pattern_ops, contact_no);
create index contact_search_name_prefix on contact (search_name varchar_pattern_ops);
create index contact_search_company_name_prefix on contact (search_company_name varchar_pattern_ops);
create index contact_search_e_mail_prefix on contact (search_e_mail varchar_pattern_ops);
create index contact_search_city_prefix on contact (search_city varchar_pattern_ops);
create index contact_phone_no_prefix on contact (phone_no varchar_pattern_ops);
