/**
 * Visible messages over the game: short notices (a save that could not be resumed, a scenario loaded)
 * and the list of problems in an uploaded scenario file. Plain DOM so the text can be read, selected and
 * copied; always visible, never only on the canvas.
 */
export class NoticeBoard {
  private readonly root: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly problems: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.root.className = 'notices';
    this.notice = document.createElement('p');
    this.notice.dataset['testid'] = 'notice';
    this.notice.setAttribute('role', 'status');
    this.notice.hidden = true;
    this.problems = document.createElement('section');
    this.problems.dataset['testid'] = 'scenario-problems';
    this.problems.setAttribute('role', 'alert');
    this.problems.hidden = true;
    this.root.append(this.notice, this.problems);
  }

  /** A short message that fades after a while (long enough to read). */
  show(message: string, ms = 9000): void {
    this.notice.textContent = message;
    this.notice.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.notice.hidden = true), ms);
  }

  /** Every problem of a scenario file, one line each (`file:line:col  field  message`), until dismissed. */
  showProblems(fileName: string, lines: readonly string[]): void {
    const title = document.createElement('h2');
    title.textContent = `${fileName} could not be loaded (${lines.length} problem${lines.length === 1 ? '' : 's'}):`;
    const list = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.dataset['testid'] = 'scenario-problem';
      li.textContent = line;
      list.append(li);
    }
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.dataset['testid'] = 'dismiss-problems';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => this.clearProblems());
    this.problems.replaceChildren(title, list, dismiss);
    this.problems.hidden = false;
  }

  clearProblems(): void {
    this.problems.replaceChildren();
    this.problems.hidden = true;
  }

  setDragOver(over: boolean): void {
    this.root.classList.toggle('drag-over', over);
  }
}
