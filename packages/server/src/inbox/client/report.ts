/** The report tab: how it went over a period, for the whole team. Read again each time it is shown. */
import { html, nothing } from 'lit';
import { REPORT_PERIODS, type TeamReport } from '../wire.js';
import type { InboxHost } from './host.js';

/** "45 s", "3 min", "2 h 5 min": a first answer's time as a person reads it. */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export class ReportTab {
  days: (typeof REPORT_PERIODS)[number] = 30;
  report?: TeamReport;

  constructor(private readonly host: InboxHost) {}

  async load(): Promise<void> {
    this.report = await this.host.api.report(this.days);
    this.host.requestUpdate();
  }

  #onPeriod = (event: Event): void => {
    this.days = Number((event.target as HTMLSelectElement).value) as ReportTab['days'];
    void this.host.run(() => this.load());
  };

  render() {
    const report = this.report;
    return html`<section class="report" aria-label="Report">
      <label
        >Period
        <select @change=${this.#onPeriod}>
          ${REPORT_PERIODS.map((days) => html`<option value=${days} ?selected=${days === this.days}>The last ${days} days</option>`)}
        </select>
      </label>
      ${
        report
          ? html`<dl class="figures">
              <div>
                <dt>Conversations</dt>
                <dd>${report.conversations}</dd>
              </div>
              <div>
                <dt>Answered</dt>
                <dd>${report.answered}</dd>
              </div>
              <div>
                <dt>Median first answer</dt>
                <dd>${report.medianFirstResponseSeconds === undefined ? '–' : duration(report.medianFirstResponseSeconds)}</dd>
              </div>
              <div>
                <dt>Average rating</dt>
                <dd>${report.averageRating === undefined ? '–' : `${report.averageRating} / 5`} (${report.ratings} ratings)</dd>
              </div>
            </dl>`
          : nothing
      }
    </section>`;
  }
}
