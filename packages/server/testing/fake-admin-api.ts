/**
 * A stand-in for Shopify's Admin GraphQL endpoint, for tests (nothing here may
 * reach Shopify). It answers the operations Shopfront sends as Shopify
 * documents them: `X-Shopify-Access-Token` checked (401 otherwise), one API
 * version served, `userErrors` for bad input with Shopify's codes and field
 * paths, `metafieldsSet` all-or-nothing and at most 25 inputs, a cost bucket
 * that answers `THROTTLED` with `extensions.cost` when drained, and injectable
 * outages. Every mutation it accepts or refuses is recorded.
 */
import { ADMIN_API_VERSION } from '../src/shopify/admin-api.js';

export interface RecordedMutation {
  operation: string;
  variables: Record<string, unknown>;
  userErrors: UserError[];
}

interface UserError {
  field: string[];
  code: string;
  message: string;
  elementIndex?: number;
}

export interface FakeDiscount {
  id: string;
  code: string;
  title: string;
  customers: string[];
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  value: { discountAmount?: { amount: string }; percentage?: number };
  startsAt: string;
  endsAt: string | null;
}

export interface FakeAdminApiOptions {
  shop?: string;
  accessToken?: string;
  /** Points a query may cost when the bucket is full (Shopify's standard plan: 2000… here small, to test draining). */
  bucketSize?: number;
  restoreRate?: number;
  /** Clock for the bucket, in ms (default `Date.now`). */
  now?: () => number;
}

const OPERATIONS = [
  'discountCodeBasicCreate',
  'metafieldsSet',
  'metafieldsDelete',
  'codeDiscountNodeByCode',
  'currentAppInstallation',
] as const;
type Operation = (typeof OPERATIONS)[number];
const MUTATION_COST = 10;
const QUERY_COST = 2;
const GID = (type: string) => new RegExp(`^gid://shopify/${type}/\\d{1,20}$`);

export class FakeAdminApi {
  readonly shop: string;
  readonly accessToken: string;
  readonly mutations: RecordedMutation[] = [];
  readonly discounts = new Map<string, FakeDiscount>();
  /** `ownerId namespace.key` → the stored metafield. */
  readonly metafields = new Map<string, { type: string; value: string }>();
  readonly appInstallationId = 'gid://shopify/AppInstallation/1001';
  /** Requests seen, throttled and failed ones included. */
  requests = 0;

  readonly #bucketSize: number;
  readonly #restoreRate: number;
  readonly #now: () => number;
  #available: number;
  #lastRefill: number;
  #outages: number[] = [];
  #nextId = 1;

  constructor(options: FakeAdminApiOptions = {}) {
    this.shop = options.shop ?? 'shopfront-test.myshopify.com';
    this.accessToken = options.accessToken ?? 'shpat_test_token';
    this.#bucketSize = options.bucketSize ?? 1000;
    this.#restoreRate = options.restoreRate ?? 50;
    this.#now = options.now ?? Date.now;
    this.#available = this.#bucketSize;
    this.#lastRefill = this.#now();
  }

  /** The next `count` requests fail with HTTP `status` (a 5xx outage, or 429). */
  failNext(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.#outages.push(status);
  }

  /** Empties the cost bucket: the next calls are throttled until it refills. */
  drain(): void {
    this.#available = 0;
    this.#lastRefill = this.#now();
  }

  metafield(ownerId: string, namespace: string, key: string) {
    return this.metafields.get(`${ownerId} ${namespace}.${key}`);
  }

