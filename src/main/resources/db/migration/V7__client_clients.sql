-- clients of a firm; name_lower serves case-insensitive search, sorting and the duplicate check of imports
create table client (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  type varchar(16) not null,
  name varchar(200) not null,
  name_lower varchar(200) not null,
  email varchar(254),
  phone varchar(40),
  notes varchar(4000),
  status varchar(16) not null,
  created_at timestamp with time zone not null,
  version int not null
);
-- the default list (active clients by name), lists of every status by name or by date, and the type filter
create index client_firm_status_name on client (firm_id, status, name_lower);
create index client_firm_name on client (firm_id, name_lower);
create index client_firm_created on client (firm_id, created_at);
create index client_firm_type on client (firm_id, type);

-- the people of a client; emails are stored lower-cased, so that one index answers "clients of this address"
create table contact (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  full_name varchar(200) not null,
  email varchar(254),
  phone varchar(40),
  notes varchar(4000),
  created_at timestamp with time zone not null,
  version int not null
);
create index contact_client on contact (client_id, created_at);
create index contact_firm_email on contact (firm_id, email);
