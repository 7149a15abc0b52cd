import { Type } from 'typebox';
import { PageQuery } from '../pagination.js';

const Id = Type.Integer({ minimum: 1 });
const EventTypes = Type.Array(
  Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'An event type (order.created), a family (order.*) or * for all',
  }),
  { minItems: 1, maxItems: 100 },
);
const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL to POST to' });
const Description = Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 500 });

export const EndpointParams = Type.Object({ id: Id });

export const EndpointIn = Type.Object(
  { url: Url, description: Type.Optional(Description), eventTypes: EventTypes },
  { additionalProperties: false },
);

export const EndpointPatchIn = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(EventTypes),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('disabled')], {
        description: 'active re-enables an endpoint (e.g. after its receiver answered 410)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RotateIn = Type.Object(
  {
    graceHours: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 720,
        default: 24,
        description: 'How long the old secret keeps signing beside the new one',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object({ id: Id });

export const DeliveryQuery = Type.Object(
  {
    endpointId: Type.Optional(Id),
    status: Type.Optional(
      Type.Union(
        ['pending', 'delivering', 'succeeded', 'dead'].map((s) => Type.Literal(s)),
        {
          description: 'dead = the dead letter: retries spent, or the receiver answered 410',
        },
      ),
    ),
    eventType: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const WebhookSettingsIn = Type.Object(
  {
    allowPrivateTargets: Type.Boolean({
      description:
        'Allow targets that resolve to loopback, private, link-local or unique-local addresses',
    }),
  },
  { additionalProperties: false },
);
