import { applyThemeChoice, readThemeChoice } from './theme.ts';

/**
 * Imported first by main.tsx, so the saved scheme is on <html> before React renders anything.
 * A module, not an inline script: the content security policy allows no inline scripts. With
 * no saved choice nothing is set and CSS follows the system's scheme on its own.
 */
applyThemeChoice(readThemeChoice());
