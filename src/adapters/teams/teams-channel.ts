import { ConfidentialClientApplication } from '@azure/msal-node';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ChannelContext, RunningChannel } from '../channel.ts';
import { TeamsConnector } from './teams-connector.ts';
import { TeamsNotifier } from './teams-notifier.ts';
import type { TeamsSettings } from './teams-settings.ts';

/** The route the Bot Connector (or the Emulator) posts activities to. */
export const messagesPath = '/api/messages';

// One activity is well under 100 KB (Teams limits a message to about 28 KB).
const maxBodyBytes = 512 * 1024;
// Well inside the 15 s after which Teams resends: a turn still running then is answered 200 and goes on.
const budgetMs = 10_000;

/** CloudAdapter with its turn entry point open: Balie parses the body and answers the request itself. */
class BalieCloudAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * botbuilder's authentication for these settings. Production: its own defaults (Microsoft's
 * endpoints) from the app id, password, type and tenant. With the endpoints overridden (the
 * Emulator, a stand-in): every one of botbuilder's settings, since setting any of them leaves the
 * others undefined, and the bot's own token from an MSAL client that knows the login authority
 * (MSAL would otherwise ask Microsoft's discovery first). No app id: authentication off.
 */
function authentication(settings: TeamsSettings): ConfigurationBotFrameworkAuthentication {
  if (!settings.authenticated) return new ConfigurationBotFrameworkAuthentication({});
  const { appId, password, appType, tenantId, endpoints } = settings;
  const credentials = { MicrosoftAppId: appId, MicrosoftAppPassword: password, MicrosoftAppType: appType, MicrosoftAppTenantId: tenantId };
  if (!endpoints) return new ConfigurationBotFrameworkAuthentication(credentials);
  const authority = `${endpoints.loginUrl}/${tenantId}`;
  const msal = new ConfidentialClientApplication({ auth: { clientId: appId, clientSecret: password, authority, knownAuthorities: [new URL(endpoints.loginUrl).host] } });
  return new ConfigurationBotFrameworkAuthentication(
    {
      ...credentials,
      ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
      ToChannelFromBotLoginUrl: authority,
      ToChannelFromBotOAuthScope: endpoints.oauthScope,
      OAuthUrl: endpoints.oauthScope,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    },
    // One @azure/msal-node; its ESM and CommonJS type declarations differ only in a private field.
    new MsalServiceClientCredentialsFactory(appId, msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]),
  );
}

// What botbuilder needs of a body before it looks at the token; parseTeamsActivity reads the rest.
const envelope = z.looseObject({ type: z.string().min(1), serviceUrl: z.string().optional(), channelId: z.string().optional() });

/**
 * Opens the channel: botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication, the
 * connector and the notifier; mounts `POST /api/messages`. The token is checked before anything
 * else (issuer, audience, `serviceurl`, expiry, signing keys): every authentication failure is a
 * 401, a forged signature included (botbuilder itself answers that with a 500), and nothing is
 * handled or sent. Teams gets its answer once the turn is saved and its replies are sent, or after
 * 10 s at most (the turn goes on), so that Teams does not resend it.
 */
export async function openTeams(settings: TeamsSettings, context: ChannelContext): Promise<RunningChannel> {
  const adapter = new BalieCloudAdapter(authentication(settings));
  const connector = new TeamsConnector({ handler: context.handler, values: context.values, views: context.views, logger: context.logger, count: context.count });
  const appId = settings.authenticated ? settings.appId : '';
  const notifier = new TeamsNotifier(adapter, appId, context.values);
  if (settings.authenticated) {
    context.logger.info({ appId, appType: settings.appType, endpoints: settings.endpoints ? 'overridden' : 'Microsoft' }, 'teams: every activity’s token is checked');
  } else {
    context.logger.warn(
      { authentication: 'off' },
      'TEAMS AUTHENTICATION IS OFF (TEAMS_ALLOW_UNAUTHENTICATED=true, no MICROSOFT_APP_ID): ANYONE WHO CAN REACH /api/messages CAN POST TO BALIE AS ANY USER. Use this only with the Bot Framework Emulator on your own machine.',
    );
  }
  const handle: RequestHandler = async (req, res) => {
    const parsed = envelope.safeParse(req.body);
    if (!parsed.success) {
      context.count('rejected');
      res.status(400).json({ error: 'not an activity' });
      return;
    }
    let started = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const running = adapter.run(req.get('authorization') ?? '', parsed.data as unknown as Activity, async (turn) => {
        started = true;
        await connector.onTurn(turn);
      });
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), budgetMs)));
      const invoke = await Promise.race([running, late]);
      if (invoke === 'late' && started) {
        // Answered so that Teams does not resend; shutdown waits for the rest of the turn.
        context.track(running);
        context.logger.warn({ budgetMs }, 'teams: a turn still runs after the budget; answered 200, its replies follow');
        res.status(200).end();
        return;
      }
      const answer = invoke === 'late' ? await running : invoke;
      res.status(answer?.status ?? 200);
      if (answer?.body !== undefined) res.json(answer.body);
      else res.end();
    } catch (error) {
      if (started) {
        context.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'teams: turn failed');
        res.status(500).end();
        return;
      }
      // Refused before any turn: a missing, expired or forged token, another audience or service URL.
      context.count('rejected');
      context.logger.warn({ reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' }, 'teams: request refused (authentication)');
      res.status(401).json({ error: 'unauthorized' });
    } finally {
      clearTimeout(timer);
    }
  };
  const refuseBody: ErrorRequestHandler = (error: { status?: unknown; type?: unknown }, _req, res, _next) => {
    context.count('rejected');
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
    res.status(status).json({ error: error.type === 'entity.too.large' ? 'body too large' : 'malformed body' });
  };
  return {
    notifier,
    mount: (router) => router.post(messagesPath, express.json({ limit: maxBodyBytes, type: () => true }), handle, refuseBody),
    start: async () => {},
    stop: async () => {},
  };
}
