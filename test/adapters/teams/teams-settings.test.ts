import { describe, expect, it } from 'vitest';
import { teamsSettings } from '../../../src/adapters/teams/index.ts';
import { configuredChannels } from '../../../src/app/channels.ts';
import { BalieError } from '../../../src/core/index.ts';

const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const tenant = '9188040d-6c67-4c5b-b112-36a304b66dad';
const app = { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'client-secret', MICROSOFT_APP_TENANT_ID: tenant };
const endpoints = { BOTFRAMEWORK_OPENID_METADATA_URL: 'http://127.0.0.1:9000/openid', BOTFRAMEWORK_TOKEN_ISSUER: 'https://issuer.test', BOTFRAMEWORK_LOGIN_URL: 'https://127.0.0.1:9001/' };

const refusal = (env: Record<string, string>) => {
  try {
    teamsSettings(env);
  } catch (error) {
    if (error instanceof BalieError) return error.message;
    throw error;
  }
  return null;
};

describe('Teams settings', () => {
  it('runs no Teams without its variables, and SingleTenant with Microsoft’s endpoints by default', () => {
    expect(teamsSettings({})).toBeNull();
    expect(teamsSettings({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' })).toBeNull();
    expect(teamsSettings(app)).toEqual({ authenticated: true, appId, password: 'client-secret', appType: 'SingleTenant', tenantId: tenant, endpoints: null });
    expect(configuredChannels(app).map((c) => [c.name, c.configured.mode])).toEqual([['teams', 'POST /api/messages']]);
  });

  it('takes the endpoint overrides all together, the scope defaulting to the Bot Framework’s', () => {
    expect(teamsSettings({ ...app, ...endpoints })?.authenticated && teamsSettings({ ...app, ...endpoints })).toMatchObject({
      endpoints: { openIdMetadataUrl: 'http://127.0.0.1:9000/openid', tokenIssuer: 'https://issuer.test', loginUrl: 'https://127.0.0.1:9001', oauthScope: 'https://api.botframework.com' },
    });
    expect(refusal({ ...app, BOTFRAMEWORK_OPENID_METADATA_URL: endpoints.BOTFRAMEWORK_OPENID_METADATA_URL })).toMatch(/^Invalid configuration: BOTFRAMEWORK_TOKEN_ISSUER: required when BOTFRAMEWORK_OPENID_METADATA_URL is set: .*all together or not at all/);
    expect(refusal({ ...app, ...endpoints, BOTFRAMEWORK_LOGIN_URL: 'http://127.0.0.1:9001' })).toMatch(/^Invalid configuration: BOTFRAMEWORK_LOGIN_URL: expected https URL/);
    expect(refusal({ ...app, BOTFRAMEWORK_OAUTH_SCOPE: 'x' })).toMatch(/BOTFRAMEWORK_OAUTH_SCOPE: only together with/);
  });

  it('refuses to run without an app id, where botbuilder would check no token, unless the Emulator is asked for', () => {
    expect(refusal({ MICROSOFT_APP_PASSWORD: 'x' })).toMatch(/^Invalid configuration: MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set .*TEAMS_ALLOW_UNAUTHENTICATED=true/);
    expect(teamsSettings({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toEqual({ authenticated: false });
    expect(configuredChannels({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' })[0]?.configured.mode).toBe('POST /api/messages (UNAUTHENTICATED)');
    expect(refusal({ ...app, TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toMatch(/^Invalid configuration: TEAMS_ALLOW_UNAUTHENTICATED: only for the Bot Framework Emulator without MICROSOFT_APP_ID/);
    expect(refusal({ TEAMS_ALLOW_UNAUTHENTICATED: 'yes' })).toMatch(/TEAMS_ALLOW_UNAUTHENTICATED: expected true or false/);
  });

  it.each([
    [{ MICROSOFT_APP_ID: 'my-bot' }, /MICROSOFT_APP_ID: expected the bot’s Microsoft App ID/],
    [{ MICROSOFT_APP_ID: appId }, /MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID/],
    [{ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'x' }, /MICROSOFT_APP_TENANT_ID: required for a SingleTenant bot/],
    [{ ...app, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, /MICROSOFT_APP_TYPE: expected SingleTenant \(the default\) or MultiTenant/],
  ])('names the variable: %o', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('lets an existing multi-tenant bot run without a tenant id', () => {
    expect(teamsSettings({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'MultiTenant' })).toMatchObject({ appType: 'MultiTenant', tenantId: 'botframework.com' });
  });
});
