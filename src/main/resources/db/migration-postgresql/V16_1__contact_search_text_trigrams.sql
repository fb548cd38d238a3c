-- PostgreSQL only. A trigram index answers LIKE '%TEXT%' (three characters or more) without reading every contact:
-- the search box on contact.search_text (V16). pg_trgm is a trusted extension (PostgreSQL 13 and later): the
-- database's owner may create it. It is created in public, once per database, not in the application's schema: a
-- schema dropped with CASCADE would take the extension, and with it the indexes of every other schema using it. When
-- a DBA installed it elsewhere, the index names the operator class in that schema.
do $$
begin
    create extension if not exists pg_trgm schema public;
exception when unique_violation or duplicate_object then
    null; -- another server migrating at the same moment created it first
end $$;

do $$
begin
    execute format('create index contact_search_text_trigrams on contact using gin (search_text %I.gin_trgm_ops)',
        (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
         where e.extname = 'pg_trgm'));
end $$;
