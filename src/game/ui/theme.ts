/** The one flat visual style of the game: a small palette, one type family, a few sizes. */
export const COLORS = {
  background: 0x1b2230,
  backgroundDeep: 0x141a25,
  panel: 0x263044,
  panelLight: 0x33405a,
  line: 0x46546f,
  text: 0xf4f1ea,
  textMuted: 0xa9b3c7,
  accent: 0x3cc6b4,
  accentDark: 0x249384,
  warm: 0xf2a65a,
  danger: 0xe0605e,
  success: 0x6cc070,
  theirs: 0xe0605e,
  yours: 0x3cc6b4,
  focus: 0xffd166,
} as const;

/** CSS colour of a palette entry, for Text styles. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

export const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

export const TEXT = {
  title: { fontFamily: FONT, fontSize: '40px', color: css(COLORS.text), fontStyle: 'bold' },
  heading: { fontFamily: FONT, fontSize: '24px', color: css(COLORS.text), fontStyle: 'bold' },
  body: { fontFamily: FONT, fontSize: '19px', color: css(COLORS.text) },
  small: { fontFamily: FONT, fontSize: '15px', color: css(COLORS.textMuted) },
  label: { fontFamily: FONT, fontSize: '14px', color: css(COLORS.textMuted), fontStyle: 'bold' },
} as const;
