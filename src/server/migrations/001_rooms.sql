-- Rooms, their reps, and what the facilitator was warned about. A rep's negotiation is stored as its
-- attempt record and nothing else of it is trusted; the verified summary beside it is what the server's
-- own replay of that record said.
CREATE TABLE rooms (
  code text PRIMARY KEY,
  secret text NOT NULL,
  scenario_id text NOT NULL,
  fingerprint text NOT NULL,
  persona_id text,
  mode text NOT NULL,
  locked boolean NOT NULL DEFAULT false,
  ended boolean NOT NULL DEFAULT false,
  revealed boolean NOT NULL DEFAULT false,
  hide_names boolean NOT NULL DEFAULT false,
  compare_a text,
  compare_b text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reps (
  id text PRIMARY KEY,
  room_code text NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  name_key text NOT NULL,
  token text NOT NULL UNIQUE,
  persona_id text NOT NULL,
  seed integer NOT NULL,
  record jsonb NOT NULL,
  move_count integer NOT NULL DEFAULT 0,
  over boolean NOT NULL DEFAULT false,
  summary jsonb,
  result_confirmed boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (room_code, name_key),
  UNIQUE (room_code, position)
);

CREATE TABLE flags (
  id serial PRIMARY KEY,
  room_code text NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  rep_id text REFERENCES reps (id) ON DELETE CASCADE,
  message text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX flags_room ON flags (room_code);
