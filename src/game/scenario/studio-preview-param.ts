/** The game's address parameter that asks for the studio's preview (see studio-preview.ts). */
export const PREVIEW_PARAM = 'studio-preview';
