-- Business Central's Contact (table 5050) and the number series that gives each contact its No.
-- Text columns are NOT NULL with '' for "empty", as in Business Central: the list's sort key
-- (Company Name, Company No., Type, Name) then orders the same way on H2 and PostgreSQL and can use one index.

create table number_series (
    code          varchar(20) not null primary key,
    description   varchar(100) not null default '',
    starting_no   varchar(20) not null,
    last_no_used  varchar(20) not null default '',
    increment_by  integer     not null default 1 check (increment_by > 0)
);

-- Marketing Setup "Contact Nos.": CT000010, CT000020, ...
insert into number_series (code, description, starting_no, last_no_used, increment_by)
values ('CONTACT', 'Contacts', 'CT000010', '', 10);

create table contact (
    no                   varchar(20)  not null primary key,
    type                 varchar(10)  not null check (type in ('COMPANY', 'PERSON')),
    name                 varchar(100) not null,
    search_name          varchar(100) not null,
    name_2               varchar(50)  not null default '',
    first_name           varchar(30)  not null default '',
    middle_name          varchar(30)  not null default '',
    surname              varchar(30)  not null default '',
    -- A company's Company No. is its own No.; a person's is its company's, or '' without one.
    company_no           varchar(20)  not null default '',
    company_name         varchar(100) not null default '',
    search_company_name  varchar(100) not null default '',
    job_title            varchar(30)  not null default '',
    address              varchar(100) not null default '',
    address_2            varchar(50)  not null default '',
    city                 varchar(30)  not null default '',
    search_city          varchar(30)  not null default '',
    post_code            varchar(20)  not null default '',
    county               varchar(30)  not null default '',
    country_region_code  varchar(10)  not null default '',
    phone_no             varchar(30)  not null default '',
    mobile_phone_no      varchar(30)  not null default '',
    fax_no               varchar(30)  not null default '',
    e_mail               varchar(80)  not null default '',
    search_e_mail        varchar(80)  not null default '',
    e_mail_2             varchar(80)  not null default '',
    home_page            varchar(255) not null default '',
    salesperson_code     varchar(20)  not null default '',
    territory_code       varchar(10)  not null default '',
    privacy_blocked      boolean      not null default false,
    last_date_modified   date         not null,
    last_time_modified   time         not null,
    last_modified_at     timestamp    not null,
    version              bigint       not null default 1
);

-- The Contact List's order (BC key Company Name, Company No., Type, Name), No. last so that paging is stable.
create index contact_list_order on contact (company_name, company_no, type, name, no);
-- Column filters: prefix matches on upper-cased copies.
create index contact_search_name on contact (search_name, no);
create index contact_search_company_name on contact (search_company_name, no);
create index contact_search_e_mail on contact (search_e_mail, no);
create index contact_search_city on contact (search_city, no);
create index contact_phone_no on contact (phone_no, no);
-- A company's persons, and the sync engine's "changed since".
create index contact_company_no on contact (company_no, type);
create index contact_last_modified on contact (last_modified_at, no);

-- The search box: every searchable value of a contact (No., Name, Company Name, E-Mail, City, Phone No.), upper-cased,
-- one row each, so that "starts with" over all of them is one index range instead of a scan of the contact table.
create table contact_search_term (
    contact_no  varchar(20)  not null references contact (no) on delete cascade,
    term        varchar(100) not null,
    primary key (contact_no, term)
);
create index contact_search_term_term on contact_search_term (term, contact_no);
