-- Image events waiting to be reported to engine-service (an outbox): pull, push, tag, untag, delete, import,
-- load, save. A row goes once engine-service acknowledged it; none are written when no engine is configured.
CREATE TABLE event (
  sequence            bigserial PRIMARY KEY,
  time                timestamptz NOT NULL,
  action              text NOT NULL,
  actor_id            text NOT NULL,
  name                text NOT NULL
);
