import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The hexagon rule lives in eslint.config.js; these cases prove it fires (and only where it should).
const eslint = new ESLint();

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layering rule', () => {
  it.each([
    ['src/core/example.ts', "import { createClient } from 'redis';\nexport const c = createClient;\n"],
    ['src/core/example.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n"],
    ['src/dialogs/example.ts', "import { Bot } from 'grammy';\nexport const b = Bot;\n"],
    ['src/dialogs/example.ts', "import { BotFrameworkAdapter } from 'botbuilder';\nexport const b = BotFrameworkAdapter;\n"],
    ['src/dialogs/example.ts', "import { MemorySeatLedger } from '../store/memory-seat-ledger.ts';\nexport const m = MemorySeatLedger;\n"],
    ['src/core/example.ts', "import { Bot } from '../app/bot.ts';\nexport const b = Bot;\n"],
    ['src/dialogs/example.ts', "import { ConsoleConnector } from '../adapters/console/console-connector.ts';\nexport const c = ConsoleConnector;\n"],
    ['src/core/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await restrictedImportMessages(filePath, code)).toHaveLength(1);
  });

  it('allows the same imports outside the pure layers, and core imports inside them', async () => {
    expect(await restrictedImportMessages('src/store/example.ts', "import { createClient } from 'redis';\nexport const c = createClient;\n")).toEqual([]);
    expect(await restrictedImportMessages('src/dialogs/example.ts', "import { parseEvent } from '../core/event.ts';\nexport const p = parseEvent;\n")).toEqual([]);
  });
});
