-- Containers as records and desired state, the nodes they run on and the events they go through.
-- The node agents own the containers' processes and files; engine-service owns their records.

CREATE TABLE node (
  name                text PRIMARY KEY,
  address             text NOT NULL,                  -- base URL of the node agent's API
  state               text NOT NULL,                  -- up | down
  cpus                int NOT NULL DEFAULT 0,
  memory_bytes        bigint NOT NULL DEFAULT 0,
  kernel_version      text,
  operating_system    text,
  runtime             text,
  registered_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at        timestamptz,
  failed_heartbeats   int NOT NULL DEFAULT 0
);

CREATE TABLE container (
  id                  text PRIMARY KEY,               -- 64 hex
  name                text NOT NULL UNIQUE,           -- without Docker's leading slash
  node                text NOT NULL REFERENCES node (name),
  image               text NOT NULL,                  -- as given: httpd, httpd:2, sha256:...
  image_id            text NOT NULL,                  -- config digest
  manifest_digest     text NOT NULL,
  spec                text NOT NULL,                  -- JSON: the ContainerSpec the node agent got
  state               text NOT NULL,                  -- creating | created | running | paused | restarting | exited | dead
  pid                 int NOT NULL DEFAULT 0,
  exit_code           int,
  oom_killed          boolean NOT NULL DEFAULT false,
  error               text,
  created_at          timestamptz NOT NULL,
  started_at          timestamptz,
  finished_at         timestamptz,
  restart_count       int NOT NULL DEFAULT 0,
  network             text,                           -- JSON: NetworkInfo while attached
  -- the revision of the node's record this state was taken from; an older status never overwrites a newer one
  node_revision       bigint NOT NULL DEFAULT 0,
  version             bigint NOT NULL DEFAULT 0
);
CREATE INDEX container_node ON container (node);
CREATE INDEX container_created ON container (created_at);

-- node reports applied, so that a report arriving twice is applied once
CREATE TABLE node_report (
  node                text NOT NULL REFERENCES node (name) ON DELETE CASCADE,
  sequence            bigint NOT NULL,
  received_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (node, sequence)
);

CREATE TABLE event (
  id                  bigserial PRIMARY KEY,
  time                timestamptz NOT NULL,
  type                text NOT NULL,                  -- container | image | network | volume | node
  action              text NOT NULL,                  -- create, start, die, ...
  actor_id            text NOT NULL,
  attributes          text NOT NULL DEFAULT '{}'      -- JSON object of strings
);
CREATE INDEX event_time ON event (time);
