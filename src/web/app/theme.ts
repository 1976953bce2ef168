import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Colours are chosen for WCAG 2.1 AA contrast on white: Mantine's default blue filled button
 * (shade 6) reaches only 3.55:1, shade 8 reaches 5:1; dimmed text, links, placeholders and error
 * messages are darkened likewise.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '700' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // Dialogs and dropdowns appear at once: a fade leaves half-transparent text on screen (and in
    // accessibility checks) for no gain in a working tool.
    Modal: { defaultProps: { transitionProps: { duration: 0 } } },
    Popover: { defaultProps: { transitionProps: { duration: 0 } } },
    Menu: { defaultProps: { transitionProps: { duration: 0 } } },
    Combobox: { defaultProps: { transitionProps: { duration: 0 } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Text of light buttons, badges, alerts and the active navigation item: Mantine's shade 9 is too
    // pale on the tints behind it (blue on its hover tint reaches only 4:1).
    '--mantine-color-blue-light-color': '#0f4c81',
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-orange-light-color': '#8a3500',
    '--mantine-color-yellow-light-color': '#6b4d00',
  },
  dark: {},
});
