create table firm (
  id uuid primary key,
  name varchar(120) not null,
  slug varchar(40) not null,
  accent_colour varchar(7) not null,
  created_at timestamp with time zone not null,
  version int not null
);
create unique index firm_slug on firm (slug);
