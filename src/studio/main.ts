import '../web/zod-jitless.ts';
import { packageTable } from '../engine/analysis/package-table.ts';
import { scenarioValueUnit } from '../engine/persona/worth.ts';
import { enableDropUpload } from '../game/scenario/scenario-upload.ts';
import { AuditClient } from './audit-client.ts';
import { el } from './dom.ts';
import { createEditor } from './editor.ts';
import { downloadName, downloadText } from './file-io.ts';
import { PackageView } from './package-view.ts';
import { PreviewView } from './preview-view.ts';
import { ProblemsView } from './problems-view.ts';
import { openSource, sourceChoices, TEMPLATE_FILE } from './sources.ts';
import { createTabs } from './tabs.ts';
import { TeachingView } from './teaching-view.ts';
import { validateText, type Validation } from './validation.ts';
import templateText from './template.yaml?raw';

/**
 * The scenario studio: a trainer writes or edits a scenario in the editor and sees, beside it, the
 * problems the loader finds, the package table, the teaching audit and the game itself playing the
 * text. Every view is drawn from the engine's own functions; nothing leaves the browser.
 */
function start(): void {
  const byId = <T extends HTMLElement>(id: string) => {
    const node = document.getElementById(id);
    if (!node) throw new Error(`studio.html lacks #${id}`);
    return node as T;
  };
  let fileName = TEMPLATE_FILE;
  // A text started from the template is named after its scenario id (a trainer who renames the id
  // downloads "<id>.yaml", not the template's name); an opened file keeps its own name.
  let namedById = true;
  let lastValid: Validation | null = null;
  let openTab = 'problems';
  let packagesDirty = true;
  let currentOk = true;

  const status = byId('status');
  const statusText = byId('status-text');
  const errorsButton = byId<HTMLButtonElement>('status-errors');
  const fileLabel = byId('file-name');
  const problems = new ProblemsView(byId('panel-problems-host'), (line, col) => editor.goTo(line, col));
  const packages = new PackageView(byId('panel-packages-host'));
  const teaching = new TeachingView(byId('panel-teaching-host'));
  const preview = new PreviewView(byId('panel-play-host'), () => ({ text: editor.text(), fileName }));
  const audit = new AuditClient((s) => teaching.state(s));

  const drawPackages = () => {
    if (!packagesDirty || openTab !== 'packages' || !lastValid?.ok) return;
    const started = performance.now();
    // Labelled in the unit the game shows values in (points unless every issue is money).
    const table = { ...packageTable(lastValid.scenario), unit: scenarioValueUnit(lastValid.scenario) };
    packages.show(table, performance.now() - started);
    packagesDirty = false;
    // Drawn from the last text that loaded: if the current one does not, say so over it.
    if (!currentOk) packages.stale();
  };

  const onValidated = (v: Validation, text: string) => {
    problems.show(v);
    const errors = v.problems.filter((p) => p.severity === 'error').length;
    const warnings = v.problems.length - errors;
    // The error count is a button to the list: on a short screen the list is below the editor, unseen.
    errorsButton.textContent = errors ? `${errors} error${errors === 1 ? '' : 's'}` : '';
    errorsButton.hidden = !errors;
    statusText.textContent = errors ? '' : `Valid scenario${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
    status.className = errors ? 'bad' : 'good';
    document.body.dataset['validatedMs'] = v.ms.toFixed(1);
    currentOk = v.ok;
    if (v.ok) {
      lastValid = v;
      if (namedById && fileName !== `${v.scenario.id}.yaml`) {
        fileName = `${v.scenario.id}.yaml`;
        fileLabel.textContent = fileName;
      }
      packagesDirty = true;
      drawPackages();
      preview.update(v.scenario);
      audit.schedule(text, fileName);
    } else {
      packages.stale();
      preview.update(null);
      audit.cancel();
    }
  };

  const editor = createEditor(byId('editor'), {
    text: templateText,
    label: 'Scenario file (YAML)',
    validate: (text) => {
      const v = validateText(text, fileName);
      onValidated(v, text);
      return v;
    },
  });

  // One column (a phone, a narrow window): the panels sit under the editor, so a tab the trainer opens
  // is scrolled up to be seen (not the first, opened as the page loads). Same query as studio.css.
  const oneColumn = matchMedia('(max-width: 900px), (max-height: 500px)');
  let tabsReady = false;
  const tabs = createTabs(
    byId('panels'),
    [
      { id: 'problems', label: 'Problems', panel: byId('panel-problems-host') },
      { id: 'packages', label: 'Package table', panel: byId('panel-packages-host') },
      { id: 'teaching', label: 'Teaching table', panel: byId('panel-teaching-host') },
      { id: 'play', label: 'Play', panel: byId('panel-play-host') },
    ],
    (id) => {
      openTab = id;
      byId('panels').parentElement?.classList.toggle('playing', id === 'play');
      drawPackages();
      if (tabsReady && oneColumn.matches) byId('panels').scrollIntoView({ block: 'start' });
    },
  );

  tabsReady = true;
  // Opening the tab scrolls the panels up in one column; focus then lands on the first problem.
  errorsButton.addEventListener('click', () => {
    tabs.open('problems');
    problems.focusFirst();
  });
  // The package table's header sticks below the tab bar, which sticks to the top in one column.
  const tabBar = byId('panels').querySelector<HTMLElement>('[role="tablist"]');
  if (tabBar) new ResizeObserver(() => document.body.style.setProperty('--tab-bar-height', `${tabBar.offsetHeight}px`)).observe(tabBar);

  const load = (text: string, name: string, fromTemplate = false) => {
    namedById = fromTemplate;
    fileName = name;
    fileLabel.textContent = name;
    editor.setText(text);
  };

  // Open: a shipped scenario or the template.
  const source = byId<HTMLSelectElement>('source');
  source.append(...sourceChoices().map((c) => el('option', { value: c.value }, c.label)));
  byId('open-source').addEventListener('click', () => {
    void openSource(source.value).then(({ text, fileName: name }) => load(text, name, source.value === 'template'));
  });
  // Open: a file of the trainer's own, by picker or by dropping it on the page.
  const fileInput = byId<HTMLInputElement>('open-file');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void file.text().then((text) => load(text, file.name));
    fileInput.value = '';
  });
  enableDropUpload(document.body, load, (over) => document.body.classList.toggle('drag-over', over));
  byId('download').addEventListener('click', () => downloadText(editor.text(), downloadName(fileName, lastValid?.ok ? lastValid.scenario.id : undefined)));
  fileLabel.textContent = fileName;
}

start();
