-- a request for a named document on an engagement; contacts see it when the engagement is shared
create table document_request (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  engagement_id uuid not null references engagement (id),
  title varchar(200) not null,
  description varchar(2000),
  due_date date,
  status varchar(16) not null,
  -- why the client says it does not apply
  reason varchar(1000),
  requested_by uuid not null references staff_user (id),
  requested_by_name varchar(200) not null,
  requested_at timestamp with time zone not null,
  -- the contact who answered last (contacts may be deleted later, so no key on them)
  answered_by_contact uuid,
  answered_by_name varchar(200),
  answered_at timestamp with time zone,
  reviewed_by uuid references staff_user (id),
  reviewed_at timestamp with time zone,
  version int not null
);
-- "outstanding": a firm's open requests; the portal and the engagement page read them by engagement
create index document_request_firm_status on document_request (firm_id, status, due_date);
create index document_request_engagement on document_request (engagement_id);
create index document_request_client on document_request (client_id, engagement_id);

-- a document of a client, at client level or in one of its engagements, or an attachment of a conversation
-- (messaging; no key on it, as that table comes later). portal_shared repeats visibility = CLIENT for PortalSharing.
create table document (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  engagement_id uuid references engagement (id),
  request_id uuid references document_request (id),
  conversation_id uuid,
  name varchar(255) not null,
  visibility varchar(8) not null,
  portal_shared boolean not null,
  current_version int not null,
  created_at timestamp with time zone not null,
  -- in the trash since; purged 30 days later
  deleted_at timestamp with time zone,
  version int not null
);
create index document_client on document (client_id, deleted_at);
create index document_engagement on document (engagement_id);
create index document_request_files on document (request_id);
create index document_conversation on document (conversation_id);
-- the daily purge looks for documents deleted long enough ago
create index document_deleted on document (deleted_at);

-- every stored version of a document, each with its own encrypted blob
create table document_version (
  document_id uuid not null references document (id),
  number int not null,
  name varchar(255) not null,
  content_type varchar(255) not null,
  size bigint not null,
  sha256 varchar(64) not null,
  blob_key varchar(255) not null,
  key_id varchar(100) not null,
  -- the uploader: a staff user or a contact (contacts may be deleted later, so no key on them), named as then
  uploaded_by_staff uuid references staff_user (id),
  uploaded_by_contact uuid,
  uploaded_by_name varchar(200) not null,
  uploaded_at timestamp with time zone not null,
  primary key (document_id, number)
);

-- every view and download, append-only
create table document_access (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  document_id uuid not null references document (id),
  version int not null,
  staff_id uuid references staff_user (id),
  contact_id uuid,
  who varchar(200) not null,
  kind varchar(16) not null,
  accessed_at timestamp with time zone not null,
  ip varchar(64),
  user_agent varchar(500)
);
create index document_access_document on document_access (document_id, accessed_at);
