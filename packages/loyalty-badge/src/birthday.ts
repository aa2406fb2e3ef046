/**
 * The member's birthday, in the Earn panel of a programme that rewards it: a
 * month and a day (never the year), given once; then the date it keeps. The
 * shop sets no date for the member and a wrong one cannot be changed from here,
 * so the form says that before it is sent.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { describeError, LoyaltyMember, request, toAdapterError, type LoyaltyProgram } from '@shopfront/core';
import type { PanelContext } from './panels.js';
import type { Member } from './snapshot.js';

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
/** The longest month; a day past the end of the chosen month is refused by the server (`30 February`). */
const DAYS = Array.from({ length: 31 }, (_, index) => index + 1);
/** A leap year, so 29 February can be chosen and named. */
const YEAR = 2000;

export class BirthdayController implements ReactiveController {
  #saving = false;
  #failure = '';
  #abort = new AbortController();

  constructor(private readonly context: PanelContext) {
    context.host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  render(program: LoyaltyProgram, member: Member) {
    const way = program.waysToEarn.find((candidate) => candidate.kind === 'birthday');
    if (!way || !this.context.host.runtime?.adapter?.loyalty?.setBirthday) return nothing;
    const { text, points } = this.context;
    const format = this.context.host.i18n.format;
    const name = (month: number, day?: number) =>
      format.date(
        Date.UTC(YEAR, month - 1, day ?? 1),
        day ? { month: 'long', day: 'numeric', timeZone: 'UTC' } : { month: 'long', timeZone: 'UTC' },
      );
    if (member.birthday)
      return html`<p class="birthday" part="birthday">${text.birthdayKept(name(member.birthday.month, member.birthday.day))}</p>`;
    return html`<form class="birthday" part="birthday-form" aria-labelledby="birthday-title" @submit=${this.#save}>
      <h3 id="birthday-title">${text.birthdayTitle}</h3>
      <p class="muted" id="birthday-hint">${text.birthdayHint(points(way.points))}</p>
      <span class="birthday-fields">
        <label for="birthday-month">${text.month}</label>
        <select id="birthday-month" class="field" name="month" required aria-describedby="birthday-hint">
          <option value=""></option>
          ${MONTHS.map((month) => html`<option value=${month}>${name(month)}</option>`)}
        </select>
        <label for="birthday-day">${text.day}</label>
        <select id="birthday-day" class="field" name="day" required>
          <option value=""></option>
          ${DAYS.map((day) => html`<option value=${day}>${format.number(day)}</option>`)}
        </select>
        <button class="sf-button" part="button birthday-button" type="submit" aria-disabled=${this.#saving ? 'true' : 'false'}>
          ${this.#saving ? text.saving : text.save}
        </button>
      </span>
      ${this.#failure ? html`<p class="failure" role="alert">${this.#failure}</p>` : nothing}
    </form>`;
  }

  readonly #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    const { host, text } = this.context;
    const form = new FormData(event.target as HTMLFormElement);
    const birthday = { month: Number(form.get('month')), day: Number(form.get('day')) };
    const signal = this.#abort.signal;
    this.#saving = true;
    this.#failure = '';
    host.requestUpdate();
    try {
      const member = await request(
        host.runtime?.adapter,
        'loyalty',
        LoyaltyMember,
        (loyalty, inner) => loyalty.setBirthday!(birthday, { signal: inner }),
        { signal },
      );
      const snapshot = this.context.host.snapshot.value;
      // The member as the shop has them now: the birthday kept, and its points if this year's has passed.
      if (snapshot) host.snapshot.set({ ...snapshot, member });
    } catch (error) {
      if (signal.aborted) return;
      const failure = toAdapterError(error);
      this.#failure =
        failure.status === 409 ? text.birthdayTaken : failure.field === 'day' ? text.noSuchDay : describeError(failure, host.coreText);
    } finally {
      if (!signal.aborted) {
        this.#saving = false;
        host.requestUpdate();
      }
    }
  };
}
