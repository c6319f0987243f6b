import { ATTEMPT_MODES } from '../engine/index.ts';
import { RoomClient } from '../server/client.ts';
import { el } from './dom.ts';

interface ScenarioChoice {
  id: string;
  title: string;
  personas: { id: string; name: string; title: string; difficulty: number }[];
}

const MODE_TEXT: Record<(typeof ATTEMPT_MODES)[number], string> = {
  coach: 'Coach: hints shown',
  practice: 'Practice',
  assessment: 'Assessment: first attempt counts',
};

/** The facilitator's first screen: pick a scenario, a counterpart (or one at random per rep) and a mode. */
export async function showCreateForm(root: HTMLElement): Promise<void> {
  const res = await fetch('/api/scenarios');
  const scenarios = (await res.json()) as ScenarioChoice[];
  const scenario = el('select', { testid: 'create-scenario' }, ...scenarios.map((s) => el('option', { text: s.title, attrs: { value: s.id } })));
  const persona = el('select', { testid: 'create-persona' });
  const mode = el('select', { testid: 'create-mode' }, ...ATTEMPT_MODES.map((m) => el('option', { text: MODE_TEXT[m], attrs: { value: m } })));
  mode.value = 'practice';
  const fillPersonas = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    persona.replaceChildren(
      el('option', { text: 'A random counterpart for each rep', attrs: { value: '' } }),
      ...(s?.personas ?? []).map((p) => el('option', { text: `${p.name}, ${p.title} (difficulty ${p.difficulty} of 5)`, attrs: { value: p.id } })),
    );
  };
  scenario.addEventListener('change', fillPersonas);
  fillPersonas();
  const error = el('p', { cls: 'error', attrs: { role: 'alert' } });
  error.hidden = true;
  const create = el('button', { text: 'Open the room', testid: 'create-room', attrs: { type: 'submit' } });
  const form = el(
    'form',
    { cls: 'create' },
    el('h1', { text: 'Walkaway workshop: open a room' }),
    el('p', {
      cls: 'note',
      text: 'Reps join from their own laptop or phone with the room code; you watch the room here and reveal the results when everyone is done.',
    }),
    el('label', { text: 'Scenario' }, scenario),
    el('label', { text: 'Counterpart' }, persona),
    el('label', { text: 'Mode' }, mode),
    error,
    create,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    create.disabled = true;
    new RoomClient(location.origin)
      .create({ scenarioId: scenario.value, personaId: persona.value || null, mode: mode.value as (typeof ATTEMPT_MODES)[number] })
      .then((room) => location.assign(room.facilitatorUrl))
      .catch((err: Error) => {
        error.textContent = err.message;
        error.hidden = false;
        create.disabled = false;
      });
  });
  root.replaceChildren(form);
}
