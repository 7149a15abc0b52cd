import type { Actor, Role } from '../../core/shared/roles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call this route. Every /api route must declare it (a test checks). */
    roles?: readonly Role[];
    /** Marks a route open to anyone (health, metrics, docs). */
    public?: boolean;
  }
  interface FastifyInstance {
    routeTable: {
      method: string;
      url: string;
      config: { roles?: readonly Role[]; public?: boolean };
    }[];
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export {};
