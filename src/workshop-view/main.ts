import { RoomCodeSchema } from '../server/protocol.ts';
import { showCreateForm } from './create-form.ts';
import { startProjector } from './projector.ts';

/**
 * workshop.html: the facilitator's page. Without a room it opens one; with `?room=CODE#secret=S` (the
 * facilitator link) it is that room's projector view. The secret is kept in the address's fragment,
 * which the browser never sends on its own; the page sends it in a header (in the query only for the
 * live stream and the export links, which cannot carry headers).
 */
const root = document.getElementById('projector')!;
const code = RoomCodeSchema.safeParse(new URLSearchParams(location.search).get('room') ?? '');
const secret = new URLSearchParams(location.hash.slice(1)).get('secret') ?? '';
if (code.success && secret) startProjector(root, code.data, secret);
else void showCreateForm(root);
