/** The inbox page's look, on the design tokens every Shopfront element shares. */
import { css } from 'lit';
import { hostStyles } from '@shopfront/core';

export const inboxStyles = [
  hostStyles,
  css`
    :host {
      display: grid;
      grid-template-rows: auto auto 1fr;
      min-block-size: 100vh;
      background: var(--_surface-alt);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 4);
      padding: calc(var(--_space) * 3) calc(var(--_space) * 5);
      background: var(--_surface);
      border-block-end: 1px solid var(--_border);
    }
    h1 {
      font-size: 1.1rem;
      margin: 0;
      flex: 1;
    }
    .pill {
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      font-size: 0.85rem;
      background: var(--_surface-alt);
    }
    .pill.online {
      background: color-mix(in srgb, var(--_success) 20%, transparent);
    }
    button,
    select,
    textarea,
    input {
      font: inherit;
      color: inherit;
    }
    button {
      cursor: pointer;
      border: 1px solid var(--_border);
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.35rem 0.8rem;
    }
    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: transparent;
    }
    button:focus-visible,
    select:focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: var(--_focus-ring);
      outline-offset: 2px;
    }
    [role='tablist'] {
      display: flex;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 2) calc(var(--_space) * 5);
    }
    [role='tab'][aria-selected='true'] {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .panel {
      padding: 0 calc(var(--_space) * 5) calc(var(--_space) * 5);
      min-block-size: 0;
    }
    .conversations {
      display: grid;
      grid-template-columns: minmax(14rem, 22rem) minmax(0, 1fr) minmax(15rem, 22rem);
      gap: calc(var(--_space) * 4);
      align-items: start;
      block-size: 100%;
    }
    /* Narrower: the shopper goes under the thread; phone-sized: everything in one column. */
    @media (max-width: 70rem) {
      .conversations {
        grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr);
      }
      .shopper {
        grid-column: 2;
      }
    }
    @media (max-width: 40rem) {
      .conversations {
        grid-template-columns: minmax(0, 1fr);
      }
      .shopper {
        grid-column: auto;
      }
      .panel,
      [role='tablist'],
      header {
        padding-inline: calc(var(--_space) * 2);
      }
      [role='tablist'] {
        flex-wrap: wrap;
      }
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
      margin-block-end: calc(var(--_space) * 3);
      font-size: 0.85rem;
    }
    .filters label,
    .thread-controls label {
      display: grid;
      gap: 0.1rem;
    }
    .thread-controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 2);
      font-size: 0.85rem;
    }
    .thread-controls p {
      margin: 0;
    }
    form.snooze {
      display: flex;
      align-items: end;
      gap: calc(var(--_space) * 1);
    }
    input {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.3rem;
      background: var(--_surface);
    }
    form.reply {
      position: relative;
    }
    form.reply .meta {
      grid-column: 1 / -1;
      margin: 0;
    }
    .picker {
      grid-column: 1 / -1;
      list-style: none;
      margin: 0;
      padding: calc(var(--_space) * 1);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      display: grid;
      gap: 0.1rem;
    }
    .picker [role='option'] {
      padding: calc(var(--_space) * 1) calc(var(--_space) * 2);
      border-radius: var(--_radius);
      cursor: pointer;
      display: grid;
    }
    .picker [role='option'][aria-selected='true'] {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .picker [aria-selected='true'] .preview {
      color: inherit;
    }
    .saved-replies,
    .team {
      display: grid;
      gap: calc(var(--_space) * 4);
      max-inline-size: 48rem;
    }
    .saved-replies h2,
    .team h2 {
      font-size: 1rem;
      margin: 0;
    }
    .saved-body {
      white-space: pre-wrap;
      margin: 0;
    }
    .shopper h2 {
      font-size: 1rem;
      margin: 0;
    }
    .shopper h3 {
      font-size: 0.9rem;
      margin: calc(var(--_space) * 2) 0 calc(var(--_space) * 1);
    }
    .shopper p,
    .shopper dl {
      margin: 0;
    }
    .shopper dt {
      font-size: 0.75rem;
      color: var(--_text-muted);
    }
    .shopper dd {
      margin: 0 0 calc(var(--_space) * 1);
    }
    .badge {
      display: inline-block;
      padding: 0 0.5rem;
      border-radius: 999px;
      border: 1px solid var(--_border);
      font-size: 0.8rem;
    }
    .note,
    .withheld {
      font-size: 0.85rem;
      padding: calc(var(--_space) * 2);
      border-inline-start: 3px solid var(--_accent);
      background: var(--_surface-alt);
    }
    .facts {
      margin: 0;
      padding-inline-start: 1.1rem;
      display: grid;
      gap: calc(var(--_space) * 1);
    }
    button.link {
      border: 0;
      padding: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 2);
      align-content: start;
    }
    .list button {
      inline-size: 100%;
      text-align: start;
      display: grid;
      gap: 0.1rem;
    }
    .list button[aria-current='true'] {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    .preview {
      color: var(--_text-muted);
      font-size: 0.85rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .unread {
      font-weight: 700;
      color: var(--_accent);
    }
    .thread {
      display: grid;
      grid-template-rows: auto 1fr auto;
      gap: calc(var(--_space) * 3);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 4);
      min-block-size: 24rem;
    }
    .thread-head {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 3);
      align-items: center;
      justify-content: space-between;
    }
    .messages {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 2);
      overflow-y: auto;
      max-block-size: 60vh;
    }
    .message {
      max-inline-size: 75%;
      padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .message.agent {
      align-self: flex-end;
      background: color-mix(in srgb, var(--_accent) 15%, var(--_surface));
    }
    .meta {
      display: block;
      font-size: 0.75rem;
      color: var(--_text-muted);
    }
    form.reply {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: calc(var(--_space) * 2);
      align-items: end;
    }
    textarea {
      inline-size: 100%;
      box-sizing: border-box;
      min-block-size: 4rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
    }
    .card {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 4);
      display: grid;
      gap: calc(var(--_space) * 2);
      overflow-wrap: anywhere;
    }
    .cards {
      display: grid;
      gap: calc(var(--_space) * 3);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .actions {
      display: flex;
      gap: calc(var(--_space) * 2);
      flex-wrap: wrap;
    }
    .photos img {
      inline-size: 6rem;
      block-size: auto;
      border-radius: 4px;
    }
    .empty {
      color: var(--_text-muted);
    }
    .notice {
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--_danger);
      background: var(--_surface);
    }
    .card pre {
      white-space: pre-wrap;
      font: inherit;
      margin: 0.5rem 0 0;
    }
    .error {
      color: var(--_danger);
    }
    .sr-only {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .report {
      display: grid;
      gap: calc(var(--_space) * 4);
      justify-items: start;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: calc(var(--_space) * 4);
      margin: 0;
      inline-size: 100%;
    }
    .figures div {
      padding: calc(var(--_space) * 3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .figures dt {
      color: var(--_text-muted);
    }
    .figures dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 600;
    }
  `,
];
