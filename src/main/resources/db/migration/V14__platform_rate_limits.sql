-- Rate-limit buckets (Bucket4j) shared by every app node on PostgreSQL; unused on H2, where they stay in memory.
-- state: the bucket's serialized state; expires_at: epoch milliseconds after which the idle bucket may be deleted.
create table rate_limit_buckets (
  id varchar(400) not null,
  state bytea,
  expires_at bigint,
  constraint rate_limit_buckets_pk primary key (id)
);
create index rate_limit_buckets_expires_at on rate_limit_buckets (expires_at);
