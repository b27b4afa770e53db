-- Several nodes share the work after intake (redress.work.queue=rabbitmq, docs/DEPLOYMENT.md).
-- lane_key: the conversation a complaint belongs to (its sender's address): one conversation's complaints are handled
-- one after the other, in the order received, whichever node takes them from the queue.
ALTER TABLE complaint ADD COLUMN lane_key VARCHAR(320);
CREATE INDEX complaint_lane_key ON complaint (lane_key, outcome);
-- queued_at: when a complaint from a channel other than e-mail reached the shared queue; until then the register is
-- what keeps it (retry-submissions hands it over again), afterwards the queue is.
ALTER TABLE complaint ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
