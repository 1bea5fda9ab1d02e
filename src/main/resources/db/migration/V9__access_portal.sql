-- portal identities: one per firm and (lower-cased) email, shared by every contact of the firm with that address
create table portal_identity (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  email varchar(254) not null,
  password_hash varchar(255),
  credentials_version int not null,
  failed_sign_ins int not null,
  locked_until timestamp with time zone,
  last_sign_in_at timestamp with time zone,
  created_at timestamp with time zone not null,
  version int not null
);
create unique index portal_identity_firm_email on portal_identity (firm_id, email);
-- "switch company": the other firms where an address has access
create index portal_identity_email on portal_identity (email);

-- a contact's portal access; no row is "no portal access". Client and contact names are copies kept current
-- from the client module's events, so that the per-request session check reads this table alone.
create table portal_access (
  contact_id uuid primary key references contact (id),
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  identity_id uuid not null references portal_identity (id),
  client_name varchar(200) not null,
  contact_name varchar(200) not null,
  portal_role varchar(16) not null,
  status varchar(16) not null,
  last_sign_in_at timestamp with time zone,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null,
  version int not null
);
create index portal_access_client on portal_access (firm_id, client_id);
create index portal_access_identity on portal_access (identity_id, status);

-- single-use portal links (invitations, magic links, password resets); only a SHA-256 of the token is stored
create table portal_token (
  token_hash varchar(64) primary key,
  firm_id uuid not null references firm (id),
  identity_id uuid not null references portal_identity (id),
  contact_id uuid,
  purpose varchar(16) not null,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  used_at timestamp with time zone
);
create index portal_token_identity on portal_token (identity_id, purpose, created_at);
create index portal_token_contact on portal_token (contact_id, purpose);

-- per firm; no row means the defaults
create table portal_settings (
  firm_id uuid primary key references firm (id),
  sign_in_methods varchar(16) not null,
  invitation_hours int not null,
  magic_link_days int not null,
  idle_timeout_minutes int not null,
  updated_at timestamp with time zone not null,
  version int not null
);
