-- conversations between a client's contacts and the firm, optionally about one engagement of that client
create table conversation (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  engagement_id uuid references engagement (id),
  subject varchar(200) not null,
  -- who started it: a staff user or a contact (contacts may be deleted later, so no key on them)
  started_by_staff uuid references staff_user (id),
  started_by_contact uuid,
  started_by_name varchar(200) not null,
  created_at timestamp with time zone not null,
  last_message_at timestamp with time zone not null,
  -- the number of messages; each message takes the next, so "unread" is a comparison of two numbers
  last_seq int not null
);
-- lists read a client's conversations, latest activity first
create index conversation_client on conversation (firm_id, client_id, last_message_at);

create table message (
  id uuid primary key,
  conversation_id uuid not null references conversation (id),
  seq int not null,
  body varchar(10000) not null,
  staff_id uuid references staff_user (id),
  contact_id uuid,
  -- the author as named when writing, so the thread still reads right after a rename or removal
  author_name varchar(200) not null,
  posted_at timestamp with time zone not null,
  constraint message_seq unique (conversation_id, seq)
);

-- the files that came with a message: documents of the conversation (document module)
create table message_attachment (
  message_id uuid not null references message (id),
  document_id uuid not null,
  position int not null,
  primary key (message_id, document_id)
);

-- how far each reader has read: the seq of the last message seen
create table conversation_read_staff (
  conversation_id uuid not null references conversation (id),
  staff_id uuid not null references staff_user (id),
  last_read_seq int not null,
  primary key (conversation_id, staff_id)
);
create table conversation_read_contact (
  conversation_id uuid not null references conversation (id),
  contact_id uuid not null,
  last_read_seq int not null,
  primary key (conversation_id, contact_id)
);

-- staff notes on a client or one of its engagements; shared ones appear read-only in the portal (PortalSharing)
create table note (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  engagement_id uuid references engagement (id),
  body varchar(5000) not null,
  portal_shared boolean not null,
  author_id uuid not null references staff_user (id),
  author_name varchar(200) not null,
  created_at timestamp with time zone not null,
  shared_at timestamp with time zone
);
create index note_client on note (firm_id, client_id, created_at);
create index note_engagement on note (engagement_id);