  /** A `fetch` to hand the client under test. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    this.requests++;
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host !== this.shop || url.pathname !== `/admin/api/${ADMIN_API_VERSION}/graphql.json` || request.method !== 'POST') {
      return json({ errors: 'Not Found' }, 404);
    }
    if (request.headers.get('x-shopify-access-token') !== this.accessToken) {
      return json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, 401);
    }
    const outage = this.#outages.shift();
    if (outage) return json({ errors: 'Service unavailable' }, outage, outage === 429 ? { 'retry-after': '1' } : {});
    let body: { query?: unknown; variables?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json({ errors: [{ message: 'Invalid JSON in request body', extensions: { code: 'BAD_REQUEST' } }] }, 400);
    }
    const query = typeof body.query === 'string' ? body.query : '';
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    const operation = OPERATIONS.find((name) => new RegExp(`\\b${name}\\s*[({]`).test(query));
    if (!operation) return json({ errors: [{ message: 'Field not known to this fake', extensions: { code: 'undefinedField' } }] });

    const cost = /^\s*mutation\b/.test(query) ? MUTATION_COST : QUERY_COST;
    this.#refill();
    const throttleStatus = () => ({
      maximumAvailable: this.#bucketSize,
      currentlyAvailable: this.#available,
      restoreRate: this.#restoreRate,
    });
    if (this.#available < cost) {
      return json({
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: throttleStatus() } },
      });
    }
    this.#available -= cost;
    const { data, errors } = this.#run(operation, variables);
    return json({
      ...(errors ? { errors } : { data }),
      extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: throttleStatus() } },
    });
  };

  #refill(): void {
    const now = this.#now();
    this.#available = Math.min(this.#bucketSize, this.#available + ((now - this.#lastRefill) / 1000) * this.#restoreRate);
    this.#lastRefill = now;
  }

  #run(operation: Operation, variables: Record<string, unknown>): { data?: unknown; errors?: unknown[] } {
    switch (operation) {
      case 'discountCodeBasicCreate':
        return { data: { discountCodeBasicCreate: this.#createDiscount(variables.discount as Record<string, unknown> | undefined) } };
      case 'metafieldsSet': {
        const inputs = Array.isArray(variables.metafields) ? (variables.metafields as Array<Record<string, unknown>>) : [];
        if (inputs.length > 25) {
          return {
            errors: [
              {
                message: `The input array size of ${inputs.length} is greater than the maximum allowed of 25.`,
                extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
              },
            ],
          };
        }
        return { data: { metafieldsSet: this.#setMetafields(inputs) } };
      }
      case 'metafieldsDelete': {
        const inputs = Array.isArray(variables.metafields) ? (variables.metafields as Array<Record<string, string>>) : [];
        const deleted = inputs.filter((input) => this.metafields.delete(`${input.ownerId} ${input.namespace}.${input.key}`));
        this.mutations.push({ operation, variables, userErrors: [] });
        return { data: { metafieldsDelete: { deletedMetafields: deleted, userErrors: [] } } };
      }
      case 'codeDiscountNodeByCode': {
        const found = this.discounts.get(String(variables.code ?? '').toUpperCase());
        return { data: { codeDiscountNodeByCode: found ? { id: found.id, codeDiscount: { title: found.title } } : null } };
      }
      case 'currentAppInstallation':
        return { data: { currentAppInstallation: { id: this.appInstallationId } } };
    }
  }

  #createDiscount(input: Record<string, unknown> | undefined) {
    const errors: UserError[] = [];
    const fail = (field: string, code: string, message: string) => errors.push({ field: ['basicCodeDiscount', field], code, message });
    const discount = input ?? {};
    const code = typeof discount.code === 'string' ? discount.code.trim() : '';
    const title = typeof discount.title === 'string' ? discount.title.trim() : '';
    if (!title) fail('title', 'BLANK', "Title can't be blank");
    if (!code) fail('code', 'BLANK', "Code can't be blank");
    else if (code.length > 255) fail('code', 'TOO_LONG', 'Code is too long (maximum is 255 characters)');
    else if (/[\r\n]/.test(code)) fail('code', 'INVALID', 'Code cannot contain newline characters.');
    else if (this.discounts.has(code.toUpperCase())) fail('code', 'TAKEN', 'Code must be unique. Please try a different code.');
    const usageLimit = discount.usageLimit;
    if (usageLimit !== undefined && usageLimit !== null && !(Number.isInteger(usageLimit) && (usageLimit as number) > 0)) {
      fail('usageLimit', 'GREATER_THAN', 'Usage limit must be greater than 0');
    }
    const customers = ((discount.context as { customers?: { add?: unknown } } | undefined)?.customers?.add ?? []) as unknown[];
    if (!Array.isArray(customers) || !customers.every((id) => typeof id === 'string' && GID('Customer').test(id))) {
      fail('context', 'INVALID', 'Customer ids must be Customer global ids.');
    }
    const value = ((discount.customerGets as { value?: Record<string, unknown> } | undefined)?.value ?? {}) as FakeDiscount['value'];
    const amount = Number(value.discountAmount?.amount);
    if (Boolean(value.discountAmount) === (value.percentage !== undefined))
      fail('customerGets', 'INVALID', 'Specify exactly one of percentage or discountAmount.');
    else if (value.discountAmount && !(amount > 0)) fail('customerGets', 'GREATER_THAN', 'Value must be greater than 0');
    else if (value.percentage !== undefined && !(value.percentage > 0 && value.percentage <= 1)) {
      fail('customerGets', 'VALUE_OUTSIDE_RANGE', 'Value must be between 0.0 and 1.0');
    }
    const startsAt = typeof discount.startsAt === 'string' ? discount.startsAt : '';
    const endsAt = typeof discount.endsAt === 'string' ? discount.endsAt : null;
    if (!startsAt || Number.isNaN(Date.parse(startsAt))) fail('startsAt', 'INVALID', 'Starts at is invalid');
    if (endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) fail('endsAt', 'INVALID', 'Ends at needs to be after starts_at');

    this.mutations.push({ operation: 'discountCodeBasicCreate', variables: { discount }, userErrors: errors });
    if (errors.length) return { codeDiscountNode: null, userErrors: errors };
    const created: FakeDiscount = {
      id: `gid://shopify/DiscountCodeNode/${this.#nextId++}`,
      code,
      title,
      customers: customers as string[],
      usageLimit: (usageLimit as number | undefined) ?? null,
      appliesOncePerCustomer: discount.appliesOncePerCustomer === true,
      value,
      startsAt,
      endsAt,
    };
    this.discounts.set(code.toUpperCase(), created);
    return { codeDiscountNode: { id: created.id, codeDiscount: { title, codes: { nodes: [{ code }] } } }, userErrors: [] };
  }

  #setMetafields(inputs: Array<Record<string, unknown>>) {
    const errors: UserError[] = [];
    inputs.forEach((input, index) => {
      const fail = (field: string, code: string, message: string) =>
        errors.push({ field: ['metafields', String(index), field], code, message, elementIndex: index });
      const { ownerId, namespace, key, type, value } = input as Record<string, string | undefined>;
      if (!ownerId || !/^gid:\/\/shopify\/(Product|Customer|AppInstallation)\/\d{1,20}$/.test(ownerId))
        return fail('ownerId', 'INVALID', 'Owner does not exist');
      if (!key || !/^[A-Za-z0-9_-]{2,64}$/.test(key)) return fail('key', key ? 'INVALID' : 'BLANK', 'Key is invalid');
      if (!namespace || !/^[A-Za-z0-9_-]{3,255}$/.test(namespace)) return fail('namespace', 'INVALID', 'Namespace is invalid');
      const problem = valueProblem(type, value);
      if (problem)
        fail(
          'value',
          problem === 'type' ? 'INVALID_TYPE' : 'INVALID_VALUE',
          problem === 'type' ? 'Type is invalid' : `Value is invalid for type ${type}`,
        );
    });
    this.mutations.push({ operation: 'metafieldsSet', variables: { metafields: inputs }, userErrors: errors });
    // All or nothing, as Shopify documents.
    if (errors.length) return { metafields: null, userErrors: errors };
    for (const input of inputs)
      this.metafields.set(`${input.ownerId} ${input.namespace}.${input.key}`, { type: String(input.type), value: String(input.value) });
    return { metafields: inputs.map(({ namespace, key, value }) => ({ namespace, key, value })), userErrors: [] };
  }
}

/** What is wrong with a metafield value of `type`, for the types Shopfront writes. */
function valueProblem(type: string | undefined, value: string | undefined): 'type' | 'value' | undefined {
  if (typeof value !== 'string') return 'value';
  switch (type) {
    case 'number_integer':
      return /^-?\d{1,18}$/.test(value) ? undefined : 'value';
    case 'url':
      return /^https?:\/\/[^\s]+$/.test(value) ? undefined : 'value';
    case 'single_line_text_field':
      return value.includes('\n') ? 'value' : undefined;
    case 'rating': {
      try {
        const rating = JSON.parse(value) as Record<string, unknown>;
        const [v, min, max] = [rating.value, rating.scale_min, rating.scale_max].map(Number) as [number, number, number];
        return [v, min, max].every(Number.isFinite) && min < max && v >= min && v <= max ? undefined : 'value';
      } catch {
        return 'value';
      }
    }
    default:
      return 'type';
  }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
