import { z } from 'zod';
import { BalieError, readEnvironment, type Environment } from '../../core/index.ts';

/** The scope of the bot's own token for the Bot Connector, when BOTFRAMEWORK_OAUTH_SCOPE is not set. */
export const defaultOAuthScope = 'https://api.botframework.com';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const url = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        const parsed = new URL(value);
        return protocols.includes(parsed.protocol) && parsed.hash === '';
      } catch {
        return false;
      }
    },
    { error: `expected ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, such as ${example}` },
  );

const environment = z.object({
  MICROSOFT_APP_ID: z.string().regex(guid, { error: 'expected the bot’s Microsoft App ID (a GUID from the Azure Bot registration)' }).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).max(1024).optional(),
  MICROSOFT_APP_TENANT_ID: z
    .string()
    .regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i, { error: 'expected the directory (tenant) ID, a GUID, or its domain' })
    .optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant'], { error: 'expected SingleTenant (the default) or MultiTenant' }).optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
  BOTFRAMEWORK_OPENID_METADATA_URL: url(['https:', 'http:'], 'https://login.botframework.com/v1/.well-known/openidconfiguration').optional(),
  BOTFRAMEWORK_TOKEN_ISSUER: z.string().min(1).max(500).optional(),
  BOTFRAMEWORK_LOGIN_URL: url(['https:'], 'https://login.microsoftonline.com').optional(),
  BOTFRAMEWORK_OAUTH_SCOPE: z.string().min(1).max(500).optional(),
});

/** Where the Bot Framework's own endpoints are, when they are not Microsoft's (the Emulator, a local stand-in). */
export interface BotFrameworkEndpoints {
  /** The OpenID metadata whose JWKS signs inbound activities. */
  openIdMetadataUrl: string;
  /** The `iss` every inbound token must carry. */
  tokenIssuer: string;
  /** The https authority base of the bot's own token (the tenant is appended), without a trailing slash. */
  loginUrl: string;
  /** The scope of the bot's own token. */
  oauthScope: string;
}

/** How Balie talks to Teams, read from the MICROSOFT_APP_*, TEAMS_* and BOTFRAMEWORK_* variables. */
export type TeamsSettings =
  | {
      authenticated: true;
      appId: string;
      password: string;
      appType: 'SingleTenant' | 'MultiTenant';
      /** Required for SingleTenant; MultiTenant bots use `botframework.com`. */
      tenantId: string;
      /** null in production: botbuilder's own (Microsoft's) endpoints. */
      endpoints: BotFrameworkEndpoints | null;
    }
  /** TEAMS_ALLOW_UNAUTHENTICATED=true and no app id: for the Bot Framework Emulator only; anyone can post. */
  | { authenticated: false };

const endpointVariables = ['BOTFRAMEWORK_OPENID_METADATA_URL', 'BOTFRAMEWORK_TOKEN_ISSUER', 'BOTFRAMEWORK_LOGIN_URL'] as const;

function refuse(variable: string, why: string): never {
  throw new BalieError('config_invalid', `Invalid configuration: ${variable}: ${why}`);
}

/**
 * The Teams settings, or null when Teams is not configured (no Teams variable is set). An app id
 * needs its password, and SingleTenant (the default: new multi-tenant bots can no longer be
 * created) its tenant. Without an app id botbuilder checks no token at all, so Balie refuses that
 * unless TEAMS_ALLOW_UNAUTHENTICATED=true (the Emulator). The endpoint overrides are all or none,
 * as botbuilder's own settings are: set one and the others would silently be undefined.
 */
export function teamsSettings(env: Environment): TeamsSettings | null {
  const values = readEnvironment(environment, env);
  const set = (Object.keys(environment.shape) as Array<keyof typeof values>).filter((name) => values[name] !== undefined);
  const appId = values.MICROSOFT_APP_ID;
  const unauthenticated = values.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (!appId) {
    if (unauthenticated) {
      const stray = set.filter((name) => name !== 'TEAMS_ALLOW_UNAUTHENTICATED');
      if (stray.length > 0) refuse(stray[0] as string, 'has no effect without MICROSOFT_APP_ID (TEAMS_ALLOW_UNAUTHENTICATED=true checks no token at all)');
      return { authenticated: false };
    }
    const stray = set.filter((name) => name !== 'TEAMS_ALLOW_UNAUTHENTICATED');
    if (stray.length > 0) refuse('MICROSOFT_APP_ID', `required when ${stray.join(' or ')} is set (without it botbuilder checks no token; for the Bot Framework Emulator set TEAMS_ALLOW_UNAUTHENTICATED=true instead)`);
    return null;
  }
  if (unauthenticated) refuse('TEAMS_ALLOW_UNAUTHENTICATED', 'only for the Bot Framework Emulator without MICROSOFT_APP_ID; with an app id every request is checked');
  const password = values.MICROSOFT_APP_PASSWORD ?? refuse('MICROSOFT_APP_PASSWORD', 'required with MICROSOFT_APP_ID (the client secret of the app registration)');
  const appType = values.MICROSOFT_APP_TYPE ?? 'SingleTenant';
  const tenantId = values.MICROSOFT_APP_TENANT_ID ?? (appType === 'MultiTenant' ? 'botframework.com' : refuse('MICROSOFT_APP_TENANT_ID', 'required for a SingleTenant bot (the default MICROSOFT_APP_TYPE)'));
  const overrides = endpointVariables.filter((name) => values[name] !== undefined);
  if (overrides.length === 0 && values.BOTFRAMEWORK_OAUTH_SCOPE !== undefined) refuse('BOTFRAMEWORK_OAUTH_SCOPE', `only together with ${endpointVariables.join(', ')}`);
  if (overrides.length > 0 && overrides.length < endpointVariables.length) {
    const missing = endpointVariables.filter((name) => values[name] === undefined);
    refuse(missing[0] as string, `required when ${overrides.join(' or ')} is set: the Bot Framework endpoints are overridden all together or not at all`);
  }
  const endpoints =
    overrides.length === 0
      ? null
      : {
          openIdMetadataUrl: values.BOTFRAMEWORK_OPENID_METADATA_URL as string,
          tokenIssuer: values.BOTFRAMEWORK_TOKEN_ISSUER as string,
          loginUrl: (values.BOTFRAMEWORK_LOGIN_URL as string).replace(/\/+$/, ''),
          oauthScope: values.BOTFRAMEWORK_OAUTH_SCOPE ?? defaultOAuthScope,
        };
  return { authenticated: true, appId, password, appType, tenantId, endpoints };
}
