-- Reports applied, keyed by their source ('node/<name>' for a node agent, 'service/<name>' for a service such as
-- image-service) and the source's sequence number, so that a report arriving twice is applied once. Rows go with
-- the events' retention.
CREATE TABLE report (
  source              text NOT NULL,
  sequence            bigint NOT NULL,
  received_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, sequence)
);
INSERT INTO report (source, sequence, received_at) SELECT 'node/' || node, sequence, received_at FROM node_report;
DROP TABLE node_report;
CREATE INDEX report_received ON report (received_at);
