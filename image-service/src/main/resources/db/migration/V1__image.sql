-- The local image store. Bytes (layers, configs, manifests) live in the content store on disk,
-- addressed by digest; a blob row means they are committed there. Foreign keys from images to
-- blobs keep a blob as long as an image uses it.

CREATE TABLE blob (
  digest            text PRIMARY KEY,
  size              bigint NOT NULL CHECK (size >= 0),
  media_type        text NOT NULL,
  -- for layers: the digest and size of the uncompressed tar
  diff_id           text,
  uncompressed_size bigint,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE image (
  id                  text PRIMARY KEY REFERENCES blob (digest),   -- the config digest, Docker's image ID
  manifest_digest     text NOT NULL REFERENCES blob (digest),
  manifest_media_type text NOT NULL,
  os                  text NOT NULL,
  architecture        text NOT NULL,
  variant             text,
  created             timestamptz,                                -- from the config
  size                bigint NOT NULL,                            -- unpacked size of all layers
  stored_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX image_manifest ON image (manifest_digest);

CREATE TABLE image_layer (
  image_id text NOT NULL REFERENCES image (id) ON DELETE CASCADE,
  position int NOT NULL,
  digest   text NOT NULL REFERENCES blob (digest),
  PRIMARY KEY (image_id, position)
);
CREATE INDEX image_layer_digest ON image_layer (digest);

-- repository is canonical: registry/path (docker.io/library/httpd, 127.0.0.1:5000/team/app)
CREATE TABLE tag (
  repository text COLLATE "C" NOT NULL,
  name       text COLLATE "C" NOT NULL,
  image_id   text NOT NULL REFERENCES image (id) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repository, name)
);
CREATE INDEX tag_image ON tag (image_id);

-- the manifest digests an image is known by in a registry repository (RepoDigests)
CREATE TABLE repo_digest (
  repository text COLLATE "C" NOT NULL,
  digest     text NOT NULL,
  image_id   text NOT NULL REFERENCES image (id) ON DELETE CASCADE,
  PRIMARY KEY (repository, digest)
);
CREATE INDEX repo_digest_image ON repo_digest (image_id);
