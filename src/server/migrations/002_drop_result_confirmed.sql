-- Whether the rep's browser reported the same result as the server's replay was stored and never read:
-- a finished game without a flag says it already (a result that differs is refused and flagged), and
-- writing it cost the embedded database one statement per finished game at the busiest moment of a room.
ALTER TABLE reps DROP COLUMN result_confirmed;
