-- Registry metadata. Blob and manifest bytes live in the content store on disk, addressed by
-- digest; a row in blob means the bytes are committed there. Foreign keys from manifest and
-- manifest_reference to blob make it impossible for garbage collection to delete content a
-- manifest still refers to.

CREATE TABLE repository (
  id         bigserial PRIMARY KEY,
  name       text COLLATE "C" NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE blob (
  digest     text PRIMARY KEY,
  size       bigint NOT NULL CHECK (size >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- last push-side use (upload, mount, existence check): garbage collection spares blobs
  -- touched within its grace period
  touched_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blob_touched_at ON blob (touched_at);

-- which repositories may serve a blob (it was pushed or mounted there)
CREATE TABLE repository_blob (
  repository_id bigint NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
  digest        text NOT NULL REFERENCES blob (digest) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository_id, digest)
);
CREATE INDEX repository_blob_digest ON repository_blob (digest);

CREATE TABLE manifest (
  id            bigserial PRIMARY KEY,
  repository_id bigint NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
  digest        text NOT NULL REFERENCES blob (digest),
  media_type    text NOT NULL,
  size          bigint NOT NULL,
  artifact_type text,
  subject       text,
  annotations   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (repository_id, digest)
);
CREATE INDEX manifest_digest ON manifest (digest);
CREATE INDEX manifest_subject ON manifest (repository_id, subject) WHERE subject IS NOT NULL;

-- blobs and child manifests a manifest needs (not its subject, not external layers)
CREATE TABLE manifest_reference (
  manifest_id bigint NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
  digest      text NOT NULL REFERENCES blob (digest),
  PRIMARY KEY (manifest_id, digest)
);
CREATE INDEX manifest_reference_digest ON manifest_reference (digest);

CREATE TABLE tag (
  repository_id bigint NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
  name          text COLLATE "C" NOT NULL,
  manifest_id   bigint NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository_id, name)
);
CREATE INDEX tag_manifest ON tag (manifest_id);

CREATE TABLE upload (
  id            uuid PRIMARY KEY,
  repository_id bigint NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
  size          bigint NOT NULL DEFAULT 0,
  started_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gc_run (
  id              bigserial PRIMARY KEY,
  trigger         text NOT NULL,
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  blobs_deleted   bigint NOT NULL DEFAULT 0,
  bytes_reclaimed bigint NOT NULL DEFAULT 0,
  uploads_purged  bigint NOT NULL DEFAULT 0,
  error           text
);
