import { el } from './dom.ts';

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/**
 * An accessible tab list (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs, Tab moves
 * into the open panel. `onOpen` lets a panel draw itself only when it becomes visible.
 */
export function createTabs(host: HTMLElement, tabs: Tab[], onOpen: (id: string) => void): { open(id: string): void } {
  const list = el('div', { role: 'tablist', 'aria-label': 'Scenario views', className: 'tablist' });
  const buttons = tabs.map((t) =>
    el('button', { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'data-testid': `tab-${t.id}` }, t.label),
  );
  list.append(...buttons);
  for (const t of tabs) {
    t.panel.id = `panel-${t.id}`;
    t.panel.setAttribute('role', 'tabpanel');
    t.panel.setAttribute('aria-labelledby', `tab-${t.id}`);
    t.panel.tabIndex = 0;
  }
  host.prepend(list);
  const open = (id: string, focus = false) => {
    tabs.forEach((t, i) => {
      const selected = t.id === id;
      const b = buttons[i]!;
      b.setAttribute('aria-selected', String(selected));
      b.tabIndex = selected ? 0 : -1;
      t.panel.hidden = !selected;
      if (selected && focus) b.focus();
    });
    onOpen(id);
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => open(tabs[i]!.id));
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      let next = -1;
      if (step) next = (i + step + tabs.length) % tabs.length;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = tabs.length - 1;
      if (next < 0) return;
      e.preventDefault();
      open(tabs[next]!.id, true);
    });
  });
  open(tabs[0]!.id);
  return { open: (id) => open(id) };
}
