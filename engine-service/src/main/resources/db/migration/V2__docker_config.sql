-- The Docker Engine API create body a container was made from (Config, HostConfig, NetworkingConfig as
-- JSON), so that Docker's inspect shows what the client sent; null for containers made through the native API.
ALTER TABLE container ADD COLUMN docker_config text;
