-- emails are written here in the transaction that promises them, and delivered by a job
create table outbox_email (
  id uuid primary key,
  firm_id uuid,
  recipient varchar(254) not null,
  subject varchar(300) not null,
  html_body text not null,
  text_body text not null,
  status varchar(16) not null,
  attempts int not null,
  next_attempt_at timestamp with time zone not null,
  last_error varchar(1000),
  delivery varchar(8),
  created_at timestamp with time zone not null,
  sent_at timestamp with time zone
);
create index outbox_email_due on outbox_email (status, next_attempt_at);
create index outbox_email_created on outbox_email (created_at);
