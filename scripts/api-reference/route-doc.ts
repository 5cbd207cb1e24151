/** One part of a request or response: a schema, what its fields mean, and an example. */
export interface Part {
  /** A JSON schema (the route's own where it has one). */
  schema?: object;
  /** Descriptions by field path (as in the schema's field table). */
  fields?: Readonly<Record<string, string>>;
  /** Words for a part without a schema, or beside it. */
  note?: string;
  example?: unknown;
}

export interface ResponseDoc extends Part {
  status: number;
}

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  summary: string;
  /** Who may call it. */
  who: string;
  headers?: Readonly<Record<string, string>>;
  params?: Part;
  query?: Part;
  body?: Part;
  responses: readonly ResponseDoc[];
  /** Error codes it may answer besides those every route may (see the error table). */
  errors: readonly string[];
  notes?: readonly string[];
}
