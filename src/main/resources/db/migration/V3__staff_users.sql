create table staff_user (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  email varchar(254) not null,
  full_name varchar(120) not null,
  firm_role varchar(16) not null,
  status varchar(16) not null,
  password_hash varchar(255),
  failed_sign_ins int not null,
  locked_until timestamp with time zone,
  last_sign_in_at timestamp with time zone,
  created_at timestamp with time zone not null,
  version int not null
);
-- emails are stored lower-cased: staff sign in with email alone, so one address is one staff user
create unique index staff_user_email on staff_user (email);
create index staff_user_firm on staff_user (firm_id, status);

-- single-use links (invitations, password resets); only a SHA-256 of the token is stored
create table staff_token (
  token_hash varchar(64) primary key,
  staff_id uuid not null references staff_user (id),
  firm_id uuid not null references firm (id),
  purpose varchar(16) not null,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  used_at timestamp with time zone
);
create index staff_token_staff on staff_token (staff_id, purpose);
