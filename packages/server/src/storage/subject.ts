/**
 * Who a privacy request (an export or an erasure) is about: the shop's customer
 * id, their email, or both. A record is theirs when it matches either; emails
 * are matched case-insensitively. Each area's `exportCustomer`/`eraseCustomer`
 * says which of the two its records carry.
 */
export interface DataSubject {
  customerId?: string;
  /** Lower-cased by the storage before it compares. */
  email?: string;
}

/** The subject's keys as statement parameters: `null` for one not given, which no column equals. */
export const subjectKeys = (subject: DataSubject): [string | null, string | null] => [
  subject.customerId ?? null,
  subject.email?.toLowerCase() ?? null,
];
