// Every sound the game can play. scripts/make-audio.sh generates one .ogg and one .mp3 per id
// into assets/audio/, and tests/game/audio.test.ts fails if the two lists drift apart.
export const SOUND_IDS = [
  'ui-click',
  'ui-hover',
  'choice',
  'prep-tick',
  'sting-pleased',
  'sting-skeptical',
  'sting-annoyed',
  'sting-pressing',
  'outcome-deal',
  'outcome-walked',
  'outcome-lost',
] as const;

export type SoundId = (typeof SOUND_IDS)[number];
